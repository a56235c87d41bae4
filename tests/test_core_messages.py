"""core/ speaks in facts, the CLI in flags (issue 23, 4): no message of core names a flag; an error
names the input it is about (``Input("limit")``) and the step that would help (``Step("reopen", ...)``),
and the CLI says them as ``--limit`` and `` `complaintctl reopen 7 --reason TEXT` `` (cli/spelling.py).
So core can be called from anything (a server, a library user) without CLI advice in its errors,
and every name core gives the CLI to spell is one the CLI has."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

CORE = Path(__file__).resolve().parent.parent / "src" / "complaintctl" / "core"
FLAG = re.compile(r"(?<![\w-])--[a-z]")

# file -> why a string literal there may hold a flag (none today; an entry must say why)
EXCEPTIONS: dict[str, str] = {}
# files not converted yet (issue 24), with how many flags they still name: this only shrinks
NOT_YET: dict[str, int] = {
    "intake/completing.py": 1,
    "intake/mapping.py": 1,
}


def _docstrings(tree: ast.AST) -> set[int]:
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                out.add(id(first.value))
    return out


def flags_named(root: Path = CORE) -> list[str]:
    """Every string literal under ``root`` (docstrings aside: they speak to developers) that names a flag."""
    found = []
    for path in sorted(root.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docs = _docstrings(tree)
        hits = sorted((node.lineno, node.value) for node in ast.walk(tree)
                      if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docs
                      and FLAG.search(node.value))
        found += [f"{path.relative_to(root).as_posix()}:{line}: {text[:80]!r}" for line, text in hits]
    return found


def test_no_core_message_names_a_flag():
    from collections import Counter

    hits = [hit for hit in flags_named() if hit.split(":")[0] not in EXCEPTIONS]
    found = [hit for hit in hits if hit.split(":")[0] not in NOT_YET]
    assert found == [], f"{len(found)} core strings name a flag: {found[:30]}"
    left = Counter(hit.split(":")[0] for hit in hits)
    grown = {f: left[f] for f in NOT_YET if left[f] > NOT_YET[f]}
    assert grown == {}, "a file not converted yet names more flags than it did"
    done = [f for f in NOT_YET if left[f] == 0]
    assert done == [], f"converted: take {done} out of NOT_YET"


# files not converted yet that write a command line (`complaintctl ...`) instead of a Step: this only shrinks
COMMAND_LINES_NOT_YET: dict[str, int] = {
    "intake/batches.py": 1,
    "intake/source.py": 1,
    "intake/writer.py": 1,
}


def command_lines_written(root: Path = CORE) -> list[str]:
    """Every string literal under ``root`` (docstrings aside) that writes a command line of this CLI."""
    found = []
    for path in sorted(root.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docs = _docstrings(tree)
        found += [f"{path.relative_to(root).as_posix()}:{node.lineno}: {node.value[:80]!r}" for node in ast.walk(tree)
                  if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docs
                  and "`complaintctl " in node.value]
    return found


def test_no_core_message_writes_a_command_line():
    """The step that would help is a ``Step("init")``, which the CLI says as `complaintctl init` and a
    library caller reads as the operation's name."""
    from collections import Counter

    hits = command_lines_written()
    found = [hit for hit in hits if hit.split(":")[0] not in COMMAND_LINES_NOT_YET]
    assert found == [], f"{len(found)} core strings write a command line: {found[:30]}"
    left = Counter(hit.split(":")[0] for hit in hits)
    assert {f: left[f] for f in COMMAND_LINES_NOT_YET if left[f] > COMMAND_LINES_NOT_YET[f]} == {}
    done = [f for f in COMMAND_LINES_NOT_YET if left[f] == 0]
    assert done == [], f"converted: take {done} out of COMMAND_LINES_NOT_YET"


def test_the_flag_scan_can_fail(tmp_path):
    (tmp_path / "m.py").write_text('"""Docs may say --limit."""\nraise X("use --limit", hint="x")\nq = "a -- b"\n'
                                   'sql = "x --comment"\n')
    assert [h.split(":")[1] for h in flags_named(tmp_path)] == ["2", "4"]
    (tmp_path / "n.py").write_text('"""Docs may say `complaintctl init`."""\nhint = "run `complaintctl init`"\n')
    assert [h.split(":")[1] for h in command_lines_written(tmp_path)] == ["2"]


def _literal(node: ast.AST) -> object:
    return node.value if isinstance(node, ast.Constant) else None


def named_inputs_and_steps(root: Path = CORE) -> tuple[list[tuple[str, str]], list[tuple[str, ast.Call]]]:
    """(where, name) of every ``Input("name")`` (and ``either``/``both``'s names), (where, call) of every
    ``Step(...)`` under ``root``."""
    inputs, steps = [], []
    for path in sorted(root.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.args:
                where = f"{path.relative_to(root).as_posix()}:{node.lineno}"
                if node.func.id == "Input":
                    inputs.append((where, _literal(node.args[0])))
                elif node.func.id in ("either", "both"):
                    inputs += [(where, _literal(a)) for a in node.args]
                elif node.func.id == "Step":
                    steps.append((where, node))
    return inputs, steps


@pytest.fixture(scope="module")
def tree():
    import typer

    from complaintctl.cli import build_app

    return typer.main.get_command(build_app())


def _commands(group, path=()):
    """(path, command) of every command and group in the tree."""
    yield path, group
    for name, sub in getattr(group, "commands", {}).items():
        yield from _commands(sub, (*path, name))


def test_every_input_core_names_is_a_flag_of_the_cli(tree):
    from complaintctl.cli.spelling import flag

    flags = {opt for _path, command in _commands(tree) for p in command.params
             for opt in (*p.opts, "/".join(p.opts + p.secondary_opts))}
    inputs, _steps = named_inputs_and_steps()
    assert inputs, "the scan finds Input(...) in core"
    unknown = [f"{where} Input({name!r}) -> {flag(name) if name else '?'}" for where, name in inputs
               if not isinstance(name, str) or flag(name) not in flags]
    assert unknown == []


def test_every_step_core_names_is_a_command_with_those_arguments_and_options(tree):
    from complaintctl.cli.spelling import GLOBAL, flag

    commands = {" ".join(path): command for path, command in _commands(tree) if path}
    _inputs, steps = named_inputs_and_steps()
    assert steps, "the scan finds Step(...) in core"
    wrong = []
    for where, call in steps:
        name = _literal(call.args[0])
        command = commands.get(name)
        if command is None:
            wrong.append(f"{where}: no command {name!r}")
            continue
        arguments = [p for p in command.params if not p.opts[0].startswith("-")]
        if len(call.args) - 1 > len(arguments):
            wrong.append(f"{where}: {name} takes {len(arguments)} argument(s), given {len(call.args) - 1}")
        opts = {opt for p in command.params for opt in p.opts} | {
            opt for p in tree.params for opt in p.opts if p.name in GLOBAL}
        wrong += [f"{where}: {name} has no {flag(k.arg)}" for k in call.keywords if flag(k.arg) not in opts]
    assert wrong == []
