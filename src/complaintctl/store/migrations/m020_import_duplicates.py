"""Migration 020: import duplicates. Released: never edit; a change is a new migration."""

from __future__ import annotations

from complaintctl.store.engine import Connection


def apply(conn: Connection) -> None:
    """An import's rows that repeat an earlier row of the same file are counted apart from the
    rows already in the database, so that read = inserted + updated + unchanged + duplicates +
    rejected holds for every run recorded."""
    conn.execute("ALTER TABLE imports ADD COLUMN duplicates INTEGER NOT NULL DEFAULT 0")


apply_postgresql = apply  # portable: store/postgresql/migrate.py translates the table statements
