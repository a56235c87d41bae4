"""`migrate-to`: a team's file moved to an empty PostgreSQL database and back, nothing lost, the
audit chain going on from the same head, `check` passing on each; a move cut short goes on where
it stopped. Needs a server: run with `pytest --backend postgresql` (CI's PostgreSQL run does)."""

from __future__ import annotations

import json
import re
from datetime import datetime, timedelta, timezone

import pytest

from complaintctl.core.demo import fill_demo
from complaintctl.core.desk import complaints as desk
from complaintctl.core.trust.moving import migrate_to
from complaintctl.store.db import connect
from conftest import Cli, query

pytestmark = pytest.mark.postgresql_ci
NOW = datetime(2026, 11, 24, 3, 0, tzinfo=timezone.utc)


@pytest.fixture
def team_file(tmp_path):
    """A team's file with a realistic history (every step of the cycle, Chinese and English),
    and one complaint marked a duplicate of a later one."""
    path = tmp_path / "team.db"
    conn = connect(path)
    fill_demo(conn, weeks=2, per_week=12, now=NOW)
    desk.update(conn, 2, note="客户来电：又漏水了", actor="li", now=NOW)
    conn.close()
    cli = Cli(path, tmp_path)
    cli("close", "1", "--outcome", "duplicate", "--duplicate-of", "5", "-r", "同一台洗衣机")
    return path


TABLES = ("complaints", "customers", "events", "complaint_tags", "agents", "surveys", "categories", "severities",
          "settings")


def rows(db, table: str) -> list[tuple]:
    where = " WHERE key <> 'database_id'" if table == "settings" else ""
    return query(db, f"SELECT * FROM {table}{where} ORDER BY 1, 2")


def report(text: str) -> str:
    """The report's text, byte for byte, but for the moment it was made (``as_of``)."""
    return re.sub(r'"as_of": "[^"]*"', '"as_of": "-"', text)


def test_a_team_file_moved_to_postgresql_and_back_loses_nothing(team_file, empty_server_database, tmp_path,
                                                                 monkeypatch):
    from complaintctl.core.insight import briefing, reported, reports, worklists

    for module in (briefing, reported, reports, worklists):  # the report's "now" (minutes left, ages): one moment
        monkeypatch.setattr(module, "now_utc", lambda: datetime(2026, 12, 7, 9, 30, tzinfo=timezone.utc))
    url = empty_server_database
    on_file, on_server = Cli(team_file, tmp_path), Cli(url, tmp_path)
    head = on_file("audit", "head").stdout.strip()
    moved = on_file("migrate-to", url)
    assert "the audit chain's head" in moved.stderr and head.split(":")[0] in moved.stderr
    for table in TABLES:
        assert rows(url, table) == rows(team_file, table), table
    assert on_server("audit", "head").stdout.strip() == head
    on_server("check")
    weekly = ("--tz", "UTC", "report", "weekly", "--from", "2026-11-09", "--to", "2026-11-24", "-f", "json")
    assert report(on_server(*weekly).stdout) == report(on_file(*weekly).stdout)
    for term in ("漏水", "洗", "refund"):
        assert on_server("search", term, "-f", "csv").stdout == on_file("search", term, "-f", "csv").stdout, term
    assert query(url, "SELECT duplicate_of FROM complaints WHERE id = 1") == [(5,)]

    # on the server the database links new events (version 2, from the next event on)
    on_server("update", "3", "--note", "回访：已换新机")
    new_id = on_server.log("--subject", "Logged on the server", "--channel", "web")
    assert new_id == query(team_file, "SELECT max(id) FROM complaints")[0][0] + 1
    assert [v for v, in query(url, "SELECT version FROM audit_chain ORDER BY from_event")] == [1, 2]
    on_server("check")

    back = tmp_path / "back.db"
    on_server("migrate-to", str(back))
    on_back = Cli(back, tmp_path)
    assert on_back("audit", "head").stdout == on_server("audit", "head").stdout
    for table in TABLES:
        assert rows(back, table) == rows(url, table), table
    on_back("update", str(new_id), "--note", "back on a file")  # linked by the last stretch's version, 2
    on_back("check")


FOREIGN_KEYS = ("SELECT c.relname, k.conname, pg_get_constraintdef(k.oid) FROM pg_constraint k "
                "JOIN pg_class c ON c.oid = k.conrelid WHERE k.contype = 'f' ORDER BY 1, 2")


def test_a_move_cut_short_goes_on_where_it_stopped(team_file, empty_server_database):
    class Cut(Exception):
        pass

    def cut(table, copied):
        if table == "events":
            raise Cut

    source = connect(team_file)
    try:
        with pytest.raises(Cut):
            migrate_to(source, empty_server_database, now=NOW, batch=50, progress=cut)
        assert query(empty_server_database, "SELECT count(*) FROM events") == [(50,)]
        # the foreign keys set aside while rows go in (store/moving.py), kept to be put back
        held = [tuple(k) for k in json.loads(query(empty_server_database, "SELECT value FROM settings "
                                                                          "WHERE key = 'moving_references'")[0][0])]
        left = query(empty_server_database, FOREIGN_KEYS)  # a derived table's (deferred_indexes) stays
        assert len(held) > 10 and not set(held) & set(left)
        result = migrate_to(source, empty_server_database, now=NOW + timedelta(minutes=1), batch=50)
    finally:
        source.close()
    assert result["resumed"] and result["events"] == query(team_file, "SELECT count(*) FROM events")[0][0]
    assert rows(empty_server_database, "events") == rows(team_file, "events")
    assert query(empty_server_database, "SELECT count(*) FROM settings WHERE key = 'moving_from'") == [(0,)]
    assert query(empty_server_database, FOREIGN_KEYS) == sorted(held + left)  # every one back, checked over its table
    assert query(empty_server_database, "SELECT count(*) FROM settings WHERE key = 'moving_references'") == [(0,)]
    Cli(empty_server_database, team_file.parent)("check")


def test_a_database_that_holds_a_desk_or_a_file_that_exists_is_refused(team_file, db_path, tmp_path):
    """db_path: the test's desk on the server (with the --backend postgresql run only)."""
    if not str(db_path).startswith("postgresql:"):
        pytest.skip("migrate-to needs a PostgreSQL server: pytest --backend postgresql")
    Cli(db_path, tmp_path).log("--subject", "Already here")
    result = Cli(team_file, tmp_path)("migrate-to", str(db_path), expect=1)
    assert "already holds a desk (complaints: 1," in result.stderr
    assert query(db_path, "SELECT count(*) FROM complaints") == [(1,)]
    other = tmp_path / "other.db"
    other.write_bytes(team_file.read_bytes())
    result = Cli(db_path, tmp_path)("migrate-to", str(other), expect=1)
    assert "exists: migrate-to writes a new file" in result.stderr
