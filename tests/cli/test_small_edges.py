"""The smaller edges of issue 22, each found by an attack run: dates typed as numbers, the shared
folder's mode, a folder that silently shares the database, a claim's note, and one-line values."""

from __future__ import annotations

import os
import stat

import pytest

from conftest import Cli, query


@pytest.mark.parametrize("typed", ["-5", "-30", "-1.5", "11.3"])
def test_a_number_typed_as_a_date_is_refused_not_read_as_january(cli, typed):
    result = cli("log", "--subject", "Leak", f"--received={typed}", expect=2)
    assert "number is not a date" in result.stderr and "give a date such as" in result.stderr
    assert query(cli.db_path, "SELECT count(*) FROM complaints") == [(0,)]
    assert "number is not a date" in cli("list", f"--since={typed}", expect=2).stderr


def test_numbers_in_an_imports_date_column_are_rejected(cli, tmp_path):
    source = tmp_path / "calls.csv"
    source.write_text("subject,received\nFine,2026-11-01\nMinus,-5\nMinus more,-30\nFraction,-1.5\n", encoding="utf-8")
    result = cli("import", str(source), expect=3)
    assert "inserted 1" in result.stdout and "rejected 3" in result.stdout
    assert query(cli.db_path, "SELECT subject FROM complaints") == [("Fine",)]


@pytest.mark.parametrize("size", ["99999999999999999999", "100001", "0", "-1"])
def test_an_impossible_batch_size_is_one_clear_line(cli, tmp_path, size):
    """import --batch-size 99999999999999999999 was an internal error (islice's stop argument)."""
    source = tmp_path / "calls.csv"
    source.write_text("subject,received\nLeak,2026-11-01\n", encoding="utf-8")
    result = cli("import", str(source), "--batch-size", size, expect=2)
    assert f"a batch of {size} rows is not possible: from 1 to 100,000 rows" in result.stderr
    assert "internal error" not in result.stderr
    assert query(cli.db_path, "SELECT count(*) FROM complaints") == [(0,)]


def test_init_shared_makes_the_folder_2770_as_the_docs_say(tmp_path):
    folder = tmp_path / "desk"
    folder.mkdir()
    os.chmod(folder, 0o755)  # as mkdir under the usual umask 022 makes it
    Cli(folder / "complaints.db")("init", "--shared")
    assert stat.S_IMODE(folder.stat().st_mode) == 0o2770


def test_a_database_created_in_a_group_writable_folder_says_it_is_the_groups(tmp_path):
    shared, private = tmp_path / "shared", tmp_path / "private"
    for folder, mode in ((shared, 0o775), (private, 0o700)):  # 0775: mkdir under umask 002
        folder.mkdir()
        os.chmod(folder, mode)
    said = Cli(shared / "complaints.db")("log", "--subject", "Leak").stderr
    assert f"Team mode: {shared} is group-writable (0775, group" in said and "read-write for group" in said
    assert f"chmod g-w {shared}" in said
    assert "Team mode" not in Cli(private / "complaints.db")("log", "--subject", "Leak").stderr
    assert "Team mode" in Cli(tmp_path / "shared" / "other.db")("init").stderr


def test_claim_with_a_note_on_your_own_complaint_keeps_the_note(cli):
    cli("agents", "add", "tester")
    cid = cli.log("--subject", "Leak")
    cli("claim", cid)
    result = cli("claim", cid, "--note", "called the customer back")
    assert "already yours; the note is added" in result.stderr
    assert query(cli.db_path, "SELECT action, note FROM events WHERE complaint_id = ? ORDER BY id DESC LIMIT 1",
                 cid) == [("note", "called the customer back")]
    assert "already yours." in cli("claim", cid).stderr


@pytest.mark.parametrize(("option", "value", "said"), [
    ("--ref", "INC-1\nINC-2", "holds a control character (U+000A)"),
    ("--ref", "x\x1b[2J", "holds a control character (U+001B)"),
    ("--ref", "R" * 201, "ref too long (201 characters, at most 200)"),
])
def test_a_ref_is_one_short_line(cli, option, value, said):
    assert said in cli("log", "--subject", "Leak", option, value, expect=2).stderr
    assert query(cli.db_path, "SELECT count(*) FROM complaints") == [(0,)]


def test_an_imported_ref_is_one_short_line_too(cli, tmp_path):
    source = tmp_path / "calls.csv"
    source.write_text('ref,subject,received\n"INC-1\nINC-2",Leak,2026-11-01\nx\x1b[2J,Noise,2026-11-01\n'
                      f"{'R' * 201},Smell,2026-11-01\nINC-3,Fine,2026-11-01\n", encoding="utf-8")
    result = cli("import", str(source), expect=3)
    assert "inserted 1" in result.stdout and "rejected 3" in result.stdout
    assert "ref: 'INC-1\\nINC-2' holds a control character (U+000A)" in result.stderr
    assert "holds a control character (U+001B)" in result.stderr
    assert "ref: too long (201 characters, at most 200)" in result.stderr
    assert query(cli.db_path, "SELECT ref FROM complaints") == [("INC-3",)]


@pytest.mark.parametrize(("actor", "said"), [
    ("li.wei\nroot", "holds a control character (U+000A)"),
    ("\x1b]0;owned\x07", "holds a control character (U+001B)"),
    ("a" * 101, "actor too long (101 characters, at most 100)"),
])
def test_an_actor_is_one_short_line(cli, monkeypatch, actor, said):
    assert said in cli("--actor", actor, "log", "--subject", "Leak", expect=2).stderr
    monkeypatch.setenv("COMPLAINTCTL_ACTOR", actor)
    assert said in cli("log", "--subject", "Leak", expect=2).stderr
    assert query(cli.db_path, "SELECT count(*) FROM events") == [(0,)]
