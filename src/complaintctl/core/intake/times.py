"""A row's times, the reader's half: each date cell read as canonical UTC text (the common shapes
without datetime math, "never" dates as none), and the due times its severity gives."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from complaintctl.context import local_zone
from complaintctl.core.intake.cells import NeverDate, RowError, _remember, is_never, is_zero_date
from complaintctl.core.intake.dateorder import mixed_value_order
from complaintctl.core.record.dates import number_moment, parse_when
from complaintctl.core.sla import clock as sla
from complaintctl.errors import ComplaintError
from complaintctl.i18n import L_
from complaintctl.i18n.said import Field

UTC = timezone.utc
DUE_MEMO_LIMIT = 60_000  # received hours x severities: ~7 years of hours for 4 severities, ~12 MB


class RowTimes:
    """The time half of RowReader (a mixin: it uses the reader's clock, orders, memos and SLA context,
    declared here, set by RowReader.__init__)."""

    now: datetime
    now_iso: str
    latest_iso: str
    dayfirst: bool
    dayfirst_of: dict[str, bool]
    mixed_dates: frozenset[str]
    given_order: bool | None
    sla_context: Any  # core/sla's SlaContext
    sla_fast: dict[str | None, tuple[Any, Any]]
    sla_hourly: set[str | None]
    _due: dict[str, tuple[str, str]]
    _offsets: dict[str, Any]

    def add_due_times(self, row: dict) -> None:
        """Add the due times as `refresh_sla` computes them from this row's one `imported` event (one
        status change, at import time, so no pause has run yet). Wall-clock targets take a
        fast path; business time goes through the full clock."""
        received = row["received_at"]
        severity = row.get("severity")
        fast = self.sla_fast.get(severity)
        if fast is not None:
            if severity in self.sla_hourly:
                key = received[:13] + (severity or "")
                hours = self._due.get(key)
                if hours is None:
                    start = datetime.fromisoformat(received[:13] + ":00:00")
                    hours = _remember(self._due, key, ((start + fast[0]).isoformat()[:13],
                                                       (start + fast[1]).isoformat()[:13]), DUE_MEMO_LIMIT)
                respond_due, resolve_due = hours[0] + received[13:], hours[1] + received[13:]
            else:
                start = datetime.fromisoformat(received[:19])
                respond_due = (start + fast[0]).isoformat()[:19] + "Z"
                resolve_due = (start + fast[1]).isoformat()[:19] + "Z"
            row["respond_due_at"] = respond_due
            row["resolve_due_at"] = resolve_due
            first, resolved = row.get("first_response_at"), row.get("resolved_at")
            if first is not None and first <= self.now_iso:
                row["responded_late"] = int(first > respond_due)
            if resolved is not None and resolved <= self.now_iso:
                row["resolved_late"] = int(resolved > resolve_due)
            if row["status"] == "waiting":
                row["paused_since"] = self.now_iso
            return
        from complaintctl.core.record.dates import from_iso
        from complaintctl.core.sla.due import stored_values

        ctx = self.sla_context
        respond, resolve = ctx.targets.get(severity, (None, None))
        state = sla.compute_state(
            received_at=from_iso(received), respond=respond, resolve=resolve,
            status_changes=[(self.now, None, row["status"])],
            first_response_at=from_iso(row["first_response_at"]) if "first_response_at" in row else None,
            resolved_at=from_iso(row["resolved_at"]) if "resolved_at" in row else None,
            cal=ctx.calendar, as_of=self.now)
        values = stored_values(state)
        if not values["paused_minutes"]:
            del values["paused_minutes"]
        row.update((k, v) for k, v in values.items() if v is not None)

    def _moment(self, name: str, text: str) -> str:
        """Any accepted time -> canonical UTC text; the common shapes without datetime math."""
        n = len(text)
        iso = None
        if n == 20 and text[10] == "T" and text[19] in "Zz":
            try:
                datetime.fromisoformat(text[:19])  # canonical UTC already: check it, keep it
                iso = text[:19] + "Z"
            except ValueError:
                pass
        elif n in (16, 19) and text[4] == "-" and text[10] in " T":
            try:
                moment = datetime.fromisoformat(text)
            except ValueError:
                moment = None
            if moment is not None:
                # Local time: the offset is looked up once per local hour (DST-safe);
                # astimezone() per row would be the slowest step of the import.
                hour = text[:13]
                offset = self._offsets.get(hour)
                if offset is None:
                    offset = moment.replace(tzinfo=local_zone()).utcoffset()
                    if len(self._offsets) < 100_000:
                        self._offsets[hour] = offset
                if not offset:
                    iso = f"{text[:10]}T{text[11:16]}{text[16:19] if n == 19 else ':00'}Z"
                else:
                    iso = (moment - offset).isoformat()[:19] + "Z"
        if iso is None:
            if is_zero_date(text):
                raise NeverDate
            clean = text[:-1] + "+00:00" if text.endswith(("Z", "z")) else text
            try:
                moment = datetime.fromisoformat(clean)
                moment = moment.astimezone(UTC) if moment.tzinfo else moment.replace(tzinfo=local_zone()).astimezone(UTC)
            except ValueError:
                moment = number_moment(text) if text[0].isdigit() and text[-1].isdigit() else None
                if moment is None:
                    dayfirst = self.dayfirst_of.get(name, self.dayfirst) if name not in self.mixed_dates else \
                        mixed_value_order(name, text, self.given_order)
                    try:
                        moment = parse_when(text, now=self.now, periods=False, dayfirst=dayfirst, what=Field(name))
                    except ComplaintError as exc:
                        raise RowError(exc.message) from None  # a Message: kept whole
                else:
                    moment = moment.astimezone(UTC)
            iso = moment.isoformat()[:19] + "Z"
        if (iso < "1970-01-02" or iso >= "9999-12-30") and is_never(iso):
            raise NeverDate
        if iso > self.latest_iso:
            raise RowError(L_("{name} {text!r} is in the future", name=Field(name), text=text))
        if iso < "1970":
            raise RowError(L_("{name} {text!r} is before 1970: impossible date or time", name=Field(name),
                              text=text))
        return iso

