"""Migration 003: imports. Released: never edit; a change is a new migration."""

from __future__ import annotations

from complaintctl.store.engine import Connection


def apply(conn: Connection) -> None:
    """Batch import: unknown columns kept as JSON, a fingerprint per imported row, a log of runs."""
    conn.execute("ALTER TABLE complaints ADD COLUMN extra TEXT CHECK (extra IS NULL OR json_valid(extra))")
    conn.execute("ALTER TABLE complaints ADD COLUMN import_fingerprint INTEGER")
    conn.execute("ALTER TABLE complaints ADD COLUMN source_updated_at TEXT")
    conn.execute("CREATE INDEX complaints_import_fingerprint ON complaints(import_fingerprint)")
    conn.execute(
        """
        CREATE TABLE imports (
            id INTEGER PRIMARY KEY,
            source TEXT NOT NULL,
            format TEXT NOT NULL,
            encoding TEXT,
            delimiter TEXT,
            actor TEXT NOT NULL,
            started_at TEXT NOT NULL,
            finished_at TEXT,
            read INTEGER NOT NULL DEFAULT 0,
            inserted INTEGER NOT NULL DEFAULT 0,
            updated INTEGER NOT NULL DEFAULT 0,
            unchanged INTEGER NOT NULL DEFAULT 0,
            rejected INTEGER NOT NULL DEFAULT 0,
            update_mode INTEGER NOT NULL DEFAULT 0 CHECK (update_mode IN (0, 1))
        ) STRICT
        """
    )

