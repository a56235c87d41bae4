"""Backups that are checked before they are named, clean up after killed runs, and restore."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from complaintctl.core.trust.backups import remove_abandoned_partials
from conftest import query

pytestmark = pytest.mark.sqlite_only  # backups are files (PostgreSQL: pg_dump, pg_basebackup: docs/guide.md)


def _subjects(path) -> list[str]:
    return [r[0] for r in query(path, "SELECT subject FROM complaints ORDER BY id")]


def _damage_an_index(db_path: Path) -> None:
    """An index that disagrees with its table: `quick_check` passes it, `integrity_check` does not."""
    raw = sqlite3.connect(db_path, isolation_level=None)
    entry = raw.execute("SELECT type, name, tbl_name, rootpage, sql FROM sqlite_master "
                        "WHERE name = 'complaints_received_at'").fetchone()
    raw.execute("PRAGMA writable_schema = ON")
    raw.execute("DELETE FROM sqlite_master WHERE name = 'complaints_received_at'")
    raw.close()
    raw = sqlite3.connect(db_path, isolation_level=None)
    raw.execute("UPDATE complaints SET received_at = '2000-01-01T00:00:00Z'")
    raw.execute("PRAGMA writable_schema = ON")
    raw.execute("INSERT INTO sqlite_master VALUES (?, ?, ?, ?, ?)", entry)
    raw.close()
    assert query(db_path, "PRAGMA quick_check") == [("ok",)]
    assert query(db_path, "PRAGMA integrity_check") != [("ok",)]


def test_a_damaged_database_gets_no_backup(cli, db_path, tmp_path):
    cli.log("--subject", "one")
    _damage_an_index(db_path)
    result = cli("backup", expect=1)
    assert "failed SQLite's integrity check" in result.stderr and "nothing was written" in result.stderr
    assert list((tmp_path / "backups").iterdir()) == []


def test_a_missing_destination_directory_is_refused_unless_asked(cli, tmp_path):
    cli.log("--subject", "one")
    result = cli("backup", str(tmp_path / "mnt" / "nas") + "/", expect=1)
    assert f"no directory {tmp_path / 'mnt' / 'nas'}" in result.stderr and "--mkdir" in result.stderr
    cli("backup", str(tmp_path / "mnt" / "desk.db"), expect=1)
    assert not (tmp_path / "mnt").exists()
    made = cli("backup", str(tmp_path / "mnt" / "nas") + "/", "--mkdir").stdout.strip()
    assert _subjects(made) == ["one"]
    assert "backups" in cli("backup").stdout  # the default folder beside the database is made as needed


def test_a_backup_killed_half_way_leaves_nothing_the_next_backup_does_not_clean(cli, db_path, tmp_path):
    cli.log("--subject", "one")
    filler = sqlite3.connect(db_path, isolation_level=None)
    filler.execute("CREATE TABLE ballast (b BLOB)")  # so that the copy and its check take a moment
    filler.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 8000) "
                   "INSERT INTO ballast SELECT randomblob(4000) FROM n")
    filler.close()
    folder = tmp_path / "nightly"
    folder.mkdir()
    command = [sys.executable, "-m", "complaintctl", "--db", str(db_path), "backup", str(folder)]
    for _attempt in range(5):
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 30
        while process.poll() is None and time.monotonic() < deadline:
            if any(name.endswith(".partial") for name in os.listdir(folder)):
                process.send_signal(signal.SIGKILL)
                break
            time.sleep(0.001)
        process.wait()
        if process.returncode == -signal.SIGKILL:
            break
        for finished in folder.iterdir():  # it finished before it could be killed: again
            finished.unlink()
    left = sorted(os.listdir(folder))
    assert left and all(".partial" in name for name in left), left
    kept = cli("backup", str(folder), "--keep", "1")
    assert "a killed backup left" in kept.stderr
    assert os.listdir(folder) == [Path(kept.stdout.strip()).name]


def test_a_backup_in_progress_is_not_mistaken_for_an_abandoned_one(tmp_path):
    import fcntl

    live = tmp_path / ".complaints-20261130T010000Z.db.abcd1234.partial"
    dead = tmp_path / ".complaints-20261130T000000Z.db.wxyz5678.partial"
    for path in (live, dead):
        sqlite3.connect(path).execute("CREATE TABLE t (x)").connection.close()
    (tmp_path / (dead.name + "-wal")).write_bytes(b"")
    notes = tmp_path / ".notes.txt.12345678.partial"
    notes.write_text("someone else's")
    fd = os.open(live, os.O_RDONLY)
    fcntl.flock(fd, fcntl.LOCK_EX)
    try:
        removed = remove_abandoned_partials(tmp_path)
    finally:
        os.close(fd)
    assert sorted(p.name for p in removed) == [dead.name, dead.name + "-wal"]
    assert live.exists() and notes.exists()


def _leave_a_wal(db_path: Path, subject: str) -> None:
    """A writer that dies without closing: its committed change is only in the -wal."""
    code = (f"import sqlite3, os; c = sqlite3.connect({str(db_path)!r}, isolation_level=None); "
            "c.execute(\"INSERT INTO complaints (received_at, subject, created_at, updated_at, created_by) "
            f"VALUES ('2026-11-30T00:00:00Z', {subject!r}, '2026-11-30T00:00:00Z', '2026-11-30T00:00:00Z', 'x')\"); "
            "os._exit(0)")
    subprocess.run([sys.executable, "-c", code], check=True)
    assert Path(f"{db_path}-wal").stat().st_size > 0


def test_restore_puts_the_backup_back_and_keeps_what_it_replaced(cli, db_path, tmp_path):
    cli.log("--subject", "before the backup")
    (tmp_path / "nightly").mkdir()
    backup = cli("backup", str(tmp_path / "nightly")).stdout.strip()
    cli.log("--subject", "after the backup")
    _leave_a_wal(db_path, "only in the -wal")  # a stale -wal must not bring newer data back
    result = cli("restore", backup)
    assert _subjects(db_path) == ["before the backup"]
    kept = next((tmp_path / "backups").glob("complaints-before-restore-*.db"))
    assert f"What it replaced is kept in {kept}" in result.stderr
    assert _subjects(kept) == ["before the backup", "after the backup", "only in the -wal"]
    assert os.listdir(tmp_path / "nightly") == [Path(backup).name]  # reading it left no -wal or -shm beside it
    cli("check")
    assert cli.log("--subject", "life goes on") == 2
    cli("backup", "--keep", "1")
    assert kept.exists()  # --keep never prunes what a restore kept


def test_restore_is_refused_while_someone_has_the_database_open(cli, db_path, monkeypatch):
    from complaintctl.core.trust import restores as backups

    monkeypatch.setattr(backups, "RESTORE_WAIT_SECONDS", 0.1)
    cli.log("--subject", "one")
    backup = cli("backup").stdout.strip()
    cli.log("--subject", "two")
    reader = sqlite3.connect(db_path)
    reader.execute("SELECT count(*) FROM complaints").fetchone()
    try:
        result = cli("restore", backup, expect=1)
    finally:
        reader.close()
    assert "others are using" in result.stderr and "nothing was restored" in result.stderr
    assert _subjects(db_path) == ["one", "two"]


def test_restore_refuses_a_damaged_or_foreign_backup(cli, db_path, tmp_path):
    cli.log("--subject", "one")
    backup = Path(cli("backup").stdout.strip())
    _damage_an_index(backup)
    assert "is damaged" in cli("restore", str(backup), expect=1).stderr
    text = tmp_path / "notes.txt"
    text.write_text("hello")
    assert "not an SQLite database" in cli("restore", str(text), expect=2).stderr
    assert "no backup at" in cli("restore", str(tmp_path / "missing.db"), expect=1).stderr
    assert _subjects(db_path) == ["one"]


def test_restore_replaces_a_file_damaged_beyond_reading(cli, db_path, tmp_path):
    cli.log("--subject", "one")
    backup = cli("backup").stdout.strip()
    db_path.write_bytes(b"\0" * 4096)  # the disk ate it
    cli("restore", backup)
    assert _subjects(db_path) == ["one"]
    assert query(db_path, "PRAGMA journal_mode") == [("wal",)]


@pytest.mark.parametrize("missing", [True])
def test_restore_recreates_a_lost_database(cli, db_path, missing):
    cli.log("--subject", "one")
    backup = cli("backup").stdout.strip()
    db_path.unlink()
    cli("restore", backup)
    assert _subjects(db_path) == ["one"]
