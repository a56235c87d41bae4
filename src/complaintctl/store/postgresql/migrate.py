"""The schema on PostgreSQL: a new database is made at the baseline version in one step, and
brought up to date from there by each later migration's PostgreSQL form.

No desk on PostgreSQL predates this code, so the first BASELINE migrations have no PostgreSQL
form of their own: the baseline is what they build, with the same tables by construction
(``baseline_tables.sql`` is generated from SQLite's schema at that version, store/postgresql/
ddl.py), then its views (``views.sql``, generated from SQLite's too, store/postgresql/views.py)
and the SQL that must differ: SQLite's functions (``functions.sql``), the event log's triggers
and chain (``chain.sql``) and search (``search.sql``).

Every migration after the baseline has ``apply_postgresql(conn)`` beside ``apply``
(tests/core/test_postgresql_schema.py fails when one has none):

- its statements are portable (CREATE TABLE, ADD COLUMN, CREATE INDEX, INSERT ... ON CONFLICT,
  a view in functions both engines have): ``apply_postgresql = apply``; on this connection
  SQLite's table statements are translated (store/postgresql/ddl.py: INTEGER PRIMARY KEY,
  STRICT, GLOB ...);
- a word or two differ: ``apply(respelled(conn, {"old": "new"}))`` (m021);
- triggers, and anything that reads SQLite's catalog: a function of its own.

`pytest --backend postgresql` runs them (test_a_database_on_postgresql_has_the_same_tables...).

The version is the highest in ``schema_migrations``; each step runs in one transaction under
the desk's writer lock, which re-reads the version first, as on SQLite.
"""

from __future__ import annotations

import importlib
from pathlib import Path

from complaintctl.errors import ComplaintError, Refused

HERE = Path(__file__).parent
BASELINE = 18  # the version a new database on PostgreSQL is made at
FILES = ("functions.sql", "baseline_tables.sql", "views.sql", "chain.sql", "search.sql")


def bring_up_to_date(conn, *, adopt: bool = False, version: int | None = None) -> None:
    """``version``: the stored version the caller has just read (one round trip less)."""
    from complaintctl.store.postgres import redacted, stored_version
    from complaintctl.store.version import SCHEMA_VERSION

    version = stored_version(conn) if version is None else version
    if version == SCHEMA_VERSION:
        return
    if version > SCHEMA_VERSION:
        raise ComplaintError(f"{redacted(conn.url)} has schema version {version}, newer than this complaintctl "
                             f"knows ({SCHEMA_VERSION})", hint="upgrade complaintctl")
    if version == 0 and not adopt:
        tables = [r[0] for r in conn.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename LIMIT 6")]
        if tables:
            shown = ", ".join(tables[:5]) + (", ..." if len(tables) > 5 else "")
            raise Refused(f"{redacted(conn.url)} holds another program's tables ({shown}); complaintctl adds "
                          "nothing to it", hint="give complaintctl a database of its own (CREATE DATABASE), or "
                          "`complaintctl init` to add its tables to this one")
    migrate(conn)


def migrate(conn, target: int | None = None) -> list[str]:
    """Apply pending steps up to ``target`` (default: all); return their names."""
    from complaintctl.store.migrations import MIGRATIONS
    from complaintctl.store.postgres import stored_version

    target = len(MIGRATIONS) if target is None else target
    applied: list[str] = []
    while True:
        conn.execute("BEGIN")  # the writer lock, exclusive
        try:
            version = stored_version(conn)
            if version >= target:
                conn.execute("ROLLBACK")
                return applied
            if version == 0:
                names = _baseline(conn)
            else:
                name = MIGRATIONS[version][0]
                module = importlib.import_module(f"complaintctl.store.migrations.{name}")
                module.apply_postgresql(Migrating(conn))
                conn.execute("INSERT INTO schema_migrations (version, name, applied_at) VALUES "
                             "(?, ?, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))", (version + 1, name))
                names = [name]
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
        applied += names


def _baseline(conn) -> list[str]:
    """The database at BASELINE, in the transaction the caller holds."""
    from complaintctl.store.migrations import MIGRATIONS

    raw = conn.raw
    raw.execute("CREATE TABLE schema_migrations (version BIGINT PRIMARY KEY, name TEXT COLLATE \"C\" NOT NULL, "
                "applied_at TEXT COLLATE \"C\" NOT NULL)")
    for name in FILES:
        raw.execute((HERE / name).read_text(encoding="utf-8"))
    names = [name for name, _ in MIGRATIONS[:BASELINE]]
    conn.executemany("INSERT INTO schema_migrations (version, name, applied_at) VALUES "
                     "(?, ?, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))", list(enumerate(names, start=1)))
    # what the migrations make per database: its identity (m016), and the chain's version: every
    # event on PostgreSQL is linked by the database, version 2 (chain.sql), from the first on
    conn.execute("INSERT INTO settings (key, value) VALUES ('database_id', replace(gen_random_uuid()::text, '-', ''))")
    conn.execute("INSERT INTO audit_chain (version, from_event, since) VALUES "
                 "(2, 1, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))")
    return names


def expected_objects(version: int) -> dict[str, tuple[str, str]]:
    """name -> (kind, definition) of what a database on PostgreSQL holds: SQLite's tables, views
    and indexes at ``version`` (the same, by construction), and PostgreSQL's own triggers and
    search index in place of SQLite's (from the SQL files here, and the migrations after the
    baseline, whose objects have the same names on both)."""
    import re

    from complaintctl.store.migrations import expected_objects as on_sqlite

    found = {name: (kind, sql) for name, (kind, sql) in on_sqlite(version).items()
             if kind != "trigger" and not name.startswith(("complaints_fts", "sqlite_"))}
    for name in FILES:
        text = (HERE / name).read_text(encoding="utf-8")
        for kind, what, table in re.findall(r"CREATE (?:CONSTRAINT )?(TRIGGER|TABLE|INDEX|VIEW) (\w+)(?:[^;]*? ON (\w+))?",
                                            text):
            if name != "baseline_tables.sql":
                found[what] = (kind.lower(), f"CREATE {kind} {what}" + (f" ON {table}" if table else ""))
    for name, (kind, sql) in on_sqlite(version).items():
        if kind == "trigger" and name not in found and _after_baseline(name, version):
            found[name] = (kind, sql)
    return found


def _after_baseline(trigger: str, version: int) -> bool:
    """Was ``trigger`` made by a migration after the baseline (and so made on PostgreSQL by its own form)?"""
    from complaintctl.store.migrations import expected_objects as on_sqlite

    return trigger not in on_sqlite(BASELINE)


class Migrating:
    """The connection a migration's PostgreSQL form is given: SQLite's table and index
    statements are translated (store/postgresql/ddl.py), and its views (store/postgresql/views.py),
    everything else runs as on any connection of the desk; ``respellings`` (text -> text) are
    made in every statement first."""

    _DDL = ("CREATE TABLE", "ALTER TABLE", "CREATE INDEX", "CREATE UNIQUE INDEX")

    def __init__(self, conn, respellings: dict[str, str] | None = None):
        self._conn = conn
        self._respellings = respellings or {}

    def execute(self, sql: str, parameters=()):
        from complaintctl.store.postgresql import views
        from complaintctl.store.postgresql.ddl import translated

        for old, new in self._respellings.items():
            sql = sql.replace(old, new)
        start = " ".join(sql.split()[:3]).upper()
        if start.startswith(self._DDL):
            sql = translated(sql)
        elif start.startswith("CREATE VIEW"):
            sql = views.translated(sql, views.server_column_type(self._conn))
        return self._conn.execute(sql, parameters)

    def __getattr__(self, name: str):
        return getattr(self._conn, name)


def respelled(conn, respellings: dict[str, str]) -> Migrating:
    """For a migration whose statements need a word or two changed on PostgreSQL:
    ``apply(respelled(conn, {"SQLite's spelling": "PostgreSQL's"}))``."""
    return Migrating(conn._conn if isinstance(conn, Migrating) else conn, respellings)
