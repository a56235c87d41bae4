"""The SQL in docs/ runs against a real database and returns rows."""

import json
import re
import sqlite3
from pathlib import Path

import pytest

DOCS = Path(__file__).resolve().parent.parent / "docs"


def sql_blocks(name):
    text = (DOCS / name).read_text(encoding="utf-8")
    return re.findall(r"```sql\n(.*?)```", text, flags=re.S)


def read_only(db):
    """A read-only connection to the sample database, a file's or a server's."""
    from complaintctl.store.db import connect

    return connect(db, readonly=True)


def for_this_engine(conn, sql: str) -> bool:
    """A block that starts ``-- SQLite`` or ``-- PostgreSQL`` is for that engine only; the rest for both."""
    from complaintctl.store.engine import POSTGRESQL, engine_of

    first = sql.lstrip().split("\n", 1)[0].strip().lower()
    if first in ("-- sqlite", "-- postgresql"):
        return first == ("-- postgresql" if engine_of(conn) == POSTGRESQL else "-- sqlite")
    return True


@pytest.fixture(scope="module")
def sample(module_cli):
    """One database for every documented query (they only read it)."""
    cli, db_path = module_cli, module_cli.db_path
    cli("agents", "add", "li.wei", "--full-name", "李伟")
    cli.log("-s", "洗衣机漏水", "--customer", "王芳", "--email", "wf@x.cn", "--channel", "phone",
            "--category", "product_quality", "--severity", "high", "--tag", "washer")
    cli.log("-s", "洗衣机又漏水", "--email", "wf@x.cn", "--channel", "email", "--severity", "critical")
    cli.log("-s", "invoice wrong", "--channel", "web", "--received", "yesterday")
    cli("classify", "1", "--cause", "product_quality", "--personality", "forceful")
    cli("assign", "1", "--to", "li.wei")
    cli("update", "1", "--status", "investigating", "--note", "查看中")
    cli("close", "2", "--outcome", "resolved", "-r", "换新", "--accepted")
    cli("reopen", "2", "--reason", "新机器也漏水")
    cli("update", "2", "--status", "resolved")
    cli("close", "2", "--outcome", "resolved", "-r", "退款")
    csv_file = cli.folder / "extra.csv"
    csv_file.write_text("标题,备注,类型\n打印机卡纸,老客户,卡纸\n", encoding="utf-8")  # 卡纸: an unknown category
    cli("import", "--received-now", str(csv_file))
    return db_path


@pytest.mark.parametrize("index", range(len(sql_blocks("sla.md"))))
def test_sla_doc_query_runs(sample, index):
    conn = read_only(sample)
    conn.execute(sql_blocks("sla.md")[index]).fetchall()


def test_schema_doc_has_a_dozen_queries():
    assert len(sql_blocks("schema.md")) >= 12


@pytest.mark.parametrize("index", range(len(sql_blocks("schema.md"))))
def test_schema_doc_query_runs_and_returns_rows(sample, index):
    sql = sql_blocks("schema.md")[index]
    conn = read_only(sample)
    if not for_this_engine(conn, sql):
        pytest.skip("for the other engine")
    rows = conn.execute(sql).fetchall()
    assert rows, f"query {index} returned nothing:\n{sql}"


# the schema read from SQLite's catalog: PostgreSQL's has the same tables and columns by construction
# (tests/core/test_postgresql_schema.py), so docs/schema.md is held to it once
@pytest.mark.sqlite_only
def test_every_table_and_view_is_documented(conn):
    text = (DOCS / "schema.md").read_text(encoding="utf-8")
    names = [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%'")]
    missing = [n for n in names if f"`{n}`" not in text and f"### {n}" not in text]
    assert not missing


def test_import_doc_lists_every_field_and_alias():
    from complaintctl.core.intake.mapping import FIELD_ALIASES
    from complaintctl.core.taxonomy.labels import VALUE_ALIASES

    text = (DOCS / "import.md").read_text(encoding="utf-8")
    for field, aliases in FIELD_ALIASES.items():
        assert f"| `{field}` |" in text
        for alias in aliases:
            assert alias in text, alias
    for kind, aliases in VALUE_ALIASES.items():
        for alias in aliases:
            assert alias in text, (kind, alias)


def test_cli_reference_matches_help():
    from complaintctl.cli.reference import reference_markdown

    assert (DOCS / "cli.md").read_text(encoding="utf-8") == reference_markdown(), (
        "docs/cli.md is stale: run `python -m complaintctl.cli.reference > docs/cli.md`")


def test_every_command_has_help_text():
    import typer

    from complaintctl.cli import build_app

    def walk(command, path):
        assert (command.help or "").strip(), f"{path} has no help text"
        for name, sub in getattr(command, "commands", {}).items():
            walk(sub, f"{path} {name}")

    walk(typer.main.get_command(build_app()), "complaintctl")


def _schema_sections() -> dict[str, set[str]]:
    """Each `### name` section of docs/schema.md (a heading may name several tables), with the
    identifiers it shows in backticks (`a`, `b, c`, `a`/`b` all count)."""
    text = (DOCS / "schema.md").read_text(encoding="utf-8")
    sections: dict[str, set[str]] = {}
    for block in re.split(r"^### ", text, flags=re.M)[1:]:
        heading, _, body = block.partition("\n")
        words = set()
        for span in re.findall(r"`([^`\n]+)`", body):
            words.update(re.findall(r"[A-Za-z_][A-Za-z0-9_]*", span))
        for name in re.findall(r"[A-Za-z_][A-Za-z0-9_]*", heading):
            sections[name] = sections.get(name, set()) | words
    return sections


@pytest.mark.sqlite_only  # as above
def test_every_column_of_every_table_and_view_is_documented(conn):
    sections = _schema_sections()
    objects = [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%' "
        "ORDER BY name")]
    undocumented = []
    for name in objects:
        columns = [r[1] for r in conn.execute(f"PRAGMA table_xinfo({name})") if r[6] in (0, 2, 3)]
        shown = sections.get(name, set())
        undocumented += [f"{name}.{c}" for c in columns if c not in shown]
    assert not undocumented, f"docs/schema.md does not describe: {', '.join(undocumented)}"


def _event_actions_in_code() -> set[str]:
    src = Path(__file__).resolve().parent.parent / "src" / "complaintctl"
    actions = set()
    for path in src.rglob("*.py"):
        actions.update(re.findall(r"""\baction\s*=\s*["']([a-z_]+)["']""", path.read_text(encoding="utf-8")))
    return actions


def test_every_event_action_the_code_writes_is_documented():
    actions = _event_actions_in_code()
    assert len(actions) >= 15  # the scan finds the literals, so this test can fail
    documented = _schema_sections().get("events", set())
    missing = sorted(actions - documented)
    assert not missing, f"docs/schema.md (### events) does not list the event actions: {', '.join(missing)}"


def test_the_development_map_is_the_tree():
    """docs/development.md's map is generated from the modules' docstrings; a module added, moved
    or re-described without `python tests/devmap.py` fails here, so the map cannot fall behind."""
    import devmap

    assert devmap.missing_docstrings() == [], "every module says what it is in a docstring"
    assert devmap.current() == devmap.generate(), "docs/development.md's map is stale: run python tests/devmap.py"


def _schema_queries_with_their_prose() -> list[tuple[str, str]]:
    """(the sentence before it, the query) for each SQL example of docs/schema.md."""
    text = (DOCS / "schema.md").read_text(encoding="utf-8")
    return [(m.group(1).strip().splitlines()[-1], m.group(2))
            for m in re.finditer(r"([^`]*?)```sql\n(.*?)```", text, flags=re.S)]


def test_schema_examples_about_open_complaints_count_the_open_ones(conn):
    """"Open" has one meaning (resolved complaints are not open): the example "Unassigned
    complaints still open" counted resolved ones too (91 where 80 were open)."""
    from complaintctl.core.desk import closing
    from complaintctl.core.desk import complaints as core
    from complaintctl.core.record.lifecycle import OPEN_SQL

    ids = [core.log_complaint(conn, core.NewComplaint(subject=f"s{i}"), actor="t").id for i in range(6)]
    core.update(conn, ids[0], status="resolved", actor="t")
    core.update(conn, ids[1], status="resolved", actor="t")
    closing.close(conn, ids[2], outcome="resolved", resolution="done", actor="t")
    about_open = [(prose, sql) for prose, sql in _schema_queries_with_their_prose() if " open" in prose]
    assert len(about_open) >= 3
    for prose, sql in about_open:
        assert "status <> 'closed'" not in sql, prose
    unassigned = next(sql for prose, sql in about_open if prose.startswith("Unassigned complaints still open"))
    assert len(conn.execute(unassigned).fetchall()) == conn.execute(
        f"SELECT count(*) FROM complaints WHERE assignee IS NULL AND {OPEN_SQL}").fetchone()[0] == 3


@pytest.mark.sqlite_only  # sqlite-utils opens a file
def test_the_guides_sqlite_utils_examples_run_on_our_file(sample, tmp_path):
    """docs/guide.md shows the sqlite-utils CLI (installed with complaintctl) on our file: each line
    runs as written, on a real database, and the join with a spreadsheet finds the customers."""
    import os
    import shutil
    import subprocess
    import sys

    text = (DOCS / "guide.md").read_text(encoding="utf-8")
    block = re.search(r"## sqlite-utils on the same file.*?```sh\n(.*?)```", text, flags=re.S).group(1)
    shutil.copy(sample, tmp_path / "complaints.db")
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    subprocess.run(["complaintctl", "--db", "complaints.db", "log", "-s", "退款还没到", "--email", "WuFang@example.cn",
                    "--channel", "web"], cwd=tmp_path, env=env, check=True, capture_output=True)
    done = subprocess.run(["bash", "-e", "-o", "pipefail", "-c", block], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert re.search(r"^complaints\s+\d+$", done.stdout, flags=re.M), done.stdout  # tables --counts
    assert "channel,n" in done.stdout and "complaints.channel" in done.stdout
    assert re.search(r"^\s*wufang@example\.cn\s+120\s+1\s*$", done.stdout, flags=re.M), done.stdout  # the join


def _team_day() -> list[str]:
    """The commands of docs/guide.md's "A team's day" block, one a line, comments left out."""
    text = (DOCS / "guide.md").read_text(encoding="utf-8")
    section = text[text.index("## A team's day"):]
    block = re.search(r"```sh\n(.*?)```", section, flags=re.S).group(1)
    return [line for line in block.splitlines() if line.strip() and not line.lstrip().startswith("#")]


def test_the_guides_team_day_runs_as_written_on_a_new_install(tmp_path, monkeypatch):
    """Every line of the block, in order, on a machine with no database (no --db: the per-user
    file), in the team's zone (no TZ): each one exits 0, and the day leaves what it says."""
    import shlex
    import time

    from tests.app_runner import invoke

    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("TZ")
    time.tzset()
    database = tmp_path / "xdg" / "complaintctl" / "complaints.db"
    assert not database.exists()
    env = {}
    lines = _team_day()
    assert len(lines) >= 15 and lines[0] == "complaintctl sla calendar use CN"
    for line in lines:
        words = shlex.split(line)
        if words[0] == "export":
            name, _, value = words[1].partition("=")
            env[name] = value
            continue
        assert words[0] == "complaintctl", line
        target = None
        if ">" in words:
            words, target = words[:words.index(">")], words[words.index(">") + 1]
        result = invoke(words[1:], env=env)
        assert result.exit_code == 0, f"{line}\nexit {result.exit_code}\n{result.stderr}{result.exception!r}"
        if target:
            (tmp_path / target).write_text(result.stdout, encoding="utf-8")
    time.tzset()
    assert database.exists()
    conn = sqlite3.connect(database)
    assert conn.execute("SELECT timezone, enabled, region FROM sla_calendar").fetchone() == ("Asia/Shanghai", 1, "CN")
    assert conn.execute("SELECT status, outcome, assignee FROM complaints").fetchall() == [("closed", "resolved", "li.wei")]
    assert json.loads((tmp_path / "metadata.json").read_text(encoding="utf-8"))["databases"]
    assert list((tmp_path / "reports").glob("*-W*.html"))
