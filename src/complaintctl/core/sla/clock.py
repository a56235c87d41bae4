"""SLA clocks: pure functions of times, targets and a business calendar.

A target is a duration: wall-clock (`90m`, `4h`, `3d`, `1w`) or business time
(`4bh` working hours, `2bd` working days of the calendar's day length). Without
a calendar, business units count like wall-clock ones. The clock runs from the
received time and stops while the complaint waits on the customer: the due
time moves by the paused span. Everything here is replayable from the event
log, so `sla check` can recompute what is stored and compare.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime, time, timedelta, timezone

from complaintctl.errors import InvalidInput
from complaintctl.i18n import L_
from complaintctl.i18n.said import Step

UTC = timezone.utc
_TARGET = r"^\s*(\d+(?:\.\d+)?)\s*(m|min|h|d|w|bm|bh|bd)\s*$"
WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]


class Target:
    """A duration target: ``amount`` of ``unit`` (m h d w, or business bm bh bd)."""

    __slots__ = ("amount", "unit")

    def __init__(self, amount: float, unit: str):
        self.amount = amount
        self.unit = unit

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Target) and (self.amount, self.unit) == (other.amount, other.unit)

    def __hash__(self) -> int:
        return hash((self.amount, self.unit))

    def __repr__(self) -> str:
        return f"Target({self.amount!r}, {self.unit!r})"

    @property
    def business(self) -> bool:
        return self.unit.startswith("b")

    def __str__(self) -> str:
        n = int(self.amount) if self.amount == int(self.amount) else self.amount
        return f"{n}{self.unit}"


def parse_duration(text: str, what: object = None) -> Target:
    """The one reader of durations typed by people: SLA targets and `overdue --within` alike.
    ``4bh`` and ``2bd`` are business time, counted on the team's calendar where one is set."""
    what = L_("SLA target") if what is None else what
    m = re.match(_TARGET, str(text).lower(), re.ASCII)
    if not m or float(m.group(1)) <= 0:
        raise InvalidInput(L_("cannot read {what} {text!r}", what=what, text=text),
                           hint=L_("e.g. 90m, 4h, 3d, 1w, or business time 4bh, 2bd"))
    unit = "m" if m.group(2) == "min" else m.group(2)
    target = Target(float(m.group(1)), unit)
    if not target.amount * _UNIT_MINUTES[unit] <= MAX_DURATION_MINUTES:  # also catches inf from 400 digits
        raise InvalidInput(L_("{what} {text!r} is too long: dates end in the year 9999", what=what, text=text),
                           hint=L_("at most 2500000d; e.g. 90m, 4h, 3d, 1w"))
    return target


# The longest duration read: any longer and a due time or a window from today passes the year
# 9999, where dates end (a million days still reads, for "everything": overdue --within 1000000d)
MAX_DURATION_MINUTES = 2_500_000 * 1440
_UNIT_MINUTES = {"m": 1, "h": 60, "d": 1440, "w": 10080, "bm": 1, "bh": 60, "bd": 1440}


def nominal_minutes(target: Target, day_minutes: int = 1440) -> int:
    """The target in minutes (business days count as ``day_minutes``)."""
    per = {**_UNIT_MINUTES, "bd": day_minutes}[target.unit]
    return int(round(target.amount * per))


class Calendar:
    """Working days and hours in a time zone, with holidays and extra working days (调休)."""

    def __init__(self, timezone: str = "UTC", workdays: frozenset[int] = frozenset({0, 1, 2, 3, 4}),
                 day_start: time = time(9, 0), day_end: time = time(18, 0), holidays: set[date] | None = None,
                 extra_workdays: set[date] | None = None):
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

        self.timezone = timezone
        self.workdays = workdays  # Monday = 0
        self.day_start = day_start
        self.day_end = day_end
        self.holidays = holidays or set()
        self.extra_workdays = extra_workdays or set()

        try:
            self.tz = ZoneInfo(self.timezone)
        except (ZoneInfoNotFoundError, ValueError):
            raise InvalidInput(L_("unknown time zone {zone!r}", zone=self.timezone),
                               hint=L_("e.g. Asia/Shanghai, Europe/Berlin, UTC")) from None
        if self.day_end <= self.day_start:
            raise InvalidInput(L_("working hours must end after they start"))

    @property
    def day_minutes(self) -> int:
        return (self.day_end.hour * 60 + self.day_end.minute) - (self.day_start.hour * 60 + self.day_start.minute)

    def is_working_day(self, day: date) -> bool:
        if day in self.extra_workdays:
            return True
        return day.weekday() in self.workdays and day not in self.holidays

    def window(self, day: date) -> tuple[datetime, datetime]:
        """The working hours of a local day as UTC instants (DST-correct)."""
        start = datetime.combine(day, self.day_start, tzinfo=self.tz).astimezone(UTC)
        end = datetime.combine(day, self.day_end, tzinfo=self.tz).astimezone(UTC)
        return start, end


def _business_add(start: datetime, minutes: float, cal: Calendar) -> datetime:
    remaining = timedelta(minutes=minutes)
    day = start.astimezone(cal.tz).date()
    for _ in range(3660):  # ten years of days: a calendar with no working days ends here
        if cal.is_working_day(day):
            begin, end = cal.window(day)
            begin = max(begin, start)
            if begin < end:
                if begin + remaining <= end:
                    return begin + remaining
                remaining -= end - begin
        day += timedelta(days=1)
    raise InvalidInput(L_("the business calendar has no working time"),
                       hint=L_("check {step}", step=Step("sla calendar show")))


def _business_between(a: datetime, b: datetime, cal: Calendar) -> float:
    if b <= a:
        return 0.0
    total = timedelta()
    day = a.astimezone(cal.tz).date()
    last = b.astimezone(cal.tz).date()
    while day <= last:
        if cal.is_working_day(day):
            begin, end = cal.window(day)
            lo, hi = max(begin, a), min(end, b)
            if hi > lo:
                total += hi - lo
        day += timedelta(days=1)
    return total.total_seconds() / 60


def add_target(start: datetime, target: Target, cal: Calendar | None) -> datetime:
    """When a clock started at ``start`` reaches ``target`` (no pauses)."""
    start = start.astimezone(UTC)  # arithmetic on local aware times would be wall-clock, not elapsed
    if target.business and cal is not None:
        return _business_add(start, nominal_minutes(target, cal.day_minutes), cal)
    return start + timedelta(minutes=nominal_minutes(target))


def elapsed(a: datetime, b: datetime, target: Target, cal: Calendar | None) -> float:
    """Clock minutes between two instants, in the target's kind of time."""
    if target.business and cal is not None:
        return _business_between(a, b, cal)
    return max((b - a).total_seconds() / 60, 0.0)


def due_with_pauses(start: datetime, target: Target, pauses: list[tuple[datetime, datetime]],
                    cal: Calendar | None) -> datetime:
    """The due time of a clock that stops during ``pauses`` (sorted, closed intervals)."""
    budget = float(nominal_minutes(target, cal.day_minutes if cal else 1440))
    t = start.astimezone(UTC)
    for p_start, p_end in pauses:
        if p_end <= t:
            continue
        p_start = max(p_start, t)
        used = elapsed(t, p_start, target, cal)
        if used >= budget:
            break
        budget -= used
        t = p_end
    if target.business and cal is not None:
        return _business_add(t, budget, cal)
    return t + timedelta(minutes=budget)


class SlaState:
    """One complaint's clocks at a moment."""

    __slots__ = ("respond_due_at", "resolve_due_at", "responded_late", "resolved_late", "paused_since",
                 "paused_minutes")

    def __init__(self, respond_due_at: datetime | None, resolve_due_at: datetime | None,
                 responded_late: int | None, resolved_late: int | None, paused_since: datetime | None,
                 paused_minutes: int):
        self.respond_due_at = respond_due_at
        self.resolve_due_at = resolve_due_at
        self.responded_late = responded_late
        self.resolved_late = resolved_late
        self.paused_since = paused_since
        self.paused_minutes = paused_minutes


def compute_state(*, received_at: datetime, respond: Target | None, resolve: Target | None,
                  status_changes: Sequence[tuple[datetime, str | None, str]], first_response_at: datetime | None,
                  resolved_at: datetime | None, cal: Calendar | None, as_of: datetime,
                  open_pause_counts: bool = True) -> SlaState:
    """Replay a complaint's status changes (time, old, new) into its SLA state at ``as_of``.

    Pauses are the spans spent in `waiting`; one still open counts up to ``as_of``, unless not
    ``open_pause_counts``: the due times stored on a complaint move by a pause when it ends
    (docs/sla.md), so what is stored mid-pause is the same whenever it was computed.
    """
    pauses: list[tuple[datetime, datetime]] = []
    paused_since = None
    for at, old, new in sorted(status_changes, key=lambda c: c[0]):
        if at > as_of:
            break
        if new == "waiting" and paused_since is None:
            paused_since = at
        elif old == "waiting" and new != "waiting" and paused_since is not None:
            pauses.append((paused_since, at))
            paused_since = None
    closed = list(pauses)
    if paused_since is not None and open_pause_counts:
        closed.append((paused_since, max(as_of, paused_since)))
    paused_minutes = int(sum((b - a).total_seconds() for a, b in closed) // 60)
    respond_due = resolve_due = None
    if respond is not None:
        cut = [p for p in closed if first_response_at is None or p[0] < first_response_at]
        respond_due = due_with_pauses(received_at, respond, cut, cal)
    if resolve is not None:
        cut = [p for p in closed if resolved_at is None or p[0] < resolved_at]
        resolve_due = due_with_pauses(received_at, resolve, cut, cal)
    responded_late = resolved_late = None
    if respond_due is not None and first_response_at is not None and first_response_at <= as_of:
        responded_late = int(first_response_at > respond_due)
    if resolve_due is not None and resolved_at is not None and resolved_at <= as_of:
        resolved_late = int(resolved_at > resolve_due)
    return SlaState(respond_due, resolve_due, responded_late, resolved_late, paused_since, paused_minutes)


def current_clock(first_response_at: str | None, respond_due_at: str | None,
                  resolve_due_at: str | None) -> tuple[str | None, str | None]:
    """(clock, due time) of the clock a complaint is racing: the first response while none was
    made and it falls due first, else the resolution. (worklists.CLOCK_SQL is the same in SQL.)"""
    if first_response_at is None and respond_due_at and (not resolve_due_at or respond_due_at <= resolve_due_at):
        return "respond", respond_due_at
    return ("resolve" if resolve_due_at else None), resolve_due_at


def pause_holds(status: str | None, paused_since: str | None, due_iso: str | None) -> bool:
    """True while a complaint waits on the customer with its clock stopped. A pause cannot
    move a deadline that had already passed when it began (see due_with_pauses): such a
    complaint is late, waiting or not, and stays in `overdue`."""
    return status == "waiting" and not (paused_since and due_iso and paused_since > due_iso)


def due_standing(due_iso: str | None, now: datetime, status: str | None = None,
                 paused_since: str | None = None) -> tuple[str, int | None]:
    """Where a complaint's clock stands at ``now``, as (standing, minutes): 'left' or 'over' with
    the minutes to or past the due time ('over_waiting': late before the pause began), 'paused',
    'no_sla' (open with no clock), 'unreadable' (a time edited by hand into another form), ''
    (finished, or no status given). What people read for it is said in render (their language)."""
    from complaintctl.core.record.lifecycle import is_open

    if status is not None and not is_open(status):
        return "", None
    if not due_iso:
        return ("no_sla" if status is not None else ""), None
    if pause_holds(status, paused_since, due_iso):
        return "paused", None
    from complaintctl.core.record.dates import from_iso

    try:
        delta = from_iso(due_iso) - now
    except ValueError:
        return "unreadable", None
    minutes = int(abs(delta.total_seconds()) // 60)
    if delta.total_seconds() >= 0:
        return "left", minutes
    return ("over_waiting" if status == "waiting" else "over"), minutes


def describe_due(due_iso: str | None, now: datetime, status: str | None = None,
                 paused_since: str | None = None) -> str:
    """A clock in English words, for JSON (`show`'s sla_clocks): '3h 20m left', '2d 4h over',
    'paused', '1d 2h over, waiting' (late before the pause began), 'no SLA' (open with no clock),
    '' (finished, or no status given)."""
    standing, minutes = due_standing(due_iso, now, status, paused_since)
    if standing in ("", "paused"):
        return standing
    if standing == "no_sla":
        return "no SLA"
    if standing == "unreadable":  # shown as it is
        return due_iso or ""
    days, rest = divmod(minutes or 0, 1440)
    hours, mins = divmod(rest, 60)
    text = f"{days}d {hours}h" if days else (f"{hours}h {mins}m" if hours else f"{mins}m")
    return f"{text} left" if standing == "left" else f"{text} over" + (", waiting" if standing == "over_waiting" else "")


def parse_workdays(text: str) -> frozenset[int]:
    """'mon-fri', 'mon,tue,thu', '1-5' (ISO weekday numbers) -> {0..6}."""
    days: set[int] = set()
    for part in str(text).lower().replace(" ", "").split(","):
        if not part:
            continue
        bounds = part.split("-")
        try:
            idx = [WEEKDAYS.index(b[:3]) if not b.isdigit() else int(b) - 1 for b in bounds]
        except ValueError:
            raise InvalidInput(L_("cannot read working days {text!r}", text=text),
                               hint=L_("e.g. mon-fri or mon,tue,wed,thu,fri,sat")) from None
        if any(i < 0 or i > 6 for i in idx) or len(idx) > 2:
            raise InvalidInput(L_("cannot read working days {text!r}", text=text), hint=L_("e.g. mon-fri"))
        days.update(range(idx[0], idx[-1] + 1) if len(idx) == 2 else idx)
    if not days:
        raise InvalidInput(L_("no working days given"))
    return frozenset(days)


def parse_hours(text: str) -> tuple[time, time]:
    m = re.match(r"^\s*(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})\s*$", str(text))
    if not m:
        raise InvalidInput(L_("cannot read working hours {text!r}", text=text), hint=L_("e.g. 09:00-18:00"))
    try:
        start = time(int(m.group(1)), int(m.group(2)))
        end = time(int(m.group(3)), int(m.group(4))) if m.group(3) != "24" else time(23, 59)
    except ValueError:
        raise InvalidInput(L_("impossible working hours {text!r}", text=text)) from None
    if end <= start:
        raise InvalidInput(L_("working hours must end after they start"))
    return start, end


def target_columns(column: str, text: str) -> dict:
    """The severities columns for one target (`respond_target` or `resolve_target`): the
    target as typed, its nominal minutes for SQL readers, and whether it is business time."""
    target = parse_duration(text)
    return {column: str(target), column.replace("_target", "_minutes"): nominal_minutes(target),
            "business_time": int(target.business)}
