"""Numbered schema migrations, applied in order, each in one transaction.

The schema version lives in ``PRAGMA user_version``; ``schema_migrations``
records when each step ran. A migration is a plain function appended to
``MIGRATIONS``; released ones are never edited, new schema is a new function at
the bottom. Nothing else in the code creates tables.
"""

from __future__ import annotations

import functools
import sqlite3
from collections.abc import Callable

from complaintctl.store import seed
from complaintctl.store.version import SCHEMA_VERSION

Migration = Callable[[sqlite3.Connection], None]
MIGRATIONS: list[Migration] = []


def migration(fn: Migration) -> Migration:
    MIGRATIONS.append(fn)
    return fn


CODE_CHECK = "CHECK (code <> '' AND code NOT GLOB '*[^a-z0-9_]*' AND code GLOB '[a-z]*')"
NOW_SQL = "strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"


def _taxonomy_table(conn: sqlite3.Connection, name: str, extra: str = "") -> None:
    conn.execute(
        f"""
        CREATE TABLE {name} (
            code TEXT PRIMARY KEY {CODE_CHECK},
            label_en TEXT NOT NULL,
            label_zh TEXT NOT NULL,
            position INTEGER NOT NULL DEFAULT 0,
            active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)){extra}
        ) STRICT
        """
    )


def _seed(conn: sqlite3.Connection, table: str, rows: list[tuple], columns: list[str]) -> None:
    cols = ", ".join(columns + ["position"])
    marks = ", ".join("?" for _ in range(len(columns) + 1))
    conn.executemany(
        f"INSERT INTO {table} ({cols}) VALUES ({marks})",
        [(*row, position) for position, row in enumerate(rows, start=1)],
    )


@migration
def m001_core_tables(conn: sqlite3.Connection) -> None:
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
        _taxonomy_table(conn, table)
        _seed(conn, table, rows, basic)
    _taxonomy_table(
        conn,
        "severities",
        """,
            rank INTEGER NOT NULL,
            respond_minutes INTEGER NOT NULL CHECK (respond_minutes > 0),
            resolve_minutes INTEGER NOT NULL CHECK (resolve_minutes > 0),
            business_time INTEGER NOT NULL DEFAULT 0 CHECK (business_time IN (0, 1))""",
    )
    _seed(
        conn, "severities", seed.SEVERITIES,
        basic + ["rank", "respond_minutes", "resolve_minutes", "business_time"],
    )
    _taxonomy_table(
        conn, "personalities", ",\n            advice_en TEXT NOT NULL DEFAULT '',"
        "\n            advice_zh TEXT NOT NULL DEFAULT ''",
    )
    _seed(conn, "personalities", seed.PERSONALITIES, basic + ["advice_en", "advice_zh"])
    _taxonomy_table(conn, "statuses", ",\n            is_open INTEGER NOT NULL CHECK (is_open IN (0, 1))")
    _seed(conn, "statuses", seed.STATUSES, basic + ["is_open"])

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


@migration
def m002_overview_view(conn: sqlite3.Connection) -> None:
    """One readable row per complaint for plain SQL."""
    conn.execute(
        """
        CREATE VIEW complaint_overview AS
        SELECT
            c.id,
            c.ref,
            c.received_at,
            c.status,
            st.label_en AS status_en,
            st.label_zh AS status_zh,
            st.is_open AS is_open,
            c.severity,
            sev.label_en AS severity_en,
            sev.label_zh AS severity_zh,
            sev.rank AS severity_rank,
            c.category,
            cat.label_en AS category_en,
            cat.label_zh AS category_zh,
            c.channel,
            ch.label_en AS channel_en,
            ch.label_zh AS channel_zh,
            c.subject,
            c.customer_id,
            cu.name AS customer_name,
            cu.email AS customer_email,
            cu.phone AS customer_phone,
            cu.company AS customer_company,
            c.assignee,
            ag.full_name AS assignee_name,
            c.remedy,
            c.cause,
            c.personality,
            c.motive,
            (SELECT group_concat(tag, ',') FROM
                (SELECT tag FROM complaint_tags t WHERE t.complaint_id = c.id ORDER BY tag)) AS tags,
            c.first_response_at,
            c.resolved_at,
            c.closed_at,
            c.outcome,
            c.reopened_count,
            c.updated_at,
            round(julianday(coalesce(c.closed_at, 'now')) - julianday(c.received_at), 2) AS age_days
        FROM complaints c
        JOIN statuses st ON st.code = c.status
        LEFT JOIN severities sev ON sev.code = c.severity
        LEFT JOIN categories cat ON cat.code = c.category
        LEFT JOIN channels ch ON ch.code = c.channel
        LEFT JOIN customers cu ON cu.id = c.customer_id
        LEFT JOIN agents ag ON ag.name = c.assignee
        """
    )


@migration
def m003_imports(conn: sqlite3.Connection) -> None:
    """Batch import: unknown columns kept as JSON, a fingerprint per imported row, a log of runs."""
    conn.execute("ALTER TABLE complaints ADD COLUMN extra TEXT CHECK (extra IS NULL OR json_valid(extra))")
    conn.execute("ALTER TABLE complaints ADD COLUMN import_fingerprint INTEGER")
    conn.execute("ALTER TABLE complaints ADD COLUMN source_updated_at TEXT")
    conn.execute("CREATE INDEX complaints_import_fingerprint ON complaints(import_fingerprint)")
    conn.execute(
        """
        CREATE TABLE imports (
            id INTEGER PRIMARY KEY,
            source TEXT NOT NULL,
            format TEXT NOT NULL,
            encoding TEXT,
            delimiter TEXT,
            actor TEXT NOT NULL,
            started_at TEXT NOT NULL,
            finished_at TEXT,
            read INTEGER NOT NULL DEFAULT 0,
            inserted INTEGER NOT NULL DEFAULT 0,
            updated INTEGER NOT NULL DEFAULT 0,
            unchanged INTEGER NOT NULL DEFAULT 0,
            rejected INTEGER NOT NULL DEFAULT 0,
            update_mode INTEGER NOT NULL DEFAULT 0 CHECK (update_mode IN (0, 1))
        ) STRICT
        """
    )


@migration
def m004_tracking(conn: sqlite3.Connection) -> None:
    """SLA clocks, business calendar, escalation, satisfaction surveys, sweep settings."""
    conn.execute("ALTER TABLE severities ADD COLUMN respond_target TEXT NOT NULL DEFAULT '1d'")
    conn.execute("ALTER TABLE severities ADD COLUMN resolve_target TEXT NOT NULL DEFAULT '5d'")
    for code, respond, resolve in seed.SLA_TARGETS:
        conn.execute("UPDATE severities SET respond_target = ?, resolve_target = ? WHERE code = ?",
                     (respond, resolve, code))
    for column, kind in [
        ("respond_due_at", "TEXT"), ("resolve_due_at", "TEXT"),
        ("responded_late", "INTEGER CHECK (responded_late IN (0, 1))"),
        ("resolved_late", "INTEGER CHECK (resolved_late IN (0, 1))"),
        ("paused_since", "TEXT"), ("paused_minutes", "INTEGER NOT NULL DEFAULT 0"),
        ("escalated_at", "TEXT"), ("escalation_count", "INTEGER NOT NULL DEFAULT 0"),
    ]:
        conn.execute(f"ALTER TABLE complaints ADD COLUMN {column} {kind}")
    conn.execute("CREATE INDEX complaints_respond_due ON complaints(respond_due_at) "
                 "WHERE first_response_at IS NULL AND status NOT IN ('resolved', 'closed')")
    conn.execute("CREATE INDEX complaints_resolve_due ON complaints(resolve_due_at) "
                 "WHERE status NOT IN ('resolved', 'closed')")
    conn.execute(
        """
        CREATE TABLE sla_calendar (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            enabled INTEGER NOT NULL DEFAULT 0 CHECK (enabled IN (0, 1)),
            timezone TEXT NOT NULL DEFAULT 'UTC',
            workdays TEXT NOT NULL DEFAULT 'mon,tue,wed,thu,fri',
            day_start TEXT NOT NULL DEFAULT '09:00',
            day_end TEXT NOT NULL DEFAULT '18:00'
        ) STRICT
        """
    )
    conn.execute("INSERT INTO sla_calendar (id) VALUES (1)")
    conn.execute(
        """
        CREATE TABLE sla_calendar_days (
            day TEXT PRIMARY KEY CHECK (date(day) = day),
            kind TEXT NOT NULL CHECK (kind IN ('holiday', 'workday')),
            note TEXT
        ) STRICT
        """
    )
    conn.execute(
        """
        CREATE TABLE surveys (
            id INTEGER PRIMARY KEY,
            complaint_id INTEGER NOT NULL REFERENCES complaints(id),
            at TEXT NOT NULL,
            actor TEXT NOT NULL,
            score INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
            comment TEXT
        ) STRICT
        """
    )
    conn.execute("CREATE INDEX surveys_complaint ON surveys(complaint_id)")
    conn.execute("CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT")
    conn.execute("INSERT INTO settings (key, value) VALUES ('sweep_close_resolved_after_days', '14')")
    conn.execute(
        """
        CREATE VIEW complaint_sla AS
        SELECT
            c.id,
            c.severity,
            c.status,
            c.assignee,
            c.received_at,
            c.respond_due_at,
            c.first_response_at,
            c.responded_late,
            c.resolve_due_at,
            c.resolved_at,
            c.resolved_late,
            c.paused_since,
            CASE
                WHEN c.status = 'closed' OR c.status = 'resolved' THEN 'done'
                WHEN c.status = 'waiting' THEN 'paused'
                WHEN c.resolve_due_at < strftime('%Y-%m-%dT%H:%M:%SZ', 'now') THEN 'resolve_overdue'
                WHEN c.first_response_at IS NULL
                     AND c.respond_due_at < strftime('%Y-%m-%dT%H:%M:%SZ', 'now') THEN 'respond_overdue'
                WHEN c.respond_due_at IS NULL AND c.resolve_due_at IS NULL THEN 'no_target'
                ELSE 'on_time'
            END AS sla_state,
            round((julianday(CASE WHEN c.first_response_at IS NULL THEN c.respond_due_at
                                  ELSE c.resolve_due_at END) - julianday('now')) * 24, 2) AS hours_left
        FROM complaints c
        """
    )


@migration
def m005_reporting(conn: sqlite3.Connection) -> None:
    """Indexes for the report windows, and a weekly summary view for dashboards."""
    for column in ("first_response_at", "resolved_at", "closed_at"):
        conn.execute(f"CREATE INDEX complaints_{column} ON complaints({column}) WHERE {column} IS NOT NULL")
    conn.execute("CREATE INDEX events_action_at ON events(action, at)")
    conn.execute("CREATE INDEX surveys_at ON surveys(at)")
    conn.execute(
        """
        CREATE VIEW weekly_summary AS
        WITH facts AS (
            SELECT date(received_at, '-6 days', 'weekday 1') AS week_start, 1 AS received, 0 AS responded,
                   0 AS resolved, 0 AS closed, NULL AS response_late, NULL AS resolution_late
            FROM complaints
            UNION ALL
            SELECT date(first_response_at, '-6 days', 'weekday 1'), 0, 1, 0, 0, responded_late, NULL
            FROM complaints WHERE first_response_at IS NOT NULL
            UNION ALL
            SELECT date(resolved_at, '-6 days', 'weekday 1'), 0, 0, 1, 0, NULL, resolved_late
            FROM complaints WHERE resolved_at IS NOT NULL
            UNION ALL
            SELECT date(closed_at, '-6 days', 'weekday 1'), 0, 0, 0, 1, NULL, NULL
            FROM complaints WHERE closed_at IS NOT NULL
        )
        SELECT
            strftime('%Y', week_start, '+3 days') || '-W'
                || printf('%02d', (CAST(strftime('%j', week_start, '+3 days') AS INTEGER) + 6) / 7) AS week,
            week_start,
            sum(received) AS received,
            sum(responded) AS responded,
            sum(resolved) AS resolved,
            sum(closed) AS closed,
            sum(response_late = 0) AS response_sla_met,
            count(response_late) AS response_sla_total,
            sum(resolution_late = 0) AS resolution_sla_met,
            count(resolution_late) AS resolution_sla_total
        FROM facts
        GROUP BY week_start
        ORDER BY week_start
        """
    )


@migration
def m006_deferred_indexes(conn: sqlite3.Connection) -> None:
    """Secondary indexes a big import dropped to load faster, kept here until rebuilt."""
    conn.execute(
        """
        CREATE TABLE deferred_indexes (
            name TEXT PRIMARY KEY,
            sql TEXT NOT NULL,
            import_id INTEGER REFERENCES imports(id),
            deferred_at TEXT NOT NULL
        ) STRICT
        """
    )


@migration
def m007_customer_records(conn: sqlite3.Connection) -> None:
    """Customers as records of their own: a merged record points at the one it was merged
    into (kept, so its email and phone still find that customer), and an event can name the
    customer it changed."""
    conn.execute("ALTER TABLE customers ADD COLUMN merged_into INTEGER REFERENCES customers(id)")
    conn.execute("ALTER TABLE events ADD COLUMN customer_id INTEGER REFERENCES customers(id)")
    conn.execute("CREATE INDEX events_customer ON events(customer_id, id) WHERE customer_id IS NOT NULL")


@migration
def m008_reply_templates(conn: sqlite3.Connection) -> None:
    """The answers a team gives again and again, per language and (optionally) category."""
    conn.execute(
        """
        CREATE TABLE reply_templates (
            name TEXT NOT NULL CHECK (name <> '' AND name NOT GLOB '*[^a-z0-9_.-]*'),
            lang TEXT NOT NULL CHECK (lang IN ('zh', 'en')),
            category TEXT REFERENCES categories(code),
            body TEXT NOT NULL CHECK (trim(body) <> ''),
            created_at TEXT NOT NULL,
            created_by TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            PRIMARY KEY (name, lang)
        ) STRICT
        """
    )


@migration
def m009_calendar_regions(conn: sqlite3.Connection) -> None:
    """Calendars loaded from a country's or region's public holidays, and a time zone that can be
    unset (NULL: the machine's own) so that it can also be the team's zone for display."""
    conn.execute(
        """
        CREATE TABLE sla_calendar_new (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            enabled INTEGER NOT NULL DEFAULT 0 CHECK (enabled IN (0, 1)),
            timezone TEXT,
            workdays TEXT NOT NULL DEFAULT 'mon,tue,wed,thu,fri',
            day_start TEXT NOT NULL DEFAULT '09:00',
            day_end TEXT NOT NULL DEFAULT '18:00',
            region TEXT
        ) STRICT
        """
    )
    # 'UTC' was the default: keep it only where someone chose it.
    conn.execute(
        """
        INSERT INTO sla_calendar_new (id, enabled, timezone, workdays, day_start, day_end)
        SELECT id, enabled,
               CASE WHEN timezone = 'UTC' AND NOT EXISTS (SELECT 1 FROM events WHERE action = 'calendar_changed'
                    AND field = 'timezone') THEN NULL ELSE timezone END,
               workdays, day_start, day_end
        FROM sla_calendar
        """
    )
    conn.execute("DROP TABLE sla_calendar")
    conn.execute("ALTER TABLE sla_calendar_new RENAME TO sla_calendar")
    conn.execute("ALTER TABLE sla_calendar_days ADD COLUMN source TEXT")  # NULL: typed by a person
    conn.execute(
        """
        CREATE TABLE sla_calendar_years (
            year INTEGER PRIMARY KEY,
            region TEXT NOT NULL,
            basis TEXT NOT NULL CHECK (basis IN ('published', 'rules', 'estimated')),
            source TEXT NOT NULL,
            loaded_at TEXT NOT NULL
        ) STRICT
        """
    )
@migration
def m010_one_open(conn: sqlite3.Connection) -> None:
    """"Open" has one meaning: new, acknowledged, investigating or waiting (core/lifecycle.py);
    a resolved complaint is not open. A waiting complaint whose deadline had passed when the
    pause began is late, not paused (core/sla.py pause_holds)."""
    conn.execute("UPDATE statuses SET is_open = 0 WHERE code IN ('resolved', 'closed')")
    conn.execute("DROP VIEW complaint_sla")
    conn.execute(
        """
        CREATE VIEW complaint_sla AS
        SELECT
            c.id,
            c.severity,
            c.status,
            c.assignee,
            c.received_at,
            c.respond_due_at,
            c.first_response_at,
            c.responded_late,
            c.resolve_due_at,
            c.resolved_at,
            c.resolved_late,
            c.paused_since,
            CASE
                WHEN c.status = 'closed' OR c.status = 'resolved' THEN 'done'
                WHEN c.respond_due_at IS NULL AND c.resolve_due_at IS NULL THEN 'no_target'
                WHEN c.status = 'waiting' AND NOT (coalesce(c.paused_since, '') > coalesce(CASE
                     WHEN c.first_response_at IS NULL THEN min(coalesce(c.respond_due_at, c.resolve_due_at),
                     coalesce(c.resolve_due_at, c.respond_due_at)) ELSE c.resolve_due_at END, '')) THEN 'paused'
                WHEN c.resolve_due_at < strftime('%Y-%m-%dT%H:%M:%SZ', 'now') THEN 'resolve_overdue'
                WHEN c.first_response_at IS NULL
                     AND c.respond_due_at < strftime('%Y-%m-%dT%H:%M:%SZ', 'now') THEN 'respond_overdue'
                ELSE 'on_time'
            END AS sla_state,
            round((julianday(CASE WHEN c.first_response_at IS NULL THEN c.respond_due_at
                                  ELSE c.resolve_due_at END) - julianday('now')) * 24, 2) AS hours_left
        FROM complaints c
        """
    )



@migration
def m011_notifications(conn: sqlite3.Connection) -> None:
    """Telling people: webhooks for the team's chat, e-mail templates for customers, and the
    outbox, where every message is queued in the change's transaction and sent after it."""
    conn.execute(
        """
        CREATE TABLE webhooks (
            name TEXT PRIMARY KEY CHECK (name <> '' AND name NOT GLOB '*[^a-z0-9_.-]*'),
            kind TEXT NOT NULL CHECK (kind IN ('wecom', 'dingtalk', 'feishu', 'slack', 'json')),
            url TEXT NOT NULL CHECK (url LIKE 'http://%' OR url LIKE 'https://%'),
            events TEXT NOT NULL,
            lang TEXT NOT NULL CHECK (lang IN ('zh', 'en')),
            secret TEXT,
            active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
            created_at TEXT NOT NULL
        ) STRICT
        """
    )
    conn.execute(
        """
        CREATE TABLE email_templates (
            event TEXT NOT NULL CHECK (event IN ('ack', 'decision')),
            lang TEXT NOT NULL CHECK (lang IN ('zh', 'en')),
            subject TEXT NOT NULL CHECK (trim(subject) <> ''),
            body TEXT NOT NULL CHECK (trim(body) <> ''),
            updated_at TEXT NOT NULL,
            updated_by TEXT NOT NULL,
            PRIMARY KEY (event, lang)
        ) STRICT
        """
    )
    conn.execute(
        """
        CREATE TABLE outbox (
            id INTEGER PRIMARY KEY,
            created_at TEXT NOT NULL,
            complaint_id INTEGER REFERENCES complaints(id),
            trigger TEXT NOT NULL CHECK (trigger IN ('ack', 'decision', 'critical', 'escalated', 'overdue', 'test')),
            channel TEXT NOT NULL CHECK (channel IN ('email', 'webhook')),
            target TEXT NOT NULL,
            subject TEXT,
            body TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sending', 'sent', 'failed')),
            attempts INTEGER NOT NULL DEFAULT 0,
            last_attempt_at TEXT,
            sent_at TEXT,
            error TEXT
        ) STRICT
        """
    )
    conn.execute("CREATE INDEX outbox_unsent ON outbox(status, id) WHERE status <> 'sent'")
    conn.execute("CREATE INDEX outbox_complaint ON outbox(complaint_id) WHERE complaint_id IS NOT NULL")
    conn.execute(
        """
        CREATE TABLE overdue_notices (
            complaint_id INTEGER NOT NULL REFERENCES complaints(id),
            clock TEXT NOT NULL CHECK (clock IN ('respond', 'resolve')),
            due_at TEXT NOT NULL,
            outbox_id INTEGER NOT NULL REFERENCES outbox(id),
            PRIMARY KEY (complaint_id, clock, due_at)
        ) STRICT, WITHOUT ROWID
        """
    )


@migration
def m012_labels(conn: sqlite3.Connection) -> None:
    """Labels: the aliases a team teaches (`taxonomy alias`), read by import and every command
    that takes a code; and the labels an import could not place, kept raw (the complaint was
    imported unclassified in that field) so that SQL finds them and a later alias classifies them."""
    conn.execute(
        "CREATE TABLE label_aliases ("
        " kind TEXT NOT NULL,"
        " label TEXT NOT NULL,"
        " code TEXT NOT NULL,"
        " created_at TEXT NOT NULL,"
        " created_by TEXT NOT NULL,"
        " PRIMARY KEY (kind, label))")
    conn.execute(
        "CREATE TABLE raw_labels ("
        " complaint_id INTEGER NOT NULL REFERENCES complaints(id),"
        " field TEXT NOT NULL,"
        " label TEXT NOT NULL,"
        " PRIMARY KEY (complaint_id, field))")
    conn.execute("CREATE INDEX raw_labels_field_label ON raw_labels (field, label)")


# What the search index holds of one complaint (m013): its own text, its customer, its tags,
# the notes people wrote on its timeline (not the ones the tool writes when it logs or
# imports) and the columns an import kept in ``extra``. Each column ends with two spaces, so
# that every character of the text starts a three-character token: how one- and two-character
# terms are found through the index (store/search.py). A later change to what is indexed is a
# new migration with its own copy, never an edit of this one.
SEARCH_COLUMNS_13 = ("subject", "description", "resolution", "customer", "tags", "notes", "other")
SEARCH_DOCUMENT_13 = """
    SELECT c.id,
      c.subject || '  ',
      coalesce(c.description, '') || '  ',
      coalesce(c.resolution, '') || '  ',
      coalesce((SELECT trim(coalesce(cu.name, '') || ' ' || coalesce(cu.company, '') || ' '
                            || coalesce(cu.email, '') || ' ' || coalesce(cu.phone, ''))
                FROM customers cu WHERE cu.id = c.customer_id), '') || '  ',
      coalesce((SELECT group_concat(t.tag, ' ') FROM complaint_tags t WHERE t.complaint_id = c.id), '') || '  ',
      coalesce((SELECT group_concat(e.note, char(10)) FROM events e WHERE e.complaint_id = c.id
                AND e.note IS NOT NULL AND e.action NOT IN ('logged', 'imported')), '') || '  ',
      trim(coalesce(c.ref, '') || ' ' || coalesce((SELECT group_concat(j.key || ': ' || j.value, char(10))
                                                   FROM json_each(c.extra) j), '')) || '  '
    FROM complaints c"""
_SEARCH_INSERT_13 = f"INSERT INTO complaints_fts (rowid, {', '.join(SEARCH_COLUMNS_13)}) {SEARCH_DOCUMENT_13}"
SEARCH_TRIGGERS_13 = {
    "complaints_fts_insert": f"AFTER INSERT ON complaints BEGIN {_SEARCH_INSERT_13} WHERE c.id = NEW.id; END",
    "complaints_fts_update": (
        "AFTER UPDATE OF subject, description, resolution, customer_id, ref, extra ON complaints BEGIN "
        f"DELETE FROM complaints_fts WHERE rowid = OLD.id; {_SEARCH_INSERT_13} WHERE c.id = NEW.id; END"),
    "complaints_fts_delete": "AFTER DELETE ON complaints BEGIN DELETE FROM complaints_fts WHERE rowid = OLD.id; END",
    "complaint_tags_fts_insert": (
        "AFTER INSERT ON complaint_tags BEGIN DELETE FROM complaints_fts WHERE rowid = NEW.complaint_id; "
        f"{_SEARCH_INSERT_13} WHERE c.id = NEW.complaint_id; END"),
    "complaint_tags_fts_delete": (
        "AFTER DELETE ON complaint_tags BEGIN DELETE FROM complaints_fts WHERE rowid = OLD.complaint_id; "
        f"{_SEARCH_INSERT_13} WHERE c.id = OLD.complaint_id; END"),
    "events_fts_note": (
        "AFTER INSERT ON events WHEN NEW.complaint_id IS NOT NULL AND NEW.note IS NOT NULL "
        "AND NEW.action NOT IN ('logged', 'imported') BEGIN "
        "DELETE FROM complaints_fts WHERE rowid = NEW.complaint_id; "
        f"{_SEARCH_INSERT_13} WHERE c.id = NEW.complaint_id; END"),
    "customers_fts_update": (
        "AFTER UPDATE OF name, company, email, phone ON customers BEGIN "
        "DELETE FROM complaints_fts WHERE rowid IN (SELECT id FROM complaints WHERE customer_id = NEW.id); "
        f"{_SEARCH_INSERT_13} WHERE c.customer_id = NEW.id; END"),
}


@migration
def m013_search_index(conn: sqlite3.Connection) -> None:
    """A full-text index of every complaint (FTS5, trigram tokenizer: Chinese is found without
    word segmentation), filled from what is there and kept in step by triggers. On a
    million-complaint file this migration takes a few minutes, once."""
    conn.execute(f"CREATE VIRTUAL TABLE complaints_fts USING fts5({', '.join(SEARCH_COLUMNS_13)}, "
                 "tokenize = 'trigram')")
    conn.execute(_SEARCH_INSERT_13)
    conn.execute("INSERT INTO complaints_fts (complaints_fts) VALUES ('optimize')")
    for name, body in SEARCH_TRIGGERS_13.items():
        conn.execute(f"CREATE TRIGGER {name} {body}")


@migration
def m014_audit_chain(conn: sqlite3.Connection) -> None:
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


@migration
def m015_unfinished_index(conn: sqlite3.Connection) -> None:
    """The complaints neither resolved nor closed (a few thousand on a desk of millions), by
    received time: the open backlog at any moment is counted from them and the resolved or
    closed since (core/reports.py), not from a scan of every complaint ever received."""
    conn.execute("CREATE INDEX complaints_unfinished ON complaints(received_at) "
                 "WHERE resolved_at IS NULL AND closed_at IS NULL")


LATEST_VERSION = len(MIGRATIONS)
assert LATEST_VERSION == SCHEMA_VERSION, "update store/version.py with the new migration"


def current_version(conn: sqlite3.Connection) -> int:
    return conn.execute("PRAGMA user_version").fetchone()[0]


def migrate(conn: sqlite3.Connection, target: int | None = None) -> list[str]:
    """Apply pending migrations up to ``target`` (default: all); return their names.

    Each step runs in its own BEGIN IMMEDIATE transaction that re-reads the
    version first, so two processes opening a fresh file at the same moment
    cannot both apply the same step, and a failed step leaves the one before.
    """
    target = LATEST_VERSION if target is None else target
    if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
        conn.execute("PRAGMA journal_mode = WAL")
    applied: list[str] = []
    while True:
        conn.execute("BEGIN IMMEDIATE")
        try:
            version = current_version(conn)
            if version > LATEST_VERSION:
                from complaintctl.errors import ComplaintError

                raise ComplaintError(
                    f"database schema version {version} is newer than this complaintctl "
                    f"knows ({LATEST_VERSION})",
                    hint="upgrade complaintctl",
                )
            if version >= target:
                conn.execute("ROLLBACK")
                return applied
            if version == 0:
                conn.execute(
                    "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
                    "name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT"
                )
            number = version + 1
            fn = MIGRATIONS[number - 1]
            fn(conn)
            conn.execute(
                "INSERT INTO schema_migrations (version, name, applied_at) "
                f"VALUES (?, ?, {NOW_SQL})",
                (number, fn.__name__),
            )
            conn.execute(f"PRAGMA user_version = {number}")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
        applied.append(fn.__name__)


@functools.lru_cache(maxsize=4)
def expected_objects(version: int = LATEST_VERSION) -> dict[str, tuple[str, str]]:
    """name -> (type, sql) of every table, view, index and trigger a fresh database at
    ``version`` has: what a file at that version should hold."""
    fresh = sqlite3.connect(":memory:", isolation_level=None)
    try:
        migrate(fresh, target=version)
        return {name: (kind, sql) for name, kind, sql in fresh.execute(
            "SELECT name, type, sql FROM sqlite_master WHERE sql IS NOT NULL")}
    finally:
        fresh.close()


def restore_missing_objects(conn: sqlite3.Connection) -> list[str]:
    """Recreate the indexes, views and triggers of the current schema that are missing (dropped
    by hand, say); they hold no data, so this loses nothing. Call inside a write transaction.
    Missing tables are not recreated: that would hide lost data (`complaintctl check` reports it)."""
    present = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    deferred = {r[0] for r in conn.execute("SELECT name FROM deferred_indexes")}
    restored = []
    for name, (kind, sql) in expected_objects(current_version(conn)).items():
        if kind != "table" and name not in present and name not in deferred:
            conn.execute(sql)
            restored.append(f"{kind} {name}")
    return restored
