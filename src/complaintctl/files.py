"""Which paths an output may be written to, and which mode a written file gets.

Every layer writes files (reports and exports, rejects, backups), so the rules live here,
below all of them, like errors.py:

- an SQLite database (the live one, a backup, another program's) or the -wal/-shm/-journal
  file beside one is never replaced by an output: refused;
- a terminal, a pipe or /dev/stdout (a character device, a FIFO, a path into /dev or /proc)
  is written directly, never renamed over (that would replace the device node itself);
- anything else that is not a regular file (a directory, a block device, a socket): refused;
- a replaced file keeps its mode and group (an output never widens who can read it); a new
  one gets what the umask allows, and opening the database set the umask (store/sharing.py).
"""

from __future__ import annotations

import os
import stat
from contextlib import suppress
from pathlib import Path

from complaintctl.errors import InvalidInput, Refused

SQLITE_MAGIC = b"SQLite format 3\x00"
DATABASE_COMPANIONS = ("-wal", "-shm", "-journal")  # files SQLite keeps beside a database
DIRECT_ROOTS = ("/dev/", "/proc/")


def is_sqlite_database(path: str | os.PathLike) -> bool:
    """Does ``path`` hold an SQLite database (its first 16 bytes say so)? Only a regular file
    is opened (opening a FIFO would wait for a writer)."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return False
        with open(path, "rb") as f:
            return f.read(len(SQLITE_MAGIC)) == SQLITE_MAGIC
    except OSError:
        return False


def database_of(path: Path) -> Path | None:
    """The database that ``path`` is the -wal/-shm/-journal of, if it is one."""
    for suffix in DATABASE_COMPANIONS:
        if path.name.endswith(suffix) and len(path.name) > len(suffix):
            base = path.with_name(path.name[: -len(suffix)])
            if is_sqlite_database(base):
                return base
    return None


def output_target(path: str | os.PathLike) -> tuple[Path, bool]:
    """Where an output to ``path`` really goes, and whether it is written directly (a device,
    a pipe, /dev/stdout) rather than replaced atomically. Raises for a path that must not be
    written: a database or its companion files, a directory, a block device or a socket."""
    given = Path(path).expanduser()
    text = os.path.abspath(given)
    if text.startswith(DIRECT_ROOTS):
        real = Path(os.path.realpath(given))
        if not real.exists() or not real.is_file():
            return given, True  # /dev/stdout -> a pipe or a terminal
        if not is_sqlite_database(real):
            return given, True  # /dev/stdout redirected to a file: the shell opened it, write there
        _refuse_database(given, real)
    real = Path(os.path.realpath(given))  # a symbolic link is followed, not replaced
    try:
        st = os.stat(real)
    except (FileNotFoundError, NotADirectoryError):  # a missing directory is made, or said, later
        st = None
    except OSError as exc:
        raise InvalidInput(f"cannot use {given}: {exc.strerror}") from None
    if st is not None:
        if stat.S_ISDIR(st.st_mode):
            raise InvalidInput(f"{given} is a directory", hint="give the path of a file")
        if stat.S_ISCHR(st.st_mode) or stat.S_ISFIFO(st.st_mode):
            return given, True
        if not stat.S_ISREG(st.st_mode):
            raise Refused(f"{given} is not a regular file (a block device or a socket); nothing was written",
                          hint="give the path of a file")
        if is_sqlite_database(real):
            _refuse_database(given, real)
    owner = database_of(real)
    if owner is not None:
        raise Refused(f"{given} belongs to the SQLite database {owner}; nothing was written",
                      hint="give another file name")
    return real, False


def _refuse_database(given: Path, real: Path) -> None:
    where = f" ({real})" if real != given.absolute() else ""
    raise Refused(f"{given}{where} is an SQLite database (the desk's own file, a backup, or another "
                  "program's): an output never replaces one; nothing was written",
                  hint="give another file name")


def check_output_path(path: str | os.PathLike) -> None:
    """Refuse, before any work is done, an output path that `atomic_open` would refuse."""
    output_target(path)


def give_mode(fd: int, target: Path) -> None:
    """The mode (and group) of the file being replaced, else what the umask allows."""
    try:
        old = os.stat(target)
    except FileNotFoundError:
        os.fchmod(fd, 0o666 & ~current_umask())
        return
    os.fchmod(fd, stat.S_IMODE(old.st_mode))
    with suppress(OSError):  # not a member of that group: the file stays ours and no wider
        os.fchown(fd, -1, old.st_gid)


def current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
