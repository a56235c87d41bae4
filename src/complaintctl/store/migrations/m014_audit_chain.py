"""Migration 014: audit chain. Released: never edit; a change is a new migration."""

from __future__ import annotations

from complaintctl.store.engine import Connection


def apply(conn: Connection) -> None:
    """Every event carries a hash over its content and the previous event's (store/chain.py):
    the table is rebuilt with a `hash` column that cannot be NULL, the existing events hashed in
    id order. An event can no longer be rewritten with INSERT OR REPLACE, which deleted the old
    row without firing the DELETE trigger."""
    from complaintctl.store.chain import CHAINED, GENESIS, link

    kept = [sql for (sql,) in conn.execute(
        "SELECT sql FROM sqlite_master WHERE tbl_name = 'events' AND type IN ('index', 'trigger') AND sql IS NOT NULL")]
    conn.execute(
        """
        CREATE TABLE events_chained (
            id INTEGER PRIMARY KEY,
            complaint_id INTEGER REFERENCES complaints(id),
            at TEXT NOT NULL,
            actor TEXT NOT NULL,
            action TEXT NOT NULL,
            field TEXT,
            old_value TEXT,
            new_value TEXT,
            note TEXT,
            customer_id INTEGER REFERENCES customers(id),
            hash TEXT NOT NULL CHECK (length(hash) = 32)
        ) STRICT
        """
    )
    columns = ", ".join(CHAINED)
    previous, last = GENESIS, 0
    insert = f"INSERT INTO events_chained (id, {columns}, hash) VALUES (?, {', '.join('?' * len(CHAINED))}, ?)"
    while True:  # in id order, a batch at a time: memory stays flat on a big desk
        rows = conn.execute(f"SELECT id, {columns} FROM events WHERE id > ? ORDER BY id LIMIT 50000", (last,)).fetchall()
        if not rows:
            break
        chained = []
        for row in rows:
            previous = link(previous, row[1:])
            chained.append((*row, previous))
        conn.executemany(insert, chained)
        last = rows[-1][0]
    conn.execute("DROP TABLE events")
    # triggers on other tables read events (the search index's): the rename must not try to
    # rewrite them while no table of that name exists
    conn.execute("PRAGMA legacy_alter_table = ON")
    conn.execute("ALTER TABLE events_chained RENAME TO events")
    conn.execute("PRAGMA legacy_alter_table = OFF")
    for sql in kept:
        conn.execute(sql)
    conn.execute(
        """
        CREATE TRIGGER events_no_replace BEFORE INSERT ON events
        WHEN EXISTS (SELECT 1 FROM events WHERE id = NEW.id)
        BEGIN SELECT RAISE(ABORT, 'events are append-only: REPLACE refused'); END
        """
    )

