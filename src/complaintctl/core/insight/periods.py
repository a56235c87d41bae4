"""The periods reports cover: ISO weeks in local time, the last full week, --from/--to, the
last N weeks; and a report's --output name filled in from its period."""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta, timezone

from complaintctl.context import local_zone
from complaintctl.errors import InvalidInput
from complaintctl.i18n import L_
from complaintctl.i18n.said import Input

UTC = timezone.utc


def _local_midnight(day: date) -> datetime:
    return datetime.combine(day, time(), tzinfo=local_zone())


def week_period(label: str) -> tuple[datetime, datetime, str]:
    """'2026-W47' -> (Monday 00:00 local, next Monday 00:00 local, label) as UTC datetimes."""
    m = re.match(r"^\s*(\d{4})-?W(\d{1,2})\s*$", label, re.I)
    if not m:
        raise InvalidInput(f"cannot read week {label!r}", hint="ISO week such as 2026-W47")
    try:
        monday = date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
    except ValueError:
        raise InvalidInput(f"no such week {label!r}") from None
    return _local_midnight(monday).astimezone(UTC), _local_midnight(monday + timedelta(days=7)).astimezone(UTC), \
        f"{m.group(1)}-W{int(m.group(2)):02d}"


def last_full_week(now: datetime) -> tuple[datetime, datetime, str]:
    today = now.astimezone(local_zone()).date()
    this_monday = today - timedelta(days=today.weekday())
    year, week, _ = (this_monday - timedelta(days=7)).isocalendar()
    return week_period(f"{year}-W{week:02d}")


def period(*, week: str | None, start: datetime | None, end: datetime | None, now: datetime) -> tuple[datetime, datetime, str]:
    if week and (start or end):
        raise InvalidInput(L_("give {week} or {start}/{end}, not both", week=Input("week"), start=Input("start"),
                              end=Input("end")))
    if week:
        return week_period(week)
    if start or end:
        if not (start and end):
            raise InvalidInput(L_("{start} and {end} go together", start=Input("start"), end=Input("end")))
        if end <= start:
            raise InvalidInput(L_("{end} must be after {start}", end=Input("end"), start=Input("start")))
        return start, end, span_label(start, end)
    return last_full_week(now)


def span_label(start: datetime, end: datetime) -> str:
    """A --from/--to period as its first and last day in the team's zone ("2026-11-01 – 2026-11-30"):
    a month in Shanghai starts at 16:00 UTC the day before, and was titled from that UTC day."""
    first = start.astimezone(local_zone()).date()
    last = (end - timedelta(seconds=1)).astimezone(local_zone()).date()
    return f"{first.isoformat()} – {last.isoformat()}"


def previous_period(start: datetime, end: datetime) -> tuple[datetime, datetime]:
    """The period of the same length just before [start, end): the same number of days by the
    local calendar when both ends are local midnights (a week with a daylight-saving change is
    167 or 169 hours, and the week before it is not), else the same duration."""
    local_start, local_end = start.astimezone(local_zone()), end.astimezone(local_zone())
    if local_start.time() == time() and local_end.time() == time():
        days = (local_end.date() - local_start.date()).days
        return _local_midnight(local_start.date() - timedelta(days=days)).astimezone(UTC), start
    return start - (end - start), start


def last_weeks(weeks: int, now: datetime) -> tuple[datetime, datetime, str]:
    """The last ``weeks`` full weeks before ``now``."""
    _, end, _ = last_full_week(now)
    return end - timedelta(weeks=weeks), end, f"last {weeks} weeks"


OUTPUT_PLACEHOLDERS = ("week", "start", "end")


def output_name(pattern: str, period: dict | None) -> str:
    """``--output`` with the reported period filled in: {week} (ISO week of its first day,
    2026-W48), {start} and {end} (its first and last day, local time), so a cron line names
    the file by the week it reports, not the week it runs in."""
    if "{" not in pattern and "}" not in pattern:
        return pattern
    if not period:
        raise InvalidInput("this report has no period to name the output by", hint="give a plain file name")
    from complaintctl.core.record.dates import from_iso

    first = from_iso(period["start"]).astimezone(local_zone()).date()
    last = (from_iso(period["end"]) - timedelta(seconds=1)).astimezone(local_zone()).date()
    year, week, _ = first.isocalendar()
    values = {"week": f"{year}-W{week:02d}", "start": first.isoformat(), "end": last.isoformat()}
    try:
        return pattern.format_map(values)
    except (KeyError, ValueError, IndexError, AttributeError):
        raise InvalidInput(L_("cannot fill in {output} {pattern!r}", output=Input("output"), pattern=pattern),
                           hint=L_("placeholders: {names}", names=", ".join("{" + p + "}" for p in OUTPUT_PLACEHOLDERS))) \
            from None
