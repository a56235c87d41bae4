"""The audit chain: every event carries a hash over its content and the previous event's hash.

The events table refuses UPDATE, DELETE and REPLACE; but whoever can write the file can drop
those triggers. The chain makes what they then do visible: changing, deleting or inserting an
event breaks the link of the event after it, which `complaintctl check` finds and names. It
has no secret: someone who rewrites the events and recomputes every hash after them leaves a
chain that holds, and only a head kept elsewhere (`complaintctl audit head`, mailed or logged
by cron; `check --against HEAD`) shows that the history before that head was rewritten.

One definition, used by every writer of events (core/record/events.py, the importer) and by check:
``link(previous hash, content)`` with the content the columns in CHAINED, in that order, then the
event's ``digest`` when it has one (the facts it seals, core/record/seal.py): an event without a
digest is hashed exactly as before digests existed, so every older chain still holds.

The chain is versioned: a version names the hash and the encoding. Version 1 is BLAKE2b with a
16-byte digest over the encoding below; version 2 is SHA-256 (its first 16 bytes, so a hash is
32 hex digits in both) over the same encoding, which PostgreSQL computes itself: on PostgreSQL
the database links each event as its transaction commits (store/postgresql/chain.sql), and the
rows are inserted without a hash. The table ``audit_chain`` records from which event on each
version is used; check verifies each stretch of events by its own version, and new events are
linked by the version of the last stretch (a file moved back from PostgreSQL stays on 2).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from hashlib import blake2b, sha256

from complaintctl.store.engine import POSTGRESQL, Connection, engine_of

CHAINED = ("complaint_id", "at", "actor", "action", "field", "old_value", "new_value", "note", "customer_id")
DIGEST = "digest"  # the column of the facts an event seals, chained after CHAINED when not NULL
GENESIS = "0" * 32  # the "previous hash" of the first event


@dataclass(frozen=True)
class ChainVersion:
    """One definition of the chain: how a text is hashed (a link, a digest of sealed facts)."""

    number: int
    name: str
    hash_text: Callable[[str], str]


def _blake2b_128(text: str) -> str:
    return blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def _sha256_128(text: str) -> str:
    return sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:32]


VERSIONS = {1: ChainVersion(1, "BLAKE2b-128 over length-prefixed values", _blake2b_128),
            2: ChainVersion(2, "SHA-256 (first 128 bits) over length-prefixed values", _sha256_128)}
CURRENT = VERSIONS[1]  # what a new SQLite file writes (a database on PostgreSQL: 2)


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


def content(values, digest: str | None = None) -> str:
    """What an event's hash covers: its CHAINED ``values``, then its digest if it has one (a
    value more: the encoding stays unambiguous, and an event without one encodes as before)."""
    return encode(values) if digest is None else encode((*values, digest))


def link(previous: str, values, digest: str | None = None, version: ChainVersion = CURRENT) -> str:
    """The hash of an event with content ``values`` (CHAINED order) and ``digest`` after an
    event hashed ``previous``."""
    return version.hash_text(previous + content(values, digest))


def seal_digest(text: str, version: ChainVersion = CURRENT) -> str:
    """The digest of sealed facts (their encoding, core/record/seal.py) by the chain's hash."""
    return version.hash_text(text)


def versions(conn: Connection) -> list[tuple[int, ChainVersion | int]]:
    """(first event id, version) of each stretch of the chain, in order; a version this
    complaintctl does not know is given as its number. A database before ``audit_chain``
    existed is version 1 throughout."""
    from complaintctl.store.catalog import has_table

    if not has_table(conn, "audit_chain"):
        return [(1, VERSIONS[1])]
    rows = conn.execute("SELECT from_event, version FROM audit_chain ORDER BY from_event").fetchall()
    return [(first, VERSIONS.get(number, number)) for first, number in rows] or [(1, VERSIONS[1])]


def writing_version(conn: Connection) -> ChainVersion:
    """The version new events on this database are linked by (and facts sealed by): the last
    stretch's."""
    stretches = versions(conn)
    version = stretches[-1][1]
    if not isinstance(version, ChainVersion):
        from complaintctl.errors import Refused

        raise Refused(f"the audit chain is at version {version}, which this complaintctl does not know",
                      hint="upgrade complaintctl before writing to this database")
    return version


def imported_events(conn: Connection, at: str, actor: str, note_prefix: str) -> tuple[str, Callable]:
    """(SQL, rows) to insert an import's events with ``executemany(SQL, rows(events))``: on
    SQLite each event is linked here after the newest one (``imported_events_hasher``); on
    PostgreSQL the database links them (the rows go without a hash)."""
    if engine_of(conn) == POSTGRESQL:
        return (f"INSERT INTO events (complaint_id, at, actor, action, field, new_value, note, digest) "
                f"VALUES (?, {_sql_text(at)}, {_sql_text(actor)}, 'imported', 'status', ?, "
                f"{_sql_text(note_prefix)} || ?, ?)"), lambda events: events
    chain = imported_events_hasher(at, actor, note_prefix, writing_version(conn))
    return (f"INSERT INTO events (complaint_id, at, actor, action, field, new_value, note, digest, hash) "
            f"VALUES (?, {_sql_text(at)}, {_sql_text(actor)}, 'imported', 'status', ?, "
            f"{_sql_text(note_prefix)} || ?, ?, ?)"), lambda events: chain(head_hash(conn), events)


def _sql_text(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def imported_events_hasher(at: str, actor: str, note_prefix: str, version: ChainVersion = CURRENT):
    """The hashes of an import's events, which differ only in complaint id, status, line and
    digest: ``chain(previous, rows)`` takes (complaint_id, status, line, digest) rows and
    returns each with its hash appended. Exactly ``link`` of (id, at, actor, 'imported',
    'status', None, status, note_prefix + line, None) and the digest, with the constant middle
    encoded once (an import writes one event a complaint, and its writer is the import's
    bottleneck), by ``version`` (version 1's BLAKE2b called directly: the hot path)."""
    middle = encode((at, actor, "imported", "status", None))
    if version.number != 1:
        hash_text = version.hash_text

        def chain_any(previous: str, rows: list[tuple]) -> list[tuple]:
            chained = []
            for row in rows:
                cid, status, line, digest = row
                previous = hash_text(previous + encode((cid,)) + middle + encode((status, f"{note_prefix}{line}", None))
                                     + ("" if digest is None else encode((digest,))))
                chained.append((*row, previous))
            return chained

        return chain_any

    def chain(previous: str, rows: list[tuple]) -> list[tuple]:
        chained = []
        for row in rows:
            cid, status, line, digest = row
            c, n = str(cid), f"{note_prefix}{line}"
            s = "-" if status is None else f"{len(status)}:{status}"
            d = "" if digest is None else f"{len(digest)}:{digest}"
            previous = blake2b(f"{previous}{len(c)}:{c}{middle}{s}{len(n)}:{n}-{d}".encode("utf-8", "surrogatepass"),
                               digest_size=16).hexdigest()
            chained.append((*row, previous))
        return chained

    return chain


def sql_encoded(column: str) -> str:
    """SQL that gives ``encode`` of one column's value for most values (length() stops at a NUL
    character, so a mismatch is confirmed with ``encode`` before it is reported)."""
    return f"CASE WHEN {column} IS NULL THEN '-' ELSE length(CAST({column} AS TEXT)) || ':' || {column} END"


def sql_content(with_digest: bool = True) -> str:
    """SQL that gives ``content`` of an event (without its digest on a schema before digests)."""
    encoded = " || ".join(sql_encoded(c) for c in CHAINED)
    if not with_digest:
        return encoded
    return f"{encoded} || CASE WHEN {DIGEST} IS NULL THEN '' ELSE length({DIGEST}) || ':' || {DIGEST} END"


def head(conn: Connection) -> tuple[int, str] | None:
    """(id, hash) of the newest event, or None before the first one."""
    row = conn.execute("SELECT id, hash FROM events ORDER BY id DESC LIMIT 1").fetchone()
    return None if row is None else (row[0], row[1])


def head_hash(conn: Connection) -> str:
    """The hash the next event links to (inside the write transaction that inserts it)."""
    found = head(conn)
    return GENESIS if found is None or found[1] is None else found[1]


def insert_events(conn: Connection, rows: list[tuple]) -> None:
    """Insert events (each a tuple in CHAINED order, then optionally its digest), chained after
    the newest one. Call inside a write transaction, which holds the lock between reading the
    head and inserting (on PostgreSQL the database links them as the transaction commits).
    Events without a digest name only the columns every chained schema has (an older file's,
    before it is brought up to date, in its own tests)."""
    columns: tuple[str, ...]
    if engine_of(conn) == POSTGRESQL:
        columns = (*CHAINED, DIGEST)
        conn.executemany(f"INSERT INTO events ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
                         [tuple(row) + (None,) * (len(columns) - len(row)) for row in rows])
        return
    version = writing_version(conn)
    previous = head_hash(conn)
    chained = []
    for row in rows:
        values, digest = (row[:len(CHAINED)], row[len(CHAINED)]) if len(row) > len(CHAINED) else (row, None)
        previous = link(previous, values, digest, version)
        chained.append((*values, digest, previous))
    if any(row[-2] is not None for row in chained):
        columns = (*CHAINED, DIGEST, "hash")
    else:
        columns, chained = (*CHAINED, "hash"), [(*row[:-2], row[-1]) for row in chained]
    conn.executemany(f"INSERT INTO events ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})", chained)
