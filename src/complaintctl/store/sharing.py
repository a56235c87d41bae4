"""Who may read and write the database file and everything written beside it.

One rule, decided by the database's directory:

- **alone** (the usual per-user file): everything complaintctl creates is private to its
  owner: the database, its -wal/-shm, backups, rejects files, exports and reports (0600,
  directories 0700). Complaints hold customers' names and phone numbers.
- **team mode**: the directory is group-writable (and not world-writable, as /tmp is), which
  is how a team shares a folder (`chgrp team DIR; chmod 2770 DIR`, or `init --shared`).
  Then every file is read-write for that group (0660, directories 2770) and carries the
  directory's group, so that whoever of the team touches the file next, to read or to
  write, creates -wal/-shm files the others can still write.

SQLite creates the -wal/-shm files itself, with the database's mode less the process's
umask, at any moment a connection needs them; so opening the database sets the umask of the
process (0077 alone, 0007 in team mode) rather than chmod-ing files after the fact, which
would leave a window in which another member meets a file they cannot write.
"""

from __future__ import annotations

import os
import stat
from contextlib import suppress
from pathlib import Path

PRIVATE_UMASK = 0o077
TEAM_UMASK = 0o007


def directory_is_shared(directory: Path) -> bool:
    """Group-writable and not world-writable: a team's folder, not /tmp."""
    try:
        mode = os.stat(directory).st_mode
    except OSError:
        return False
    return bool(mode & stat.S_IWGRP) and not mode & stat.S_IWOTH


def team_mode(db: Path) -> bool:
    return directory_is_shared(db.absolute().parent)


def apply_umask(db: Path) -> bool:
    """Set the process's umask for the files of ``db``; return whether it is team mode."""
    shared = team_mode(db)
    os.umask(TEAM_UMASK if shared else PRIVATE_UMASK)
    return shared


def create_database_file(db: Path) -> None:
    """Create the empty file SQLite will fill, with the mode and group the rule gives it
    (SQLite itself would create it 0644 less the umask: never group-writable)."""
    shared = team_mode(db)
    try:
        fd = os.open(db, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o660 if shared else 0o600)
    except FileExistsError:  # another process created it first: theirs stands
        return
    try:
        if shared:
            with suppress(OSError):
                os.fchown(fd, -1, os.stat(db.absolute().parent).st_gid)
    finally:
        os.close(fd)


def share_like_database(path: Path, db: Path) -> None:
    """Give a file complaintctl created beside ``db`` (the -wal/-shm, a backup) the database's
    group, in team mode; a file of someone else's is left alone."""
    with suppress(OSError):
        gid = os.stat(db).st_gid
        st = os.stat(path)
        if st.st_uid == os.geteuid() and st.st_gid != gid:
            os.chown(path, -1, gid)


def fix_companions(db: Path) -> None:
    """In team mode, the -wal/-shm this process created carry the database's group (a setgid
    directory does that by itself; without it they would carry the creator's own group)."""
    for suffix in ("-wal", "-shm"):
        companion = db.with_name(db.name + suffix)
        if companion.exists():
            share_like_database(companion, db)


def mode_text(mode: int) -> str:
    return f"{stat.S_IMODE(mode):04o}"


def lockouts(db: Path) -> list[str]:
    """In team mode, what will stop a member of the directory's group from writing: a file
    beside the database (or the backups folder) without group read-write, or of another group.
    Empty when alone, or when all is well."""
    directory = db.absolute().parent
    if not directory_is_shared(directory):
        return []
    gid = os.stat(directory).st_gid
    group = group_name(gid)
    found = []
    for path, need in [(db, 0o060), (db.with_name(db.name + "-wal"), 0o060),
                       (db.with_name(db.name + "-shm"), 0o060), (directory / "backups", 0o070)]:
        try:
            st = os.stat(path)
        except FileNotFoundError:
            continue
        if st.st_mode & need != need:
            found.append(f"{path} is {mode_text(st.st_mode)}: group {group} cannot write it")
        elif st.st_gid != gid:
            found.append(f"{path} belongs to group {group_name(st.st_gid)}, not {group} (the directory's)")
    return found


def exposure(db: Path) -> str | None:
    """Alone, the database should be its owner's only: say who else can read it."""
    if directory_is_shared(db.absolute().parent):
        return None
    try:
        mode = os.stat(db).st_mode
    except OSError:
        return None
    if mode & 0o077:
        return f"{db} is {mode_text(mode)}: readable by {'others' if mode & 0o007 else 'its group'}"
    return None


def group_name(gid: int) -> str:
    import grp

    try:
        return grp.getgrgid(gid).gr_name
    except KeyError:
        return str(gid)


def share_database(db: Path) -> list[str]:
    """Team mode for ``db`` (`init --shared`): its directory group-writable and setgid, and
    the database, its -wal/-shm and the backups folder read-write for the directory's group.
    Returns what was changed; raises if the directory is not ours and not shared already."""
    from complaintctl.errors import Refused

    directory = db.absolute().parent
    st = os.stat(directory)
    changed = []
    if st.st_mode & stat.S_IWOTH:
        raise Refused(f"{directory} is writable by everyone: no place for a team's database",
                      hint="move the database to a folder of the team's group (chgrp TEAM DIR)")
    wanted = (stat.S_IMODE(st.st_mode) | 0o070 | stat.S_ISGID) & ~0o007  # 2770: the team's, nobody else's
    if stat.S_IMODE(st.st_mode) != wanted:
        if st.st_uid != os.geteuid() and os.geteuid() != 0:
            if not directory_is_shared(directory):
                raise Refused(f"{directory} is not group-writable and is not yours to change",
                              hint=f"ask its owner: chmod g+rwxs {directory}")
        else:
            os.chmod(directory, wanted)
            changed.append(f"{directory} {mode_text(st.st_mode)} -> {mode_text(wanted)}")
    gid = st.st_gid
    backups = directory / "backups"
    paths = [db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm"), backups]
    if backups.is_dir():
        paths += [p for p in backups.iterdir() if p.is_file()]
    others = []
    for path in paths:
        try:
            changed += _share(path, gid, 0o070 | stat.S_ISGID if path.is_dir() else 0o060)
        except PermissionError:
            others.append(f"{path} (owner {_user_name(path)})")
    if others:
        raise Refused("only their owners (or root) can give these to the team: " + ", ".join(others)
                      + (f"; changed meanwhile: {'; '.join(changed)}" if changed else ""),
                      hint="ask them to run `complaintctl init --shared` too")
    return changed


def _user_name(path: Path) -> str:
    import pwd

    uid = os.stat(path).st_uid
    try:
        return pwd.getpwuid(uid).pw_name
    except KeyError:
        return str(uid)


def _share(path: Path, gid: int, bits: int) -> list[str]:
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return []
    done = []
    if st.st_gid != gid:
        os.chown(path, -1, gid)
        done.append(f"{path} group {group_name(st.st_gid)} -> {group_name(gid)}")
    mode = stat.S_IMODE(st.st_mode)
    if mode | bits != mode:
        os.chmod(path, mode | bits)
        done.append(f"{path} {mode_text(mode)} -> {mode_text(mode | bits)}")
    return done


def make_directory(directory: Path, db: Path) -> None:
    """Create ``directory`` (and its parents) for files of ``db``; in team mode it gets the
    database's group and the setgid bit, so what is written in it stays the team's."""
    if directory.is_dir():
        return
    directory.mkdir(parents=True, exist_ok=True)
    if team_mode(db):
        share_like_database(directory, db)
        with suppress(OSError):
            os.chmod(directory, stat.S_IMODE(os.stat(directory).st_mode) | 0o070 | stat.S_ISGID)


def write_blocker(db: Path) -> str | None:
    """Why this process cannot write ``db`` (SQLite needs the file, and its -wal/-shm, which
    it creates in the folder when they are missing), or None when it can."""
    if not os.access(db, os.W_OK):
        return f"the file is read-only for you ({_describe(db)})"
    folder = db.absolute().parent
    for suffix in ("-wal", "-shm"):
        companion = db.with_name(db.name + suffix)
        if companion.exists():
            if not os.access(companion, os.W_OK):
                _writable_like_database(companion, db)
            if not os.access(companion, os.W_OK):
                return f"{companion.name} beside it is not writable by you ({_describe(companion)})"
        elif not os.access(folder, os.W_OK):
            return f"its folder {folder} is read-only for you, and SQLite must create {companion.name} there"
    return None


def _writable_like_database(companion: Path, db: Path) -> None:
    """A -wal/-shm of ours that SQLite created while the database was read-only (0444: a
    read of a file its owner had made read-only) takes the database's mode again, now that
    the database is writable; else it alone would keep its owner from writing."""
    with suppress(OSError):
        if os.stat(companion).st_uid == os.geteuid():
            os.chmod(companion, stat.S_IMODE(os.stat(db).st_mode) & 0o666)


def _describe(path: Path) -> str:
    st = os.stat(path)
    return f"mode {mode_text(st.st_mode)}, owner {_user_name(path)}, group {group_name(st.st_gid)}"
