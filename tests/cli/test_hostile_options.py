"""Every number an option takes, given hostile values (huge, negative, not finite): a result or one
clear line with exit 1 or 2, never an internal error. The options are found by walking the app, so
a new one is covered the day it is added."""

from __future__ import annotations

import pytest
import typer.main

from complaintctl.cli import build_app

HUGE_INTEGERS = ["99999999999999999999", "-99999999999999999999", "9223372036854775808", "-1", "0"]
HUGE_FLOATS = ["1e308", "-1e308", "inf", "-inf", "nan"]
# Commands that need more than the option to run: what comes before it
BEFORE = {"survey": ["survey", "1"], "import files": ["import", "{csv}", "--received-now"], "sla goal": ["sla", "goal"]}


def _numeric_options() -> list[tuple[str, str, bool]]:
    found = []

    def walk(command, path):
        for name, sub in getattr(command, "commands", {}).items():
            walk(sub, [*path, name])
        for param in command.params:
            kind = type(param.type).__name__
            if kind in ("IntParamType", "FloatParamType", "IntRange", "FloatRange"):
                found.append((" ".join(path), param.opts[0], kind.startswith("Float")))

    walk(typer.main.get_command(build_app()), [])
    return found


OPTIONS = _numeric_options()


@pytest.fixture(scope="module")
def desk(module_cli, tmp_path_factory):
    module_cli.log("--subject", "Leaking machine", "--phone", "+86 138 0013 8000")
    module_cli("close", "1", "--outcome", "resolved", "--resolution", "Replaced")
    csv = tmp_path_factory.mktemp("files") / "calls.csv"
    csv.write_text("subject\nScreen cracked\n", encoding="utf-8")
    module_cli.csv = csv
    return module_cli


def test_the_walk_finds_the_options():
    assert len(OPTIONS) >= 20 and ("import files", "--batch-size", False) in OPTIONS


@pytest.mark.parametrize(("command", "option", "is_float"), OPTIONS, ids=[f"{c} {o}" for c, o, _ in OPTIONS])
def test_hostile_numbers_in_every_option(desk, command, option, is_float):
    before = [a.format(csv=desk.csv) for a in BEFORE.get(command, command.split())]
    for value in HUGE_INTEGERS + (HUGE_FLOATS if is_float else []):
        args = [*before, value] if not option.startswith("-") else [*before, f"{option}={value}"]
        result = desk(*args, expect=None)
        assert result.exit_code in (0, 1, 2, 3, 4), (args, result.exit_code, result.stderr)
        assert "internal error" not in result.stderr and "Traceback" not in result.stderr, (args, result.stderr)
        if result.exit_code in (1, 2):
            assert result.stderr.startswith(("error: ", "Usage: ")) or "\nError" in result.stderr or \
                "Invalid value" in result.stderr, (args, result.stderr)
