"""The search index, ``complaints_fts``: an FTS5 table (trigram tokenizer) holding, per
complaint, the text that search looks in, kept in step by triggers (migration m013).

A bulk load suspends the triggers (a refresh per inserted row, tag and note would cost more
than the rows) and refills the index once at the end, in the same transaction.
"""

from __future__ import annotations

import sqlite3

from complaintctl.store.migrations.m013_search_index import SEARCH_COLUMNS_13 as COLUMNS
from complaintctl.store.migrations.m013_search_index import SEARCH_DOCUMENT_13 as DOCUMENT

TABLE = "complaints_fts"


def triggers(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    """(name, sql) of the triggers that keep the index in step."""
    return conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%\\_fts\\_%' ESCAPE '\\' "
        "ORDER BY name").fetchall()


def suspend_triggers(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    """Drop the index's triggers and return them for resume_triggers; inside a write transaction."""
    saved = triggers(conn)
    for name, _ in saved:
        conn.execute(f'DROP TRIGGER "{name}"')
    return saved


def resume_triggers(conn: sqlite3.Connection, saved: list[tuple[str, str]], *, rebuild: bool = True) -> None:
    """Refill the index from the tables (``rebuild``), then recreate the triggers."""
    if rebuild:
        rebuild_index(conn)
    for _, sql in saved:
        conn.execute(sql)


def rebuild_index(conn: sqlite3.Connection) -> int:
    """Refill the whole index from the tables and merge it into one segment; return the rows.
    Segments are not merged while it fills (FTS5's automerge off), only once at the end."""
    automerge = conn.execute(f"SELECT v FROM {TABLE}_config WHERE k = 'automerge'").fetchone()
    conn.execute(f"INSERT INTO {TABLE} ({TABLE}, rank) VALUES ('automerge', 0)")
    conn.execute(f"DELETE FROM {TABLE}")
    count = conn.execute(f"INSERT INTO {TABLE} (rowid, {', '.join(COLUMNS)}) {DOCUMENT}").rowcount
    conn.execute(f"INSERT INTO {TABLE} ({TABLE}) VALUES ('optimize')")
    conn.execute(f"INSERT INTO {TABLE} ({TABLE}, rank) VALUES ('automerge', ?)",
                 (automerge[0] if automerge else 4,))  # as it was, or FTS5's default
    return count
