"""Migration 016: database identity. Released: never edit; a change is a new migration."""

from __future__ import annotations

from complaintctl.store.engine import Connection


def apply(conn: Connection) -> None:
    """A random identity for the database (`settings.database_id`), made once: every backup
    carries it in its marker, so `backup --keep` prunes only this database's backups, never
    another desk's that share the folder and the file name (every desk's default is
    complaints.db). A copy of the file (a backup restored) keeps it: it is the same desk."""
    conn.execute("INSERT OR IGNORE INTO settings (key, value) VALUES ('database_id', lower(hex(randomblob(16))))")
