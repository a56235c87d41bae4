"""Migration 008: reply templates. Released: never edit; a change is a new migration."""

from __future__ import annotations

from complaintctl.store.engine import Connection


def apply(conn: Connection) -> None:
    """The answers a team gives again and again, per language and (optionally) category."""
    conn.execute(
        """
        CREATE TABLE reply_templates (
            name TEXT NOT NULL CHECK (name <> '' AND name NOT GLOB '*[^a-z0-9_.-]*'),
            lang TEXT NOT NULL CHECK (lang IN ('zh', 'en')),
            category TEXT REFERENCES categories(code),
            body TEXT NOT NULL CHECK (trim(body) <> ''),
            created_at TEXT NOT NULL,
            created_by TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            PRIMARY KEY (name, lang)
        ) STRICT
        """
    )

