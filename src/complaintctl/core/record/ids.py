"""New ids for complaints and customers: never one the audit trail already names. An undone
import removes complaints and customers but keeps their events, so the highest id in a table
may be lower than one its events name; a new complaint given that id would inherit a history
that is not its own."""

from __future__ import annotations

from complaintctl.store.engine import Connection


def next_complaint_id(conn: Connection) -> int:
    """The id for the next new complaint (inside the write transaction that inserts it). Both
    maxima are read from an index's end."""
    return 1 + max(conn.execute("SELECT coalesce(max(id), 0) FROM complaints").fetchone()[0],
                   conn.execute("SELECT coalesce(max(complaint_id), 0) FROM events").fetchone()[0])


def next_customer_id(conn: Connection) -> int:
    """The id for the next new customer record (inside the write transaction that inserts it)."""
    return 1 + max(conn.execute("SELECT coalesce(max(id), 0) FROM customers").fetchone()[0],
                   conn.execute("SELECT coalesce(max(customer_id), 0) FROM events "
                                "WHERE customer_id IS NOT NULL").fetchone()[0])
