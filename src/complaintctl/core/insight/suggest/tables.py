"""Models in the database: written by `suggest train`, read by every suggestion.

The tables (migrations 019 and 026) are meant to be read with plain SQL: ``suggest_models`` (one
row a model: field, method, version, training date, size), ``suggest_labels`` (its codes,
numbered 1, 2, ... within the model), ``suggest_features`` and ``suggest_weights`` (n-gram x
code number). A field has one model; training a new one replaces the old in the same transaction.
"""

from __future__ import annotations

import json

from complaintctl.core.insight.suggest.model import Model, feature_bytes, label_bytes, weight_bytes
from complaintctl.store.engine import Connection, Row


def save_model(conn: Connection, model: Model, *, at: str, actor: str, seconds: float) -> int:
    """Store ``model`` as the model of its field, inside the caller's transaction; return its id.
    The field's earlier models go with their rows."""
    old = [r[0] for r in conn.execute("SELECT id FROM suggest_models WHERE field = ?", (model.field,))]
    version = 1 + (conn.execute("SELECT coalesce(max(version), 0) FROM suggest_models WHERE field = ?",
                                (model.field,)).fetchone()[0])
    for model_id in old:
        for table in ("suggest_weights", "suggest_features", "suggest_labels"):
            conn.execute(f"DELETE FROM {table} WHERE model_id = ?", (model_id,))
        conn.execute("DELETE FROM suggest_models WHERE id = ?", (model_id,))
    pairs = sum(len(v) for v in model.weights.values())
    size = (sum(map(feature_bytes, model.features)) + sum(weight_bytes(f, len(v)) for f, v in model.weights.items())
            + sum(map(label_bytes, model.labels)))
    cur = conn.execute(
        "INSERT INTO suggest_models (field, method, version, trained_at, trained_by, examples, labels, features, "
        "weights, size_bytes, temperature, seconds, details) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        (model.field, model.method, version, at, actor, model.examples, len(model.labels), len(model.features),
         pairs, size, model.temperature, round(seconds, 3), json.dumps(model.details, ensure_ascii=False)))
    model_id = cur.fetchone()[0]
    number = {label: n for n, label in enumerate(sorted(model.labels), start=1)}
    conn.executemany("INSERT INTO suggest_labels (model_id, number, label, examples, bias, unseen) "
                     "VALUES (?, ?, ?, ?, ?, ?)",
                     [(model_id, number[label], label, model.details.get("label_examples", {}).get(label, 0), bias,
                       unseen) for label, (bias, unseen) in model.labels.items()])
    conn.executemany("INSERT INTO suggest_features (model_id, feature, idf) VALUES (?, ?, ?)",
                     [(model_id, f, idf) for f, idf in model.features.items()])
    conn.executemany("INSERT INTO suggest_weights (model_id, feature, label_number, weight) VALUES (?, ?, ?, ?)",
                     [(model_id, f, number[label], w) for f, row in model.weights.items() for label, w in row])
    model.id = model_id
    return model_id


def model_rows(conn: Connection) -> list[dict]:
    """The models, one row each, as `suggest status` shows them."""
    return [dict(r) for r in conn.execute(
        "SELECT id, field, method, version, trained_at, trained_by, examples, labels, features, weights, size_bytes, "
        "temperature, seconds, details FROM suggest_models ORDER BY field")]


def model_header(conn: Connection, field: str) -> Row | None:
    return conn.execute("SELECT * FROM suggest_models WHERE field = ?", (field,)).fetchone()


def load_model(conn: Connection, field: str, grams=None) -> Model | None:
    """The model of ``field``; with ``grams`` (a text's n-grams) only the features and
    weights those touch are read: one indexed lookup per n-gram, not the whole model."""
    head = model_header(conn, field)
    if head is None:
        return None
    model_id = head["id"]
    labels, named = {}, {}
    for number, label, bias, unseen in conn.execute(
            "SELECT number, label, bias, unseen FROM suggest_labels WHERE model_id = ? ORDER BY number", (model_id,)):
        labels[label] = (bias, unseen)
        named[number] = label
    if grams is None:
        where, args = "", []
    else:
        where, args = " AND feature IN (SELECT value FROM json_each(?))", [json.dumps(list(grams), ensure_ascii=False)]
    features = {r[0]: r[1] for r in conn.execute(
        f"SELECT feature, idf FROM suggest_features WHERE model_id = ?{where}", [model_id, *args])}
    weights: dict[str, list[tuple[str, float]]] = {}
    for feature, number, weight in conn.execute(
            f"SELECT feature, label_number, weight FROM suggest_weights WHERE model_id = ?{where}", [model_id, *args]):
        weights.setdefault(feature, []).append((named[number], weight))
    details = json.loads(head["details"]) if head["details"] else {}
    return Model(field=field, method=head["method"], labels=labels, features=features, weights=weights,
                 temperature=head["temperature"], id=model_id, trained_at=head["trained_at"],
                 examples=head["examples"], details={**details, "version": head["version"]})
