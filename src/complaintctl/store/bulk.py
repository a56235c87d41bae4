"""Bulk loading: a big import into a small table drops the secondary indexes and rebuilds
them once at the end, as a database's own bulk loaders do.

Keeping a dozen indexes up to date row by row costs more than the rows themselves
(bench/import.py: about half of an import's database time), while building an index
once over the finished table is a single sorted pass. Each dropped index is recorded in
``deferred_indexes`` in the same transaction that drops it, so an import killed half-way
leaves consistent data and a list of what to rebuild: the next import (or
``complaintctl init``) rebuilds it. Until then, queries give the same answers, only slower.

Unique indexes are never dropped (they are constraints, not speed-ups), nor the index the
importer itself looks rows up by, nor those a load only appends to (KEEP). The trigger that
refuses INSERT OR REPLACE on events runs for every inserted event and doubles what an event
costs to insert; it is deferred with the indexes (what it guards, the audit chain also shows).
"""

from __future__ import annotations

import contextlib
import os
import re
import sys

from complaintctl.store.catalog import database_file, objects
from complaintctl.store.engine import POSTGRESQL, Connection, engine_of

DEFERRABLE_TABLES = ("complaints", "complaint_tags", "events")
_ON_TABLE = r'\bON\s+"?(\w+)"?'  # the table of a CREATE INDEX or CREATE TRIGGER statement
DEFERRED_TRIGGERS = frozenset({"events_no_replace"})
# Kept: the index the importer looks rows up by (re-runs match on the fingerprint), and the
# indexes a load only appends to (keys ascending with the new ids, or one import time), which
# cost little to keep up while the import's reader is busy, and would lengthen the rebuild
# at the end, when nothing else runs.
KEEP = frozenset({"complaints_import_fingerprint", "complaints_assignee", "complaint_tags_tag",
                  "complaints_import", "events_complaint", "events_at", "events_action_at",
                  # read for every batch's new ids (core/record/ids.py); an import's events name no customer
                  "events_customer"})


def defer_indexes(conn: Connection, *, import_id: int | None, at: str,
                  tables: tuple[str, ...] = DEFERRABLE_TABLES) -> list[str]:
    """Drop the secondary indexes of ``tables``, recording each; call inside a write transaction.
    ``customers`` may be added by an importer that matches customers from a cache of its own.
    On PostgreSQL nothing is dropped: its indexes take a bulk load as it comes."""
    if engine_of(conn) == POSTGRESQL:
        return []
    rows = conn.execute(
        f"SELECT type, name, sql FROM sqlite_master WHERE type IN ('index', 'trigger') AND sql IS NOT NULL "
        f"AND tbl_name IN ({', '.join('?' * len(tables))}) ORDER BY name",
        tables).fetchall()
    dropped = []
    for kind, name, sql in rows:
        if kind == "trigger" and name not in DEFERRED_TRIGGERS:
            continue
        if name in KEEP or sql.upper().startswith("CREATE UNIQUE"):
            continue
        conn.execute("INSERT INTO deferred_indexes (name, sql, import_id, deferred_at) "
                     "VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING", (name, sql, import_id, at))
        conn.execute(f'DROP {kind.upper()} "{name}"')
        dropped.append(name)
    return dropped


def deferred_indexes(conn: Connection) -> list[str]:
    return [r[0] for r in conn.execute("SELECT name FROM deferred_indexes ORDER BY name")]


def rebuild_indexes(conn: Connection, tables: tuple[str, ...] | None = None) -> list[str]:
    """Create every recorded index (of ``tables``, or all) that is missing and clear its record;
    call inside a write transaction. Safe to run at any time and more than once."""
    rebuilt = []
    for name, sql in conn.execute("SELECT name, sql FROM deferred_indexes ORDER BY name").fetchall():
        table = re.search(_ON_TABLE, sql, re.IGNORECASE)
        if tables is not None and (table is None or table.group(1) not in tables):
            continue
        if name not in objects(conn):
            conn.execute(sql)
            rebuilt.append(name)
        conn.execute("DELETE FROM deferred_indexes WHERE name = ?", (name,))
    return rebuilt


@contextlib.contextmanager
def import_settings(conn, *, fast_commits: bool, check_parents: bool):
    """The connection's settings for the length of an import, restored after; yields a function
    that makes the next commits full ones again (the last, which marks the import finished).

    SQLite: a bigger page cache (inserts land all over a dozen indexes, and the default 2 MB
    makes large imports slow down as the file grows; 32 MB was no faster than 16 and cost 18 MB
    of peak memory); the WAL checkpointed less often (pages rewritten by several batches are
    copied once); foreign keys off when the importer checks the parents itself; and batches
    committed without waiting for the disk (in WAL mode a crash of the machine can lose the last
    batches, never consistency; a re-run brings them back). PostgreSQL: batches committed
    without waiting for the WAL to reach the disk (synchronous_commit off: the same trade);
    foreign keys stay (they cannot be turned off without a superuser)."""
    if engine_of(conn) == POSTGRESQL:
        if fast_commits:
            conn.execute("SET synchronous_commit = off")
        try:
            yield lambda: conn.execute("SET synchronous_commit = on")
        finally:
            conn.execute("RESET synchronous_commit")
        return
    saved = {name: conn.execute(f"PRAGMA {name}").fetchone()[0]
             for name in ("cache_size", "wal_autocheckpoint", "synchronous", "foreign_keys")}
    conn.execute("PRAGMA cache_size = -16384")
    conn.execute("PRAGMA wal_autocheckpoint = 16384")
    if check_parents:
        conn.execute("PRAGMA foreign_keys = OFF")
    if fast_commits:
        conn.execute("PRAGMA synchronous = NORMAL")
    try:
        yield lambda: conn.execute(f"PRAGMA synchronous = {saved['synchronous']}")
    finally:
        for name, value in saved.items():
            conn.execute(f"PRAGMA {name} = {value}")


def ids_taken(conn, tables: tuple[str, ...] = ("complaints", "customers")) -> None:
    """After rows were written with ids of the writer's own choosing (an import's), the ids a
    database hands out next come after them: PostgreSQL's identity sequences are moved on (inside
    the writer's transaction, under its lock); SQLite takes max(id) + 1 by itself."""
    if engine_of(conn) != POSTGRESQL:
        return
    for table in tables:
        conn.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), max(id)) FROM {table} HAVING max(id) IS NOT NULL")


def optimize(conn) -> None:
    """Fresh statistics after a bulk change, for the planner."""
    if engine_of(conn) == POSTGRESQL:
        conn.execute("ANALYZE complaints, customers, events, complaint_tags")
    else:
        conn.execute("PRAGMA optimize")


@contextlib.contextmanager
def quick_commits(conn):
    """Commits that do not wait for the disk (a demo's database: speed over durability)."""
    if engine_of(conn) == POSTGRESQL:
        conn.execute("SET synchronous_commit = off")
        try:
            yield
        finally:
            conn.execute("RESET synchronous_commit")
        return
    conn.execute("PRAGMA synchronous = OFF")
    try:
        yield
    finally:
        conn.execute("PRAGMA synchronous = FULL")


WAL_WRITE_LOCK = 120  # the byte of the -shm file a WAL writer locks (SQLite's UNIX_SHM_BASE)


def writer_holds(path: str | os.PathLike) -> bool | None:
    """Whether another process holds the write lock of the WAL database at ``path`` right now,
    as its -shm file's POSIX lock says (asked with F_GETLK, never taken): a bulk import holds
    it from its first batch to its last. False when there is no -shm (nobody has the file
    open); None where the lock cannot be asked (not Linux, an unreadable -shm)."""
    if sys.platform != "linux":
        return None
    import fcntl
    import struct

    try:
        fd = os.open(f"{os.fspath(path)}-shm", os.O_RDONLY)
    except FileNotFoundError:
        return False
    except OSError:
        return None
    try:
        # struct flock: l_type, l_whence, l_start, l_len, l_pid (Linux, 64-bit off_t)
        asked = struct.pack("hhqqi4x", fcntl.F_WRLCK, os.SEEK_SET, WAL_WRITE_LOCK, 1, 0)
        answer = fcntl.fcntl(fd, fcntl.F_GETLK, asked)
        return struct.unpack("hhqqi4x", answer)[0] != fcntl.F_UNLCK
    except OSError:
        return None
    finally:
        os.close(fd)


def import_holds_file(conn: Connection) -> bool:
    """Whether the indexes and triggers recorded as deferred belong to an import loading the file
    right now (its run unfinished, the write lock held by another process), rather than to one
    that was killed, or to a row someone wrote into deferred_indexes."""
    unfinished = conn.execute(
        "SELECT 1 FROM deferred_indexes d JOIN imports i ON i.id = d.import_id WHERE i.finished_at IS NULL "
        "LIMIT 1").fetchone()
    if unfinished is None:
        return False
    path = database_file(conn)  # none on a server: there the import's lock is not a file's
    return bool(path) and writer_holds(path) is True
