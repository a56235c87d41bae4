"""Migration 006: deferred indexes. Released: never edit; a change is a new migration."""

from __future__ import annotations

from complaintctl.store.engine import Connection


def apply(conn: Connection) -> None:
    """Secondary indexes a big import dropped to load faster, kept here until rebuilt."""
    conn.execute(
        """
        CREATE TABLE deferred_indexes (
            name TEXT PRIMARY KEY,
            sql TEXT NOT NULL,
            import_id INTEGER REFERENCES imports(id),
            deferred_at TEXT NOT NULL
        ) STRICT
        """
    )

