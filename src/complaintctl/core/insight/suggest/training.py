"""`suggest train`: a model per field from the team's own classified complaints, kept in the
database; and when a model is stale (trained before much of the history it should know)."""

from __future__ import annotations

import time
from collections import Counter
from datetime import datetime

from complaintctl.core.insight.suggest import learn
from complaintctl.core.insight.suggest.features import complaint_text
from complaintctl.core.insight.suggest.tables import model_header, save_model
from complaintctl.core.record.dates import to_iso
from complaintctl.errors import InvalidInput
from complaintctl.store.db import transaction
from complaintctl.store.engine import Connection

FIELDS = ("category", "severity", "cause", "personality", "motive")
MIN_EXAMPLES = 30   # labelled complaints a field needs before anything is suggested for it
MIN_PER_LABEL = 3   # a code with fewer examples is not learned (it would be a guess from one letter)
STALE_SHARE, STALE_MIN = 0.10, 20  # retrain when this share (and at least this many) of classifications are newer
METHODS = ("auto", "svm", "naive-bayes", "centroid")


def check_fields(fields: list[str] | None) -> list[str]:
    if not fields:
        return list(FIELDS)
    unknown = [f for f in fields if f not in FIELDS]
    if unknown:
        raise InvalidInput(f"cannot suggest {', '.join(unknown)}", hint="fields: " + ", ".join(FIELDS))
    return list(dict.fromkeys(fields))


def history(conn: Connection, field: str) -> tuple[list[str], list[str]]:
    """(texts, codes) of the complaints classified in ``field``, oldest first."""
    texts, labels = [], []
    for subject, description, code in conn.execute(
            f"SELECT subject, description, {field} FROM complaints WHERE {field} IS NOT NULL ORDER BY id"):
        texts.append(complaint_text(subject, description))
        labels.append(code)
    return texts, labels


def learnable(labels: list[str]) -> tuple[set[str], str | None]:
    """The codes a model can learn from ``labels``, or why the history is too little."""
    per_code = Counter(labels)
    codes = {c for c, n in per_code.items() if n >= MIN_PER_LABEL}
    usable = sum(per_code[c] for c in codes)
    if usable < MIN_EXAMPLES or len(codes) < 2:
        return codes, (f"too little history: {len(labels)} classified complaints, {len(codes)} code(s) with "
                       f"{MIN_PER_LABEL}+ examples (needs {MIN_EXAMPLES} complaints in 2+ codes)")
    return codes, None


def choose_method(method: str) -> str:
    if method not in METHODS:
        raise InvalidInput(f"unknown method {method!r}", hint="auto, svm, naive-bayes or centroid")
    if method == "svm" and not learn.have_sklearn():
        raise InvalidInput("the svm method needs scikit-learn", hint='pip install "complaintctl[suggest]"')
    if method == "auto":  # without scikit-learn: naive Bayes or the centroid, whichever the history favours
        return "svm" if learn.have_sklearn() else "plain"
    return method


FITTERS = {"svm": learn.fit_linear, "naive-bayes": learn.fit_naive_bayes, "centroid": learn.fit_centroid,
           "plain": learn.fit_plain}


def fit(field: str, texts: list[str], labels: list[str], method: str) -> learn.Model:
    """A model of ``field`` from labelled texts (codes with too few examples left out)."""
    codes, _ = learnable(labels)
    keep = [i for i, code in enumerate(labels) if code in codes]
    texts, labels = [texts[i] for i in keep], [labels[i] for i in keep]
    fitter = FITTERS[method if method == "plain" else choose_method(method)]
    model = fitter(field, texts, labels)
    model.examples = len(texts)
    model.details["label_examples"] = dict(Counter(labels))
    return model


def train(conn: Connection, fields: list[str] | None = None, *, method: str = "auto", actor: str,
          now: datetime) -> list[dict]:
    """Train a model for each field with enough history; one row per field: what was trained, or why not."""
    method = choose_method(method)
    results = []
    for field in check_fields(fields):
        texts, labels = history(conn, field)
        _, short = learnable(labels)
        if short:
            results.append({"field": field, "trained": False, "reason": short, "examples": len(labels)})
            continue
        started = time.perf_counter()
        model = fit(field, texts, labels, method)
        seconds = time.perf_counter() - started
        model.details["history_mark"] = _mark(conn, field)
        with transaction(conn):
            save_model(conn, model, at=to_iso(now), actor=actor, seconds=seconds)
        head = model_header(conn, field)
        if head is None:  # saved just above, in this transaction's connection
            raise RuntimeError(f"the {field} model saved was not found")
        results.append({"field": field, "trained": True, "model": head["id"], "version": head["version"],
                        "method": head["method"], "examples": head["examples"], "labels": head["labels"],
                        "weights": head["weights"], "size_bytes": head["size_bytes"], "seconds": round(seconds, 2),
                        "held_out_top1": model.details.get("held_out_top1"),
                        "held_out_check": model.details.get("held_out_check")})
    return results


def _mark(conn: Connection, field: str) -> int:
    """The newest event id when the history was read: a later model knows what came after it."""
    return conn.execute("SELECT coalesce(max(id), 0) FROM events").fetchone()[0]


def stale_reason(conn: Connection, field: str) -> str | None:
    """Why ``field``'s model should be trained again (None when it is fresh or there is none):
    complaints were classified or imported since, as many as a tenth of what it learned from."""
    head = model_header(conn, field)
    if head is None:
        return None
    import json

    mark = json.loads(head["details"] or "{}").get("history_mark", 0)
    newer = conn.execute(
        "SELECT count(*) FROM events WHERE action IN ('classified', 'imported') AND at >= ? AND id > ? "
        "AND (action = 'imported' OR field = ?)", (head["trained_at"], mark, field)).fetchone()[0]
    if newer >= max(STALE_MIN, STALE_SHARE * head["examples"]):
        return f"{newer:,} complaints classified or imported since it was trained on {head['examples']:,}"
    return None
