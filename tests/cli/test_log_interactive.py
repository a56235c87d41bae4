"""Interactive `log` never loses the call (issue 21): a refusal at the end is a question, and a
failure after the answers keeps them in a draft that `log --resume` offers."""

from __future__ import annotations

import json

import pytest

from conftest import query


@pytest.fixture
def tty(monkeypatch):
    import complaintctl.cli.complaints as commands

    monkeypatch.setattr(commands, "stdin_is_tty", lambda: True)


@pytest.fixture
def li_lei(cli):
    """李雷, customer #1, on the phone 138 0013 8000."""
    cli.log("-s", "洗衣机漏水", "--customer", "李雷", "--phone", "138 0013 8000")


def _drafts(tmp_path):
    return sorted((tmp_path / "xdg" / "complaintctl" / "drafts").glob("log-*.json"))


# subject, name, email, phone, channel, severity, description
CALL = ["冰箱不制冷", "韩梅梅", "", "13800138000", "phone", "high", "买了三天就不制冷"]


def _answers(*extra: str) -> str:
    return "\n".join([*CALL, *extra]) + "\n"


def test_a_name_that_is_not_the_phones_customer_is_a_question_another_person(cli, db_path, tty, li_lei, tmp_path):
    result = cli("log", input=_answers("2"))
    assert "phone 13800138000 belongs to customer #1 李雷, not 韩梅梅" in result.stderr
    assert "record 韩梅梅 as another person with that phone" in result.stderr
    assert query(db_path, "SELECT c.subject, cu.id, cu.name, cu.phone_normalized FROM complaints c "
                          "JOIN customers cu ON cu.id = c.customer_id WHERE c.id = 2") == [
        ("冰箱不制冷", 2, "韩梅梅", "13800138000")]
    assert _drafts(tmp_path) == []


def test_or_the_call_is_filed_under_the_customer_the_phone_belongs_to(cli, db_path, tty, li_lei):
    result = cli("log", input=_answers("4", "1"))  # 4 is no choice: asked again
    assert "error: a number from 1 to 3" in result.stderr
    assert query(db_path, "SELECT customer_id, severity, description FROM complaints WHERE id = 2") == [
        (1, "high", "买了三天就不制冷")]
    assert query(db_path, "SELECT count(*) FROM customers") == [(1,)]


def test_kept_as_a_draft_and_resumed_with_its_received_time(cli, db_path, tty, li_lei, tmp_path):
    result = cli("log", input=_answers("3"), expect=1)
    assert "kept as a draft, as asked" in result.stderr and "log --resume" in result.stderr
    assert query(db_path, "SELECT count(*) FROM complaints") == [(1,)]
    [draft] = _drafts(tmp_path)
    kept = json.loads(draft.read_text(encoding="utf-8"))
    assert kept["answers"]["subject"] == "冰箱不制冷" and kept["answers"]["phone"] == "13800138000"
    assert draft.stat().st_mode & 0o077 == 0  # a customer's details: this user's only
    typed_at = kept["typed_at"]
    # the next interactive log mentions it; resume offers it, and the conflict is asked again
    assert "1 call typed earlier was not logged" in cli("log", input="\n", expect=1).stderr
    result = cli("log", "--resume", input="1\n2\n")
    assert "冰箱不制冷  (韩梅梅; not logged: kept as a draft, as asked)" in result.stderr
    assert query(db_path, "SELECT subject, received_at FROM complaints WHERE id = 2") == [("冰箱不制冷", typed_at)]
    assert _drafts(tmp_path) == []
    assert "no call kept as a draft" in cli("log", "--resume", expect=1).stderr


def test_a_failure_after_the_answers_keeps_them_and_a_failed_resume_keeps_one_draft(cli, db_path, tty, tmp_path,
                                                                                     monkeypatch):
    from complaintctl.cli import prompts

    asked = prompts.ask_intake

    def taken_while_typing(conn, given):  # another agent logs CALL-17 while this call is typed
        answers = asked(conn, given)
        cli.log("-s", "工单已记录", "--ref", "CALL-17")
        return answers

    monkeypatch.setattr(prompts, "ask_intake", taken_while_typing)
    result = cli("log", "--ref", "CALL-17", input=_answers(), expect=1)
    monkeypatch.setattr(prompts, "ask_intake", asked)
    assert "reference 'CALL-17' is already complaint #1" in result.stderr
    assert "Your answers are kept in" in result.stderr
    [first] = _drafts(tmp_path)
    cli("log", "--resume", input="1\n", expect=1)  # the same reference: refused again, kept again
    [again] = _drafts(tmp_path)
    assert json.loads(again.read_text(encoding="utf-8"))["answers"]["ref"] == "CALL-17"
    assert query(db_path, "SELECT count(*) FROM complaints") == [(1,)]


def test_the_end_of_input_at_the_question_keeps_the_draft(cli, db_path, tty, li_lei, tmp_path):
    result = cli("log", input=_answers(), expect=1)  # no answer to the conflict question: Ctrl-D
    assert "Not logged. Your answers are kept" in result.stderr
    assert len(_drafts(tmp_path)) == 1


def test_resume_is_for_a_terminal_and_takes_no_other_field(cli, monkeypatch):
    assert "run it at a terminal" in cli("log", "--resume", expect=2).stderr
    import complaintctl.cli.complaints as commands

    monkeypatch.setattr(commands, "stdin_is_tty", lambda: True)
    assert "give no other field" in cli("log", "--resume", "-s", "x", expect=2).stderr


def test_a_draft_is_offered_only_for_its_own_database(cli, tty, li_lei, tmp_path, template_db):
    import shutil

    from conftest import Cli

    cli("log", input=_answers("3"), expect=1)
    other = tmp_path / "other.db"
    shutil.copy(template_db, other)
    assert "no call kept as a draft" in Cli(other)("log", "--resume", expect=1).stderr


def test_resume_0_logs_none_and_keeps_the_draft(cli, db_path, tty, li_lei, tmp_path):
    cli("log", input=_answers("3"), expect=1)
    cli("log", "--resume", input="0\n")
    assert query(db_path, "SELECT count(*) FROM complaints") == [(1,)]
    assert len(_drafts(tmp_path)) == 1


@pytest.mark.parametrize("flags, said", [
    (("--category", "nonsense"), "unknown category 'nonsense'"),
    (("--remedy", "cake"), "unknown remedy 'cake'"),
    (("--ref", "CALL-17"), "reference 'CALL-17' is already complaint #2"),
    (("--email", "not-an-address"), "not-an-address"),
])
def test_a_flag_that_cannot_be_logged_is_said_before_the_questions(cli, db_path, tty, li_lei, tmp_path, flags, said):
    """Not after every answer is typed (then kept in a draft that every resume refuses again)."""
    cli.log("-s", "工单已记录", "--ref", "CALL-17")
    result = cli("log", *flags, input=_answers("2"), expect=None)
    assert result.exit_code != 0 and said in result.stderr
    assert "Subject" not in result.stderr  # nothing was asked
    assert _drafts(tmp_path) == []
