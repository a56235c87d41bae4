"""Numbered schema migrations, applied in order, each in one transaction.

One file per migration in this folder, `mNNN_name.py`, each with one function `apply(conn)`
(the way alembic and Django keep them): released ones are never edited, new schema is a new
file with the next number (and store/version.py's SCHEMA_VERSION moved on). The schema version
lives in ``PRAGMA user_version``; ``schema_migrations`` records when each step ran, by the
file's name. Nothing else in the code creates tables.
"""

from __future__ import annotations

import functools
import importlib
import re
import sqlite3
from collections.abc import Callable
from pathlib import Path

from complaintctl.store.engine import Connection
from complaintctl.store.version import SCHEMA_VERSION

Migration = Callable[[Connection], None]
NOW_SQL = "strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"


def _load() -> list[tuple[str, Migration]]:
    """(name, apply) of every migration file here, in the order of their numbers, which must run 1, 2, 3..."""
    names = sorted(p.stem for p in Path(__file__).parent.glob("m[0-9][0-9][0-9]_*.py"))
    numbers = [int(name[1:4]) for name in names]
    assert numbers == list(range(1, len(names) + 1)), f"migration numbers must run 1..N without gaps: {names}"
    assert all(re.fullmatch(r"m\d{3}_[a-z0-9_]+", n) for n in names)
    return [(name, importlib.import_module(f"{__name__}.{name}").apply) for name in names]


MIGRATIONS: list[tuple[str, Migration]] = _load()

LATEST_VERSION = len(MIGRATIONS)
assert LATEST_VERSION == SCHEMA_VERSION, "update store/version.py with the new migration"


def current_version(conn: Connection) -> int:
    from complaintctl.store.catalog import schema_version

    return schema_version(conn)


def _use_wal(conn: Connection, tries: int = 200) -> None:
    """The file in WAL mode. Changing the journal mode needs the file to itself, and SQLite answers
    "database is locked" at once, without waiting out the busy timeout, when another opener of a
    new file is reading it that moment: try again a little later (up to ~10 s) instead of failing."""
    import time

    for attempt in range(tries):
        try:
            if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                conn.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or attempt == tries - 1:
                raise
            time.sleep(0.05)


def migrate(conn: Connection, target: int | None = None) -> list[str]:
    """Apply pending migrations up to ``target`` (default: all); return their names.

    Each step runs in its own BEGIN IMMEDIATE transaction that re-reads the
    version first, so two processes opening a fresh file at the same moment
    cannot both apply the same step, and a failed step leaves the one before.
    """
    target = LATEST_VERSION if target is None else target
    _use_wal(conn)
    applied: list[str] = []
    while True:
        conn.execute("BEGIN IMMEDIATE")
        try:
            version = current_version(conn)
            if version > LATEST_VERSION:
                from complaintctl.errors import ComplaintError

                raise ComplaintError(
                    f"database schema version {version} is newer than this complaintctl "
                    f"knows ({LATEST_VERSION})",
                    hint="upgrade complaintctl",
                )
            if version >= target:
                conn.execute("ROLLBACK")
                return applied
            if version == 0:
                conn.execute(
                    "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
                    "name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT"
                )
            number = version + 1
            name, apply = MIGRATIONS[number - 1]
            apply(conn)
            conn.execute(
                "INSERT INTO schema_migrations (version, name, applied_at) "
                f"VALUES (?, ?, {NOW_SQL})",
                (number, name),
            )
            conn.execute(f"PRAGMA user_version = {number}")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
        applied.append(name)


@functools.lru_cache(maxsize=4)
def expected_objects(version: int = LATEST_VERSION) -> dict[str, tuple[str, str]]:
    """name -> (type, sql) of every table, view, index and trigger a fresh database at
    ``version`` has: what a file at that version should hold."""
    fresh = sqlite3.connect(":memory:", isolation_level=None)
    try:
        migrate(fresh, target=version)
        return {name: (kind, sql) for name, kind, sql in fresh.execute(
            "SELECT name, type, sql FROM sqlite_master WHERE sql IS NOT NULL")}
    finally:
        fresh.close()


def restore_missing_objects(conn: Connection) -> list[str]:
    """Recreate the indexes, views and triggers of the current schema that are missing (dropped
    by hand, say); they hold no data, so this loses nothing. Call inside a write transaction.
    Missing tables are not recreated: that would hide lost data (`complaintctl check` reports it).
    On PostgreSQL a missing index is recreated; views and triggers are the database owner's to
    restore (`check` names them; docs/guide.md)."""
    from complaintctl.store.engine import POSTGRESQL, engine_of

    if engine_of(conn) == POSTGRESQL:
        from complaintctl.store.catalog import objects
        from complaintctl.store.postgresql.ddl import translated

        present = set(objects(conn))
        restored = []
        for name, (kind, sql) in expected_objects(current_version(conn)).items():
            if kind == "index" and name not in present and not name.startswith("complaints_fts"):
                conn.execute(translated(sql))
                restored.append(f"{kind} {name}")
        return restored
    present = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    deferred = {r[0] for r in conn.execute("SELECT name FROM deferred_indexes")}
    restored = []
    for name, (kind, sql) in expected_objects(current_version(conn)).items():
        if kind != "table" and name not in present and name not in deferred:
            conn.execute(sql)
            restored.append(f"{kind} {name}")
    return restored
