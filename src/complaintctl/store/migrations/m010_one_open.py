"""Migration 010: one open. Released: never edit; a change is a new migration."""

from __future__ import annotations

from complaintctl.store.engine import Connection


def apply(conn: Connection) -> None:
    """"Open" has one meaning: new, acknowledged, investigating or waiting (core/record/lifecycle.py);
    a resolved complaint is not open. A waiting complaint whose deadline had passed when the
    pause began is late, not paused (core/sla/clock.py pause_holds)."""
    conn.execute("UPDATE statuses SET is_open = 0 WHERE code IN ('resolved', 'closed')")
    conn.execute("DROP VIEW complaint_sla")
    conn.execute(
        """
        CREATE VIEW complaint_sla AS
        SELECT
            c.id,
            c.severity,
            c.status,
            c.assignee,
            c.received_at,
            c.respond_due_at,
            c.first_response_at,
            c.responded_late,
            c.resolve_due_at,
            c.resolved_at,
            c.resolved_late,
            c.paused_since,
            CASE
                WHEN c.status = 'closed' OR c.status = 'resolved' THEN 'done'
                WHEN c.respond_due_at IS NULL AND c.resolve_due_at IS NULL THEN 'no_target'
                WHEN c.status = 'waiting' AND NOT (coalesce(c.paused_since, '') > coalesce(CASE
                     WHEN c.first_response_at IS NULL THEN min(coalesce(c.respond_due_at, c.resolve_due_at),
                     coalesce(c.resolve_due_at, c.respond_due_at)) ELSE c.resolve_due_at END, '')) THEN 'paused'
                WHEN c.resolve_due_at < strftime('%Y-%m-%dT%H:%M:%SZ', 'now') THEN 'resolve_overdue'
                WHEN c.first_response_at IS NULL
                     AND c.respond_due_at < strftime('%Y-%m-%dT%H:%M:%SZ', 'now') THEN 'respond_overdue'
                ELSE 'on_time'
            END AS sla_state,
            round((julianday(CASE WHEN c.first_response_at IS NULL THEN c.respond_due_at
                                  ELSE c.resolve_due_at END) - julianday('now')) * 24, 2) AS hours_left
        FROM complaints c
        """
    )

