"""The PostgreSQL backend: a connection that speaks the sqlite3 DB-API the rest of the code uses.

`--db postgresql://...` (or COMPLAINTCTL_DB) opens one. psycopg 3 is imported here only, and
only when a URL asks for it, so a desk on one SQLite file starts as fast as before.

What it does so that one code runs on both engines:
- SQL: ``?`` and ``:name`` placeholders become psycopg's, ``IS ?`` the null-safe comparison,
  ``LIKE`` the case-blind match SQLite's LIKE is (``ILIKE``), ``x GLOB 'p'`` a call of the
  ``glob`` function; each statement is translated once and remembered (store/sqltext.py).
  SQLite's date, string and aggregate functions that reports and the docs' queries use exist
  in the database as functions of the same name (store/postgresql/functions.sql).
- Rows: read by position and by column name, like sqlite3.Row; booleans come back as 0 and 1
  and numbers without a fraction as integers, as SQLite gives them.
- Errors: psycopg's errors are raised as subclasses of sqlite3's (store/engine.py), so an
  ``except IntegrityError`` means the same on both.
- Transactions: the connection is in autocommit mode, and BEGIN / COMMIT / ROLLBACK / SAVEPOINT
  are sent as written (BEGIN IMMEDIATE is BEGIN). A write transaction takes the desk's writer
  lock (an advisory lock) as SQLite's BEGIN IMMEDIATE takes the file's, so use cases written for
  one writer at a time stay right; store/db.py's ``transaction(conn, complaint=ID)`` takes it
  shared, with a lock on that one complaint, so writers of different complaints do not wait
  for each other (the audit chain is linked at commit, under a lock of its own:
  store/postgresql/chain.sql).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from itertools import islice
from typing import Any

from complaintctl.errors import ComplaintError, Refused
from complaintctl.store.engine import POSTGRESQL, Connection
from complaintctl.store.sqltext import redacted, translate

WRITER_LOCK = 7_315_001  # advisory lock keys: the desk's writers (shared or exclusive)
COMPLAINT_LOCKS = 7_315_002  # (key, complaint id): one complaint's writers
SERVER_MIN = 140000  # PostgreSQL 14


class IntegrityError(sqlite3.IntegrityError):
    pass


class OperationalError(sqlite3.OperationalError):
    pass


class ProgrammingError(sqlite3.ProgrammingError):
    pass


class DataError(sqlite3.DataError):
    pass


class DatabaseError(sqlite3.DatabaseError):
    pass


def _translated_error(exc: Exception) -> Exception:
    """psycopg's error as the sqlite3 class a caller catches; the message is PostgreSQL's."""
    import psycopg

    message = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    state = getattr(exc, "sqlstate", None) or ""
    if "cannot insert multiple commands into a prepared statement" in message:
        return ProgrammingError("You can only execute one statement at a time.")  # sqlite3's words
    if isinstance(exc, psycopg.errors.QueryCanceled):
        return OperationalError("interrupted")
    if isinstance(exc, psycopg.IntegrityError):
        return IntegrityError(message)
    if state.startswith(("42", "0A")) or isinstance(exc, psycopg.OperationalError):
        return OperationalError(message)  # no such table, a syntax error, a lost server: as sqlite3 says them
    if isinstance(exc, psycopg.DataError):
        return DataError(message)
    if isinstance(exc, psycopg.ProgrammingError) and not state:
        return ProgrammingError(message)
    return DatabaseError(message)


class Row(tuple):
    """A row read by position or by column name (``row["id"]``), like sqlite3.Row."""

    __slots__ = ()
    _names: dict[str, int] = {}

    def __getitem__(self, key):
        if isinstance(key, str):
            try:
                return tuple.__getitem__(self, self._names[key])
            except KeyError:
                found = self._names.get(key.lower())
                if found is None:
                    raise IndexError(f"No item with that key: {key}") from None
                return tuple.__getitem__(self, found)
        return tuple.__getitem__(self, key)

    def keys(self) -> list[str]:
        return list(self._names)


def _row_class(names: Sequence[str]) -> type[Row]:
    lookup: dict[str, int] = {}
    for i, name in enumerate(names):
        lookup.setdefault(name, i)
        lookup.setdefault(name.lower(), i)
    ordered = {name: lookup[name] for name in dict.fromkeys(names)}
    return type("Row", (Row,), {"__slots__": (), "_names": {**lookup, **ordered}, "keys": lambda self: list(ordered)})


class Cursor:
    """The result of one statement: its rows (fetched as the caller reads them) and counts."""

    def __init__(self, cursor, plain: bool):
        self._cursor = cursor
        self.rowcount = cursor.rowcount
        self.description = cursor.description
        self.lastrowid = None
        self._make = None
        if self.description is not None and not plain:
            self._make = _row_class([c.name for c in self.description])

    def _wrap(self, rows):
        return rows if self._make is None else [self._make(r) for r in rows]

    def fetchone(self):
        try:
            row = self._cursor.fetchone()
        except Exception as exc:
            raise _translated_error(exc) from None
        return row if row is None or self._make is None else self._make(row)

    def fetchall(self):
        try:
            return self._wrap(self._cursor.fetchall())
        except Exception as exc:
            raise _translated_error(exc) from None

    def fetchmany(self, size: int = 100):
        try:
            return self._wrap(self._cursor.fetchmany(size))
        except Exception as exc:
            raise _translated_error(exc) from None

    def __iter__(self):
        while True:
            batch = self.fetchmany(500)
            if not batch:
                return
            yield from batch

    def close(self) -> None:
        self._cursor.close()


class StreamedCursor:
    """The rows of one statement as the server sends them, one at a time (libpq's single-row
    mode: psycopg's ``stream``), for `sql`: the client never holds a whole result, and the
    extended protocol it uses runs one statement only (the server refuses "a; b", as sqlite3
    does). Plain tuples."""

    def __init__(self, cursor, sql: str, values):
        self._cursor = cursor
        self._rows = cursor.stream(sql, values)
        self.rowcount = -1
        self.lastrowid: int | None = None
        try:
            self._first = [next(self._rows)]  # runs the statement: its columns are known from here
        except StopIteration:
            self._first = []
        except Exception as exc:
            raise _translated_error(exc) from None
        self.description = cursor.description

    def fetchmany(self, size: int = 100):
        batch, self._first = self._first, []
        try:
            batch += list(islice(self._rows, size - len(batch)))
        except Exception as exc:
            raise _translated_error(exc) from None
        return batch

    def fetchall(self):
        rows = []
        while batch := self.fetchmany(500):
            rows += batch
        return rows

    def fetchone(self):
        batch = self.fetchmany(1)
        return batch[0] if batch else None

    def __iter__(self):
        while batch := self.fetchmany(500):
            yield from batch

    def close(self) -> None:
        self._rows.close()
        self._cursor.close()


class PgConnection:
    """One connection to the desk's PostgreSQL database (see the module's docstring)."""

    engine = POSTGRESQL

    def __init__(self, raw, url: str):
        self.raw = raw
        self.url = url
        self.read_only_reason: str | None = None
        self.row_factory: object = True  # None: plain tuples (`complaintctl sql`), as sqlite3's row_factory
        self.lock_mode: tuple = ("exclusive",)  # what the next BEGIN locks (store/db.py transaction)
        self.role: str = raw.info.user  # the database role (current_user): _check_server asks the server
        self.schema_present = False  # schema_migrations seen (it is never dropped): stored_version asks no more
        # Without parameters psycopg sends a statement as PostgreSQL's simple query, which runs every
        # statement the text holds: `sql` sets this, so "SET default_transaction_read_only = off;
        # COMMIT; DELETE ..." cannot step out of its read-only session (store/readonly.py); its rows
        # are streamed (StreamedCursor), one statement each.
        self.one_statement = False

    @property
    def in_transaction(self) -> bool:
        from psycopg.pq import TransactionStatus

        return self.raw.info.transaction_status != TransactionStatus.IDLE

    def execute(self, sql: str, parameters: Sequence[Any] | dict[str, Any] = ()) -> Cursor | StreamedCursor:
        statement = translate(sql)
        if statement.kind == "begin":
            return self._begin()
        if statement.kind == "pragma":
            raise ProgrammingError(f"a PRAGMA ran on PostgreSQL (a bug: store/ asks the catalog): {sql[:60]}")
        cursor = self.raw.cursor()
        values = _params(parameters) if parameters else None
        if statement.json_params and values is not None:
            import json

            for key in statement.json_params:
                values[key] = json.loads(values[key])  # a list given as one JSON text: bound as an array
        if self.one_statement:
            return StreamedCursor(cursor, statement.plain if values is None else statement.bound, values)
        try:
            if values is not None:
                cursor.execute(statement.bound, values, prepare=False)
            else:
                cursor.execute(statement.plain, None, prepare=False)
        except Exception as exc:
            raise _translated_error(exc) from None
        return Cursor(cursor, self.row_factory is None)

    def executemany(self, sql: str, parameters: Iterable[Sequence[Any]]) -> Cursor:
        statement = translate(sql)
        cursor = self.raw.cursor()
        rows = [_params(p) for p in parameters]
        if not rows:
            return Cursor(cursor, True)
        try:
            cursor.executemany(statement.bound, rows)
        except Exception as exc:
            raise _translated_error(exc) from None
        return Cursor(cursor, True)

    def copy_rows(self, table: str, names: Sequence[str], rows: Iterable[Sequence[Any]]) -> int:
        """Rows into ``table`` by COPY (psycopg's copy: one stream, no statement per row), inside
        the caller's transaction; their number. Triggers and constraints apply as to an INSERT."""
        columns = ", ".join(f'"{n}"' for n in names)
        cursor = self.raw.cursor()
        try:
            with cursor.copy(f'COPY "{table}" ({columns}) FROM STDIN') as copy:
                for row in rows:
                    copy.write_row([_value(v) for v in row])
        except Exception as exc:
            raise _translated_error(exc) from None
        return cursor.rowcount

    def _begin(self) -> Cursor:
        """BEGIN, and the writer lock the transaction needs (in one round trip)."""
        mode, *key = self.lock_mode
        self.lock_mode = ("exclusive",)
        cursor = self.raw.cursor()
        if mode == "exclusive":
            lock = f"SELECT pg_advisory_xact_lock({WRITER_LOCK})"
        elif mode == "complaint":
            lock = (f"SELECT pg_advisory_xact_lock_shared({WRITER_LOCK}), "
                    f"pg_advisory_xact_lock({COMPLAINT_LOCKS}, {int(key[0])})")
        else:  # shared: writers that touch nothing another shared writer touches
            lock = f"SELECT pg_advisory_xact_lock_shared({WRITER_LOCK})"
        try:
            with self.raw.pipeline():
                cursor.execute("BEGIN", prepare=False)
                cursor.execute(lock, prepare=False)
        except Exception as exc:
            raise _translated_error(exc) from None
        return Cursor(cursor, True)

    def commit(self) -> None:
        if self.in_transaction:
            self.execute("COMMIT")

    def rollback(self) -> None:
        if self.in_transaction:
            self.execute("ROLLBACK")

    def __enter__(self) -> PgConnection:
        return self

    def __exit__(self, kind, value, traceback) -> None:
        """As sqlite3's connection: commit what is open, or roll it back after an error."""
        if kind is None:
            self.commit()
        else:
            self.rollback()

    def cancel(self) -> None:
        """Stop the statement running now (from another thread or a signal handler)."""
        self.raw.cancel_safe() if hasattr(self.raw, "cancel_safe") else self.raw.cancel()

    def close(self) -> None:
        self.raw.close()


def _params(parameters):
    if isinstance(parameters, dict):
        return {k: _value(v) for k, v in parameters.items()}
    return [_value(v) for v in parameters]


def _value(value):
    if value is True or value is False:
        return int(value)  # SQLite has no booleans: a flag is 0 or 1 in an INTEGER column
    if value.__class__ is str and "\x00" in value:
        from complaintctl.errors import InvalidInput

        raise InvalidInput(f"text holding a NUL character (U+0000) cannot be stored on PostgreSQL: {value[:40]!r}",
                           hint="remove the NUL characters from the text")
    return value


def _configure(raw) -> None:
    """Loaders that give values as sqlite3 does: booleans as 0/1, numerics without a fraction
    as int and with one as float (sum() of integers is numeric in PostgreSQL)."""
    from psycopg.adapt import Loader
    from psycopg.types import TypeInfo  # noqa: F401 (psycopg's adapters are loaded with it)

    class BoolLoader(Loader):
        def load(self, data):
            return 1 if bytes(data) in (b"t", b"\x01") else 0

    class NumericLoader(Loader):
        def load(self, data):
            text = bytes(data).decode()
            if "." in text or "e" in text.lower() or text in ("NaN", "Infinity", "-Infinity"):
                return float(text)
            return int(text)

    raw.adapters.register_loader("bool", BoolLoader)
    raw.adapters.register_loader("numeric", NumericLoader)


def connect_url(url: str, *, migrate: bool = True, readonly: bool = False, adopt: bool = False) -> PgConnection:
    """Open the PostgreSQL database at ``url`` and (unless ``readonly``) bring its schema up to
    date; an empty database becomes a desk, one holding other tables is refused unless ``adopt``."""
    try:
        import psycopg
    except ImportError:
        raise ComplaintError("a postgresql:// database needs the psycopg package",
                             hint='pip install "complaintctl[postgresql]"') from None
    try:
        raw = psycopg.connect(url, autocommit=True, application_name="complaintctl", connect_timeout=15)
    except psycopg.Error as exc:
        raise ComplaintError(f"cannot connect to {redacted(url)}: {str(exc).strip().splitlines()[-1]}",
                             hint="check the URL in --db / COMPLAINTCTL_DB, and that the server is running") from None
    _configure(raw)
    conn = PgConnection(raw, url)
    try:
        _check_server(conn)
        if readonly:
            conn.read_only_reason = "it was opened read-only"
            raw.execute("SET default_transaction_read_only = on")
        elif migrate:
            from complaintctl.store.postgresql.migrate import bring_up_to_date

            bring_up_to_date(conn, adopt=adopt)
    except BaseException:
        raw.close()
        raise
    return conn


def _check_server(conn: PgConnection) -> None:
    raw = conn.raw
    if raw.info.server_version < SERVER_MIN:
        raise ComplaintError(f"PostgreSQL {raw.info.parameter_status('server_version')} is too old: "
                             "complaintctl needs 14 or newer")
    encoding = raw.info.parameter_status("server_encoding")
    if encoding != "UTF8":
        raise Refused(f"the database {raw.info.dbname} is in {encoding}, not UTF8: complaints in Chinese would not fit",
                      hint="create it with ENCODING 'UTF8' (docs/guide.md, Running on PostgreSQL)")
    # Times are stored as UTC text and SQLite's functions here read them as UTC; the session's
    # zone is what their 'localtime' means, as the process's zone is for SQLite (the team's, when
    # the command set TZ to it).
    # The role the session acts as is the actor an event names when the user gave none (cli/common.py),
    # and whether the desk's schema is there (stored_version): asked in the same round trip, since
    # at an office's 30 ms from the server each one is felt in every command.
    asked = "SELECT current_user, to_regclass('schema_migrations') IS NOT NULL, set_config('TimeZone', %s, false)"
    try:
        conn.role, conn.schema_present = raw.execute(asked, (_local_zone(),)).fetchone()[:2]
    except Exception:  # noqa: BLE001 (a zone the server does not know: UTC)
        conn.role, conn.schema_present = raw.execute(asked, ("UTC",)).fetchone()[:2]


def _local_zone() -> str:
    import os

    zone = (os.environ.get("TZ") or "").lstrip(":")
    if not zone:
        target = os.path.realpath("/etc/localtime")
        zone = target.split("/zoneinfo/", 1)[1] if "/zoneinfo/" in target else "UTC"
    return zone


def stored_version(conn: Connection) -> int:
    if not getattr(conn, "schema_present", False):
        if not conn.execute("SELECT to_regclass('schema_migrations') IS NOT NULL").fetchone()[0]:
            return 0
        conn.schema_present = True  # type: ignore[attr-defined]
    return conn.execute("SELECT coalesce(max(version), 0) FROM schema_migrations").fetchone()[0]


_KINDS = {"r": "table", "v": "view", "i": "index"}


def catalog_objects(conn: Connection, kinds: tuple[str, ...]) -> dict[str, tuple[str, str]]:
    """name -> (kind, definition) of the desk's tables, views, indexes and triggers, from pg_catalog."""
    found: dict[str, tuple[str, str]] = {}
    relkinds = [k for k, kind in _KINDS.items() if kind in kinds]
    if relkinds:
        for name, relkind, definition in conn.execute(
                "SELECT c.relname, c.relkind, CASE c.relkind WHEN 'v' THEN pg_get_viewdef(c.oid) "
                "WHEN 'i' THEN pg_get_indexdef(c.oid) ELSE '' END FROM pg_class c "
                "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = current_schema() "
                f"AND c.relkind IN ({', '.join('?' * len(relkinds))})", relkinds):
            found[name] = (_KINDS[relkind], definition)
    if "trigger" in kinds:
        for name, definition in conn.execute(
                "SELECT t.tgname, pg_get_triggerdef(t.oid) FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
                "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = current_schema() "
                "AND NOT t.tgisinternal"):
            found[name] = ("trigger", definition)
    return found


def catalog_references(conn: Connection, parent: str) -> list[tuple[str, str]]:
    """(table, column) of every foreign key to ``parent``'s id, from pg_constraint."""
    return [(r[0], r[1]) for r in conn.execute(
        "SELECT c.relname, a.attname FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid "
        "JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = k.conkey[1] "
        "JOIN pg_attribute pa ON pa.attrelid = k.confrelid AND pa.attnum = k.confkey[1] "
        "WHERE k.contype = 'f' AND k.confrelid = to_regclass(?) AND pa.attname = 'id' ORDER BY c.relname, a.attname",
        (parent,))]
