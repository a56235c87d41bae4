"""The SLA clocks stored on complaints: the team's targets and calendar read once per command,
and each complaint's due times recomputed from its events inside the transaction that changed it.

Below every use case that changes a complaint (core/desk/complaints.py, core/desk/tracking.py, imports,
calendars): what they all need, so that none of them imports another to reach it."""

from __future__ import annotations

from datetime import date, datetime

from complaintctl.core.record.dates import from_iso, to_iso
from complaintctl.core.record.lifecycle import OPEN_SQL
from complaintctl.core.sla import clock as sla
from complaintctl.errors import ComplaintError
from complaintctl.i18n import L_
from complaintctl.i18n.said import Step
from complaintctl.store.engine import Connection, Row

DEFAULT_SEVERITY_SETTING = "sla_default_severity"


def load_calendar(conn: Connection) -> sla.Calendar | None:
    row = conn.execute("SELECT * FROM sla_calendar WHERE id = 1").fetchone()
    if row is None or not row["enabled"]:
        return None
    holidays: set[date] = set()
    extra: set[date] = set()
    for day, kind in conn.execute("SELECT day, kind FROM sla_calendar_days"):
        (holidays if kind == "holiday" else extra).add(date.fromisoformat(day))
    start, end = sla.parse_hours(f"{row['day_start']}-{row['day_end']}")
    return sla.Calendar(row["timezone"] or "UTC", sla.parse_workdays(row["workdays"]), start, end, holidays, extra)


def targets(conn: Connection) -> dict[str, tuple[sla.Target, sla.Target]]:
    return {code: (sla.parse_duration(r), sla.parse_duration(s)) for code, r, s in conn.execute(
        "SELECT code, respond_target, resolve_target FROM severities")}


def default_severity(conn: Connection) -> str | None:
    """The severity whose targets time a complaint that has none (`sla default`), or None:
    then such a complaint has no SLA clock, and overdue and the reports say so."""
    row = conn.execute("SELECT value FROM settings WHERE key = ?", (DEFAULT_SEVERITY_SETTING,)).fetchone()
    return row[0] if row else None


class SlaContext:
    """Targets and calendar read once per command. ``targets[None]`` are the default
    severity's targets, for complaints without a severity, when a default is set."""

    def __init__(self, conn: Connection):
        self.calendar = load_calendar(conn)
        self.targets: dict[str | None, tuple[sla.Target, sla.Target]] = dict(targets(conn).items())
        self.default_severity = default_severity(conn)
        if self.default_severity in self.targets:
            self.targets[None] = self.targets[self.default_severity]


def status_changes(conn: Connection, complaint_id: int) -> list[tuple[datetime, str, str]]:
    return [(from_iso(at), old, new) for at, old, new in conn.execute(
        "SELECT at, old_value, new_value FROM events WHERE complaint_id = ? AND field = 'status' ORDER BY id",
        (complaint_id,))]


def state_for(conn: Connection, row: Row, ctx: SlaContext, as_of: datetime,
              changes: list[tuple[datetime, str, str]] | None = None) -> sla.SlaState:
    """The SLA state stored on ``row`` at ``as_of``, replayed from its status changes (read here,
    or given by a caller that read many complaints' at once). A pause still open does not move
    the due times yet: they move when it ends, so a change made mid-pause (a new target, a
    calendar, an escalation) stores what any later replay of the same events finds."""
    respond, resolve = ctx.targets.get(row["severity"], (None, None))
    return sla.compute_state(
        received_at=from_iso(row["received_at"]), respond=respond, resolve=resolve,
        status_changes=status_changes(conn, row["id"]) if changes is None else changes,
        first_response_at=from_iso(row["first_response_at"]) if row["first_response_at"] else None,
        resolved_at=from_iso(row["resolved_at"]) if row["resolved_at"] else None,
        cal=ctx.calendar, as_of=as_of, open_pause_counts=False)


def stored_values(state: sla.SlaState) -> dict:
    return {
        "respond_due_at": to_iso(state.respond_due_at) if state.respond_due_at else None,
        "resolve_due_at": to_iso(state.resolve_due_at) if state.resolve_due_at else None,
        "responded_late": state.responded_late, "resolved_late": state.resolved_late,
        "paused_since": to_iso(state.paused_since) if state.paused_since else None,
        "paused_minutes": state.paused_minutes,
    }


def stopped_clocks(row: Row) -> dict:
    """The stored values of the clocks that have stopped (a first response, a resolution), with
    their verdict or with none when no target timed them then: facts of their moment, which later
    changes to targets, severity or the calendar do not move (a severity given a week after the
    first response used to judge it late then, and rewrote that week's report)."""
    kept: dict = {}
    # stopped: with a verdict, or with no due time (nothing timed it while it ran); a clock stopped
    # just now still has the due time it ran to and no verdict yet: it is judged by this refresh
    if row["first_response_at"] is not None and (row["responded_late"] is not None or row["respond_due_at"] is None):
        kept.update(respond_due_at=row["respond_due_at"], responded_late=row["responded_late"])
    if row["resolved_at"] is not None and (row["resolved_late"] is not None or row["resolve_due_at"] is None):
        kept.update(resolve_due_at=row["resolve_due_at"], resolved_late=row["resolved_late"])
    return kept


def refresh_sla(conn: Connection, complaint_id: int, at: datetime, ctx: SlaContext | None = None, *,
                correction: bool = False) -> dict:
    """Recompute and store one complaint's SLA fields from its events (inside the caller's
    transaction, right after the change that calls for it). Clocks that stopped with a verdict
    keep it, unless ``correction``: a corrected received time judges them again."""
    ctx = ctx or SlaContext(conn)
    row = conn.execute("SELECT * FROM complaints WHERE id = ?", (complaint_id,)).fetchone()
    try:
        values = stored_values(state_for(conn, row, ctx, at))
    except ValueError as exc:  # a time edited by hand into another form
        raise ComplaintError(L_("complaint #{id} has a time its SLA clock cannot read ({detail})", id=complaint_id,
                                detail=str(exc)),
                             hint=L_("correct it, e.g. {update}; {check} lists such times", update=Step(
                                 "update", complaint_id, received_at=L_("TIME")), check=Step("check"))) from None
    if not correction:
        values.update(stopped_clocks(row))
    sets = ", ".join(f"{k} = ?" for k in values)
    conn.execute(f"UPDATE complaints SET {sets} WHERE id = ?", [*values.values(), complaint_id])
    return values


def recompute_open(conn: Connection, at: datetime, severity: str | None = None, *,
                   unclassified: bool = False) -> int:
    """After a target, calendar or default change: the open complaints whose clocks it moves get
    new due times on their running clocks: all of them (a calendar), those timed by ``severity``
    (of that severity, and those without one when it is the default: whatever made the clock
    run), or those without a severity (``unclassified``: the default changed)."""
    ctx = SlaContext(conn)
    where = OPEN_SQL
    if severity:
        where += " AND (severity = ?" + (" OR severity IS NULL)" if ctx.default_severity == severity else ")")
    if unclassified:
        where += " AND severity IS NULL"
    ids = [r[0] for r in conn.execute(f"SELECT id FROM complaints WHERE {where}", (severity,) if severity else ())]
    for cid in ids:
        refresh_sla(conn, cid, at, ctx)
    return len(ids)
