"""Migration 004: tracking. Released: never edit; a change is a new migration."""

from __future__ import annotations

from complaintctl import seed
from complaintctl.store.engine import Connection


def apply(conn: Connection) -> None:
    """SLA clocks, business calendar, escalation, satisfaction surveys, sweep settings."""
    conn.execute("ALTER TABLE severities ADD COLUMN respond_target TEXT NOT NULL DEFAULT '1d'")
    conn.execute("ALTER TABLE severities ADD COLUMN resolve_target TEXT NOT NULL DEFAULT '5d'")
    for code, respond, resolve in seed.SLA_TARGETS:
        conn.execute("UPDATE severities SET respond_target = ?, resolve_target = ? WHERE code = ?",
                     (respond, resolve, code))
    for column, kind in [
        ("respond_due_at", "TEXT"), ("resolve_due_at", "TEXT"),
        ("responded_late", "INTEGER CHECK (responded_late IN (0, 1))"),
        ("resolved_late", "INTEGER CHECK (resolved_late IN (0, 1))"),
        ("paused_since", "TEXT"), ("paused_minutes", "INTEGER NOT NULL DEFAULT 0"),
        ("escalated_at", "TEXT"), ("escalation_count", "INTEGER NOT NULL DEFAULT 0"),
    ]:
        conn.execute(f"ALTER TABLE complaints ADD COLUMN {column} {kind}")
    conn.execute("CREATE INDEX complaints_respond_due ON complaints(respond_due_at) "
                 "WHERE first_response_at IS NULL AND status NOT IN ('resolved', 'closed')")
    conn.execute("CREATE INDEX complaints_resolve_due ON complaints(resolve_due_at) "
                 "WHERE status NOT IN ('resolved', 'closed')")
    conn.execute(
        """
        CREATE TABLE sla_calendar (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            enabled INTEGER NOT NULL DEFAULT 0 CHECK (enabled IN (0, 1)),
            timezone TEXT NOT NULL DEFAULT 'UTC',
            workdays TEXT NOT NULL DEFAULT 'mon,tue,wed,thu,fri',
            day_start TEXT NOT NULL DEFAULT '09:00',
            day_end TEXT NOT NULL DEFAULT '18:00'
        ) STRICT
        """
    )
    conn.execute("INSERT INTO sla_calendar (id) VALUES (1)")
    conn.execute(
        """
        CREATE TABLE sla_calendar_days (
            day TEXT PRIMARY KEY CHECK (date(day) = day),
            kind TEXT NOT NULL CHECK (kind IN ('holiday', 'workday')),
            note TEXT
        ) STRICT
        """
    )
    conn.execute(
        """
        CREATE TABLE surveys (
            id INTEGER PRIMARY KEY,
            complaint_id INTEGER NOT NULL REFERENCES complaints(id),
            at TEXT NOT NULL,
            actor TEXT NOT NULL,
            score INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
            comment TEXT
        ) STRICT
        """
    )
    conn.execute("CREATE INDEX surveys_complaint ON surveys(complaint_id)")
    conn.execute("CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT")
    conn.execute("INSERT INTO settings (key, value) VALUES ('sweep_close_resolved_after_days', '14')")
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
                WHEN c.status = 'waiting' THEN 'paused'
                WHEN c.resolve_due_at < strftime('%Y-%m-%dT%H:%M:%SZ', 'now') THEN 'resolve_overdue'
                WHEN c.first_response_at IS NULL
                     AND c.respond_due_at < strftime('%Y-%m-%dT%H:%M:%SZ', 'now') THEN 'respond_overdue'
                WHEN c.respond_due_at IS NULL AND c.resolve_due_at IS NULL THEN 'no_target'
                ELSE 'on_time'
            END AS sla_state,
            round((julianday(CASE WHEN c.first_response_at IS NULL THEN c.respond_due_at
                                  ELSE c.resolve_due_at END) - julianday('now')) * 24, 2) AS hours_left
        FROM complaints c
        """
    )

