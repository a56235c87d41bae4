"""Public holiday calendars from the `holidays` package, against the published 2026 schedule of
mainland China (State Council notice: Sep 25-27 and Oct 1-7 off for Mid-Autumn and National Day,
Sunday Sep 20 and Saturday Oct 10 worked)."""

from datetime import date, datetime, timezone

import pytest

from complaintctl.core.desk import complaints as core
from complaintctl.core.sla import calendars
from complaintctl.core.sla.due import load_calendar
from complaintctl.errors import InvalidInput

UTC = timezone.utc
NOW = datetime(2026, 11, 30, 2, 0, tzinfo=UTC)


def use_cn(conn, **kw):
    return calendars.use_region(conn, "CN", actor="lead", now=NOW, **kw)


def test_cn_2026_national_day_and_make_up_workdays(conn):
    result = use_cn(conn)
    cal = load_calendar(conn)
    off = [date(2026, 9, 25), date(2026, 9, 26), date(2026, 9, 27)] + [date(2026, 10, d) for d in range(1, 8)]
    assert [d for d in off if cal.is_working_day(d)] == []
    assert cal.is_working_day(date(2026, 9, 20)) and date(2026, 9, 20).weekday() == 6  # a Sunday, worked
    assert cal.is_working_day(date(2026, 10, 10)) and date(2026, 10, 10).weekday() == 5  # a Saturday, worked
    assert not cal.is_working_day(date(2026, 10, 11))  # the docs' old example was wrong: a rest day
    assert cal.is_working_day(date(2026, 10, 8))
    assert result["years"] == {2025: "published", 2026: "published"}
    assert result["known_until"] == "2026-12-31"
    assert result["timezone"] == "Asia/Shanghai" and result["timezone_guessed"]
    notes = dict(conn.execute("SELECT day, note FROM sla_calendar_days WHERE day IN ('2026-10-01', '2026-09-20')"))
    assert notes == {"2026-10-01": "国庆节", "2026-09-20": "调休上班"}


def test_due_time_skips_the_golden_week(conn):
    use_cn(conn)
    calendars.set_calendar(conn, hours="09:00-18:00", actor="lead", now=NOW)
    # received Wednesday Sep 30, 17:00 Beijing; medium = 1bd (9 working hours): 1h on Sep 30,
    # then nothing until Thursday Oct 8 ... but Saturday Oct 10 would come later: due Oct 8 17:00.
    cid = core.log_complaint(conn, core.NewComplaint(subject="s", severity="medium",
                                                     received=datetime(2026, 9, 30, 9, tzinfo=UTC)),
                             actor="a", now=datetime(2026, 9, 30, 9, tzinfo=UTC)).id
    due = conn.execute("SELECT respond_due_at FROM complaints WHERE id = ?", (cid,)).fetchone()[0]
    assert due == "2026-10-08T09:00:00Z"  # Thursday 17:00 Beijing time


def test_make_up_sunday_counts_as_working_time(conn):
    use_cn(conn)
    # received Saturday Sep 19 12:00 Beijing, a rest day; Sunday Sep 20 is worked: 4bh due 13:00 Sunday
    calendars.set_calendar(conn, hours="09:00-18:00", actor="lead", now=NOW)
    conn.execute("UPDATE severities SET respond_target = '4bh' WHERE code = 'high'")
    at = datetime(2026, 9, 19, 4, tzinfo=UTC)
    cid = core.log_complaint(conn, core.NewComplaint(subject="s", severity="high", received=at), actor="a", now=at).id
    due = conn.execute("SELECT respond_due_at FROM complaints WHERE id = ?", (cid,)).fetchone()[0]
    assert due == "2026-09-20T05:00:00Z"


def test_hand_typed_days_win_and_rerun_replaces_loaded_days(conn):
    calendars.set_calendar_days(conn, [(date(2026, 10, 8), "holiday", "公司团建")], actor="lead", now=NOW)
    calendars.set_calendar_days(conn, [(date(2026, 10, 1), "workday", "值班")], actor="lead", now=NOW)
    first = use_cn(conn)
    assert first["kept"] == 1  # Oct 1 is a public holiday, but the team said it works
    again = use_cn(conn)
    assert again["holidays"] == first["holidays"]
    rows = dict(conn.execute("SELECT day, kind FROM sla_calendar_days WHERE source IS NULL"))
    assert rows == {"2026-10-08": "holiday", "2026-10-01": "workday"}
    assert conn.execute("SELECT count(*) FROM sla_calendar_days WHERE day = '2026-10-02'").fetchone()[0] == 1


def test_switching_region_drops_the_old_regions_days(conn):
    use_cn(conn)
    result = calendars.use_region(conn, "DE-BY", actor="lead", now=NOW, timezone="Europe/Berlin")
    assert result["years"] == {2025: "rules", 2026: "rules", 2027: "rules"}
    regions = {r[0] for r in conn.execute("SELECT DISTINCT source FROM sla_calendar_days")}
    assert regions == {"DE-BY (" + result["source"] + ")"}
    assert conn.execute("SELECT kind FROM sla_calendar_days WHERE day = '2026-01-06'").fetchone()[0] == "holiday"


def test_years_after_the_published_schedule_are_estimated_and_warned(conn):
    result = use_cn(conn, years=[2026, 2027])
    assert result["years"] == {2026: "published", 2027: "estimated"}
    assert result["known_until"] == "2026-12-31"
    warning = calendars.schedule_warning(conn, date(2026, 11, 30))
    assert "ends on 2026-12-31, in 31 days" in warning and "sla calendar use CN" in warning
    assert calendars.schedule_warning(conn, date(2026, 10, 1)) is None  # 91 days ahead: quiet
    assert "ended on 2026-12-31" in calendars.schedule_warning(conn, date(2027, 1, 5))


def test_no_warning_without_a_region_or_when_off(conn):
    assert calendars.schedule_warning(conn, date(2026, 12, 30)) is None
    use_cn(conn)
    calendars.set_calendar(conn, enabled=False, actor="lead", now=NOW)
    assert calendars.schedule_warning(conn, date(2026, 12, 30)) is None


def test_use_writes_audit_events(conn):
    use_cn(conn)
    actions = [r[0] for r in conn.execute("SELECT action || ':' || coalesce(field, '') FROM events")]
    assert "calendar_region_loaded:CN" in actions and "calendar_changed:region" in actions
    assert "calendar_changed:timezone" in actions


@pytest.mark.parametrize("region, words", [("XX", "no public holiday calendar for 'XX'"),
                                           ("US-ZZ", "no public holiday calendar for 'US-ZZ'")])
def test_unknown_region_is_one_clear_error(conn, region, words):
    with pytest.raises(InvalidInput, match=words):
        calendars.use_region(conn, region, actor="lead", now=NOW)


def test_parse_years():
    assert calendars.parse_years("2025..2027") == [2025, 2026, 2027]
    assert calendars.parse_years("2026") == [2026]
    with pytest.raises(InvalidInput):
        calendars.parse_years("2027..2025")
