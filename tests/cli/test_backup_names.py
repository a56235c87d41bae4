"""Backup and restore names never collide, `--keep` prunes only this database's backups (by the
marker inside them), killed partials of ours are removed, and a damaged backup is named as such."""

from __future__ import annotations

import os
from datetime import datetime, timezone
from pathlib import Path

import pytest

from complaintctl.core.trust.backups import BackupRequest, backup_marker, make_backup, remove_abandoned_partials
from complaintctl.core.trust.restores import restore_backup
from conftest import Cli, query

pytestmark = pytest.mark.sqlite_only  # backups are files (PostgreSQL: pg_dump, pg_basebackup: docs/guide.md)

MOMENT = datetime(2026, 11, 30, 9, 0, 0, tzinfo=timezone.utc)


def _subjects(path) -> list[str]:
    return [r[0] for r in query(path, "SELECT subject FROM complaints ORDER BY id")]


def test_two_restores_in_one_second_keep_both_copies(cli, db_path, tmp_path):
    cli.log("--subject", "first")
    backup = Path(cli("backup", str(tmp_path / "b.db")).stdout.strip())
    cli.log("--subject", "second")
    one = restore_backup(db_path, backup, now=MOMENT)["previous_kept_in"]
    cli.log("--subject", "typed after the first restore")
    two = restore_backup(db_path, backup, now=MOMENT)["previous_kept_in"]
    assert one != two
    assert _subjects(one) == ["first", "second"]
    assert _subjects(two) == ["first", "typed after the first restore"]


def test_two_backups_in_one_second_get_two_names(cli, db_path, tmp_path):
    cli.log("--subject", "first")
    folder = tmp_path / "nightly"
    folder.mkdir()
    one = make_backup(db_path, BackupRequest(dest=str(folder)), now=MOMENT)["backup"]
    cli.log("--subject", "second")
    two = make_backup(db_path, BackupRequest(dest=str(folder)), now=MOMENT)["backup"]
    assert one != two
    assert _subjects(one) == ["first"] and _subjects(two) == ["first", "second"]


def test_keep_prunes_only_this_databases_backups_in_a_shared_folder(cli, tmp_path):
    shared = tmp_path / "mnt" / "backups"
    shared.mkdir(parents=True)
    team_b = Cli(tmp_path / "b" / "complaints.db")  # a desk of its own, with the same file name
    cli.log("--subject", "A's complaint")
    team_b.log("--subject", "B's complaint")
    days = [datetime(2026, 11, day, 1, 30, tzinfo=timezone.utc) for day in range(20, 26)]
    b_backups = [make_backup(team_b.db_path, BackupRequest(dest=str(shared)), now=d)["backup"] for d in days[:2]]
    a_backups = [make_backup(cli.db_path, BackupRequest(dest=str(shared)), now=d)["backup"] for d in days[2:5]]
    renamed = shared / "a-kept-by-hand.db"  # the marker decides, not the name
    os.rename(a_backups[0], renamed)
    pruned = make_backup(cli.db_path, BackupRequest(dest=str(shared), keep=2), now=days[5])["pruned"]
    for path in b_backups:
        assert _subjects(path) == ["B's complaint"]
    assert sorted(pruned) == sorted([str(renamed), a_backups[1]])
    assert not renamed.exists() and Path(a_backups[2]).exists()


def test_a_backup_carries_the_marker_and_a_restored_database_does_not(cli, db_path, tmp_path):
    cli.log("--subject", "one")
    backup = Path(cli("backup").stdout.strip())
    marker = backup_marker(backup)
    assert marker["of"] == query(db_path, "SELECT value FROM settings WHERE key = 'database_id'")[0][0]
    assert marker["dated"] is True
    cli("restore", str(backup))
    assert backup_marker(db_path) is None
    assert query(db_path, "SELECT count(*) FROM settings WHERE key = 'backup'") == [(0,)]


def test_a_killed_backups_partial_is_removed_whatever_it_holds(tmp_path):
    ours = tmp_path / ".complaints.complaintctl-ab12cd34.partial"
    ours.write_bytes(b"\0" * 4096 + b"half a page")  # killed before SQLite wrote its header
    legacy = tmp_path / ".complaints-20261130T000000Z.db.wxyz5678.partial"
    legacy.write_bytes(b"\0" * 8192)  # an older version's name, header still zeros
    theirs = tmp_path / ".report.html.12345678.partial"
    theirs.write_text("<html>someone else's")
    removed = remove_abandoned_partials(tmp_path)
    assert sorted(p.name for p in removed) == sorted([ours.name, legacy.name])
    assert theirs.exists()


@pytest.mark.parametrize("damage", ["truncated", "header", "schema", "pages", "last page", "page count",
                                    "empty", "zeroed", "text"])
def test_a_damaged_backup_is_named_not_the_live_database(cli, db_path, tmp_path, damage):
    cli.log("--subject", "one")
    cli.log("--subject", "two", "--description", "长" * 20_000)  # pages beyond the schema's
    backup = tmp_path / "b.db"
    cli("backup", str(backup))
    data = bytearray(backup.read_bytes())
    middle = len(data) // 2
    if damage == "truncated":
        data = data[:len(data) // 3]
    elif damage == "header":
        data[16:18] = b"\x00\x07"  # a page size SQLite cannot have
    elif damage == "schema":
        data[100:140] = b"\xff" * 40  # the schema page's header
    elif damage == "pages":
        data[middle:middle + 8192] = b"\xa5" * 8192
    elif damage == "last page":
        data[-4096:] = bytes(4096)
    elif damage == "page count":
        data[28:32] = (999_999).to_bytes(4, "big")
    elif damage == "empty":
        data = bytearray()
    elif damage == "zeroed":
        data[:100] = bytes(100)  # a disk that lost the header: no longer an SQLite file at all
    else:
        data = bytearray(b"not a database\n" * 100)
    backup.write_bytes(bytes(data))
    not_sqlite = damage in ("empty", "zeroed", "text")  # a file given that is no database: bad input
    result = cli("restore", str(backup), expect=2 if not_sqlite else 1)
    if not_sqlite:
        assert f"{backup} is not an SQLite database" in result.stderr
    else:
        assert f"the backup {backup} is damaged" in result.stderr and "nothing was restored" in result.stderr
    assert str(db_path) not in result.stderr and "a complaintctl database?" not in result.stderr
    assert _subjects(db_path) == ["one", "two"]
