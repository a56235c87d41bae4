"""The search index: kept equal to what it is built from, filled by its migration, and the
query it is asked (core/insight/search.py)."""

import sqlite3
from datetime import datetime, timedelta, timezone

from complaintctl.core.desk import complaints as core
from complaintctl.core.desk import tracking
from complaintctl.core.insight import search
from complaintctl.core.insight.queries import ListFilters
from complaintctl.store import migrations
from complaintctl.store import search as index
from complaintctl.store.db import connect

T0 = datetime(2026, 11, 2, 8, 0, tzinfo=timezone.utc)


def log(conn, subject, hours=0, **kw):
    at = T0 + timedelta(hours=hours)
    return core.log_complaint(conn, core.NewComplaint(subject, received=at, **kw), actor="a", now=at).id


def indexed(conn):
    return conn.execute(f"SELECT rowid, {', '.join(index.COLUMNS)} FROM complaints_fts ORDER BY rowid").fetchall()


def rebuilt(conn):
    return conn.execute(f"{index.DOCUMENT} ORDER BY c.id").fetchall()


def test_the_triggers_keep_the_index_equal_to_a_rebuild(conn):
    a = log(conn, "洗衣机漏水", customer="王芳", phone="138 0013 8000", tags=["vip"])
    b = log(conn, "Kettle broken", 1, customer="王芳", phone="13800138000", description="it sparks")
    core.update(conn, a, status="acknowledged", note="已联系", actor="a", now=T0 + timedelta(hours=2))
    core.classify(conn, b, codes={}, add_tags=["媒体"], remove_tags=[], actor="a", now=T0 + timedelta(hours=2))
    core.classify(conn, a, codes={}, add_tags=[], remove_tags=["vip"], actor="a", now=T0 + timedelta(hours=3))
    core.update(conn, b, status="resolved", actor="a", now=T0 + timedelta(hours=4))
    tracking.survey(conn, b, score=2, comment="还是坏的", reopen=True, actor="a", now=T0 + timedelta(hours=5))
    core.update(conn, b, edits={"subject": "Kettle still broken"}, actor="a", now=T0 + timedelta(hours=6))
    conn.execute("UPDATE customers SET company = '芳华' WHERE id = 1")
    assert [tuple(r) for r in indexed(conn)] == [tuple(r) for r in rebuilt(conn)]
    assert "还是坏的" in indexed(conn)[1]["notes"] and "芳华" in indexed(conn)[1]["customer"]
    assert index.rebuild_index(conn) == 2
    assert [tuple(r) for r in indexed(conn)] == [tuple(r) for r in rebuilt(conn)]


def test_suspended_triggers_come_back_with_a_full_index(conn):
    saved = index.suspend_triggers(conn)
    assert len(saved) == 7 and index.triggers(conn) == []
    log(conn, "written while suspended")
    assert indexed(conn) == []
    index.resume_triggers(conn, saved)
    assert [r["subject"] for r in indexed(conn)] == ["written while suspended  "]
    assert len(index.triggers(conn)) == 7


def test_the_migration_indexes_what_is_already_there(tmp_path):
    path = tmp_path / "old.db"
    raw = sqlite3.connect(path, isolation_level=None)
    migrations.migrate(raw, target=12)  # the version before m013_search_index
    raw.execute("INSERT INTO complaints (received_at, subject, status, created_at, updated_at, created_by) "
                "VALUES ('2026-01-01T00:00:00Z', '老投诉：空调噪音', 'new', '2026-01-01T00:00:00Z', "
                "'2026-01-01T00:00:00Z', 'x')")
    raw.close()
    conn = connect(path)
    rows = search.search_complaints(conn, ListFilters(text="噪音"))["rows"]
    assert [(r["id"], r["snippet"]) for r in rows] == [(1, "老投诉：空调[噪音]")]


def test_match_expression(conn):
    log(conn, "洗衣机漏水")
    assert search.match_expression(conn, ["洗衣机", "no water"]) == '"洗衣机" AND "no water"'
    assert search.match_expression(conn, ['say "hi"']) == '"say ""hi"""'
    assert search.match_expression(conn, ["漏水"]) == '("漏水 ")'  # the only token that begins with it
    assert search.match_expression(conn, ["鑫"]) is None  # nowhere in the index: nothing can match
    assert search.match_expression(conn, ["鑫", "漏水"], any_term=True) == '("漏水 ")'
    assert search.match_expression(conn, ["机"]) == '("机漏水")'


def test_snippet_marks_every_term_in_the_first_column_holding_one():
    texts = {"subject": "Kettle  ", "notes": "客户说水壶漏水，要求退款，退款后再买  "}
    assert search.snippet(texts, ["退款", "漏水"]) == ("notes", "客户说水壶[漏水]，要求[退款]，[退款]后再买")
    long = {"description": "x" * 100 + " leak " + "y" * 100}
    column, text = search.snippet(long, ["leak"], width=20)
    assert column == "description" and text == "…xxxxx [leak] yyyyyyyyy…"
    assert search.snippet({"subject": "a"}, ["zz"]) == (None, "")
