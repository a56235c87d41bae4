"""Migration 015: unfinished index. Released: never edit; a change is a new migration."""

from __future__ import annotations

from complaintctl.store.engine import Connection


def apply(conn: Connection) -> None:
    """The complaints neither resolved nor closed (a few thousand on a desk of millions), by
    received time: the open backlog at any moment is counted from them and the resolved or
    closed since (core/insight/reports.py), not from a scan of every complaint ever received."""
    conn.execute("CREATE INDEX complaints_unfinished ON complaints(received_at) "
                 "WHERE resolved_at IS NULL AND closed_at IS NULL")

