"""The database file as the commands see it: which file, opening it, creating or repairing it
(init), and what a database failure means to the person who ran the command.

cli/ holds a connection only to hand it to core; finding, opening and creating the file is
decided here, on top of store/."""

from __future__ import annotations

import os
from pathlib import Path

from complaintctl.errors import ComplaintError, ExitCode, InvalidInput, NotFound
from complaintctl.i18n import L_
from complaintctl.i18n.said import Input, Step
from complaintctl.store.engine import DatabaseError, OperationalError


def database_path(explicit: str | os.PathLike | None = None) -> Path | str:
    """--db, else $COMPLAINTCTL_DB, else the per-user default: a file's path, or a
    postgresql:// URL."""
    from complaintctl.store.db import resolve_db_path

    return resolve_db_path(explicit)


def user_folder() -> Path:
    """This user's own folder, where the per-user database lives ($XDG_DATA_HOME/complaintctl),
    whichever database a command uses: what a person typed and has not logged yet is kept there."""
    from complaintctl.store.db import default_db_path

    return default_db_path().parent


def on_server(path: Path | str) -> bool:
    """Is the database a server's (a postgresql:// URL) rather than a file?"""
    from complaintctl.store.db import is_server

    return is_server(path)


def shown(path: Path | str) -> str:
    """The database as messages name it (a URL without its password)."""
    if on_server(path):
        from complaintctl.store.sqltext import redacted

        return redacted(str(path))
    return str(path)


def name_of(path: Path | str) -> str:
    """The database's short name: a file's stem (as Datasette names it), a server database's name."""
    if on_server(path):
        from urllib.parse import urlsplit

        return urlsplit(str(path)).path.lstrip("/") or "complaints"
    return Path(path).stem


def exists(path: Path | str) -> bool:
    """Is there a database at ``path``? A server's database is there (its desk may not be yet)."""
    return on_server(path) or Path(path).exists()


def open_database(path: Path | str, *, may_create: bool = False, readonly: bool = False):
    """The database at ``path``, brought up to date (unless ``readonly``). A missing file, or
    a desk missing from a server's database, is created only when ``may_create``: nothing that
    only reads creates anything."""
    from complaintctl.store.db import connect, no_database

    if on_server(path):
        return _open_on_server(str(path), may_create=may_create, readonly=readonly)
    if not may_create and not Path(path).exists():
        raise no_database(path)
    return connect(path, readonly=readonly)


def _open_on_server(url: str, *, may_create: bool, readonly: bool):
    from complaintctl.store.catalog import schema_version
    from complaintctl.store.db import connect
    from complaintctl.store.postgresql.migrate import bring_up_to_date

    conn = connect(url, migrate=False, readonly=readonly)
    try:
        version = schema_version(conn)
        created = version == 0
        conn.created_desk = created  # type: ignore[attr-defined]  # the run says it made the desk (cli/common.py)
        if created and not may_create:
            raise NotFound(L_("no complaintctl desk in {url} yet", url=shown(url)),
                           hint=L_("{step} makes one (or a first log or import)", step=Step("init")))
        if not readonly:
            bring_up_to_date(conn, version=version)
    except BaseException:
        conn.close()
        raise
    return conn


def open_for_completion(path: Path | str):
    """A read-only connection for tab completion, or None when there is no database yet."""
    if not on_server(path) and not Path(path).exists():
        return None
    from complaintctl.store.db import connect

    try:
        return connect(path, readonly=True)
    except ComplaintError:
        return None


def init_database(path: Path, *, shared: bool = False, roles: bool = False) -> dict:
    """Create the database or bring it up to date, in one transaction: rebuild the indexes an
    interrupted import deferred, recreate the indexes, views and triggers dropped by hand.
    ``shared``: team mode (store/sharing.py), before the file is created and after. ``roles``:
    on PostgreSQL, the desk's agent, lead and auditor roles with their grants
    (store/postgresql/roles.py), in the same transaction."""
    from complaintctl.store.bulk import rebuild_indexes
    from complaintctl.store.db import connect, transaction
    from complaintctl.store.migrations import restore_missing_objects
    from complaintctl.store.sharing import share_database
    from complaintctl.store.version import SCHEMA_VERSION

    if on_server(path):
        if shared:
            raise InvalidInput(L_("{shared} is for a database file", shared=Input("shared")),
                               hint=L_("on PostgreSQL, who may read and write is the server's: database roles and "
                                       "grants (docs/security.md)"))
        conn = _open_on_server(str(path), may_create=True, readonly=False)
        made: dict[str, str] = {}
        try:
            existed = not getattr(conn, "created_desk", False)
            with transaction(conn):
                restored = restore_missing_objects(conn)
                if roles:
                    from complaintctl.store.postgresql.roles import create_roles

                    made = create_roles(conn)
        finally:
            conn.close()
        return {"database": shown(path), "created": not existed, "schema_version": SCHEMA_VERSION,
                "rebuilt_indexes": [], "restored": restored, "shared": False, "shared_changes": [], "roles": made}
    if roles:
        raise InvalidInput(L_("{roles} makes a PostgreSQL server's roles: a database file has none",
                              roles=Input("roles")),
                           hint=L_("on a file, who may read and write is the file's: its owner, or team mode's group"))
    existed = path.exists()
    shared_changes: list[str] = []
    if shared:
        path.parent.mkdir(parents=True, exist_ok=True)
        shared_changes = share_database(path)  # before the file is created: it is created the team's
    conn = connect(path, adopt=True)  # init is how another program's SQLite file is taken over
    try:
        with transaction(conn):
            rebuilt = rebuild_indexes(conn)  # left behind by a bulk import that was killed
            restored = restore_missing_objects(conn)  # dropped by hand; `check` reports them
    finally:
        conn.close()
    if shared:
        shared_changes += share_database(path)
    return {"database": str(path), "created": not existed, "schema_version": SCHEMA_VERSION,
            "rebuilt_indexes": rebuilt, "restored": restored, "shared": shared, "shared_changes": shared_changes,
            "roles": {}}


def team_sharing(path: Path) -> dict | None:
    """When ``path`` is in team mode (its folder group-writable, not world-writable), the folder,
    its group and mode: a database created there is the group's, which its creator may not have
    meant (a umask of 002 with a primary group shared by many users makes such folders)."""
    import os
    import stat

    from complaintctl.store.sharing import group_name, mode_text, team_mode

    if not team_mode(path):
        return None
    folder = path.absolute().parent
    st = os.stat(folder)
    return {"folder": str(folder), "group": group_name(st.st_gid), "mode": mode_text(stat.S_IMODE(st.st_mode))}


def explain_failure(exc: Exception, path: Path) -> ComplaintError | None:
    """What a failure that is not a ComplaintError means to the user of ``path``, as one
    ComplaintError (message and exit code); None when it is a bug (an internal error)."""

    from complaintctl.core.intake import ImportStopped

    if isinstance(exc, ImportStopped):  # part of the file was imported: the failure says so
        inner = explain_failure(exc.cause, path) or ComplaintError(
            L_("internal error: {kind}: {error} (run with {debug} for details)", kind=type(exc.cause).__name__,
               error=str(exc.cause), debug=Input("debug")))
        return ComplaintError(inner.message, hint=exc.saved, exit_code=inner.exit_code)
    if isinstance(exc, OperationalError):
        text = str(exc)
        if "locked" in text or "busy" in text:
            return ComplaintError("the database stayed locked by another process for too long; try again")
        if "readonly database" in text:
            from complaintctl.store.sharing import write_blocker

            return ComplaintError(f"cannot write to {path}: {write_blocker(path) or exc}")
        return ComplaintError(f"database error: {exc}")
    if isinstance(exc, DatabaseError):
        return ComplaintError(f"database error: {exc} (is {path} a complaintctl database?)")
    if isinstance(exc, (UnicodeError, RecursionError, OverflowError)):
        what = {RecursionError: "the input is nested too deeply to read",
                OverflowError: "a number or date in the input is out of range"}.get(type(exc), "the input is not valid text")
        return ComplaintError(f"{what} ({type(exc).__name__}: {str(exc)[:200]})", exit_code=ExitCode.USAGE)
    if isinstance(exc, OSError):  # a full disk, a file that vanished, a permission: the system's own words
        return ComplaintError(f"{exc.strerror or exc}" + (f": {exc.filename}" if exc.filename else "")
                              + "; what was being written is incomplete or was not written", exit_code=ExitCode.FAILED)
    return None
