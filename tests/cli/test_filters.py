"""The filters of the commands that read a set of complaints are one set, declared once
(cli/filters.py): every such command has every filter, with the same names and help, and they
select the same complaints (issue 21: export lacked --escalated and --mine; issue 23)."""

from __future__ import annotations

import csv
import io
import json

import pytest
import typer

from complaintctl.cli.filters import FILTERS, WORDS
from complaintctl.store.db import connect

# Options only a filter has: a command with any of them reads a set of complaints by filters.
FILTER_ONLY = {"--since", "--until", "--unassigned", "--escalated", "--open"}
READERS = {"list", "search", "export"}


def _commands():
    from complaintctl.cli import build_app

    def walk(command, path):
        for name, sub in getattr(command, "commands", {}).items():
            yield from walk(sub, f"{path} {name}".strip())
        if not hasattr(command, "commands"):
            yield path, command

    return dict(walk(typer.main.get_command(build_app()), ""))


def _options(command) -> dict[str, tuple[tuple, str]]:
    """Each option's first name -> (every name it has, its help)."""
    return {p.opts[0]: (tuple(p.opts + p.secondary_opts), p.help) for p in command.params if p.opts[0].startswith("-")}


def test_every_command_that_reads_by_filters_has_every_filter_with_one_help():
    commands = _commands()
    readers = {path for path, command in commands.items() if FILTER_ONLY & {o for p in command.params for o in p.opts}}
    assert readers == READERS
    expected = {}
    for name, (_type, option) in FILTERS.items():
        decls = (option.default, *option.param_decls) if isinstance(option.default, str) else option.param_decls
        expected[name] = decls
    for path in READERS:
        options = _options(commands[path])
        for name, decls in expected.items():
            if path == "search" and name in WORDS:
                continue  # search takes its words as arguments
            first = decls[0].split("/")[0]
            assert first in options, f"{path} lacks {first}"
            assert options[first][1] == FILTERS[name][1].help, f"{path} {first} has its own help"
    helps = {path: {k: v for k, v in _options(commands[path]).items() if k in ("--escalated", "--mine", "--customer")}
             for path in READERS}
    assert helps["list"] == helps["search"] == helps["export"]


@pytest.fixture(scope="module")
def desk(module_cli):
    """#1 escalated, #2 assigned to tester (the actor), #3 neither."""
    from datetime import datetime, timezone

    from complaintctl.core.desk import complaints as core
    from complaintctl.core.desk.tracking import escalate
    from complaintctl.core.people.agents import add_agent

    now = datetime(2026, 11, 24, 3, 0, tzinfo=timezone.utc)
    conn = connect(module_cli.db_path)
    add_agent(conn, "tester", full_name=None, email=None, is_lead=False, actor="t", at="2026-11-24T03:00:00Z")
    ids = [core.log_complaint(conn, core.NewComplaint(f"漏水 {i}", received=now), actor="t", now=now).id
           for i in range(3)]
    escalate(conn, ids[0], to=None, reason="angry customer", actor="t", now=now)
    core.assign(conn, ids[1], "tester", actor="t", now=now)
    conn.close()
    return module_cli


@pytest.mark.parametrize("flag, expected", [("--escalated", [1]), ("--mine", [2])])
def test_list_search_and_export_select_the_same_complaints(desk, flag, expected):
    listed = [r["id"] for r in json.loads(desk("list", flag, "-f", "json").stdout)]
    searched = [r["id"] for r in json.loads(desk("search", "漏水", flag, "-f", "json").stdout)]
    exported = sorted(int(r["id"]) for r in csv.DictReader(io.StringIO(desk("export", flag, "-f", "csv").stdout)))
    assert listed == searched == exported == expected
