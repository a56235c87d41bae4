-- The views of a desk on PostgreSQL: SQLite's own (store/migrations), with the two spellings
-- PostgreSQL 14 needs: a subquery in FROM has an alias, a NULL in a UNION has a type. They use
-- SQLite's functions by name (functions.sql), so they read the same rows on both engines.

CREATE VIEW complaint_overview AS
        SELECT
            c.id,
            c.ref,
            c.received_at,
            c.status,
            st.label_en AS status_en,
            st.label_zh AS status_zh,
            st.is_open AS is_open,
            c.severity,
            sev.label_en AS severity_en,
            sev.label_zh AS severity_zh,
            sev.rank AS severity_rank,
            c.category,
            cat.label_en AS category_en,
            cat.label_zh AS category_zh,
            c.channel,
            ch.label_en AS channel_en,
            ch.label_zh AS channel_zh,
            c.subject,
            c.customer_id,
            cu.name AS customer_name,
            cu.email AS customer_email,
            cu.phone AS customer_phone,
            cu.company AS customer_company,
            c.assignee,
            ag.full_name AS assignee_name,
            c.remedy,
            c.cause,
            c.personality,
            c.motive,
            (SELECT group_concat(tag, ',') FROM
                (SELECT tag FROM complaint_tags t WHERE t.complaint_id = c.id ORDER BY tag) AS ordered) AS tags,
            c.first_response_at,
            c.resolved_at,
            c.closed_at,
            c.outcome,
            c.reopened_count,
            c.updated_at,
            round(julianday(coalesce(c.closed_at, 'now')) - julianday(c.received_at), 2) AS age_days
        FROM complaints c
        JOIN statuses st ON st.code = c.status
        LEFT JOIN severities sev ON sev.code = c.severity
        LEFT JOIN categories cat ON cat.code = c.category
        LEFT JOIN channels ch ON ch.code = c.channel
        LEFT JOIN customers cu ON cu.id = c.customer_id
        LEFT JOIN agents ag ON ag.name = c.assignee;

CREATE VIEW weekly_summary AS
        WITH facts AS (
            SELECT date(received_at, '-6 days', 'weekday 1') AS week_start, 1 AS received, 0 AS responded,
                   0 AS resolved, 0 AS closed, NULL::bigint AS response_late, NULL::bigint AS resolution_late
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
        ORDER BY week_start;

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
        FROM complaints c;

