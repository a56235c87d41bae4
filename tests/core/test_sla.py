"""SLA clocks with injected time: weekends, holidays, 调休, DST, pauses, severity changes."""

from datetime import date, datetime, time, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from complaintctl.core.sla import clock as sla
from complaintctl.errors import InvalidInput

pytestmark = pytest.mark.postgresql_ci  # in CI's PostgreSQL run (.ci/run)

UTC = timezone.utc


def utc(*args):
    return datetime(*args, tzinfo=UTC)


SH = sla.Calendar("Asia/Shanghai", sla.parse_workdays("mon-fri"), time(9), time(18))


def test_targets_parse_and_print():
    assert str(sla.parse_duration("4h")) == "4h"
    assert sla.parse_duration("2bd").business
    assert sla.nominal_minutes(sla.parse_duration("1bd"), SH.day_minutes) == 540
    with pytest.raises(InvalidInput):
        sla.parse_duration("soon")
    with pytest.raises(InvalidInput):
        sla.parse_duration("0h")
    assert [sla.nominal_minutes(sla.parse_duration(t)) for t in ("90m", "90 min", "4h", "3d", "1w")] == \
        [90, 90, 240, 4320, 10080]
    with pytest.raises(InvalidInput, match="cannot read --within '30'"):
        sla.parse_duration("30", what="--within")  # a bare number says no unit: refused, not guessed


def test_wall_clock_targets_ignore_the_calendar():
    start = utc(2026, 11, 20, 10)  # a Friday
    assert sla.add_target(start, sla.parse_duration("4h"), SH) == utc(2026, 11, 20, 14)
    assert sla.add_target(start, sla.parse_duration("3d"), SH) == utc(2026, 11, 23, 10)


def test_business_time_skips_the_weekend():
    # Friday 17:00 Shanghai (09:00 UTC) + 1 working day of 9h -> Monday 17:00 Shanghai
    start = utc(2026, 11, 20, 9)
    assert sla.add_target(start, sla.parse_duration("1bd"), SH) == utc(2026, 11, 23, 9)
    # received on Saturday: the clock starts Monday 09:00
    assert sla.add_target(utc(2026, 11, 21, 3), sla.parse_duration("2bh"), SH) == utc(2026, 11, 23, 3)


def test_holidays_and_extra_workdays():
    cal = sla.Calendar("Asia/Shanghai", sla.parse_workdays("mon-fri"), time(9), time(18),
                       holidays={date(2026, 10, d) for d in range(1, 8)}, extra_workdays={date(2026, 10, 11)})
    # Tuesday 2026-09-30 17:00 Shanghai + 2bh: 1h on the 30th, holidays 1-7, Thu 8th 09:00 + 1h
    start = datetime(2026, 9, 30, 17, tzinfo=cal.tz)
    assert sla.add_target(start, sla.parse_duration("2bh"), cal) == datetime(2026, 10, 8, 10, tzinfo=cal.tz)
    # Saturday the 10th is off; Sunday the 11th is a working day (调休)
    start = datetime(2026, 10, 10, 12, tzinfo=cal.tz)
    assert sla.add_target(start, sla.parse_duration("1bh"), cal) == datetime(2026, 10, 11, 10, tzinfo=cal.tz)


def test_daylight_saving_change_in_a_non_utc_zone():
    berlin = sla.Calendar("Europe/Berlin", sla.parse_workdays("mon-fri"), time(9), time(17))
    # Friday 2026-10-23 16:00 CEST (UTC+2) + 2bh -> 1h Friday, then Monday 26th (CET, UTC+1) 10:00
    start = datetime(2026, 10, 23, 16, tzinfo=berlin.tz)
    due = sla.add_target(start, sla.parse_duration("2bh"), berlin)
    assert due == datetime(2026, 10, 26, 10, tzinfo=berlin.tz)
    assert due.astimezone(UTC) == utc(2026, 10, 26, 9)
    # wall-clock: 24h across the change is 24 real hours, not "same time tomorrow"
    sat = datetime(2026, 10, 24, 12, tzinfo=berlin.tz)
    assert sla.add_target(sat, sla.parse_duration("24h"), None).astimezone(berlin.tz).hour == 11


def test_pause_moves_the_due_time_by_the_paused_span():
    received = utc(2026, 11, 2, 8)
    target = sla.parse_duration("4h")
    state = sla.compute_state(
        received_at=received, respond=target, resolve=sla.parse_duration("24h"),
        status_changes=[(received, None, "new"), (utc(2026, 11, 2, 9), "new", "waiting"),
                        (utc(2026, 11, 2, 11), "waiting", "investigating")],
        first_response_at=utc(2026, 11, 2, 9), resolved_at=None, cal=None, as_of=utc(2026, 11, 2, 12))
    assert state.respond_due_at == utc(2026, 11, 2, 12)  # responded before the pause: not moved
    assert state.resolve_due_at == utc(2026, 11, 3, 10)  # moved by the 2h pause
    assert state.responded_late == 0 and state.paused_minutes == 120 and state.paused_since is None


def test_open_pause_counts_up_to_as_of():
    received = utc(2026, 11, 2, 8)
    state = sla.compute_state(
        received_at=received, respond=None, resolve=sla.parse_duration("10h"),
        status_changes=[(received, None, "new"), (utc(2026, 11, 2, 10), "new", "waiting")],
        first_response_at=utc(2026, 11, 2, 10), resolved_at=None, cal=None, as_of=utc(2026, 11, 2, 15))
    assert state.paused_since == utc(2026, 11, 2, 10)
    assert state.resolve_due_at == utc(2026, 11, 2, 23)


def test_business_pause_counts_working_time_only():
    # paused over a weekend: no working time was lost, so the due time does not move
    received = utc(2026, 11, 20, 1)  # Friday 09:00 Shanghai
    changes = [(received, None, "new"), (utc(2026, 11, 20, 10), "new", "waiting"),  # Fri 18:00
               (utc(2026, 11, 23, 0), "waiting", "investigating")]  # Mon 08:00
    state = sla.compute_state(received_at=received, respond=None, resolve=sla.parse_duration("2bd"),
                              status_changes=changes, first_response_at=None, resolved_at=None, cal=SH,
                              as_of=utc(2026, 11, 23, 1))
    assert state.resolve_due_at == utc(2026, 11, 23, 10)  # Monday 18:00 Shanghai


@settings(max_examples=60, deadline=None)
@given(st.datetimes(min_value=datetime(2026, 1, 1), max_value=datetime(2027, 12, 31)),
       st.integers(min_value=1, max_value=3000))
def test_business_add_then_measure_round_trips(start, minutes):
    start = start.replace(tzinfo=UTC)
    target = sla.Target(minutes, "bm")
    due = sla.add_target(start, target, SH)
    assert due >= start
    assert abs(sla.elapsed(start, due, target, SH) - minutes) < 1e-6


def test_describe_due():
    now = utc(2026, 11, 24, 12)
    assert sla.describe_due("2026-11-24T15:30:00Z", now) == "3h 30m left"
    assert sla.describe_due("2026-11-22T10:00:00Z", now) == "2d 2h over"
    # waiting: paused if the pause began before the deadline, else late all the same
    assert sla.describe_due("2026-11-24T15:30:00Z", now, "waiting", "2026-11-24T11:00:00Z") == "paused"
    assert sla.describe_due("2026-11-22T10:00:00Z", now, "waiting", "2026-11-23T00:00:00Z") == "2d 2h over, waiting"
    assert sla.describe_due(None, now) == ""
    assert sla.describe_due(None, now, "new") == "no SLA"
    assert sla.describe_due("2026-11-22T10:00:00Z", now, "resolved") == ""
    assert sla.describe_due("24/11/2026 10:00", now, "new") == "24/11/2026 10:00"  # edited by hand: shown raw


def test_a_pause_that_begins_after_the_deadline_does_not_move_it():
    start = utc(2026, 11, 2, 8)
    target = sla.Target(4, "h")  # due 12:00
    before = [(utc(2026, 11, 2, 10), utc(2026, 11, 2, 14))]  # 4h pause from 10:00: due 16:00
    after = [(utc(2026, 11, 2, 13), utc(2026, 11, 2, 20))]  # the deadline had passed at 13:00
    assert sla.due_with_pauses(start, target, before, None) == utc(2026, 11, 2, 16)
    assert sla.due_with_pauses(start, target, after, None) == utc(2026, 11, 2, 12)


def test_workdays_and_hours_parsing():
    assert sla.parse_workdays("mon-fri") == frozenset(range(5))
    assert sla.parse_workdays("mon,tue,sat") == frozenset({0, 1, 5})
    assert sla.parse_workdays("1-6") == frozenset(range(6))
    with pytest.raises(InvalidInput):
        sla.parse_workdays("funday")
    assert sla.parse_hours("09:00-18:00") == (time(9), time(18))
    with pytest.raises(InvalidInput):
        sla.parse_hours("18:00-09:00")


def test_duration_round(monkeypatch):
    assert sla.add_target(utc(2026, 1, 1), sla.parse_duration("90m"), None) == utc(2026, 1, 1) + timedelta(minutes=90)
