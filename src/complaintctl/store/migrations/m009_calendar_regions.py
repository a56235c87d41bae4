"""Migration 009: calendar regions. Released: never edit; a change is a new migration."""

from __future__ import annotations

from complaintctl.store.engine import Connection


def apply(conn: Connection) -> None:
    """Calendars loaded from a country's or region's public holidays, and a time zone that can be
    unset (NULL: the machine's own) so that it can also be the team's zone for display."""
    conn.execute(
        """
        CREATE TABLE sla_calendar_new (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            enabled INTEGER NOT NULL DEFAULT 0 CHECK (enabled IN (0, 1)),
            timezone TEXT,
            workdays TEXT NOT NULL DEFAULT 'mon,tue,wed,thu,fri',
            day_start TEXT NOT NULL DEFAULT '09:00',
            day_end TEXT NOT NULL DEFAULT '18:00',
            region TEXT
        ) STRICT
        """
    )
    # 'UTC' was the default: keep it only where someone chose it.
    conn.execute(
        """
        INSERT INTO sla_calendar_new (id, enabled, timezone, workdays, day_start, day_end)
        SELECT id, enabled,
               CASE WHEN timezone = 'UTC' AND NOT EXISTS (SELECT 1 FROM events WHERE action = 'calendar_changed'
                    AND field = 'timezone') THEN NULL ELSE timezone END,
               workdays, day_start, day_end
        FROM sla_calendar
        """
    )
    conn.execute("DROP TABLE sla_calendar")
    conn.execute("ALTER TABLE sla_calendar_new RENAME TO sla_calendar")
    conn.execute("ALTER TABLE sla_calendar_days ADD COLUMN source TEXT")  # NULL: typed by a person
    conn.execute(
        """
        CREATE TABLE sla_calendar_years (
            year INTEGER PRIMARY KEY,
            region TEXT NOT NULL,
            basis TEXT NOT NULL CHECK (basis IN ('published', 'rules', 'estimated')),
            source TEXT NOT NULL,
            loaded_at TEXT NOT NULL
        ) STRICT
        """
    )

