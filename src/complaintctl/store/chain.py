"""The audit chain: every event carries a hash over its content and the previous event's hash.

The events table refuses UPDATE, DELETE and REPLACE; but whoever can write the file can drop
those triggers. The chain makes what they then do visible: changing, deleting or inserting an
event breaks the link of the event after it, which `complaintctl check` finds and names. It
has no secret: someone who rewrites the events and recomputes every hash after them leaves a
chain that holds, and only a head kept elsewhere (`complaintctl audit head`, mailed or logged
by cron; `check --against HEAD`) shows that the history before that head was rewritten.

One definition, used by every writer of events (core/record/events.py, the importer) and by check:
``link(previous hash, content)`` with the content the columns in CHAINED, in that order.
"""

from __future__ import annotations

import sqlite3
from hashlib import blake2b

CHAINED = ("complaint_id", "at", "actor", "action", "field", "old_value", "new_value", "note", "customer_id")
GENESIS = "0" * 32  # the "previous hash" of the first event


def encode(values) -> str:
    """The content of one event as text no other content has: each value as its length, a
    colon and its text, or '-' for NULL."""
    parts = []
    for value in values:
        if value is None:
            parts.append("-")
        else:
            text = str(value)
            parts.append(f"{len(text)}:{text}")
    return "".join(parts)


def link(previous: str, values) -> str:
    """The hash of an event with content ``values`` (CHAINED order) after an event hashed ``previous``."""
    return blake2b((previous + encode(values)).encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def imported_events_hasher(at: str, actor: str, note_prefix: str):
    """The hashes of an import's events, which differ only in complaint id, status and line:
    ``chain(previous, rows)`` takes (complaint_id, status, line) rows and returns each with
    its hash appended. Exactly ``link`` of (id, at, actor, 'imported', 'status', None, status,
    note_prefix + line, None), with the constant middle encoded once (an import writes one
    event a complaint, and its writer is the import's bottleneck)."""
    middle = encode((at, actor, "imported", "status", None))

    def chain(previous: str, rows: list[tuple]) -> list[tuple]:
        chained = []
        for row in rows:
            cid, status, line = row
            c, n = str(cid), f"{note_prefix}{line}"
            s = "-" if status is None else f"{len(status)}:{status}"
            previous = blake2b(f"{previous}{len(c)}:{c}{middle}{s}{len(n)}:{n}-".encode("utf-8", "surrogatepass"),
                               digest_size=16).hexdigest()
            chained.append((cid, status, line, previous))
        return chained

    return chain


def sql_encoded(column: str) -> str:
    """SQL that gives ``encode`` of one column's value for most values (length() stops at a NUL
    character, so a mismatch is confirmed with ``encode`` before it is reported)."""
    return f"CASE WHEN {column} IS NULL THEN '-' ELSE length(CAST({column} AS TEXT)) || ':' || {column} END"


def head(conn: sqlite3.Connection) -> tuple[int, str] | None:
    """(id, hash) of the newest event, or None before the first one."""
    row = conn.execute("SELECT id, hash FROM events ORDER BY id DESC LIMIT 1").fetchone()
    return None if row is None else (row[0], row[1])


def head_hash(conn: sqlite3.Connection) -> str:
    """The hash the next event links to (inside the write transaction that inserts it)."""
    found = head(conn)
    return GENESIS if found is None or found[1] is None else found[1]


def insert_events(conn: sqlite3.Connection, rows: list[tuple]) -> None:
    """Insert events (each a tuple in CHAINED order), chained after the newest one. Call
    inside a write transaction, which holds the lock between reading the head and inserting."""
    conn.executemany(f"INSERT INTO events ({', '.join(CHAINED)}, hash) VALUES ({', '.join('?' * (len(CHAINED) + 1))})",
                     with_hashes(conn, rows, lambda values: values))


def with_hashes(conn: sqlite3.Connection, rows: list[tuple], content) -> list[tuple]:
    """``rows`` each with its hash appended, chained after the newest event in their order;
    ``content(row)`` is the event a row becomes, in CHAINED order (a writer that binds only
    some columns says what the others are)."""
    previous = head_hash(conn)
    chained = []
    for row in rows:
        previous = link(previous, content(row))
        chained.append((*row, previous))
    return chained
