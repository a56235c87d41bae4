"""Backups and restores of the database file.

A backup is SQLite's online backup: a copy of the database as of one moment (a read
transaction, which in WAL mode never blocks writers), so a copy taken mid-import holds whole
batches only. It is written beside its destination under a hidden temporary name, checked
with the full `integrity_check`, and only then renamed to a backup's name: a backup's path
holds a whole, sound copy or nothing. While it is written the temporary file is locked
(flock); a temporary file nobody holds a lock on was left by a killed backup, and the next
backup in that folder deletes it.

A restore writes the backup's pages into the live database through SQLite (so its -wal and
-shm stay consistent: no stale -wal can bring newer data back), only while nobody else has
the database open, after keeping an exact copy of what it replaces.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import tempfile
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from complaintctl.errors import ComplaintError, InvalidInput, NotFound, Refused
from complaintctl.files import give_mode, is_sqlite_database, output_target
from complaintctl.store.sharing import make_directory, share_like_database

STAMP = "%Y%m%dT%H%M%SZ"
PARTIAL = re.compile(r"\..+\.[A-Za-z0-9_]{8}\.partial")
COMPANIONS = ("-wal", "-shm", "-journal")
RESTORE_WAIT_SECONDS = 5.0


def default_backup_dir(db: Path) -> Path:
    return db.parent / "backups"


def backup_name(db: Path, now: datetime | None = None, *, before_restore: bool = False) -> str:
    """complaints-20261124T140501Z.db: sorts by time, says which database it copies."""
    moment = (now or datetime.now(timezone.utc)).astimezone(timezone.utc)
    return f"{db.stem}-{'before-restore-' if before_restore else ''}{moment.strftime(STAMP)}.db"


@dataclass
class BackupRequest:
    dest: str | None = None  # a file, or a directory for a dated file; None: backups/ beside the database
    keep: int | None = None  # then keep only the newest N dated backups in that directory
    force: bool = False  # replace an existing file
    mkdir: bool = False  # create a missing destination directory


def make_backup(db: Path, request: BackupRequest, now: datetime | None = None) -> dict:
    """Back ``db`` up as ``request`` says; return what was copied, pruned and cleaned up."""
    target = Path(request.dest).expanduser() if request.dest else default_backup_dir(db)
    dated = request.dest is None or target.is_dir() or request.dest.endswith(("/", os.sep))
    directory = target if dated else target.parent
    if dated:
        target = target / backup_name(db, now)
    elif request.keep:
        raise InvalidInput("--keep needs a directory to prune", hint="give DEST as a directory, or leave it out")
    if not directory.is_dir():
        if request.dest is not None and not request.mkdir:  # an unmounted disk must not fill the mount point
            raise NotFound(f"no directory {directory}", hint="create it, or add --mkdir")
        try:
            make_directory(directory, db)
        except OSError as exc:
            raise ComplaintError(f"cannot create {directory}: {exc.strerror}") from None
    cleaned = remove_abandoned_partials(directory)
    result = backup_database(db, target, force=request.force)
    pruned = prune_backups(directory, db, request.keep) if dated and request.keep else []
    result["pruned"] = [str(p) for p in pruned]
    result["abandoned_removed"] = [str(p) for p in cleaned]
    return result


def backup_database(db: Path, dest: Path, *, force: bool = False) -> dict:
    """Copy ``db`` to the file ``dest``, checked before it takes that name; return what was copied."""
    if dest.exists() and not force:
        raise Refused(f"{dest} already exists", hint="use --force to replace it, or give another path")
    if dest.exists() and dest.resolve() == db.resolve():
        raise Refused("the backup would replace the database itself", hint="give another path")
    _check_destination(dest)
    try:
        fd, temp_name = tempfile.mkstemp(prefix=f".{dest.name}.", suffix=".partial", dir=dest.parent)
    except OSError as exc:
        raise ComplaintError(f"cannot write to {dest.parent}: {exc.strerror}") from None
    temp = Path(temp_name)
    try:
        import fcntl

        fcntl.flock(fd, fcntl.LOCK_EX)  # held until this process ends: the file is not abandoned
        give_mode(fd, dest)  # a new backup: private alone, the team's in team mode; a replaced one keeps its mode
        if not dest.exists():
            share_like_database(temp, db)
        counts = _copy_and_check(db, temp, dest)
        os.replace(temp, dest)
        _sync_directory(dest.parent)
    except sqlite3.Error as exc:
        raise ComplaintError(f"backup to {dest} failed: {exc}; nothing was written to {dest}") from None
    except OSError as exc:
        raise ComplaintError(f"backup to {dest} failed: {exc.strerror or exc}; nothing was written to {dest}") \
            from None
    finally:
        os.close(fd)
        for leftover in [temp, *(_companion(temp, s) for s in COMPANIONS)]:
            leftover.unlink(missing_ok=True)
    return {"database": str(db), "backup": str(dest), "bytes": dest.stat().st_size, **counts}


def _copy_and_check(db: Path, temp: Path, dest: Path) -> dict:
    from complaintctl.store.db import open_readonly

    source = open_readonly(db)
    target = sqlite3.connect(temp, isolation_level=None)
    try:
        source.backup(target)  # page 1 comes along: the copy is in WAL mode, like its source
        problems = [r[0] for r in target.execute("PRAGMA integrity_check(5)")]
        if problems != ["ok"]:
            raise ComplaintError(f"the copy failed SQLite's integrity check ({'; '.join(problems)}); nothing was "
                                 f"written to {dest}", hint="the database itself is damaged: run `complaintctl check`")
        counts = {table: target.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                  for table in ("complaints", "events")}
        target.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        target.close()
        source.close()
    return counts


def _check_destination(dest: Path) -> None:
    """A backup replaces (with --force) only a regular file that is not a database's -wal,
    -shm or journal, nor a device."""
    if is_sqlite_database(dest):
        return  # an older backup, replaced with --force (the database itself was refused above)
    _target, direct = output_target(dest)
    if direct:
        raise Refused(f"{dest} is a device or a pipe, not a file a backup can be renamed into",
                      hint="give the path of a file or a directory")


def _companion(path: Path, suffix: str) -> Path:
    return path.with_name(path.name + suffix)


def remove_abandoned_partials(directory: Path) -> list[Path]:
    """Delete the temporary files of backups that were killed (nobody holds their lock), with
    their -wal/-shm/-journal; return the deleted paths."""
    import fcntl

    removed = []
    try:
        names = os.listdir(directory)
    except OSError:
        return []
    for name in names:
        base = re.sub(r"(-wal|-shm|-journal)$", "", name)
        if not PARTIAL.fullmatch(base):
            continue
        path = directory / name
        if name == base:
            try:
                fd = os.open(path, os.O_RDONLY)
            except OSError:
                continue
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                continue  # a backup in progress
            finally:
                os.close(fd)
            if path.stat().st_size and not is_sqlite_database(path):
                continue  # not one of ours
        elif (directory / base).exists():
            continue  # goes with its base, which decides
        for doomed in (path, *(_companion(path, s) for s in COMPANIONS)) if name == base else (path,):
            if doomed.exists():
                doomed.unlink()
                removed.append(doomed)
    return removed


def prune_backups(directory: Path, db: Path, keep: int) -> list[Path]:
    """Delete all but the newest ``keep`` backups of ``db`` in ``directory`` (only files
    named as `backup_name` names them); return the deleted paths."""
    pattern = re.compile(re.escape(db.stem) + r"-\d{8}T\d{6}Z\.db")
    ours = sorted(p for p in directory.iterdir() if p.is_file() and pattern.fullmatch(p.name))
    doomed = ours[:-keep] if keep > 0 else ours
    for path in doomed:
        path.unlink()
    return doomed


def _sync_directory(directory: Path) -> None:
    """Make the rename itself durable (a success message means the backup is on disk)."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:  # not possible on every platform; the file's own data is already synced
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def check_backup(backup: Path) -> dict:
    """Is ``backup`` a sound complaintctl database? Its schema version and counts."""
    from complaintctl.store.version import SCHEMA_VERSION

    if not backup.is_file():
        raise NotFound(f"no backup at {backup}", hint="`complaintctl backup` makes them, in backups/ beside the database")
    if not is_sqlite_database(backup):
        raise InvalidInput(f"{backup} is not an SQLite database", hint="give a file `complaintctl backup` wrote")
    wal = _companion(backup, "-wal")
    if wal.exists() and wal.stat().st_size:
        raise Refused(f"{backup} has a -wal file beside it holding changes not in the file itself",
                      hint=f"run `complaintctl --db {backup} check` once, which folds them in, then restore")
    conn = _open_backup(backup)
    try:
        problems = [r[0] for r in conn.execute("PRAGMA integrity_check(5)")]
        if problems != ["ok"]:
            raise Refused(f"{backup} is damaged ({'; '.join(problems)}); nothing was restored",
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


def _open_backup(backup: Path) -> sqlite3.Connection:
    """A backup is never written once made: read it as it is (immutable), leaving no -wal or
    -shm beside it."""
    return sqlite3.connect(f"{backup.resolve().as_uri()}?mode=ro&immutable=1", uri=True, isolation_level=None)


def restore_backup(db: Path, backup: Path, now: datetime | None = None) -> dict:
    """Replace the contents of ``db`` with ``backup``, after keeping a copy of what it replaces,
    only while nobody else has it open; the result is checked."""
    from complaintctl.store.sharing import apply_umask

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
            live = sqlite3.connect(db, isolation_level=None)
        else:
            source = _open_backup(backup)
            try:
                source.backup(live)
            finally:
                source.close()
        problems = [r[0] for r in live.execute("PRAGMA integrity_check(5)")]
        if problems != ["ok"]:
            raise ComplaintError(f"the restored database failed its check ({'; '.join(problems)})")
    except (sqlite3.Error, OSError, ComplaintError) as exc:
        message = exc.message if isinstance(exc, ComplaintError) else str(exc)
        raise ComplaintError(f"restore failed: {message}",
                             hint=f"what was there before is kept in {kept}" if kept else None) from None
    finally:
        if live is not None:
            live.close()
    return {"database": str(db), "restored_from": str(backup), "previous_kept_in": str(kept) if kept else None,
            **found}


def _lock_alone(db: Path) -> sqlite3.Connection | None:
    """A connection holding the database exclusively; refused while another process has it
    open. None when the file is not a database SQLite can open at all."""
    conn = sqlite3.connect(db, isolation_level=None, timeout=RESTORE_WAIT_SECONDS)
    try:
        conn.execute("PRAGMA locking_mode = EXCLUSIVE")
        conn.execute("BEGIN EXCLUSIVE")
        conn.execute("COMMIT")  # exclusive locking mode keeps the lock after the transaction
    except sqlite3.OperationalError as exc:
        conn.close()
        if "locked" in str(exc) or "busy" in str(exc):
            raise Refused(f"others are using {db} (a command is running or a program has it open); nothing was "
                          "restored", hint="ask them to stop, then run restore again") from None
        raise ComplaintError(f"cannot open {db} to restore into it: {exc}") from None
    except sqlite3.DatabaseError:
        conn.close()
        return None
    return conn


def _replace_file(db: Path, backup: Path) -> None:
    """For a file SQLite cannot read: the backup copied beside it and renamed over it; the
    -wal/-shm that went with the damaged file (kept in the copy) go."""
    fd, temp_name = tempfile.mkstemp(prefix=f".{db.name}.", suffix=".partial", dir=db.parent)
    os.close(fd)
    temp = Path(temp_name)
    try:
        source = _open_backup(backup)
        target = sqlite3.connect(temp, isolation_level=None)
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
    agree), beside the backups, named so that `--keep` never prunes it."""
    folder = default_backup_dir(db)
    make_directory(folder, db)
    kept = folder / backup_name(db, now, before_restore=True)
    shutil.copyfile(db, kept)
    wal = _companion(db, "-wal")
    if wal.exists() and wal.stat().st_size:
        shutil.copyfile(wal, _companion(kept, "-wal"))
    return kept
