"""Running complaintctl as other real users, for tests of permissions (root only).

Each command runs in a forked process that has given up root for the user's uid, gid and
groups, with umask 022 (the usual default).
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
from tests.app_runner import invoke

TEAM, USERS = "cctl_team", ("cctl_alice", "cctl_bob")

needs_root = pytest.mark.skipif(os.geteuid() != 0 or not shutil.which("useradd"),
                                reason="needs root to create the users")


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
            result = invoke(["--db", db, *args], env={"COMPLAINTCTL_ACTOR": user})
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
    for args in (["log", "-s", "warm", "--phone", "13800138000"], ["list"], ["update", "1", "--status", "acknowledged"],
                 ["show", "1"], ["check"], ["backup"], ["init", "--shared"], ["report", "weekly"], ["export"],
                 ["sql", "SELECT 1"], ["search", "warm"], ["overdue"]):
        invoke(["--db", scratch / "w.db", *args])
    yield
    shutil.rmtree(scratch, ignore_errors=True)


