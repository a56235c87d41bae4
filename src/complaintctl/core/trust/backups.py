"""Backups of the database file.

A backup is SQLite's online backup: a copy of the database as of one moment (a read
transaction, which in WAL mode never blocks writers), so a copy taken mid-import holds whole
batches only. It is written beside its destination under a hidden temporary name of this
tool's (`.NAME.complaintctl-XXXXXXXX.partial`), checked with the full `integrity_check`, marked
(below) and only then linked to a backup's name, which it never takes from another file: a
backup's path holds a whole, sound copy or nothing. While it is written the temporary file is
locked (flock); a temporary file of ours nobody holds a lock on was left by a killed backup,
and the next backup in that folder deletes it.

Every backup carries a marker inside it (`settings.backup`: the identity of the database it
copies, when, and whether it was a dated one), so `--keep` prunes only this database's dated
backups, whatever the files are called and whoever else backs up into the same folder.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from complaintctl.errors import ComplaintError, InvalidInput, NotFound, Refused
from complaintctl.files import current_umask, give_mode, is_sqlite_database, output_target
from complaintctl.i18n import L_
from complaintctl.i18n.said import Input, Step
from complaintctl.store.db import open_file, open_immutable
from complaintctl.store.engine import Error
from complaintctl.store.sharing import make_directory, share_like_database

STAMP = "%Y%m%dT%H%M%SZ"
PARTIAL_TAG = "complaintctl-"  # in the name of every temporary file a backup or restore writes
PARTIAL = re.compile(r"\..+\.complaintctl-[A-Za-z0-9_]{8}\.partial")
LEGACY_PARTIAL = re.compile(r"\..+\.[A-Za-z0-9_]{8}\.partial")  # the names before the tag
COMPANIONS = ("-wal", "-shm", "-journal")
MARKER_KEY = "backup"  # the settings row a backup carries, and only a backup


def default_backup_dir(db: Path) -> Path:
    return db.parent / "backups"


def backup_name(db: Path, now: datetime | None = None, *, before_restore: bool = False, number: int = 1) -> str:
    """complaints-20261124T140501Z.db: sorts by time, says which database it copies; the second
    in the same second is ...Z-2.db."""
    moment = (now or datetime.now(timezone.utc)).astimezone(timezone.utc)
    extra = f"-{number}" if number > 1 else ""
    return f"{db.stem}-{'before-restore-' if before_restore else ''}{moment.strftime(STAMP)}{extra}.db"


@dataclass
class BackupRequest:
    dest: str | None = None  # a file, or a directory for a dated file; None: backups/ beside the database
    keep: int | None = None  # then keep only the newest N dated backups in that directory
    force: bool = False  # replace an existing file
    mkdir: bool = False  # create a missing destination directory


def refuse_on_server(db, what: str) -> None:
    """Backups and restores are of a file; a database on PostgreSQL has the server's own."""
    from complaintctl.store.db import is_server

    if is_server(db):
        raise Refused(L_("{what}; this desk is on PostgreSQL, whose backups are the server's", what=what),
                      hint=L_("pg_dump (one database) or pg_basebackup (the whole server), a standby replica for failover, "
                              "or {step} for a file: docs/guide.md, Running on PostgreSQL",
                              step=Step("migrate-to", L_("FILE.db"))))


def make_backup(db: Path, request: BackupRequest, now: datetime | None = None) -> dict:
    """Back ``db`` up as ``request`` says; return what was copied, pruned and cleaned up."""
    refuse_on_server(db, L_("backup copies a database file"))
    target = Path(request.dest).expanduser() if request.dest else default_backup_dir(db)
    dated = request.dest is None or target.is_dir() or request.dest.endswith(("/", os.sep))
    directory = target if dated else target.parent
    if not dated and request.keep:
        raise InvalidInput(L_("{keep} needs a directory to prune", keep=Input("keep")),
                           hint=L_("give DEST as a directory, or leave it out"))
    if not directory.is_dir():
        if request.dest is not None and not request.mkdir:  # an unmounted disk must not fill the mount point
            raise NotFound(L_("no directory {directory}", directory=str(directory)),
                           hint=L_("create it, or add {mkdir}", mkdir=Input("mkdir")))
        try:
            make_directory(directory, db)
        except OSError as exc:
            raise ComplaintError(f"cannot create {directory}: {exc.strerror}") from None
    cleaned = remove_abandoned_partials(directory)
    moment = (now or datetime.now(timezone.utc)).astimezone(timezone.utc)
    if dated:
        result = backup_database(db, directory, force=False, dated_at=moment)
    else:
        result = backup_database(db, target, force=request.force, dated_at=None, now=moment)
    pruned = prune_backups(directory, db, request.keep) if dated and request.keep else []
    result["pruned"] = [str(p) for p in pruned]
    result["abandoned_removed"] = [str(p) for p in cleaned]
    return result


def backup_database(db: Path, dest: Path, *, force: bool = False, dated_at: datetime | None = None,
                    now: datetime | None = None) -> dict:
    """Copy ``db`` to the file ``dest`` (with ``dated_at``: ``dest`` is a directory, and the copy
    gets the first free dated name in it), checked before it takes that name; return what was
    copied."""
    folder = dest if dated_at is not None else dest.parent
    if dated_at is None:
        _check_destination(db, dest, force)
    taken_at = dated_at or now or datetime.now(timezone.utc)
    try:
        fd, temp_name = tempfile.mkstemp(prefix=f".{dest.name if dated_at is None else db.stem}.{PARTIAL_TAG}",
                                         suffix=".partial", dir=folder)
    except OSError as exc:
        raise ComplaintError(f"cannot write to {folder}: {exc.strerror}") from None
    temp = Path(temp_name)
    try:
        import fcntl

        fcntl.flock(fd, fcntl.LOCK_EX)  # held until this process ends: the file is not abandoned
        if dated_at is None:
            give_mode(fd, dest)  # a replaced one keeps its mode
        else:
            os.fchmod(fd, 0o666 & ~current_umask())  # private alone, the team's in team mode
        share_like_database(temp, db)
        marker = {"of": database_id(db), "taken_at": taken_at.astimezone(timezone.utc).isoformat(),
                  "dated": dated_at is not None}
        counts = _copy_and_check(db, temp, dest, marker)
        dest = _name_it(temp, dest, db, dated_at, replace=force)
        _sync_directory(folder)
    except Error as exc:
        raise ComplaintError(f"backup to {dest} failed: {exc}; nothing was written to {dest}") from None
    except OSError as exc:
        raise ComplaintError(f"backup to {dest} failed: {exc.strerror or exc}; nothing was written to {dest}") \
            from None
    finally:
        os.close(fd)
        for leftover in [temp, *(_companion(temp, s) for s in COMPANIONS)]:
            leftover.unlink(missing_ok=True)
    return {"database": str(db), "backup": str(dest), "bytes": dest.stat().st_size, **counts}


def _check_destination(db: Path, dest: Path, force: bool) -> None:
    """A backup goes where an export may go (never a database, a backup, a read-only file, a
    device), and replaces a file only with ``force``."""
    if dest.exists() and dest.resolve() == db.resolve():
        raise Refused("the backup would replace the database itself", hint="give another path")
    try:
        _target, direct = output_target(dest)
    except Refused as exc:
        if is_sqlite_database(dest):
            raise Refused(L_("{dest} is an SQLite database (a backup, or another program's): a backup never "
                             "replaces one, even with {force}; nothing was written", dest=str(dest), force=Input("force")),
                          hint=L_("give a new file name, or a directory: {step} keeps the newest N",
                                  step=Step("backup", L_("DIR"), keep="N"))) from None
        raise exc from None
    if direct:
        raise Refused(f"{dest} is a device or a pipe, not a file a backup can be renamed into",
                      hint="give the path of a file or a directory")
    if dest.exists() and not force:
        raise Refused(L_("{dest} already exists", dest=str(dest)),
                      hint=L_("use {force} to replace it, or give another path", force=Input("force")))


def _name_it(temp: Path, dest: Path, db: Path, dated_at: datetime | None, *, replace: bool) -> Path:
    """Give the checked copy its name: never another file's (a hard link fails if the name is
    taken), except the file ``replace`` (--force) names. A dated name taken in the same second
    (another backup) moves on to ...-2.db."""
    if replace:
        os.replace(temp, dest)
        return dest
    for number in range(1, 1000):
        name = dest if dated_at is None else dest / backup_name(db, dated_at, number=number)
        try:
            os.link(temp, name)
        except FileExistsError:
            if dated_at is None:
                raise Refused(L_("{dest} already exists (made while this backup ran)", dest=str(dest)),
                              hint=L_("use {force} to replace it, or give another path", force=Input("force"))) from None
            continue
        except OSError:  # a file system without hard links (FAT, some shares): rename, after a look
            if name.exists():
                continue
            os.replace(temp, name)
            return name
        temp.unlink()
        return name
    raise ComplaintError(f"no free backup name in {dest}")


def database_id(db: Path) -> str | None:
    """The database's identity (`settings.database_id`, made by migration 16), or None."""
    from complaintctl.store.db import open_readonly

    conn = open_readonly(db)
    try:
        row = conn.execute("SELECT value FROM settings WHERE key = 'database_id'").fetchone()
    except Error:
        return None
    finally:
        conn.close()
    return row[0] if row else None


def _copy_and_check(db: Path, temp: Path, dest: Path, marker: dict) -> dict:
    from complaintctl.store.db import open_readonly

    source = open_readonly(db)
    target = open_file(temp)
    try:
        source.backup(target)  # page 1 comes along: the copy is in WAL mode, like its source
        problems = [r[0] for r in target.execute("PRAGMA integrity_check(5)")]
        if problems != ["ok"]:
            raise ComplaintError(L_("the copy failed SQLite's integrity check ({problems}); nothing was written to "
                                    "{dest}", problems="; ".join(problems), dest=str(dest)),
                                 hint=L_("the database itself is damaged: run {step}", step=Step("check")))
        counts = {table: target.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                  for table in ("complaints", "events")}
        target.execute("INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = "
                       "excluded.value", (MARKER_KEY, json.dumps(marker)))
        target.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        target.close()
        source.close()
    return counts


def backup_marker(path: Path) -> dict | None:
    """The marker inside a backup ({"of", "taken_at", "dated"}), or None for any other file."""
    if not is_sqlite_database(path):
        return None
    try:
        conn = open_immutable(path)
    except Error:
        return None
    try:
        row = conn.execute("SELECT value FROM settings WHERE key = ?", (MARKER_KEY,)).fetchone()
        marker = json.loads(row[0]) if row else None
    except (Error, ValueError):
        return None
    finally:
        conn.close()
    return marker if isinstance(marker, dict) else None


def _companion(path: Path, suffix: str) -> Path:
    return path.with_name(path.name + suffix)


def remove_abandoned_partials(directory: Path) -> list[Path]:
    """Delete the temporary files of backups and restores that were killed (ours by their name,
    and nobody holds their lock), with their -wal/-shm/-journal; return the deleted paths."""
    removed = []
    try:
        names = os.listdir(directory)
    except OSError:
        return []
    for name in names:
        base = re.sub(r"(-wal|-shm|-journal)$", "", name)
        if not (PARTIAL.fullmatch(base) or LEGACY_PARTIAL.fullmatch(base)):
            continue
        path = directory / name
        if name == base:
            if not _abandoned(path, tagged=PARTIAL.fullmatch(base) is not None):
                continue
        elif (directory / base).exists():
            continue  # goes with its base, which decides
        for doomed in (path, *(_companion(path, s) for s in COMPANIONS)) if name == base else (path,):
            if doomed.exists():
                doomed.unlink()
                removed.append(doomed)
    return removed


def _abandoned(path: Path, *, tagged: bool) -> bool:
    """Nobody holds its lock, and it is ours: by its name, or (a name from before the tag) by
    what it holds: nothing, an SQLite database, or a header SQLite had not written yet."""
    import fcntl

    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False  # a backup in progress
    finally:
        os.close(fd)
    if tagged:
        return True
    with open(path, "rb") as f:
        head = f.read(100)
    return not head or head.startswith(b"SQLite format 3\x00") or head == bytes(len(head))


def prune_backups(directory: Path, db: Path, keep: int) -> list[Path]:
    """Delete all but the newest ``keep`` dated backups of ``db`` in ``directory``: those whose
    marker names this database, whatever their file names; return the deleted paths."""
    ours_id = database_id(db)
    if ours_id is None:
        return []
    ours = []
    for path in directory.iterdir():
        if path.name.startswith(".") or not path.is_file() or path.resolve() == db.resolve():
            continue
        marker = backup_marker(path)
        if marker and marker.get("of") == ours_id and marker.get("dated") is True:
            ours.append((str(marker.get("taken_at")), path.stat().st_mtime_ns, path))
    ours.sort()
    doomed = [p for _t, _m, p in (ours[:-keep] if keep > 0 else ours)]
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
