"""Outputs go only to regular files, pipes, terminals and /dev/null: never a disk, another device,
a file of the system under /proc or /sys, a read-only file, or (with backup --force) a database."""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path

import pytest
from tests.app_runner import invoke

from complaintctl.errors import Refused
from complaintctl.files import output_target
from conftest import query


@pytest.fixture
def logged(cli):
    cli.log("--subject", "Leaking machine")
    return cli


def _block_devices() -> list[str]:
    found = []
    for entry in os.scandir("/dev"):
        try:
            if stat.S_ISBLK(os.stat(entry.path).st_mode):
                found.append(entry.path)
        except OSError:
            continue
    return sorted(found)[:3]


@pytest.mark.skipif(not _block_devices(), reason="no block device on this machine")
def test_a_block_device_under_dev_is_refused():
    for device in _block_devices():  # decided from the path alone: nothing is opened
        with pytest.raises(Refused, match="block device"):
            output_target(device)


@pytest.mark.parametrize("path", ["/proc/self/comm", "/proc/sys/vm/drop_caches", "/sys/kernel/mm/ksm/run",
                                  "/proc/self/attr/../comm"])
def test_a_file_of_the_system_is_refused(path):
    with pytest.raises(Refused, match="a file of the system"):
        output_target(path)


def test_export_onto_proc_writes_nothing(logged):
    before = Path("/proc/self/comm").read_text()
    result = logged("export", "-o", "/proc/self/comm", expect=1)
    assert "file of the system" in result.stderr and "nothing was written" in result.stderr
    assert Path("/proc/self/comm").read_text() == before


@pytest.mark.parametrize("command", [("export",), ("report", "weekly")])
def test_a_device_other_than_null_or_a_terminal_is_refused(logged, command):
    result = logged(*command, "-o", "/dev/zero", expect=1)
    assert "is a device" in result.stderr and "nothing was written" in result.stderr


def test_null_stdout_and_a_terminal_are_still_written():
    assert output_target("/dev/null") == (Path("/dev/null"), True)
    assert output_target("/dev/stdout")[1] and output_target("/dev/stderr")[1]
    assert output_target("/dev/tty")[1]  # a terminal, whichever one the process has


@pytest.mark.skipif(os.geteuid() != 0, reason="making a device node needs root")
def test_a_device_node_elsewhere_is_refused_unless_null(tmp_path):
    zero = tmp_path / "zero"
    os.mknod(zero, 0o666 | stat.S_IFCHR, os.makedev(1, 5))
    with pytest.raises(Refused, match="is a device"):
        output_target(zero)


@pytest.mark.parametrize("command", [("export",), ("report", "weekly", "-f", "html")])
def test_a_read_only_file_is_refused_not_replaced(logged, tmp_path, command):
    kept = tmp_path / "signed-off.csv"
    kept.write_text("the figures the board approved")
    os.chmod(kept, 0o444)
    result = logged(*command, "-o", str(kept), expect=1)
    assert "is read-only (0444)" in result.stderr and "nothing was written" in result.stderr
    assert kept.read_text() == "the figures the board approved"
    assert stat.S_IMODE(kept.stat().st_mode) == 0o444


def test_import_rejects_onto_a_read_only_file_are_refused(logged, tmp_path):
    source = tmp_path / "calls.csv"
    source.write_text("subject,received\nFine,2026-11-01\n,2026-11-02\n", encoding="utf-8")
    kept = tmp_path / "old.rejects.csv"
    kept.write_text("last month's rejects")
    os.chmod(kept, 0o400)
    result = logged("import", str(source), "--rejects", str(kept), expect=1)
    assert "read-only" in result.stderr
    assert kept.read_text() == "last month's rejects"


@pytest.mark.sqlite_only  # backups are files (PostgreSQL: pg_dump)
def test_backup_force_never_replaces_a_database_a_backup_or_a_read_only_file(logged, tmp_path):
    other = tmp_path / "crm.sqlite"
    sqlite3.connect(other).execute("CREATE TABLE leads (name)").connection.close()
    result = logged("backup", str(other), "--force", expect=1)
    assert "a backup never replaces one, even with --force" in result.stderr
    assert query(other, "SELECT name FROM sqlite_master") == [("leads",)]

    first = tmp_path / "monday.db"
    logged("backup", str(first))
    logged.log("--subject", "Tuesday's complaint")
    logged("backup", str(first), "--force", expect=1)
    assert query(first, "SELECT count(*) FROM complaints") == [(1,)]

    notes = tmp_path / "notes.txt"
    notes.write_text("keep me")
    os.chmod(notes, 0o444)
    assert "is read-only" in logged("backup", str(notes), "--force", expect=1).stderr
    assert notes.read_text() == "keep me"


@pytest.fixture
def loop_device(tmp_path):
    """A real disk for the attack of the issue (-o /dev/loopN as root): a loop device over a
    zeroed file in tmp_path, so whatever reaches it shows in the file and nothing else is hurt."""
    import shutil
    import subprocess

    if os.geteuid() != 0 or shutil.which("losetup") is None:
        pytest.skip("a loop device needs root and losetup")
    backing = tmp_path / "disk.img"
    backing.write_bytes(bytes(1 << 20))
    made = subprocess.run(["losetup", "--find", "--show", str(backing)], capture_output=True, text=True)
    if made.returncode != 0:
        pytest.skip(f"no loop device here: {made.stderr.strip()}")
    device = made.stdout.strip()
    try:
        yield device, backing
    finally:
        subprocess.run(["losetup", "--detach", device], check=False)
        for companion in ("-wal", "-shm", "-journal"):
            Path(device + companion).unlink(missing_ok=True)


@pytest.mark.sqlite_only  # backup and migrate-to a file, --db a file
def test_nothing_reaches_a_disk_through_any_command(logged, loop_device, tmp_path):
    device, backing = loop_device
    source = tmp_path / "calls.csv"
    source.write_text("subject,received\nFine,2026-11-01\n,2026-11-02\n", encoding="utf-8")
    for args in (("export", "-o", device), ("report", "weekly", "-o", device),
                 ("import", str(source), "--rejects", device), ("backup", device, "--force"),
                 ("migrate-to", device)):
        assert "block device (a disk)" in logged(*args, expect=1).stderr, args
    result = invoke(["--db", device, "log", "--subject", "Typo in --db"])  # as root, SQLite wrote a database there
    assert result.exit_code == 1 and "block device (a disk), not a database file" in result.stderr
    assert backing.read_bytes() == bytes(1 << 20)
    assert not Path(device + "-wal").exists()
    assert query(logged.db_path, "SELECT count(*) FROM complaints") == [(1,)]  # the import was refused whole


@pytest.mark.parametrize("path", ["/dev/zero", "/proc/self/comm", "fifo"])
def test_a_database_is_a_regular_file_never_a_device_a_pipe_or_the_system(tmp_path, path):
    if path == "fifo":
        path = str(tmp_path / "complaints.db")
        os.mkfifo(path)
    for args in (("log", "--subject", "x"), ("list",), ("check",)):
        result = invoke(["--db", path, *args])
        assert result.exit_code == 1 and "nothing was opened" in result.stderr, (args, result.stderr)
