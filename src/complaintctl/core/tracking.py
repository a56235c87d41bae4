"""Keeping complaints from being forgotten: SLA due times, overdue lists, escalation,
satisfaction follow-up and the sweep that closes what nobody followed up."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime, timedelta

from complaintctl.core import notify, sla
from complaintctl.core.dates import from_iso, now_utc, to_iso
from complaintctl.core.events import record_event
from complaintctl.core.lifecycle import OPEN_SQL, is_open
from complaintctl.errors import ComplaintError, InvalidInput, NotFound, Refused
from complaintctl.store.db import transaction

DEFAULT_SEVERITY_SETTING = "sla_default_severity"


# --- configuration ---------------------------------------------------------------------

def load_calendar(conn: sqlite3.Connection) -> sla.Calendar | None:
    row = conn.execute("SELECT * FROM sla_calendar WHERE id = 1").fetchone()
    if row is None or not row["enabled"]:
        return None
    holidays, extra = set(), set()
    for day, kind in conn.execute("SELECT day, kind FROM sla_calendar_days"):
        (holidays if kind == "holiday" else extra).add(date.fromisoformat(day))
    start, end = sla.parse_hours(f"{row['day_start']}-{row['day_end']}")
    return sla.Calendar(row["timezone"] or "UTC", sla.parse_workdays(row["workdays"]), start, end, holidays, extra)


def targets(conn: sqlite3.Connection) -> dict[str, tuple[sla.Target, sla.Target]]:
    return {code: (sla.parse_target(r), sla.parse_target(s)) for code, r, s in conn.execute(
        "SELECT code, respond_target, resolve_target FROM severities")}


def default_severity(conn: sqlite3.Connection) -> str | None:
    """The severity whose targets time a complaint that has none (`sla default`), or None:
    then such a complaint has no SLA clock, and overdue and the reports say so."""
    row = conn.execute("SELECT value FROM settings WHERE key = ?", (DEFAULT_SEVERITY_SETTING,)).fetchone()
    return row[0] if row else None


class SlaContext:
    """Targets and calendar read once per command. ``targets[None]`` are the default
    severity's targets, for complaints without a severity, when a default is set."""

    def __init__(self, conn: sqlite3.Connection):
        self.calendar = load_calendar(conn)
        self.targets = targets(conn)
        self.default_severity = default_severity(conn)
        if self.default_severity in self.targets:
            self.targets[None] = self.targets[self.default_severity]


def status_changes(conn: sqlite3.Connection, complaint_id: int) -> list[tuple[datetime, str, str]]:
    return [(from_iso(at), old, new) for at, old, new in conn.execute(
        "SELECT at, old_value, new_value FROM events WHERE complaint_id = ? AND field = 'status' ORDER BY id",
        (complaint_id,))]


def state_for(conn: sqlite3.Connection, row: sqlite3.Row, ctx: SlaContext, as_of: datetime,
              changes: list[tuple[datetime, str, str]] | None = None) -> sla.SlaState:
    """The SLA state of ``row`` at ``as_of``, replayed from its status changes (read here, or
    given by a caller that read many complaints' at once)."""
    respond, resolve = ctx.targets.get(row["severity"], (None, None))
    return sla.compute_state(
        received_at=from_iso(row["received_at"]), respond=respond, resolve=resolve,
        status_changes=status_changes(conn, row["id"]) if changes is None else changes,
        first_response_at=from_iso(row["first_response_at"]) if row["first_response_at"] else None,
        resolved_at=from_iso(row["resolved_at"]) if row["resolved_at"] else None,
        cal=ctx.calendar, as_of=as_of)


def _stored(state: sla.SlaState) -> dict:
    return {
        "respond_due_at": to_iso(state.respond_due_at) if state.respond_due_at else None,
        "resolve_due_at": to_iso(state.resolve_due_at) if state.resolve_due_at else None,
        "responded_late": state.responded_late, "resolved_late": state.resolved_late,
        "paused_since": to_iso(state.paused_since) if state.paused_since else None,
        "paused_minutes": state.paused_minutes,
    }


def stopped_clocks(row: sqlite3.Row) -> dict:
    """The stored values of the clocks that have stopped with a verdict (a first response, a
    resolution): facts of their moment, which later changes to targets, severity or the
    calendar do not move."""
    kept = {}
    if row["first_response_at"] is not None and row["responded_late"] is not None:
        kept.update(respond_due_at=row["respond_due_at"], responded_late=row["responded_late"])
    if row["resolved_at"] is not None and row["resolved_late"] is not None:
        kept.update(resolve_due_at=row["resolve_due_at"], resolved_late=row["resolved_late"])
    return kept


def refresh_sla(conn: sqlite3.Connection, complaint_id: int, at: datetime, ctx: SlaContext | None = None, *,
                correction: bool = False) -> dict:
    """Recompute and store one complaint's SLA fields from its events (inside the caller's
    transaction, right after the change that calls for it). Clocks that stopped with a verdict
    keep it, unless ``correction``: a corrected received time judges them again."""
    ctx = ctx or SlaContext(conn)
    row = conn.execute("SELECT * FROM complaints WHERE id = ?", (complaint_id,)).fetchone()
    try:
        values = _stored(state_for(conn, row, ctx, at))
    except ValueError as exc:  # a time edited by hand into another form
        raise ComplaintError(f"complaint #{complaint_id} has a time its SLA clock cannot read ({exc})",
                             hint=f"correct it, e.g. `complaintctl update {complaint_id} --received TIME`; "
                                  "`complaintctl check` lists such times") from None
    if not correction:
        values.update(stopped_clocks(row))
    sets = ", ".join(f"{k} = ?" for k in values)
    conn.execute(f"UPDATE complaints SET {sets} WHERE id = ?", [*values.values(), complaint_id])
    return values


def recompute_open(conn: sqlite3.Connection, at: datetime, severity: str | None = None, *,
                   unclassified: bool = False) -> int:
    """After a target, calendar or default change: open complaints (of ``severity``, or
    without one) get new due times on their running clocks."""
    ctx = SlaContext(conn)
    where = OPEN_SQL + (" AND severity = ?" if severity else "") + (" AND severity IS NULL" if unclassified else "")
    ids = [r[0] for r in conn.execute(f"SELECT id FROM complaints WHERE {where}", (severity,) if severity else ())]
    for cid in ids:
        refresh_sla(conn, cid, at, ctx)
    return len(ids)


def set_default_severity(conn: sqlite3.Connection, severity: str | None, *, actor: str,
                         now: datetime | None = None) -> dict:
    """Time complaints without a severity by ``severity``'s targets ('none': give them no
    clock); open ones get due times at once. The complaints' severity stays empty."""
    from complaintctl.core.taxonomy import validate_code

    now = now or now_utc()
    clear = severity is None or severity.strip().lower() in ("none", "-", "")
    with transaction(conn):
        code = None if clear else validate_code(conn, "severity", severity)
        old = default_severity(conn)
        if old == code:
            return {"default_severity": code, "changed": False, "recomputed": 0}
        if code is None:
            conn.execute("DELETE FROM settings WHERE key = ?", (DEFAULT_SEVERITY_SETTING,))
        else:
            conn.execute("INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE "
                         "SET value = excluded.value", (DEFAULT_SEVERITY_SETTING, code))
        record_event(conn, None, at=to_iso(now), actor=actor, action="setting_changed",
                     field=DEFAULT_SEVERITY_SETTING, old_value=old, new_value=code)
        recomputed = recompute_open(conn, now, unclassified=True)
    return {"default_severity": code, "changed": True, "recomputed": recomputed}


def target_columns(column: str, text: str) -> dict:
    """The severities columns for one target (`respond_target` or `resolve_target`): the
    target as typed, its nominal minutes for SQL readers, and whether it is business time."""
    target = sla.parse_target(text)
    return {column: str(target), column.replace("_target", "_minutes"): sla.nominal_minutes(target),
            "business_time": int(target.business)}


def set_targets(conn: sqlite3.Connection, severity: str, respond: str | None, resolve: str | None, *,
                actor: str, now: datetime | None = None) -> dict:
    from complaintctl.core.taxonomy import validate_code

    now = now or now_utc()
    if respond is None and resolve is None:
        raise InvalidInput("give --respond and/or --resolve", hint="e.g. sla set high --respond 4h --resolve 3d")
    new_respond = sla.parse_target(respond) if respond else None
    new_resolve = sla.parse_target(resolve) if resolve else None
    with transaction(conn):
        code = validate_code(conn, "severity", severity)
        row = conn.execute("SELECT respond_target, resolve_target FROM severities WHERE code = ?", (code,)).fetchone()
        changes = {}
        if new_respond and str(new_respond) != row["respond_target"]:
            changes["respond_target"] = str(new_respond)
        if new_resolve and str(new_resolve) != row["resolve_target"]:
            changes["resolve_target"] = str(new_resolve)
        for column, value in changes.items():
            values = target_columns(column, value)
            sets = ", ".join(f"{k} = ?" for k in values)
            conn.execute(f"UPDATE severities SET {sets} WHERE code = ?", (*values.values(), code))
            record_event(conn, None, at=to_iso(now), actor=actor, action="sla_changed", field=f"{code}.{column}",
                         old_value=row[column], new_value=value)
        recomputed = recompute_open(conn, now, code) if changes else 0
    return {"severity": code, "changes": changes, "recomputed": recomputed}


def sla_table(conn: sqlite3.Connection) -> list[dict]:
    return [dict(r) for r in conn.execute(
        "SELECT code AS severity, label_en, label_zh, respond_target, resolve_target FROM severities "
        "WHERE active = 1 ORDER BY rank")]




# --- escalation ------------------------------------------------------------------------------

def escalate(conn: sqlite3.Connection, complaint_id: int, *, to: str | None, reason: str,
             severity: str | None = None, raise_severity: bool = True, actor: str,
             now: datetime | None = None) -> list:
    """Hand a complaint to a lead and/or raise its severity, with the reason on the timeline."""
    from complaintctl.core.complaints import Change
    from complaintctl.core.queries import get_complaint_row

    now = now or now_utc()
    at = to_iso(now)
    reason = (reason or "").strip()
    if not reason:
        raise InvalidInput("a reason is required", hint='--reason "why it is escalated"')
    changes = []
    with transaction(conn):
        row = get_complaint_row(conn, complaint_id)
        if not is_open(row["status"]):
            raise Refused(f"complaint #{complaint_id} is {row['status']}", hint="reopen it first")
        new_severity = None
        if severity is not None:
            from complaintctl.core.taxonomy import validate_code

            new_severity = validate_code(conn, "severity", severity)
        elif raise_severity:
            ranks = conn.execute("SELECT code, rank FROM severities WHERE active = 1 ORDER BY rank").fetchall()
            current = next((r["rank"] for r in ranks if r["code"] == row["severity"]), None)
            if current is None:
                new_severity = "high" if any(r["code"] == "high" for r in ranks) else ranks[0]["code"]
            else:
                higher = [r["code"] for r in ranks if r["rank"] < current]
                new_severity = higher[-1] if higher else None
        record_event(conn, complaint_id, at=at, actor=actor, action="escalated", note=reason)
        if new_severity and new_severity != row["severity"]:
            conn.execute("UPDATE complaints SET severity = ? WHERE id = ?", (new_severity, complaint_id))
            record_event(conn, complaint_id, at=at, actor=actor, action="escalated", field="severity",
                         old_value=row["severity"], new_value=new_severity, note=reason)
            changes.append(Change("severity", row["severity"], new_severity))
        if to is not None:
            from complaintctl.core.agents import get_agent

            agent = get_agent(conn, to)
            if not agent["active"]:
                raise Refused(f"agent {agent['name']!r} is inactive")
            if agent["name"] != row["assignee"]:
                conn.execute("UPDATE complaints SET assignee = ? WHERE id = ?", (agent["name"], complaint_id))
                record_event(conn, complaint_id, at=at, actor=actor, action="escalated", field="assignee",
                             old_value=row["assignee"], new_value=agent["name"], note=reason)
                changes.append(Change("assignee", row["assignee"], agent["name"]))
        if not changes:
            raise Refused("nothing to escalate: the severity is already the highest and no --to was given",
                          hint="give --to LEAD or --severity LEVEL")
        conn.execute("UPDATE complaints SET escalated_at = ?, escalation_count = escalation_count + 1, "
                     "updated_at = ? WHERE id = ?", (at, at, complaint_id))
        refresh_sla(conn, complaint_id, now)
        notify.on_escalated(conn, complaint_id, at, reason=reason, changes=changes)
    return changes


# --- follow-up -------------------------------------------------------------------------------

def survey(conn: sqlite3.Connection, complaint_id: int, *, score: int, comment: str | None,
           reopen: bool = False, actor: str, now: datetime | None = None) -> dict:
    """Record the customer's satisfaction after resolution; optionally reopen on a bad score."""
    from complaintctl.core.queries import get_complaint_row

    now = now or now_utc()
    at = to_iso(now)
    if not isinstance(score, int) or not 1 <= score <= 5:
        raise InvalidInput(f"score must be 1 to 5, got {score!r}")
    comment = comment.strip() if comment and comment.strip() else None
    with transaction(conn):
        row = get_complaint_row(conn, complaint_id)
        if is_open(row["status"]):
            raise Refused(f"complaint #{complaint_id} is {row['status']}: surveys follow a resolution",
                          hint="resolve or close it first")
        survey_id = conn.execute("INSERT INTO surveys (complaint_id, at, actor, score, comment) VALUES (?, ?, ?, ?, ?)",
                                 (complaint_id, at, actor, score, comment)).lastrowid
        record_event(conn, complaint_id, at=at, actor=actor, action="surveyed", field="score",
                     new_value=score, note=comment)
        reopened = False
        if reopen:
            from complaintctl.core.complaints import reopen_row

            reopen_row(conn, row, actor=actor, now=now,
                       reason=f"customer not satisfied (score {score})" + (f": {comment}" if comment else ""))
            reopened = True
    return {"survey_id": survey_id, "complaint_id": complaint_id, "score": score, "reopened": reopened}


def sweep_days(conn: sqlite3.Connection) -> int:
    return int(conn.execute("SELECT value FROM settings WHERE key = 'sweep_close_resolved_after_days'").fetchone()[0])


def set_sweep_days(conn: sqlite3.Connection, days: int, *, actor: str, now: datetime | None = None) -> None:
    if days < 1:
        raise InvalidInput("--close-after must be at least 1 day")
    with transaction(conn):
        old = sweep_days(conn)
        conn.execute("UPDATE settings SET value = ? WHERE key = 'sweep_close_resolved_after_days'", (str(days),))
        record_event(conn, None, at=to_iso(now or now_utc()), actor=actor, action="setting_changed",
                     field="sweep_close_resolved_after_days", old_value=old, new_value=days)


def sweep(conn: sqlite3.Connection, *, days: int | None = None, dry_run: bool = False, actor: str,
          now: datetime | None = None) -> list[dict]:
    """Close resolved complaints with no follow-up for ``days`` (the setting by default).
    Idempotent: a second run finds nothing left to close."""
    now = now or now_utc()
    at = to_iso(now)
    with transaction(conn):
        days = days if days is not None else sweep_days(conn)
        if days < 1:
            raise InvalidInput("days must be at least 1")
        cutoff = to_iso(now - timedelta(days=days))
        rows = [dict(r) for r in conn.execute(
            "SELECT id, subject, resolved_at, channel FROM complaints c WHERE status = 'resolved' AND resolved_at <= ? "
            "AND NOT EXISTS (SELECT 1 FROM surveys s WHERE s.complaint_id = c.id AND s.at >= c.resolved_at) "
            "ORDER BY resolved_at, id", (cutoff,))]
        if dry_run:
            return rows
        resolution = f"Resolved; closed automatically after {days} days without a follow-up"
        for r in rows:
            conn.execute("UPDATE complaints SET status = 'closed', closed_at = ?, outcome = 'resolved', "
                         "resolution = coalesce(resolution, ?), told_via = channel, updated_at = ? WHERE id = ?",
                         (at, resolution, at, r["id"]))
            record_event(conn, r["id"], at=at, actor=actor, action="closed", field="status", old_value="resolved",
                         new_value="closed", note=resolution)
            refresh_sla(conn, r["id"], now)
    return rows


def get_survey_rows(conn: sqlite3.Connection, complaint_id: int) -> list[dict]:
    rows = [dict(r) for r in conn.execute("SELECT * FROM surveys WHERE complaint_id = ? ORDER BY id", (complaint_id,))]
    if not rows and conn.execute("SELECT 1 FROM complaints WHERE id = ?", (complaint_id,)).fetchone() is None:
        raise NotFound(f"no complaint #{complaint_id}")
    return rows
