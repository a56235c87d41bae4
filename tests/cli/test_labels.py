"""No complaint is lost for a label: unknown labels import unclassified with the raw label kept,
decorated labels and help-desk status words are read, and `taxonomy alias` teaches a label to
import and to every command that takes a code, classifying what was imported with it."""

import json

import pytest

from conftest import query

pytestmark = pytest.mark.postgresql_ci  # in CI's PostgreSQL run (.ci/run)


def write(path, text, encoding="utf-8"):
    path.write_bytes(text.encode(encoding))
    return path


REGISTER = ("投诉编号,投诉时间,标题,投诉类型,级别\n"
            "Z-1,2026-11-01 09:00,快递三天没到,交付延误,高\n"
            "Z-2,2026-11-02 10:00,又没到,交付延误,（高）\n"
            "Z-3,2026-11-03 11:00,洗衣机漏水,产品质量,中\n")


def test_an_unknown_category_imports_unclassified_and_an_alias_classifies_it(cli, db_path, tmp_path):
    f = write(tmp_path / "register.csv", REGISTER)
    result = cli("import", f, "-f", "json")
    summary = json.loads(result.stdout)[0]
    assert (summary["inserted"], summary["rejected"]) == (3, 0)
    assert summary["unclassified"] == [{"field": "category", "label": "交付延误", "rows": 2, "first_line": 2,
                                        "suggestion": "delivery_delay"}]
    assert query(db_path, "SELECT ref, category, severity FROM complaints ORDER BY id") == [
        ("Z-1", None, "high"), ("Z-2", None, "high"), ("Z-3", "product_quality", "medium")]
    assert query(db_path, "SELECT complaint_id, field, label FROM raw_labels ORDER BY complaint_id") == [
        (1, "category", "交付延误"), (2, "category", "交付延误")]
    more = cli("import", write(tmp_path / "more.csv", REGISTER.replace("Z-", "Y-")))  # the text summary
    assert "2 rows: category '交付延误' unknown, imported unclassified (first: line 2)" in more.stderr
    assert "`complaintctl taxonomy alias category 交付延误 delivery_delay` maps it" in more.stderr

    taught = cli("taxonomy", "alias", "category", "交付延误", "delivery_delay")
    assert "4 complaints imported with it classified" in taught.stderr
    assert query(db_path, "SELECT count(*) FROM complaints WHERE category = 'delivery_delay'") == [(4,)]
    assert query(db_path, "SELECT count(*) FROM events WHERE action = 'classified' AND field = 'category' "
                          "AND new_value = 'delivery_delay' AND note LIKE '%交付延误%'") == [(4,)]
    assert query(db_path, "SELECT kind, label, code FROM label_aliases") == [("category", "交付延误", "delivery_delay")]
    aliases = json.loads(cli("taxonomy", "aliases", "category", "-f", "json").stdout)
    assert aliases[0] == {"kind": "category", "label": "交付延误", "code": "delivery_delay", "source": "taught",
                          "created_at": aliases[0]["created_at"], "created_by": "tester"}
    assert json.loads(cli("taxonomy", "aliases", "--unplaced", "-f", "json").stdout) == []
    # from now on every command reads it
    cid = cli.log("-s", "Late again", "--category", "交付延误", "--received", "2026-11-20 09:00")
    assert query(db_path, "SELECT category FROM complaints WHERE id = ?", cid) == [("delivery_delay",)]
    assert cli("taxonomy", "alias", "category", "交付延误", "delivery_delay", expect=1).stderr.startswith(
        "error: '交付延误' already reads as category delivery_delay")
    assert "unknown category 'nonsense'" in cli("taxonomy", "alias", "category", "迟到", "nonsense", expect=2).stderr


def test_strict_rejects_an_unknown_label_and_an_unknown_status_is_read_from_the_rows_times(cli, db_path, tmp_path):
    f = write(tmp_path / "register.csv", REGISTER)
    strict = cli("import", f, "--strict", expect=1)
    assert "unknown category '交付延误'" in strict.stderr
    assert query(db_path, "SELECT count(*) FROM complaints") == [(0,)]
    g = write(tmp_path / "status.csv", "subject,received,status,closed\nA,2026-11-01,Frobnicated,\n"
                                       "B,2026-11-01,Solved,\nC,2026-11-01,Zugeklappt,2026-11-02\n"
                                       "D,2026-11-01,Em atendimento,\n")
    result = cli("import", g)
    assert "1 row: status 'Frobnicated' unknown, the status read from the row's own times" in result.stderr
    assert query(db_path, "SELECT subject, status, closed_at FROM complaints ORDER BY id") == [
        ("A", "new", None), ("B", "resolved", None), ("C", "closed", "2026-11-02T00:00:00Z"),
        ("D", "investigating", None)]
    assert query(db_path, "SELECT label FROM raw_labels WHERE field = 'status' ORDER BY complaint_id") == [
        ("Frobnicated",), ("Zugeklappt",)]


def test_decorated_labels_and_help_desk_status_words(cli, db_path, tmp_path):
    f = write(tmp_path / "desk.csv",
              "subject,received,priority,state\n"
              "a,2026-11-01,2 - Medium,Active\n"
              "b,2026-11-01,1 - Critical,Awaiting User Info\n"
              "c,2026-11-01,P2,On Hold\n"
              "d,2026-11-01,Medium priority,Cancelled\n"
              "e,2026-11-01,（高）,已办结\n"
              "f,2026-11-01,High ,In Progress\n"
              "g,2026-11-01,4 - Low,Assigned\n"
              "h,2026-11-01,低,待处理\n")
    assert cli("import", f).stdout.strip() == "read 8, inserted 8, updated 0, unchanged 0, duplicates 0, rejected 0"
    assert query(db_path, "SELECT subject, severity, status, outcome FROM complaints ORDER BY id") == [
        ("a", "medium", "investigating", None), ("b", "critical", "waiting", None), ("c", "high", "waiting", None),
        ("d", "medium", "closed", "withdrawn"), ("e", "high", "closed", "resolved"),
        ("f", "high", "investigating", None), ("g", "low", "acknowledged", None), ("h", "low", "new", None)]


def test_every_option_that_takes_a_code_reads_labels_and_aliases(cli, db_path):
    cid = cli.log("-s", "快递慢", "--channel", "微信", "--severity", "高")
    assert query(db_path, "SELECT channel, severity FROM complaints") == [("social", "high")]
    cli("classify", str(cid), "--category", "物流延迟", "--severity", "P3")
    assert query(db_path, "SELECT category, severity FROM complaints") == [("delivery_delay", "medium")]
    assert cli("list", "--status", "新建", "-f", "json").stdout.count('"id"') == 1
    cli("update", str(cid), "--status", "已受理")
    assert query(db_path, "SELECT status FROM complaints") == [("acknowledged",)]
    cli("taxonomy", "alias", "status", "跟进", "investigating")
    cli("update", str(cid), "--status", "跟进")
    assert query(db_path, "SELECT status FROM complaints") == [("investigating",)]
    assert cli("list", "--status", "跟进", "-f", "json").stdout.count('"id"') == 1
    assert "taxonomy alias severity" in cli("classify", str(cid), "--severity", "超级", expect=2).stderr
    cli("taxonomy", "unalias", "status", "跟进")
    assert "unknown status '跟进'" in cli("list", "--status", "跟进", expect=2).stderr


def test_rows_assigned_to_a_deactivated_agent_get_a_warning(cli, db_path, tmp_path):
    cli("agents", "add", "li.wei")
    cli("agents", "deactivate", "li.wei")
    f = write(tmp_path / "a.csv", "subject,received,assignee\nA,2026-11-01,li.wei\nB,2026-11-01,li.wei\n")
    result = cli("import", f, "-f", "json")
    assert json.loads(result.stdout)[0]["inactive_assignees"] == {"li.wei": 2}
    later = write(tmp_path / "b.csv", "subject,received,assignee\nC,2026-11-01,li.wei\n")
    assert "1 row assigned to li.wei, who is deactivated" in cli("import", later).stderr
