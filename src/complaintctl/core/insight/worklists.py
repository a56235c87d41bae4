"""What needs doing now: overdue complaints, every running SLA clock, follow-ups waiting.

Each function returns ``{"rows": [...], "total": N, ...}``: at most ``limit`` rows (None or 0
for all), chosen most urgent first, and how many there are in all, so that a table can show
a hundred and say how many more there are without fetching them.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from complaintctl.core.record.dates import from_iso, now_utc, to_iso
from complaintctl.core.record.lifecycle import OPEN_SQL_C, is_open
from complaintctl.core.sla import clock as sla
from complaintctl.core.sla.due import SlaContext, load_calendar, status_changes
from complaintctl.errors import InvalidInput
from complaintctl.i18n import L_
from complaintctl.i18n.said import Input
from complaintctl.store.engine import Connection
from complaintctl.store.paging import limit_clause

# The clock a complaint is racing: the first response while none was made and it falls due
# first, else the resolution. Written once, used by overdue and sla status alike.
_RESPOND_FIRST = ("c.first_response_at IS NULL AND c.respond_due_at IS NOT NULL "
                  "AND (c.resolve_due_at IS NULL OR c.respond_due_at <= c.resolve_due_at)")
CLOCK_SQL = f"CASE WHEN {_RESPOND_FIRST} THEN 'respond' ELSE 'resolve' END"
DUE_AT_SQL = f"CASE WHEN {_RESPOND_FIRST} THEN c.respond_due_at ELSE c.resolve_due_at END"
# Open, spelled exactly as the partial indexes on the due times are (core/record/lifecycle.py), so that
# SQLite reads only the open complaints, not the whole table.
_UNFINISHED = OPEN_SQL_C
_DUE_COLUMNS = f"""c.id, c.subject, c.severity, c.status, c.assignee, c.received_at, c.respond_due_at,
    c.resolve_due_at, c.first_response_at, c.paused_since, c.customer_id, {CLOCK_SQL} AS clock,
    {DUE_AT_SQL} AS due_at"""
# A waiting complaint's clock is stopped, unless its deadline had passed when the pause began:
# then it is late, waiting or not (sla.pause_holds says the same in Python).
CLOCK_RUNS_SQL = f"(c.status <> 'waiting' OR (c.paused_since > ({DUE_AT_SQL})) IS TRUE)"
# Open complaints with no clock at all: no severity, and no default severity (`sla default`).
_UNTIMED = f"{_UNFINISHED} AND c.respond_due_at IS NULL AND c.resolve_due_at IS NULL"


def _due_rows(conn: Connection, where: str, params: dict, order: str, limit: int | None) -> list[dict]:
    """The first ``limit`` unfinished complaints matching ``where`` in ``order``, with their
    clock, due time and customer's name (joined after the cut: for a hundred rows, not all)."""
    return [dict(r) for r in conn.execute(
        f"""SELECT d.*, cu.name AS customer_name FROM (
              SELECT {_DUE_COLUMNS} FROM complaints c WHERE {where} ORDER BY {order} {limit_clause(limit)}) d
            LEFT JOIN customers cu ON cu.id = d.customer_id ORDER BY {order.replace("c.id", "d.id")}""", params)]


FOLLOWUP_DAYS = 14  # resolved within the last two weeks: what the sweep has not closed yet by default


def _mark(row: dict, now: datetime) -> dict:
    """State and minutes left of a row that has its clock and due time."""
    due = row["due_at"]
    if due is None:
        row.update(clock=None, state="no_target", minutes_left=None)
        return row
    row["state"] = "overdue" if due < to_iso(now) else "due_soon"
    row["minutes_left"] = int((from_iso(due) - now).total_seconds() // 60)
    return row


def _by_assignee(rows: list[dict]) -> list[dict]:
    rows.sort(key=lambda r: (r["assignee"] is None, r["assignee"] or "", r["due_at"] or "", r["id"]))
    return rows


def _horizon(conn: Connection, moment: datetime, within: sla.Target | None) -> str:
    """Where "due within" ends: ``within`` after ``moment``, business time (``4bh``, ``2bd``)
    counted on the team's calendar as the SLA clocks count it."""
    if within is None:
        return to_iso(moment)
    return to_iso(sla.add_target(moment, within, load_calendar(conn) if within.business else None))


def overdue(conn: Connection, *, within: sla.Target | None = None, now: datetime | None = None,
            as_of: datetime | None = None, mine: str | None = None, limit: int | None = None) -> dict:
    """Open complaints past a due time, and those due within ``within`` (a duration read by
    sla.parse_duration): the ``limit`` most urgent, grouped by assignee. ``total`` counts them
    all, ``overdue`` those already late. With ``as_of``, the state at that moment is replayed
    from the event log; with ``mine`` (the actor), only those assigned to the agent they are."""
    me = None
    if mine is not None:
        from complaintctl.core.people.agents import agent_of_actor

        me = agent_of_actor(conn, mine, active=False)
    if as_of is not None:
        replayed = _replayed(conn, as_of, _horizon(conn, as_of, within))
        rows = [r for r in _classify_due(replayed, as_of) if me is None or r["assignee"] == me]
        rows.sort(key=lambda r: (r["due_at"], r["id"]))
        late = sum(r["state"] == "overdue" for r in rows)
        return {"rows": _by_assignee(rows[:limit] if limit else rows), "total": len(rows), "overdue": late}
    now = now or now_utc()
    mine_sql = " AND c.assignee = :me" if me else ""
    where = f"{_UNFINISHED} AND {CLOCK_RUNS_SQL} AND ({DUE_AT_SQL}) <= :h" + mine_sql
    params = {"h": _horizon(conn, now, within), "now": to_iso(now), "me": me}
    total, late = conn.execute(
        f"SELECT count(*), coalesce(sum(({DUE_AT_SQL}) < :now), 0) FROM complaints c WHERE {where}", params).fetchone()
    rows = _by_assignee([_mark(r, now) for r in _due_rows(conn, where, params, "due_at, c.id", limit)])
    # no clock is no excuse: open complaints without one are listed after, as such
    untimed = conn.execute(f"SELECT count(*) FROM complaints c WHERE {_UNTIMED}{mine_sql}", params).fetchone()[0]
    if untimed:
        rows += [_mark(r, now) for r in _due_rows(conn, _UNTIMED + mine_sql, params, "received_at, c.id", limit)]
    return {"rows": rows, "total": total, "overdue": late, "no_sla": untimed}


def sla_status(conn: Connection, *, now: datetime | None = None, as_of: datetime | None = None,
               limit: int | None = None) -> dict:
    """Every open complaint's running clock (or pause) now, or replayed at ``as_of``; the
    ``limit`` due soonest first, those without a target last."""
    if as_of is not None:
        rows = _classify_due(_replayed(conn, as_of, None, include_paused=True), as_of)
    else:
        now = now or now_utc()
        total = conn.execute(f"SELECT count(*) FROM complaints c WHERE {_UNFINISHED}").fetchone()[0]
        rows = [_mark(r, now) for r in _due_rows(conn, _UNFINISHED, {}, "due_at NULLS LAST, c.id", limit)]
    for r in rows:
        if sla.pause_holds(r["status"], r.get("paused_since"), r["due_at"]):
            r["state"] = "paused"
        elif r["state"] == "due_soon":
            r["state"] = "on_time"
    if as_of is not None:
        rows.sort(key=lambda r: (r["due_at"] is None, r["due_at"] or "", r["id"]))
        total = len(rows)
        rows = rows[:limit] if limit else rows
    return {"rows": rows, "total": total}


def _classify_due(rows: list[dict], now: datetime) -> list[dict]:
    """Rows replayed in Python: pick the clock as CLOCK_SQL does, then mark them."""
    for r in rows:
        r["clock"], r["due_at"] = sla.current_clock(r["first_response_at"], r["respond_due_at"], r["resolve_due_at"])
        _mark(r, now)
    return rows


def _replayed(conn: Connection, as_of: datetime, horizon: str | None,
              include_paused: bool = False) -> list[dict]:
    """Open complaints as they stood at ``as_of`` (status, severity, assignee and due times
    replayed from the event log); without ``include_paused``, only those due by ``horizon``."""
    ctx = SlaContext(conn)
    t = to_iso(as_of)
    rows = []
    for row in conn.execute(
            "SELECT c.*, cu.name AS customer_name FROM complaints c LEFT JOIN customers cu ON cu.id = c.customer_id "
            "WHERE c.received_at <= ?", (t,)):
        changes = [c for c in status_changes(conn, row["id"]) if c[0] <= as_of]
        status = changes[-1][2] if changes else "new"
        if not is_open(status):
            continue
        severity = _value_as_of(conn, row["id"], "severity", as_of, row["severity"])
        respond, resolve = ctx.targets.get(severity, (None, None))
        first = row["first_response_at"] if row["first_response_at"] and row["first_response_at"] <= t else None
        state = sla.compute_state(
            received_at=from_iso(row["received_at"]), respond=respond, resolve=resolve, status_changes=changes,
            first_response_at=from_iso(first) if first else None, resolved_at=None, cal=ctx.calendar, as_of=as_of)
        assignee = _value_as_of(conn, row["id"], "assignee", as_of, row["assignee"])
        rows.append({"id": row["id"], "subject": row["subject"], "severity": severity, "status": status,
                     "assignee": assignee, "received_at": row["received_at"],
                     "respond_due_at": to_iso(state.respond_due_at) if state.respond_due_at else None,
                     "resolve_due_at": to_iso(state.resolve_due_at) if state.resolve_due_at else None,
                     "first_response_at": first, "customer_name": row["customer_name"],
                     "paused_since": to_iso(state.paused_since) if state.paused_since else None})
    if include_paused:
        return rows
    rows = [r for r in rows if not sla.pause_holds(r["status"], r["paused_since"], sla.current_clock(
        r["first_response_at"], r["respond_due_at"], r["resolve_due_at"])[1])]
    return [r for r in rows if (r["first_response_at"] is None and r["respond_due_at"] and r["respond_due_at"] <= horizon)
            or (r["resolve_due_at"] and r["resolve_due_at"] <= horizon)]


def _value_as_of(conn: Connection, complaint_id: int, field: str, as_of: datetime, current):
    """A field's value at ``as_of``: the old value of the first change after it, else current."""
    row = conn.execute("SELECT old_value FROM events WHERE complaint_id = ? AND field = ? AND at > ? ORDER BY id LIMIT 1",
                       (complaint_id, field, to_iso(as_of))).fetchone()
    return row[0] if row else current


def followups(conn: Connection, *, days: int = FOLLOWUP_DAYS, now: datetime | None = None,
              limit: int | None = None) -> dict:
    """Complaints resolved within the last ``days`` (0: ever) that had no survey since
    their resolution; most urgent first: the longest waiting, which leave the window soonest."""
    now = now or now_utc()
    if days < 0:
        raise InvalidInput(L_("{days} must be 0 (every resolved complaint) or more", days=Input("days")))
    since = to_iso(now - timedelta(days=days)) if days else "0000"
    where = f"""c.resolved_at >= :since AND NOT ({OPEN_SQL_C})
          AND coalesce(c.outcome, 'resolved') = 'resolved'
          AND NOT EXISTS (SELECT 1 FROM surveys s WHERE s.complaint_id = c.id AND s.at >= c.resolved_at)"""
    total = conn.execute(f"SELECT count(*) FROM complaints c WHERE {where}", {"since": since}).fetchone()[0]
    rows = [dict(r) for r in conn.execute(
        f"""SELECT c.id, c.subject, c.status, c.assignee, c.resolved_at, cu.name AS customer_name,
               cu.email AS customer_email, cu.phone AS customer_phone,
               round(julianday(:now) - julianday(c.resolved_at), 1) AS days_since_resolved
        FROM complaints c LEFT JOIN customers cu ON cu.id = c.customer_id
        WHERE {where} ORDER BY c.resolved_at, c.id {limit_clause(limit)}""", {"since": since, "now": to_iso(now)})]
    return {"rows": rows, "total": total, "days": days}
