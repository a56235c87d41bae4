"""Finding and opening the database file.

Several people on one server share one file, so every connection uses WAL, a
busy timeout, and takes write transactions with BEGIN IMMEDIATE: writers queue
for the lock instead of failing half-way with "database is locked".
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from complaintctl.errors import ComplaintError

ENV_DB = "COMPLAINTCTL_DB"
BUSY_TIMEOUT_SECONDS = 60.0
MIN_SQLITE = (3, 37, 0)  # STRICT tables


def default_db_path() -> Path:
    """The per-user default: $XDG_DATA_HOME/complaintctl/complaints.db."""
    base = os.environ.get("XDG_DATA_HOME") or os.path.join(os.path.expanduser("~"), ".local", "share")
    return Path(base) / "complaintctl" / "complaints.db"


def resolve_db_path(explicit: str | os.PathLike | None = None) -> Path:
    """--db, else $COMPLAINTCTL_DB, else the per-user default."""
    if explicit:
        return Path(explicit).expanduser()
    env = os.environ.get(ENV_DB)
    if env:
        return Path(env).expanduser()
    return default_db_path()


def check_sqlite_version() -> None:
    if sqlite3.sqlite_version_info < MIN_SQLITE:
        need = ".".join(map(str, MIN_SQLITE))
        raise ComplaintError(
            f"SQLite {sqlite3.sqlite_version} is too old: complaintctl needs {need} or newer",
            hint="upgrade Python or the system SQLite library",
        )


def connect(path: str | os.PathLike, *, migrate: bool = True, readonly: bool = False) -> sqlite3.Connection:
    """Open (and create, and bring up to date) the database at ``path``. Sets the process's
    umask for the files beside it (store/sharing.py)."""
    from complaintctl.store.sharing import apply_umask, create_database_file, fix_companions

    check_sqlite_version()
    path = Path(path)
    shared = apply_umask(path)
    if readonly:
        if not path.exists():
            raise ComplaintError(f"no database at {path}", hint="run `complaintctl init` first")
        conn = sqlite3.connect(
            f"{path.resolve().as_uri()}?mode=ro", uri=True, isolation_level=None,
            timeout=BUSY_TIMEOUT_SECONDS,
        )
    else:
        if path.is_dir():
            raise ComplaintError(f"{path} is a directory", hint="give --db the path of a file")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            create_database_file(path)
        except OSError as exc:
            raise ComplaintError(f"cannot create {path}: {exc.strerror}") from exc
        try:
            conn = sqlite3.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT_SECONDS)
        except sqlite3.OperationalError as exc:
            raise ComplaintError(f"cannot open database {path}: {exc}") from exc
    conn.row_factory = sqlite3.Row
    conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_SECONDS * 1000)}")
    conn.execute("PRAGMA foreign_keys = ON")
    try:
        if migrate and not readonly:
            from complaintctl.store.version import SCHEMA_VERSION

            if conn.execute("PRAGMA user_version").fetchone()[0] != SCHEMA_VERSION:
                from complaintctl.store.migrations import migrate as run_migrations

                run_migrations(conn)
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise ComplaintError(
            f"{path} is not a complaintctl database ({exc})",
            hint="check --db / COMPLAINTCTL_DB",
        ) from exc
    if shared:
        conn.execute("SELECT 1 FROM sqlite_master LIMIT 1")  # a first read opens the -wal/-shm
        fix_companions(path)
    return conn


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One write transaction, taken at once (BEGIN IMMEDIATE): all of it or nothing."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    else:
        conn.execute("COMMIT")
