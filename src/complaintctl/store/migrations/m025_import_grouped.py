"""Migration 025: rows an import grouped. Released: never edit; a change is a new migration."""

from __future__ import annotations

from complaintctl.store.engine import Connection


def apply(conn: Connection) -> None:
    """`imports.grouped`: the rows an import joined to the row before them with the same ref
    (--group-by-ref), so that its counts add up: read = inserted + updated + unchanged +
    duplicates + grouped + rejected."""
    conn.execute("ALTER TABLE imports ADD COLUMN grouped INTEGER NOT NULL DEFAULT 0")


apply_postgresql = apply  # portable: store/postgresql/migrate.py translates the table statements
