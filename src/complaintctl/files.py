"""Which paths an output may be written to, and which mode a written file gets.

Every layer writes files (reports and exports, rejects, backups), so the rules live here,
below all of them, like errors.py. An output is written only to:

- a regular file, replaced atomically (a temporary file renamed over it), unless it is an
  SQLite database (the live one, a backup, another program's), the -wal/-shm/-journal beside
  one, or read-only (no write permission for its owner, or none for us): those are refused;
- a pipe, a terminal, /dev/null, or /dev/stdout and /dev/stderr (and /dev/fd/N), written
  directly, never renamed over (that would replace the device node itself).

Everything else is refused: a directory, a socket, every block device (a disk overwritten by
a typo) and every other character device, and anything under /proc and /sys.
"""

from __future__ import annotations

import os
import re
import stat
from contextlib import suppress
from pathlib import Path

from complaintctl.errors import InvalidInput, Refused

SQLITE_MAGIC = b"SQLite format 3\x00"
DATABASE_COMPANIONS = ("-wal", "-shm", "-journal")  # files SQLite keeps beside a database
SYSTEM_ROOTS = ("/proc/", "/sys/")
# The process's own streams by name: written where they lead (a pipe, a terminal, a file the shell opened).
STREAM_NAMES = re.compile(r"/dev/(stdout|stderr|fd/\d+)|/proc/(self|thread-self|\d+)/fd/\d+")
NULL_DEVICE = (1, 3)  # Linux's /dev/null, major and minor
TTY_MAJORS = frozenset({4, 5, *range(136, 144)})  # virtual consoles and serial ports, /dev/tty and the console, ptys
NOT_TTYS = frozenset({(5, 2)})  # /dev/ptmx hands out ptys; it is not one


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
    """Where an output to ``path`` really goes, and whether it is written directly (a pipe, a
    terminal, /dev/null, /dev/stdout) rather than replaced atomically. Raises for a path that
    must not be written (see the module's docstring)."""
    given = Path(path).expanduser()
    if STREAM_NAMES.fullmatch(os.path.abspath(given)):
        return given, _stream_is_direct(given)
    real = Path(os.path.realpath(given))  # a symbolic link is followed, not replaced
    if str(real).startswith(SYSTEM_ROOTS) or str(real) in ("/proc", "/sys"):
        where = f" ({real})" if str(real) != os.path.abspath(given) else ""
        raise Refused(f"{given}{where} is a file of the system, not an output: nothing was written",
                      hint="give the path of a file")
    owner = database_of(real)
    if owner is not None:
        raise Refused(f"{given} belongs to the SQLite database {owner}; nothing was written",
                      hint="give another file name")
    try:
        st = os.stat(real)
    except (FileNotFoundError, NotADirectoryError):  # a missing directory is made, or said, later
        return real, False
    except OSError as exc:
        raise InvalidInput(f"cannot use {given}: {exc.strerror}") from None
    if stat.S_ISDIR(st.st_mode):
        raise InvalidInput(f"{given} is a directory", hint="give the path of a file")
    if not stat.S_ISREG(st.st_mode):
        _refuse_unless_stream_like(given, st)
        return given, True
    if is_sqlite_database(real):
        _refuse_database(given, real)
    if not st.st_mode & stat.S_IWUSR or not os.access(real, os.W_OK):
        raise Refused(f"{given} is read-only ({stat.S_IMODE(st.st_mode):04o}): an output never replaces a file "
                      "its owner protected; nothing was written",
                      hint="give another file name, or make it writable first (chmod u+w)")
    return real, False


def check_database_file(path: str | os.PathLike) -> None:
    """A database is a regular file, or none yet: SQLite writes its pages, and a -wal and -shm
    beside it, wherever ``--db`` or ``migrate-to`` points, so a block device (``--db /dev/sda``
    as root would write a database over a disk), any other device, a pipe or a socket, and
    anything under /proc and /sys are refused before anything is opened or created there."""
    given = Path(path).expanduser()
    real = Path(os.path.realpath(given))
    where = f" ({real})" if str(real) != os.path.abspath(given) else ""
    if str(real).startswith(SYSTEM_ROOTS) or str(real) in ("/proc", "/sys"):
        raise Refused(f"{given}{where} is a file of the system, not a database: nothing was opened",
                      hint="give the path of a database file")
    try:
        st = os.stat(real)
    except OSError:  # missing (created later, or said), or unreadable (said when it is opened)
        return
    if stat.S_ISREG(st.st_mode) or stat.S_ISDIR(st.st_mode):  # a directory is said by the caller
        return
    what = ("a block device (a disk)" if stat.S_ISBLK(st.st_mode) else "a device" if stat.S_ISCHR(st.st_mode)
            else "a pipe" if stat.S_ISFIFO(st.st_mode) else "a socket")
    raise Refused(f"{given}{where} is {what}, not a database file: nothing was opened or written",
                  hint="give the path of a database file")


def _stream_is_direct(given: Path) -> bool:
    """/dev/stdout and its kin: written where they lead, never replaced; a database, a disk or a
    device they were pointed at by the shell is refused all the same."""
    try:
        st = os.stat(given)
    except OSError as exc:
        raise InvalidInput(f"cannot use {given}: {exc.strerror}") from None
    if stat.S_ISREG(st.st_mode):
        if is_sqlite_database(given):
            _refuse_database(given, Path(os.path.realpath(given)))
        return True  # the shell opened that file: write there, where the stream leads
    if stat.S_ISDIR(st.st_mode):
        raise InvalidInput(f"{given} is a directory", hint="give the path of a file")
    _refuse_unless_stream_like(given, st)
    return True


def _refuse_unless_stream_like(given: Path, st: os.stat_result) -> None:
    """A pipe, a terminal or /dev/null may be written; any other device or a socket is refused."""
    if stat.S_ISFIFO(st.st_mode):
        return
    if stat.S_ISCHR(st.st_mode):
        device = (os.major(st.st_rdev), os.minor(st.st_rdev))
        if device == NULL_DEVICE or (device[0] in TTY_MAJORS and device not in NOT_TTYS) or _our_stream(st):
            return
        raise Refused(f"{given} is a device, not a file or a terminal: nothing was written",
                      hint="give the path of a file (a pipe, a terminal and /dev/null are written too)")
    what = "a block device (a disk)" if stat.S_ISBLK(st.st_mode) else "a socket"
    raise Refused(f"{given} is {what}, not a regular file: nothing was written", hint="give the path of a file")


def _our_stream(st: os.stat_result) -> bool:
    """Is this the very device our stdin, stdout or stderr is (a terminal under another number)?"""
    for fd in (0, 1, 2):
        try:
            own = os.fstat(fd)
        except OSError:
            continue
        if stat.S_ISCHR(own.st_mode) and own.st_rdev == st.st_rdev and os.isatty(fd):
            return True
    return False


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
