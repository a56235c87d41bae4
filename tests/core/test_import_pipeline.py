"""The import's reader process and its bulk loading: same results as the plain path, errors
carried across, and no index left behind."""

import csv
import os
import pickle
from datetime import datetime, timezone

import pytest

from complaintctl.core.intake import ImportOptions, ImportSummary, customer_cache, import_records, values, worker
from complaintctl.core.intake import run as run_stage
from complaintctl.core.intake import writer as writer_stage
from complaintctl.core.intake.source import open_source
from complaintctl.errors import ComplaintError, InvalidInput
from complaintctl.store import bulk
from complaintctl.store.db import connect

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=timezone.utc)
HEADER = ["编号", "投诉时间", "客户", "手机", "渠道", "标题", "级别", "状态", "处理人", "标签", "duplicate_of"]


def make_csv(path, rows, bad_every=0):
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(HEADER)
        for i in range(rows):
            w.writerow([f"P{i:05d}", f"2026-{1 + i % 10:02d}-{1 + i % 28:02d} {i % 24:02d}:{i % 60:02d}",
                        f"客户{i % 300}", f"139{i % 300:08d}", ["电话", "邮件", "网站"][i % 3], f"问题 {i}",
                        "超级" if bad_every and i % bad_every == 7 else ["高", "中", "低"][i % 3],
                        ["新建", "已解决", "等待客户"][i % 3], ["张伟", "", "li.na"][i % 3],
                        ["", "vip", "vip,复购"][i % 3],
                        "999999" if bad_every and i % bad_every == 3 else ""])
    return path


def run(db, path, encoding=None, statements=None, **options):
    """Import ``path`` into ``db``; every SQL statement the import ran is appended to ``statements``."""
    conn = connect(db)
    if statements is not None:
        conn.set_trace_callback(statements.append)
    try:
        options = {"received_now": True, **options}  # rows without a received time are not what these test
        return import_records(conn, open_source(str(path), encoding=encoding), options=ImportOptions(**options),
                              actor="t", now=NOW)
    finally:
        conn.close()


def dump(db):
    conn = connect(db)
    tables = {}
    for table, order in [("complaints", "id"), ("customers", "id"), ("agents", "name"),
                         ("complaint_tags", "complaint_id, tag"), ("events", "id")]:
        tables[table] = [tuple(r) for r in conn.execute(f"SELECT * FROM {table} ORDER BY {order}")]
    conn.close()
    return tables


def index_names(db):
    conn = connect(db)
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type IN ('index', 'trigger')")}
    conn.close()
    return names


def test_reader_process_writes_exactly_what_the_plain_path_writes(tmp_path):
    data = make_csv(tmp_path / "p.csv", 1000, bad_every=500)
    plain = run(tmp_path / "plain.db", data, workers=0, batch_size=230,
                rejects_path=tmp_path / "plain.rejects.csv")
    piped = run(tmp_path / "piped.db", data, workers=1, batch_size=230,
                rejects_path=tmp_path / "piped.rejects.csv")
    assert (plain.read, plain.inserted, plain.rejected) == (piped.read, piped.inserted, piped.rejected)
    assert plain.rejected == 2 and plain.inserted == 998  # a duplicate_of that does not exist rejects its row
    assert plain.unclassified == piped.unclassified == [  # an unknown severity does not: imported unclassified
        {"field": "severity", "label": "超级", "rows": 2, "first_line": 9, "suggestion": None}]
    # batches retried row by row after a refusal count each new customer once
    assert plain.customers_created == piped.customers_created == 300
    assert dump(tmp_path / "plain.db") == dump(tmp_path / "piped.db")
    assert (tmp_path / "plain.rejects.csv").read_text("utf-8-sig") == (tmp_path / "piped.rejects.csv").read_text("utf-8-sig")
    again = run(tmp_path / "piped.db", data, workers=1, batch_size=230, rejects_path=tmp_path / "r.csv")
    assert (again.inserted, again.unchanged) == (0, 998)


def test_an_error_in_the_reader_process_reaches_the_writer_whole(tmp_path):
    path = make_csv(tmp_path / "broken.csv", 2000)
    with open(path, "ab") as f:
        f.write("P9,2026-01-01 10:00,x,1,电话,".encode() + b"\xff\xfe broken\n")
    kept = []
    for workers in (0, 1):
        db = tmp_path / f"b{workers}.db"
        with pytest.raises(InvalidInput) as caught:
            run(db, path, encoding="utf-8", workers=workers, batch_size=500)
        assert caught.value.message == f"{path} line 2002 is not valid utf-8 (as given)"
        assert caught.value.hint.startswith("the rows before it were imported")
        conn = connect(db)
        kept.append(conn.execute("SELECT count(*) FROM complaints").fetchone()[0])
        assert conn.execute("SELECT count(*) FROM deferred_indexes").fetchone()[0] == 0
        conn.close()
    assert kept == [2000, 2000]  # every row before the bad line is kept, with or without a reader process


def test_a_bad_line_deep_in_a_bulk_load_keeps_every_row_before_it(tmp_path, monkeypatch):
    """A bulk load commits every BULK_COMMIT_ROWS; the rows after the last commit and before
    the bad line are committed too, and the deferred indexes rebuilt, before the error."""
    monkeypatch.setattr(run_stage, "BULK_MIN_ROWS", 300)
    monkeypatch.setattr(run_stage, "BULK_COMMIT_ROWS", 1500)
    path = make_csv(tmp_path / "joined.csv", 2300)
    with open(path, "ab") as f:
        f.write("P9,2026-01-01 10:00,李雷,1,电话,".encode() + "坏行\n".encode("gbk"))
        f.write(b"P10,2026-01-01 10:00,x,1,phone,after\n")
    db = tmp_path / "joined.db"
    with pytest.raises(InvalidInput) as caught:
        run(db, path, workers=0, batch_size=300)  # encoding detected: UTF-8 with one stray GBK line
    assert "line 2302 is not valid utf-8 (detected from the start of the file)" in caught.value.message
    conn = connect(db)
    assert conn.execute("SELECT count(*) FROM complaints").fetchone()[0] == 2300
    assert conn.execute("SELECT count(*) FROM deferred_indexes").fetchone()[0] == 0
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()


def test_complaint_errors_survive_pickling():
    error = pickle.loads(pickle.dumps(InvalidInput("bad", hint="do this", exit_code=3)))
    assert (type(error), error.message, error.hint, error.exit_code) == (InvalidInput, "bad", "do this", 3)
    assert str(pickle.loads(pickle.dumps(ComplaintError("plain")))) == "plain"


def test_a_big_import_defers_indexes_and_rebuilds_every_one(tmp_path, monkeypatch):
    monkeypatch.setattr(run_stage, "BULK_MIN_ROWS", 300)
    fresh = tmp_path / "fresh.db"
    connect(fresh).close()
    expected = index_names(fresh)
    seen = []
    real = bulk.defer_indexes

    def spy(conn, **kw):
        seen.extend(real(conn, **kw))
        return seen

    monkeypatch.setattr(bulk, "defer_indexes", spy)
    db = tmp_path / "big.db"
    summary = run(db, make_csv(tmp_path / "big.csv", 1000), batch_size=250)
    assert summary.inserted == 1000
    assert "complaints_received_at" in seen and "events_action_at" not in seen
    assert {"customers_email", "customers_phone"} <= set(seen)  # matched from the writer's cache
    assert "complaints_import_fingerprint" not in seen  # re-runs look rows up by it
    assert index_names(db) == expected
    conn = connect(db)
    assert bulk.deferred_indexes(conn) == []
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    plan = " ".join(r[3] for r in conn.execute(
        "EXPLAIN QUERY PLAN SELECT * FROM complaints WHERE received_at >= '2026-03-01'"))
    assert "complaints_received_at" in plan
    conn.close()


def test_small_imports_and_updates_keep_their_indexes(tmp_path, monkeypatch):
    """Seen in the SQL the import runs (not by patching a function, which sees nothing once
    the call is bound elsewhere): no index is dropped. A bulk load does drop them."""
    monkeypatch.setattr(run_stage, "BULK_MIN_ROWS", 300)
    db, statements = tmp_path / "s.db", []
    run(db, make_csv(tmp_path / "small.csv", 150), statements=statements)
    run(db, make_csv(tmp_path / "big.csv", 1000), update=True, batch_size=250, statements=statements)
    assert statements and not [s for s in statements if "DROP INDEX" in s.upper()]
    conn, deferring = connect(db), []  # and the trace does see an index deferred
    conn.set_trace_callback(deferring.append)
    conn.execute("BEGIN IMMEDIATE")
    bulk.defer_indexes(conn, import_id=None, at="2026-11-20T12:00:00Z")
    conn.execute("ROLLBACK")
    conn.close()
    assert [s for s in deferring if "DROP INDEX" in s.upper()]


def test_indexes_left_by_a_killed_import_are_rebuilt_by_the_next(tmp_path):
    db = tmp_path / "k.db"
    run(db, make_csv(tmp_path / "a.csv", 50))
    conn = connect(db)
    conn.execute("BEGIN IMMEDIATE")
    dropped = bulk.defer_indexes(conn, import_id=1, at="2026-11-20T12:00:00Z")
    conn.execute("COMMIT")
    assert "complaints_customer_id" in dropped and bulk.deferred_indexes(conn) == sorted(dropped)
    # the data is whole meanwhile: queries answer the same, only without the index
    assert conn.execute("SELECT count(*) FROM complaints WHERE customer_id = 1").fetchone()[0] > 0
    conn.close()
    run(db, make_csv(tmp_path / "b.csv", 10))
    conn = connect(db)
    assert bulk.deferred_indexes(conn) == []
    assert set(dropped) <= index_names(db)
    conn.close()


# Foreign keys are off during a plain import; each batch checks the same parents instead.

def test_import_leaves_foreign_keys_on_and_every_reference_valid(tmp_path):
    db = tmp_path / "fk.db"
    summary = run(db, make_csv(tmp_path / "fk.csv", 600), batch_size=100)
    assert summary.inserted == 600
    conn = connect(db)
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    for table in ("complaints", "complaint_tags", "events"):
        assert conn.execute(f"PRAGMA foreign_key_check({table})").fetchall() == []
    conn.close()


def test_a_code_deleted_while_importing_stops_the_import_cleanly(tmp_path, monkeypatch):
    db = tmp_path / "ghost.db"
    path = tmp_path / "ghost.csv"
    path.write_text("标题,类型\nfirst,产品质量\nsecond,ghost\n", encoding="utf-8")
    real = values._code_tables

    def with_a_ghost(conn, extra):
        # the reader's snapshot still holds a category that the table no longer has
        tables = real(conn, extra)
        tables["category"]["ghost"] = "ghost"
        return tables

    monkeypatch.setattr(values, "_code_tables", with_a_ghost)
    with pytest.raises(ComplaintError, match="a category code this import uses was deleted"):
        run(db, path)
    conn = connect(db)
    assert conn.execute("SELECT count(*) FROM complaints").fetchone()[0] == 0
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    conn.close()


@pytest.mark.parametrize("what", ["customer", "agent"])
def test_verify_parents_refuses_a_cached_customer_or_agent_that_is_gone(tmp_path, what):
    conn = connect(tmp_path / "p.db")
    summary = ImportSummary("x", "csv", "utf-8", ",")
    writer = writer_stage.Writer(conn, "t", "2026-11-20T12:00:00Z", None, "x.csv", summary, False, codes={})
    writer.verify_parents()  # nothing used: nothing to refuse
    if what == "customer":
        writer.reused_customers.add(12345)
    else:
        writer.used_agents.add("nobody")
    with pytest.raises(ComplaintError, match=f"{what} this import uses was deleted"):
        writer.verify_parents()
    conn.close()


def test_memoised_due_times_match_the_sla_clock(tmp_path):
    """Whole-hour targets share due times per received hour; others are computed row by row.
    Either way the stored SLA fields agree with what the event log recomputes."""
    from complaintctl.core.desk.tracking import set_targets
    from complaintctl.core.sla.check import check_sla

    db = tmp_path / "due.db"
    conn = connect(db)
    set_targets(conn, "low", "90m", "1d", actor="t")  # 90 minutes: not a whole hour
    conn.close()
    path = tmp_path / "due.csv"
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["subject", "received", "severity", "status", "first_response_at"])
        for i in range(400):
            received = f"2026-{1 + i % 10:02d}-{1 + i % 28:02d} {i % 24:02d}:{i * 7 % 60:02d}:{i * 13 % 60:02d}"
            responded = f"2026-{1 + i % 10:02d}-{1 + i % 28:02d} {i % 24:02d}:59:59" if i % 3 == 0 else ""
            w.writerow([f"row {i}", received, ["critical", "high", "medium", "low"][i % 4],
                        ["new", "investigating", "waiting"][i % 3], responded])
    assert run(db, path).inserted == 400
    conn = connect(db)
    assert check_sla(conn) == []
    assert conn.execute("SELECT respond_due_at FROM complaints WHERE subject = 'row 3'").fetchone()[0] == \
        "2026-04-04T04:51:39Z"  # low: 03:21:39 + 90 minutes
    assert conn.execute("SELECT resolve_due_at FROM complaints WHERE subject = 'row 1'").fetchone()[0] == \
        "2026-02-05T01:07:13Z"  # high: 3 days after 2026-02-02 01:07:13
    conn.close()


class _Odd:
    """Something marshal refuses but pickle carries."""

    def __init__(self, value):
        self.value = value

    def __eq__(self, other):
        return isinstance(other, _Odd) and other.value == self.value


class _FakePreparer:
    def __init__(self, batches):
        self._batches = batches

    def batches(self):
        yield from self._batches


def test_reader_process_carries_plain_batches_and_falls_back_to_pickle():
    plain = ([(2, 7, "R1", "new", ("subject",), ("a",), None, None, [], None)], [(3, "bad", ["x"])], 2, 100)
    odd = ([(4, 8, None, "new", ("subject",), (_Odd(1),), None, None, [], None)], [], 1, 150)
    assert list(worker._in_worker(_FakePreparer([plain, odd]))) == [plain, odd]


def test_customer_cache_bound_switches_to_database_matching_with_the_same_result(tmp_path, monkeypatch):
    """Memory stays flat however many customers a file brings: past its bound the writer
    matches customers through the database, rebuilding the indexes a bulk load deferred."""
    monkeypatch.setattr(run_stage, "BULK_MIN_ROWS", 300)
    path = make_csv(tmp_path / "many.csv", 1000)
    run(tmp_path / "cached.db", path, batch_size=500)
    monkeypatch.setattr(customer_cache, "CUSTOMER_CACHE_KEYS", 200)  # the file has 300 customers, one key each
    switched = []
    real = writer_stage.Writer._stop_caching_customers

    def spy(self):
        switched.append(len(self.customers))
        real(self)

    monkeypatch.setattr(writer_stage.Writer, "_stop_caching_customers", spy)
    run(tmp_path / "bounded.db", path, batch_size=500)
    assert switched and switched[0] > 200
    assert dump(tmp_path / "bounded.db") == dump(tmp_path / "cached.db")
    assert index_names(tmp_path / "bounded.db") == index_names(tmp_path / "cached.db")
    conn = connect(tmp_path / "bounded.db")
    assert bulk.deferred_indexes(conn) == []
    conn.close()


def test_rebuild_indexes_of_one_table_leaves_the_others_listed(tmp_path):
    conn = connect(tmp_path / "r.db")
    conn.execute("BEGIN IMMEDIATE")
    dropped = bulk.defer_indexes(conn, import_id=None, at="2026-11-20T12:00:00Z",
                                 tables=bulk.DEFERRABLE_TABLES + ("customers",))
    assert {"customers_email", "customers_phone", "complaints_received_at"} <= set(dropped)
    assert sorted(bulk.rebuild_indexes(conn, tables=("customers",))) == ["customers_email", "customers_phone"]
    left = bulk.deferred_indexes(conn)
    assert "complaints_received_at" in left and not any(n.startswith("customers_") for n in left)
    assert set(bulk.rebuild_indexes(conn)) == set(left)
    conn.execute("COMMIT")
    assert bulk.deferred_indexes(conn) == []
    conn.close()


def test_update_of_a_row_seen_earlier_in_the_batch_keeps_the_rows_after_it(tmp_path):
    """--update writes the batch so far before updating a complaint it inserted moments ago;
    rows after that point, of the same shape, are still written."""
    path = tmp_path / "again.csv"
    path.write_text("ref,subject,severity\nA1,first,high\nA1,first again,low\nB2,second,high\nC3,third,high\n",
                    encoding="utf-8")
    summary = run(tmp_path / "u.db", path, update=True)
    assert (summary.inserted, summary.updated) == (3, 1)
    conn = connect(tmp_path / "u.db")
    assert [tuple(r) for r in conn.execute("SELECT ref, subject, severity FROM complaints ORDER BY id")] == [
        ("A1", "first again", "low"), ("B2", "second", "high"), ("C3", "third", "high")]
    conn.close()


@pytest.mark.parametrize("batch_size", [1, 1000])  # the earlier row in another batch, or in this one
def test_rows_repeating_a_ref_are_duplicates_the_same_or_differing_never_unchanged(tmp_path, batch_size):
    path = tmp_path / "dup.csv"
    path.write_text("ref,subject,severity\nR1,first,high\nR1,first,high\nR1,second version,low\nR2,x,medium\n",
                    encoding="utf-8")
    rejects = tmp_path / "dup.rejects.csv"
    db = tmp_path / "d.db"
    summary = run(db, path, batch_size=batch_size, rejects_path=rejects)
    # an empty database: nothing is "unchanged"; the exact repeat and the contradiction are duplicates
    assert (summary.read, summary.inserted, summary.unchanged, summary.duplicates, summary.rejected) == (4, 2, 0, 2, 0)
    assert summary.duplicates_differing == 1
    rows = list(csv.reader(rejects.read_text(encoding="utf-8-sig").splitlines()))
    assert len(rows) == 2  # the differing one only, with what differed, and never a hint to --update
    assert rows[1][:2] == ["4", "repeats ref 'R1' of line 2 with other values (subject 'first' vs 'second version'; "
                                "severity 'high' vs 'low'): not imported"]
    assert rows[1][2:] == ["R1", "second version", "low"]  # the row as the file wrote it
    assert dump(db)["complaints"][0][5] == "first"  # subject
    # re-running the file: the first rows are unchanged, the repeats are duplicates again
    again = run(db, path, batch_size=batch_size, rejects_path=rejects)
    assert (again.inserted, again.unchanged, again.duplicates, again.rejected) == (0, 2, 2, 0)
    fresh = tmp_path / "u.db"
    updated = run(fresh, path, batch_size=batch_size, update=True, rejects_path=rejects)
    assert (updated.inserted, updated.updated, updated.duplicates, updated.rejected) == (2, 1, 1, 0)
    assert dump(fresh)["complaints"][0][5] == "second version"


def test_no_value_alias_names_two_codes_or_a_code_that_does_not_exist(conn):
    """Checked on the source: a dict built from the alias lists keeps only the last code an
    alias was given, so a clash would pass unnoticed at run time."""
    import ast
    from pathlib import Path

    from complaintctl.core.taxonomy import labels as import_mapping
    from complaintctl.core.taxonomy.codes import KINDS

    tree = ast.parse(Path(import_mapping.__file__).read_text(encoding="utf-8"))
    table = next(node.value for node in ast.walk(tree) if isinstance(node, ast.AnnAssign)
                 and getattr(node.target, "id", None) == "VALUE_ALIASES")
    for kind_node, value in zip(table.keys, table.values, strict=True):
        kind = kind_node.value
        if isinstance(value, ast.Call):  # _alias_lists({code: [alias, ...]})
            written = [e.value for lst in value.args[0].values for e in lst.elts]
        else:  # {alias: code}
            written = [k.value for k in value.keys]
        lowered = [a.lower() for a in written]
        assert len(lowered) == len(set(lowered)), (kind, sorted({a for a in lowered if lowered.count(a) > 1}))
        codes = {r[0] for r in conn.execute(f"SELECT code FROM {KINDS[kind].table}")}
        assert set(import_mapping.VALUE_ALIASES[kind].values()) <= codes, kind


def test_the_word_a_header_was_guessed_from_is_the_same_in_every_run():
    # `Consumer complaint narrative` holds two description words: the evidence names the
    # header's first, whatever order Python's string hashing gives a set in this process
    import subprocess
    import sys

    code = ("from complaintctl.core.intake.headers import guess_field; "
            "print(guess_field('Consumer complaint narrative'), guess_field('Date received'))")
    seen = {subprocess.run([sys.executable, "-c", code], env={**os.environ, "PYTHONHASHSEED": str(seed)},
                           capture_output=True, text=True, check=True).stdout for seed in range(6)}
    assert seen == {"('description', 'complaint') ('received', 'date')\n"}
