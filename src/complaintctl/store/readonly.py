"""A connection for `complaintctl sql`: read-only whatever is typed, and stoppable.

On SQLite the file is opened read-only (``mode=ro``) with ``PRAGMA query_only``; an authorizer
refuses ATTACH (another file), pragmas that set something, and functions that reveal the
process's memory or load code; a progress handler asks ``stop()`` every few thousand steps and
interrupts the statement when it says so (the error then reads "interrupted").
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from complaintctl.store.engine import Connection

# pragmas whose argument names what to read, not a setting to change
READING_PRAGMAS = {"table_info", "table_xinfo", "table_list", "index_list", "index_info", "index_xinfo",
                   "foreign_key_list", "foreign_key_check", "integrity_check", "quick_check"}
REFUSED_FUNCTIONS = {"fts3_tokenizer", "load_extension"}  # a memory address; code from a file
PROGRESS_STEPS = 10_000  # SQLite instructions between looks at the clock and at Ctrl-C
INTERRUPTED = "interrupted"  # the message of a statement stop() ended


def _authorize(action: int, arg1, arg2, *_rest) -> int:
    """No ATTACH (another file), no pragma that sets something, no function that reveals memory."""
    if action in (sqlite3.SQLITE_ATTACH, sqlite3.SQLITE_DETACH):
        return sqlite3.SQLITE_DENY
    if action == sqlite3.SQLITE_FUNCTION and (arg2 or "").lower() in REFUSED_FUNCTIONS:
        return sqlite3.SQLITE_DENY
    if action == sqlite3.SQLITE_PRAGMA and arg2 is not None and (arg1 or "").lower() not in READING_PRAGMAS:
        return sqlite3.SQLITE_DENY
    return sqlite3.SQLITE_OK


def guard(conn: Connection, stop: Callable[[], bool], *, value_max: int | None = None,
          timeout: float | None = None) -> bool:
    """Make ``conn`` (opened read-only) refuse every write and stop when ``stop()`` is true;
    rows come back as plain tuples. ``value_max``: no string or blob longer than that may be
    made or read (an error that says "too big"); returns whether the engine holds to it
    (Python 3.11+), else the caller measures the values it reads. On PostgreSQL the session is
    read-only (the server refuses every write), one statement runs at a time (several, with a
    COMMIT between, would begin a transaction that is not read-only), the statement stops at ``timeout`` seconds
    (statement_timeout), Ctrl-C cancels it (the connection's cancel(), from the signal handler),
    and the caller measures the values."""
    conn.row_factory = None  # type: ignore[attr-defined]  # both engines' connections have it
    if not isinstance(conn, sqlite3.Connection):  # PostgreSQL's
        conn.execute("SET default_transaction_read_only = on")
        conn.execute(f"SET statement_timeout = {int(timeout * 1000) if timeout else 0}")
        conn.one_statement = True  # type: ignore[attr-defined]  # "a; COMMIT; b" would leave the read-only session
        return False
    conn.execute("PRAGMA query_only = ON")
    conn.set_authorizer(_authorize)
    conn.set_progress_handler(lambda: int(stop()), PROGRESS_STEPS)
    if value_max is None or not hasattr(conn, "setlimit"):
        return False
    # SQLITE_LIMIT_LENGTH is 0; the module names it from Python 3.11 on
    conn.setlimit(getattr(sqlite3, "SQLITE_LIMIT_LENGTH", 0), value_max)
    return True
