"""classify --suggest / --accept / --unclassified --apply, and the suggest commands, as a user runs them."""

from __future__ import annotations

import json
import shutil

import pytest
from tests.conftest import NOW, Cli, query
from tests.suggest_fixtures import labelled

from complaintctl.core.desk.complaints import NewComplaint, log_complaint
from complaintctl.core.insight.suggest.training import train
from complaintctl.store.db import connect


@pytest.fixture(scope="module")
def trained(tmp_path_factory, template_db):
    path = tmp_path_factory.mktemp("suggest-cli") / "trained.db"
    shutil.copy(template_db, path)
    conn = connect(path)
    for subject, description, code in labelled(160):
        log_complaint(conn, NewComplaint(subject, description=description, category=code), actor="seed", now=NOW)
    train(conn, ["category"], method="naive-bayes", actor="lead", now=NOW)
    conn.close()
    return path


@pytest.fixture
def scli(trained, tmp_path):
    path = tmp_path / "complaints.db"
    shutil.copy(trained, path)
    return Cli(path)


def test_classify_suggest_shows_codes_confidence_and_reasons_and_writes_nothing(scli):
    cid = scli.log("-s", "退款没到账", "-d", "上周的退款到现在还没到账，还被重复扣费")
    out = scli("classify", cid, "--suggest").stdout
    assert out.startswith(f"#{cid} 退款没到账\n  category    billing_error ")
    assert "没到账" in out and "severity, cause, personality, motive: too little history" in out
    data = json.loads(scli("classify", cid, "--suggest", "-f", "json").stdout)
    first = data[0]["fields"]["category"]["suggestions"][0]
    assert first["code"] == "billing_error" and first["reasons"] and 0 < first["confidence"] <= 1
    assert data[0]["fields"]["category"]["model"]["method"] == "naive_bayes"
    assert query(scli.db_path, "SELECT category FROM complaints WHERE id = ?", cid) == [(None,)]


def test_classify_accept_writes_the_event_that_says_who_suggested_it(scli):
    cid = scli.log("-s", "Parcel stuck in transit", "-d", "Tracking has not updated for days and the courier never came.")
    result = scli("classify", cid, "--accept")
    assert "Classified complaint" in result.stderr and "category: - -> delivery_delay" in result.stderr
    ((note,),) = query(scli.db_path, "SELECT note FROM events WHERE complaint_id = ? AND action = 'classified'", cid)
    assert note.startswith("suggested by model 1 (naive_bayes v1") and ", confidence " in note
    assert "suggested by model 1" in scli("show", cid).stdout


def test_apply_in_bulk_at_a_confidence(scli):
    sure = scli.log("-s", "洗衣机漏水", "-d", "洗衣机用了三天就漏水，屏幕出现坏点和裂纹")
    vague = scli.log("-s", "hello")
    result = scli("classify", "--suggest", "--unclassified", "--apply", "--min-confidence", "0.95")
    assert "Applied suggestions to 1 of 2 complaints" in result.stderr
    assert query(scli.db_path, "SELECT id, category FROM complaints WHERE id IN (?, ?) ORDER BY id", sure, vague) == [
        (sure, "product_quality"), (vague, None)]
    listing = scli("classify", "--suggest", "--unclassified").stdout
    assert listing.startswith(f"#{vague} hello")


@pytest.mark.parametrize(("args", "message"), [
    (["--suggest", "--unclassified", "--apply"], "--apply needs --min-confidence"),
    (["1", "--suggest", "--unclassified"], "not both"),
    (["--suggest"], "which complaint?"),
    (["1", "--accept", "--category", "billing_error"], "not both"),
    (["1", "--suggest", "--apply", "--min-confidence", "0.5"], "--apply works on many"),
    (["--suggest", "--unclassified", "--apply", "--min-confidence", "2"], "between 0 and 1"),
])
def test_suggestion_options_that_do_not_go_together(scli, args, message):
    result = scli("classify", *args, expect=2)
    assert message in result.stderr and result.stdout == ""


def test_rules_win_and_say_so(scli):
    scli("suggest", "rule", "add", "category", "service_attitude", "扣费|charged twice")
    cid = scli.log("-s", "charged twice")
    out = scli("classify", cid, "--suggest").stdout
    assert "service_attitude 1.00 (charged twice) by rule #1, which wins over the model" in out
    assert "charged twice" in scli("suggest", "rule", "list").stdout
    assert "unknown category" in scli("suggest", "rule", "add", "category", "nope", "x", expect=2).stderr
    assert "not a regular expression" in scli("suggest", "rule", "add", "category", "other", "(x", expect=2).stderr
    scli("suggest", "rule", "remove", "1")
    assert "no rule #1" in scli("suggest", "rule", "remove", "1", expect=1).stderr


def test_train_status_and_evaluate(scli):
    result = scli("suggest", "train", "--method", "naive-bayes")
    assert "Trained category: model 2 (naive_bayes v2) on 160 complaints, 4 codes" in result.stderr
    assert "Not trained severity: too little history" in result.stderr
    status = scli("suggest", "status", "-f", "json").stdout
    assert [(m["field"], m["version"]) for m in json.loads(status)] == [("category", 2)]
    table = scli("suggest", "evaluate", "--field", "category", "--method", "naive-bayes").stdout
    assert table.startswith("category: top-1 ") and "always " in table and "precision" in table
    data = json.loads(scli("suggest", "evaluate", "-f", "json").stdout)
    assert data[0]["field"] == "category" and data[0]["top1"] > data[0]["majority_top1"]
    assert data[1] == {"field": "severity", "enough": False, "reason": data[1]["reason"]}
    assert "cannot suggest colour" in scli("suggest", "train", "--field", "colour", expect=2).stderr
