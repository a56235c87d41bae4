"""The search index, ``complaints_fts``: an FTS5 table (trigram tokenizer) over the view
``complaint_search_text`` (external content: the index holds the words, the view the text),
kept in step by triggers (store/migrations m018).

A writer of many complaints at once indexes them once each (``indexed_once``) instead of
letting the triggers refresh a complaint per row, tag and note; a bulk load may suspend the
triggers and rebuild the whole index at the end, in the same transaction.
"""

from __future__ import annotations

import contextlib
import sqlite3

from complaintctl.store.migrations.m018_search_external_content import SEARCH_COLUMNS_18 as COLUMNS

TABLE = "complaints_fts"
VIEW = "complaint_search_text"
DOCUMENT = f"SELECT id, {', '.join(COLUMNS)} FROM {VIEW}"  # the rows the index is built from


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
    """Refill the whole index from the view and merge it into one segment; return the rows.
    Segments are not merged while it fills (FTS5's automerge off), only once at the end."""
    automerge = conn.execute(f"SELECT v FROM {TABLE}_config WHERE k = 'automerge'").fetchone()
    conn.execute(f"INSERT INTO {TABLE} ({TABLE}, rank) VALUES ('automerge', 0)")
    conn.execute(f"INSERT INTO {TABLE} ({TABLE}) VALUES ('rebuild')")
    conn.execute(f"INSERT INTO {TABLE} ({TABLE}) VALUES ('optimize')")
    conn.execute(f"INSERT INTO {TABLE} ({TABLE}, rank) VALUES ('automerge', ?)",
                 (automerge[0] if automerge else 4,))  # as it was, or FTS5's default
    return conn.execute(f"SELECT count(*) FROM {TABLE}_docsize").fetchone()[0]


@contextlib.contextmanager
def indexed_once(conn: sqlite3.Connection, first_id: int, last_id: int):
    """Write complaints ``first_id``..``last_id``, new ones, with their tags and notes inside the
    block: the triggers leave them alone (search_pending names them), and on leaving each is
    indexed once, from what was written. Inside a write transaction; nobody else sees the
    pending row. If the block fails, what it wrote of them is indexed all the same (the caller
    usually rolls it all back; if not, the index still holds what the tables hold)."""
    conn.execute("INSERT INTO search_pending (first_id, last_id) VALUES (?, ?)", (first_id, last_id))
    try:
        yield
    except BaseException:
        with contextlib.suppress(sqlite3.Error):
            _index_range(conn, first_id, last_id)
        raise
    _index_range(conn, first_id, last_id)


def _index_range(conn: sqlite3.Connection, first_id: int, last_id: int) -> None:
    conn.execute("DELETE FROM search_pending WHERE first_id = ? AND last_id = ?", (first_id, last_id))
    conn.execute(f"INSERT INTO {TABLE} (rowid, {', '.join(COLUMNS)}) {DOCUMENT} WHERE id BETWEEN ? AND ?",
                 (first_id, last_id))


@contextlib.contextmanager
def removed_once(conn: sqlite3.Connection, ids: list[int]):
    """Delete complaints ``ids``, with their tags, inside the block: each leaves the index once,
    first, and the triggers of the deletes leave them alone (search_pending names them). Inside
    a write transaction; if the block fails, those still there are indexed again."""
    runs = _runs(sorted(ids))
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        conn.execute(f"DELETE FROM {TABLE} WHERE rowid IN ({', '.join('?' * len(chunk))})", chunk)
    conn.executemany("INSERT INTO search_pending (first_id, last_id) VALUES (?, ?)", runs)
    try:
        yield
    except BaseException:
        with contextlib.suppress(sqlite3.Error):
            for first_id, last_id in runs:
                _index_range(conn, first_id, last_id)
        raise
    for first_id, last_id in runs:
        _index_range(conn, first_id, last_id)  # indexes nothing: every one of them is gone


def _runs(ids: list[int]) -> list[tuple[int, int]]:
    """Sorted ids as (first, last) runs of consecutive numbers."""
    runs: list[tuple[int, int]] = []
    for i in ids:
        if runs and runs[-1][1] == i - 1:
            runs[-1] = (runs[-1][0], i)
        else:
            runs.append((i, i))
    return runs
