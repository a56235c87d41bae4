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

from complaintctl.errors import ComplaintError, NotFound, Refused
from complaintctl.i18n import L_, N_
from complaintctl.store.engine import Connection

ENV_DB = "COMPLAINTCTL_DB"
BUSY_TIMEOUT_SECONDS = 60.0
MIN_SQLITE = (3, 37, 0)  # STRICT tables


def default_db_path() -> Path:
    """The per-user default: $XDG_DATA_HOME/complaintctl/complaints.db."""
    base = os.environ.get("XDG_DATA_HOME") or os.path.join(os.path.expanduser("~"), ".local", "share")
    return Path(base) / "complaintctl" / "complaints.db"


SERVER_SCHEMES = ("postgresql://", "postgres://")


def is_server(target: object) -> bool:
    """Is ``target`` a database on a server (a postgresql:// URL) rather than a file?"""
    return isinstance(target, str) and target.startswith(SERVER_SCHEMES)


def resolve_db_path(explicit: str | os.PathLike | None = None) -> Path | str:
    """--db, else $COMPLAINTCTL_DB, else the per-user default: a file's path, or a
    postgresql:// URL (kept as the text it is)."""
    for given in (explicit, os.environ.get(ENV_DB)):
        if given:
            return str(given) if is_server(str(given)) else Path(given).expanduser()
    return default_db_path()


def check_sqlite_version() -> None:
    if sqlite3.sqlite_version_info < MIN_SQLITE:
        need = ".".join(map(str, MIN_SQLITE))
        raise ComplaintError(
            f"SQLite {sqlite3.sqlite_version} is too old: complaintctl needs {need} or newer",
            hint="upgrade Python or the system SQLite library",
        )


class DeskConnection(sqlite3.Connection):
    """A connection that knows why it was opened read-only, to say so at the first write."""

    read_only_reason: str | None = None
    created_desk: bool = False


def connect(path: str | os.PathLike, *, migrate: bool = True, readonly: bool = False,
            adopt: bool = False) -> Connection:
    """The database at ``path``: a file (below), or a postgresql:// URL (store/postgres.py)."""
    if is_server(path):
        from complaintctl.store.postgres import connect_url

        return connect_url(str(path), migrate=migrate, readonly=readonly, adopt=adopt)
    return connect_file(path, migrate=migrate, readonly=readonly, adopt=adopt)


def connect_file(path: str | os.PathLike, *, migrate: bool = True, readonly: bool = False,
                 adopt: bool = False) -> DeskConnection:
    """Open (and create, and bring up to date) the database at ``path``. A file this process
    cannot write (a read-only file or folder) is opened read-only: reads work, and the first
    write says why it cannot. Another program's SQLite file is refused unless ``adopt``.
    Sets the process's umask for the files beside it (store/sharing.py)."""
    from complaintctl.files import check_database_file
    from complaintctl.store.sharing import apply_umask, create_database_file, fix_companions, write_blocker

    check_sqlite_version()
    path = Path(path)
    check_database_file(path)  # a disk, a device or a file of the system is no database
    shared = apply_umask(path)
    if path.is_dir():
        raise ComplaintError(f"{path} is a directory", hint="give --db the path of a file")
    if not path.exists():
        if readonly:
            raise no_database(path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            create_database_file(path)
        except OSError as exc:
            raise ComplaintError(f"cannot create {path}: {exc.strerror}") from exc
    blocked = write_blocker(path)
    if readonly or blocked:
        conn = open_readonly(path)
        conn.read_only_reason = blocked or "it was opened read-only"
    else:
        try:
            conn = sqlite3.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT_SECONDS, factory=DeskConnection)
        except sqlite3.OperationalError as exc:
            raise ComplaintError(f"cannot open database {path}: {exc}") from exc
    conn.row_factory = sqlite3.Row
    conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_SECONDS * 1000)}")
    conn.execute("PRAGMA foreign_keys = ON")
    try:
        if migrate and not readonly:
            _bring_up_to_date(conn, path, adopt=adopt)
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise ComplaintError(f"{path} is not a complaintctl database ({exc})", hint="check --db / COMPLAINTCTL_DB") \
            from exc
    except BaseException:
        conn.close()
        raise
    if shared and not blocked:
        conn.execute("SELECT 1 FROM sqlite_master LIMIT 1")  # a first read opens the -wal/-shm
        fix_companions(path)
    return conn


CREATE_HINT = N_("`complaintctl init` creates it; or check --db / COMPLAINTCTL_DB")


def no_database(path: Path | str) -> NotFound:
    """The error of a database that is not there, in the reader's language."""
    return NotFound(L_("no database at {path}", path=str(path)), hint=L_(CREATE_HINT))


def open_readonly(path: Path) -> DeskConnection:
    """A read-only connection that works in a read-only folder too: a WAL database needs its
    -shm file, which a reader cannot create there; with no -wal beside it (nobody is writing,
    as writing would need the folder) the file alone is the whole database (immutable)."""
    from complaintctl.store.sharing import write_blocker

    uri = f"{path.resolve().as_uri()}?mode=ro"
    folder = path.absolute().parent
    wal, shm = (path.with_name(path.name + s) for s in ("-wal", "-shm"))
    if not os.access(folder, os.W_OK) and not shm.exists():
        if wal.exists() and wal.stat().st_size > 0:
            raise ComplaintError(f"cannot read {path}: {write_blocker(path)}, and its -wal holds changes "
                                 "that need an -shm file to be read", hint="ask someone who can write the folder "
                                 "to run `complaintctl check` once, which folds them into the file")
        uri += "&immutable=1"
    try:
        return sqlite3.connect(uri, uri=True, isolation_level=None, timeout=BUSY_TIMEOUT_SECONDS,
                               factory=DeskConnection)
    except sqlite3.OperationalError as exc:
        raise ComplaintError(f"cannot open database {path}: {exc}") from exc


def _bring_up_to_date(conn: DeskConnection, path: Path, *, adopt: bool) -> None:
    from complaintctl.store.version import SCHEMA_VERSION

    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version == SCHEMA_VERSION:
        return
    if version > SCHEMA_VERSION:
        raise ComplaintError(f"{path} has schema version {version}, newer than this complaintctl knows "
                             f"({SCHEMA_VERSION})", hint="upgrade complaintctl")
    if version == 0 and not adopt:
        # the version and the tables from one snapshot: read apart, another opener of a new file could
        # commit its first step (tables and version together) between them, and its tables would
        # look like another program's
        conn.execute("BEGIN")
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                                                 "AND name NOT LIKE 'sqlite_%' ORDER BY name LIMIT 6")]
        finally:
            conn.execute("COMMIT")
        if version == 0 and tables:
            shown = ", ".join(tables[:5]) + (", ..." if len(tables) > 5 else "")
            raise Refused(f"{path} is another program's SQLite database (tables: {shown}); complaintctl "
                          "adds nothing to it", hint="check --db / COMPLAINTCTL_DB; `complaintctl init` "
                          "adds complaintctl's tables to it if that is what you want")
    if conn.read_only_reason is not None and version < SCHEMA_VERSION:
        raise Refused(f"{path} has schema version {version} and needs upgrading to {SCHEMA_VERSION}, "
                      f"but {conn.read_only_reason}", hint="ask someone who can write it to run `complaintctl init`")
    from complaintctl.store.migrations import migrate as run_migrations

    run_migrations(conn)


@contextmanager
def transaction(conn: Connection, *, complaint: int | None = None) -> Iterator[Connection]:
    """One write transaction, taken at once (BEGIN IMMEDIATE): all of it or nothing. On SQLite
    it holds the file's write lock; on PostgreSQL the desk's writer lock, or, given the one
    ``complaint`` it changes, a lock on that complaint (writers of other complaints go on)."""
    reason = getattr(conn, "read_only_reason", None)
    if reason is not None:
        raise Refused(f"cannot write to the database: {reason}", hint="nothing was changed")
    if complaint is not None and hasattr(conn, "lock_mode"):
        setattr(conn, "lock_mode", ("complaint", complaint))  # noqa: B010 - PostgreSQL's connection alone has it
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    else:
        conn.execute("COMMIT")


# A bare connection to an SQLite file, for work on the file itself (a backup copied page by page
# with its backup() method): what open_file and open_immutable give.
FileConnection = sqlite3.Connection


def open_file(path: str | os.PathLike, *, timeout: float = 5.0) -> FileConnection:
    """A bare connection to an SQLite file, with none of ``connect``'s checks, pragmas or
    migrations: for the file-level work of backups and restores (a file copied page by page)."""
    return sqlite3.connect(path, isolation_level=None, timeout=timeout)


def open_immutable(path: str | os.PathLike) -> FileConnection:
    """A file read as it is, never written (a backup): no -wal or -shm is made beside it."""
    return sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro&immutable=1", uri=True, isolation_level=None)
