"""A time edited by hand into another form is shown as it is, never an internal error."""

import json

import pytest

from conftest import execute


@pytest.fixture
def edited(cli, db_path):
    cli.log("-s", "手改的时间", "--severity", "high", "--customer", "王芳")
    cli.log("-s", "正常的")
    execute(db_path, "UPDATE complaints SET received_at = '24/11/2026 10:00', respond_due_at = 'tomorrow' WHERE id = 1")
    return cli


@pytest.mark.parametrize("command", [["list"], ["list", "-f", "json"], ["list", "-f", "csv"], ["show", "1"],
                                     ["show", "1", "-f", "json"], ["overdue"], ["sla", "status"],
                                     ["search", "时间"], ["customers", "show", "1"], ["export"]])
def test_reads_show_the_raw_value(edited, command):
    result = edited(*command)
    assert "internal error" not in result.stderr
    if command[0] in ("list", "show", "search", "customers", "export"):
        assert "24/11/2026 10:00" in result.stdout


def test_the_table_shows_it_raw_and_the_rest_as_usual(edited):
    out = edited("list").stdout
    assert "24/11/2026 10:00" in out and "正常的" in out
    assert json.loads(edited("show", "1", "-f", "json").stdout)["received_at"] == "24/11/2026 10:00"


def test_sla_check_names_it_and_a_change_says_how_to_fix_it(edited):
    result = edited("sla", "check", "-f", "json", expect=1)
    assert json.loads(result.stdout)[0]["stored"] == "24/11/2026 10:00"
    result = edited("update", "1", "--status", "investigating", expect=1)
    assert "cannot read" in result.stderr and "update 1 --received" in result.stderr
    edited("update", "1", "--received", "2026-11-24 10:00")
    edited("update", "1", "--status", "investigating")
    edited("sla", "check")
