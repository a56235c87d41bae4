"""Migration 026: a model's weights name their code by number. Released: never edit; a change is a new migration."""

from __future__ import annotations

from complaintctl.store.engine import Connection


def apply(conn: Connection) -> None:
    """`suggest_labels.number` (1, 2, ... within a model) and `suggest_weights.label_number` in
    place of `suggest_weights.label`: a code's text is written once per model, not once per weight.
    A model's rows are capped (learn.MAX_MODEL_BYTES), and with the code written on every weight
    the cap held code text instead of weights: naive Bayes on CFPB products, codes of 24
    characters, fell from 83.5 to 74.6 top-1 (docs/development.md). Read a weight's code with
    ``JOIN suggest_labels l ON l.model_id = w.model_id AND l.number = w.label_number``."""
    conn.execute(
        "CREATE TABLE suggest_labels_numbered ("
        " model_id INTEGER NOT NULL REFERENCES suggest_models(id) ON DELETE CASCADE,"
        " number INTEGER NOT NULL CHECK (number > 0),"
        " label TEXT NOT NULL,"
        " examples INTEGER NOT NULL,"
        " bias REAL NOT NULL,"
        " unseen REAL NOT NULL,"
        " PRIMARY KEY (model_id, number),"
        " UNIQUE (model_id, label)) STRICT, WITHOUT ROWID")
    conn.execute(
        "INSERT INTO suggest_labels_numbered (model_id, number, label, examples, bias, unseen) "
        "SELECT model_id, row_number() OVER (PARTITION BY model_id ORDER BY label), label, examples, bias, unseen "
        "FROM suggest_labels")
    conn.execute(
        "CREATE TABLE suggest_weights_numbered ("
        " model_id INTEGER NOT NULL REFERENCES suggest_models(id) ON DELETE CASCADE,"
        " feature TEXT NOT NULL,"
        " label_number INTEGER NOT NULL,"
        " weight REAL NOT NULL,"
        " PRIMARY KEY (model_id, feature, label_number)) STRICT, WITHOUT ROWID")
    conn.execute(
        "INSERT INTO suggest_weights_numbered (model_id, feature, label_number, weight) "
        "SELECT w.model_id, w.feature, l.number, w.weight FROM suggest_weights w "
        "JOIN suggest_labels_numbered l ON l.model_id = w.model_id AND l.label = w.label")
    conn.execute("DROP TABLE suggest_weights")
    conn.execute("DROP TABLE suggest_labels")
    conn.execute("ALTER TABLE suggest_labels_numbered RENAME TO suggest_labels")
    conn.execute("ALTER TABLE suggest_weights_numbered RENAME TO suggest_weights")


apply_postgresql = apply  # portable: store/postgresql/migrate.py translates the table statements
