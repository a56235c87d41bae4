"""classify --suggest / --accept / --unclassified --apply, and the suggest commands, as a user runs them."""

from __future__ import annotations

import json
import shutil

import pytest
from tests.conftest import NOW, Cli, query
from tests.suggest_fixtures import labelled

from complaintctl.core.desk.complaints import NewComplaint, log_complaint
from complaintctl.core.insight.suggest import learn
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


def test_train_with_the_centroid_and_auto_says_which_and_why(scli):
    result = scli("suggest", "train", "--field", "category", "--method", "centroid")
    assert "Trained category: model 2 (centroid v2) on 160 complaints, 4 codes" in result.stderr
    assert "unknown method 'knn'" in scli("suggest", "train", "--method", "knn", expect=2).stderr
    if not learn.have_sklearn():
        said = scli("suggest", "train", "--field", "category").stderr
        (row,) = json.loads(scli("suggest", "train", "--field", "category", "-f", "json").stdout)
        held = row["held_out_top1"]
        assert set(held) == {"naive_bayes", "centroid"} and row["version"] == 4
        assert held[row["method"]] == max(held.values())
        assert (f"{row['method']}, chosen on held-out history (share put first right): "
                f"naive_bayes {held['naive_bayes']:.1f}%, centroid {held['centroid']:.1f}%; --method chooses") in said


LETTER = "我家的洗衣机用了三天就开始漏水，地板全湿了，联系售后三次都没有人上门，要求尽快更换新机并赔偿损失。"


def test_log_says_what_is_similar_and_what_it_suggests(scli):
    first = scli.log("-s", "洗衣机漏水", "-d", LETTER, "-c", "王伟")
    result = scli("log", "-s", "洗衣机又漏水", "-d", LETTER.replace("三次", "好几次"), "-c", "李娜", "--suggest")
    second = int(result.stdout)
    assert f"Similar: #{first} 洗衣机漏水 (" in result.stderr and f"complaintctl show {first})" in result.stderr
    assert "Suggested: category    product_quality" in result.stderr
    assert query(scli.db_path, "SELECT category FROM complaints WHERE id = ?", second) == [(None,)]
    assert f"#{second} 洗衣机又漏水" in scli("show", first).stdout
    data = json.loads(scli("log", "-s", "快递没到", "-d", "包裹一直显示在途中", "--suggest", "-f", "json").stdout)
    assert data["suggestions"]["category"]["suggestions"][0]["code"] == "delivery_delay"
    assert "similar" in data


def test_import_names_similar_complaints_and_suggests(scli, tmp_path):
    first = scli.log("-s", "洗衣机漏水", "-d", LETTER)
    csv_file = tmp_path / "in.csv"
    resent = LETTER.replace("地板全湿了，", "")
    csv_file.write_text(f"标题,描述\n洗衣机又漏水,{resent}\n快递没到,包裹一直显示在途中，物流信息好几天没有更新\n",
                        encoding="utf-8")
    result = scli("import", "--received-now", "--suggest", str(csv_file))
    assert "1 imported complaint is like others" in result.stderr and f"like #{first} 洗衣机漏水" in result.stderr
    assert "Suggestions for the 2 imported complaints without a category" in result.stderr
    assert "delivery_delay" in result.stderr
    assert query(scli.db_path, "SELECT count(*) FROM complaints WHERE category IS NULL AND id > ?", first) == [(2,)]


def test_a_big_import_looks_for_similar_complaints_in_its_first_ones_and_says_so(cli, tmp_path, monkeypatch):
    from complaintctl.core.insight.suggest import similar

    monkeypatch.setattr(similar, "IMPORT_LOOKUPS", 2)
    csv_file = tmp_path / "in.csv"
    csv_file.write_text("标题,描述\n" + "".join(f"洗衣机漏水,{LETTER}订单{i}\n" for i in range(4)), encoding="utf-8")
    result = cli("import", "--received-now", str(csv_file))
    assert "2 imported complaints are like others" in result.stderr  # the first two, each like the rest
    assert "Similar complaints looked for in the first 2 of 4 imported; `complaintctl show ID`" in result.stderr
    csv_file.write_text("标题,描述\n" + "".join(f"洗衣机漏水,{LETTER}单号{i}\n" for i in range(4)), encoding="utf-8")
    data = json.loads(cli("import", "--received-now", "-f", "json", str(csv_file)).stdout)
    assert [item["id"] for item in data[0]["similar"]] == [5, 6]
