"""Outputs cannot destroy the database, and the files complaintctl writes are private."""

from __future__ import annotations

import os
import stat
import threading

import pytest

from complaintctl.errors import Refused
from complaintctl.files import output_target
from conftest import query


@pytest.fixture
def logged(cli):
    cli.log("--subject", "Leaking machine", "--phone", "+86 138 0013 8000")
    return cli


def _intact(db_path) -> None:
    assert query(db_path, "SELECT subject FROM complaints") == [("Leaking machine",)]


# the database as a file, its -wal and -journal: on PostgreSQL there is no such file, and the
# URL given as an output would be a file of that name in the current folder
@pytest.mark.sqlite_only
@pytest.mark.parametrize("args", [
    ("export", "-o", "{db}"),
    ("export", "-f", "json", "-o", "{db}"),
    ("report", "weekly", "-f", "html", "-o", "{db}"),
    ("report", "weekly", "-o", "{db}-wal"),
    ("report", "weekly", "-o", "{db}-journal"),
    ("export", "-o", "{link}"),
])
def test_an_output_never_replaces_the_database_or_its_companions(logged, db_path, tmp_path, args):
    (tmp_path / "link.csv").symlink_to(db_path)
    result = logged(*[a.format(db=db_path, link=tmp_path / "link.csv") for a in args], expect=1)
    assert "nothing was written" in result.stderr
    assert "SQLite database" in result.stderr
    _intact(db_path)
    assert (tmp_path / "link.csv").is_symlink()


@pytest.mark.sqlite_only  # backups are files (PostgreSQL: pg_dump)
def test_an_output_never_replaces_a_backup(logged, db_path, tmp_path):
    backup = logged("backup").stdout.strip()
    logged("export", "-o", backup, expect=1)
    assert query(backup, "SELECT count(*) FROM complaints") == [(1,)]


@pytest.mark.sqlite_only
def test_import_rejects_never_go_over_the_database(logged, db_path, tmp_path):
    source = tmp_path / "calls.csv"
    source.write_text("subject,received\nFine,2026-11-01\n,2026-11-02\n", encoding="utf-8")
    result = logged("import", str(source), "--rejects", str(db_path), expect=1)
    assert "is an SQLite database" in result.stderr
    _intact(db_path)


def test_a_fifo_is_written_directly_not_renamed_over(logged, tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    logged("export", "-o", str(fifo))
    reader.join(10)
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert b"Leaking machine" in received[0]


@pytest.mark.skipif(os.geteuid() != 0, reason="making a device node needs root")
def test_a_device_is_written_directly_not_renamed_over(logged, tmp_path):
    null = tmp_path / "null"
    os.mknod(null, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    logged("export", "-o", str(null))
    logged("report", "weekly", "-o", str(null))
    assert stat.S_ISCHR(null.stat().st_mode)


def test_dev_stdout_is_written_in_place():
    target, direct = output_target("/dev/stdout")
    assert direct and str(target) == "/dev/stdout"


def test_a_socket_or_directory_is_refused(logged, tmp_path):
    import socket

    path = tmp_path / "sock"
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(path))
    try:
        with pytest.raises(Refused, match="not a regular file"):
            output_target(path)
    finally:
        server.close()
    assert "is a directory" in logged("export", "-o", str(tmp_path), expect=2).stderr


def test_files_written_alone_are_private_whatever_the_umask(cli, tmp_path):
    old = os.umask(0o022)
    try:
        db = tmp_path / "private" / "desk.db"
        cli.db_path = db
        cli.log("--subject", "Call me on +86 138 0013 8000")
        export, report = tmp_path / "out" / "all.csv", tmp_path / "out" / "week.html"
        cli("export", "-o", str(export))
        cli("report", "weekly", "-f", "html", "-o", str(report))
        backup = cli("backup").stdout.strip()
        source = tmp_path / "calls.csv"
        source.write_text("subject,received\nLeak,2026-02-30\n", encoding="utf-8")
        cli("import", str(source), expect=3)
        rejects = tmp_path / "calls.rejects.csv"
        for path in (db, export, report, backup, rejects):
            assert stat.S_IMODE(os.stat(path).st_mode) == 0o600, path
        assert stat.S_IMODE(os.stat(db.parent / "backups").st_mode) == 0o700
    finally:
        os.umask(old)


@pytest.mark.sqlite_only  # backup --force: backups are files (PostgreSQL: pg_dump)
def test_replacing_an_output_never_widens_its_mode(logged, tmp_path):
    export = tmp_path / "all.csv"
    export.write_text("old")
    os.chmod(export, 0o640)
    logged("export", "-o", str(export))
    assert stat.S_IMODE(export.stat().st_mode) == 0o640
    backup = tmp_path / "b.db"
    backup.write_text("yesterday's notes, not a database")
    os.chmod(backup, 0o640)
    logged("backup", str(backup), "--force")
    assert stat.S_IMODE(backup.stat().st_mode) == 0o640
    assert query(backup, "SELECT count(*) FROM complaints") == [(1,)]


@pytest.mark.sqlite_only  # a file's mode (PostgreSQL: pg_hba.conf and roles)
def test_check_warns_of_a_database_others_can_read(logged, db_path):
    os.chmod(db_path, 0o644)
    result = logged("check")
    assert f"{db_path} is 0644: readable by others" in result.stdout
