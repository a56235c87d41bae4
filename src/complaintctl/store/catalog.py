"""What the database holds, asked of its catalog: the schema version, the tables, views, indexes
and triggers with their SQL, a table's columns, the foreign keys to a table, and facts about the
engine for `info`. SQLite
keeps these in ``sqlite_master`` and pragmas, PostgreSQL in ``pg_catalog``: only this module
(and the backends) asks either."""

from __future__ import annotations

from complaintctl.store.engine import POSTGRESQL, Connection, engine_of


def schema_version(conn: Connection) -> int:
    """The version of the schema the database holds (0: none yet)."""
    if engine_of(conn) == POSTGRESQL:
        from complaintctl.store.postgres import stored_version

        return stored_version(conn)
    return conn.execute("PRAGMA user_version").fetchone()[0]


def engine_facts(conn: Connection) -> dict:
    """Which engine and version holds the database, as `info` shows it."""
    if engine_of(conn) == POSTGRESQL:
        return {"engine": POSTGRESQL, "server_version": conn.execute("SHOW server_version").fetchone()[0]}
    import sqlite3

    return {"sqlite_version": sqlite3.sqlite_version,
            "journal_mode": conn.execute("PRAGMA journal_mode").fetchone()[0]}


def objects(conn: Connection, kinds: tuple[str, ...] = ("table", "view", "index", "trigger")) -> dict[str, tuple[str, str]]:
    """name -> (kind, sql) of the schema's objects of ``kinds`` (SQLite's sqlite_sequence among them)."""
    if engine_of(conn) == POSTGRESQL:
        from complaintctl.store.postgres import catalog_objects

        return catalog_objects(conn, kinds)
    marks = ", ".join("?" * len(kinds))
    return {name: (kind, sql) for name, kind, sql in conn.execute(
        f"SELECT name, type, sql FROM sqlite_master WHERE sql IS NOT NULL AND type IN ({marks})", kinds)}


def has_table(conn: Connection, name: str) -> bool:
    if engine_of(conn) == POSTGRESQL:
        return conn.execute("SELECT to_regclass(?) IS NOT NULL", (name,)).fetchone()[0] == 1
    return conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)).fetchone() is not None


def table_names(conn: Connection) -> list[str]:
    """The tables, by name."""
    return sorted(name for name, (kind, _) in objects(conn, ("table",)).items())


def columns(conn: Connection, table: str) -> list[str]:
    """The columns of ``table`` in their order (none when it does not exist)."""
    if engine_of(conn) == POSTGRESQL:
        return [r[0] for r in conn.execute(
            "SELECT attname FROM pg_attribute WHERE attrelid = to_regclass(?) AND attnum > 0 AND NOT attisdropped "
            "ORDER BY attnum", (table,))]
    return [r[1] for r in conn.execute(f'PRAGMA table_info("{table}")')]


def references_to(conn: Connection, parent: str) -> list[tuple[str, str]]:
    """(table, column) of every foreign key to ``parent``'s id, as the schema declares them."""
    if engine_of(conn) == POSTGRESQL:
        from complaintctl.store.postgres import catalog_references

        return catalog_references(conn, parent)
    found = []
    for table in table_names(conn):
        for link in conn.execute(f'PRAGMA foreign_key_list("{table}")'):
            if link[2] == parent and link[4] in (None, "id"):
                found.append((table, link[3]))
    return found


def database_file(conn: Connection) -> str:
    """The file the connection reads ('' for an in-memory database or a server's)."""
    if engine_of(conn) == POSTGRESQL:
        return ""
    return next((r[2] for r in conn.execute("PRAGMA database_list") if r[1] == "main"), "")


def integrity_messages(conn: Connection, quick: bool, limit: int) -> tuple[str, list[str]]:
    """(what was run, its messages: ["ok"] when the storage is sound). SQLite: its quick_check or
    integrity_check of the file. PostgreSQL keeps its own files (with checksums, if the cluster has
    them): every table of the desk is read through (quick: the catalog and the newest rows)."""
    if engine_of(conn) != POSTGRESQL:
        pragma = "quick_check" if quick else "integrity_check"
        return f"SQLite {pragma}", [r[0] for r in conn.execute(f"PRAGMA {pragma}({limit})")]
    problems = []
    for table in table_names(conn):
        try:
            conn.execute(f'SELECT count(*) FROM "{table}"' if not quick else f'SELECT 1 FROM "{table}" LIMIT 1').fetchone()
        except Exception as exc:  # noqa: BLE001 (a damaged page or a missing file: say which table)
            problems.append(f"{table}: {exc}")
            if len(problems) >= limit:
                break
    return ("PostgreSQL: every table read" if not quick else "PostgreSQL: every table opened"), problems or ["ok"]


def foreign_key_violations(conn: Connection, table: str) -> list[tuple]:
    """Rows of ``table`` that name a missing parent, as (table, row id, parent, key number), like
    SQLite's PRAGMA foreign_key_check; ``foreign_key_columns`` names each key's column."""
    if engine_of(conn) != POSTGRESQL:
        return conn.execute(f'PRAGMA foreign_key_check("{table}")').fetchall()
    found = []
    for number, (column, parent, parent_column) in foreign_key_columns(conn, table).items():
        key = columns(conn, table)[0]
        found += [(table, r[0], parent, number) for r in conn.execute(
            f'SELECT t."{key}" FROM "{table}" t WHERE t."{column}" IS NOT NULL AND NOT EXISTS '
            f'(SELECT 1 FROM "{parent}" p WHERE p."{parent_column}" = t."{column}")')]
    return found


def foreign_key_columns(conn: Connection, table: str) -> dict[int, tuple[str, str, str]]:
    """Key number -> (column, parent table, parent column) of ``table``'s foreign keys."""
    if engine_of(conn) != POSTGRESQL:
        return {r[0]: (r[3], r[2], r[4]) for r in conn.execute(f'PRAGMA foreign_key_list("{table}")')}
    return {i: (r[0], r[1], r[2]) for i, r in enumerate(conn.execute(
        "SELECT a.attname, p.relname, pa.attname FROM pg_constraint k "
        "JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = k.conkey[1] "
        "JOIN pg_class p ON p.oid = k.confrelid "
        "JOIN pg_attribute pa ON pa.attrelid = k.confrelid AND pa.attnum = k.confkey[1] "
        "WHERE k.contype = 'f' AND k.conrelid = to_regclass(?) ORDER BY k.conname", (table,)))}


def expected_objects(conn: Connection, version: int) -> dict[str, tuple[str, str]]:
    """name -> (kind, sql) of what a database at ``version`` holds on this engine."""
    if engine_of(conn) == POSTGRESQL:
        from complaintctl.store.postgresql.migrate import expected_objects as on_postgresql

        return on_postgresql(version)
    from complaintctl.store.migrations import expected_objects as on_sqlite

    return on_sqlite(version)


def on_server(conn: Connection) -> bool:
    """Is the database a server's (PostgreSQL) rather than a file?"""
    return engine_of(conn) == POSTGRESQL


def columns_shown(conn: Connection, table: str) -> list[str]:
    """The columns a reader of ``table`` sees, generated ones included (SQLite's hidden columns of
    a virtual table left out)."""
    if engine_of(conn) == POSTGRESQL:
        return columns(conn, table)
    return [r[1] for r in conn.execute(f'PRAGMA table_xinfo("{table}")') if r[6] in (0, 2, 3)]
