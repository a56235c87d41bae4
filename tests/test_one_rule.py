"""Rules that have one source in code: a second spelling elsewhere is how two meanings start."""

import re
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src" / "complaintctl"

# "open" is lifecycle's OPEN_STATUSES / OPEN_SQL; SQL users get statuses.is_open (set by a migration)
SPELLED_OUT_OPEN = re.compile(r"""\(\s*['"]resolved['"]\s*,\s*['"]closed['"]\s*\)""")
FORMULA_STARTS = re.compile(r"""\(\s*["']=["']\s*,\s*["']\+["']""")


def _sources():
    for path in sorted(SRC.rglob("*.py")):
        yield path.relative_to(SRC).as_posix(), path.read_text(encoding="utf-8")


def test_open_is_spelled_once():
    found = [name for name, text in _sources() if SPELLED_OUT_OPEN.search(text)]
    assert found  # the pattern finds the one definition, so this test can fail
    # released migrations keep the SQL they ran (statuses.is_open is set there)
    found = [name for name in found if not name.startswith("store/migrations/m")]
    assert set(found) <= {"core/record/lifecycle.py"}, (
        f"('resolved', 'closed') spelled out in {found}: use core.lifecycle (OPEN_STATUSES, OPEN_SQL) "
        "or, in SQL for users, statuses.is_open")


def test_what_a_spreadsheet_runs_as_a_formula_is_defined_once():
    found = [name for name, text in _sources() if FORMULA_STARTS.search(text)]
    assert found == ["spreadsheet.py"], f"formula starts defined in {found}: import complaintctl.spreadsheet"


def test_one_csv_writer_and_one_json_encoder_for_output():
    """CSV is written by spreadsheet.CsvWriter alone; what cli/ and render/ print as JSON is
    encoded by render/output.json_text alone (core keeps JSON only as stored text and HTTP bodies)."""
    csv_writers = [name for name, text in _sources() if "csv.writer(" in text]
    assert csv_writers == ["spreadsheet.py"], f"csv.writer in {csv_writers}: use complaintctl.spreadsheet.CsvWriter"
    json_output = [name for name, text in _sources() if "json.dumps(" in text and name.startswith(("cli/", "render/"))]
    assert json_output == ["render/output.py"], f"JSON encoded in {json_output}: use render.output.json_text"


EXIT_LITERAL = re.compile(r"typer\.Exit\(\s*(?:code\s*=\s*)?\d|exit_code\s*=\s*\d|\bEXIT_[A-Z]+\s*=")


def test_exit_codes_are_named_in_one_place():
    """errors.ExitCode holds every exit code; a literal `typer.Exit(3)` or a second EXIT_ constant
    is how two meanings of one number start."""
    assert EXIT_LITERAL.search("raise typer.Exit(1)") and EXIT_LITERAL.search("EXIT_REJECTED = 3")  # it can fail
    found = [name for name, text in _sources() if EXIT_LITERAL.search(text)]
    assert found == [], f"exit codes written as literals in {found}: use complaintctl.errors.ExitCode"
    from complaintctl.errors import ExitCode

    readme = (SRC.parent.parent / "README.md").read_text(encoding="utf-8")
    for code in ExitCode:
        if code not in (ExitCode.INTERRUPTED,):
            assert f"| {code.value} |" in readme, f"README's exit-code table lacks {code.value} ({code.name})"
