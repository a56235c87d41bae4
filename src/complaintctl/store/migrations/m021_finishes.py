"""Migration 021: finishes. Released: never edit; a change is a new migration."""

from __future__ import annotations

from complaintctl.store.engine import Connection


def apply(conn: Connection) -> None:
    """What a finished period's report counts, in plain SQL (docs/reports.md):

    - ``finishes``: one row for every time a complaint was resolved or closed: the standing ones,
      and those a reopen undid, from the times and verdict the reopen kept in its events;
    - ``weekly_summary`` counts those, in the weeks of the local time of whoever asks (the team's
      zone through `complaintctl sql`, as `report weekly` counts them; it counted UTC weeks);
    - ``events_severity_changes``: the few events that changed a severity, by time, so that the
      backlog a period ended with is known to have had no severity (no SLA clock) then without
      reading the events of every complaint in it."""
    conn.execute(
        """
        CREATE VIEW finishes AS
        SELECT id AS complaint_id, resolved_at, resolved_late, closed_at, NULL AS reopened_at
        FROM complaints WHERE resolved_at IS NOT NULL OR closed_at IS NOT NULL
        UNION ALL
        SELECT complaint_id,
               max(CASE WHEN field = 'resolved_at' THEN old_value END),
               max(CASE WHEN field = 'resolved_late' THEN CAST(old_value AS INTEGER) END),
               max(CASE WHEN field = 'closed_at' THEN old_value END),
               at
        FROM events WHERE action = 'reopened' AND field IN ('resolved_at', 'resolved_late', 'closed_at')
        GROUP BY complaint_id, at
        """
    )
    conn.execute("DROP VIEW weekly_summary")
    conn.execute(
        """
        CREATE VIEW weekly_summary AS
        WITH facts AS (
            SELECT date(received_at, 'localtime', '-6 days', 'weekday 1') AS week_start, 1 AS received,
                   0 AS responded, 0 AS resolved, 0 AS closed, NULL AS response_late, NULL AS resolution_late
            FROM complaints
            UNION ALL
            SELECT date(first_response_at, 'localtime', '-6 days', 'weekday 1'), 0, 1, 0, 0, responded_late, NULL
            FROM complaints WHERE first_response_at IS NOT NULL
            UNION ALL
            SELECT date(resolved_at, 'localtime', '-6 days', 'weekday 1'), 0, 0, 1, 0, NULL, resolved_late
            FROM finishes WHERE resolved_at IS NOT NULL
            UNION ALL
            SELECT date(closed_at, 'localtime', '-6 days', 'weekday 1'), 0, 0, 0, 1, NULL, NULL
            FROM finishes WHERE closed_at IS NOT NULL
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
    conn.execute("CREATE INDEX events_severity_changes ON events(at) WHERE field = 'severity'")


def apply_postgresql(conn) -> None:
    """The same statements; weekly_summary's NULLs typed (PostgreSQL types a UNION's column from
    its first two branches, and two NULLs make it text, not the integer of the verdicts)."""
    from complaintctl.store.postgresql.migrate import respelled

    apply(respelled(conn, {"NULL AS response_late, NULL AS resolution_late":
                           "NULL::bigint AS response_late, NULL::bigint AS resolution_late"}))
