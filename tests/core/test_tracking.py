"""Due times on complaints, overdue lists, escalation, surveys and the sweep, with injected time."""

from datetime import datetime, timedelta, timezone

import pytest

from complaintctl.core.desk import complaints as core
from complaintctl.core.desk import tracking
from complaintctl.core.insight import worklists
from complaintctl.core.people.agents import add_agent
from complaintctl.core.sla import calendars
from complaintctl.core.sla import clock as sla
from complaintctl.core.sla.check import check_sla
from complaintctl.errors import Refused
from complaintctl.store.db import transaction

pytestmark = pytest.mark.postgresql_ci  # in CI's PostgreSQL run (.ci/run)

UTC = timezone.utc
T0 = datetime(2026, 11, 2, 8, 0, tzinfo=UTC)  # a Monday


def log(conn, severity="high", at=T0, **kw):
    return core.log_complaint(conn, core.NewComplaint(subject=kw.pop("subject", "s"), severity=severity,
                                                      received=at, **kw), actor="a", now=at).id


def row(conn, cid):
    return conn.execute("SELECT * FROM complaints WHERE id = ?", (cid,)).fetchone()


def test_due_times_at_intake_and_breaches_recorded(conn):
    cid = log(conn)
    r = row(conn, cid)
    assert (r["respond_due_at"], r["resolve_due_at"]) == ("2026-11-02T12:00:00Z", "2026-11-05T08:00:00Z")
    core.update(conn, cid, status="acknowledged", actor="a", now=T0 + timedelta(hours=5))
    assert row(conn, cid)["responded_late"] == 1
    core.update(conn, cid, status="resolved", actor="a", now=T0 + timedelta(days=1))
    assert row(conn, cid)["resolved_late"] == 0


def test_severity_change_midway_recomputes(conn):
    cid = log(conn, severity="low")
    assert row(conn, cid)["resolve_due_at"] == "2026-11-12T08:00:00Z"  # 10 days without a calendar
    core.classify(conn, cid, codes={"severity": "critical"}, actor="a", now=T0 + timedelta(minutes=30))
    r = row(conn, cid)
    assert (r["respond_due_at"], r["resolve_due_at"]) == ("2026-11-02T09:00:00Z", "2026-11-03T08:00:00Z")


def test_waiting_pauses_and_resuming_moves_due(conn):
    cid = log(conn)
    core.update(conn, cid, status="acknowledged", actor="a", now=T0 + timedelta(hours=1))
    core.update(conn, cid, status="waiting", actor="a", now=T0 + timedelta(hours=2))
    assert row(conn, cid)["paused_since"] == "2026-11-02T10:00:00Z"
    core.update(conn, cid, status="investigating", actor="a", now=T0 + timedelta(hours=26))
    r = row(conn, cid)
    assert r["paused_since"] is None and r["paused_minutes"] == 24 * 60
    assert r["resolve_due_at"] == "2026-11-06T08:00:00Z"  # 3 days + the 24h pause


def test_calendar_change_recomputes_open_complaints(conn):
    cid = log(conn, severity="medium", at=datetime(2026, 11, 6, 9, tzinfo=UTC))  # Friday 17:00 Shanghai
    assert row(conn, cid)["respond_due_at"] == "2026-11-07T09:00:00Z"  # 1 day, no calendar
    calendars.set_calendar(conn, timezone="Asia/Shanghai", workdays="mon-fri", hours="09:00-18:00", actor="a",
                          now=datetime(2026, 11, 6, 9, 30, tzinfo=UTC))
    assert row(conn, cid)["respond_due_at"] == "2026-11-09T09:00:00Z"  # Monday 17:00 Shanghai
    assert check_sla(conn) == []


def test_sla_set_recomputes_that_severity(conn):
    cid = log(conn)
    result = tracking.set_targets(conn, "high", "2h", None, actor="a", now=T0)
    assert result["recomputed"] == 1
    assert row(conn, cid)["respond_due_at"] == "2026-11-02T10:00:00Z"


def test_overdue_and_within_window(conn):
    with transaction(conn):
        add_agent(conn, "li", full_name=None, email=None, is_lead=False, actor="a", at="2026-11-01T00:00:00Z")
    late = log(conn, severity="critical")          # respond due 09:00
    soon = log(conn, severity="high", at=T0 + timedelta(hours=2))  # respond due 14:00
    later = log(conn, severity="low")               # due days away
    core.assign(conn, late, "li", actor="a", now=T0)
    now = T0 + timedelta(hours=11)  # 19:00
    rows = worklists.overdue(conn, now=now)["rows"]
    assert [(r["id"], r["state"], r["clock"]) for r in rows] == [(late, "overdue", "respond"), (soon, "overdue", "respond")]
    rows = worklists.overdue(conn, now=T0 + timedelta(hours=1, minutes=30), within=sla.parse_duration("5h"))["rows"]
    assert [(r["id"], r["state"]) for r in rows] == [(late, "overdue"), (soon, "due_soon")]
    assert later not in [r["id"] for r in worklists.overdue(conn, now=now)["rows"]]


def test_overdue_within_business_time_counts_on_the_calendar(conn):
    friday = datetime(2026, 11, 6, 9, tzinfo=UTC)  # 17:00 in Shanghai
    cid = log(conn, severity="high", at=friday)     # resolve (3d, wall clock) due Monday 09:00 UTC
    core.update(conn, cid, status="acknowledged", actor="a", now=friday + timedelta(minutes=10))
    calendars.set_calendar(conn, timezone="Asia/Shanghai", workdays="mon-fri", hours="09:00-18:00", actor="a",
                          now=friday)
    now = friday + timedelta(minutes=30)

    def due(within):
        return [r["id"] for r in worklists.overdue(conn, now=now, within=sla.parse_duration(within))["rows"]]

    assert due("2d") == []       # Sunday 17:30 Shanghai
    assert due("2bd") == [cid]   # two working days: Tuesday 17:30 Shanghai
    assert due("8bh") == []      # half an hour on Friday, 7.5 on Monday: 16:30, before the 17:00 due time
    assert due("9bh") == [cid]   # Monday 17:30 Shanghai


def test_overdue_as_of_replays_history(conn):
    cid = log(conn, severity="critical")
    core.update(conn, cid, status="acknowledged", actor="a", now=T0 + timedelta(hours=3))  # late response
    core.update(conn, cid, status="resolved", actor="a", now=T0 + timedelta(hours=30))
    assert worklists.overdue(conn, now=T0 + timedelta(days=5))["rows"] == []
    at_2h = worklists.overdue(conn, as_of=T0 + timedelta(hours=2))["rows"]
    assert [(r["id"], r["clock"], r["state"]) for r in at_2h] == [(cid, "respond", "overdue")]
    at_25h = worklists.overdue(conn, as_of=T0 + timedelta(hours=25))["rows"]
    assert [(r["clock"], r["state"]) for r in at_25h] == [("resolve", "overdue")]


def test_waiting_complaints_are_not_overdue(conn):
    cid = log(conn, severity="critical")
    core.update(conn, cid, status="waiting", actor="a", now=T0 + timedelta(minutes=10))
    assert worklists.overdue(conn, now=T0 + timedelta(days=3))["rows"] == []


def test_escalate_raises_severity_and_hands_over(conn):
    with transaction(conn):
        add_agent(conn, "boss", full_name=None, email=None, is_lead=True, actor="a", at="2026-11-01T00:00:00Z")
    cid = log(conn, severity="medium")
    changes = tracking.escalate(conn, cid, to="boss", reason="media attention", actor="a", now=T0)
    assert [(c.field, c.old, c.new) for c in changes] == [("severity", "medium", "high"), ("assignee", None, "boss")]
    r = row(conn, cid)
    assert r["escalation_count"] == 1 and r["respond_due_at"] == "2026-11-02T12:00:00Z"
    tracking.escalate(conn, cid, to=None, reason="again", actor="a", now=T0)
    with pytest.raises(Refused):
        tracking.escalate(conn, cid, to=None, reason="nothing left", actor="a", now=T0)


def test_survey_rules_and_reopen_on_bad_score(conn):
    cid = log(conn)
    with pytest.raises(Refused):
        tracking.survey(conn, cid, score=5, comment=None, actor="a", now=T0)
    core.update(conn, cid, status="resolved", actor="a", now=T0 + timedelta(hours=2))
    assert [r["id"] for r in worklists.followups(conn, now=T0 + timedelta(days=4))["rows"]] == [cid]
    result = tracking.survey(conn, cid, score=1, comment="still broken", reopen=True, actor="a",
                             now=T0 + timedelta(days=1))
    assert result["reopened"]
    assert row(conn, cid)["status"] == "investigating" and row(conn, cid)["reopened_count"] == 1
    assert worklists.followups(conn, now=T0 + timedelta(days=4))["rows"] == []
    core.update(conn, cid, status="resolved", actor="a", now=T0 + timedelta(days=2))
    assert [r["id"] for r in worklists.followups(conn, now=T0 + timedelta(days=4))["rows"]] == [cid]  # the survey predates it
    tracking.survey(conn, cid, score=4, comment=None, actor="a", now=T0 + timedelta(days=3))
    assert worklists.followups(conn, now=T0 + timedelta(days=4))["rows"] == []


def test_sweep_closes_stale_resolved_and_is_idempotent(conn):
    stale = log(conn)
    fresh = log(conn)
    surveyed = log(conn)
    for cid in (stale, surveyed):
        core.update(conn, cid, status="resolved", actor="a", now=T0 + timedelta(hours=1))
    core.update(conn, fresh, status="resolved", actor="a", now=T0 + timedelta(days=20))
    tracking.survey(conn, surveyed, score=5, comment=None, actor="a", now=T0 + timedelta(days=1))
    now = T0 + timedelta(days=21)
    assert [r["id"] for r in tracking.sweep(conn, dry_run=True, actor="cron", now=now)] == [stale]
    assert row(conn, stale)["status"] == "resolved"
    assert [r["id"] for r in tracking.sweep(conn, actor="cron", now=now)] == [stale]
    r = row(conn, stale)
    assert r["status"] == "closed" and r["outcome"] == "resolved" and "automatically" in r["resolution"]
    assert tracking.sweep(conn, actor="cron", now=now) == []
    assert check_sla(conn) == []


def test_sweep_closes_as_close_does(conn):
    """The same events and fields as `close --outcome resolved`: nothing a report counts differs."""
    swept, closed = log(conn, channel="phone"), log(conn, channel="phone")
    for cid in (swept, closed):
        core.update(conn, cid, status="resolved", actor="a", now=T0 + timedelta(hours=1))
    now = T0 + timedelta(days=30)
    core.close(conn, closed, outcome="resolved", resolution="done", actor="cron", now=now)
    tracking.sweep(conn, actor="cron", now=now)

    def closing(cid):
        events = conn.execute("SELECT action, field, old_value, new_value FROM events WHERE complaint_id = ? "
                              "AND action = 'closed' ORDER BY id", (cid,)).fetchall()
        r = row(conn, cid)
        return [tuple(e) for e in events], (r["closed_at"], r["told_via"], r["outcome"], r["resolved_late"])

    assert closing(swept) == closing(closed)
    assert [e[1] for e in closing(swept)[0]] == ["status", "outcome"]


def test_check_detects_drift(conn):
    cid = log(conn)
    assert check_sla(conn) == []
    conn.execute("UPDATE complaints SET resolve_due_at = '2030-01-01T00:00:00Z' WHERE id = ?", (cid,))
    problems = check_sla(conn)
    assert problems == [{"id": cid, "field": "resolve_due_at", "stored": "2030-01-01T00:00:00Z",
                         "expected": "2026-11-05T08:00:00Z"}]


def test_calendar_file():
    days = calendars.read_calendar_file("# 2026 国庆\n2026-10-01..2026-10-03 holiday 国庆节\n2026-09-20 班 调休\n")
    assert [(d.isoformat(), k) for d, k, _ in days] == [("2026-10-01", "holiday"), ("2026-10-02", "holiday"),
                                                        ("2026-10-03", "holiday"), ("2026-09-20", "workday")]


def test_sla_status_now_and_as_of(conn):
    a = log(conn, severity="critical")
    b = log(conn, severity="low")
    c = log(conn, severity=None)
    core.update(conn, b, status="waiting", actor="a", now=T0 + timedelta(hours=1))
    rows = {r["id"]: r for r in worklists.sla_status(conn, now=T0 + timedelta(hours=2))["rows"]}
    assert rows[a]["state"] == "overdue" and rows[a]["clock"] == "respond"
    assert rows[b]["state"] == "paused"
    assert rows[c]["state"] == "no_target"
    then = {r["id"]: r for r in worklists.sla_status(conn, as_of=T0 + timedelta(minutes=30))["rows"]}
    assert then[a]["state"] == "on_time" and then[b]["status"] == "new"
