"""A complaint is named by its id or by its reference, in every command that takes one: imported
complaints are known by their source's number (issue 21)."""

from __future__ import annotations

import json

import pytest

from conftest import query


@pytest.fixture
def refs(cli):
    """#1 INC0012, #2 H1, #3 with the numeric reference 20261103017, #4 without one."""
    return {ref: cli.log("-s", f"complaint {ref}", *(("--ref", ref) if ref else ()))
            for ref in ("INC0012", "H1", "20261103017", None)}


@pytest.mark.parametrize("name", ["ref:INC0012", "REF:INC0012", "INC0012", "inc0012", "ＩＮＣ００１２", " ref: INC0012 "])
def test_show_finds_a_complaint_by_its_reference(cli, refs, name):
    shown = json.loads(cli("show", name, "-f", "json").stdout)
    assert shown["id"] == refs["INC0012"] and shown["ref"] == "INC0012"


def test_every_command_that_takes_an_id_takes_a_reference(cli, db_path, refs):
    h1 = refs["H1"]
    cli("agents", "add", "amy")
    cli("classify", "H1", "--category", "price")
    cli("assign", "H1", "--to", "amy")
    cli("update", "H1", "--note", "called back")
    cli("close", "H1", "--outcome", "resolved", "-r", "refunded")
    cli("reopen", "H1", "--reason", "still broken")
    cli("escalate", "ref:H1", "--reason", "angry")
    cli("close", "INC0012", "--outcome", "duplicate", "--duplicate-of", "H1")
    assert query(db_path, "SELECT category, assignee, status, reopened_count FROM complaints WHERE id = ?", h1) == [
        ("price", "amy", "investigating", 1)]
    assert query(db_path, "SELECT duplicate_of FROM complaints WHERE id = ?", refs["INC0012"]) == [(h1,)]
    actions = [a for (a,) in query(db_path, "SELECT action FROM events WHERE complaint_id = ? ORDER BY id", h1)]
    assert {"classified", "assigned", "note", "closed", "reopened", "escalated"} <= set(actions), actions


def test_a_number_is_an_id_and_a_numeric_reference_is_named_with_ref(cli, refs):
    result = cli("show", "20261103017", expect=1)
    assert "no complaint #20261103017" in result.stderr
    assert f"complaint #{refs['20261103017']} has the reference 20261103017: name it ref:20261103017" in result.stderr
    assert json.loads(cli("show", "ref:20261103017", "-f", "json").stdout)["id"] == refs["20261103017"]
    assert json.loads(cli("show", "#2", "-f", "json").stdout)["ref"] == "H1"


@pytest.mark.parametrize("name, code, says", [
    ("H2", 1, "no complaint with the reference 'H2'"),
    ("ref:", 2, "no reference after ref:"),
    ("0", 2, "invalid complaint id '0'"),
])
def test_an_unknown_reference_is_one_clear_line(cli, refs, name, code, says):
    result = cli("reopen", name, "--reason", "x", expect=code)
    assert says in result.stderr and "Traceback" not in result.stderr


def test_a_reference_that_differs_only_in_case_from_two_is_not_guessed(cli, db_path):
    cli.log("-s", "a", "--ref", "ab1")
    cli.log("-s", "b", "--ref", "AB1")
    assert json.loads(cli("show", "ab1", "-f", "json").stdout)["id"] == 1  # exact wins
    result = cli("show", "Ab1", expect=1)
    assert "differs only in case from those of #1, #2" in result.stderr
