"""Migration 005: reporting. Released: never edit; a change is a new migration."""

from __future__ import annotations

from complaintctl.store.engine import Connection


def apply(conn: Connection) -> None:
    """Indexes for the report windows, and a weekly summary view for dashboards."""
    for column in ("first_response_at", "resolved_at", "closed_at"):
        conn.execute(f"CREATE INDEX complaints_{column} ON complaints({column}) WHERE {column} IS NOT NULL")
    conn.execute("CREATE INDEX events_action_at ON events(action, at)")
    conn.execute("CREATE INDEX surveys_at ON surveys(at)")
    conn.execute(
        """
        CREATE VIEW weekly_summary AS
        WITH facts AS (
            SELECT date(received_at, '-6 days', 'weekday 1') AS week_start, 1 AS received, 0 AS responded,
                   0 AS resolved, 0 AS closed, NULL AS response_late, NULL AS resolution_late
            FROM complaints
            UNION ALL
            SELECT date(first_response_at, '-6 days', 'weekday 1'), 0, 1, 0, 0, responded_late, NULL
            FROM complaints WHERE first_response_at IS NOT NULL
            UNION ALL
            SELECT date(resolved_at, '-6 days', 'weekday 1'), 0, 0, 1, 0, NULL, resolved_late
            FROM complaints WHERE resolved_at IS NOT NULL
            UNION ALL
            SELECT date(closed_at, '-6 days', 'weekday 1'), 0, 0, 0, 1, NULL, NULL
            FROM complaints WHERE closed_at IS NOT NULL
        )
        SELECT
            strftime('%Y', week_start, '+3 days') || '-W'
                || printf('%02d', (CAST(strftime('%j', week_start, '+3 days') AS INTEGER) + 6) / 7) AS week,
            week_start,
            sum(received) AS received,
            sum(responded) AS responded,
            sum(resolved) AS resolved,
            sum(closed) AS closed,
            sum(response_late = 0) AS response_sla_met,
            count(response_late) AS response_sla_total,
            sum(resolution_late = 0) AS resolution_sla_met,
            count(resolution_late) AS resolution_sla_total
        FROM facts
        GROUP BY week_start
        ORDER BY week_start
        """
    )

