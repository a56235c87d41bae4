"""The search index: kept equal to what it is built from, filled by its migration, and the
query it is asked (core/insight/search.py)."""

import sqlite3
from datetime import datetime, timedelta, timezone

import pytest

from complaintctl.core.desk import complaints as core
from complaintctl.core.desk import tracking
from complaintctl.core.insight import search, search_terms
from complaintctl.core.insight.queries import ListFilters
from complaintctl.store import migrations
from complaintctl.store import search as index
from complaintctl.store.db import connect
from complaintctl.store.engine import POSTGRESQL, engine_of
from complaintctl.store.migrations.m018_search_external_content import SEARCH_TRIGGERS_18 as SEARCH_TRIGGERS

T0 = datetime(2026, 11, 2, 8, 0, tzinfo=timezone.utc)


def log(conn, subject, hours=0, **kw):
    at = T0 + timedelta(hours=hours)
    return core.log_complaint(conn, core.NewComplaint(subject, received=at, **kw), actor="a", now=at).id


def on_server(conn) -> bool:
    return engine_of(conn) == POSTGRESQL


def holds_its_text(conn) -> bool:
    """FTS5's own check that the index holds exactly the words of complaint_search_text; on
    PostgreSQL, whose index keeps the text itself, its rows are the view's, both ways."""
    if on_server(conn):
        columns = f"id, {', '.join(index.COLUMNS)}"
        apart = conn.execute(f"SELECT count(*) FROM ((SELECT {columns} FROM complaints_fts EXCEPT "
                             f"SELECT {columns} FROM complaint_search_text) UNION ALL (SELECT {columns} FROM "
                             f"complaint_search_text EXCEPT SELECT {columns} FROM complaints_fts)) AS apart").fetchone()[0]
        return apart == 0
    try:
        conn.execute("INSERT INTO complaints_fts (complaints_fts, rank) VALUES ('integrity-check', 1)")
    except sqlite3.DatabaseError:
        return False
    return True


def found(conn, text):
    return [r["id"] for r in search.search_complaints(conn, ListFilters(text=text, sort="id"), ranked=False)["rows"]]


def test_the_triggers_keep_the_index_equal_to_its_text(conn):
    a = log(conn, "洗衣机漏水", customer="王芳", phone="138 0013 8000", tags=["vip"])
    b = log(conn, "Kettle broken", 1, customer="王芳", phone="13800138000", description="it sparks")
    core.update(conn, a, status="acknowledged", note="已联系", actor="a", now=T0 + timedelta(hours=2))
    core.classify(conn, b, codes={}, add_tags=["媒体"], remove_tags=[], actor="a", now=T0 + timedelta(hours=2))
    core.classify(conn, a, codes={}, add_tags=[], remove_tags=["vip"], actor="a", now=T0 + timedelta(hours=3))
    core.update(conn, b, status="resolved", actor="a", now=T0 + timedelta(hours=4))
    tracking.survey(conn, b, score=2, comment="还是坏的", reopen=True, actor="a", now=T0 + timedelta(hours=5))
    core.update(conn, b, edits={"subject": "Kettle still broken"}, actor="a", now=T0 + timedelta(hours=6))
    conn.execute("UPDATE customers SET company = '芳华' WHERE id = 1")
    assert holds_its_text(conn)
    assert found(conn, "还是坏的") == [b] and found(conn, "芳华") == [a, b] and found(conn, "已联系") == [a]
    assert found(conn, "vip") == [] and found(conn, "媒体") == [b]
    assert found(conn, "Kettle still") == [b] and found(conn, '"kettle broken"') == []
    assert index.rebuild_index(conn) == 2
    assert holds_its_text(conn) and found(conn, "芳华") == [a, b]


def test_the_integrity_check_sees_text_changed_behind_the_index(conn):
    """What the test above relies on: the check fails when the index no longer holds the text."""
    log(conn, "洗衣机漏水")
    assert holds_its_text(conn)
    saved = index.suspend_triggers(conn)
    if on_server(conn):  # its triggers are never suspended there (a bulk load keeps the index as it goes)
        conn.execute("ALTER TABLE complaints DISABLE TRIGGER complaints_fts_update")
    conn.execute("UPDATE complaints SET subject = '冰箱不制冷'")
    assert not holds_its_text(conn)
    if on_server(conn):
        conn.execute("ALTER TABLE complaints ENABLE TRIGGER complaints_fts_update")
        index.rebuild_index(conn)
    index.resume_triggers(conn, saved)  # rebuilt
    assert holds_its_text(conn) and found(conn, "冰箱") == [1] and found(conn, "洗衣机") == []


@pytest.mark.sqlite_only  # FTS5's external content; PostgreSQL's trigram index is on a table holding the text
def test_the_index_keeps_no_copy_of_the_text(conn):
    log(conn, "洗衣机漏水", description="客户反映：用了三天就漏水")
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE name LIKE 'complaints_fts%'")}
    assert "complaints_fts_content" not in tables and "complaints_fts_data" in tables
    indexed = conn.execute(f"SELECT rowid, {', '.join(index.COLUMNS)} FROM complaints_fts ORDER BY rowid").fetchall()
    assert indexed[0]["description"] == "客户反映：用了三天就漏水  "  # read from the view


@pytest.mark.sqlite_only  # on PostgreSQL the index's triggers are never suspended (store/search.py)
def test_suspended_triggers_come_back_with_a_full_index(conn):
    saved = index.suspend_triggers(conn)
    assert len(saved) == len(SEARCH_TRIGGERS) and index.triggers(conn) == []
    log(conn, "written while suspended")
    assert found(conn, "written while") == []
    index.resume_triggers(conn, saved)
    assert found(conn, "written while") == [1] and holds_its_text(conn)
    assert len(index.triggers(conn)) == len(SEARCH_TRIGGERS)


def test_complaints_written_pending_are_indexed_once_at_the_end(conn):
    conn.execute("BEGIN IMMEDIATE")
    with index.indexed_once(conn, 1, 2):
        conn.execute("INSERT INTO complaints (id, received_at, subject, status, created_at, updated_at, created_by) "
                     "VALUES (1, '2026-11-01T00:00:00Z', '空调噪音', 'new', 'x', 'x', 'x'), "
                     "(2, '2026-11-01T00:00:00Z', 'Noisy fan', 'new', 'x', 'x', 'x')")
        conn.execute("INSERT INTO complaint_tags VALUES (1, 'vip'), (1, '媒体'), (2, 'vip')")
        if not on_server(conn):  # on PostgreSQL its triggers index each complaint as it is written
            assert conn.execute("SELECT count(*) FROM complaints_fts_docsize").fetchone()[0] == 0  # not yet
    conn.execute("COMMIT")
    assert conn.execute("SELECT count(*) FROM search_pending").fetchone()[0] == 0
    assert found(conn, "空调") == [1] and found(conn, "vip") == [1, 2] and found(conn, "媒体") == [1]
    assert holds_its_text(conn)


def test_a_failed_pending_write_leaves_the_index_equal_to_the_tables(conn):
    conn.execute("BEGIN IMMEDIATE")
    try:
        with index.indexed_once(conn, 1, 2):
            conn.execute("INSERT INTO complaints (id, received_at, subject, status, created_at, updated_at, "
                         "created_by) VALUES (1, '2026-11-01T00:00:00Z', '空调噪音', 'new', 'x', 'x', 'x')")
            raise RuntimeError("the writer failed half-way")
    except RuntimeError:
        pass
    conn.execute("COMMIT")  # a caller that keeps what was written: it is indexed
    assert found(conn, "空调") == [1] and holds_its_text(conn)
    assert conn.execute("SELECT count(*) FROM search_pending").fetchone()[0] == 0


@pytest.mark.sqlite_only  # FTS5's hash size
def test_a_batch_is_indexed_with_a_large_hash_and_the_setting_left_as_it_was(conn):
    def hashsize():
        row = conn.execute("SELECT v FROM complaints_fts_config WHERE k = 'hashsize'").fetchone()
        return None if row is None else row[0]

    for first, before in ((1, None), (2, 2 << 20)):
        if before is not None:
            conn.execute("INSERT INTO complaints_fts (complaints_fts, rank) VALUES ('hashsize', ?)", (before,))
        conn.execute("BEGIN IMMEDIATE")
        with index.indexed_once(conn, first, first):
            conn.execute("INSERT INTO complaints (id, received_at, subject, status, created_at, updated_at, "
                         "created_by) VALUES (?, '2026-11-01T00:00:00Z', '空调噪音', 'new', 'x', 'x', 'x')", (first,))
        conn.execute("COMMIT")
        assert hashsize() == before  # a fresh index: no row at all, as FTS5 made it
    assert found(conn, "空调") == [1, 2] and holds_its_text(conn)


def test_complaints_removed_together_leave_the_index_once(conn):
    ids = [log(conn, f"投诉 {n} 洗衣机", tags=["vip"]) for n in range(5)]
    if not on_server(conn):  # on PostgreSQL no foreign key holds an event to its complaint
        conn.execute("PRAGMA foreign_keys = OFF")  # their events stay
    conn.execute("BEGIN IMMEDIATE")
    with index.removed_once(conn, [ids[0], ids[1], ids[3]]):
        conn.execute(f"DELETE FROM complaint_tags WHERE complaint_id IN ({ids[0]}, {ids[1]}, {ids[3]})")
        conn.execute(f"DELETE FROM complaints WHERE id IN ({ids[0]}, {ids[1]}, {ids[3]})")
    conn.execute("COMMIT")
    assert found(conn, "洗衣机") == [ids[2], ids[4]] and found(conn, "vip") == [ids[2], ids[4]]
    assert holds_its_text(conn)


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


@pytest.mark.sqlite_only  # FTS5's MATCH expression; PostgreSQL's trigram reads: test_search_equals_scan.py
def test_match_expression(conn):
    log(conn, "洗衣机漏水")
    assert search_terms.match_expression(conn, ["洗衣机", "no water"]) == '"洗衣机" AND ("no water" OR "ｎｏ ｗａｔｅｒ")'
    assert search_terms.match_expression(conn, ['say "hi"']) == '("say ""hi""" OR "ｓａｙ ＂ｈｉ＂")'
    assert search_terms.match_expression(conn, ["漏水"]) == '("漏水 ")'  # the only token that begins with it
    assert search_terms.match_expression(conn, ["鑫"]) is None  # nowhere in the index: nothing can match
    assert search_terms.match_expression(conn, ["鑫", "漏水"], any_term=True) == '("漏水 ")'
    assert search_terms.match_expression(conn, ["机"]) == '("机漏水")'


def test_snippet_marks_every_term_in_the_first_column_holding_one():
    texts = {"subject": "Kettle  ", "notes": "客户说水壶漏水，要求退款，退款后再买  "}
    assert search.snippet(texts, ["退款", "漏水"]) == ("notes", "客户说水壶[漏水]，要求[退款]，[退款]后再买")
    long = {"description": "x" * 100 + " leak " + "y" * 100}
    column, text = search.snippet(long, ["leak"], width=20)
    assert column == "description" and text == "…xxxxx [leak] yyyyyyyyy…"
    assert search.snippet({"subject": "a"}, ["zz"]) == (None, "")


def test_a_phone_is_looked_for_in_each_way_its_customers_wrote_it_once(conn):
    """13800138000 stands for +86 13800138000 (found by it already: not a second pass over the
    index) and 138-0013-8000 (not: a phrase of its own)."""
    log(conn, "a", customer="王芳", phone="+86 13800138000")
    log(conn, "b", customer="王芳", phone="138-0013-8000", new_customer=True)
    assert search_terms.spellings(conn, "13800138000") == ["13800138000", "１３８００１３８０００", "138 0013 8000",
                                                           "138-0013-8000"]
    assert search_terms.spellings(conn, "ＡＰＰ") == ["app", "ＡＰＰ"]  # the index folds ＡＰＰ and ａｐｐ alike
    assert search_terms.spellings(conn, "APP") == ["app", "ａｐｐ"]
