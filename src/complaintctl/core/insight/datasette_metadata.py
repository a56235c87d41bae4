"""Metadata for browsing the database with Datasette: what each table and column holds, labels
instead of raw codes (each code table's label column), facets, and canned queries for the
common questions. tests/core/test_datasette_metadata.py checks it against the schema, so a
table or column added without a description here fails the tests."""

from __future__ import annotations

from complaintctl.store.engine import Connection

CODE_TABLES = ("categories", "causes", "channels", "remedies", "motives", "outcomes", "severities",
               "personalities", "statuses")
# Columns that mean the same in every table that has them.
COMMON = {
    "code": "stable lowercase code, what other tables store",
    "label_en": "English label",
    "label_zh": "Chinese label",
    "position": "display order",
    "active": "1 in use; 0 retired (kept for old rows)",
    "created_at": "when the row was created (UTC)",
    "updated_at": "when the row last changed (UTC)",
    "created_by": "who created it",
    "updated_by": "who last changed it",
    "complaint_id": "the complaint (→ complaints)",
    "customer_id": "the customer (→ customers)",
    "lang": "language: zh or en",
}
TABLES: dict[str, tuple[str, dict[str, str]]] = {
    "complaints": ("One row per complaint: intake, classification, lifecycle, SLA clocks.", {
        "id": "the complaint's number, shown as #42", "ref": "unique external reference (ticket, form id)",
        "received_at": "when it was received (UTC)", "channel": "how it came in", "subject": "what it is about",
        "description": "the full text", "remedy": "what the customer asks for", "category": "what it is about",
        "severity": "drives priority and SLA targets", "cause": "root cause found by investigation",
        "personality": "the customer's personality", "motive": "the customer's motive",
        "status": "new, acknowledged, investigating, waiting, resolved, closed", "assignee": "the agent who has it",
        "first_response_at": "when the customer first heard from us", "resolved_at": "when it was resolved",
        "closed_at": "when it was closed", "outcome": "how it was closed", "resolution": "what was decided and done",
        "duplicate_of": "the original complaint, for a duplicate", "told_via": "how the decision reached the customer",
        "customer_accepted": "1 accepted the decision, 0 did not, empty unknown",
        "reopened_count": "times reopened", "extra": "JSON of the columns an import did not know",
        "import_fingerprint": "hash that recognises an imported row on re-import",
        "source_updated_at": "the source system's last change: a re-import that updates takes only newer rows",
        "respond_due_at": "first response due (UTC)", "resolve_due_at": "resolution due (UTC)",
        "responded_late": "1 responded late, 0 on time, empty while the clock runs",
        "resolved_late": "1 resolved late, 0 on time, empty while the clock runs",
        "paused_since": "start of the current pause (waiting on the customer)",
        "paused_minutes": "minutes of the pauses that have ended", "escalated_at": "last escalation",
        "escalation_count": "times escalated", "import_id": "the import that created it (import undo removes by it)"}),
    "complaint_tags": ("Free tags, one row each.", {"tag": "lowercase tag"}),
    "customers": ("The people and companies who complain; matched on normalised email or phone.", {
        "id": "the customer's number", "name": "name", "email": "e-mail as given", "phone": "phone as given",
        "company": "company", "email_normalized": "trimmed, lowercase: what matching compares",
        "phone_normalized": "digits only, +86/0086 dropped: what matching compares",
        "merged_into": "the record this one was merged into", "import_id": "the import that created the record"}),
    "agents": ("The people complaints are assigned to.", {
        "name": "short login-like name", "full_name": "display name", "email": "e-mail",
        "is_lead": "1 a team lead", }),
    "events": ("The audit trail: one row per change, append-only, chained by hashes (docs/security.md).", {
        "id": "order of events", "at": "when (UTC)", "actor": "who", "action": "what happened (docs/schema.md lists them)",
        "field": "what changed", "old_value": "before", "new_value": "after",
        "note": "the note, resolution, reason or reply text",
        "digest": "the facts a logged, imported or customer_created event seals (docs/security.md)",
        "hash": "audit chain: hash of this event's content and the previous event's hash"}),
    "surveys": ("Satisfaction follow-ups after resolution.", {
        "id": "row id", "at": "when (UTC)", "actor": "who recorded it", "score": "1 very unhappy to 5 very happy",
        "comment": "what the customer said"}),
    "imports": ("One row per import run.", {
        "id": "the run's number", "source": "file", "format": "csv, json, ndjson or xlsx", "encoding": "text encoding",
        "delimiter": "CSV delimiter", "actor": "who ran it", "started_at": "start (UTC)",
        "finished_at": "end (UTC); empty while running or if killed", "read": "rows read", "inserted": "rows added",
        "updated": "rows updated", "unchanged": "rows already there",
        "duplicates": "rows repeating an earlier row of the file",
        "grouped": "rows joined to the row before them with the same ref (grouped by ref)", "rejected": "rows refused",
        "update_mode": "1 updated what it had imported before", "undone_at": "when import undo removed what it created (UTC)",
        "undone_by": "who undid it", "customers_recorded": "0 ran before imports recorded their customers"}),
    "audit_chain": ("Which version of the audit chain the events use, from which event on (docs/schema.md).", {
        "version": "1: blake2b over the events' content", "from_event": "the first event of that version",
        "since": "when it was first used (UTC)"}),
    "deferred_indexes": ("Indexes a bulk import dropped while it loads; empty otherwise.", {
        "name": "index", "sql": "how to rebuild it", "import_id": "the import", "deferred_at": "when (UTC)"}),
    "label_aliases": ("Labels the team taught (taxonomy alias): read as their code by import and every command.", {
        "kind": "category, severity, status, ...", "label": "the label as typed"}),
    "suggest_models": ("The models that suggest codes (suggest train): one per field.", {
        "id": "model number (never reused)", "field": "category, severity, cause, personality or motive",
        "method": "linear (SVM, scikit-learn), naive_bayes or centroid (no dependency)", "version": "1, 2, ... per field",
        "trained_at": "when (UTC)", "trained_by": "who", "examples": "classified complaints it learned from",
        "labels": "codes it knows", "features": "n-grams it reads", "weights": "rows in suggest_weights",
        "size_bytes": "what its rows hold", "temperature": "confidence scale, fitted on held-out complaints",
        "seconds": "training time", "details": "JSON: smoothing or C, examples per code, held-out top-1 of each method tried"}),
    "suggest_labels": ("Each model's codes.", {
        "model_id": "the model", "number": "the code's number in the model (suggest_weights.label_number)",
        "label": "the code", "examples": "complaints with it", "bias": "score to start from",
        "unseen": "naive Bayes: log probability of an n-gram never seen with the code"}),
    "suggest_features": ("The character n-grams each model reads.", {
        "model_id": "the model", "feature": "1-4 characters", "idf": "inverse document frequency (1 for naive Bayes)"}),
    "suggest_weights": ("How much each n-gram speaks for each code.", {
        "model_id": "the model", "feature": "the n-gram", "label_number": "the code (suggest_labels.number)",
        "weight": "its weight"}),
    "suggest_rules": ("The team's rules: a pattern that suggests a code, winning over the model.", {
        "id": "rule number", "field": "the field", "code": "the code it suggests",
        "pattern": "regular expression, matched ignoring case"}),
    "raw_labels": ("Labels an import could not place: the complaint was imported unclassified in that field.", {
        "complaint_id": "the complaint", "field": "category, severity, channel, ...",
        "label": "the label as the file wrote it"}),
    "reply_templates": ("The answers a team gives again and again (replies).", {
        "name": "template name", "category": "the category it answers; empty for any",
        "body": "text with placeholders such as {customer}"}),
    "email_templates": ("The team's own texts for the customer e-mails (defaults otherwise).", {
        "event": "ack (on log) or decision (on close)", "subject": "subject line", "body": "text with placeholders"}),
    "webhooks": ("The team's chat webhooks. The URL and secret are credentials.", {
        "name": "name", "kind": "wecom, dingtalk, feishu, slack or json", "url": "address (holds a token)",
        "events": "critical, escalated, overdue", "secret": "signing secret", }),
    "outbox": ("Every message queued with its change and sent after it: e-mails and webhook posts.", {
        "id": "message number", "trigger": "ack, decision, critical, escalated, overdue, test, reply",
        "channel": "email or webhook", "target": "address or webhook name", "subject": "e-mail subject",
        "body": "e-mail text or JSON posted", "status": "pending, sending, sent, failed", "attempts": "tries so far",
        "last_attempt_at": "last try (UTC)", "sent_at": "when it went (UTC)", "error": "why the last try failed",
        "message_key": "the same on every try: the e-mail's Message-ID, the webhook's Idempotency-Key",
        "claimed_by": "who is sending it (host:process:token)", "lease_until": "nobody else takes it before (UTC)"}),
    "overdue_notices": ("Which lateness the overdue round already told the team about.", {
        "clock": "respond or resolve", "due_at": "the due time that passed", "outbox_id": "the message"}),
    "settings": ("Team settings as key/value pairs.", {"key": "setting", "value": "value"}),
    "complaints_fts": ("The search index (FTS5, trigram) over complaint_search_text: one row per complaint, "
                       "rowid = its id.", {
        "subject": "the subject", "description": "the description", "resolution": "the resolution",
        "customer": "the customer's name, company, email and phone", "tags": "the tags",
        "notes": "notes people wrote on the timeline", "other": "ref and the columns an import kept"}),
    "complaint_search_text": ("View: the text search looks in, one row per complaint (the search index reads it).", {
        "id": "the complaint", "subject": "the subject", "description": "the description",
        "resolution": "the resolution", "customer": "the customer's name, company, email and phone",
        "tags": "the tags, in order", "notes": "notes people wrote on the timeline, oldest first",
        "other": "ref and the extra JSON an import kept"}),
    "search_pending": ("Empty outside a writer's transaction: complaints a bulk writer indexes itself, once each.", {
        "first_id": "first complaint of a range", "last_id": "last complaint of the range"}),
    **{f"complaints_fts_{part}": ("FTS5's own storage for complaints_fts.", columns) for part, columns in {
        "config": {"k": "key", "v": "value"}, "data": {"id": "block id", "block": "index data"},
        "docsize": {"id": "the complaint", "sz": "column sizes"},
        "idx": {"segid": "segment", "term": "first term of a page", "pgno": "page"}}.items()},
    "schema_migrations": ("Every schema migration applied to this file.", {
        "version": "schema version", "name": "migration", "applied_at": "when (UTC)"}),
    "sla_calendar": ("The business calendar (one row).", {
        "id": "always 1", "enabled": "1 SLA targets in bh/bd count working time",
        "timezone": "the team's time zone", "workdays": "mon,tue,...", "day_start": "working day starts",
        "day_end": "working day ends", "region": "whose public holidays were loaded"}),
    "sla_calendar_days": ("Holidays and extra working days.", {
        "day": "date", "kind": "holiday or workday", "note": "e.g. 国庆节", "source": "region and library it came from"}),
    "sla_calendar_years": ("The years a region's holidays were loaded for.", {
        "year": "year", "region": "region", "basis": "published, rules or estimated", "source": "library and version",
        "loaded_at": "when (UTC)"}),
    "severities": ("Severity codes and their SLA targets.", {
        "rank": "1 = most urgent", "respond_minutes": "first-response target in minutes",
        "resolve_minutes": "resolution target in minutes", "business_time": "1 targets count working time",
        "respond_target": "first-response target as typed (4h, 1bd)", "resolve_target": "resolution target as typed"}),
    "personalities": ("Customer personalities, with handling advice.", {
        "advice_en": "handling advice (English)", "advice_zh": "handling advice (Chinese)"}),
    "statuses": ("Lifecycle statuses.", {"is_open": "1 open (new, acknowledged, investigating, waiting)"}),
    **{t: (f"Codes: {t}.", {}) for t in ("categories", "causes", "channels", "remedies", "motives", "outcomes")},
    "complaint_overview": ("View: one readable row per complaint, with labels, customer and age.", {
        "status_en": "status label (English)", "status_zh": "status label (Chinese)", "is_open": "1 open",
        "severity_en": "severity label (English)", "severity_zh": "severity label (Chinese)",
        "severity_rank": "1 = most urgent", "category_en": "category label (English)",
        "category_zh": "category label (Chinese)", "channel_en": "channel label (English)",
        "channel_zh": "channel label (Chinese)", "customer_name": "customer's name",
        "customer_email": "customer's e-mail", "customer_phone": "customer's phone",
        "customer_company": "customer's company", "assignee_name": "assignee's full name",
        "tags": "tags, comma-separated", "age_days": "days from received to closed, or to now"}),
    "complaint_sla": ("View: each complaint's SLA clock now.", {
        "sla_state": "done, no_target, paused, respond_overdue, resolve_overdue, on_time",
        "hours_left": "hours left on the running clock (negative: late)"}),
    "weekly_summary": ("View: per ISO week (local time), what came in, was answered, resolved and closed, "
                       "and SLA met.", {
        "week": "ISO week, e.g. 2026-W48", "week_start": "its Monday", "received": "complaints received",
        "responded": "first responses", "resolved": "resolutions made", "closed": "closings made",
        "response_sla_met": "first responses on time", "response_sla_total": "first responses with a target",
        "resolution_sla_met": "resolutions on time", "resolution_sla_total": "resolutions with a target"}),
    "finishes": ("View: every time a complaint was resolved or closed, those a reopen undid included.", {
        "complaint_id": "the complaint", "resolved_at": "when resolved (UTC)", "resolved_late": "1 late, 0 on time",
        "closed_at": "when closed (UTC)", "reopened_at": "when a reopen undid it; empty while it stands"}),
    "reports": ("What each report of a finished period printed, to say later what changed since.", {
        "id": "order", "report": "weekly, agents, sla or causes", "label": "the period's name",
        "period_start": "start (UTC)", "period_end": "end, exclusive (UTC)", "timezone": "zone of its weeks",
        "figures": "JSON: figure -> value", "hash": "SHA-256 of figures", "made_at": "when (UTC)",
        "made_by": "who", "last_event": "the newest event then"}),
}
# Views repeat the complaints columns they show: described once, there.
INHERITS = {"complaint_overview": "complaints", "complaint_sla": "complaints"}
HIDDEN = ("schema_migrations", "deferred_indexes", "audit_chain", "overdue_notices", "webhooks", "settings",
          "search_pending", *(f"complaints_fts_{part}" for part in ("config", "data", "docsize", "idx")))
FACETS = {"complaints": ["status", "severity", "category", "channel", "assignee"],
          "complaint_overview": ["status_en", "severity_en", "category_en", "assignee"],
          "events": ["action", "actor"], "outbox": ["status", "trigger", "channel"]}
SORT_DESC = {"complaints": "received_at", "complaint_overview": "received_at", "events": "id", "outbox": "id",
             "surveys": "at", "imports": "id"}
LABEL_COLUMNS = {"agents": "full_name", "customers": "name", "complaints": "subject"}

# The common questions, as canned queries; {label} is label_en or label_zh.
QUERIES: dict[str, tuple[str, str, str]] = {
    "open_by_assignee": ("Open complaints by assignee", "Who has what, the most urgent first.", """
        SELECT coalesce(ag.full_name, c.assignee, '(unassigned)') AS assignee, c.id, c.subject,
               sev.{label} AS severity, st.{label} AS status, s.sla_state, s.hours_left
        FROM complaints c JOIN complaint_sla s ON s.id = c.id JOIN statuses st ON st.code = c.status
        LEFT JOIN severities sev ON sev.code = c.severity LEFT JOIN agents ag ON ag.name = c.assignee
        WHERE st.is_open = 1 ORDER BY c.assignee IS NULL, c.assignee, s.hours_left IS NULL, s.hours_left"""),
    "late_now": ("Late now", "Open complaints past a due time, the latest first.", """
        SELECT s.id, c.subject, s.assignee, s.severity, s.sla_state, s.hours_left, s.respond_due_at, s.resolve_due_at
        FROM complaint_sla s JOIN complaints c ON c.id = s.id
        WHERE s.sla_state IN ('respond_overdue', 'resolve_overdue') ORDER BY s.hours_left"""),
    "last_12_weeks": ("The last 12 weeks", "Received, answered, resolved, closed and SLA met, per ISO week.", """
        SELECT week, received, responded, resolved, closed,
               round(100.0 * response_sla_met / nullif(response_sla_total, 0), 1) AS response_sla_pct,
               round(100.0 * resolution_sla_met / nullif(resolution_sla_total, 0), 1) AS resolution_sla_pct
        FROM weekly_summary ORDER BY week_start DESC LIMIT 12"""),
    "by_category_30_days": ("By category, last 30 days", "What people complain about, most first.", """
        SELECT coalesce(cat.{label}, '(unclassified)') AS category, count(*) AS complaints,
               sum(c.status IN (SELECT code FROM statuses WHERE is_open = 1)) AS still_open
        FROM complaints c LEFT JOIN categories cat ON cat.code = c.category
        WHERE c.received_at >= strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-30 days')
        GROUP BY c.category ORDER BY complaints DESC"""),
    "first_response_by_channel": ("Hours to first response, by channel", "The last 90 days.", """
        SELECT coalesce(ch.{label}, '(unknown)') AS channel, count(*) AS answered,
               round(avg((julianday(c.first_response_at) - julianday(c.received_at)) * 24), 1) AS avg_hours,
               round(max((julianday(c.first_response_at) - julianday(c.received_at)) * 24), 1) AS worst_hours
        FROM complaints c LEFT JOIN channels ch ON ch.code = c.channel
        WHERE c.first_response_at >= strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-90 days')
        GROUP BY c.channel ORDER BY avg_hours DESC"""),
    "repeat_customers": ("Repeat customers", "Customers with more than one complaint.", """
        SELECT cu.id, cu.name, cu.email, cu.phone, count(*) AS complaints,
               sum(c.status IN (SELECT code FROM statuses WHERE is_open = 1)) AS open, max(c.received_at) AS latest
        FROM customers cu JOIN complaints c ON c.customer_id = cu.id
        GROUP BY cu.id HAVING count(*) > 1 ORDER BY complaints DESC, latest DESC"""),
    "search": ("Search", "Complaints whose subject or description contains the words.", """
        SELECT c.id, c.received_at, st.{label} AS status, c.subject, c.assignee
        FROM complaints c JOIN statuses st ON st.code = c.status
        WHERE instr(lower(c.subject), lower(:words)) > 0 OR instr(lower(coalesce(c.description, '')), lower(:words)) > 0
        ORDER BY c.received_at DESC LIMIT 200"""),
    "timeline": ("A complaint's timeline", "Every event of one complaint.", """
        SELECT at, actor, action, field, old_value, new_value, note FROM events WHERE complaint_id = :id ORDER BY id"""),
    "messages_not_sent": ("Messages not sent", "E-mails and webhook posts that failed (notify retry).", """
        SELECT id, created_at, complaint_id, trigger, target, status, attempts, error
        FROM outbox WHERE status <> 'sent' ORDER BY id DESC"""),
}


def describe(table: str, columns: list[str]) -> dict[str, str]:
    """Each column's description: the table's own, the table a view shows, or the common one."""
    own = TABLES.get(table, ("", {}))[1]
    shown = TABLES.get(INHERITS.get(table, ""), ("", {}))[1]
    return {c: own.get(c) or shown.get(c) or COMMON.get(c) or "" for c in columns}


def datasette_metadata(conn: Connection, *, name: str, lang: str = "en") -> dict:
    """Datasette's metadata for this database (named ``name``, as Datasette names a file by its
    stem): title, table and column descriptions, code labels in ``lang``, facets, sort order,
    internal tables hidden, and the canned queries."""
    if lang not in ("en", "zh"):
        from complaintctl.errors import InvalidInput

        raise InvalidInput(f"unknown language {lang!r}", hint="en or zh")
    from complaintctl.store.catalog import columns_shown, objects

    present = sorted(name for name in objects(conn, ("table", "view")) if not name.startswith("sqlite_"))
    tables = {}
    for table in present:
        columns = columns_shown(conn, table)
        entry: dict = {"description": TABLES.get(table, ("",))[0], "columns": describe(table, columns)}
        label = f"label_{lang}" if table in CODE_TABLES else LABEL_COLUMNS.get(table)
        if label:
            entry["label_column"] = label
        if table in FACETS:
            entry["facets"] = FACETS[table]
        if table in SORT_DESC:
            entry["sort_desc"] = SORT_DESC[table]
        if table in HIDDEN:
            entry["hidden"] = True
        if table == "complaints":  # Datasette's search box, through the search index
            entry.update(fts_table="complaints_fts", fts_pk="id")
        tables[table] = entry
    return {
        "title": "complaintctl",
        "description": "Customer complaints: codes are text (labels in the code tables), times are UTC ISO-8601, "
                       "every change is in events. Written by complaintctl; change data with its commands.",
        "databases": {name: {"tables": tables, "queries": queries(lang)}},
    }


def queries(lang: str = "en") -> dict:
    label = f"label_{lang}"
    return {key: {"title": title, "description": text, "sql": " ".join(sql.split()).replace("{label}", label)}
            for key, (title, text, sql) in QUERIES.items()}


def datasette_config(metadata: dict) -> dict:
    """The part Datasette 1.0 reads from its configuration file (-c) rather than the metadata:
    the canned queries and the table settings."""
    settings = ("label_column", "facets", "sort_desc", "hidden", "fts_table", "fts_pk")
    databases = {}
    for name, database in metadata["databases"].items():
        tables = {t: {k: v for k, v in entry.items() if k in settings} for t, entry in database["tables"].items()}
        databases[name] = {"queries": database["queries"], "tables": {t: e for t, e in tables.items() if e}}
    return {"databases": databases}
