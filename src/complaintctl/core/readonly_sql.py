"""`complaintctl sql`: plain SQL on the database, read-only, for people and scripts.

The query runs on a connection of its own, opened read-only (``mode=ro``) with
``PRAGMA query_only``, and an authorizer that refuses ATTACH: no statement typed here
can change the data, which only the commands change (each with its audit event).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from complaintctl.errors import InvalidInput


def parse_params(values: list[str]) -> dict[str, object]:
    """-p name=value -> {name: value}; whole numbers become integers, so that `id = :id`
    matches as people expect."""
    params: dict[str, object] = {}
    for value in values:
        name, sep, text = value.partition("=")
        name = name.strip().lstrip(":$@")
        if not sep or not name.isidentifier():
            raise InvalidInput(f"bad --param {value!r}", hint="use NAME=VALUE, and :NAME in the query")
        params[name] = int(text) if text.lstrip("-").isdigit() and len(text) < 19 else text
    return params


# pragmas whose argument names what to read, not a setting to change
READING_PRAGMAS = {"table_info", "table_xinfo", "table_list", "index_list", "index_info", "index_xinfo",
                   "foreign_key_list", "foreign_key_check", "integrity_check", "quick_check"}


def _authorize(action: int, arg1, arg2, *_rest) -> int:
    """No ATTACH (another file), no pragma that sets something."""
    if action in (sqlite3.SQLITE_ATTACH, sqlite3.SQLITE_DETACH):
        return sqlite3.SQLITE_DENY
    if action == sqlite3.SQLITE_PRAGMA and arg2 is not None and (arg1 or "").lower() not in READING_PRAGMAS:
        return sqlite3.SQLITE_DENY
    return sqlite3.SQLITE_OK


def run_query(path: Path, sql: str, params: dict[str, object] | None = None) -> tuple[list[str], list[tuple]]:
    """(column names, rows) of one read-only statement."""
    if not sql.strip():
        raise InvalidInput("no SQL given", hint='e.g. complaintctl sql "SELECT status, count(*) FROM complaints '
                           'GROUP BY status"')
    from complaintctl.store.db import connect

    conn = connect(path, readonly=True)
    conn.row_factory = None
    try:
        conn.execute("PRAGMA query_only = ON")
        conn.set_authorizer(_authorize)
        try:
            cursor = conn.execute(sql, params or {})
            rows = cursor.fetchall()
        except sqlite3.ProgrammingError as exc:
            if "one statement" in str(exc):
                raise InvalidInput("sql runs one statement at a time",
                                   hint="run each statement on its own") from None
            raise InvalidInput(f"sql: {exc}", hint="name parameters :NAME and give them with -p NAME=VALUE") \
                from None
        except sqlite3.DatabaseError as exc:
            message = str(exc)
            if "readonly" in message or "read-only" in message or "query_only" in message \
                    or "not authorized" in message:
                raise InvalidInput(f"sql is read-only ({message})",
                                   hint="change data with complaintctl's commands: they write the audit trail") \
                    from None
            raise InvalidInput(f"sql: {message}", hint="docs/schema.md lists the tables, views and "
                               "example queries") from None
        columns = _unique([d[0] for d in cursor.description or []])
        return columns, rows
    finally:
        conn.close()


def _unique(names: list[str]) -> list[str]:
    """Result columns as keys: a repeated name (two tables' id) gets _2, _3."""
    seen: dict[str, int] = {}
    out = []
    for name in names:
        if name in seen:
            seen[name] += 1
            name = f"{name}_{seen[name]}"
        else:
            seen[name] = 1
        out.append(name)
    return out


def printable(value: object) -> object:
    """A BLOB as hex text, for JSON and tables; everything else as SQLite gave it."""
    if isinstance(value, bytes):
        return "x'" + value.hex() + "'"
    return value
