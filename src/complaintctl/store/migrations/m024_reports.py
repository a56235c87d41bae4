"""Migration 024: reports. Released: never edit; a change is a new migration."""

from __future__ import annotations

from complaintctl.store.engine import Connection

_TABLE = """
        CREATE TABLE reports (
            id INTEGER PRIMARY KEY,
            report TEXT NOT NULL CHECK (report <> ''),
            label TEXT NOT NULL,
            period_start TEXT NOT NULL,
            period_end TEXT NOT NULL,
            timezone TEXT NOT NULL,
            figures TEXT NOT NULL CHECK (json_valid(figures)),
            hash TEXT NOT NULL CHECK (length(hash) = 64),
            made_at TEXT NOT NULL,
            made_by TEXT NOT NULL,
            last_event INTEGER NOT NULL,
            CHECK (period_start < period_end)
        ) STRICT
        """
_INDEXES = ("CREATE INDEX reports_period ON reports(report, period_start, period_end, id)",
            "CREATE INDEX events_field_changes ON events(field, at) "
            "WHERE field IN ('category', 'cause', 'channel', 'severity', 'assignee', 'tag')")


def apply(conn: Connection) -> None:
    """What each report of a finished period printed (its figures and their hash, when, by whom),
    so that a later run says which figures changed since it was first reported, and `report diff`
    why (core/insight/reported.py). Append-only: what was printed stays as it was.

    ``events_field_changes``: the changes of the fields a report reads as they stood at a period's
    end (core/insight/history.py), by field and time: for a recent period the changes since its
    end are a short index range, where reading every event of its complaints was not."""
    conn.execute(_TABLE)
    conn.execute(_INDEXES[0])
    for verb in ("UPDATE", "DELETE"):
        conn.execute(f"CREATE TRIGGER reports_no_{verb.lower()} BEFORE {verb} ON reports "
                     f"BEGIN SELECT RAISE(ABORT, 'what a report printed is kept as it was: {verb} refused'); END")
    conn.execute(_INDEXES[1])


def apply_postgresql(conn) -> None:
    """The same table and indexes (the table statement translated on this connection), and the
    append-only rule as PostgreSQL writes a trigger (refuse_change, store/postgresql/chain.sql)."""
    conn.execute(_TABLE)
    conn.execute(_INDEXES[0])
    conn.execute(_INDEXES[1])
    for verb in ("UPDATE", "DELETE"):
        conn.execute(f"CREATE TRIGGER reports_no_{verb.lower()} BEFORE {verb} ON reports FOR EACH ROW "
                     f"EXECUTE FUNCTION refuse_change('what a report printed is kept as it was: {verb} refused')")
