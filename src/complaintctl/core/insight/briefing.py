"""What a manager asks of the weekly report first: what needs attention now and who has it,
how this week compares with the weeks before it, the SLA against the team's goal, and
whether the period is still running. Plain data; render/ draws it."""

from __future__ import annotations

from datetime import datetime

from complaintctl.core.record.dates import now_utc, to_iso
from complaintctl.core.record.events import record_event
from complaintctl.core.sla import clock as sla
from complaintctl.errors import InvalidInput
from complaintctl.numbers import round_half_up
from complaintctl.store.db import transaction
from complaintctl.store.engine import Connection

GOAL_KEY = "sla_goal_pct"
DEFAULT_GOAL = 90.0
ATTENTION_WITHIN = sla.Target(24, "h")
ATTENTION_LIMIT = 20


def sla_goal(conn: Connection) -> float:
    """The share of clocks the team means to meet on time (the SLA goal, in percent)."""
    row = conn.execute("SELECT value FROM settings WHERE key = ?", (GOAL_KEY,)).fetchone()
    return float(row[0]) if row else DEFAULT_GOAL


def set_sla_goal(conn: Connection, pct: float, *, actor: str, now: datetime | None = None) -> float:
    if not 0 < pct <= 100:
        raise InvalidInput(f"an SLA goal is a percentage above 0 and at most 100, not {pct:g}")
    with transaction(conn):
        old = sla_goal(conn)
        conn.execute("INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                     (GOAL_KEY, f"{pct:g}"))
        record_event(conn, None, at=to_iso(now or now_utc()), actor=actor, action="setting_changed",
                     field=GOAL_KEY, old_value=f"{old:g}", new_value=f"{pct:g}")
    return pct


def agent_names(conn: Connection) -> dict[str, str]:
    """Login name -> full name, for the agents that have one."""
    return {name: full for name, full in conn.execute("SELECT name, full_name FROM agents WHERE full_name <> ''")}


def needs_attention(conn: Connection, now: datetime, *, within: sla.Target = ATTENTION_WITHIN,
                    limit: int = ATTENTION_LIMIT) -> dict:
    """Open complaints overdue or due within ``within`` at ``now`` (the ``limit`` most urgent),
    oldest first, with who has them; ``no_sla`` counts the open complaints no clock times, which
    are neither overdue nor due and so are not among the rows (the SLA block shows them)."""
    from complaintctl.core.insight.worklists import overdue

    found = overdue(conn, within=within, now=now, limit=limit)
    names = agent_names(conn)
    # overdue() lists the untimed after the timed ones: they are not urgent, only unclocked
    timed = [r for r in found["rows"] if r["due_at"] is not None][:limit]
    rows = sorted(timed, key=lambda r: (r["received_at"], r["id"]))
    keep = ("id", "subject", "severity", "status", "assignee", "clock", "due_at", "state", "minutes_left",
            "received_at", "customer_name")
    return {"as_of": to_iso(now), "within_hours": sla.nominal_minutes(within) / 60, "total": found["total"],
            "overdue": found["overdue"], "no_sla": found.get("no_sla", 0),
            "rows": [{**{k: r.get(k) for k in keep}, "assignee_name": names.get(r["assignee"])} for r in rows]}


def sla_by_severity(conn: Connection, finished: dict[str | None, dict]) -> list[dict]:
    """Each active severity's targets (as set now) beside the compliance of the clocks that
    finished in the period (``finished``: period_facts.compliance_by_severity)."""
    rows = []
    for r in conn.execute("SELECT code AS severity, label_en, label_zh, respond_target, resolve_target "
                          "FROM severities WHERE active = 1 ORDER BY rank"):
        d = dict(r)
        counts = finished.get(d["severity"], {})
        for clock in ("response", "resolution"):
            total, met = counts.get(f"{clock}_total") or 0, counts.get(f"{clock}_met") or 0
            d.update({f"{clock}_total": total, f"{clock}_met": met,
                      f"{clock}_pct": round_half_up(100.0 * met / total, 1) if total else None})
        rows.append(d)
    return rows


def running(start: datetime, end: datetime, now: datetime) -> dict | None:
    """When ``now`` is inside the period: how much of it has passed (figures are partial)."""
    if not start <= now < end:
        return None
    return {"elapsed_pct": round_half_up(100.0 * (now - start) / (end - start), 1), "as_of": to_iso(now)}
