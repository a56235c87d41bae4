"""Migration 023: import batches. Released: never edit; a change is a new migration."""

from __future__ import annotations

from complaintctl.store.engine import Connection

# The events' references that an undo leaves pointing at what it removed (the history stays).
_EVENT_REFERENCES = ("complaint_id INTEGER REFERENCES complaints(id)", "customer_id INTEGER REFERENCES customers(id)")


def apply(conn: Connection) -> None:
    """Every import is a batch that can be undone (`import undo`): the complaints and customers
    it creates carry its id (`import_id`), and `imports` says when it was undone and by whom.
    Complaints imported before are given their import's id from their `imported` event (its
    note names the import); customers are not (which import created one was not recorded).

    An undo removes complaints and customers but never an event: their events stay, and the
    undo adds one per removed complaint and customer. So events may now name a complaint or
    customer that is gone: the foreign keys of ``events.complaint_id`` and
    ``events.customer_id`` are dropped (SQLite's documented way to remove a FOREIGN KEY
    constraint: the table's stored SQL is edited, no row moves), and `complaintctl check`
    accepts a missing complaint or customer only when an event records its removal."""
    conn.execute("ALTER TABLE complaints ADD COLUMN import_id INTEGER REFERENCES imports(id)")
    conn.execute("ALTER TABLE customers ADD COLUMN import_id INTEGER REFERENCES imports(id)")
    conn.execute("CREATE INDEX complaints_import ON complaints(import_id) WHERE import_id IS NOT NULL")
    conn.execute("ALTER TABLE imports ADD COLUMN undone_at TEXT")
    conn.execute("ALTER TABLE imports ADD COLUMN undone_by TEXT")
    conn.execute("ALTER TABLE imports ADD COLUMN customers_recorded INTEGER NOT NULL DEFAULT 1 "
                 "CHECK (customers_recorded IN (0, 1))")
    conn.execute("UPDATE imports SET customers_recorded = 0")  # those before did not
    conn.execute(
        """UPDATE complaints SET import_id = created.import_id
           FROM (SELECT complaint_id, CAST(substr(note, 9, instr(note, ' from ') - 9) AS INTEGER) AS import_id
                 FROM events WHERE action = 'imported' AND field = 'status' AND old_value IS NULL
                 AND note GLOB 'import #[0-9]* from *') AS created
           WHERE complaints.id = created.complaint_id
           AND created.import_id IN (SELECT id FROM imports)""")
    _drop_event_references(conn)


def _drop_event_references(conn: Connection) -> None:
    """Remove the two REFERENCES clauses from the events table's definition, inside the
    migration's transaction (https://www.sqlite.org/lang_altertable.html#otheralter)."""
    sql = conn.execute("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'events'").fetchone()[0]
    for clause in _EVENT_REFERENCES:
        if sql.count(clause) != 1:
            raise RuntimeError(f"the events table's definition does not hold {clause!r} once: {sql}")
        sql = sql.replace(clause, clause.split(" REFERENCES ")[0])
    version = conn.execute("PRAGMA schema_version").fetchone()[0]
    conn.execute("PRAGMA writable_schema = ON")
    try:
        conn.execute("UPDATE sqlite_master SET sql = ? WHERE type = 'table' AND name = 'events'", (sql,))
        conn.execute(f"PRAGMA schema_version = {version + 1}")
    finally:
        conn.execute("PRAGMA writable_schema = OFF")




def apply_postgresql(conn) -> None:
    """The same columns, index and backfill, and the events' two foreign keys dropped as
    PostgreSQL drops a constraint: by name, in place (``apply`` edits SQLite's stored definition)."""
    conn.execute("ALTER TABLE complaints ADD COLUMN import_id INTEGER REFERENCES imports(id)")
    conn.execute("ALTER TABLE customers ADD COLUMN import_id INTEGER REFERENCES imports(id)")
    conn.execute("CREATE INDEX complaints_import ON complaints(import_id) WHERE import_id IS NOT NULL")
    conn.execute("ALTER TABLE imports ADD COLUMN undone_at TEXT")
    conn.execute("ALTER TABLE imports ADD COLUMN undone_by TEXT")
    conn.execute("ALTER TABLE imports ADD COLUMN customers_recorded INTEGER NOT NULL DEFAULT 1 "
                 "CHECK (customers_recorded IN (0, 1))")
    conn.execute("UPDATE imports SET customers_recorded = 0")
    conn.execute(
        """UPDATE complaints SET import_id = created.import_id
           FROM (SELECT complaint_id, CAST(substr(note, 9, instr(note, ' from ') - 9) AS INTEGER) AS import_id
                 FROM events WHERE action = 'imported' AND field = 'status' AND old_value IS NULL
                 AND note GLOB 'import #[0-9]* from *') AS created
           WHERE complaints.id = created.complaint_id
           AND created.import_id IN (SELECT id FROM imports)""")
    conn.execute("ALTER TABLE events DROP CONSTRAINT events_complaint_id_fkey, DROP CONSTRAINT events_customer_id_fkey")
