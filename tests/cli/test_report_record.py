"""A report keeps what it printed: a finished period's figures, their hash, when and by whom; a
later run says which figures changed since it was first reported (only late data about the
period changes them), in every format, and `report diff` shows what changed and why."""

import csv
import hashlib
import io
import json
import sqlite3
from datetime import datetime, timedelta, timezone

import pytest

from complaintctl.core.desk import complaints as core
from conftest import on_server, query, shell

UTC = timezone.utc
MON = datetime(2026, 11, 9, tzinfo=UTC)  # Monday of 2026-W46 (TZ=UTC in tests)
WEEK = ("report", "weekly", "--week", "2026-W46")


def kept_rows(db_path):
    return query(db_path, "SELECT report, label, period_start, period_end, figures, hash, made_by FROM reports "
                          "ORDER BY id")


@pytest.fixture
def desk(conn, cli, db_path):
    for i in range(4):
        cid = core.log_complaint(conn, core.NewComplaint(subject=f"洗衣机 {i}", severity="high", channel="phone",
                                                         received=MON + timedelta(days=i, hours=9)),
                                 actor="t", now=MON + timedelta(days=i, hours=9)).id
        if i < 3:
            core.update(conn, cid, status="resolved", actor="t", now=MON + timedelta(days=i, hours=15))
    conn.close()
    return cli, db_path


def test_a_finished_week_is_kept_once_and_unchanged_by_later_work(desk):
    cli, db_path = desk
    first = json.loads(cli(*WEEK, "-f", "json").stdout)
    assert first["kept"]["saved"] and first["changed_since_first_reported"] == []
    (row,) = kept_rows(db_path)
    assert row[:4] == ("weekly", "2026-W46", "2026-11-09T00:00:00Z", "2026-11-16T00:00:00Z")
    assert row[5] == first["kept"]["hash"] == hashlib.sha256(row[4].encode("utf-8")).hexdigest()
    assert json.loads(row[4])["resolved"] == 3 and row[6] == "tester"
    cli("reopen", "1", "--reason", "again")
    cli("classify", "2", "--severity", "low", "--category", "price")
    again = json.loads(cli(*WEEK, "-f", "json").stdout)
    assert again["changed_since_first_reported"] == [] and not again["kept"]["saved"]
    assert len(kept_rows(db_path)) == 1  # the same figures: nothing new to keep
    assert "changed since first reported" not in cli(*WEEK).stdout
    assert "No figure changed since" in cli("report", "diff", "--week", "2026-W46").stdout


def test_late_data_about_the_week_is_said_in_every_format_and_explained(desk, tmp_path):
    cli, db_path = desk
    cli(*WEEK, "-f", "json")
    cli("report", "agents", "--week", "2026-W46")
    cli("log", "-s", "补录的投诉", "--received", "2026-11-12 10:00", "--channel", "web")  # recorded late
    data = json.loads(cli(*WEEK, "-f", "json").stdout)
    changed = {c["figure"]: (c["was"], c["now"]) for c in data["changed_since_first_reported"]}
    assert changed["received"] == (4, 5) and changed["by channel: web"] == (None, 1)
    assert changed["backlog"] == (1, 2) and "resolved" not in changed
    assert len(kept_rows(db_path)) == 3  # weekly, agents, and the weekly report's second version
    text = cli(*WEEK).stdout
    assert f"{len(changed)} figures changed since first reported on" in text
    assert "received 4 -> 5" in text and "`complaintctl report diff --week 2026-W46`" in text
    assert "received 4 -> 5" in cli(*WEEK, "-f", "markdown").stdout
    page = tmp_path / "w.html"
    cli(*WEEK, "-f", "html", "-o", page)
    assert "received 4 -&gt; 5" in page.read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(cli(*WEEK, "-f", "csv").stdout)))
    assert {(r["item"], r["measure"], r["value"]) for r in rows if r["section"] == "changed"} >= {
        ("received", "was", "4"), ("received", "now", "5")}
    diff = json.loads(cli("report", "diff", "--week", "2026-W46", "-f", "json").stdout)
    assert {c["figure"]: (c["was"], c["now"]) for c in diff["changes"]} == changed
    assert [(e["action"], e["complaint_id"]) for e in diff["why"]] == [("logged", 5)]
    out = cli("report", "diff", "--week", "2026-W46").stdout
    assert "received" in out and "logged" in out and "#5" in out
    assert "No figure changed" in cli("report", "diff", "--week", "2026-W46", "--against", "last").stdout
    assert "No figure changed" in cli("report", "diff", "--week", "2026-W46", "--report", "agents").stdout


def test_a_corrected_received_time_is_late_data_and_named(desk):
    cli, _ = desk
    cli(*WEEK, "-f", "json")
    cli("update", "4", "--received", "2026-11-02 09:00")  # it came in the week before
    diff = json.loads(cli("report", "diff", "--week", "2026-W46", "-f", "json").stdout)
    changed = {c["figure"]: (c["was"], c["now"]) for c in diff["changes"]}
    assert changed["received"] == (4, 3) and changed["received (previous period)"] == (0, 1)
    assert [(e["action"], e["field"], e["old_value"]) for e in diff["why"]] == [
        ("edited", "received_at", "2026-11-12T09:00:00Z")]


def test_what_is_not_kept(desk, monkeypatch):
    cli, db_path = desk
    running = json.loads(cli("report", "weekly", "--from", "2026-11-09", "--to", "2099-01-01", "-f", "json").stdout)
    assert running["kept"] is None and kept_rows(db_path) == []  # a running period's figures are partial
    assert "was never kept" in cli("report", "diff", "--week", "2026-W46", expect=1).stderr
    assert "no 'trends' report" in cli("report", "diff", "--week", "2026-W46", "--report", "trends", expect=2).stderr
    if not on_server(db_path):  # a file's read-only mode (a read-only role on a server: test_postgresql_roles.py)
        with monkeypatch.context() as m:  # a file this user cannot write (root writes a 0444 one: told so here)
            m.setattr("complaintctl.store.sharing.write_blocker", lambda path: "the file is read-only for you")
            data = json.loads(cli(*WEEK, "-f", "json").stdout)  # the report, and nothing kept
        assert data["totals"]["received"]["value"] == 4 and data["kept"]["saved"] is False
        assert data["kept"]["not_saved"] == "the file is read-only for you" and kept_rows(db_path) == []
    cli(*WEEK)
    conn = shell(db_path)
    for sql in ("UPDATE reports SET figures = '{}'", "DELETE FROM reports"):
        with pytest.raises(sqlite3.DatabaseError, match="kept as it was"):  # PostgreSQL's error as sqlite3's class
            conn.execute(sql)
    conn.close()
    assert "no kept weekly report #99" in cli("report", "diff", "--week", "2026-W46", "--against", "99",
                                              expect=1).stderr


def test_every_report_of_a_period_is_kept_and_a_survey_later_changes_none(desk):
    cli, db_path = desk
    for kind in ("agents", "sla", "causes"):
        cli("report", kind, "--week", "2026-W46")
    assert [r[0] for r in kept_rows(db_path)] == ["agents", "sla", "causes"]
    cli("survey", "3", "--score", "1", "--reopen")
    for kind in ("agents", "sla", "causes"):
        assert "No figure changed" in cli("report", "diff", "--week", "2026-W46", "--report", kind).stdout
