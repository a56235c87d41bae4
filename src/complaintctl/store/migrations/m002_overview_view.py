"""Migration 002: overview view. Released: never edit; a change is a new migration."""

from __future__ import annotations

from complaintctl.store.engine import Connection


def apply(conn: Connection) -> None:
    """One readable row per complaint for plain SQL."""
    conn.execute(
        """
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
                (SELECT tag FROM complaint_tags t WHERE t.complaint_id = c.id ORDER BY tag)) AS tags,
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
        LEFT JOIN agents ag ON ag.name = c.assignee
        """
    )

