"""Migration 007: customer records. Released: never edit; a change is a new migration."""

from __future__ import annotations

from complaintctl.store.engine import Connection


def apply(conn: Connection) -> None:
    """Customers as records of their own: a merged record points at the one it was merged
    into (kept, so its email and phone still find that customer), and an event can name the
    customer it changed."""
    conn.execute("ALTER TABLE customers ADD COLUMN merged_into INTEGER REFERENCES customers(id)")
    conn.execute("ALTER TABLE events ADD COLUMN customer_id INTEGER REFERENCES customers(id)")
    conn.execute("CREATE INDEX events_customer ON events(customer_id, id) WHERE customer_id IS NOT NULL")

