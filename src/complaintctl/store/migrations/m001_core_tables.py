"""Migration 001: core tables. Released: never edit; a change is a new migration."""

from __future__ import annotations

from complaintctl import seed
from complaintctl.store.engine import Connection
from complaintctl.store.migrations.shared import NOW_SQL, seed_rows, taxonomy_table


def apply(conn: Connection) -> None:
    """Taxonomy, customers, agents, complaints, tags and the append-only event log."""
    basic = ["code", "label_en", "label_zh"]
    for table, rows in [
        ("categories", seed.CATEGORIES),
        ("causes", seed.CAUSES),
        ("channels", seed.CHANNELS),
        ("remedies", seed.REMEDIES),
        ("motives", seed.MOTIVES),
        ("outcomes", seed.OUTCOMES),
    ]:
        taxonomy_table(conn, table)
        seed_rows(conn, table, rows, basic)
    taxonomy_table(
        conn,
        "severities",
        """,
            rank INTEGER NOT NULL,
            respond_minutes INTEGER NOT NULL CHECK (respond_minutes > 0),
            resolve_minutes INTEGER NOT NULL CHECK (resolve_minutes > 0),
            business_time INTEGER NOT NULL DEFAULT 0 CHECK (business_time IN (0, 1))""",
    )
    seed_rows(
        conn, "severities", seed.SEVERITIES,
        basic + ["rank", "respond_minutes", "resolve_minutes", "business_time"],
    )
    taxonomy_table(
        conn, "personalities", ",\n            advice_en TEXT NOT NULL DEFAULT '',"
        "\n            advice_zh TEXT NOT NULL DEFAULT ''",
    )
    seed_rows(conn, "personalities", seed.PERSONALITIES, basic + ["advice_en", "advice_zh"])
    taxonomy_table(conn, "statuses", ",\n            is_open INTEGER NOT NULL CHECK (is_open IN (0, 1))")
    seed_rows(conn, "statuses", seed.STATUSES, basic + ["is_open"])

    conn.execute(
        f"""
        CREATE TABLE customers (
            id INTEGER PRIMARY KEY,
            name TEXT,
            email TEXT,
            phone TEXT,
            company TEXT,
            email_normalized TEXT,
            phone_normalized TEXT,
            created_at TEXT NOT NULL DEFAULT ({NOW_SQL})
        ) STRICT
        """
    )
    conn.execute("CREATE INDEX customers_email ON customers(email_normalized)")
    conn.execute("CREATE INDEX customers_phone ON customers(phone_normalized)")
    conn.execute(
        f"""
        CREATE TABLE agents (
            name TEXT PRIMARY KEY CHECK (name <> '' AND name NOT GLOB '*[ ,]*'),
            full_name TEXT,
            email TEXT,
            is_lead INTEGER NOT NULL DEFAULT 0 CHECK (is_lead IN (0, 1)),
            active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
            created_at TEXT NOT NULL DEFAULT ({NOW_SQL})
        ) STRICT
        """
    )
    conn.execute(
        """
        CREATE TABLE complaints (
            id INTEGER PRIMARY KEY,
            ref TEXT UNIQUE,
            received_at TEXT NOT NULL,
            channel TEXT REFERENCES channels(code),
            customer_id INTEGER REFERENCES customers(id),
            subject TEXT NOT NULL CHECK (trim(subject) <> ''),
            description TEXT,
            remedy TEXT REFERENCES remedies(code),
            category TEXT REFERENCES categories(code),
            severity TEXT REFERENCES severities(code),
            cause TEXT REFERENCES causes(code),
            personality TEXT REFERENCES personalities(code),
            motive TEXT REFERENCES motives(code),
            status TEXT NOT NULL DEFAULT 'new' REFERENCES statuses(code),
            assignee TEXT REFERENCES agents(name),
            first_response_at TEXT,
            resolved_at TEXT,
            closed_at TEXT,
            outcome TEXT REFERENCES outcomes(code),
            resolution TEXT,
            duplicate_of INTEGER REFERENCES complaints(id),
            told_via TEXT REFERENCES channels(code),
            customer_accepted INTEGER CHECK (customer_accepted IN (0, 1)),
            reopened_count INTEGER NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            created_by TEXT NOT NULL,
            CHECK (status <> 'closed' OR (closed_at IS NOT NULL AND outcome IS NOT NULL)),
            CHECK (outcome <> 'duplicate' OR duplicate_of IS NOT NULL)
        ) STRICT
        """
    )
    # Only selective columns: an index on status or severity (a handful of values) is
    # rarely used by the planner and slows every insert.
    for column in ["received_at", "customer_id", "assignee"]:
        conn.execute(f"CREATE INDEX complaints_{column} ON complaints({column})")
    conn.execute(
        """
        CREATE TABLE complaint_tags (
            complaint_id INTEGER NOT NULL REFERENCES complaints(id),
            tag TEXT NOT NULL CHECK (trim(tag) <> ''),
            PRIMARY KEY (complaint_id, tag)
        ) STRICT, WITHOUT ROWID
        """
    )
    conn.execute("CREATE INDEX complaint_tags_tag ON complaint_tags(tag)")
    conn.execute(
        """
        CREATE TABLE events (
            id INTEGER PRIMARY KEY,
            complaint_id INTEGER REFERENCES complaints(id),
            at TEXT NOT NULL,
            actor TEXT NOT NULL,
            action TEXT NOT NULL,
            field TEXT,
            old_value TEXT,
            new_value TEXT,
            note TEXT
        ) STRICT
        """
    )
    conn.execute("CREATE INDEX events_complaint ON events(complaint_id, id)")
    conn.execute("CREATE INDEX events_at ON events(at)")
    conn.execute(
        """
        CREATE TRIGGER events_no_update BEFORE UPDATE ON events
        BEGIN SELECT RAISE(ABORT, 'events are append-only: UPDATE refused'); END
        """
    )
    conn.execute(
        """
        CREATE TRIGGER events_no_delete BEFORE DELETE ON events
        BEGIN SELECT RAISE(ABORT, 'events are append-only: DELETE refused'); END
        """
    )

