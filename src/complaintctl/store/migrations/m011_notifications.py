"""Migration 011: notifications. Released: never edit; a change is a new migration."""

from __future__ import annotations

from complaintctl.store.engine import Connection


def apply(conn: Connection) -> None:
    """Telling people: webhooks for the team's chat, e-mail templates for customers, and the
    outbox, where every message is queued in the change's transaction and sent after it."""
    conn.execute(
        """
        CREATE TABLE webhooks (
            name TEXT PRIMARY KEY CHECK (name <> '' AND name NOT GLOB '*[^a-z0-9_.-]*'),
            kind TEXT NOT NULL CHECK (kind IN ('wecom', 'dingtalk', 'feishu', 'slack', 'json')),
            url TEXT NOT NULL CHECK (url LIKE 'http://%' OR url LIKE 'https://%'),
            events TEXT NOT NULL,
            lang TEXT NOT NULL CHECK (lang IN ('zh', 'en')),
            secret TEXT,
            active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
            created_at TEXT NOT NULL
        ) STRICT
        """
    )
    conn.execute(
        """
        CREATE TABLE email_templates (
            event TEXT NOT NULL CHECK (event IN ('ack', 'decision')),
            lang TEXT NOT NULL CHECK (lang IN ('zh', 'en')),
            subject TEXT NOT NULL CHECK (trim(subject) <> ''),
            body TEXT NOT NULL CHECK (trim(body) <> ''),
            updated_at TEXT NOT NULL,
            updated_by TEXT NOT NULL,
            PRIMARY KEY (event, lang)
        ) STRICT
        """
    )
    conn.execute(
        """
        CREATE TABLE outbox (
            id INTEGER PRIMARY KEY,
            created_at TEXT NOT NULL,
            complaint_id INTEGER REFERENCES complaints(id),
            trigger TEXT NOT NULL CHECK (trigger IN ('ack', 'decision', 'critical', 'escalated', 'overdue', 'test')),
            channel TEXT NOT NULL CHECK (channel IN ('email', 'webhook')),
            target TEXT NOT NULL,
            subject TEXT,
            body TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sending', 'sent', 'failed')),
            attempts INTEGER NOT NULL DEFAULT 0,
            last_attempt_at TEXT,
            sent_at TEXT,
            error TEXT
        ) STRICT
        """
    )
    conn.execute("CREATE INDEX outbox_unsent ON outbox(status, id) WHERE status <> 'sent'")
    conn.execute("CREATE INDEX outbox_complaint ON outbox(complaint_id) WHERE complaint_id IS NOT NULL")
    conn.execute(
        """
        CREATE TABLE overdue_notices (
            complaint_id INTEGER NOT NULL REFERENCES complaints(id),
            clock TEXT NOT NULL CHECK (clock IN ('respond', 'resolve')),
            due_at TEXT NOT NULL,
            outbox_id INTEGER NOT NULL REFERENCES outbox(id),
            PRIMARY KEY (complaint_id, clock, due_at)
        ) STRICT, WITHOUT ROWID
        """
    )

