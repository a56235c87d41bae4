"""Restoring a backup.

A restore writes the backup's pages into the live database through SQLite (so its -wal and
-shm stay consistent: no stale -wal can bring newer data back), only while nobody else has
the database open, after keeping an exact copy of what it replaces under a name no other file
has (never replacing one, however many restores run in a second).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from datetime import datetime
from pathlib import Path

from complaintctl.core.trust.backups import COMPANIONS, MARKER_KEY, PARTIAL_TAG, backup_name, default_backup_dir
from complaintctl.errors import ComplaintError, InvalidInput, NotFound, Refused
from complaintctl.files import is_sqlite_database
from complaintctl.i18n import L_
from complaintctl.i18n.said import Step
from complaintctl.store.db import FileConnection, open_file, open_immutable
from complaintctl.store.engine import DatabaseError, Error, OperationalError
from complaintctl.store.sharing import make_directory

RESTORE_WAIT_SECONDS = 5.0


def check_backup(backup: Path) -> dict:
    """Is ``backup`` a sound complaintctl database? Its schema version and counts. Whatever is
    wrong with it is said of the backup, never of the live database."""
    if not backup.is_file():
        raise NotFound(L_("no backup at {backup}", backup=str(backup)),
                       hint=L_("{step} makes them, in backups/ beside the database", step=Step("backup")))
    if not is_sqlite_database(backup):
        raise InvalidInput(L_("{backup} is not an SQLite database", backup=str(backup)),
                           hint=L_("give a file {step} wrote", step=Step("backup")))
    wal = _companion(backup, "-wal")
    if wal.exists() and wal.stat().st_size:
        raise Refused(L_("{backup} has a -wal file beside it holding changes not in the file itself", backup=str(backup)),
                      hint=L_("run {step} once, which folds them in, then restore", step=Step("check", db=str(backup))))
    try:
        return _read_backup(backup)
    except DatabaseError as exc:
        raise Refused(f"the backup {backup} is damaged ({exc}); nothing was restored",
                      hint="restore an older backup") from None


def _read_backup(backup: Path) -> dict:
    from complaintctl.store.version import SCHEMA_VERSION

    conn = _open_backup(backup)
    try:
        problems = [r[0] for r in conn.execute("PRAGMA integrity_check(5)")]
        if problems != ["ok"]:
            raise Refused(f"the backup {backup} is damaged ({'; '.join(problems)}); nothing was restored",
                          hint="restore an older backup")
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if not 0 < version <= SCHEMA_VERSION or not conn.execute(
                "SELECT 1 FROM sqlite_master WHERE name = 'complaints'").fetchone():
            raise Refused(f"{backup} is not a complaintctl database this version can restore "
                          f"(schema version {version}, this complaintctl writes {SCHEMA_VERSION})")
        counts = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("complaints", "events")}
    finally:
        conn.close()
    return {"schema_version": version, **counts}


def _open_backup(backup: Path) -> FileConnection:
    """A backup is never written once made: read it as it is (immutable), leaving no -wal or
    -shm beside it."""
    return open_immutable(backup)


def restore_backup(db: Path, backup: Path, now: datetime | None = None) -> dict:
    """Replace the contents of ``db`` with ``backup``, after keeping a copy of what it replaces,
    only while nobody else has it open; the result is checked."""
    from complaintctl.core.trust.backups import refuse_on_server
    from complaintctl.store.sharing import apply_umask

    refuse_on_server(db, L_("restore puts a backup file in place of a database file"))

    apply_umask(db)
    backup = backup.expanduser()
    if db.exists() and backup.resolve() == db.resolve():
        raise InvalidInput("that is the database itself", hint="give a backup file")
    found = check_backup(backup)
    if not db.exists():
        from complaintctl.store.sharing import create_database_file

        make_directory(db.parent, db)
        create_database_file(db)
    live = _lock_alone(db)  # None: the file is not a database SQLite can lock (damaged beyond reading)
    kept = None
    try:
        kept = _keep_copy(db, now) if db.stat().st_size else None
        if live is None:
            _replace_file(db, backup)
            live = open_file(db)
        else:
            source = _open_backup(backup)
            try:
                source.backup(live)
            finally:
                source.close()
        live.execute("DELETE FROM settings WHERE key = ?", (MARKER_KEY,))  # the database is no backup
        problems = [r[0] for r in live.execute("PRAGMA integrity_check(5)")]
        if problems != ["ok"]:
            raise ComplaintError(f"the restored database failed its check ({'; '.join(problems)})")
    except (Error, OSError, ComplaintError) as exc:
        message = exc.message if isinstance(exc, ComplaintError) else str(exc)
        raise ComplaintError(f"restore failed: {message}",
                             hint=f"what was there before is kept in {kept}" if kept else None) from None
    finally:
        if live is not None:
            live.close()
    return {"database": str(db), "restored_from": str(backup), "previous_kept_in": str(kept) if kept else None,
            **found}


def _lock_alone(db: Path) -> FileConnection | None:
    """A connection holding the database exclusively; refused while another process has it
    open. None when the file is not a database SQLite can open at all."""
    conn = open_file(db, timeout=RESTORE_WAIT_SECONDS)
    try:
        conn.execute("PRAGMA locking_mode = EXCLUSIVE")
        conn.execute("BEGIN EXCLUSIVE")
        conn.execute("COMMIT")  # exclusive locking mode keeps the lock after the transaction
    except OperationalError as exc:
        conn.close()
        if "locked" in str(exc) or "busy" in str(exc):
            raise Refused(f"others are using {db} (a command is running or a program has it open); nothing was "
                          "restored", hint="ask them to stop, then run restore again") from None
        raise ComplaintError(f"cannot open {db} to restore into it: {exc}") from None
    except DatabaseError:
        conn.close()
        return None
    return conn


def _replace_file(db: Path, backup: Path) -> None:
    """For a file SQLite cannot read: the backup copied beside it and renamed over it; the
    -wal/-shm that went with the damaged file (kept in the copy) go."""
    fd, temp_name = tempfile.mkstemp(prefix=f".{db.name}.{PARTIAL_TAG}", suffix=".partial", dir=db.parent)
    os.close(fd)
    temp = Path(temp_name)
    try:
        source = _open_backup(backup)
        target = open_file(temp)
        try:
            source.backup(target)
            target.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            target.close()
            source.close()
        for suffix in COMPANIONS:
            _companion(db, suffix).unlink(missing_ok=True)
        os.replace(temp, db)
    finally:
        for leftover in [temp, *(_companion(temp, s) for s in COMPANIONS)]:
            leftover.unlink(missing_ok=True)


def _keep_copy(db: Path, now: datetime | None) -> Path:
    """An exact copy of the database and its -wal (taken under the exclusive lock, so the two
    agree), beside the backups, named so that `--keep` never prunes it (it carries no marker)
    and under a name no file had: the second restore in a second gets ...-2.db."""
    folder = default_backup_dir(db)
    make_directory(folder, db)
    for number in range(1, 1000):
        kept = folder / backup_name(db, now, before_restore=True, number=number)
        try:
            fd = os.open(kept, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        except FileExistsError:
            continue
        with os.fdopen(fd, "wb") as out, open(db, "rb") as source:
            shutil.copyfileobj(source, out)
        break
    else:
        raise ComplaintError(f"no free name for the copy of {db} in {folder}; nothing was restored")
    wal = _companion(db, "-wal")
    if wal.exists() and wal.stat().st_size:
        shutil.copyfile(wal, _companion(kept, "-wal"))
    return kept


def _companion(path: Path, suffix: str) -> Path:
    return path.with_name(path.name + suffix)
