"""What `migrate-to` needs of each engine: which tables hold the record (and in which order their
rows can go in, parents first), the tables that are derived from them and rebuilt by the target's
own triggers, replacing an append-only table's seed rows in a database that has no record yet,
and the id counters set after rows were copied with their ids (core/trust/moving.py)."""

from __future__ import annotations

from complaintctl.store.catalog import columns, foreign_key_columns, objects, table_names
from complaintctl.store.engine import POSTGRESQL, Connection, engine_of

# Made by the engine or by the target's triggers from the copied rows, or per database: never copied.
DERIVED = ("schema_migrations", "sqlite_sequence", "search_pending", "deferred_indexes")
# A database's own identity (store/migrations m016) stays the target's.
PER_DATABASE_SETTINGS = ("database_id",)
APPEND_ONLY = ("events", "audit_chain")
# settings key: the foreign keys set aside on PostgreSQL while a move copies (put back by its finish)
REFERENCES_HELD = "moving_references"
# PostgreSQL's search triggers (store/postgresql/search.sql) that refresh a complaint's entry per
# copied row: per note and per tag, a complaint would be indexed again and again
SEARCH_TRIGGERS = {"complaints": "complaints_fts_insert", "complaint_tags": "complaint_tags_fts",
                   "events": "events_fts_note"}


def record_tables(conn: Connection) -> list[str]:
    """The tables whose rows are the record, parents before the tables that refer to them."""
    tables = [t for t in table_names(conn) if t not in DERIVED and not t.startswith("complaints_fts")]
    parents = {t: {parent for _, parent, _ in foreign_key_columns(conn, t).values() if parent != t and parent in tables}
               for t in tables}
    ordered: list[str] = []
    while len(ordered) < len(tables):
        ready = [t for t in tables if t not in ordered and parents[t] <= set(ordered)]
        if not ready:  # a cycle between two tables: none in this schema; take them as they come
            ready = [t for t in tables if t not in ordered][:1]
        ordered += ready
    return ordered


def self_references(conn: Connection, table: str) -> list[str]:
    """The columns of ``table`` that name another row of the same table (a duplicate, a merge)."""
    return [column for column, parent, _ in foreign_key_columns(conn, table).values() if parent == table]


def has_integer_id(conn: Connection, table: str) -> bool:
    return "id" in columns(conn, table)


def clear_seeds(conn: Connection, tables: list[str]) -> None:
    """Delete every row of ``tables`` (children first) in a database that holds no record yet,
    only the rows a new database starts with; inside the caller's transaction. The append-only
    tables' refusal is lifted for the statement and put back in the same transaction."""
    for table in reversed(tables):
        if table in APPEND_ONLY:
            with _append_only_lifted(conn, table):
                conn.execute(f'DELETE FROM "{table}"')
        elif table == "settings":
            keep = ", ".join(f"'{k}'" for k in PER_DATABASE_SETTINGS)
            conn.execute(f"DELETE FROM settings WHERE key NOT IN ({keep})")
        else:
            conn.execute(f'DELETE FROM "{table}"')


class _append_only_lifted:
    """The triggers refusing DELETE on an append-only table, off for one statement: on
    PostgreSQL disabled and enabled again (the transaction holds the table's lock between), on
    SQLite dropped and made again from their stored SQL."""

    def __init__(self, conn: Connection, table: str):
        self.conn, self.table = conn, table
        self.triggers = {name: sql for name, (_, sql) in objects(conn, ("trigger",)).items()
                         if name in (f"{table}_no_delete", f"{table}_no_truncate")}

    def __enter__(self):
        for name in self.triggers:
            if engine_of(self.conn) == POSTGRESQL:
                self.conn.execute(f'ALTER TABLE "{self.table}" DISABLE TRIGGER "{name}"')
            else:
                self.conn.execute(f'DROP TRIGGER "{name}"')

    def __exit__(self, *exc):
        for name, sql in self.triggers.items():
            if engine_of(self.conn) == POSTGRESQL:
                self.conn.execute(f'ALTER TABLE "{self.table}" ENABLE TRIGGER "{name}"')
            else:
                self.conn.execute(sql)


def hold_references(conn: Connection, tables: list[str]) -> None:
    """On PostgreSQL, the foreign keys of ``tables`` set aside while the rows go in, inside the
    caller's transaction: each copied row was checked against its parents once per key (a query a
    row a key: eleven for a complaint), where ``restore_references`` checks each key once over the
    whole table. Their definitions are kept in settings, so a move cut short puts them back when it
    finishes. On SQLite, nothing (its checks are a lookup in the same file)."""
    import json

    if engine_of(conn) != POSTGRESQL:
        return
    held = [list(r) for r in conn.execute(
        "SELECT c.relname, k.conname, pg_get_constraintdef(k.oid) FROM pg_constraint k "
        "JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE k.contype = 'f' AND n.nspname = current_schema() AND c.relname = ANY(?) ORDER BY c.relname, k.conname",
        (tables,))]
    for table, name, _ in held:
        conn.execute(f'ALTER TABLE "{table}" DROP CONSTRAINT "{name}"')
    conn.execute("INSERT INTO settings (key, value) VALUES (?, ?)", (REFERENCES_HELD, json.dumps(held)))


def restore_references(conn: Connection) -> None:
    """The foreign keys ``hold_references`` set aside, made again (each checks every row of its
    table in one pass: a row naming a missing parent stops the move here, said by the server),
    inside the caller's transaction."""
    import json

    row = conn.execute("SELECT value FROM settings WHERE key = ?", (REFERENCES_HELD,)).fetchone()
    if row is None:
        return
    for table, name, definition in json.loads(row[0]):
        conn.execute(f'ALTER TABLE "{table}" ADD CONSTRAINT "{name}" {definition}')
    conn.execute("DELETE FROM settings WHERE key = ?", (REFERENCES_HELD,))


def set_id_counters(conn: Connection, tables: list[str]) -> None:
    """After rows went in with their ids: the next id of each table follows its highest (on
    PostgreSQL each id column's sequence is set; SQLite follows the rows by itself)."""
    if engine_of(conn) != POSTGRESQL:
        return
    for table in tables:
        if has_integer_id(conn, table):
            conn.execute(f"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'id'), "
                         f'coalesce((SELECT max(id) FROM "{table}"), 0) + 1, false) '
                         f"WHERE pg_get_serial_sequence('\"{table}\"', 'id') IS NOT NULL")


def insert_new(conn: Connection, table: str, names: list[str], rows: list) -> int:
    """Rows the target holds none of (a batch above its highest id, or a table it holds no row
    of), inside the caller's transaction; their number. On PostgreSQL by COPY, with the search
    index's trigger of ``table`` off for the statement (the index is built once at the end,
    ``index_all``), and the chain's two triggers for events: the copied events come with their
    ids and links, which those keep as they are (store/postgresql/chain.sql); on SQLite by
    executemany, its triggers indexing as rows come."""
    if engine_of(conn) != POSTGRESQL:
        conn.executemany(f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})",
                         [tuple(r) for r in rows])
        return len(rows)
    off = [SEARCH_TRIGGERS[table]] if table in SEARCH_TRIGGERS else []
    if table == "events":  # copied with their ids and links: the chain's triggers would keep them as they are
        off += ["events_pending", "events_link"]
    for trigger in off:  # the switch is in the transaction: a move cut short rolls it back
        conn.execute(f'ALTER TABLE "{table}" DISABLE TRIGGER "{trigger}"')
    copied = conn.copy_rows(table, names, rows)  # type: ignore[attr-defined]
    for trigger in off:
        conn.execute(f'ALTER TABLE "{table}" ENABLE TRIGGER "{trigger}"')
    return copied


def index_all(conn: Connection) -> None:
    """The search index made from the copied rows at once, inside the caller's transaction: on
    PostgreSQL every complaint's entry from the view it indexes (store/postgresql/search.sql), in
    one statement; SQLite's triggers indexed the rows as they came."""
    if engine_of(conn) != POSTGRESQL:
        return
    conn.execute("DELETE FROM complaints_fts")
    conn.execute("INSERT INTO complaints_fts (id, subject, description, resolution, customer, tags, notes, other) "
                 "SELECT id, subject, description, resolution, customer, tags, notes, other FROM complaint_search_text")
