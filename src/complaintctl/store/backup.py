"""Backups: a consistent copy of the database file while others keep working.

SQLite's online backup copies the database as of one moment (a read transaction, which
in WAL mode never blocks writers), so a copy taken mid-import holds whole batches only.
The copy is written beside its destination under a temporary name, checked, and then
renamed into place: a destination path either holds a complete backup or nothing. It is
one self-contained file, in WAL mode like the database, so that a restored copy serves
several people at once straight away.
"""

from __future__ import annotations

import os
import re
import sqlite3
import tempfile
from datetime import datetime, timezone
from pathlib import Path

from complaintctl.errors import ComplaintError, Refused
from complaintctl.files import give_mode, is_sqlite_database
from complaintctl.store.sharing import make_directory, share_like_database

STAMP = "%Y%m%dT%H%M%SZ"


def default_backup_dir(db: Path) -> Path:
    return db.parent / "backups"


def backup_name(db: Path, now: datetime | None = None) -> str:
    """complaints-20261124T140501Z.db: sorts by time, says which database it copies."""
    moment = (now or datetime.now(timezone.utc)).astimezone(timezone.utc)
    return f"{db.stem}-{moment.strftime(STAMP)}.db"


def backup_database(db: Path, dest: Path, *, force: bool = False) -> dict:
    """Copy ``db`` to the file ``dest``; return what was copied."""
    if dest.exists() and not force:
        raise Refused(f"{dest} already exists", hint="use --force to replace it, or give another path")
    if dest.resolve() == db.resolve():
        raise Refused("the backup would replace the database itself", hint="give another path")
    _check_destination(dest)
    try:
        make_directory(dest.parent, db)
        fd, temp_name = tempfile.mkstemp(prefix=f".{dest.name}.", suffix=".partial", dir=dest.parent)
    except OSError as exc:
        raise ComplaintError(f"cannot write to {dest.parent}: {exc.strerror}") from None
    temp = Path(temp_name)
    try:  # a new backup: private alone, the team's in team mode; a replaced one keeps its mode
        give_mode(fd, dest)
        if not dest.exists():
            share_like_database(temp, db)
    finally:
        os.close(fd)
    try:
        source = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True, timeout=30)
        target = sqlite3.connect(temp, isolation_level=None)
        try:
            source.backup(target)  # page 1 comes along: the copy is in WAL mode, like its source
            check = target.execute("PRAGMA quick_check").fetchone()[0]
            counts = {table: target.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                      for table in ("complaints", "events")}
        finally:
            target.close()
            source.close()
        if check != "ok":
            raise ComplaintError(f"the copy failed its check ({check}); nothing was written to {dest}",
                                 hint="run `complaintctl check` on the database")
        os.replace(temp, dest)
        _sync_directory(dest.parent)
    except sqlite3.Error as exc:
        raise ComplaintError(f"backup to {dest} failed: {exc}") from None
    except OSError as exc:
        raise ComplaintError(f"backup to {dest} failed: {exc.strerror or exc}") from None
    finally:
        temp.unlink(missing_ok=True)
    return {"database": str(db), "backup": str(dest), "bytes": dest.stat().st_size,
            "complaints": counts["complaints"], "events": counts["events"]}


def _check_destination(dest: Path) -> None:
    """A backup replaces (with --force) only a regular file that is not a database's -wal,
    -shm or journal."""
    from complaintctl.files import output_target

    if is_sqlite_database(dest):
        return  # an older backup, replaced with --force (the database itself was refused above)
    _target, direct = output_target(dest)
    if direct:
        raise Refused(f"{dest} is a device or a pipe, not a file a backup can be renamed into",
                      hint="give the path of a file or a directory")


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
