"""Long text from standard input ('-') or the user's editor (-e), as `git commit` takes it."""

import pytest

from conftest import query


@pytest.fixture
def one(cli):
    return cli.log("-s", "发票金额错误", "--channel", "email")


def test_update_note_written_in_the_editor(cli, db_path, one, editor):
    editor.writes("已致电客户\n# 客户说 #2 也是这个问题\n")
    result = cli("update", one, "-e")
    assert "note added" in result.stderr
    assert query(db_path, "SELECT note FROM events WHERE action = 'note'") == [
        ("已致电客户\n# 客户说 #2 也是这个问题",)]  # lines starting with '#' are the user's: kept
    assert "Note on complaint #1" in editor.draft()
    assert editor.drafts_left() == []  # the file is gone once the note is recorded


def test_log_description_and_close_resolution_in_the_editor(cli, db_path, editor):
    editor.writes("第一段\n\n第二段")
    cid = cli.log("-s", "洗衣机漏水", "-e")
    assert query(db_path, "SELECT description FROM complaints") == [("第一段\n\n第二段",)]
    editor.writes("补充：")
    cli("close", cid, "--outcome", "resolved", "-r", "更换密封圈", "-e")
    assert editor.draft().startswith("更换密封圈\n")  # a given text is the draft
    assert query(db_path, "SELECT resolution FROM complaints") == [("补充：更换密封圈",)]


def test_empty_text_or_a_failing_editor_changes_nothing(cli, db_path, one, editor):
    events = query(db_path, "SELECT count(*) FROM events")
    assert "empty note" in cli("update", one, "-e", expect=1).stderr
    editor.fails()
    result = cli("update", one, "-e", expect=1)
    assert "exited with status 3" in result.stderr and "nothing was changed" in result.stderr
    assert query(db_path, "SELECT count(*) FROM events") == events


def test_text_is_kept_when_the_change_is_refused(cli, db_path, one, editor):
    editor.writes("客户同意换货")
    result = cli("update", one, "--status", "closed", "-e", expect=1)
    kept = editor.drafts_left()
    assert len(kept) == 1 and f"Your text is kept in {kept[0]}" in result.stderr
    assert kept[0].read_text(encoding="utf-8").startswith("客户同意换货")
    assert query(db_path, "SELECT count(*) FROM events WHERE action = 'note'") == [(0,)]


def test_visual_wins_over_editor(cli, db_path, one, editor, monkeypatch):
    import os

    monkeypatch.setenv("VISUAL", os.environ["EDITOR"])
    monkeypatch.setenv("EDITOR", "false")
    editor.writes("via VISUAL")
    cli("update", one, "-e")
    assert query(db_path, "SELECT note FROM events WHERE action = 'note'") == [("via VISUAL",)]


def test_no_editor_off_a_terminal_is_a_usage_error(cli, one, monkeypatch):
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.delenv("EDITOR", raising=False)
    result = cli("update", one, "-e", expect=2)
    assert "set VISUAL or EDITOR" in result.stderr


def test_stdin_for_resolution_and_reason_and_only_one_stdin(cli, db_path, one):
    cli("close", one, "--outcome", "resolved", "-r", "-", input="退款已到账\n")
    cli("reopen", one, "--reason", "-", input="客户说没收到\n")
    assert query(db_path, "SELECT note FROM events WHERE action IN ('closed', 'reopened') AND field = 'status'") == [
        ("退款已到账",), ("客户说没收到",)]
    result = cli("update", one, "--note", "-", "--description", "-", input="x", expect=2)
    assert "only one option can read standard input" in result.stderr
    assert "not both" in cli("update", one, "--note", "-", "-e", input="x", expect=2).stderr
