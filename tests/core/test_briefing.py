"""What a manager reads first: needs attention, the trend, the SLA goal, full names, a running period."""

from datetime import datetime, timedelta, timezone

import pytest

from complaintctl.core.desk import complaints as core
from complaintctl.core.insight import briefing, reports
from complaintctl.core.people.agents import add_agent
from complaintctl.errors import InvalidInput
from complaintctl.render.report import Hours, human_duration, spark, weekly_blocks
from complaintctl.store.db import transaction

UTC = timezone.utc
MON = datetime(2026, 11, 16, 0, 0, tzinfo=UTC)  # Monday of 2026-W47 (TZ=UTC in tests)


def new(conn, at, **kw):
    return core.log_complaint(conn, core.NewComplaint(subject=kw.pop("subject", "s"), received=at, **kw),
                              actor="t", now=at).id


@pytest.fixture
def desk(conn):
    with transaction(conn):
        add_agent(conn, "li.wei", full_name="李伟", email=None, is_lead=False, actor="t", at="2026-11-01T00:00:00Z")
        add_agent(conn, "amy", full_name=None, email=None, is_lead=False, actor="t", at="2026-11-01T00:00:00Z")
    old = new(conn, MON - timedelta(days=20), subject="old and late", severity="high")
    core.assign(conn, old, "li.wei", actor="t", now=MON - timedelta(days=20))
    soon = new(conn, MON + timedelta(days=2), subject="due soon", severity="critical")
    core.assign(conn, soon, "amy", actor="t", now=MON + timedelta(days=2))
    new(conn, MON + timedelta(days=2), subject="fine for days", severity="low")  # due in 2 days
    return conn


def test_needs_attention_is_overdue_and_due_soon_oldest_first_with_full_names(desk):
    now = MON + timedelta(days=2, minutes=30)  # the critical one is due in 30 minutes
    found = briefing.needs_attention(desk, now)
    assert [r["subject"] for r in found["rows"]] == ["old and late", "due soon"]
    assert [r["state"] for r in found["rows"]] == ["overdue", "due_soon"]
    assert [r["assignee_name"] for r in found["rows"]] == ["李伟", None]
    assert (found["total"], found["overdue"]) == (2, 1)


def test_weekly_report_carries_trend_goal_targets_and_running(desk):
    start, end, label = reports.week_period("2026-W47")
    data = reports.weekly(desk, start, end, label, now=MON + timedelta(days=3))
    assert data["period"]["running"] == {"elapsed_pct": 42.9, "as_of": "2026-11-19T00:00:00Z"}
    assert [w["week"] for w in data["trend"]][-2:] == ["2026-W46", "2026-W47"] and len(data["trend"]) == 10
    assert data["trend"][-1]["received"] == 2
    assert data["sla_goal"] == 90.0
    assert [r["severity"] for r in data["sla_by_severity"]] == ["critical", "high", "medium", "low"]
    assert data["sla_by_severity"][0]["respond_target"] == "1h"
    totals = next(b for b in weekly_blocks(data) if b.id == "totals")
    assert {str(row[3]) for row in totals.rows} == {"running"}  # no "-100%" for a week still under way
    assert "still running (43% of it has passed" in totals.note
    finished = reports.weekly(desk, start, end, label, now=end + timedelta(days=1))
    assert finished["period"]["running"] is None


def test_sla_goal_is_a_setting_with_an_event(desk):
    briefing.set_sla_goal(desk, 95, actor="lead")
    assert briefing.sla_goal(desk) == 95.0
    event = desk.execute("SELECT field, old_value, new_value FROM events WHERE action = 'setting_changed'").fetchone()
    assert tuple(event) == ("sla_goal_pct", "90", "95")
    with pytest.raises(InvalidInput):
        briefing.set_sla_goal(desk, 120, actor="lead")


@pytest.mark.parametrize("hours, said", [(0.25, "15 min"), (1.5, "1 h 30 min"), (9.99, "9 h 59 min"), (13.4, "13 h"),
                                         (30, "1 d 6 h"), (75.7, "3 d 4 h"), (24 * 12.4, "12 d")])
def test_handling_times_as_people_say_them(hours, said):
    assert human_duration(hours) == said


def test_hours_cells_stay_numbers_for_csv_and_spark_draws_the_shape():
    assert float(Hours(75.71)) == 75.71
    assert spark([0, 5, 10]) == "▁▅█" and spark([None, 3, 3]) == " ▁▁" and spark([]) == ""
