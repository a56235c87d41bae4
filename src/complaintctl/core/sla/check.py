"""`sla check`: the stored SLA state against the event log it was computed from."""

from __future__ import annotations

from complaintctl.core.record.dates import from_iso
from complaintctl.core.record.lifecycle import OPEN_SQL, is_open
from complaintctl.core.sla.due import SlaContext, state_for, stopped_clocks, stored_values
from complaintctl.i18n import L_
from complaintctl.i18n.said import Step
from complaintctl.store.engine import Connection


def check_sla(conn: Connection) -> list[dict]:
    """Recompute open complaints' running clocks from their events and compare with what is
    stored; for stopped clocks (a verdict given), check that the verdict agrees with the due
    time stored with it. Events are read for a thousand complaints at a time (two queries,
    not two per complaint)."""
    ctx = SlaContext(conn)
    problems = _check_verdicts(conn)
    fields = ("respond_due_at", "resolve_due_at", "responded_late", "resolved_late", "paused_since")
    cursor = conn.execute(f"SELECT * FROM complaints WHERE {OPEN_SQL} ORDER BY id")
    while rows := cursor.fetchmany(1000):
        ids = [r["id"] for r in rows]
        marks = ", ".join("?" * len(ids))
        last = dict(conn.execute(
            f"SELECT complaint_id, max(at) FROM events WHERE complaint_id IN ({marks}) GROUP BY complaint_id", ids))
        changes: dict[int, list] = {}
        unreadable: set[int] = set()  # an event time edited by hand: that complaint cannot be replayed
        for cid, at, old, new in conn.execute(
                f"SELECT complaint_id, at, old_value, new_value FROM events WHERE complaint_id IN ({marks}) "
                "AND field = 'status' ORDER BY complaint_id, id", ids):
            try:
                changes.setdefault(cid, []).append((from_iso(at), old, new))
            except ValueError:
                unreadable.add(cid)
        for row in rows:
            moment = last.get(row["id"]) or row["received_at"]
            try:
                if row["id"] in unreadable:
                    raise ValueError("an event time is not ISO")
                expected = stored_values(state_for(conn, row, ctx, from_iso(moment), changes.get(row["id"], [])))
            except ValueError:  # a time edited by hand into another form: say so, check the rest
                problems.append({"id": row["id"], "field": "received_at", "stored": row["received_at"],
                                 "expected": L_("times as UTC ISO-8601 text (see {check})", check=Step("check"))})
                continue
            expected.update(stopped_clocks(row))
            for name in fields:
                if row[name] != expected[name]:
                    problems.append({"id": row["id"], "field": name, "stored": row[name], "expected": expected[name]})
    return sorted(problems, key=lambda p: p["id"])


def _check_verdicts(conn: Connection) -> list[dict]:
    """Each verdict agrees with the due time stored with it; a finished complaint has a verdict
    wherever it has a due time and the time it was met or missed."""
    problems = []
    for cid, status, *values in conn.execute(
            "SELECT id, status, first_response_at, respond_due_at, responded_late, resolved_at, resolve_due_at, "
            "resolved_late FROM complaints WHERE responded_late IS NOT NULL OR resolved_late IS NOT NULL "
            f"OR NOT ({OPEN_SQL}) ORDER BY id"):
        for (done, due, flag), name in zip((values[0:3], values[3:6]), ("responded_late", "resolved_late"),
                                           strict=True):
            if done and due and (flag is not None or not is_open(status)) and flag != int(done > due):
                problems.append({"id": cid, "field": name, "stored": flag, "expected": int(done > due)})
    return problems
