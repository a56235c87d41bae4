"""Suggestions from the team's own history: training into plain tables, scoring with reasons,
rules that win, accepting as an event that names the model, evaluation, staleness."""

from __future__ import annotations

import ast
import shutil
import sqlite3
from pathlib import Path

import pytest
from tests.conftest import NOW
from tests.suggest_fixtures import labelled

from complaintctl.core.desk.complaints import NewComplaint, classify, log_complaint
from complaintctl.core.desk.suggested import accept, apply_many
from complaintctl.core.insight.suggest import refresh_models, suggest_complaints, suggest_text, unclassified_ids
from complaintctl.core.insight.suggest.evaluate import evaluate
from complaintctl.core.insight.suggest.rules import add_rule, remove_rule
from complaintctl.core.insight.suggest.tables import load_model
from complaintctl.core.insight.suggest.training import stale_reason, train
from complaintctl.errors import InvalidInput, NotFound
from complaintctl.store.db import connect

SRC = Path(__file__).resolve().parents[2] / "src" / "complaintctl"


def seed(conn, rows):
    for subject, description, code in rows:
        log_complaint(conn, NewComplaint(subject, description=description, category=code), actor="seed", now=NOW)


@pytest.fixture(scope="module")
def trained_db(tmp_path_factory, template_db) -> Path:
    path = tmp_path_factory.mktemp("suggest") / "trained.db"
    shutil.copy(template_db, path)
    conn = connect(path)
    seed(conn, labelled(160))
    result = train(conn, ["category"], method="naive-bayes", actor="lead", now=NOW)
    assert result[0]["trained"], result
    conn.close()
    return path


@pytest.fixture
def tconn(trained_db, tmp_path):
    path = tmp_path / "copy.db"
    shutil.copy(trained_db, path)
    c = connect(path)
    yield c
    c.close()


def test_the_model_is_plain_tables_that_sql_reads(tconn):
    model = tconn.execute("SELECT field, method, version, examples, labels, features, weights, size_bytes, trained_at "
                          "FROM suggest_models").fetchall()
    assert [tuple(r)[:5] for r in model] == [("category", "naive_bayes", 1, 160, 4)]
    assert model[0]["size_bytes"] <= 5_000_000 and model[0]["trained_at"] == "2026-11-24T03:00:00Z"
    assert tconn.execute("SELECT count(*) FROM suggest_weights").fetchone()[0] == model[0]["weights"] > 100
    labels = {r[0] for r in tconn.execute("SELECT label FROM suggest_labels")}
    assert labels == {"billing_error", "delivery_delay", "product_quality", "service_attitude"}
    # what pushes towards billing_error, readable with a query
    top = tconn.execute("SELECT w.feature FROM suggest_weights w JOIN suggest_labels l ON l.model_id = w.model_id "
                        "AND l.number = w.label_number WHERE l.label = 'billing_error' ORDER BY w.weight DESC "
                        "LIMIT 200").fetchall()
    assert any("扣" in r[0] or "charg" in r[0] for r in top)


@pytest.mark.parametrize(("text", "code", "reason"), [
    ("话费扣了两次\n这个月的话费被重复扣款了，请退款", "billing_error", "扣"),
    ("Parcel late\nThe courier never came and tracking has not updated", "delivery_delay", "tracking"),
    ("冰箱坏了\n新买的冰箱不制冷，还漏水", "product_quality", "冰箱"),
])
def test_suggestions_name_the_code_with_reasons_from_the_text(tconn, text, code, reason):
    entry = suggest_text(tconn, text, ["category"])["category"]
    first = entry["suggestions"][0]
    assert first["code"] == code and 0.5 < first["confidence"] <= 1.0
    assert len(entry["suggestions"]) == 3 and first["basis"] == "words"
    assert all(bool(s["reasons"]) == (s["basis"] == "words") for s in entry["suggestions"])
    assert any(reason in r for r in first["reasons"]) and all(r.lower() in text.lower() for r in first["reasons"])
    assert entry["model"]["method"] == "naive_bayes" and entry["model"]["version"] == 1


def test_a_field_without_enough_history_says_so(tconn, conn):
    entry = suggest_text(tconn, "客服态度差", ["severity"])["severity"]
    assert "suggestions" not in entry and entry["unavailable"].startswith("too little history: 0 classified")
    assert train(conn, ["category"], actor="x", now=NOW)[0]["trained"] is False
    assert evaluate(conn, ["category"])[0] == {"field": "category", "enough": False,
                                                "reason": evaluate(conn, ["category"])[0]["reason"]}


def test_a_rule_wins_over_the_model_and_says_so(tconn):
    rule = add_rule(tconn, "category", "service_attitude", "扣费|charged twice", actor="lead", now=NOW)
    entry = suggest_text(tconn, "I was charged twice", ["category"])["category"]
    assert entry["suggestions"][0] == {"code": "service_attitude", "confidence": 1.0, "reasons": ["charged twice"],
                                       "basis": "rule", "rule": {"id": rule["id"], "pattern": "扣费|charged twice"}}
    assert entry["suggestions"][1]["code"] == "billing_error"  # the model's view is still shown
    event = tconn.execute("SELECT action, field, new_value, note FROM events WHERE action = 'suggest_rule_added'").fetchone()
    assert tuple(event) == ("suggest_rule_added", "category", "service_attitude", f"rule #{rule['id']}: 扣费|charged twice")
    remove_rule(tconn, rule["id"], actor="lead", now=NOW)
    assert suggest_text(tconn, "I was charged twice", ["category"])["category"]["suggestions"][0]["code"] == "billing_error"
    with pytest.raises(NotFound):
        remove_rule(tconn, rule["id"], actor="lead", now=NOW)


@pytest.mark.parametrize(("pattern", "wrong"), [("(扣费", "not a regular expression"), ("a|", "matches any text"),
                                                ("", "1-500 characters")])
def test_a_bad_rule_is_refused(tconn, pattern, wrong):
    with pytest.raises(InvalidInput, match=wrong):
        add_rule(tconn, "category", "billing_error", pattern, actor="lead", now=NOW)
    with pytest.raises(InvalidInput, match="unknown"):
        add_rule(tconn, "category", "no_such_code", "x+y", actor="lead", now=NOW)
    assert tconn.execute("SELECT count(*) FROM suggest_rules").fetchone()[0] == 0


def test_accepting_writes_an_event_that_names_the_model_and_its_confidence(tconn):
    new = log_complaint(tconn, NewComplaint("退款没到账", description="上周申请的退款到现在还没到账，扣费还重复了"),
                        actor="agent", now=NOW).id
    suggested = suggest_complaints(tconn, [new], ["category"])[0]["fields"]["category"]["suggestions"][0]
    result = accept(tconn, new, fields=["category"], actor="agent", now=NOW)
    assert [(c.field, c.old, c.new) for c in result["changes"]] == [("category", None, "billing_error")]
    event = tconn.execute("SELECT actor, action, field, new_value, note FROM events WHERE complaint_id = ? "
                          "AND action = 'classified'", (new,)).fetchone()
    model_id = tconn.execute("SELECT id FROM suggest_models").fetchone()[0]
    assert tuple(event)[:4] == ("agent", "classified", "category", "billing_error")
    assert event["note"].startswith(f"suggested by model {model_id} (naive_bayes v1, trained 2026-11-24T03:00:00Z)")
    assert event["note"].endswith(f"confidence {suggested['confidence']:.2f}")
    # a field a person already set is left as it is
    classify(tconn, new, codes={"category": "service_attitude"}, actor="agent", now=NOW)
    again = accept(tconn, new, fields=["category"], actor="agent", now=NOW)
    assert again["changes"] == [] and "already service_attitude" in again["skipped"][0]["why"]


def test_apply_writes_only_what_is_sure_enough(tconn):
    sure = log_complaint(tconn, NewComplaint("快递还没送到", description="包裹一直显示在途中，物流信息好几天没有更新"),
                         actor="a", now=NOW).id
    vague = log_complaint(tconn, NewComplaint("hello", description="hello there"), actor="a", now=NOW).id
    assert unclassified_ids(tconn) == [sure, vague]
    results = apply_many(tconn, [sure, vague], min_confidence=0.9, fields=["category"], actor="lead", now=NOW)
    assert [c.new for c in results[0]["changes"]] == ["delivery_delay"]
    assert results[1]["changes"] == [] and "below 0.90" in results[1]["skipped"][0]["why"]
    assert tconn.execute("SELECT category FROM complaints WHERE id = ?", (vague,)).fetchone()[0] is None
    with pytest.raises(InvalidInput):
        accept(tconn, sure, actor="lead", min_confidence=1.5)


def test_evaluate_beats_always_guessing_the_commonest_code(tconn):
    (result,) = evaluate(tconn, ["category"], method="naive-bayes")
    assert result["enough"] and result["train"] == 128 and result["test"] == 32
    assert result["top1"] > result["majority_top1"] + 0.3 and result["top3"] >= result["top1"]
    assert {x["code"] for x in result["labels"]} == {"billing_error", "delivery_delay", "product_quality",
                                                      "service_attitude"}
    assert all(0 <= x["recall"] <= 1 for x in result["labels"])


def test_a_model_goes_stale_and_is_trained_again(tconn):
    assert stale_reason(tconn, "category") is None
    assert refresh_models(tconn, ["category"], actor="lead", now=NOW) == []
    later = NOW.replace(hour=5)
    ids = [log_complaint(tconn, NewComplaint(s, description=d), actor="a", now=later).id for s, d, _ in labelled(24, 9)]
    for cid, (_, _, code) in zip(ids, labelled(24, 9), strict=True):
        classify(tconn, cid, codes={"category": code}, actor="a", now=later)
    assert "24 complaints classified or imported since" in stale_reason(tconn, "category")
    (done,) = refresh_models(tconn, ["category"], actor="lead", now=later)
    assert done["field"] == "category" and done["version"] == 2 and done["examples"] == 184
    assert stale_reason(tconn, "category") is None
    assert tconn.execute("SELECT count(*) FROM suggest_models").fetchone()[0] == 1  # the old one went


def test_no_model_no_history_no_training(conn):
    seed(conn, labelled(20))
    assert refresh_models(conn, ["category"], actor="lead", now=NOW) == []
    assert load_model(conn, "category") is None


def test_only_training_names_a_training_library():
    """Scoring reads stored weights in plain Python: no module but learn.py names scikit-learn or numpy,
    and there only inside the function that trains."""
    for path in sorted(SRC.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else (
                [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            if any(n.split(".")[0] in ("sklearn", "numpy", "scipy") for n in names):
                assert path.name == "learn.py", path
                assert node.col_offset > 0, "imported inside the training function only"


def test_svm_scores_from_stored_weights_as_sklearn_does(tconn):
    pytest.importorskip("sklearn")
    from complaintctl.core.insight.suggest.features import counts

    texts, labels = zip(*[(f"{s}\n{d}", c) for s, d, c in labelled(160)], strict=True)
    result = train(tconn, ["category"], method="svm", actor="lead", now=NOW)
    assert result[0]["method"] == "linear"
    model = load_model(tconn, "category")
    right = sum(model.rank(counts(t), 1)[0]["code"] == c for t, c in zip(texts, labels, strict=True))
    assert right / len(texts) > 0.95


def test_the_tables_are_readable_without_complaintctl(trained_db):
    plain = sqlite3.connect(trained_db)
    assert plain.execute("SELECT count(*) FROM suggest_features f JOIN suggest_weights w USING (model_id, feature)"
                         ).fetchone()[0] > 0
    plain.close()
