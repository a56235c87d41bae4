"""Two real users of one group on one database file: write, read, write, and `check`.

Runs as root only (it creates the users); each command runs as one of them with umask 022,
which would make SQLite's -wal/-shm files 0644 and lock the other user out.
"""

from __future__ import annotations

import grp
import os
import shutil
import tempfile
from pathlib import Path

import pytest
from other_users import TEAM, USERS, needs_root, run_as, warmed  # noqa: F401, F811 - warmed is a fixture

pytestmark = needs_root


@pytest.fixture
def team_dir(warmed):  # noqa: F811
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
