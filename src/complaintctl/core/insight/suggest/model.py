"""A suggestion model as plain data, and scoring a text with it in plain Python.

Both kinds of model are linear in the text's n-grams, so one scorer serves them:

    score(label) = bias[label] + unseen[label] * sum(x) + sum(x[f] * weight[f, label])

- ``linear`` (a linear SVM trained with scikit-learn on TF-IDF): x[f] = (1 + log count) * idf[f],
  divided by the length of that vector; ``unseen`` is 0.
- ``centroid`` (no dependency): x[f] as for ``linear``; ``weight`` the code's mean direction (its
  complaints' vectors summed, to unit length), so a score is the cosine to it.
- ``naive_bayes`` (no dependency): x[f] = count; ``bias`` is the label's log prior, ``unseen`` the
  log probability of an n-gram never seen with the label, ``weight`` how much more likely the
  n-gram is with the label than that.

Only n-grams the model kept (its ``features``) count. A confidence is softmax(temperature * score),
the temperature fitted on held-out complaints when the model was trained.
"""

from __future__ import annotations

import math
from collections import Counter

LINEAR, NAIVE_BAYES, CENTROID = "linear", "naive_bayes", "centroid"
# what a model's rows hold beside their text (numbers, SQLite's record header): the one rule for a
# model's size, used to cap it when trained (learn.within_size) and to report it (suggest status)
LABEL_ROW, FEATURE_ROW, WEIGHT_ROW = 26, 12, 14


def label_bytes(label: str) -> int:
    return len(label.encode()) + LABEL_ROW


def feature_bytes(feature: str) -> int:
    return len(feature.encode()) + FEATURE_ROW


def weight_bytes(feature: str, labels: int) -> int:
    """A feature's weights: one row per code it speaks for, each naming its code by number."""
    return (len(feature.encode()) + WEIGHT_ROW) * labels
REASONS = 3  # words or characters shown for each suggested code
EDGES = " ,.;:!?()[]\"'，。；：！？、（）“”‘’"  # stripped from the ends of a reason


class Model:
    """One field's model: its labels, biases, features and weights (as the tables hold them)."""

    def __init__(self, *, field: str, method: str, labels: dict[str, tuple[float, float]],
                 features: dict[str, float], weights: dict[str, list[tuple[str, float]]],
                 temperature: float = 1.0, id: int | None = None, trained_at: str | None = None,
                 examples: int = 0, details: dict | None = None):
        self.id = id
        self.field = field
        self.method = method
        self.labels = labels          # label -> (bias, unseen)
        self.features = features      # n-gram -> idf (1.0 for naive Bayes)
        self.weights = weights        # n-gram -> [(label, weight), ...]
        self.temperature = temperature
        self.trained_at = trained_at
        self.examples = examples
        self.details = details or {}

    def vector(self, grams: Counter) -> dict[str, float]:
        """The text's n-grams the model knows, as the model weighs them."""
        known = {g: c for g, c in grams.items() if g in self.features}
        if self.method == NAIVE_BAYES:
            return {g: float(c) for g, c in known.items()}
        x = {g: (1.0 + math.log(c)) * self.features[g] for g, c in known.items()}
        length = math.sqrt(sum(v * v for v in x.values())) or 1.0
        return {g: v / length for g, v in x.items()}

    def scores(self, x: dict[str, float]) -> dict[str, float]:
        total = sum(x.values())
        out = {label: bias + unseen * total for label, (bias, unseen) in self.labels.items()}
        for gram, value in x.items():
            for label, weight in self.weights.get(gram, ()):
                out[label] += value * weight
        return out

    def confidences(self, scores: dict[str, float]) -> dict[str, float]:
        """Softmax of the scores at the model's temperature: how sure, 0..1, summing to 1."""
        top = max(scores.values())
        exp = {k: math.exp(self.temperature * (v - top)) for k, v in scores.items()}
        total = sum(exp.values())
        return {k: v / total for k, v in exp.items()}

    def reasons(self, x: dict[str, float], label: str, text: str = "", limit: int = REASONS) -> list[str]:
        """The words or characters of ``text`` that pushed most towards ``label`` over the other
        labels: the strongest n-grams of two or more characters, widened to whole Latin words and
        joined where they overlap ('退款', '没到账', 'charged twice')."""
        others = [k for k in self.labels if k != label]
        push: dict[str, float] = {}
        for gram, value in x.items():
            if len(gram.strip()) < 2:
                continue
            row = dict(self.weights.get(gram, ()))
            rest = sum(row.get(k, 0.0) for k in others) / len(others) if others else 0.0
            if row.get(label, 0.0) - rest > 0:
                push[gram] = value * (row.get(label, 0.0) - rest)
        if not push:  # nothing speaks for it more than for the others: what speaks for it at all
            push = {g: v * dict(self.weights.get(g, ())).get(label, 0.0) for g, v in x.items() if len(g.strip()) >= 2}
            push = {g: p for g, p in push.items() if p > 0}
        strongest = sorted(push, key=lambda g: (-push[g], g))[:limit * 4]
        spans = []
        for gram in strongest:
            at = text.find(gram)
            if at >= 0:
                spans.append([*_widen(text, at, at + len(gram)), push[gram]])
        spans.sort()
        phrases: list[list] = []
        for start, end, weight in spans:
            if phrases and start <= phrases[-1][1]:
                phrases[-1][1] = max(phrases[-1][1], end)
                phrases[-1][2] += weight
            else:
                phrases.append([start, end, weight])
        phrases.sort(key=lambda p: -p[2])
        out = [text[a:b].strip(EDGES) for a, b, _ in phrases]
        kept: list[str] = []
        for phrase in out:
            if phrase and not any(phrase in k for k in kept):
                kept.append(phrase)
        return kept[:limit] or [g.strip() for g in strongest[:limit]]

    def rank(self, grams: Counter, top: int = 3, text: str = "") -> list[dict]:
        """The ``top`` labels for a text's n-grams, best first, each with its confidence and the
        reasons found in ``text`` (normalised as features.normalize does)."""
        x = self.vector(grams)
        confidence = self.confidences(self.scores(x))
        best = sorted(confidence, key=lambda k: (-confidence[k], k))[:top]
        out = []
        for label in best:
            reasons = self.reasons(x, label, text)
            out.append({"code": label, "confidence": round(confidence[label], 3), "reasons": reasons,
                        "basis": "words" if reasons else "base_rate"})
        return out


def _widen(text: str, start: int, end: int) -> tuple[int, int]:
    """A span widened to the whole Latin words it cuts ('arge' -> 'charged')."""
    def latin(ch: str) -> bool:
        return ch.isascii() and ch.isalnum()

    while start > 0 and latin(text[start - 1]) and latin(text[start]):
        start -= 1
    while end < len(text) and latin(text[end]) and latin(text[end - 1]):
        end += 1
    return start, end
