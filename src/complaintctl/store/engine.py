"""The database as the code above store/ sees it, whichever engine holds it: a connection, the
rows it returns, the errors it raises. Only store/ names sqlite3 or psycopg (tests/test_layers.py).

A connection is either SQLite's own (store/db.py) or store/postgres.py's, which speaks the same
DB-API: ``execute(sql, params)`` with ``?`` placeholders, rows read by position and by column
name, ``executemany``, ``close``. The error classes are PEP 249's, as the sqlite3 module defines
them; the PostgreSQL connection raises subclasses of them, so one ``except IntegrityError`` holds
on both engines.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from typing import Any, Protocol

Error = sqlite3.Error
DatabaseError = sqlite3.DatabaseError
IntegrityError = sqlite3.IntegrityError
OperationalError = sqlite3.OperationalError
ProgrammingError = sqlite3.ProgrammingError

SQLITE = "sqlite"
POSTGRESQL = "postgresql"


class Row(Protocol):
    """One result row: ``row[0]`` or ``row["name"]``, ``row.keys()``, ``dict(row)``."""

    def __getitem__(self, key: int | str) -> Any: ...

    def __iter__(self) -> Iterator[Any]: ...

    def __len__(self) -> int: ...

    def keys(self) -> list[str]: ...


class Cursor(Protocol):
    """What ``execute`` returns: the rows of a query, and what a write changed."""

    @property
    def rowcount(self) -> int: ...

    @property
    def lastrowid(self) -> int | None: ...

    @property
    def description(self) -> Any: ...

    def fetchone(self) -> Any: ...

    def fetchall(self) -> list[Any]: ...

    def fetchmany(self, size: int = ...) -> list[Any]: ...

    def __iter__(self) -> Iterator[Any]: ...


class Connection(Protocol):
    """A connection to the desk's database, opened by store/db.py's ``connect``."""

    @property
    def in_transaction(self) -> bool: ...

    def execute(self, sql: str, parameters: Any = ..., /) -> Cursor: ...

    def executemany(self, sql: str, parameters: Iterable[Any], /) -> Cursor: ...

    def close(self) -> None: ...


def engine_of(conn: Connection) -> str:
    """``"sqlite"`` or ``"postgresql"``: for the few places in store/ that must spell SQL twice."""
    return getattr(conn, "engine", SQLITE)
