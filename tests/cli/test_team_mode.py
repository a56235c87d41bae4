"""Two real users of one group on one database file: write, read, write, and `check`.

Runs as root only (it creates the users); each command runs in a forked process that has
given up root for the user's uid, gid and groups, with umask 022 (the usual default, which
would make SQLite's -wal/-shm files 0644 and lock the other user out).
"""

from __future__ import annotations

import grp
import json
import os
import pwd
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from complaintctl.cli import app

TEAM, USERS = "cctl_team", ("cctl_alice", "cctl_bob")

pytestmark = pytest.mark.skipif(os.geteuid() != 0 or not shutil.which("useradd"),
                                reason="needs root to create two users")


def _ensure_users() -> None:
    """The team's group and two members, each with a primary group of their own."""
    def exists(getter, name):
        try:
            getter(name)
            return True
        except KeyError:
            return False

    if not exists(grp.getgrnam, TEAM):
        subprocess.run(["groupadd", TEAM], capture_output=True)  # another run may have made it meanwhile
    for user in USERS:
        if not exists(pwd.getpwnam, user):
            subprocess.run(["useradd", "-M", "-U", "-G", TEAM, "-s", "/usr/sbin/nologin", user], capture_output=True)
    grp.getgrnam(TEAM)
    for user in USERS:
        assert TEAM in [g.gr_name for g in grp.getgrall() if user in g.gr_mem], f"{user} is not in {TEAM}"


def run_as(user: str, db: Path, *args: str) -> tuple[int, str]:
    """Run complaintctl as ``user`` in a process of its own; (exit code, stdout + stderr)."""
    pw = pwd.getpwnam(user)
    groups = [g.gr_gid for g in grp.getgrall() if user in g.gr_mem] + [pw.pw_gid]
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: become the user, run the command, report, leave
        code, out = 99, ""
        try:
            os.close(read)
            os.setgroups(groups)
            os.setgid(pw.pw_gid)
            os.setuid(pw.pw_uid)
            os.umask(0o022)
            result = CliRunner().invoke(app, ["--db", str(db), *args], env={"COMPLAINTCTL_ACTOR": user})
            code, out = result.exit_code, result.stdout + result.stderr
        except BaseException as exc:  # noqa: BLE001 - reported to the parent
            out = repr(exc)
        finally:
            os.write(write, json.dumps([code, out]).encode())
            os._exit(0)
    os.close(write)
    with os.fdopen(read, "rb") as pipe:
        data = pipe.read()
    os.waitpid(pid, 0)
    return tuple(json.loads(data))


@pytest.fixture(scope="module")
def warmed():
    """Load every module the commands use while still root: after giving up root the
    child may not be able to read the interpreter's own library folder."""
    _ensure_users()
    scratch = Path(tempfile.mkdtemp())
    runner = CliRunner()
    for args in (["log", "-s", "warm", "--phone", "13800138000"], ["list"], ["update", "1", "--status", "acknowledged"],
                 ["show", "1"], ["check"], ["backup"], ["init", "--shared"]):
        runner.invoke(app, ["--db", str(scratch / "w.db"), *args])
    yield
    shutil.rmtree(scratch, ignore_errors=True)


@pytest.fixture
def team_dir(warmed):
    """A folder of the team's group, group-writable, without the setgid bit (the hard case)."""
    base = Path(tempfile.mkdtemp(prefix="cctl-team-"))
    os.chmod(base, 0o755)
    folder = base / "desk"
    folder.mkdir()
    os.chown(folder, 0, grp.getgrnam(TEAM).gr_gid)
    os.chmod(folder, 0o770)
    yield folder
    shutil.rmtree(base, ignore_errors=True)


def test_two_members_write_read_write_without_locking_each_other_out(team_dir):
    db = team_dir / "desk.db"
    alice, bob = USERS
    code, out = run_as(alice, db, "log", "-s", "洗衣机漏水", "--phone", "13800138000")
    assert code == 0, out
    team_gid = grp.getgrnam(TEAM).gr_gid
    st = db.stat()
    assert (st.st_mode & 0o777, st.st_gid) == (0o660, team_gid)
    code, out = run_as(bob, db, "list")  # a read by the other member: it opens -wal/-shm
    assert code == 0 and "洗衣机漏水" in out, out
    for args in (("log", "-s", "second", "--phone", "13900139000"), ("update", "1", "--status", "acknowledged")):
        code, out = run_as(alice, db, *args)  # the owner can still write
        assert code == 0, out
    code, out = run_as(bob, db, "update", "2", "--status", "acknowledged")
    assert code == 0, out
    code, out = run_as(bob, db, "backup")
    assert code == 0, out
    backup = next((team_dir / "backups").iterdir())
    assert (backup.stat().st_mode & 0o777, backup.stat().st_gid) == (0o660, team_gid)
    code, out = run_as(alice, db, "check")
    assert code == 0 and "file permissions" in out and "team mode" in out, out
    for companion in team_dir.glob("desk.db-*"):  # whoever created them, the team can write them
        assert companion.stat().st_mode & 0o060 == 0o060 and companion.stat().st_gid == team_gid, companion


def test_check_names_the_file_that_will_lock_a_member_out_and_init_shared_fixes_it(team_dir):
    db = team_dir / "desk.db"
    alice, bob = USERS
    assert run_as(alice, db, "log", "-s", "first")[0] == 0
    os.chmod(db, 0o644)  # as an older complaintctl left it
    code, out = run_as(bob, db, "check")
    assert code == 1, out
    assert f"{db} is 0644: group {TEAM} cannot write it" in out
    code, out = run_as(bob, db, "init", "--shared")  # not the owner: refused, and said so
    assert code == 1 and f"{db} (owner {alice})" in out, out
    code, out = run_as(alice, db, "init", "--shared")
    assert code == 0 and "0644 -> 0664" in out, out
    assert run_as(bob, db, "log", "-s", "now it works")[0] == 0
    assert run_as(alice, db, "check")[0] == 0
