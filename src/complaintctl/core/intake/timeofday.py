"""A received date and its time of day in two columns (`Date` 22-04-15 and `Time` 3:53:50 PM, as the
FCC's consumer complaints and many call logs write them): read as one moment, so the complaint keeps
the hour it came in instead of midnight. Decided from the values: the received column holds dates
without a time, the other column times of day without a date, in nearly every sampled row."""

from __future__ import annotations

import re
from datetime import datetime, time, timezone

from complaintctl.core.intake.cells import RowError
from complaintctl.core.intake.headers import header_words
from complaintctl.core.intake.mapping import EXTRA, ColumnPlan
from complaintctl.i18n import L_

FIELD = "received_time"  # the pseudo-field of the time-of-day column (cells.py reads it as text)
_TIME_OF_DAY = re.compile(r"^\s*(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?\s*([AaPp]\.?\s?[Mm]\.?)?\s*$")
_TIME_WORDS = {"time", "hora", "heure", "zeit", "uhrzeit", "godzina", "ora", "tijd", "hour"}
_FILLERS = {"of", "the", "de", "da", "do", "du", "la", "received", "created", "call", "complaint", "ticket", "issue",
            "filed", "submitted", "recebimento", "abertura", "creation", "creacion", "recepcion"}
MOSTLY = 0.95


def find_time_of_day(plans: list[ColumnPlan], columns: dict):
    """Give the time-of-day column beside a received column of bare dates the pseudo-field; returns
    why, for the summary, or None when the file has no such pair."""
    received = next((p for p in plans if p.field == "received"), None)
    if received is None:
        return None
    dates = [v for _, v in columns.get(received.index, [])]
    if not dates or sum(1 for v in dates if ":" not in v and not _TIME_OF_DAY.match(v)) < MOSTLY * len(dates):
        return None
    for plan in plans:
        words = set(header_words(plan.header))
        if plan.field != EXTRA or plan.rank == 0 or not words & _TIME_WORDS or not words <= _TIME_WORDS | _FILLERS:
            continue
        values = [v for _, v in columns.get(plan.index, [])]
        if len(values) >= MOSTLY * len(dates) and sum(1 for v in values if _TIME_OF_DAY.match(v)) >= MOSTLY * len(values):
            plan.field = FIELD
            plan.how = L_("the time of day of {header!r}: read with it as one moment", header=received.header)
            return L_("{header!r} (times of day, e.g. {value!r}, beside the dates without a time of "
                      "{dates!r}: read as one moment)", header=plan.header, value=values[0], dates=received.header)
    return None


def with_time_of_day(received_at: str, text: str, zone) -> str:
    """The received time (canonical UTC text of a local midnight) at the time of day ``text``."""
    m = _TIME_OF_DAY.match(text)
    if m is None:
        raise RowError(L_("received time of day {text!r} is no time of day", text=text))
    hour, minute, second = int(m.group(1)), int(m.group(2)), int(m.group(3) or 0)
    half = (m.group(4) or "").lower()[:1]
    if half:
        if not 1 <= hour <= 12:
            raise RowError(L_("received time of day {text!r} is no time of day", text=text))
        hour = hour % 12 + (12 if half == "p" else 0)
    if hour > 23 or minute > 59 or second > 59:
        raise RowError(L_("received time of day {text!r} is no time of day", text=text))
    day = datetime.fromisoformat(received_at.replace("Z", "+00:00")).astimezone(zone).date()
    moment = datetime.combine(day, time(hour, minute, second)).replace(tzinfo=zone)
    return moment.astimezone(timezone.utc).isoformat()[:19] + "Z"
