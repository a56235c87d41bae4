"""`complaintctl sql`: plain SQL on the database, read-only, for people and scripts.

The query runs on a connection of its own, opened read-only (``mode=ro``) with
``PRAGMA query_only``, and an authorizer that refuses ATTACH: no statement typed here
can change the data, which only the commands change (each with its audit event).

It is bounded: rows come a batch at a time (memory stays flat however many there are), one
value (and any string or blob the query builds on the way) is at most VALUE_MAX bytes, a
blob written as hex at most BLOB_MAX (a `zeroblob(400000000)` took 5.9 GB as CSV), a
progress handler stops the query at its time limit or as soon as it is cancelled (Ctrl-C),
and functions that reveal the process's memory (fts3_tokenizer) are refused.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

from complaintctl.errors import ComplaintError, InvalidInput
from complaintctl.i18n import L_
from complaintctl.i18n.said import Input
from complaintctl.store.engine import DatabaseError, OperationalError, ProgrammingError
from complaintctl.store.readonly import INTERRUPTED


def parse_params(values: list[str]) -> dict[str, object]:
    """-p name=value -> {name: value}; whole numbers become integers, so that `id = :id`
    matches as people expect."""
    params: dict[str, object] = {}
    for value in values:
        name, sep, text = value.partition("=")
        name = name.strip().lstrip(":$@")
        if not sep or not name.isidentifier():
            raise InvalidInput(L_("bad {param} {value!r}", param=Input("param"), value=value),
                               hint=L_("use NAME=VALUE, and :NAME in the query"))
        digits = text[1:] if text.startswith("-") else text
        params[name] = int(text) if digits.isascii() and digits.isdigit() and len(digits) < 19 else text
    return params


BATCH = 500  # rows fetched at a time
# The longest string or blob a query may make or read: the longest text a complaint can hold (10 million
# characters, 30 MB of UTF-8 in Chinese) reads whole. Written as CSV, a value costs about ten times its
# size in memory at its peak (the csv module holds a record as 4 bytes a character).
VALUE_MAX = 32 * 1024 * 1024
BLOB_MAX = 8 * 1024 * 1024  # a blob is written as hex text, twice as long: complaintctl stores none


class Query:
    """One read-only statement, run with a time limit (seconds; None: none) and cancellable:
    ``start()``, then ``columns`` and ``rows()`` a batch at a time. Use as a context manager."""

    def __init__(self, path: Path, sql: str, params: dict[str, object] | None = None, *,
                 timeout: float | None = None):
        if not sql.strip():
            raise InvalidInput("no SQL given", hint='e.g. complaintctl sql "SELECT status, count(*) FROM complaints '
                               'GROUP BY status"')
        from complaintctl.store.db import connect
        from complaintctl.store.readonly import guard

        self.timeout = timeout
        self.cancelled = False
        self.deadline = None if not timeout else time.monotonic() + timeout
        self.conn = connect(path, readonly=True)
        self.capped = guard(self.conn, self._stop_now, value_max=VALUE_MAX, timeout=timeout)
        self.sql, self.params = sql, params or {}
        self.columns: list[str] = []

    def start(self) -> Query:
        """Run the statement to its first row (an aggregate runs whole here)."""
        self.cursor = self._run(lambda: self.conn.execute(self.sql, self.params))
        self.columns = _unique([d[0] for d in self.cursor.description or []])
        return self

    def __enter__(self) -> Query:
        return self

    def __exit__(self, *exc) -> None:
        self.conn.close()

    def cancel(self) -> None:
        """Stop at the query's next step (from a signal handler: Ctrl-C)."""
        self.cancelled = True
        if hasattr(self.conn, "cancel"):  # a server's statement is stopped by asking the server
            self.conn.cancel()

    def _stop_now(self) -> bool:
        return self.cancelled or (self.deadline is not None and time.monotonic() > self.deadline)

    def rows(self) -> Iterator[tuple]:
        while True:
            batch = self._run(lambda: self.cursor.fetchmany(BATCH))
            if not batch:
                return
            if not self.capped:  # the engine does not bound a value: measured as they come
                for row in batch:
                    _check_lengths(row)
            yield from batch
            if self.cancelled:
                raise KeyboardInterrupt

    def _run(self, step):
        try:
            return step()
        except OperationalError as exc:
            late = self.deadline is not None and time.monotonic() > self.deadline
            if str(exc) == INTERRUPTED and (self.cancelled or not late):
                raise KeyboardInterrupt from None  # Ctrl-C
            if str(exc) == INTERRUPTED:
                raise ComplaintError(L_("the query ran longer than its time limit ({seconds:g} s) and was stopped",
                                        seconds=self.timeout),
                                     hint=L_("{timeout} SECONDS for more (0: none), or narrow it with WHERE or LIMIT",
                                             timeout=Input("timeout"))) from None
            raise _explained(exc) from None
        except ProgrammingError as exc:
            if "one statement" in str(exc):
                raise InvalidInput("sql runs one statement at a time", hint="run each statement on its own") from None
            raise InvalidInput(f"sql: {exc}", hint="name parameters :NAME and give them with -p NAME=VALUE") from None
        except DatabaseError as exc:
            raise _explained(exc) from None


def _check_lengths(row: tuple) -> None:
    if any(isinstance(v, (str, bytes)) and len(v) > VALUE_MAX for v in row):
        raise InvalidInput(f"sql: a value longer than {VALUE_MAX // 2**20} MB (string or blob too big); nothing more "
                           "was read", hint="take part of it (substr(x, 1, 1000), length(x)), or export what you need")


def _explained(exc: DatabaseError) -> InvalidInput:
    message = str(exc)
    if "too big" in message:
        return InvalidInput(f"sql: a value longer than {VALUE_MAX // 2**20} MB ({message}); nothing more was read",
                            hint="take part of it (substr(x, 1, 1000), length(x)), or export what you need")
    if "not authorized to use function" in message:
        name = message.rsplit(":", 1)[-1].strip()
        return InvalidInput(f"sql: the function {name} is not allowed here",
                            hint="it would reveal the program's memory or load code")
    if "readonly" in message or "read-only" in message or "query_only" in message or "not authorized" in message:
        return InvalidInput(f"sql is read-only ({message})",
                            hint="change data with complaintctl's commands: they write the audit trail")
    return InvalidInput(f"sql: {message}", hint="docs/schema.md lists the tables, views and example queries")


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


def printable(value: object, *, cut: int | None = None) -> object:
    """A BLOB as hex text, for JSON and tables; everything else as SQLite gave it. ``cut``
    (for a table): text and blobs longer than that are shortened, saying how long they were."""
    if isinstance(value, bytes):
        if cut is not None and len(value) > cut // 2:
            return f"x'{value[:cut // 2].hex()}…' ({len(value):,} bytes)"
        if len(value) > BLOB_MAX:
            raise InvalidInput(f"sql: a blob of {len(value):,} bytes, more than the {BLOB_MAX // 2**20} MB written "
                               "as hex text here; nothing more was written",
                               hint="take part of it: substr(x, 1, 1000), or length(x)")
        return "x'" + value.hex() + "'"
    if cut is not None and isinstance(value, str) and len(value) > cut:
        return f"{value[:cut]}… ({len(value):,} characters)"
    return value
