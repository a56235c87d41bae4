"""SLA verdicts are facts of their moment; every open complaint has a clock or says it has
none; times that contradict each other are refused wherever they enter."""

from datetime import datetime, timedelta, timezone

import pytest

from complaintctl.core.desk import complaints as core
from complaintctl.core.desk import tracking
from complaintctl.core.insight import worklists
from complaintctl.core.sla.check import check_sla
from complaintctl.errors import InvalidInput, Refused

UTC = timezone.utc
T0 = datetime(2026, 11, 2, 8, 0, tzinfo=UTC)  # a Monday; high: respond 4h, resolve 3d


def log(conn, severity="high", at=T0, **kw):
    return core.log_complaint(conn, core.NewComplaint(subject=kw.pop("subject", "s"), severity=severity,
                                                      received=at, **kw), actor="a", now=at).id


def row(conn, cid):
    return conn.execute("SELECT * FROM complaints WHERE id = ?", (cid,)).fetchone()


def test_escalation_after_an_on_time_response_keeps_the_verdict(conn):
    cid = log(conn, severity="medium")  # respond within 1d
    core.update(conn, cid, status="acknowledged", actor="a", now=T0 + timedelta(hours=6))
    assert (row(conn, cid)["responded_late"], row(conn, cid)["respond_due_at"]) == (0, "2026-11-03T08:00:00Z")
    tracking.escalate(conn, cid, to=None, reason="media", severity="critical", actor="a",
                      now=T0 + timedelta(hours=7))
    r = row(conn, cid)
    assert (r["responded_late"], r["respond_due_at"]) == (0, "2026-11-03T08:00:00Z")  # on time, as it was
    assert r["resolve_due_at"] == "2026-11-03T08:00:00Z"  # the running clock moved: critical resolves in 1d
    assert check_sla(conn) == []


def test_a_shorter_target_moves_only_running_clocks(conn):
    answered = log(conn)
    waiting = log(conn)
    core.update(conn, answered, status="acknowledged", actor="a", now=T0 + timedelta(hours=3))
    tracking.set_targets(conn, "high", "2h", "1d", actor="a", now=T0 + timedelta(hours=3, minutes=30))
    a, w = row(conn, answered), row(conn, waiting)
    assert (a["responded_late"], a["respond_due_at"]) == (0, "2026-11-02T12:00:00Z")
    assert a["resolve_due_at"] == "2026-11-03T08:00:00Z"
    assert (w["respond_due_at"], w["responded_late"]) == ("2026-11-02T10:00:00Z", None)
    core.update(conn, answered, status="resolved", actor="a", now=T0 + timedelta(hours=20))
    tracking.set_targets(conn, "high", None, "1h", actor="a", now=T0 + timedelta(hours=21))
    assert row(conn, answered)["resolved_late"] == 0
    assert check_sla(conn) == []


def test_a_clock_that_stopped_with_no_target_is_not_judged_later(conn):
    """A first response made while nothing timed the complaint has no verdict; a severity given
    (or a default set) later times the clocks still running, and used to judge that response late
    after the fact, rewriting the report of the week it was made in."""
    cid = log(conn, severity=None)
    core.update(conn, cid, status="acknowledged", actor="a", now=T0 + timedelta(hours=6))
    core.classify(conn, cid, codes={"severity": "high"}, actor="a", now=T0 + timedelta(days=8))
    r = row(conn, cid)
    assert (r["respond_due_at"], r["responded_late"]) == (None, None)  # no clock ran then
    assert r["resolve_due_at"] == "2026-11-05T08:00:00Z" and r["resolved_late"] is None  # still running: timed
    other = log(conn, severity=None)
    core.update(conn, other, status="resolved", actor="a", now=T0 + timedelta(hours=1))
    tracking.set_default_severity(conn, "low", actor="a", now=T0 + timedelta(days=8))
    assert (row(conn, other)["responded_late"], row(conn, other)["resolved_late"]) == (None, None)
    assert check_sla(conn) == []


def test_a_corrected_received_time_judges_the_stopped_clocks_again(conn):
    cid = log(conn)
    core.update(conn, cid, status="acknowledged", actor="a", now=T0 + timedelta(hours=3))
    assert row(conn, cid)["responded_late"] == 0
    core.update(conn, cid, edits={"received_at": T0 - timedelta(hours=2)}, actor="a", now=T0 + timedelta(hours=4))
    assert row(conn, cid)["responded_late"] == 1  # 5h after it was really received
    assert check_sla(conn) == []


def test_a_complaint_without_severity_has_no_clock_and_says_so(conn):
    cid = log(conn, severity=None)
    late = log(conn, severity="critical")
    found = worklists.overdue(conn, now=T0 + timedelta(days=10))
    assert [(r["id"], r["state"]) for r in found["rows"]] == [(late, "overdue"), (cid, "no_target")]
    assert (found["overdue"], found["no_sla"]) == (1, 1)
    status = worklists.sla_status(conn, now=T0 + timedelta(days=10))["rows"]
    assert [(r["id"], r["state"]) for r in status] == [(late, "overdue"), (cid, "no_target")]


def test_a_default_severity_times_complaints_without_one(conn):
    cid = log(conn, severity=None)
    result = tracking.set_default_severity(conn, "low", actor="a", now=T0)
    assert result == {"default_severity": "low", "changed": True, "recomputed": 1}
    r = row(conn, cid)
    assert (r["severity"], r["respond_due_at"], r["resolve_due_at"]) == (None, "2026-11-04T08:00:00Z",
                                                                         "2026-11-12T08:00:00Z")
    later = log(conn, severity=None, at=T0 + timedelta(days=1))
    assert row(conn, later)["respond_due_at"] == "2026-11-05T08:00:00Z"
    assert conn.execute("SELECT new_value FROM events WHERE action = 'setting_changed'").fetchone()[0] == "low"
    assert check_sla(conn) == []
    tracking.set_default_severity(conn, "none", actor="a", now=T0 + timedelta(days=1))
    assert row(conn, cid)["respond_due_at"] is None
    with pytest.raises(InvalidInput):
        tracking.set_default_severity(conn, "whenever", actor="a", now=T0)  # "urgent" reads as critical


def test_closing_or_resolving_before_the_received_time_is_refused(conn):
    cid = core.log_complaint(conn, core.NewComplaint(subject="s", received=T0 + timedelta(minutes=4)),
                             actor="a", now=T0).id  # received 4 min ahead: within the clock tolerance
    with pytest.raises(InvalidInput, match="before the received time"):
        core.update(conn, cid, status="resolved", actor="a", now=T0)
    with pytest.raises(InvalidInput, match="before the received time"):
        core.close(conn, cid, outcome="resolved", resolution="x", actor="a", now=T0)
    assert row(conn, cid)["status"] == "new"


def test_reopening_through_update_is_refused_and_reopen_counts(conn):
    cid = log(conn)
    core.update(conn, cid, status="resolved", actor="a", now=T0 + timedelta(hours=1))
    with pytest.raises(Refused, match="reopen"):
        core.update(conn, cid, status="investigating", actor="a", now=T0 + timedelta(hours=2))
    core.reopen(conn, cid, reason="not fixed", actor="a", now=T0 + timedelta(hours=2))
    assert row(conn, cid)["reopened_count"] == 1


def test_import_rejects_a_row_whose_times_contradict(cli, db_path, tmp_path):
    source = tmp_path / "history.csv"
    source.write_text("subject,received,status,resolved_at,closed\n"
                      "ok,2026-11-01 09:00,closed,2026-11-02 09:00,2026-11-03 09:00\n"
                      "closed before resolved,2026-11-01 09:00,closed,2026-11-03 09:00,2026-11-02 09:00\n",
                      encoding="utf-8")
    cli("import", str(source), expect=3)
    rejects = source.with_suffix(".rejects.csv").read_text(encoding="utf-8")
    assert "the closing time 2026-11-02T09:00:00Z is before the resolution time 2026-11-03T09:00:00Z" in rejects
    from conftest import query

    assert query(db_path, "SELECT subject FROM complaints") == [("ok",)]


def test_the_weekly_report_shows_what_no_clock_timed(conn):
    from complaintctl.core.insight.reports import weekly
    from complaintctl.render.report import blocks_for
    from complaintctl.render.report_text import render_markdown

    untimed = log(conn, severity=None)
    log(conn, severity=None)
    timed = log(conn)
    for cid in (untimed, timed):
        core.update(conn, cid, status="acknowledged", actor="a", now=T0 + timedelta(hours=1))
    data = weekly(conn, T0 - timedelta(days=1), T0 + timedelta(days=6), "W45")
    assert data["sla"]["response"] == {"total": 1, "met": 1, "pct": 100.0}
    assert data["sla_untimed"] == {"responses": 1, "resolutions": 0, "open": 2}
    text = render_markdown(data, blocks_for(data))
    assert "Open, no SLA clock 未结（无时限） | – | 2" in text and "sla default SEVERITY" in text


def test_the_sql_views_keep_the_same_rules(conn):
    late = log(conn, severity="critical")
    paused = log(conn, severity="low")
    for cid in (late, paused):
        core.update(conn, cid, status="acknowledged", actor="a", now=T0 + timedelta(minutes=30))
    core.update(conn, late, status="waiting", actor="a", now=T0 + timedelta(days=2))  # due after 1 day
    core.update(conn, paused, status="waiting", actor="a", now=T0 + timedelta(hours=1))
    states = dict(conn.execute("SELECT id, sla_state FROM complaint_sla"))
    assert (states[late], states[paused]) == ("resolve_overdue", "paused")
    resolved = log(conn)
    core.update(conn, resolved, status="resolved", actor="a", now=T0 + timedelta(hours=1))
    assert conn.execute("SELECT is_open FROM complaint_overview WHERE id = ?", (resolved,)).fetchone()[0] == 0
    assert [r[0] for r in conn.execute("SELECT code FROM statuses WHERE is_open = 1 ORDER BY position")] == [
        "new", "acknowledged", "investigating", "waiting"]


def test_imported_complaints_without_severity_run_on_the_default(cli, db_path, tmp_path):
    from conftest import query

    cli("sla", "default", "low")
    source = tmp_path / "new.csv"
    source.write_text("subject,received\n没有严重程度,2026-11-02 08:00\n", encoding="utf-8")
    cli("import", str(source))
    assert query(db_path, "SELECT severity, respond_due_at FROM complaints") == [(None, "2026-11-04T08:00:00Z")]


def test_an_import_update_that_reopens_counts_it(cli, db_path, tmp_path):
    from conftest import query

    source = tmp_path / "tickets.csv"
    source.write_text("ref,subject,received,status,resolved_at\nT-1,漏水,2026-11-02 08:00,resolved,"
                      "2026-11-02 10:00\n", encoding="utf-8")
    cli("import", str(source))
    source.write_text("ref,subject,received,status\nT-1,漏水,2026-11-02 08:00,investigating\n", encoding="utf-8")
    cli("import", str(source), "--update")
    assert query(db_path, "SELECT status, reopened_count FROM complaints") == [("investigating", 1)]
    cli("import", str(source), "--update")  # the same again: nothing changes, nothing counted
    assert query(db_path, "SELECT reopened_count FROM complaints") == [(1,)]


def test_check_finds_times_out_of_order_by_the_same_rule(cli, db_path):
    from conftest import execute

    cli.log("-s", "x")
    cli("close", "1", "--outcome", "resolved", "-r", "done")
    execute(db_path, "UPDATE complaints SET resolved_at = '2099-01-01T00:00:00Z' WHERE id = 1")  # resolved after closing
    result = cli("check", expect=1)
    assert "1 complaint with times out of order (received <= first response <= resolution <= closing) (#1)" \
        in result.stdout


def test_a_change_made_while_waiting_stores_what_the_event_log_replays(conn):
    # due times move by a pause when it ends; a new target (or calendar, escalation) met
    # mid-pause, then a note, must leave the stored clock what `check` replays from the events
    cid = log(conn)  # high: resolve within 3d
    core.update(conn, cid, status="waiting", actor="a", now=T0 + timedelta(hours=1))
    tracking.set_targets(conn, "high", None, "4d", actor="a", now=T0 + timedelta(days=1))
    assert (row(conn, cid)["resolve_due_at"], row(conn, cid)["paused_minutes"]) == ("2026-11-06T08:00:00Z", 0)
    core.update(conn, cid, note="asked for the photo again", actor="a", now=T0 + timedelta(days=2))
    assert check_sla(conn) == []
    core.update(conn, cid, status="investigating", actor="a", now=T0 + timedelta(days=3, hours=1))
    assert row(conn, cid)["resolve_due_at"] == "2026-11-09T08:00:00Z"  # moved by the whole 3-day pause, once
    assert check_sla(conn) == []
