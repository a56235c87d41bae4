"""`suggest evaluate`: how far to trust the suggestions, measured on the team's own data. Per
field, a model is trained on 80% of the classified complaints and judged on the other 20%: top-1
and top-3 accuracy against always guessing the commonest code, and each code's precision and recall."""

from __future__ import annotations

import random
from collections import Counter

from complaintctl.core.insight.suggest.features import counts
from complaintctl.core.insight.suggest.model import CENTROID, LINEAR, NAIVE_BAYES
from complaintctl.core.insight.suggest.tables import model_header
from complaintctl.core.insight.suggest.training import check_fields, choose_method, fit, history, learnable
from complaintctl.store.engine import Connection

SEED = 1
TRAINED_AS = {NAIVE_BAYES: "naive-bayes", CENTROID: "centroid", LINEAR: "svm"}  # a stored method -> --method


def evaluate(conn: Connection, fields: list[str] | None = None, *, method: str = "auto",
             seed: int = SEED) -> list[dict]:
    """One result per field: its figures, or ``enough: False`` and why. With ``auto``, a field
    that has a model is judged with the method that model was trained with, so the figures speak
    for the suggestions a person sees."""
    chosen = choose_method(method)
    out = []
    for field in check_fields(fields):
        head = model_header(conn, field) if method == "auto" else None
        used = TRAINED_AS.get(head["method"], chosen) if head is not None else chosen
        if used == "svm" and chosen != "svm":  # trained with scikit-learn, which is not here now
            used = chosen
        texts, labels = history(conn, field)
        codes, short = learnable(labels)
        if short:
            out.append({"field": field, "enough": False, "reason": short})
            continue
        rows = [(t, code) for t, code in zip(texts, labels, strict=True) if code in codes]
        out.append({"field": field, "enough": True, **held_out_figures(field, rows, used, seed)})
    return out


def held_out_figures(field: str, rows: list[tuple[str, str]], method: str, seed: int = SEED) -> dict:
    """Train on a shuffled 80% of ``rows`` (text, code), judge on the rest."""
    rows = list(rows)
    random.Random(seed).shuffle(rows)
    cut = int(len(rows) * 0.8)
    train, test = rows[:cut], rows[cut:]
    model = fit(field, [t for t, _ in train], [c for _, c in train], method)
    majority = Counter(c for _, c in train).most_common(1)[0][0]
    predicted = [[s["code"] for s in model.rank(counts(t), 3)] for t, _ in test]
    gold = [c for _, c in test]
    n = len(test)
    top1 = sum(p[0] == g for p, g in zip(predicted, gold, strict=True))
    top3 = sum(g in p for p, g in zip(predicted, gold, strict=True))
    per_label = []
    for code in sorted(set(gold) | {p[0] for p in predicted}):
        said = sum(p[0] == code for p in predicted)
        right = sum(p[0] == code == g for p, g in zip(predicted, gold, strict=True))
        there = sum(g == code for g in gold)
        per_label.append({"code": code, "examples": there, "precision": _share(right, said),
                          "recall": _share(right, there)})
    return {"method": model.method, "train": len(train), "test": n, "top1": _share(top1, n), "top3": _share(top3, n),
            "majority": majority, "majority_top1": _share(sum(g == majority for g in gold), n), "labels": per_label}


def _share(part: int, whole: int) -> float | None:
    return round(part / whole, 3) if whole else None
