"""Keeping complaints from being forgotten: SLA targets and the default severity, escalation,
satisfaction follow-up and the sweep that closes what nobody followed up. (The clocks stored
on complaints are core/sla/due.py.)"""

from __future__ import annotations

from datetime import datetime, timedelta

from complaintctl.core import notify
from complaintctl.core.desk.closing import close_row, reopen_row
from complaintctl.core.insight.queries import get_complaint_row
from complaintctl.core.people.agents import get_agent
from complaintctl.core.record.dates import now_utc, to_iso
from complaintctl.core.record.events import Change, record_event
from complaintctl.core.record.lifecycle import is_open
from complaintctl.core.sla import clock as sla
from complaintctl.core.sla.due import DEFAULT_SEVERITY_SETTING, default_severity, recompute_open, refresh_sla
from complaintctl.core.taxonomy.codes import validate_code
from complaintctl.errors import InvalidInput, Refused
from complaintctl.i18n import L_
from complaintctl.i18n.said import Code, Input, Step
from complaintctl.store.db import transaction
from complaintctl.store.engine import Connection


def set_default_severity(conn: Connection, severity: str | None, *, actor: str,
                         now: datetime | None = None) -> dict:
    """Time complaints without a severity by ``severity``'s targets ('none': give them no
    clock); open ones get due times at once. The complaints' severity stays empty."""
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


def set_targets(conn: Connection, severity: str, respond: str | None, resolve: str | None, *,
                actor: str, now: datetime | None = None) -> dict:
    now = now or now_utc()
    if respond is None and resolve is None:
        raise InvalidInput(L_("give {respond} and/or {resolve}", respond=Input("respond"), resolve=Input("resolve")),
                           hint=L_("e.g. {step}", step=Step("sla set", "high", respond="4h", resolve="3d")))
    new_respond = sla.parse_duration(respond) if respond else None
    new_resolve = sla.parse_duration(resolve) if resolve else None
    with transaction(conn):
        code = validate_code(conn, "severity", severity)
        row = conn.execute("SELECT respond_target, resolve_target FROM severities WHERE code = ?", (code,)).fetchone()
        changes = {}
        if new_respond and str(new_respond) != row["respond_target"]:
            changes["respond_target"] = str(new_respond)
        if new_resolve and str(new_resolve) != row["resolve_target"]:
            changes["resolve_target"] = str(new_resolve)
        for column, value in changes.items():
            values = sla.target_columns(column, value)
            sets = ", ".join(f"{k} = ?" for k in values)
            conn.execute(f"UPDATE severities SET {sets} WHERE code = ?", (*values.values(), code))
            record_event(conn, None, at=to_iso(now), actor=actor, action="sla_changed", field=f"{code}.{column}",
                         old_value=row[column], new_value=value)
        recomputed = recompute_open(conn, now, code) if changes else 0
    return {"severity": code, "changes": changes, "recomputed": recomputed}


def sla_table(conn: Connection) -> list[dict]:
    return [dict(r) for r in conn.execute(
        "SELECT code AS severity, label_en, label_zh, respond_target, resolve_target FROM severities "
        "WHERE active = 1 ORDER BY rank")]


# --- escalation ------------------------------------------------------------------------------

def escalate(conn: Connection, complaint_id: int, *, to: str | None, reason: str,
             severity: str | None = None, raise_severity: bool = True, actor: str,
             now: datetime | None = None) -> list:
    """Hand a complaint to a lead and/or raise its severity, with the reason on the timeline."""
    now = now or now_utc()
    at = to_iso(now)
    reason = (reason or "").strip()
    if not reason:
        raise InvalidInput(L_("a reason is required"), hint=L_('{reason} "why it is escalated"', reason=Input("reason")))
    changes = []
    with transaction(conn):
        row = get_complaint_row(conn, complaint_id)
        if not is_open(row["status"]):
            raise Refused(L_("complaint #{id} is {status}", id=complaint_id, status=Code("status", row["status"])),
                          hint=L_("reopen it first"))
        new_severity = None
        if severity is not None:
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
            agent = get_agent(conn, to)
            if not agent["active"]:
                raise Refused(L_("agent {name!r} is inactive", name=agent["name"]))
            if agent["name"] != row["assignee"]:
                conn.execute("UPDATE complaints SET assignee = ? WHERE id = ?", (agent["name"], complaint_id))
                record_event(conn, complaint_id, at=at, actor=actor, action="escalated", field="assignee",
                             old_value=row["assignee"], new_value=agent["name"], note=reason)
                changes.append(Change("assignee", row["assignee"], agent["name"]))
        if not changes:
            raise Refused(L_("nothing to escalate: the severity is already the highest and no {to} was given", to=Input("to")),
                          hint=L_("give {to} LEAD or {severity} LEVEL", to=Input("to"), severity=Input("severity")))
        conn.execute("UPDATE complaints SET escalated_at = ?, escalation_count = escalation_count + 1, "
                     "updated_at = ? WHERE id = ?", (at, at, complaint_id))
        refresh_sla(conn, complaint_id, now)
        notify.on_escalated(conn, complaint_id, at, reason=reason, changes=changes)
    return changes


# --- follow-up -------------------------------------------------------------------------------

def survey(conn: Connection, complaint_id: int, *, score: int, comment: str | None,
           reopen: bool = False, actor: str, now: datetime | None = None) -> dict:
    """Record the customer's satisfaction after resolution; optionally reopen on a bad score."""
    now = now or now_utc()
    at = to_iso(now)
    if not isinstance(score, int) or not 1 <= score <= 5:
        raise InvalidInput(L_("score must be 1 to 5, got {score!r}", score=score))
    comment = comment.strip() if comment and comment.strip() else None
    with transaction(conn):
        row = get_complaint_row(conn, complaint_id)
        if is_open(row["status"]):
            raise Refused(L_("complaint #{id} is {status}: surveys follow a resolution", id=complaint_id,
                             status=Code("status", row["status"])), hint=L_("resolve or close it first"))
        survey_id = conn.execute("INSERT INTO surveys (complaint_id, at, actor, score, comment) VALUES (?, ?, ?, ?, ?) "
                                 "RETURNING id", (complaint_id, at, actor, score, comment)).fetchone()[0]
        record_event(conn, complaint_id, at=at, actor=actor, action="surveyed", field="score",
                     new_value=score, note=comment)
        reopened = False
        if reopen:
            reopen_row(conn, row, actor=actor, now=now,
                       reason=f"customer not satisfied (score {score})" + (f": {comment}" if comment else ""))
            reopened = True
    return {"survey_id": survey_id, "complaint_id": complaint_id, "score": score, "reopened": reopened}


def sweep_days(conn: Connection) -> int:
    return int(conn.execute("SELECT value FROM settings WHERE key = 'sweep_close_resolved_after_days'").fetchone()[0])


def set_sweep_days(conn: Connection, days: int, *, actor: str, now: datetime | None = None) -> None:
    if days < 1:
        raise InvalidInput(L_("{close_after} must be at least 1 day", close_after=Input("close_after")))
    with transaction(conn):
        old = sweep_days(conn)
        conn.execute("UPDATE settings SET value = ? WHERE key = 'sweep_close_resolved_after_days'", (str(days),))
        record_event(conn, None, at=to_iso(now or now_utc()), actor=actor, action="setting_changed",
                     field="sweep_close_resolved_after_days", old_value=old, new_value=days)


def sweep(conn: Connection, *, days: int | None = None, dry_run: bool = False, actor: str,
          now: datetime | None = None) -> list[dict]:
    """Close resolved complaints with no follow-up for ``days`` (the setting by default).
    Idempotent: a second run finds nothing left to close."""
    now = now or now_utc()
    with transaction(conn):
        days = days if days is not None else sweep_days(conn)
        if days < 1:
            raise InvalidInput(L_("days must be at least 1"))
        cutoff = to_iso(now - timedelta(days=days))
        rows = [dict(r) for r in conn.execute(
            "SELECT id, subject, resolved_at, channel FROM complaints c WHERE status = 'resolved' AND resolved_at <= ? "
            "AND NOT EXISTS (SELECT 1 FROM surveys s WHERE s.complaint_id = c.id AND s.at >= c.resolved_at) "
            "ORDER BY resolved_at, id", (cutoff,))]
        if dry_run:
            return rows
        resolution = f"Resolved; closed automatically after {days} days without a follow-up"
        for r in rows:  # closed as `close` closes: the same fields, events, time checks and clocks
            row = get_complaint_row(conn, r["id"])
            close_row(conn, row, outcome="resolved", resolution=row["resolution"] or resolution, actor=actor, now=now)
    return rows
