"""Wrong files and wrong places: a missing database, another program's file, a read-only folder."""

from __future__ import annotations

import os
import shutil
import sqlite3
import stat
import tempfile
from pathlib import Path

import pytest
from other_users import USERS, needs_root, run_as, warmed  # noqa: F401 - warmed is a fixture

READS = [("list",), ("show", "1"), ("search", "leak"), ("report", "weekly"), ("export",), ("info",),
         ("sql", "SELECT 1"), ("check",), ("backup",), ("overdue",), ("agents", "list"), ("taxonomy", "list"),
         ("customers", "list"), ("sla", "show")]


@pytest.mark.parametrize("args", READS, ids=lambda a: " ".join(a))
def test_a_command_that_only_reads_refuses_a_missing_database(cli, tmp_path, args):
    cli.db_path = tmp_path / "nowhere" / "typo.db"
    result = cli(*args, expect=1)
    assert f"no database at {cli.db_path}" in result.stderr
    assert "`complaintctl init` creates it" in result.stderr
    assert not (tmp_path / "nowhere").exists()


def test_a_first_write_creates_the_database(cli, tmp_path):
    cli.db_path = tmp_path / "new" / "desk.db"
    result = cli("log", "--subject", "first")
    assert cli.db_path.exists()
    # a mistyped --db would otherwise quietly start a second desk
    assert f"New database: {cli.db_path}" in result.stderr
    assert "New database" not in cli("log", "--subject", "second").stderr


def _foreign(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    conn.execute("INSERT INTO notes (body) VALUES ('mine')")
    conn.commit()
    conn.close()


def test_another_programs_sqlite_file_is_left_alone_unless_init_is_asked(cli, tmp_path):
    other = tmp_path / "notes.db"
    _foreign(other)
    cli.db_path = other
    for args in (("list",), ("log", "-s", "x"), ("sql", "SELECT 1")):
        result = cli(*args, expect=1)
        assert "another program's SQLite database (tables: notes)" in result.stderr, args
    conn = sqlite3.connect(other)
    assert [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")] == ["notes"]
    conn.close()
    cli("init")
    assert cli.log("--subject", "now it is ours too") == 1


@pytest.fixture
def user_dir(warmed):  # noqa: F811
    """A folder another user can reach, holding a desk with one complaint, owned by that user."""
    base = Path(tempfile.mkdtemp(prefix="cctl-ro-"))
    os.chmod(base, 0o755)
    folder = base / "desk"
    folder.mkdir()
    from tests.app_runner import invoke

    result = invoke(["--db", folder / "desk.db", "log", "-s", "Leaking machine"])
    assert result.exit_code == 0, result.stderr
    shutil.chown(folder, USERS[0])
    shutil.chown(folder / "desk.db", USERS[0])
    yield folder
    shutil.rmtree(base, ignore_errors=True)


@needs_root
def test_a_healthy_database_in_a_read_only_folder_is_read_and_says_why_it_cannot_be_written(user_dir):
    db = user_dir / "desk.db"
    os.chmod(user_dir, 0o555)
    owner = USERS[0]
    for args in (("list",), ("show", "1"), ("report", "weekly"), ("export",), ("sql", "SELECT subject FROM complaints")):
        code, out = run_as(owner, db, *args)
        assert code == 0 and "not a complaintctl database" not in out, (args, out)
    code, out = run_as(owner, db, "check")
    assert code == 0 and "damaged" not in out, out
    code, out = run_as(owner, db, "log", "-s", "new")
    assert code == 1, out
    assert f"its folder {user_dir} is read-only for you" in out
    assert sorted(p.name for p in user_dir.iterdir()) == ["desk.db"]


@needs_root
def test_a_read_only_database_file_is_read_and_backed_up_by_its_owner(user_dir, tmp_path):
    db = user_dir / "desk.db"
    os.chmod(db, 0o444)
    owner = USERS[0]
    code, out = run_as(owner, db, "list")
    assert code == 0 and "Leaking machine" in out, out
    code, out = run_as(owner, db, "update", "1", "--status", "acknowledged")
    assert code == 1 and "the file is read-only for you (mode 0444" in out, out
    code, out = run_as(owner, db, "backup")
    assert code == 0, out
    backup = Path(out.splitlines()[0])
    assert sqlite3.connect(backup).execute("SELECT subject FROM complaints").fetchall() == [("Leaking machine",)]


@needs_root
def test_a_database_made_writable_again_is_written_whatever_a_read_left_beside_it(user_dir):
    # a read of the 0444 file left a 0444 -shm (SQLite gives it the database's mode); once its
    # owner makes the database writable again, that -shm must not keep them from writing
    db = user_dir / "desk.db"
    os.chmod(db, 0o444)
    owner = USERS[0]
    code, out = run_as(owner, db, "list")
    assert code == 0, out
    os.chmod(db, 0o600)
    code, out = run_as(owner, db, "update", "1", "--status", "acknowledged")
    assert code == 0, out
    left = {p.name: stat.S_IMODE(p.stat().st_mode) for p in user_dir.glob("desk.db-*")}
    assert set(left.values()) <= {0o600}, left  # nothing beside it stays read-only
