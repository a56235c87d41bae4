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
    """name -> (kind, sql) of the schema's own objects of ``kinds`` (the engine's internal ones left out)."""
    if engine_of(conn) == POSTGRESQL:
        from complaintctl.store.postgres import catalog_objects

        return catalog_objects(conn, kinds)
    marks = ", ".join("?" * len(kinds))
    return {name: (kind, sql) for name, kind, sql in conn.execute(
        f"SELECT name, type, sql FROM sqlite_master WHERE sql IS NOT NULL AND type IN ({marks}) "
        "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'", kinds)}


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
