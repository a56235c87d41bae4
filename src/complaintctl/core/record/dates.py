"""Times as people type them in, and as the database stores them.

Stored: ISO-8601 text in UTC with a ``Z`` (``2026-11-24T03:34:07Z``), so SQLite's
date functions and plain string comparison both work. Typed: ISO, ``2026/11/3
14:05``, ``3 Nov 2026``, ``2026年11月3日 14:05``, ``today``, ``yesterday``, ``3 days
ago``. A time without a zone is local time. The common forms are parsed here
without dateutil (whose import alone costs ~65 ms and whose parser is ~500x
slower than ``fromisoformat``); dateutil is the fallback for the rest.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta

from complaintctl.context import local_zone
from complaintctl.core.record.datetext import in_english, plain_chinese_time
from complaintctl.errors import InvalidInput
from complaintctl.i18n import L_, N_, Message, nL_

# the stored form and its display live below core and render alike (timetext); read here too
from complaintctl.timetext import ISO_FORMAT, UTC, from_iso, to_iso, to_local_text, zone_name  # noqa: F401

EARLIEST_YEAR = 1970
# How far ahead of this machine's clock a typed moment may be and still be "now": a colleague's
# watch, a phone's clock. A moment further ahead is still to come (see _most_recent).
CLOCK_SKEW = timedelta(minutes=5)

_RELATIVE_DAYS = {
    "today": 0, "今天": 0, "今日": 0,
    "yesterday": -1, "昨天": -1, "昨日": -1,
    "前天": -2, "前日": -2, "大前天": -3,
    "tomorrow": 1, "明天": 1, "后天": 2,
}
# a period word names the period's first moment (`--since 上周`: from last Monday 00:00)
_PERIOD_STARTS = {
    "this week": ("week", 0), "本周": ("week", 0), "这周": ("week", 0), "本星期": ("week", 0),
    "last week": ("week", -1), "上周": ("week", -1), "上星期": ("week", -1), "上个星期": ("week", -1),
    "this month": ("month", 0), "本月": ("month", 0), "这个月": ("month", 0),
    "last month": ("month", -1), "上月": ("month", -1), "上个月": ("month", -1),
    "this year": ("year", 0), "今年": ("year", 0), "本年": ("year", 0),
    "last year": ("year", -1), "去年": ("year", -1),
}
_YEAR_MONTH = r"^(\d{4})\s*年\s*(\d{1,2})\s*月(?:份)?$"  # 2026年11月: the month's first day
_AGO = r"^(\d+)\s*(m|min|mins|minutes?|h|hours?|d|days?|w|weeks?|分钟|小时|天|周)\s*(ago|前|以前)?$"
_UNIT_MINUTES = {"m": 1, "min": 1, "h": 60, "d": 1440, "w": 10080, "分钟": 1, "小时": 60, "天": 1440,
                 "周": 10080}
_TIME = r"(?:[ T]*(\d{1,2})[:：时点](\d{1,2})?分?(?:[:：](\d{1,2})(?:\.\d+)?秒?)?)?"
_CHINESE = r"^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?" + _TIME + r"\s*$"
# Chinese Excel and call-centre systems write 12-hour times with a half-day word: 下午 2:05
_HALF_DAY = r"(上午|早上|早晨|凌晨|中午|下午|傍晚|晚上)\s*"
_AFTERNOON = ("中午", "下午", "傍晚", "晚上", "pm", "p.m.")
# a time of day alone (15:30, 下午 3:30, 下午3点半 once written 下午3:30, 3pm, 9点): today's, or yesterday's
_TIME_OF_DAY = (r"^(?:" + _HALF_DAY + r")?(\d{1,2})(?:\s*([:：点时])\s*(\d{1,2})?(?:[:：](\d{1,2}))?)?"
                r"\s*(am|pm|a\.m\.|p\.m\.|上午|早上|早晨|凌晨|中午|下午|傍晚|晚上)?$")
_MONTH_DAY = r"^(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?" + _TIME + r"\s*$"  # 11月3日 14:05: no year
_YEAR_FIRST = (
    r"^(\d{4})[/.\-](\d{1,2})[/.\-](\d{1,2})(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*$"
)
_YEAR_LAST = r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*$"
# Patterns are compiled on first use (re caches them): compiling all of them at
# import costs a few ms on every command, most of which never parse a date.


MONTHS = (N_("January"), N_("February"), N_("March"), N_("April"), N_("May"), N_("June"), N_("July"),
          N_("August"), N_("September"), N_("October"), N_("November"), N_("December"))


class _Said(ValueError):
    """Why a typed time cannot be read, in words meant for the user (a library's ValueError is not):
    its one argument is a Message."""

    def __init__(self, why: Message):
        super().__init__(why)
        self.why = why


def _impossible(detail: object) -> _Said:
    return _Said(L_("impossible date or time ({detail})", detail=detail))


def _out_of_range(year, month, day, hh, mm, ss) -> Message | None:
    """Which part of a date and time cannot be, in words (Python's own ValueError is English)."""
    import calendar

    if not 1 <= int(month) <= 12:
        return L_("month {month}", month=int(month))
    if not 1 <= int(year) <= 9999:
        return L_("year {year}", year=int(year))
    if not 1 <= int(day) <= calendar.monthrange(int(year), int(month))[1]:
        return L_("no day {day} in {year}-{month:02d}", day=int(day), year=int(year), month=int(month))
    if not 0 <= int(hh or 0) <= 23:
        return L_("hour {hour}", hour=int(hh or 0))
    if not 0 <= int(mm or 0) <= 59:
        return L_("minute {minute}", minute=int(mm or 0))
    if not 0 <= int(ss or 0) <= 59:
        return L_("second {second}", second=int(ss or 0))
    return None


def now_utc() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


def _local(year: int | str, month: int | str, day: int | str, hh: int | str | None = None, mm: int | str | None = None,
           ss: int | str | None = None) -> tuple[datetime, bool]:
    try:
        d = date(int(year), int(month), int(day))
        t = time(int(hh or 0), int(mm or 0), int(ss or 0))
    except ValueError as exc:
        raise _impossible(_out_of_range(year, month, day, hh, mm, ss) or str(exc)) from exc
    return datetime.combine(d, t, tzinfo=local_zone()), hh is not None


_EXCEL_EPOCH = datetime(1899, 12, 30)  # day 0 of Excel's (1900) date system, as its serials count
# ASCII digits only: a machine writes 46329.5, and `\d` would take ２ or २ (Devanagari) for a digit too
_NUMBER_MOMENT = r"^([0-9]{5})(?:\.([0-9]+))?$|^([0-9]{10})([0-9]{3})?(?:\.[0-9]+)?$"


# A number alone, signed or with a decimal part (-5, 1.5, 11.3, 3,5): never a date where a person typed it.
_BARE_NUMBER = re.compile(r"\s*([-+\u2212]?)\s*(?=[.,]?\d)(\d*)([.,]\d*)?\s*")


def number_moment(text: str) -> datetime | None:
    """A time a machine wrote as a number, or None: an Excel date serial (``46329.5868`` is
    2026-11-03 14:05 local time; a date column Excel saved without its format) or a Unix
    timestamp in seconds or milliseconds (``1762149900``, ``1762149900000``: UTC, as JSON
    exports from call-centre systems and web forms carry them)."""
    m = re.match(_NUMBER_MOMENT, text.strip())
    if m is None:
        return None
    if m.group(1):
        serial = float(text)
        if not 20000 <= serial < 80000:  # 1954..2119; other five-digit numbers are not dates
            return None
        local = _EXCEL_EPOCH + timedelta(seconds=round(serial * 86400))
        return local.replace(tzinfo=local_zone())
    seconds = int(m.group(3))
    if seconds < 946684800:  # before 2000: not a timestamp of a complaint
        return None
    moment = datetime.fromtimestamp(seconds, UTC)
    if m.group(4):
        moment += timedelta(milliseconds=int(m.group(4)))
    return moment.replace(microsecond=0)


def _parse(text: str, now: datetime, dayfirst: bool, past: bool = True,
           periods: bool = False) -> tuple[datetime, bool | str]:
    """Return (aware datetime, whether a time of day was given). With ``periods``, a period
    word or a year and month (上周, this month, 2026年11月) is its first moment, and the second
    value is its unit (week, month, year), so that an upper bound can take the period's end."""
    lowered = text.strip().lower()
    if lowered in ("now", "现在"):
        return now, True
    if lowered in _RELATIVE_DAYS:
        local_day = now.astimezone(local_zone()).date() + timedelta(days=_RELATIVE_DAYS[lowered])
        return datetime.combine(local_day, time(), tzinfo=local_zone()), False
    if periods and lowered in _PERIOD_STARTS:
        unit, offset = _PERIOD_STARTS[lowered]
        return _period_start(now.astimezone(local_zone()).date(), unit, offset), unit
    year_month = re.match(_YEAR_MONTH, lowered) if periods else None
    if year_month:
        return _local(year_month.group(1), year_month.group(2), 1)[0], "month"
    ago = re.match(_AGO, lowered)
    if ago:
        unit = ago.group(2)
        key = unit if unit in _UNIT_MINUTES else unit[0]
        return now - timedelta(minutes=int(ago.group(1)) * _UNIT_MINUTES[key]), True
    lowered = plain_chinese_time(lowered)
    clock = re.match(_TIME_OF_DAY, lowered)
    if clock and (clock.group(3) or clock.group(6)):
        if not periods:  # a file's cell: a time without its date is no moment (the date is lost)
            raise _Said(L_("a time without its date (the file must give the day)"))
        return _time_of_day(clock, now, past)
    half = re.search(_HALF_DAY, lowered)
    if half:
        return _half_day(half, lowered, now, dayfirst, past, periods)
    for pattern in (_CHINESE, _YEAR_FIRST):
        m = re.match(pattern, lowered)
        if m:
            return _local(*m.groups())
    m = re.match(_MONTH_DAY, lowered)
    if m:
        return _without_year(now, lambda year: _local(year, *m.groups()), past)
    m = re.match(_YEAR_LAST, lowered)
    if m:
        a, b, year, hh, mm, ss = m.groups()
        day, month = (a, b) if dayfirst else (b, a)
        return _local(year, month, day, hh, mm, ss)
    return _iso_or_dateutil(text, lowered, now, dayfirst, past)


def _period_start(today: date, unit: str, offset: int) -> datetime:
    """Local midnight starting the week, month or year ``offset`` periods from today's."""
    if unit == "week":
        first = today - timedelta(days=today.weekday()) + timedelta(weeks=offset)
    elif unit == "month":
        months = today.year * 12 + today.month - 1 + offset
        first = date(months // 12, months % 12 + 1, 1)
    else:
        first = date(today.year + offset, 1, 1)
    return datetime.combine(first, time(), tzinfo=local_zone())


def _iso_or_dateutil(text: str, lowered: str, now: datetime, dayfirst: bool, past: bool) -> tuple[datetime, bool]:
    """ISO text through fromisoformat; the rest through dateutil, the slow fallback."""
    iso = lowered.upper()
    if iso.endswith("Z"):
        iso = iso[:-1] + "+00:00"
    try:
        moment = datetime.fromisoformat(iso)
    except ValueError:
        pass
    else:
        has_time = "T" in iso or ":" in iso
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=local_zone())
        return moment, has_time
    from dateutil import parser as date_parser

    text = in_english(text)
    has_time = bool(re.search(r"\d:\d", text))

    def parsed(year: int) -> tuple[datetime, bool]:
        try:
            moment = date_parser.parse(text, dayfirst=dayfirst, default=datetime(year, 1, 1))
        except (ValueError, OverflowError) as exc:
            raise ValueError(str(exc)) from exc
        return (moment.replace(tzinfo=local_zone()) if moment.tzinfo is None else moment), has_time

    if re.search(r"\d{4}", text):
        return parsed(now.astimezone(local_zone()).year)
    return _without_year(now, parsed, past)  # '3 Nov', '11/03 14:05'


def _without_year(now: datetime, at_year, past: bool) -> tuple[datetime, bool]:
    """A date typed without its year is this year's, unless it names the past (a received
    time) and this year's is still to come: then last year's ('12月30日' typed on 5 January
    is the 30 December just gone). Today's date at an hour still to come, or tomorrow's, is
    refused rather than read as a year ago. An upper bound (--until) keeps this year's."""
    year = now.astimezone(local_zone()).year
    moment, has_time = at_year(year)
    if past and moment > now + CLOCK_SKEW:
        if moment <= now + timedelta(days=1):  # today's date at a later hour, or tomorrow's: a slip
            raise _Said(L_("{moment} is still to come; give the year for another one",
                           moment=f"{moment.astimezone(local_zone()):%Y-%m-%d %H:%M}"))
        try:
            moment, has_time = at_year(year - 1)
        except ValueError:  # 29 February: still to come this year, and last year had none
            raise _Said(L_("no {day} {month} in {year}, and this year's is still to come; give the year",
                           day=moment.day, month=L_(MONTHS[moment.month - 1]), year=year - 1)) from None
    return moment, has_time


def _time_of_day(clock: re.Match, now: datetime, past: bool) -> tuple[datetime, bool]:
    """A time typed without a date is today's in the team's zone, unless it names the past and
    today's is still to come: then yesterday's (15:30 typed at 09:00 is yesterday afternoon). An
    upper bound (--until 18:00) keeps today's."""
    word, hh, separator, mm, ss, suffix = clock.groups()
    if separator in (":", "：") and mm is None:
        raise _impossible(L_("minutes missing after the colon"))
    hour = _twelve_hour(word or suffix, int(hh), int(mm or 0)) if (word or suffix) else int(hh)
    today = now.astimezone(local_zone()).date()
    moment, _ = _local(today.year, today.month, today.day, hour, mm, ss)
    if past and moment > now + CLOCK_SKEW:
        yesterday = today - timedelta(days=1)
        moment, _ = _local(yesterday.year, yesterday.month, yesterday.day, hour, mm, ss)
    return moment, True


def _twelve_hour(word: str, hour: int, minute: int) -> int:
    """The 24-hour hour of a 12-hour one with its half-day word (下午, pm): 上午/凌晨/am 12 is
    midnight, 中午/pm 12 noon; 下午 14:05, as some systems write it, is 14:05."""
    if word in _AFTERNOON:
        return hour + 12 if hour < 12 else hour
    if hour > 12:
        raise _impossible(f"{word} {hour}:{minute:02d}")
    return 0 if hour == 12 else hour


def _half_day(half: re.Match, lowered: str, now: datetime, dayfirst: bool, past: bool,
              periods: bool) -> tuple[datetime, bool | str]:
    """``2026/11/3 下午 2:05`` -> 14:05 local (see _twelve_hour). The hour is made a 24-hour one in
    the text before the rest is read, so that a date without its year is decided on the real time
    of day (``1月1日 下午1点半`` typed at 2:00 on 1 January is last year's)."""
    before, after = lowered[:half.start()], lowered[half.end():]
    clock = re.match(r"\s*(\d{1,2})\s*[:：点时]\s*(\d{1,2})?", after)
    if clock is not None:
        hour = _twelve_hour(half.group(1), int(clock.group(1)), int(clock.group(2) or 0))
        text = before + " " + after[:clock.start(1)] + str(hour) + after[clock.end(1):]
    else:  # the word after the time: 2026/11/3 2:05 下午
        clock = re.search(r"(\d{1,2})\s*[:：点时]\s*(\d{1,2})?(?:[:：]\d{1,2})?\s*$", before)
        if clock is None:
            raise _Said(L_("{word} needs a time of day after it", word=half.group(1)))
        hour = _twelve_hour(half.group(1), int(clock.group(1)), int(clock.group(2) or 0))
        text = before[:clock.start(1)] + str(hour) + before[clock.end(1):] + " " + after
    return _parse(text, now, dayfirst, past, periods)


_DIGIT_RUNS = re.compile(r"\d+")
# a month's or a day's name (Nov, today, 今天, 三月), or a time of day (3pm)
_WORD = re.compile(r"[^\W\d_]{3,}|[\u4e00-\u9fff]|\d\s*[ap]\.?m\b", re.IGNORECASE)


def parse_when(
    text: str,
    *,
    now: datetime | None = None,
    dayfirst: bool = False,
    end_of_day: bool = False,
    what: object = L_("date"),
    periods: bool = True,
) -> datetime:
    """Parse a typed date/time into an aware UTC datetime.

    ``end_of_day`` turns a bare date into the start of the next day, for
    exclusive upper bounds (``--until 2026-11-03`` includes all of that day), and a
    period (``--until 上个月``) into the start of the next one. ``periods`` False (an
    import's cells): a period word or a bare year and month is not one moment.
    """
    now = now or now_utc()
    if text is None or not str(text).strip():
        raise InvalidInput(L_("empty {what}", what=what), hint=L_("give a date such as 2026-11-03 14:05 or today"))
    number = _BARE_NUMBER.fullmatch(str(text))
    if number and (len(number.group(2)) <= 4 or number.group(1) or number.group(3)):
        # `--since 5` is not 5 January, `--received=-5` not 5 January either, `11.3` not 11 January
        signed = number.group(1) and ("negative" if number.group(1) in "-\u2212" else "signed")
        kind = {(None, False): L_("a bare number"), (None, True): L_("a decimal number"),
                ("negative", False): L_("a negative bare number"), ("negative", True): L_("a negative decimal number"),
                ("signed", False): L_("a signed bare number"), ("signed", True): L_("a signed decimal number"),
                }[signed or None, bool(number.group(3))]
        days = int(number.group(2) or 0)
        hint = (L_("give a date such as 2026-11-05 or 11月5日") if number.group(3) else
                nL_("say '{n} day ago', or give a date such as 2026-11-05 or 11月5日",
                    "say '{n} days ago', or give a date such as 2026-11-05 or 11月5日", days))
        raise InvalidInput(L_("cannot read {what} {text!r}: {kind} is not a date", what=what, text=text, kind=kind),
                           hint=hint)
    if not periods and len(_DIGIT_RUNS.findall(str(text))) < 2 and not _WORD.search(str(text)):
        # an import's cell of one number and a letter or two (a ref `T-1`, `Q3`) names no moment
        raise InvalidInput(L_("cannot read {what} {text!r}: one number is not a date", what=what, text=text),
                           hint=L_("give a date such as 2026-11-05 or 11月5日"))
    try:
        moment, has_time = _parse(str(text), now, dayfirst, past=not end_of_day, periods=periods)
        if moment.year < EARLIEST_YEAR:  # '999' read as a year: no complaint desk has records from then
            raise _impossible(L_("year {year}", year=moment.year))
        if end_of_day and has_time.__class__ is str:
            moment = _period_start(moment.date(), has_time, 1)
        elif end_of_day and not has_time:
            moment = moment + timedelta(days=1)
        moment = moment.astimezone(UTC)  # 9999-12-31T23:59:59-12:00 is in the year 10000 in UTC
    except OverflowError:
        raise InvalidInput(L_("cannot read {what} {text!r}: out of range", what=what, text=text),
                           hint=L_("a date between 1970 and 9999")) from None
    except ValueError as exc:
        raise InvalidInput(
            L_("cannot read {what} {text!r}: {why}", what=what, text=text, why=exc.why) if isinstance(exc, _Said)
            else L_("cannot read {what} {text!r}", what=what, text=text),
            hint=L_("use e.g. 2026-11-03 14:05, 2026/11/3, 3 Nov 2026, 2026年11月3日, today, yesterday"),
        ) from None
    return moment.replace(microsecond=0)


def format_minutes(minutes: int) -> str:
    if minutes % 1440 == 0:
        return f"{minutes // 1440}d"
    if minutes % 60 == 0:
        return f"{minutes // 60}h"
    return f"{minutes}m"
