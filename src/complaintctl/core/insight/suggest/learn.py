"""Fitting a model to labelled texts: with no dependency, naive Bayes or the nearest centroid
(whichever does better on a held-out fifth of the team's own history), or a linear SVM with
scikit-learn when the optional extra ``complaintctl[suggest]`` is installed. All end as a
``Model`` of at most PAIRS weights, scored by the same plain-Python code.

Measured (bench/suggest.py, docs/development.md): the SVM on TF-IDF of character 1-4-grams is
the more accurate where labels are many or texts short; naive Bayes does well with few labels,
the nearest centroid (TF-IDF, every code weighed alike) with many and rare ones.
"""

from __future__ import annotations

import math
import random
from collections import Counter

from complaintctl.core.insight.suggest.features import counts, ngrams
from complaintctl.core.insight.suggest.model import CENTROID, LINEAR, NAIVE_BAYES, Model, feature_bytes, label_bytes, weight_bytes

PAIRS_PER_LABEL, MAX_PAIRS = 12_000, 150_000  # weights kept (n-gram x label): at most ~4 MB in the database
ALPHAS = (0.003, 0.01, 0.03, 0.1, 0.3)  # naive Bayes smoothing, chosen on held-out history
TEMPERATURES = [2 ** (k / 2) for k in range(-30, 21)]
MAX_FEATURES = 100_000  # the SVM's vocabulary: bounds memory in training and the model's size


def pair_budget(labels: int) -> int:
    """How many weights a model of ``labels`` labels keeps: more labels need more to tell apart."""
    return min(MAX_PAIRS, PAIRS_PER_LABEL * max(labels, 2))


MAX_MODEL_BYTES = 3_800_000  # what the rows hold; SQLite's pages add about a quarter: under 5 MB on disk


def within_size(model: Model, limit: int = MAX_MODEL_BYTES) -> Model:
    """Drop the least important weights (the last kept) until the model's rows fit in ``limit``
    bytes. A weight names its code by number (migration 026), so a long code costs its room
    once, in the model's labels."""
    bayes = model.method == NAIVE_BAYES  # its features are its weighted n-grams, and go with them
    used = sum(label_bytes(k) for k in model.labels) + (0 if bayes else sum(map(feature_bytes, model.features)))
    kept: dict[str, list[tuple[str, float]]] = {}
    for feature, row in model.weights.items():
        cost = weight_bytes(feature, len(row)) + (feature_bytes(feature) if bayes else 0)
        if used + cost > limit:
            break
        kept[feature] = row
        used += cost
    model.weights = kept
    if bayes:
        model.features = dict.fromkeys(kept, 1.0)
    return model


def have_sklearn() -> bool:
    import importlib.util

    return importlib.util.find_spec("sklearn") is not None


def inner_split(n: int, seed: int = 7) -> tuple[list[int], list[int]]:
    """(train, held): a shuffled four fifths and the fifth held out."""
    return folds(n, 1, seed)[0]


# -- naive Bayes ---------------------------------------------------------------------------------

class NaiveBayesCounts:
    """How often each n-gram occurs with each label: all naive Bayes needs, whatever its smoothing."""

    def __init__(self, texts: list[str], labels: list[str], counted: list[Counter] | None = None):
        """``counted``: the texts' n-gram counts (features.counts) when the caller has them already."""
        self.prior = Counter(labels)
        self.grams: dict[str, Counter] = {label: Counter() for label in self.prior}
        for grams, label in zip(counted or map(counts, texts), labels, strict=True):
            self.grams[label].update(grams)
        self.totals = {label: sum(c.values()) for label, c in self.grams.items()}
        vocabulary: set[str] = set()
        for c in self.grams.values():
            vocabulary.update(c)
        self.vocabulary = vocabulary

    def model(self, field: str, alpha: float, pairs: int | None = None) -> Model:
        """The model at smoothing ``alpha``, keeping the n-grams that tell labels apart most."""
        # all the budget, whatever the labels: a pruned naive Bayes lost 15 points on CFPB products
        # (bench/suggest.py), where the SVM's exported weights lost none
        pairs = pairs or MAX_PAIRS
        size, n = len(self.vocabulary), sum(self.prior.values())
        unseen = {label: math.log(alpha / (self.totals[label] + alpha * size)) for label in self.prior}
        labels = {label: (math.log(self.prior[label] / n), unseen[label]) for label in self.prior}
        share = {label: self.prior[label] / n for label in self.prior}
        rate = {label: 1.0 / (self.totals[label] + alpha * size) for label in self.prior}
        gain: dict[str, float] = {}
        for gram in self.vocabulary:
            # evidence the n-gram carries: its count with each label x how much likelier it is there
            found = [(self.grams[label][gram], label) for label in self.prior]
            mean = sum(share[label] * (c + alpha) * rate[label] for c, label in found)
            gain[gram] = sum(c * math.log((c + alpha) * rate[label] / mean) for c, label in found if c)
        per_label = len(self.prior)
        spread: dict[str, list[tuple[str, float]]] = {}
        kept = 0
        for gram in sorted(gain, key=gain.__getitem__, reverse=True):
            row = [(label, math.log((self.grams[label][gram] + alpha) / alpha))
                   for label in self.prior if self.grams[label][gram]]
            if len(row) == per_label and len({round(w, 6) for _, w in row}) == 1:
                continue
            spread[gram] = row
            kept += len(row)
            if kept >= pairs:
                break
        return Model(field=field, method=NAIVE_BAYES, labels=labels, features=dict.fromkeys(spread, 1.0),
                     weights=spread, details={"alpha": alpha})


def _top1(model: Model, grams: list[Counter], gold: list[str]) -> tuple[int, list[dict[str, float]]]:
    """How many of the held-out texts ``model`` puts first right, and its scores of each."""
    scored = [model.scores(model.vector(g)) for g in grams]
    right = sum(max(s, key=lambda label: s[label]) == g for s, g in zip(scored, gold, strict=True))
    return right, scored


def fit_naive_bayes(field: str, texts: list[str], labels: list[str]) -> Model:
    """Naive Bayes with its smoothing chosen, and its confidence calibrated, on a held-out fifth."""
    return fit_plain(field, texts, labels, methods=(NAIVE_BAYES,))


def fit_centroid(field: str, texts: list[str], labels: list[str]) -> Model:
    """The nearest centroid, its confidence calibrated on a held-out fifth."""
    return fit_plain(field, texts, labels, methods=(CENTROID,))


FOLDS, SMALL_HISTORY = 5, 1000  # a small history is judged on all of it, a fifth at a time


def folds(n: int, k: int, seed: int = 7) -> list[tuple[list[int], list[int]]]:
    """``k`` (train, held) splits of ``n`` items, each item held out once; the first is
    inner_split's (the same shuffle, its last fifth held)."""
    order = list(range(n))
    random.Random(seed).shuffle(order)
    cut = max(1, int(n * 0.8))
    first = (order[:cut], order[cut:])
    if k <= 1:
        return [first]
    size = n - cut
    out = [first]
    for i in range(1, k):
        lo, hi = max(0, cut - i * size), cut - (i - 1) * size
        if hi <= lo:
            break
        out.append((order[:lo] + order[hi:], order[lo:hi]))
    return out


def fit_plain(field: str, texts: list[str], labels: list[str],
              methods: tuple[str, ...] = (NAIVE_BAYES, CENTROID)) -> Model:
    """The no-dependency model that puts most held-out complaints first right: naive Bayes
    (its smoothing, from ALPHAS, chosen on a held-out fifth) or the nearest centroid. A history
    of up to SMALL_HISTORY complaints is held out a fifth at a time, all of it once (FOLDS):
    with 200 complaints one fifth is 40, too few to choose by (it chose naive Bayes 10 points
    below the centroid on 13 CFPB issues). Naive Bayes wins a tie; what each scored is kept in
    the model's details, so `suggest train` and plain SQL can show why."""
    counted = [counts(t) for t in texts]  # each text's n-grams once, for every fold and method
    splits = folds(len(texts), FOLDS if len(methods) > 1 and len(texts) <= SMALL_HISTORY else 1)
    right: dict[str, int] = dict.fromkeys(methods, 0)
    scored: dict[str, list[dict[str, float]]] = {m: [] for m in methods}
    gold: list[str] = []
    alpha = ALPHAS[0]
    commonest = 0  # held-out complaints that always guessing the training part's commonest code gets right
    for number, (train, held) in enumerate(splits):
        inner_texts, inner_labels = [texts[i] for i in train], [labels[i] for i in train]
        inner_counted = [counted[i] for i in train]
        held_grams = [counted[i] for i in held]
        held_labels = [labels[i] for i in held]
        gold += held_labels
        commonest += _commonest_hits(inner_labels, held_labels)
        if NAIVE_BAYES in methods:
            inner = NaiveBayesCounts(inner_texts, inner_labels, inner_counted)
            if number == 0:  # the smoothing, chosen on the first fifth; the first best wins
                trials = [(*_top1(inner.model(field, a), held_grams, held_labels), a) for a in ALPHAS]
                hits, scores, alpha = max(trials, key=lambda trial: trial[0])
            else:
                hits, scores = _top1(inner.model(field, alpha), held_grams, held_labels)
            right[NAIVE_BAYES] += hits
            scored[NAIVE_BAYES] += scores
        if CENTROID in methods:
            hits, scores = _top1(centroid_model(field, inner_texts, inner_labels, inner_counted), held_grams, held_labels)
            right[CENTROID] += hits
            scored[CENTROID] += scores
    method = max(methods, key=lambda m: right[m])  # the first of equals: naive Bayes
    if method == NAIVE_BAYES:
        model = within_size(NaiveBayesCounts(texts, labels, counted).model(field, alpha))
        model.details["alpha"] = alpha
    else:
        model = centroid_model(field, texts, labels, counted)
    model.temperature = fit_temperature(scored[method], gold)
    note_held_out(model, right[method], commonest, len(gold))
    if len(methods) > 1:
        model.details["held_out_top1"] = {m: round(100 * right[m] / max(len(gold), 1), 1) for m in methods}
        model.details["held_out"] = len(gold)
    return model


# -- nearest centroid ----------------------------------------------------------------------------

def centroid_model(field: str, texts: list[str], labels: list[str], counted: list[Counter] | None = None) -> Model:
    """Each code as the mean direction of its complaints' TF-IDF vectors (character 1-4-grams,
    1 + log count, smooth idf, unit length: the SVM's features), a text scored by its cosine to
    each. Every code weighs alike however rare, which is where naive Bayes falls behind (13
    CFPB issues: 60 top-1 against 55). The weights that stand out most from the other codes'
    are kept first, as many as the size cap allows."""
    docs = counted or [counts(t) for t in texts]
    seen: Counter = Counter()
    for grams in docs:
        seen.update(grams.keys())
    n = len(docs)
    idf = {g: math.log((1 + n) / (1 + c)) + 1 for g, c in seen.most_common(MAX_FEATURES) if c >= 2}
    codes = sorted(set(labels))
    model = Model(field=field, method=CENTROID, labels={code: (0.0, 0.0) for code in codes},
                  features=idf, weights={}, details={"vocabulary": len(idf)})
    sums: dict[str, Counter] = {code: Counter() for code in codes}
    for grams, label in zip(docs, labels, strict=True):
        sums[label].update(model.vector(grams))
    for total in sums.values():
        length = math.sqrt(sum(v * v for v in total.values())) or 1.0
        for gram in total:
            total[gram] /= length  # type: ignore[assignment]  # a Counter's counts become weights
    ranked = []
    for gram in idf:
        row = [(code, sums[code][gram]) for code in codes if sums[code][gram]]
        mean = sum(w for _, w in row) / len(codes)
        ranked += [(abs(w - mean), gram, code, w) for code, w in row]
    ranked.sort(key=lambda r: (-r[0], r[1], r[2]))
    for _, gram, code, weight in ranked[:pair_budget(len(codes))]:
        model.weights.setdefault(gram, []).append((code, weight))
    return within_size(model)


# -- linear SVM (scikit-learn, optional) ---------------------------------------------------------

def _svm_model(field: str, texts: list[str], labels: list[str], pairs: int | None) -> Model:
    import numpy
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.svm import LinearSVC

    vectorizer = TfidfVectorizer(analyzer=ngrams, sublinear_tf=True, min_df=2,
                                 max_features=MAX_FEATURES, dtype=numpy.float32)
    matrix = vectorizer.fit_transform(texts)
    svm = LinearSVC(class_weight="balanced", C=0.5).fit(matrix, labels)
    classes = [str(c) for c in svm.classes_]
    coef, intercept = svm.coef_, svm.intercept_
    if len(classes) == 2:  # one separating plane: the second label's side is +, the first's -
        coef = numpy.vstack([-coef[0], coef[0]]) / 2
        intercept = numpy.array([-intercept[0], intercept[0]]) / 2
    names = vectorizer.get_feature_names_out()
    idf = vectorizer.idf_
    importance = numpy.abs(coef) * idf[numpy.newaxis, :]
    pairs = pairs or pair_budget(len(classes))
    flat = numpy.argsort(importance, axis=None)[::-1][:pairs]
    rows, cols = numpy.unravel_index(flat, coef.shape)
    weights: dict[str, list[tuple[str, float]]] = {}
    for r, c in zip(rows.tolist(), cols.tolist(), strict=True):
        weights.setdefault(str(names[c]), []).append((classes[r], float(coef[r, c])))
    # every n-gram's idf, not only the weighted ones: a text's vector is as long as in training
    features = {str(name): float(value) for name, value in zip(names, idf, strict=True)}
    biases = {k: (float(b), 0.0) for k, b in zip(classes, intercept, strict=True)}
    return Model(field=field, method=LINEAR, labels=biases,
                 features=features, weights=weights, details={"C": 0.5, "vocabulary": len(names)})


def fit_linear(field: str, texts: list[str], labels: list[str], pairs: int | None = None) -> Model:
    """A linear SVM on TF-IDF of character 1-4-grams (balanced class weights), exported as the
    ``pairs`` weights that weigh most; its confidence calibrated on a held-out fifth."""
    train, held = inner_split(len(texts))
    inner = _svm_model(field, [texts[i] for i in train], [labels[i] for i in train], pairs)
    scored = [inner.scores(inner.vector(counts(texts[i]))) for i in held]
    gold = [labels[i] for i in held]
    model = within_size(_svm_model(field, texts, labels, pairs))
    model.temperature = fit_temperature(scored, gold)
    right = sum(max(s, key=lambda label: s[label]) == g for s, g in zip(scored, gold, strict=True))
    note_held_out(model, right, _commonest_hits([labels[i] for i in train], gold), len(gold))
    return model


def _commonest_hits(train_labels: list[str], held_labels: list[str]) -> int:
    commonest = Counter(train_labels).most_common(1)[0][0]
    return sum(label == commonest for label in held_labels)


def note_held_out(model: Model, right: int, commonest: int, held: int) -> None:
    """Keep in the model's details how often it put held-out complaints' codes first against
    always guessing the commonest code: a model no better than that is said to be so, and its
    suggestions are never accepted in bulk or by `classify --accept` (suggestions.py)."""
    model.details["held_out_check"] = {"model": round(100 * right / max(held, 1), 1),
                                       "commonest": round(100 * commonest / max(held, 1), 1), "examples": held}


# -- confidence ----------------------------------------------------------------------------------

def fit_temperature(scored: list[dict[str, float]], gold: list[str]) -> float:
    """The temperature whose softmax gives the held-out complaints' true labels the most likelihood."""
    usable = [(s, g) for s, g in zip(scored, gold, strict=True) if g in s]
    if not usable:
        return 1.0

    def loss(t: float) -> float:
        total = 0.0
        for s, g in usable:
            top = max(s.values())
            z = sum(math.exp(t * (v - top)) for v in s.values())
            total -= t * (s[g] - top) - math.log(z)
        return total

    return min(TEMPERATURES, key=loss)
