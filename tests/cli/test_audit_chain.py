"""The audit trail shows tampering: each way of rewriting history is refused or caught by `check`."""

from __future__ import annotations

import json
import sqlite3

import pytest

from complaintctl.core.trust.audit import verify_chain
from complaintctl.store import migrations
from complaintctl.store.db import connect
from conftest import on_server, query, shell


@pytest.fixture
def desk(cli):
    """Three complaints with some history: #1 classified and assigned, #2 closed, #3 new."""
    cli("agents", "add", "li.wei")
    first = cli.log("--subject", "洗衣机漏水", "--severity", "high", "--phone", "13800138000")
    cli("classify", first, "--severity", "critical", "--category", "product_quality")
    cli("assign", first, "--to", "li.wei")
    cli("update", first, "--status", "acknowledged", "--note", "called back")
    second = cli.log("--subject", "Late delivery", "--channel", "email")
    cli("close", second, "--outcome", "resolved", "--resolution", "Refunded")
    cli.log("--subject", "Wrong invoice")
    return cli


def _raw(db_path):
    """The database's own shell: sqlite3 on a file (foreign keys off); on PostgreSQL a session
    with every trigger and foreign key off (session_replication_role, as a superuser may)."""
    raw = shell(db_path)
    if on_server(db_path):
        raw.execute("SET session_replication_role = replica")
    return raw


def _spelled(db_path, sql: str) -> str:
    """SQLite's INSERT OR REPLACE as PostgreSQL writes it."""
    if on_server(db_path) and sql.startswith("INSERT OR REPLACE"):
        return sql.replace("INSERT OR REPLACE", "INSERT") + " ON CONFLICT (id) DO UPDATE SET note = excluded.note"
    return sql


def _findings(cli, *args, expect=0) -> dict:
    return {f["check"]: f for f in json.loads(cli("check", "-f", "json", *args, expect=expect).stdout)}


def _audit(cli, *args, expect=1) -> dict:
    return _findings(cli, *args, expect=expect)["audit trail"]


def test_an_untouched_desk_passes_and_its_head_is_printed(desk, db_path):
    audit = _audit(desk, expect=0)
    assert audit["result"] == "ok" and "every link holds" in audit["detail"]
    head = desk("audit", "head").stdout.strip()
    last = query(db_path, "SELECT id, hash FROM events ORDER BY id DESC LIMIT 1")[0]
    assert head == f"{last[0]}:{last[1]}"
    assert json.loads(desk("audit", "head", "-f", "json").stdout)[0]["id"] == last[0]


def test_the_schema_refuses_replace_and_events_without_their_hash(desk, db_path):
    raw = shell(db_path)
    if on_server(db_path):  # no REPLACE there, and the database links an event itself (test_postgresql_roles.py)
        for sql in ("UPDATE events SET note = 'x' WHERE id = 2", "DELETE FROM events WHERE id = 2"):
            with pytest.raises(sqlite3.DatabaseError, match="append-only"):  # PostgreSQL's, as sqlite3's class
                raw.execute(sql)
        return
    with pytest.raises(sqlite3.IntegrityError, match="REPLACE refused"):
        raw.execute("INSERT OR REPLACE INTO events (id, at, actor, action, hash) "
                    "VALUES (2, '2026-11-24T00:00:00Z', 'mallory', 'note', ?)", ("0" * 32,))
    with pytest.raises(sqlite3.IntegrityError, match="NOT NULL constraint failed: events.hash"):
        raw.execute("INSERT INTO events (complaint_id, at, actor, action) VALUES (1, '2026-11-24T00:00:00Z', 'm', 'note')")
    for sql in ("UPDATE events SET note = 'x' WHERE id = 2", "DELETE FROM events WHERE id = 2"):
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            raw.execute(sql)


def _without_triggers(raw, *statements: str) -> None:
    """What a determined user of the file does: drop the guards, rewrite, put the guards back (on
    PostgreSQL the session has every trigger off already: _raw)."""
    if not isinstance(raw, sqlite3.Connection):
        for statement in statements:
            raw.execute(statement)
        raw.close()
        return
    saved = raw.execute("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'events'").fetchall()
    for (sql,) in saved:
        raw.execute(f"DROP TRIGGER {sql.split()[2]}")
    for statement in statements:
        raw.execute(statement)
    for (sql,) in saved:
        raw.execute(sql)


@pytest.mark.parametrize("tampering, first_broken", [
    ("UPDATE events SET note = 'nothing happened' WHERE id = 3", 3),
    ("UPDATE events SET actor = 'someone else' WHERE id = 2", 2),
    ("INSERT OR REPLACE INTO events (id, complaint_id, at, actor, action, note, hash) "
     "SELECT id, complaint_id, at, actor, action, 'rewritten', hash FROM events WHERE id = 4", 4),
    ("DELETE FROM events WHERE id = 3", 4),
    ("INSERT INTO events (id, complaint_id, at, actor, action, note, hash) SELECT 1000, 1, at, 'x', 'note', 'forged', hash "
     "FROM events WHERE id = 5", 1000),
], ids=["edited note", "edited actor", "replaced", "deleted", "inserted"])
def test_a_rewritten_event_is_caught_with_the_first_broken_link_named(desk, db_path, tampering, first_broken):
    _without_triggers(_raw(db_path), _spelled(db_path, tampering))
    audit = _audit(desk)
    assert audit["result"] == "problem"
    assert f"the audit chain is broken at event #{first_broken} (first broken link" in audit["detail"]


def test_erasing_a_whole_complaint_is_caught(desk, db_path):
    raw = _raw(db_path)
    _without_triggers(raw, "DELETE FROM events WHERE complaint_id = 1", "DELETE FROM complaint_tags WHERE complaint_id = 1",
                      "DELETE FROM complaints WHERE id = 1")
    assert "the audit chain is broken at event #" in _audit(desk)["detail"]


@pytest.mark.parametrize("column, value, complaint, said", [
    ("status", "investigating", 3, "'new'"), ("severity", "low", 1, "'critical'"), ("assignee", None, 1, "'li.wei'"),
    ("category", "price", 1, "'product_quality'"),
])
def test_a_field_changed_without_its_event_is_caught_by_the_replay(desk, db_path, column, value, complaint, said):
    _raw(db_path).execute(f"UPDATE complaints SET {column} = ? WHERE id = ?", (value, complaint))
    facts = _findings(desk, expect=1)["stated facts"]
    shown = "empty" if value is None else repr(value)
    if on_server(db_path):  # the replayed fields only, named by complaint (docs/security.md)
        assert f"1 complaint whose {column} is not what their events say (#{complaint})" in facts["detail"]
    else:
        assert f"complaint #{complaint}: its {column} is {shown} where event #" in facts["detail"]
        assert f"says {said}" in facts["detail"]
    assert "stated facts" not in _findings(desk, "--quick")  # the comparison is a full check's


def test_deleting_the_newest_events_is_caught_by_the_replay_and_the_kept_head(desk, db_path):
    head = desk("audit", "head").stdout.strip()
    _without_triggers(_raw(db_path), "DELETE FROM events WHERE id = (SELECT max(id) FROM events)")
    assert _audit(desk)["result"] == "problem"  # the last complaint has no event left
    assert "of the kept head is gone" in _audit(desk, "--against", head)["detail"]


def test_a_history_rewritten_with_recomputed_hashes_is_caught_only_against_a_kept_head(desk, db_path):
    from complaintctl.store.chain import CHAINED, GENESIS, link

    head = desk("audit", "head").stdout.strip()
    from complaintctl.store.chain import writing_version

    raw = _raw(db_path)
    version = writing_version(raw)  # a file's v1 (BLAKE2b), a server's v2 (SHA-256)
    if not on_server(db_path):
        raw.execute("DROP TRIGGER events_no_update")
    raw.execute("UPDATE events SET note = 'we never promised a refund' WHERE id = 3")
    previous = GENESIS  # the hashing is public: recomputed, the chain holds again
    for row in raw.execute(f"SELECT id, {', '.join(CHAINED)}, digest FROM events ORDER BY id").fetchall():
        previous = link(previous, row[1:-1], row[-1], version)
        raw.execute("UPDATE events SET hash = ? WHERE id = ?", (previous, row[0]))
    if not on_server(db_path):
        raw.execute("CREATE TRIGGER events_no_update BEFORE UPDATE ON events "
                    "BEGIN SELECT RAISE(ABORT, 'events are append-only: UPDATE refused'); END")
    raw.close()
    assert _audit(desk, expect=0)["result"] == "ok"
    audit = _audit(desk, "--against", head)
    assert "was rewritten and its hashes recomputed" in audit["detail"]
    desk.log("--subject", "later")
    assert "nothing at or before the kept head" not in _audit(desk, "--against", head)["detail"]


def test_check_against_a_head_after_honest_work_passes(desk):
    head = desk("audit", "head").stdout.strip()
    desk.log("--subject", "more work")
    desk("update", "4", "--status", "acknowledged")
    audit = _audit(desk, "--against", head, expect=0)
    assert f"nothing at or before the kept head #{head.split(':')[0]} changed" in audit["detail"]
    assert "not a chain head" in desk("check", "--against", "yesterday", expect=2).stderr


def test_quick_check_verifies_the_newest_links(desk, db_path):
    _without_triggers(_raw(db_path), "UPDATE events SET note = 'x' WHERE id = (SELECT max(id) FROM events)")
    assert "the audit chain is broken" in _audit(desk, "--quick")["detail"]


def test_an_import_chains_its_events(cli, db_path, tmp_path):
    source = tmp_path / "calls.csv"
    source.write_text("subject,received,status\n" + "".join(f"call {i},2026-11-0{1 + i % 9},new\n" for i in range(50)),
                      encoding="utf-8")
    cli.log("--subject", "before")
    cli("import", str(source))
    cli.log("--subject", "after")
    conn = connect(db_path)
    report = verify_chain(conn)
    assert report.checked == 52 and not report.broken and not report.unhashed


def test_the_migration_chains_every_existing_event(tmp_path):
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path, isolation_level=None)
    migrations.migrate(conn, target=13)
    conn.execute("INSERT INTO complaints (received_at, subject, status, created_at, updated_at, created_by) "
                 "VALUES ('2026-01-01T00:00:00Z', 'old', 'new', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 'x')")
    for _ in range(3):
        conn.execute("INSERT INTO events (complaint_id, at, actor, action, field, new_value) "
                     "VALUES (1, '2026-01-01T00:00:00Z', 'x', 'logged', 'status', 'new')")
    conn.close()
    upgraded = connect(path)
    report = verify_chain(upgraded)
    assert report.checked == 3 and not report.broken and not report.unhashed
