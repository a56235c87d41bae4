"""`import undo`: what an import created and nobody touched goes, in one transaction, each removal
an event; what was touched stays, with why; the chain and `check` hold after it."""

import csv
from datetime import datetime, timedelta, timezone

import pytest

from complaintctl.core.desk import complaints as desk
from complaintctl.core.desk import tracking
from complaintctl.core.insight import search
from complaintctl.core.insight.queries import ListFilters
from complaintctl.core.intake import ImportOptions, import_records, list_imports, undo_import
from complaintctl.core.intake.source import open_source
from complaintctl.core.people.customers import merge_customers
from complaintctl.core.record.events import events_for
from complaintctl.core.trust.audit import verify_chain
from complaintctl.core.trust.health import PROBLEM, check_database
from complaintctl.errors import ComplaintError, NotFound, Refused
from complaintctl.store.db import connect
from complaintctl.store.engine import POSTGRESQL, engine_of

pytestmark = pytest.mark.postgresql_ci  # in CI's PostgreSQL run (.ci/run)

T0 = datetime(2026, 11, 20, 8, 0, tzinfo=timezone.utc)
LATER = T0 + timedelta(days=1)
HEADER = ["编号", "投诉时间", "客户", "手机", "标题", "问题描述", "标签", "渠道"]


def write_csv(path, rows):
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(HEADER)
        w.writerows(rows)
    return path


def rows_of(start, n, customers=None):
    """``n`` complaints from ref B{start} on; customer i % ``customers`` (default: one each)."""
    def who(i):
        return i % customers if customers else i

    return [[f"B{i:03d}", f"2026-11-{1 + i % 28:02d} 09:00", f"客户{who(i)}", f"1390000{who(i):04d}",
             f"洗衣机漏水 {i}", f"第{i}号投诉：用了三天就漏水", "vip" if i % 2 else "", "电话"]
            for i in range(start, start + n)]


def run_import(conn, path, now=T0, **options):
    return import_records(conn, open_source(str(path)), options=ImportOptions(received_now=True, **options),
                          actor="importer", now=now)


def problems(conn):
    return [f for f in check_database(conn) if f.result == PROBLEM]


def found(conn, text):
    return sorted(r["id"] for r in search.search_complaints(conn, ListFilters(text=text))["rows"])


@pytest.fixture
def imported(conn, tmp_path):
    """Ten complaints of five customers, imported as import #1."""
    summary = run_import(conn, write_csv(tmp_path / "a.csv", rows_of(0, 10, customers=5)))
    assert (summary.import_id, summary.inserted, summary.customers_created) == (1, 10, 5)
    return conn


def test_an_untouched_import_is_removed_whole_and_the_chain_holds(imported):
    conn = imported
    events_before = conn.execute("SELECT count(*) FROM events").fetchone()[0]
    result = undo_import(conn, 1, actor="lead", now=LATER)
    assert result["removed_complaints"] == list(range(1, 11)) and result["removed_customers"] == [1, 2, 3, 4, 5]
    assert result["kept_complaints"] == [] and result["kept_customers"] == []
    for table in ("complaints", "customers", "complaint_tags", "raw_labels"):
        assert conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0, table
    # every event stays; one more per removal, and one for the undo
    assert conn.execute("SELECT count(*) FROM events").fetchone()[0] == events_before + 10 + 5 + 1
    actions = conn.execute("SELECT action, count(*) FROM events WHERE id > ? GROUP BY action ORDER BY action",
                           (events_before,)).fetchall()
    assert [tuple(r) for r in actions] == [("customer_removed", 5), ("import_undone", 1), ("removed", 10)]
    undone = conn.execute("SELECT new_value, note, actor, at FROM events WHERE action = 'import_undone'").fetchone()
    assert tuple(undone) == ("1", "removed 10 complaint(s) and 5 customer(s); kept 0 complaint(s) and 0 customer(s)",
                             "lead", "2026-11-21T08:00:00Z")
    chain = verify_chain(conn)
    assert chain.broken == [] and chain.unhashed == [] and chain.checked == events_before + 16
    assert problems(conn) == []
    assert found(conn, "洗衣机") == []
    if engine_of(conn) != POSTGRESQL:  # FTS5's own check of its index against the text
        conn.execute("INSERT INTO complaints_fts (complaints_fts, rank) VALUES ('integrity-check', 1)")
    assert list_imports(conn)[0]["undone_at"] == "2026-11-21T08:00:00Z"
    assert list_imports(conn)[0]["complaints_now"] == 0


def test_what_was_touched_since_stays_and_says_why(imported, tmp_path):
    conn = imported
    desk.update(conn, 2, note="已电话联系客户", actor="li", now=LATER)
    desk.classify(conn, 3, codes={"severity": "high"}, actor="li", now=LATER)
    desk.update(conn, 4, status="resolved", actor="li", now=LATER)
    tracking.survey(conn, 4, score=2, comment="还是漏", actor="li", now=LATER)
    other = desk.log_complaint(conn, desk.NewComplaint("又漏水了", received=LATER), actor="li", now=LATER).id
    desk.close(conn, other, outcome="duplicate", resolution="同一个问题", duplicate_of=6, actor="li", now=LATER)
    result = undo_import(conn, 1, actor="lead", now=LATER + timedelta(hours=1))
    kept = {k["id"]: k["why"] for k in result["kept_complaints"]}
    assert set(kept) == {2, 3, 4, 6}
    assert kept[2] == "changed since: note by li at 2026-11-21T08:00:00Z"
    assert kept[3].startswith("changed since: classified (severity) by li")
    assert kept[4].startswith("changed since: ") and "by li" in kept[4]
    assert kept[6] == f"complaint #{other} is marked a duplicate of it"
    assert result["removed_complaints"] == [1, 5, 7, 8, 9, 10]
    # customers: complaint k has customer (k - 1) % 5 + 1; those of kept complaints stay, named by them
    kept_customers = {k["id"]: k["why"] for k in result["kept_customers"]}
    assert kept_customers == {1: "complaint #6 names it", 2: "complaint #2 names it", 3: "complaint #3 names it",
                              4: "complaint #4 names it"}
    assert result["removed_customers"] == [5]
    assert [r[0] for r in conn.execute("SELECT id FROM complaints ORDER BY id")] == [2, 3, 4, 6, other]
    assert problems(conn) == []


def test_a_customer_of_the_import_that_others_named_or_changed_since_stays(imported):
    conn = imported
    logged = desk.log_complaint(conn, desk.NewComplaint("冰箱不制冷", customer="客户1", phone="13900000001",
                                                        received=LATER), actor="li", now=LATER).id
    merge_customers(conn, 3, [4], actor="li", now=LATER)
    result = undo_import(conn, 1, actor="lead", now=LATER)
    kept = {k["id"]: k["why"] for k in result["kept_customers"]}
    assert kept[2] == f"complaint #{logged} names it"
    # the merge moved complaints 4 and 9 to customer 3 (an event each: they stay, and name it)
    assert kept[3] == "complaint #4 names it"
    assert kept[4] == "changed since: customer_merged by li at 2026-11-21T08:00:00Z"
    assert [k["id"] for k in result["kept_complaints"]] == [4, 9]
    assert result["removed_customers"] == [1, 5]
    assert problems(conn) == []


def test_complaints_updated_by_a_later_import_stay(imported, tmp_path):
    conn = imported
    changed = rows_of(0, 3, customers=5)
    changed[1][4] = "洗衣机漏水，已换新"
    later = run_import(conn, write_csv(tmp_path / "b.csv", changed), now=LATER, update=True)
    assert later.updated == 1
    result = undo_import(conn, 1, actor="lead", now=LATER)
    assert [k["id"] for k in result["kept_complaints"]] == [2]
    assert result["kept_complaints"][0]["why"].startswith("changed since: imported (subject) by importer")
    assert problems(conn) == []


def test_the_import_s_own_updates_of_its_rows_are_its_own(conn, tmp_path):
    """A file that names one ref twice updates it within the same import (--update): still the batch's."""
    rows = rows_of(0, 3)
    again = list(rows[0])
    again[4] = "洗衣机漏水（补充）"
    run_import(conn, write_csv(tmp_path / "a.csv", [*rows, again]), update=True)
    result = undo_import(conn, 1, actor="lead", now=LATER)
    assert result["removed_complaints"] == [1, 2, 3] and result["kept_complaints"] == []


def search_index_rows(conn) -> str:
    """The table with one row per indexed complaint: FTS5's docsize, or PostgreSQL's index table."""
    return "complaints_fts" if engine_of(conn) == POSTGRESQL else "complaints_fts_docsize"


def test_a_dry_run_says_the_same_and_changes_nothing(imported):
    conn = imported
    desk.update(conn, 2, note="已联系", actor="li", now=LATER)
    before = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
              for t in ("complaints", "customers", "events", "complaint_tags", search_index_rows(conn))}
    dry = undo_import(conn, 1, actor="lead", now=LATER, dry_run=True)
    after = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in before}
    assert after == before and list_imports(conn)[0]["undone_at"] is None and dry["dry_run"]
    real = undo_import(conn, 1, actor="lead", now=LATER)
    assert {**dry, "dry_run": False} == real


def test_an_undone_or_unknown_import_is_refused(imported):
    undo_import(imported, 1, actor="lead", now=LATER)
    with pytest.raises(Refused, match="import #1 was undone at 2026-11-21T08:00:00Z by lead"):
        undo_import(imported, 1, actor="lead")
    with pytest.raises(NotFound, match="no import #7"):
        undo_import(imported, 7, actor="lead")


def test_ids_of_removed_complaints_and_customers_are_never_given_again(imported, tmp_path):
    conn = imported
    undo_import(conn, 1, actor="lead", now=LATER)
    new = desk.log_complaint(conn, desk.NewComplaint("空调噪音", customer="新客户", received=LATER), actor="li", now=LATER)
    assert (new.id, new.customer_id) == (11, 6)
    again = run_import(conn, write_csv(tmp_path / "b.csv", rows_of(0, 2)), now=LATER)
    assert [r[0] for r in conn.execute("SELECT id FROM complaints WHERE import_id = ?", (again.import_id,))] == [12, 13]
    assert [r[0] for r in conn.execute("SELECT id FROM customers WHERE import_id = ?", (again.import_id,))] == [7, 8]
    assert [e["action"] for e in events_for(conn, 11)] == ["logged"]  # no history of a removed one
    assert problems(conn) == []


def between_batches(conn, after_rows, work):
    """A progress callback that, once ``after_rows`` rows are written, lets ``work`` run between
    two of the import's batches as another process would: the batch committed, the lock free."""
    def progress(_bytes, read):
        if read == after_rows:
            conn.execute("COMMIT")
            work()
            conn.execute("BEGIN IMMEDIATE")
    return progress


def test_an_import_undone_between_its_batches_stops_at_the_next(conn, tmp_path):
    path = write_csv(tmp_path / "a.csv", rows_of(0, 30))
    undone = []
    progress = between_batches(conn, 10, lambda: undone.append(undo_import(conn, 1, actor="lead", now=LATER)))
    with pytest.raises(ComplaintError, match=r"import #1 was undone by lead at 2026-11-21T08:00:00Z while it ran: "
                                             r"it stopped at line 12, and nothing from there on was imported") as stopped:
        run_import(conn, path, batch_size=10, workers=0, progress=progress)
    assert undone[0]["removed_complaints"] == list(range(1, 11))
    assert conn.execute("SELECT count(*) FROM complaints").fetchone()[0] == 0
    assert "run the same import again" not in str(stopped.value)  # they were saved, then undone
    assert problems(conn) == []


def test_a_running_import_does_not_match_a_customer_an_undo_removed_meanwhile(imported, tmp_path):
    """Import #2 has cached import #1's customers; #1 is undone between two of #2's batches: a
    later row of #2 for one of those people gets a new customer record, not the removed one."""
    conn = imported
    rows = rows_of(100, 10) + rows_of(0, 1)  # ten new people, then 客户0 again (customer #1 of import #1)
    for row in rows:
        row[0] = "C" + row[0]
    progress = between_batches(conn, 10, lambda: undo_import(conn, 1, actor="lead", now=LATER))
    summary = run_import(conn, write_csv(tmp_path / "b.csv", rows), now=T0 + timedelta(days=30), batch_size=10, workers=0,
                         progress=progress)
    assert summary.inserted == 11
    last = conn.execute("SELECT customer_id FROM complaints ORDER BY id DESC LIMIT 1").fetchone()[0]
    assert last > 15 and conn.execute("SELECT name FROM customers WHERE id = ?", (last,)).fetchone()[0] == "客户0"
    assert problems(conn) == []


def test_the_migration_gives_earlier_imports_their_complaints_not_their_customers(tmp_path):
    """An import made before migration 23 is undone too: its complaints are known by the note of
    their `imported` event; which customers it created was not recorded, so they stay."""
    import sqlite3

    from complaintctl.store import migrations
    from complaintctl.store.chain import insert_events

    path = tmp_path / "old.db"
    path.touch(mode=0o600)
    raw = sqlite3.connect(path, isolation_level=None)
    names = [name for name, _ in migrations.MIGRATIONS]
    migrations.migrate(raw, target=names.index("m023_import_batches"))  # the version before
    raw.execute("BEGIN")
    raw.execute("INSERT INTO imports (source, format, actor, started_at, finished_at, read, inserted) "
                "VALUES ('old.csv', 'csv', 'importer', '2026-11-01T00:00:00Z', '2026-11-01T00:00:05Z', 2, 2)")
    raw.execute("INSERT INTO customers (name, phone, phone_normalized, created_at) "
                "VALUES ('王芳', '13900000001', '13900000001', '2026-11-01T00:00:00Z')")
    for i, subject in ((1, "老投诉一"), (2, "老投诉二")):
        raw.execute("INSERT INTO complaints (received_at, subject, customer_id, status, created_at, updated_at, "
                    "created_by) VALUES ('2026-10-01T00:00:00Z', ?, 1, 'new', '2026-11-01T00:00:00Z', "
                    "'2026-11-01T00:00:00Z', 'importer')", (subject,))
        insert_events(raw, [(i, "2026-11-01T00:00:00Z", "importer", "imported", "status", None, "new",
                             f"import #1 from old.csv line {i + 1}", None)])
    insert_events(raw, [(2, "2026-11-02T00:00:00Z", "li", "note", None, None, None, "已处理", None)])
    raw.execute("COMMIT")
    raw.close()
    conn = connect(path)
    assert [tuple(r) for r in conn.execute("SELECT id, import_id FROM complaints")] == [(1, 1), (2, 1)]
    assert conn.execute("SELECT import_id FROM customers").fetchone()[0] is None
    result = undo_import(conn, 1, actor="lead", now=LATER)
    assert result["removed_complaints"] == [1] and [k["id"] for k in result["kept_complaints"]] == [2]
    assert result["removed_customers"] == [] and result["customers_recorded"] is False
    assert problems(conn) == []
    conn.close()
