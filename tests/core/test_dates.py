import contextlib
from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from complaintctl.core.record.dates import (
    format_minutes,
    from_iso,
    parse_when,
    to_iso,
)
from complaintctl.errors import InvalidInput

NOW = datetime(2026, 11, 24, 3, 34, 7, tzinfo=timezone.utc)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("now", "2026-11-24T03:34:07Z"),
        ("today", "2026-11-24T00:00:00Z"),
        ("yesterday", "2026-11-23T00:00:00Z"),
        ("今天", "2026-11-24T00:00:00Z"),
        ("昨天", "2026-11-23T00:00:00Z"),
        ("前天", "2026-11-22T00:00:00Z"),  # the day before yesterday, as people say it
        ("大前天", "2026-11-21T00:00:00Z"),
        ("3 days ago", "2026-11-21T03:34:07Z"),
        ("2h ago", "2026-11-24T01:34:07Z"),
        ("2026-11-03", "2026-11-03T00:00:00Z"),
        ("2026-11-03T14:05:09Z", "2026-11-03T14:05:09Z"),
        ("2026-11-03 14:05", "2026-11-03T14:05:00Z"),
        ("2026/11/3 14:05", "2026-11-03T14:05:00Z"),
        ("2026.11.3", "2026-11-03T00:00:00Z"),
        ("3 Nov 2026", "2026-11-03T00:00:00Z"),
        ("Nov 3, 2026 2:05 PM", "2026-11-03T14:05:00Z"),
        ("2026年11月3日", "2026-11-03T00:00:00Z"),
        ("2026年11月3日 14:05", "2026-11-03T14:05:00Z"),
        ("2026年11月3日14时5分", "2026-11-03T14:05:00Z"),
        ("11/03/2026", "2026-11-03T00:00:00Z"),
        # 12-hour times with a Chinese half-day word, as Chinese Excel and call centres write them
        ("2026/11/3 下午 2:05", "2026-11-03T14:05:00Z"),
        ("2026/11/3 下午2:05:09", "2026-11-03T14:05:09Z"),
        ("2026-11-03 上午10:30", "2026-11-03T10:30:00Z"),
        ("2026年11月3日 下午3点", "2026-11-03T15:00:00Z"),
        ("2026年11月3日下午3点半", "2026-11-03T15:30:00Z"),
        ("2026/11/3 中午12:10", "2026-11-03T12:10:00Z"),
        ("2026/11/3 凌晨12:30", "2026-11-03T00:30:00Z"),
        ("2026/11/3 晚上 11:59", "2026-11-03T23:59:00Z"),
        ("2026/11/3 下午 14:05", "2026-11-03T14:05:00Z"),
        # the weekday Chinese Excel adds to a long date, and times in 时/分/秒
        ("2026年11月3日 星期二", "2026-11-03T00:00:00Z"),
        ("2026年11月3日（星期二） 14:05", "2026-11-03T14:05:00Z"),
        ("2026-11-03(周二) 14:05", "2026-11-03T14:05:00Z"),
        ("2026/11/3 14时05分", "2026-11-03T14:05:00Z"),
        ("2026/11/3 14时05分36秒", "2026-11-03T14:05:36Z"),
        ("2026/11/3 14时", "2026-11-03T14:00:00Z"),
        ("2026年11月3日14时5分", "2026-11-03T14:05:00Z"),
        # no year: this year's, or last year's when this year's is still to come (NOW is 24 Nov 2026)
        ("11月3日 14:05", "2026-11-03T14:05:00Z"),
        ("11月3日 下午2点", "2026-11-03T14:00:00Z"),
        ("12月30日", "2025-12-30T00:00:00Z"),
        ("Dec 30 10:00", "2025-12-30T10:00:00Z"),
        ("11/03 14:05", "2026-11-03T14:05:00Z"),
    ],
)
def test_parse_when_forms(text, expected):
    assert to_iso(parse_when(text, now=NOW)) == expected


def test_dayfirst():
    assert to_iso(parse_when("03/11/2026", now=NOW, dayfirst=True)) == "2026-11-03T00:00:00Z"


def test_local_time_is_converted_to_utc(monkeypatch):
    import time

    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    assert to_iso(parse_when("2026-11-03 08:00", now=NOW)) == "2026-11-03T00:00:00Z"
    assert to_iso(parse_when("today", now=NOW)) == "2026-11-23T16:00:00Z"


def test_end_of_day_for_bare_dates_only():
    assert to_iso(parse_when("2026-11-03", now=NOW, end_of_day=True)) == "2026-11-04T00:00:00Z"
    assert to_iso(parse_when("2026-11-03 10:00", now=NOW, end_of_day=True)) == "2026-11-03T10:00:00Z"


@pytest.mark.parametrize("bad", ["", "  ", "2026-02-29", "2026-13-01", "32/01/2026", "blah",
                                 "2026年2月30日", "25:00", "2026/11/3 下午",
                                 "2026/11/3 上午 14:05"])
def test_impossible_dates_raise_invalid_input(bad):
    with pytest.raises(InvalidInput):
        parse_when(bad, now=NOW)


@given(st.datetimes(min_value=datetime(1971, 1, 1), max_value=datetime(2999, 12, 31),
                    timezones=st.just(timezone.utc)))
def test_iso_round_trip(moment):
    moment = moment.replace(microsecond=0)
    assert from_iso(to_iso(moment)) == moment
    assert parse_when(to_iso(moment), now=NOW) == moment


@given(st.text(max_size=30))
def test_parse_when_never_crashes(text):
    with contextlib.suppress(InvalidInput):
        parse_when(text, now=NOW)


def test_format_minutes():
    assert format_minutes(4320) == "3d" and format_minutes(240) == "4h" and format_minutes(90) == "90m"


def test_numbers_machines_write_for_times(monkeypatch):
    import time

    from complaintctl.core.record.dates import number_moment

    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    assert number_moment("46329.5868055556").astimezone(timezone.utc) == datetime(2026, 11, 3, 6, 5, tzinfo=timezone.utc)
    assert number_moment("46330").isoformat() == "2026-11-04T00:00:00+08:00"
    assert number_moment("1762149900") == datetime(2025, 11, 3, 6, 5, tzinfo=timezone.utc)
    assert number_moment("1762149900123") == datetime(2025, 11, 3, 6, 5, tzinfo=timezone.utc)
    for not_a_time in ("12345", "99999", "123456", "2026", "46329.5.1", "4632a", "२6000.0", "４６３２９", "१७६२१४९९००"):
        assert number_moment(not_a_time) is None, not_a_time


def test_an_upper_bound_without_a_year_stays_in_this_year():
    assert to_iso(parse_when("Dec 31", now=NOW, end_of_day=True)) == "2027-01-01T00:00:00Z"


@pytest.mark.parametrize("text", ["999", "0001-01-01", "1969-12-31 23:00"])
def test_years_before_1970_are_refused(text):
    with pytest.raises(InvalidInput, match="cannot read date"):
        parse_when(text, now=NOW)


@pytest.mark.parametrize(
    "text, since, until",
    [  # NOW is Tuesday 24 Nov 2026: a period word names its first moment, --until its end
        ("上周", "2026-11-16T00:00:00Z", "2026-11-23T00:00:00Z"),
        ("last week", "2026-11-16T00:00:00Z", "2026-11-23T00:00:00Z"),
        ("本周", "2026-11-23T00:00:00Z", "2026-11-30T00:00:00Z"),
        ("上个月", "2026-10-01T00:00:00Z", "2026-11-01T00:00:00Z"),
        ("本月", "2026-11-01T00:00:00Z", "2026-12-01T00:00:00Z"),
        ("去年", "2025-01-01T00:00:00Z", "2026-01-01T00:00:00Z"),
        ("2026年11月", "2026-11-01T00:00:00Z", "2026-12-01T00:00:00Z"),
        ("2025年12月份", "2025-12-01T00:00:00Z", "2026-01-01T00:00:00Z"),
    ],
)
def test_periods_as_people_say_them_for_since_and_until(text, since, until):
    assert to_iso(parse_when(text, now=NOW)) == since
    assert to_iso(parse_when(text, now=NOW, end_of_day=True)) == until


@pytest.mark.parametrize("text", ["上周", "2026年11月", "this month"])
def test_a_period_is_not_one_moment_in_an_imported_cell(text):
    with pytest.raises(InvalidInput):
        parse_when(text, now=NOW, periods=False)


# --- a time typed without its date (issue 21) ------------------------------------------------------

@pytest.fixture
def shanghai(monkeypatch):
    import time

    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


SAT_1100 = datetime(2026, 12, 6, 3, 0, tzinfo=timezone.utc)  # Saturday 6 Dec 2026, 11:00 in Shanghai


@pytest.mark.parametrize("text, expected", [
    # a time still to come today is yesterday's: 15:30 typed at 11:00 is yesterday afternoon
    ("15:30", "2026-12-05T07:30:00Z"),
    ("下午 3:30", "2026-12-05T07:30:00Z"),
    ("下午3点半", "2026-12-05T07:30:00Z"),
    ("3:30 下午", "2026-12-05T07:30:00Z"),
    ("3pm", "2026-12-05T07:00:00Z"),
    ("3:30 PM", "2026-12-05T07:30:00Z"),
    ("15点30", "2026-12-05T07:30:00Z"),
    ("15时30分", "2026-12-05T07:30:00Z"),
    # one that has passed is today's
    ("9:15", "2026-12-06T01:15:00Z"),
    ("上午 10:30", "2026-12-06T02:30:00Z"),
    ("10点半", "2026-12-06T02:30:00Z"),
    ("9点", "2026-12-06T01:00:00Z"),
    ("凌晨12:30", "2026-12-05T16:30:00Z"),
    ("10:58:30", "2026-12-06T02:58:30Z"),
    ("11:04", "2026-12-06T03:04:00Z"),  # a watch a few minutes ahead of the machine: still now
    ("11:06", "2026-12-05T03:06:00Z"),
    # with a date, the half-day word before or after the time
    ("2026/12/5 3:30 下午", "2026-12-05T07:30:00Z"),
    ("12月5日 下午3点半", "2026-12-05T07:30:00Z"),
])
def test_a_time_without_a_date_is_today_or_yesterday_in_the_teams_zone(shanghai, text, expected):
    assert to_iso(parse_when(text, now=SAT_1100)) == expected


def test_an_upper_bound_time_is_todays(shanghai):
    assert to_iso(parse_when("18:00", now=SAT_1100, end_of_day=True)) == "2026-12-06T10:00:00Z"


@pytest.mark.parametrize("text", ["15:30", "下午 3:30", "下午3点半", "9:15", "3pm"])
def test_a_time_without_a_date_is_refused_in_an_imported_cell(shanghai, text):
    with pytest.raises(InvalidInput, match="a time without its date"):
        parse_when(text, now=SAT_1100, periods=False, what="received_at")


@pytest.mark.parametrize("text", ["15:", "上午 14:05", "25:30", "下午 3:75"])
def test_impossible_times_of_day_are_refused(shanghai, text):
    with pytest.raises(InvalidInput):
        parse_when(text, now=SAT_1100)


@pytest.mark.parametrize("text", ["12月6日 12:00", "12月7日", "Dec 7", "12月6日 下午1点"])
def test_a_date_without_a_year_later_today_or_tomorrow_is_a_slip_not_a_year_ago(shanghai, text):
    with pytest.raises(InvalidInput, match="still to come"):
        parse_when(text, now=SAT_1100)


def test_29_february_still_to_come_with_no_last_years_is_refused():
    with pytest.raises(InvalidInput, match="no 29 February in 2027"):
        parse_when("2月29日", now=datetime(2028, 2, 1, tzinfo=timezone.utc))


_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


@st.composite
def _without_a_year(draw) -> str:
    """A received time as people type it without its year (or its date)."""
    month, day = draw(st.integers(1, 12)), draw(st.integers(1, 31))
    hour, minute = draw(st.integers(0, 23)), draw(st.integers(0, 59))
    half = "上午" if hour < 12 else "下午"
    twelve = hour % 12 or 12
    return draw(st.sampled_from([
        f"{hour}:{minute:02d}", f"{half} {twelve}:{minute:02d}", f"{half}{twelve}点半", f"{half}{twelve}点",
        f"{twelve}{'am' if hour < 12 else 'pm'}", f"{hour}点{minute}分",
        f"{month}月{day}日", f"{month}月{day}日 {hour}:{minute:02d}", f"{month}月{day}日 {half}{twelve}点半",
        f"{_MONTHS[month - 1]} {day} {hour}:{minute:02d}", f"{month}/{day} {hour}:{minute:02d}",
    ]))


@settings(max_examples=400, deadline=None)
@given(_without_a_year(),
       st.datetimes(min_value=datetime(2001, 1, 1), max_value=datetime(2090, 12, 31), timezones=st.just(timezone.utc)),
       st.sampled_from(["UTC", "Asia/Shanghai", "America/New_York", "Pacific/Kiritimati", "America/Adak"]))
def test_a_received_time_typed_without_its_year_lies_within_the_past_year(text, now, zone):
    """Whatever the day, the hour and the team's zone (daylight saving included): the moment a
    received time without a year names is in the year up to now (a clock's few minutes ahead
    allowed), and one without its date within the last day (a daylight-saving day is 25 hours),
    or it is refused with a clear error; never a 1 January, never next week."""
    import os
    import time

    from complaintctl.core.record.dates import CLOCK_SKEW

    saved = os.environ.get("TZ")
    os.environ["TZ"] = zone
    time.tzset()
    try:
        moment = parse_when(text, now=now)
    except InvalidInput:
        return
    finally:
        os.environ["TZ"] = saved or "UTC"
        time.tzset()
    year_ago = now.replace(year=now.year - 1) if (now.month, now.day) != (2, 29) else now.replace(
        year=now.year - 1, day=28)
    assert year_ago < moment <= now + CLOCK_SKEW, (text, now, zone, moment)
    if not any(mark in text for mark in ("月", "/", *_MONTHS)):  # a time without its date: today's or yesterday's
        assert now - timedelta(hours=25) < moment, (text, now, zone, moment)


@pytest.mark.parametrize(("text", "expected"), [
    ("21/abr/26 11:37 PM", "2026-04-21T23:37:00Z"),  # Jira in Spanish
    ("19/févr./26 7:31 PM", "2026-02-19T19:31:00Z"),  # Jira in French
    ("12/lut/21 10:19 PM", "2021-02-12T22:19:00Z"),  # Jira in Polish
    ("2 de março de 2024 14:00", "2024-03-02T14:00:00Z"),
    ("5. März 2024", "2024-03-05T00:00:00Z"),
    ("24-02-2015 11.35", "2015-02-24T11:35:00Z"),  # Excel's dot between hours and minutes
])
def test_month_names_of_other_languages_and_dotted_times(text, expected, monkeypatch):
    monkeypatch.setenv("TZ", "UTC")
    import time

    time.tzset()
    try:
        assert to_iso(parse_when(text, now=NOW, dayfirst=True, what="received", periods=False)) == expected
    finally:
        monkeypatch.undo()
        time.tzset()
    assert to_iso(parse_when("3 days ago", now=NOW)) == "2026-11-21T03:34:07Z"  # 'ago' is no month here


@pytest.mark.parametrize("text", ["T-1", "Q3", "No. 5", "A-12"])
def test_one_number_with_a_letter_is_no_date_in_an_imported_cell(text):
    """dateutil reads `T-1` as 1 January: a ref of a headerless file taken for a date would invent one."""
    with pytest.raises(InvalidInput):
        parse_when(text, now=SAT_1100, periods=False, what="received")
