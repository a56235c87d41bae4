"""Migration 022: outbox leases. Released: never edit; a change is a new migration."""

from __future__ import annotations

from complaintctl.store.engine import Connection

COLUMNS = ("id, created_at, complaint_id, trigger, channel, target, subject, body, status, attempts, "
           "last_attempt_at, sent_at, error")


def apply(conn: Connection) -> None:
    """Messages claimed with a lease, and sent with one key on every attempt.

    `message_key`: made when the message is queued and sent on every attempt (the e-mail's
    Message-ID, a webhook's Idempotency-Key header), so a receiver can drop the copy a retry sends
    after a send that was cut off once the server had it. `claimed_by` and `lease_until`: who is
    sending a message and until when nobody else may take it (a retry takes a `sending` message
    only after its lease). `trigger` gains `reply` (`update --reply`, sent to the customer)."""
    # overdue_notices refer to outbox rows: kept aside while the table is rebuilt under its name
    conn.execute("CREATE TEMP TABLE kept_notices AS SELECT * FROM overdue_notices")
    conn.execute("DELETE FROM overdue_notices")
    conn.execute(
        """
        CREATE TABLE outbox_new (
            id INTEGER PRIMARY KEY,
            created_at TEXT NOT NULL,
            complaint_id INTEGER REFERENCES complaints(id),
            trigger TEXT NOT NULL CHECK (trigger IN ('ack', 'decision', 'critical', 'escalated', 'overdue', 'test',
                                                     'reply')),
            channel TEXT NOT NULL CHECK (channel IN ('email', 'webhook')),
            target TEXT NOT NULL,
            subject TEXT,
            body TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sending', 'sent', 'failed')),
            attempts INTEGER NOT NULL DEFAULT 0,
            last_attempt_at TEXT,
            sent_at TEXT,
            error TEXT,
            message_key TEXT NOT NULL UNIQUE CHECK (message_key <> ''),
            claimed_by TEXT,
            lease_until TEXT
        ) STRICT
        """
    )
    conn.execute(f"INSERT INTO outbox_new ({COLUMNS}, message_key) SELECT {COLUMNS}, lower(hex(randomblob(16))) "
                 "FROM outbox")
    conn.execute("DROP TABLE outbox")
    conn.execute("ALTER TABLE outbox_new RENAME TO outbox")
    conn.execute("CREATE INDEX outbox_unsent ON outbox(status, id) WHERE status <> 'sent'")
    conn.execute("CREATE INDEX outbox_complaint ON outbox(complaint_id) WHERE complaint_id IS NOT NULL")
    conn.execute("INSERT INTO overdue_notices SELECT * FROM kept_notices")
    conn.execute("DROP TABLE temp.kept_notices")


def apply_postgresql(conn) -> None:
    """The same table, changed in place (PostgreSQL alters a check and adds columns without a
    rebuild; the columns come last, as the rebuilt table has them)."""
    conn.execute("ALTER TABLE outbox DROP CONSTRAINT outbox_trigger_check")
    conn.execute("ALTER TABLE outbox ADD CONSTRAINT outbox_trigger_check CHECK (trigger IN ('ack', 'decision', "
                 "'critical', 'escalated', 'overdue', 'test', 'reply'))")
    conn.execute("ALTER TABLE outbox ADD COLUMN message_key TEXT")
    conn.execute("UPDATE outbox SET message_key = replace(gen_random_uuid()::text, '-', '')")
    conn.execute("ALTER TABLE outbox ALTER COLUMN message_key SET NOT NULL")
    conn.execute("ALTER TABLE outbox ADD CONSTRAINT outbox_message_key_key UNIQUE (message_key)")
    conn.execute("ALTER TABLE outbox ADD CONSTRAINT outbox_message_key_check CHECK (message_key <> '')")
    conn.execute("ALTER TABLE outbox ADD COLUMN claimed_by TEXT")
    conn.execute("ALTER TABLE outbox ADD COLUMN lease_until TEXT")
