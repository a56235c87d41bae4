"""Every test gets its own database in tmp_path, copied from one migrated template."""

from __future__ import annotations

import shutil
import sqlite3
import sys
import textwrap
import time
from datetime import datetime, timezone
from pathlib import Path

import pytest
from tests.app_runner import invoke

from complaintctl.cli import app  # noqa: F401 - loaded once for every test
from complaintctl.store.db import connect


def pytest_addoption(parser):
    parser.addoption("--backend", choices=("sqlite", "postgresql"), default="sqlite",
                     help="the engine the database fixtures give: an SQLite file (the default), or a database "
                          "on a private PostgreSQL cluster this session starts (tests/pg_cluster.py)")


def pytest_report_header(config):
    engine = "PostgreSQL (a private cluster)" if config.getoption("--backend") == "postgresql" else "SQLite"
    return f"backend: {engine}; SQLite {sqlite3.sqlite_version}, Python {sys.version.split()[0]}"


# The fixtures that give a test a database: with --backend postgresql, a test that uses none of
# them touches no database, and the SQLite run has tested it already.
DATABASE_FIXTURES = {"db_path", "conn", "cli", "module_cli", "template_db", "empty_server_database"}


def pytest_collection_modifyitems(config, items):
    if config.getoption("--backend") != "postgresql":
        return
    kept, left = [], []
    for item in items:
        uses_database = DATABASE_FIXTURES & set(getattr(item, "fixturenames", ()))
        if uses_database and not item.get_closest_marker("sqlite_only"):
            kept.append(item)
        else:
            left.append(item)
    config.hook.pytest_deselected(items=left)
    items[:] = kept


def pytest_configure(config):
    if postgresql(config):
        _refuse_urls_in_sqlite()


def _refuse_urls_in_sqlite() -> None:
    """With --backend postgresql a test's database is a URL: sqlite3 opening it would make a file
    named after it in the current folder (``postgresql:/desk_4?host=...``, found committed once).
    Such a test fails with a clear message instead: it reads through ``query``/``connect``, or is
    marked ``sqlite_only``."""
    opened = sqlite3.connect

    def connect_file_only(database, *args, **kwargs):
        if str(database).startswith(("postgresql:", "postgres:", "file:postgresql:")):
            raise AssertionError(f"sqlite3 asked to open {database!r}: read the test's database with "
                                 "conftest.query / store.db.connect, or mark the test sqlite_only")
        return opened(database, *args, **kwargs)

    sqlite3.connect = connect_file_only


def postgresql(config) -> bool:
    return config.getoption("--backend") == "postgresql"


def _isolate(monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    """The environment every test runs in: its own home, actor, time zone, no colour."""
    monkeypatch.setenv("XDG_DATA_HOME", str(folder / "xdg"))
    monkeypatch.setenv("HOME", str(folder / "home"))
    monkeypatch.delenv("COMPLAINTCTL_DB", raising=False)
    monkeypatch.setenv("COMPLAINTCTL_ACTOR", "tester")
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("TZ", "UTC")
    monkeypatch.delenv("COLUMNS", raising=False)
    time.tzset()


@pytest.fixture(autouse=True)
def isolated_home(tmp_path, monkeypatch):
    """Never touch the user's real database or environment. (What one command chose for its run,
    --lang or --tz, ends with it: complaintctl/context.py.)"""
    _isolate(monkeypatch, tmp_path)
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.fixture(scope="session")
def pg_cluster(request):
    """This session's (this worker's) PostgreSQL cluster, with a migrated template database."""
    import sys

    sys.path.insert(0, str(Path(__file__).parent))
    from pg_cluster import Cluster, binaries

    if binaries() is None:
        pytest.skip("PostgreSQL's initdb and pg_ctl are not installed (Debian: apt-get install postgresql; "
                    ".ci/run installs them as root)")
    cluster = Cluster().start()
    try:
        conn = connect(cluster.create_database("desk_template"))
        conn.close()
        yield cluster
    finally:
        cluster.stop()


_databases = iter(range(1, 1_000_000))


@pytest.fixture
def empty_server_database(request) -> str:
    """A new, empty database on the session's cluster (no desk in it yet), with --backend postgresql."""
    if not postgresql(request.config):
        pytest.skip("needs a PostgreSQL server: pytest --backend postgresql")
    return request.getfixturevalue("pg_cluster").create_database(f"empty_{next(_databases)}")


class ServerDatabase(str):
    """A test's database on the cluster: its URL, and (as a file's path has) a ``parent``, the
    test's own folder, where tests write the files they import, export and compare."""

    parent: Path

    def __new__(cls, url: str, folder: Path):
        made = super().__new__(cls, url)
        made.parent = folder
        return made

    @property
    def stem(self) -> str:
        return self.split("?", 1)[0].rsplit("/", 1)[-1]


def new_database(request, folder: Path) -> Path | str:
    """A fresh, migrated database: a copy of the template, as a file in ``folder`` or on the cluster."""
    if postgresql(request.config):
        cluster = request.getfixturevalue("pg_cluster")
        return ServerDatabase(cluster.create_database(f"desk_{next(_databases)}", template="desk_template"), folder)
    template = request.getfixturevalue("template_db")
    path = folder / "complaints.db"
    shutil.copy(template, path)
    return path


@pytest.fixture(scope="session")
def template_db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("template") / "template.db"
    conn = connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return path


@pytest.fixture
def db_path(request, tmp_path) -> Path | str:
    """The test's database: a file in tmp_path (or, with --backend postgresql, a URL)."""
    return new_database(request, tmp_path)


@pytest.fixture
def conn(db_path):
    c = connect(db_path)
    yield c
    c.close()


NOW = datetime(2026, 11, 24, 3, 0, 0, tzinfo=timezone.utc)


def on_server(db_path) -> bool:
    """Is the test's database on the PostgreSQL cluster (``--backend postgresql``) rather than a file?"""
    return isinstance(db_path, str) and db_path.startswith(("postgresql:", "postgres:"))


def shell(db_path):
    """A connection to the test's database as a person at its engine's own shell has one, for a
    test that reads or changes it behind the tool's back: on a file, plain sqlite3 (autocommit,
    foreign keys off, rows by position or name); on the cluster, a connection of store/ without
    migrating (autocommit, ``?`` placeholders, the same rows). Close it."""
    if on_server(db_path):
        return connect(db_path, migrate=False)
    conn = sqlite3.connect(db_path, isolation_level=None)
    conn.row_factory = sqlite3.Row
    return conn


def query(db_path, sql: str, *params) -> list[tuple]:
    """Rows of a query against a test database, through a connection of its own."""
    conn = shell(db_path)
    try:
        return [tuple(r) for r in conn.execute(sql, params).fetchall()]
    finally:
        conn.close()


def row(db_path, sql: str, *params):
    """The first row of a query (read by position or by column name), or None."""
    conn = shell(db_path)
    try:
        return conn.execute(sql, params).fetchone()
    finally:
        conn.close()


def execute(db_path, *statements: str | tuple) -> None:
    """Statements run in order on the test's database, each committed as it runs, as at a shell
    (foreign keys off on a file); a statement with parameters is given as ``(sql, param, ...)``."""
    conn = shell(db_path)
    try:
        for statement in statements:
            sql, *params = (statement,) if isinstance(statement, str) else statement
            conn.execute(sql, params)
    finally:
        conn.close()


class Cli:
    """Run the real app against the test database, like a user at a shell would."""

    def __init__(self, db_path: Path | str, folder: Path | None = None):
        self.db_path = db_path
        self.folder = folder if folder is not None else Path(db_path).parent  # for the test's own files

    def __call__(self, *args: str, input: str | None = None, expect: int | None = 0, env=None):
        result = invoke(["--db", self.db_path, *args], input=input, env=env)
        if expect is not None and result.exit_code != expect:
            raise AssertionError(
                f"exit {result.exit_code} (expected {expect}) for {args}\n"
                f"stdout: {result.stdout}\nstderr: {result.stderr}\nexc: {result.exception!r}"
            )
        return result

    def log(self, *args: str) -> int:
        return int(self("log", *args).stdout.strip())


@pytest.fixture
def cli(db_path, tmp_path) -> Cli:
    return Cli(db_path, tmp_path)


@pytest.fixture(scope="module")
def module_cli(request, tmp_path_factory):
    """A CLI over a database the tests of one module share: for read-only tests, whose data is
    seeded once per module (by a module-scoped fixture of their own), not once per test or
    parameter. Seeding runs in the same isolated environment as a test."""
    folder = tmp_path_factory.mktemp("module")
    path = new_database(request, folder)
    with pytest.MonkeyPatch.context() as mp:
        _isolate(mp, folder)
        yield Cli(path, folder)
    time.tzset()


EDITOR_SCRIPT = textwrap.dedent(
    """
    import os, sys
    path = sys.argv[-1]
    draft = open(path, encoding="utf-8").read()
    open(os.environ["SEEN"], "w", encoding="utf-8").write(draft)
    if "--fail" in sys.argv:
        sys.exit(3)
    open(path, "w", encoding="utf-8").write(os.environ.get("WRITE", "") + draft)
    """
)


@pytest.fixture
def editor(tmp_path, monkeypatch):
    """A scripted $EDITOR: records the draft it was given, writes $WRITE above it."""
    script = tmp_path / "editor.py"
    script.write_text(EDITOR_SCRIPT, encoding="utf-8")
    seen = tmp_path / "seen.txt"
    monkeypatch.setenv("SEEN", str(seen))
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setenv("EDITOR", f"{sys.executable} {script}")
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))  # drafts where the test can see them

    class Editor:
        def writes(self, text):
            monkeypatch.setenv("WRITE", text)

        def fails(self):
            monkeypatch.setenv("EDITOR", f"{sys.executable} {script} --fail")

        def draft(self):
            return seen.read_text(encoding="utf-8")

        def drafts_left(self):
            return sorted(tmp_path.glob("complaintctl-*"))

    return Editor()
