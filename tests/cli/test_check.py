"""`complaintctl check`: finds what plain SQL, a bad disk or a killed import did to the file."""

import json
import sqlite3

import pytest
from tests.app_runner import invoke

from complaintctl.core.desk.complaints import NewComplaint, log_complaint
from complaintctl.core.trust.health import check_database, worst
from complaintctl.store.db import connect
from conftest import on_server, shell

# What check says on PostgreSQL of a sound desk besides "ok": it compares only the replayed fields
# with their events there yet (docs/security.md), a warning
PG_FACTS = "on a PostgreSQL server only the status, assignee, classification"


def _findings(result) -> dict[str, dict]:
    return {f["check"]: f for f in json.loads(result.stdout)}


def _raw(db_path):
    """A plain sqlite3 session, as a person at the sqlite3 shell has: foreign keys off (on
    PostgreSQL a session with every trigger and foreign key off, as a superuser may have)."""
    raw = shell(db_path)
    if on_server(db_path):
        raw.execute("SET session_replication_role = replica")
    return raw


def _without_guard(raw, trigger: str) -> None:
    """The trigger dropped, on a file; on PostgreSQL the session has it off already (_raw)."""
    if isinstance(raw, sqlite3.Connection):
        raw.execute(f"DROP TRIGGER {trigger}")


def test_a_healthy_desk_passes_every_check(cli):
    first = cli.log("--subject", "洗衣机漏水", "--customer", "李雷", "--severity", "high")
    cli("agents", "add", "li.wei")
    cli("assign", first, "--to", "li.wei")
    cli("update", first, "--status", "investigating", "--note", "上门检查")
    second = cli.log("--subject", "Late delivery", "--channel", "email")
    cli("close", second, "--outcome", "resolved", "--resolution", "Refunded")
    result = cli("check")
    assert "problem" not in result.stdout
    found = _findings(cli("check", "-f", "json"))
    if on_server(cli.db_path):  # the facts compared in part there (a warning)
        assert set(found) == {"integrity", "schema version", "schema objects", "deferred indexes", "references",
                              "audit trail", "stated facts", "timestamps", "lifecycle", "file permissions",
                              "holiday calendar", "SLA clocks"}
        assert found.pop("stated facts")["detail"].startswith(PG_FACTS)
        assert {f["result"] for f in found.values()} == {"ok"}
        return
    assert "warning" not in result.stdout and "all checks passed" in result.stderr
    assert set(found) == {"integrity", "schema version", "schema objects", "deferred indexes", "references",
                          "audit trail", "stated facts", "timestamps", "lifecycle", "file permissions",
                          "holiday calendar", "SLA clocks"}
    assert {f["result"] for f in found.values()} == {"ok"}


@pytest.mark.sqlite_only  # a file's shell: a code no table holds, a trigger and an index dropped (the server
# refuses a missing code by its foreign keys; test_audit_chain.py tampers with events on both)
def test_plain_sql_damage_is_found_with_the_rows_named(cli, db_path):
    ok = cli.log("--subject", "Fine", "--severity", "low")
    bad = cli.log("--subject", "Edited by hand", "--severity", "low")
    raw = _raw(db_path)
    raw.execute("UPDATE complaints SET category = 'no_such_code', closed_at = '2026-01-01T00:00:00Z' "
                "WHERE id = ?", (bad,))
    raw.execute("INSERT INTO complaints (received_at, subject, status, created_at, updated_at, created_by) "
                "VALUES ('2026/11/3 14:05', 'Typed in sqlite3', 'new', '2026-11-24T00:00:00Z', "
                "'2026-11-24T00:00:00Z', 'someone')")
    sneaked = raw.execute("SELECT max(id) FROM complaints").fetchone()[0]
    raw.execute("DROP TRIGGER events_no_delete")
    raw.execute("DROP INDEX complaints_received_at")
    raw.close()

    result = cli("check", "-f", "json", expect=1)
    assert "6 checks found a problem" in result.stderr
    found = _findings(result)
    assert found["integrity"]["result"] == "ok"
    assert found["references"]["result"] == "problem"
    assert f"complaints.category name a missing categories row (#{bad})" in found["references"]["detail"]
    assert found["schema objects"]["detail"] == "missing: index complaints_received_at, trigger events_no_delete"
    audit = found["audit trail"]["detail"]
    assert "events_no_delete missing" in audit and f"no event at all (#{sneaked})" in audit
    assert f"#{sneaked}" in found["timestamps"]["detail"]
    # its category was set without an event: not what the complaint was logged with
    assert f"complaint #{bad}: what it came in with is not what event #" in found["stated facts"]["detail"]
    assert f"open but with a closed or resolved time (#{bad})" in found["lifecycle"]["detail"]
    assert f"#{ok}" not in found["lifecycle"]["detail"]
    # the SLA clocks cannot be replayed from a time nobody can read: said, not crashed on
    assert found["SLA clocks"]["result"] == "warning"

    # the table for a person: every finding with what to do about it, nothing cut off
    table = cli("check", expect=1, env={"COLUMNS": "80"}).stdout
    assert "-> dropped with plain SQL?" in table and "restore the newest backup" not in table
    assert all(len(line) <= 80 for line in table.splitlines())

    # init puts back what holds no data; the data problems remain for a person to fix
    init = cli("init")
    assert "Recreated what was missing from the schema: index complaints_received_at, " \
           "trigger events_no_delete." in init.stderr
    after = _findings(cli("check", "-f", "json", expect=1))
    assert after["schema objects"]["result"] == "ok"
    assert "events can be rewritten" not in after["audit trail"]["detail"]


def test_stored_sla_state_that_disagrees_with_the_events_is_a_problem(cli, db_path):
    cid = cli.log("--subject", "Clock tampered with", "--severity", "high")
    raw = _raw(db_path)
    raw.execute("UPDATE complaints SET resolve_due_at = '2099-01-01T00:00:00Z' WHERE id = ?", (cid,))
    raw.close()
    found = _findings(cli("check", "-f", "json", expect=1))
    assert found["SLA clocks"]["result"] == "problem" and f"(#{cid})" in found["SLA clocks"]["detail"]
    # --quick skips the replay (and runs quick_check): the same file passes
    quick = _findings(cli("check", "--quick", "-f", "json"))
    assert "SLA clocks" not in quick
    assert quick["integrity"]["detail"] == ("PostgreSQL: every table opened: ok" if on_server(db_path)
                                            else "SQLite quick_check: ok")


@pytest.mark.sqlite_only  # a bulk import defers a file's indexes (store/bulk.py), not a server's
def test_indexes_left_deferred_by_a_killed_import_are_a_warning_its_guard_set_aside_a_problem(cli, db_path):
    from complaintctl.store.bulk import defer_indexes

    raw = _raw(db_path)
    raw.execute("BEGIN IMMEDIATE")
    dropped = defer_indexes(raw, import_id=None, at="2026-11-20T12:00:00Z")
    raw.execute("COMMIT")
    raw.close()
    result = cli("check", "-f", "json", expect=1)
    found = _findings(result)
    assert found["deferred indexes"]["result"] == "warning"
    assert f"{len(dropped)} indexes dropped by a bulk import" in found["deferred indexes"]["detail"]
    # a deferred index is not missing; no import is running: the trigger that refuses INSERT OR
    # REPLACE on events is simply gone (a dropped trigger is a problem unless an import holds the file)
    assert found["schema objects"]["result"] == "problem"
    assert found["schema objects"]["detail"] == "missing: trigger events_no_replace"
    assert found["audit trail"]["result"] == "problem"
    assert "events_no_replace set aside by an import that is not running" in found["audit trail"]["detail"]
    cli("init")
    found = _findings(cli("check", "-f", "json"))
    assert found["deferred indexes"]["result"] == "ok" and found["audit trail"]["result"] == "ok"


@pytest.mark.sqlite_only  # the lock of a file
def test_an_import_loading_the_file_right_now_is_only_a_warning(cli, db_path, tmp_path):
    """The guard an import sets aside while it loads is said as a warning while that import holds
    the file (its run unfinished, the write lock taken by its process), a problem once it is gone."""
    import subprocess
    import sys

    loader = subprocess.Popen([sys.executable, "-c", f"""
import sys
from complaintctl.store.db import connect
from complaintctl.store.bulk import defer_indexes
conn = connect({str(db_path)!r})
conn.execute("BEGIN IMMEDIATE")
run = conn.execute("INSERT INTO imports (source, format, actor, started_at) "
                   "VALUES ('big.csv', 'csv', 'cron', '2026-11-20T12:00:00Z')").lastrowid
defer_indexes(conn, import_id=run, at="2026-11-20T12:00:00Z")
conn.execute("COMMIT")
conn.execute("BEGIN IMMEDIATE")  # as an import holds the file between its batches
print("loading", flush=True)
sys.stdin.readline()
"""], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert loader.stdout.readline().strip() == "loading"
        found = _findings(cli("check", "-f", "json"))
        assert found["deferred indexes"]["result"] == "warning"
        assert found["audit trail"]["result"] == "ok" and found["schema objects"]["result"] == "ok"
    finally:
        loader.communicate("done\n", timeout=30)
    found = _findings(cli("check", "-f", "json", expect=1))  # killed before it finished: the guard is missing
    assert "events_no_replace set aside by an import that is not running" in found["audit trail"]["detail"]


def test_events_naming_a_missing_complaint_or_customer_are_found_in_either_check(cli, db_path):
    """Events' references are checked through their indexes: a complaint or customer they name
    that is gone with no removal recorded is named, in the quick check as in the full one."""
    cid = cli.log("--subject", "Fine", "--customer", "李雷", "--phone", "13900001111")
    raw = _raw(db_path)
    _without_guard(raw, "events_no_delete")
    raw.execute("DELETE FROM events WHERE complaint_id = ?", (cid,))  # the complaint's own events
    raw.execute("DELETE FROM events WHERE customer_id IS NOT NULL")
    hashed = "0" * 32
    new_id = "(SELECT coalesce(max(id), 0) + 1 FROM events)"  # given: on PostgreSQL a trigger numbers them, off here
    raw.execute("INSERT INTO events (id, complaint_id, at, actor, action, hash) "
                f"VALUES ({new_id}, 999, '2026-11-24T00:00:00Z', 'x', 'logged', ?)", (hashed,))
    raw.execute("INSERT INTO events (id, customer_id, at, actor, action, hash) "
                f"VALUES ({new_id}, 777, '2026-11-24T00:00:00Z', 'x', 'created', ?)", (hashed,))
    raw.execute("INSERT INTO events (id, complaint_id, at, actor, action, hash) "
                f"VALUES ({new_id}, ?, '2026-11-24T00:00:00Z', 'x', 'logged', ?)", (cid, hashed))
    raw.close()
    for quick in ([], ["--quick"]):
        detail = _findings(cli("check", "-f", "json", *quick, expect=1))["references"]["detail"]
        assert "events name 1 complaint that is gone with no removal recorded (#999)" in detail, detail
        assert "events name 1 customer that is gone with no removal recorded (#777)" in detail, detail
        assert f"#{cid}" not in detail


@pytest.mark.sqlite_only  # the file copied with SQLite's backup API
def test_sound_events_are_not_read_row_by_row_for_their_references(cli, db_path):
    cli.log("--subject", "Fine", "--customer", "李雷", "--phone", "13900001111")
    conn = sqlite3.connect(":memory:")  # a copy in memory: every check in this thread, traced
    connect(db_path, readonly=True).backup(conn)
    statements = []
    conn.set_trace_callback(statements.append)
    assert {f.check: f.result for f in check_database(conn)}["references"] == "ok"
    checked = [s for s in statements if "foreign_key_check" in s]
    assert 'PRAGMA foreign_key_check("complaints")' in checked
    assert not any('"events"' in s for s in checked), checked


@pytest.mark.sqlite_only  # a damaged, foreign or missing file
def test_damaged_foreign_and_missing_files(cli, tmp_path, db_path):
    conn = connect(db_path)
    for i in range(300):  # through core: 300 CLI calls would cost a minute for the same rows
        log_complaint(conn, NewComplaint(subject=f"complaint {i} " + "x" * 200), actor="tester")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    data = bytearray(db_path.read_bytes())
    page = 4096
    data[page * 8: page * 10] = b"\xff" * (2 * page)  # two pages of the complaints tree overwritten
    damaged = tmp_path / "damaged.db"
    damaged.write_bytes(bytes(data))
    stranger = tmp_path / "notes.txt"
    stranger.write_text("not a database at all\n" * 100)
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.close()
    for quick in ([], ["--quick"]):  # the quick check reads the file in two threads: the same findings
        result = invoke(["--db", str(damaged), "check", *quick])
        assert result.exit_code == 1
        assert "problem  integrity" in result.stdout and "restore the newest backup" in result.stdout
        assert len(result.stdout.strip().splitlines()) == 2  # integrity and its fix: nothing after it

        result = invoke(["--db", str(stranger), "check", *quick])
        assert result.exit_code == 1 and "not an SQLite database" in result.stdout

        result = invoke(["--db", str(other), "check", *quick])
        assert result.exit_code == 1 and "not a complaintctl database" in result.stdout

    missing = tmp_path / "nowhere.db"
    result = invoke(["--db", str(missing), "check"])
    assert result.exit_code == 1 and "no database at" in result.stderr
    assert not missing.exists()  # check never creates what it checks


def test_an_older_schema_is_a_warning_and_is_left_as_it_is(tmp_path, cli):
    from complaintctl.store import migrations

    path = tmp_path / "old.db"
    conn = sqlite3.connect(path, isolation_level=None)
    migrations.migrate(conn, target=migrations.LATEST_VERSION - 1)
    conn.close()
    result = invoke(["--db", str(path), "check", "-f", "json"])
    assert result.exit_code == 0
    found = _findings(result)
    assert found["schema version"]["result"] == "warning"
    assert found["schema objects"]["result"] == "ok"  # compared with that version's schema
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == migrations.LATEST_VERSION - 1
    conn.close()


def test_core_check_on_a_connection(conn, db_path):
    findings = check_database(conn)
    if on_server(db_path):  # the stated facts compared in part there: a warning, and only that
        assert [f.check for f in findings if f.result != "ok"] == ["stated facts"]
    else:
        assert worst(findings) == "ok"
    assert [f.check for f in findings][:2] == ["integrity", "schema version"]
