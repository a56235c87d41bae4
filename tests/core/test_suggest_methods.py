"""The no-dependency suggestion methods: the nearest centroid scores a text by its cosine to each
code's mean direction, recomputed here by hand; without scikit-learn, `auto` keeps whichever of
naive Bayes and the centroid put more of a held-out fifth of the history first."""

from __future__ import annotations

import math
import random
from collections import Counter

import pytest
from tests.conftest import NOW
from tests.suggest_fixtures import labelled

from complaintctl.core.desk.complaints import NewComplaint, log_complaint
from complaintctl.core.insight.suggest import learn
from complaintctl.core.insight.suggest.features import counts
from complaintctl.core.insight.suggest.tables import load_model
from complaintctl.core.insight.suggest.training import train
from complaintctl.errors import InvalidInput


def _texts(n: int = 160) -> tuple[list[str], list[str]]:
    rows = labelled(n)
    return [f"{s}\n{d}" for s, d, _ in rows], [c for _, _, c in rows]


def _by_hand(texts: list[str], labels: list[str]):
    """TF-IDF (1 + log count, smooth idf, n-grams in 2+ texts, unit length) and each code's
    centroid, written out again from the textbook definition."""
    docs = [counts(t) for t in texts]
    df = Counter(g for d in docs for g in set(d))
    idf = {g: math.log((1 + len(docs)) / (1 + c)) + 1 for g, c in df.items() if c >= 2}

    def unit(v: dict) -> dict:
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        return {k: x / norm for k, x in v.items()}

    def vector(text: str) -> dict:
        return unit({g: (1 + math.log(c)) * idf[g] for g, c in counts(text).items() if g in idf})

    sums: dict[str, Counter] = {}
    for text, label in zip(texts, labels, strict=True):
        sums.setdefault(label, Counter()).update(vector(text))
    return vector, {label: unit(dict(total)) for label, total in sums.items()}


def test_the_centroid_scores_a_text_by_its_cosine_to_each_code():
    texts, labels = _texts()
    model = learn.fit_centroid("category", texts, labels)
    assert model.method == "centroid" and set(model.labels) == set(labels)
    vector, centroids = _by_hand(texts, labels)
    for text in ["退款一直没到账，希望尽快处理", "the courier never came and tracking has not updated",
                 "屏幕出现坏点 the screen has dead pixels"]:
        x = vector(text)
        cosine = {label: sum(v * c.get(g, 0.0) for g, v in x.items()) for label, c in centroids.items()}
        scores = model.scores(model.vector(counts(text)))
        assert scores == pytest.approx(cosine, abs=1e-9)
    assert model.rank(counts("发票上的金额和实际支付不一致"), 1)[0]["code"] == "billing_error"


def test_the_centroid_keeps_within_the_size_cap_the_weights_that_stand_out_first():
    texts, labels = _texts()
    full = learn.centroid_model("category", texts, labels)
    kept = sum(len(r) for r in full.weights.values())
    original = learn.PAIRS_PER_LABEL
    learn.PAIRS_PER_LABEL = kept // 8  # x 4 codes: a budget of half the weights the model has
    try:
        small = learn.centroid_model("category", texts, labels)
    finally:
        learn.PAIRS_PER_LABEL = original
    pairs = {(g, code) for g, row in small.weights.items() for code, _ in row}
    assert len(pairs) == (kept // 8) * 4
    codes = len(set(labels))

    def stand_out(gram: str, code: str) -> float:  # how far the weight is from the codes' mean
        row = dict(full.weights[gram])
        return abs(row[code] - sum(row.values()) / codes)

    everything = {(g, code) for g, row in full.weights.items() for code, _ in row}
    lowest_kept = min(stand_out(*p) for p in pairs)
    assert everything - pairs and all(stand_out(*p) <= lowest_kept + 1e-12 for p in everything - pairs)
    assert all(dict(small.weights[g])[c] == dict(full.weights[g])[c] for g, c in pairs)


def test_without_scikit_learn_the_method_the_held_out_history_favours_is_kept():
    texts, labels = _texts()
    # a skewed history: one common code and three rare ones, where the two methods can differ
    rng = random.Random(5)
    skewed = [(t, c) for t, c in zip(texts, labels, strict=True) if c == "billing_error" or rng.random() < 0.3]
    model = learn.fit_plain("category", [t for t, _ in skewed], [c for _, c in skewed])
    held = model.details["held_out_top1"]
    assert set(held) == {"naive_bayes", "centroid"}
    best = max(held.values())
    expected = "naive_bayes" if held["naive_bayes"] == best else "centroid"
    assert model.method == expected


def test_train_with_each_method_names_it_in_the_tables(conn):
    for subject, description, code in labelled(160):
        log_complaint(conn, NewComplaint(subject, description=description, category=code), actor="seed", now=NOW)
    (done,) = train(conn, ["category"], method="centroid", actor="lead", now=NOW)
    assert done["method"] == "centroid"
    assert [tuple(r) for r in conn.execute("SELECT method FROM suggest_models")] == [("centroid",)]
    model = load_model(conn, "category", counts("话费被重复收取"))
    assert model.rank(counts("话费被重复收取"), 1)[0]["code"] == "billing_error"
    if not learn.have_sklearn():
        (auto,) = train(conn, ["category"], method="auto", actor="lead", now=NOW)
        assert auto["method"] in ("naive_bayes", "centroid") and auto["version"] == 2
    with pytest.raises(InvalidInput, match="unknown method 'knn'"):
        train(conn, ["category"], method="knn", actor="lead", now=NOW)


@pytest.mark.parametrize("n", [7, 11, 200, 1001])
def test_a_small_history_is_held_out_a_fifth_at_a_time_each_complaint_once(n):
    splits = learn.folds(n, learn.FOLDS)
    held = [i for _, h in splits for i in h]
    assert sorted(held) == list(range(n))  # each complaint held out exactly once
    assert all(sorted(t + h) == list(range(n)) for t, h in splits)
    assert splits[0] == learn.inner_split(n)  # the first is the fifth the SVM is calibrated on


def test_a_small_history_is_judged_on_all_of_it():
    texts, labels = _texts()
    model = learn.fit_plain("category", texts, labels)
    assert model.details["held_out"] == len(texts)  # 160 complaints: all of them held out once


def test_a_model_no_better_than_guessing_is_shown_but_never_accepted(conn):
    """Personalities drawn at random (60% one code): no model can beat always guessing that code,
    and `classify --accept` must not write its guess as a fact; a team's rule still is."""
    from complaintctl.core.desk.complaints import classify
    from complaintctl.core.desk.suggested import accept
    from complaintctl.core.insight.suggest import suggest_text
    from complaintctl.core.insight.suggest.evaluate import evaluate
    from complaintctl.core.insight.suggest.rules import add_rule

    rng = random.Random(11)
    for subject, description, _ in labelled(160):
        cid = log_complaint(conn, NewComplaint(subject, description=description), actor="seed", now=NOW).id
        code = rng.choices(["peaceful", "lively", "forceful", "perfectionist"], [6, 2, 1, 1])[0]
        classify(conn, cid, codes={"personality": code}, actor="seed", now=NOW)
    (done,) = train(conn, ["personality"], method="naive-bayes", actor="lead", now=NOW)
    check = done["held_out_check"]
    assert check["examples"] == 160 // 5 and check["model"] <= check["commonest"]
    entry = suggest_text(conn, "快递一个星期了还没送到", ["personality"])["personality"]
    assert entry["suggestions"] and "no better than always guessing the commonest code" in str(entry["weak"])
    new = log_complaint(conn, NewComplaint("快递一个星期了还没送到"), actor="a", now=NOW).id
    result = accept(conn, new, fields=["personality"], actor="lead", now=NOW)
    assert result["changes"] == [] and "no better than always guessing" in str(result["skipped"][0]["why"])
    assert conn.execute("SELECT personality FROM complaints WHERE id = ?", (new,)).fetchone()[0] is None
    add_rule(conn, "personality", "forceful", "送到", actor="lead", now=NOW)
    assert accept(conn, new, fields=["personality"], actor="lead", now=NOW)["changes"]
    assert conn.execute("SELECT personality FROM complaints WHERE id = ?", (new,)).fetchone()[0] == "forceful"
    # evaluate judges the method the model was trained with
    (figures,) = evaluate(conn, ["personality"])
    assert figures["method"] == "naive_bayes"
