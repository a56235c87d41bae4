-- schema version 27

-- table agents
CREATE TABLE agents (
            name TEXT PRIMARY KEY CHECK (name <> '' AND name NOT GLOB '*[ ,]*'),
            full_name TEXT,
            email TEXT,
            is_lead INTEGER NOT NULL DEFAULT 0 CHECK (is_lead IN (0, 1)),
            active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
            created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
        ) STRICT;

-- table audit_chain
CREATE TABLE audit_chain (
            version INTEGER PRIMARY KEY,
            from_event INTEGER NOT NULL UNIQUE,
            since TEXT NOT NULL
        ) STRICT;

-- table categories
CREATE TABLE categories (
            code TEXT PRIMARY KEY CHECK (code <> '' AND code NOT GLOB '*[^a-z0-9_]*' AND code GLOB '[a-z]*'),
            label_en TEXT NOT NULL,
            label_zh TEXT NOT NULL,
            position INTEGER NOT NULL DEFAULT 0,
            active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
        ) STRICT;

-- table causes
CREATE TABLE causes (
            code TEXT PRIMARY KEY CHECK (code <> '' AND code NOT GLOB '*[^a-z0-9_]*' AND code GLOB '[a-z]*'),
            label_en TEXT NOT NULL,
            label_zh TEXT NOT NULL,
            position INTEGER NOT NULL DEFAULT 0,
            active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
        ) STRICT;

-- table channels
CREATE TABLE channels (
            code TEXT PRIMARY KEY CHECK (code <> '' AND code NOT GLOB '*[^a-z0-9_]*' AND code GLOB '[a-z]*'),
            label_en TEXT NOT NULL,
            label_zh TEXT NOT NULL,
            position INTEGER NOT NULL DEFAULT 0,
            active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
        ) STRICT;

-- table complaint_tags
CREATE TABLE complaint_tags (
            complaint_id INTEGER NOT NULL REFERENCES complaints(id),
            tag TEXT NOT NULL CHECK (trim(tag) <> ''),
            PRIMARY KEY (complaint_id, tag)
        ) STRICT, WITHOUT ROWID;

-- table complaints
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
            created_by TEXT NOT NULL, extra TEXT CHECK (extra IS NULL OR json_valid(extra)), import_fingerprint INTEGER, source_updated_at TEXT, respond_due_at TEXT, resolve_due_at TEXT, responded_late INTEGER CHECK (responded_late IN (0, 1)), resolved_late INTEGER CHECK (resolved_late IN (0, 1)), paused_since TEXT, paused_minutes INTEGER NOT NULL DEFAULT 0, escalated_at TEXT, escalation_count INTEGER NOT NULL DEFAULT 0, import_id INTEGER REFERENCES imports(id),
            CHECK (status <> 'closed' OR (closed_at IS NOT NULL AND outcome IS NOT NULL)),
            CHECK (outcome <> 'duplicate' OR duplicate_of IS NOT NULL)
        ) STRICT;

-- table complaints_fts
CREATE VIRTUAL TABLE complaints_fts USING fts5(subject, description, resolution, customer, tags, notes, other, content = 'complaint_search_text', content_rowid = 'id', tokenize = 'trigram');

-- table complaints_fts_config
CREATE TABLE 'complaints_fts_config'(k PRIMARY KEY, v) WITHOUT ROWID;

-- table complaints_fts_data
CREATE TABLE 'complaints_fts_data'(id INTEGER PRIMARY KEY, block BLOB);

-- table complaints_fts_docsize
CREATE TABLE 'complaints_fts_docsize'(id INTEGER PRIMARY KEY, sz BLOB);

-- table complaints_fts_idx
CREATE TABLE 'complaints_fts_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;

-- table customers
CREATE TABLE customers (
            id INTEGER PRIMARY KEY,
            name TEXT,
            email TEXT,
            phone TEXT,
            company TEXT,
            email_normalized TEXT,
            phone_normalized TEXT,
            created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
        , merged_into INTEGER REFERENCES customers(id), import_id INTEGER REFERENCES imports(id)) STRICT;

-- table deferred_indexes
CREATE TABLE deferred_indexes (
            name TEXT PRIMARY KEY,
            sql TEXT NOT NULL,
            import_id INTEGER REFERENCES imports(id),
            deferred_at TEXT NOT NULL
        ) STRICT;

-- table email_templates
CREATE TABLE email_templates (
            event TEXT NOT NULL CHECK (event IN ('ack', 'decision')),
            lang TEXT NOT NULL CHECK (lang IN ('zh', 'en')),
            subject TEXT NOT NULL CHECK (trim(subject) <> ''),
            body TEXT NOT NULL CHECK (trim(body) <> ''),
            updated_at TEXT NOT NULL,
            updated_by TEXT NOT NULL,
            PRIMARY KEY (event, lang)
        ) STRICT;

-- table events
CREATE TABLE "events" (
            id INTEGER PRIMARY KEY,
            complaint_id INTEGER,
            at TEXT NOT NULL,
            actor TEXT NOT NULL,
            action TEXT NOT NULL,
            field TEXT,
            old_value TEXT,
            new_value TEXT,
            note TEXT,
            customer_id INTEGER,
            hash TEXT NOT NULL CHECK (length(hash) = 32)
        , digest TEXT CHECK (digest IS NULL OR digest <> '')) STRICT;

-- table imports
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
        , duplicates INTEGER NOT NULL DEFAULT 0, undone_at TEXT, undone_by TEXT, customers_recorded INTEGER NOT NULL DEFAULT 1 CHECK (customers_recorded IN (0, 1)), grouped INTEGER NOT NULL DEFAULT 0) STRICT;

-- table label_aliases
CREATE TABLE label_aliases ( kind TEXT NOT NULL, label TEXT NOT NULL, code TEXT NOT NULL, created_at TEXT NOT NULL, created_by TEXT NOT NULL, PRIMARY KEY (kind, label));

-- table motives
CREATE TABLE motives (
            code TEXT PRIMARY KEY CHECK (code <> '' AND code NOT GLOB '*[^a-z0-9_]*' AND code GLOB '[a-z]*'),
            label_en TEXT NOT NULL,
            label_zh TEXT NOT NULL,
            position INTEGER NOT NULL DEFAULT 0,
            active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
        ) STRICT;

-- table outbox
CREATE TABLE "outbox" (
            id INTEGER PRIMARY KEY,
            created_at TEXT NOT NULL,
            complaint_id INTEGER REFERENCES complaints(id),
            trigger TEXT NOT NULL CHECK (trigger IN ('ack', 'decision', 'critical', 'escalated', 'overdue', 'test',
                                                     'reply')),
            channel TEXT NOT NULL CHECK (channel IN ('email', 'webhook')),
            target TEXT NOT NULL,
            subject TEXT,
            body TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sending', 'sent', 'failed')),
            attempts INTEGER NOT NULL DEFAULT 0,
            last_attempt_at TEXT,
            sent_at TEXT,
            error TEXT,
            message_key TEXT NOT NULL UNIQUE CHECK (message_key <> ''),
            claimed_by TEXT,
            lease_until TEXT
        ) STRICT;

-- table outcomes
CREATE TABLE outcomes (
            code TEXT PRIMARY KEY CHECK (code <> '' AND code NOT GLOB '*[^a-z0-9_]*' AND code GLOB '[a-z]*'),
            label_en TEXT NOT NULL,
            label_zh TEXT NOT NULL,
            position INTEGER NOT NULL DEFAULT 0,
            active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
        ) STRICT;

-- table overdue_notices
CREATE TABLE overdue_notices (
            complaint_id INTEGER NOT NULL REFERENCES complaints(id),
            clock TEXT NOT NULL CHECK (clock IN ('respond', 'resolve')),
            due_at TEXT NOT NULL,
            outbox_id INTEGER NOT NULL REFERENCES outbox(id),
            PRIMARY KEY (complaint_id, clock, due_at)
        ) STRICT, WITHOUT ROWID;

-- table personalities
CREATE TABLE personalities (
            code TEXT PRIMARY KEY CHECK (code <> '' AND code NOT GLOB '*[^a-z0-9_]*' AND code GLOB '[a-z]*'),
            label_en TEXT NOT NULL,
            label_zh TEXT NOT NULL,
            position INTEGER NOT NULL DEFAULT 0,
            active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
            advice_en TEXT NOT NULL DEFAULT '',
            advice_zh TEXT NOT NULL DEFAULT ''
        ) STRICT;

-- table raw_labels
CREATE TABLE raw_labels ( complaint_id INTEGER NOT NULL REFERENCES complaints(id), field TEXT NOT NULL, label TEXT NOT NULL, PRIMARY KEY (complaint_id, field));

-- table remedies
CREATE TABLE remedies (
            code TEXT PRIMARY KEY CHECK (code <> '' AND code NOT GLOB '*[^a-z0-9_]*' AND code GLOB '[a-z]*'),
            label_en TEXT NOT NULL,
            label_zh TEXT NOT NULL,
            position INTEGER NOT NULL DEFAULT 0,
            active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
        ) STRICT;

-- table reply_templates
CREATE TABLE reply_templates (
            name TEXT NOT NULL CHECK (name <> '' AND name NOT GLOB '*[^a-z0-9_.-]*'),
            lang TEXT NOT NULL CHECK (lang IN ('zh', 'en')),
            category TEXT REFERENCES categories(code),
            body TEXT NOT NULL CHECK (trim(body) <> ''),
            created_at TEXT NOT NULL,
            created_by TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            PRIMARY KEY (name, lang)
        ) STRICT;

-- table reports
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
        ) STRICT;

-- table schema_migrations
CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT;

-- table search_pending
CREATE TABLE search_pending (first_id INTEGER PRIMARY KEY, last_id INTEGER NOT NULL, CHECK (first_id <= last_id)) STRICT;

-- table settings
CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;

-- table severities
CREATE TABLE severities (
            code TEXT PRIMARY KEY CHECK (code <> '' AND code NOT GLOB '*[^a-z0-9_]*' AND code GLOB '[a-z]*'),
            label_en TEXT NOT NULL,
            label_zh TEXT NOT NULL,
            position INTEGER NOT NULL DEFAULT 0,
            active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
            rank INTEGER NOT NULL,
            respond_minutes INTEGER NOT NULL CHECK (respond_minutes > 0),
            resolve_minutes INTEGER NOT NULL CHECK (resolve_minutes > 0),
            business_time INTEGER NOT NULL DEFAULT 0 CHECK (business_time IN (0, 1))
        , respond_target TEXT NOT NULL DEFAULT '1d', resolve_target TEXT NOT NULL DEFAULT '5d') STRICT;

-- table sla_calendar
CREATE TABLE "sla_calendar" (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            enabled INTEGER NOT NULL DEFAULT 0 CHECK (enabled IN (0, 1)),
            timezone TEXT,
            workdays TEXT NOT NULL DEFAULT 'mon,tue,wed,thu,fri',
            day_start TEXT NOT NULL DEFAULT '09:00',
            day_end TEXT NOT NULL DEFAULT '18:00',
            region TEXT
        ) STRICT;

-- table sla_calendar_days
CREATE TABLE sla_calendar_days (
            day TEXT PRIMARY KEY CHECK (date(day) = day),
            kind TEXT NOT NULL CHECK (kind IN ('holiday', 'workday')),
            note TEXT
        , source TEXT) STRICT;

-- table sla_calendar_years
CREATE TABLE sla_calendar_years (
            year INTEGER PRIMARY KEY,
            region TEXT NOT NULL,
            basis TEXT NOT NULL CHECK (basis IN ('published', 'rules', 'estimated')),
            source TEXT NOT NULL,
            loaded_at TEXT NOT NULL
        ) STRICT;

-- table sqlite_sequence
CREATE TABLE sqlite_sequence(name,seq);

-- table statuses
CREATE TABLE statuses (
            code TEXT PRIMARY KEY CHECK (code <> '' AND code NOT GLOB '*[^a-z0-9_]*' AND code GLOB '[a-z]*'),
            label_en TEXT NOT NULL,
            label_zh TEXT NOT NULL,
            position INTEGER NOT NULL DEFAULT 0,
            active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
            is_open INTEGER NOT NULL CHECK (is_open IN (0, 1))
        ) STRICT;

-- table suggest_features
CREATE TABLE suggest_features ( model_id INTEGER NOT NULL REFERENCES suggest_models(id) ON DELETE CASCADE, feature TEXT NOT NULL, idf REAL NOT NULL, PRIMARY KEY (model_id, feature)) STRICT, WITHOUT ROWID;

-- table suggest_labels
CREATE TABLE "suggest_labels" ( model_id INTEGER NOT NULL REFERENCES suggest_models(id) ON DELETE CASCADE, number INTEGER NOT NULL CHECK (number > 0), label TEXT NOT NULL, examples INTEGER NOT NULL, bias REAL NOT NULL, unseen REAL NOT NULL, PRIMARY KEY (model_id, number), UNIQUE (model_id, label)) STRICT, WITHOUT ROWID;

-- table suggest_models
CREATE TABLE suggest_models ( id INTEGER PRIMARY KEY AUTOINCREMENT, field TEXT NOT NULL UNIQUE, method TEXT NOT NULL, version INTEGER NOT NULL, trained_at TEXT NOT NULL, trained_by TEXT NOT NULL, examples INTEGER NOT NULL, labels INTEGER NOT NULL, features INTEGER NOT NULL, weights INTEGER NOT NULL, size_bytes INTEGER NOT NULL, temperature REAL NOT NULL, seconds REAL NOT NULL, details TEXT CHECK (details IS NULL OR json_valid(details))) STRICT;

-- table suggest_rules
CREATE TABLE suggest_rules ( id INTEGER PRIMARY KEY, field TEXT NOT NULL, code TEXT NOT NULL, pattern TEXT NOT NULL, created_at TEXT NOT NULL, created_by TEXT NOT NULL, UNIQUE (field, code, pattern)) STRICT;

-- table suggest_weights
CREATE TABLE "suggest_weights" ( model_id INTEGER NOT NULL REFERENCES suggest_models(id) ON DELETE CASCADE, feature TEXT NOT NULL, label_number INTEGER NOT NULL, weight REAL NOT NULL, PRIMARY KEY (model_id, feature, label_number)) STRICT, WITHOUT ROWID;

-- table surveys
CREATE TABLE surveys (
            id INTEGER PRIMARY KEY,
            complaint_id INTEGER NOT NULL REFERENCES complaints(id),
            at TEXT NOT NULL,
            actor TEXT NOT NULL,
            score INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
            comment TEXT
        ) STRICT;

-- table webhooks
CREATE TABLE webhooks (
            name TEXT PRIMARY KEY CHECK (name <> '' AND name NOT GLOB '*[^a-z0-9_.-]*'),
            kind TEXT NOT NULL CHECK (kind IN ('wecom', 'dingtalk', 'feishu', 'slack', 'json')),
            url TEXT NOT NULL CHECK (url LIKE 'http://%' OR url LIKE 'https://%'),
            events TEXT NOT NULL,
            lang TEXT NOT NULL CHECK (lang IN ('zh', 'en')),
            secret TEXT,
            active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
            created_at TEXT NOT NULL
        ) STRICT;

-- index complaint_tags_tag
CREATE INDEX complaint_tags_tag ON complaint_tags(tag);

-- index complaints_assignee
CREATE INDEX complaints_assignee ON complaints(assignee);

-- index complaints_closed_at
CREATE INDEX complaints_closed_at ON complaints(closed_at) WHERE closed_at IS NOT NULL;

-- index complaints_customer_id
CREATE INDEX complaints_customer_id ON complaints(customer_id);

-- index complaints_first_response_at
CREATE INDEX complaints_first_response_at ON complaints(first_response_at) WHERE first_response_at IS NOT NULL;

-- index complaints_import
CREATE INDEX complaints_import ON complaints(import_id) WHERE import_id IS NOT NULL;

-- index complaints_import_fingerprint
CREATE INDEX complaints_import_fingerprint ON complaints(import_fingerprint);

-- index complaints_received_at
CREATE INDEX complaints_received_at ON complaints(received_at);

-- index complaints_resolve_due
CREATE INDEX complaints_resolve_due ON complaints(resolve_due_at) WHERE status NOT IN ('resolved', 'closed');

-- index complaints_resolved_at
CREATE INDEX complaints_resolved_at ON complaints(resolved_at) WHERE resolved_at IS NOT NULL;

-- index complaints_respond_due
CREATE INDEX complaints_respond_due ON complaints(respond_due_at) WHERE first_response_at IS NULL AND status NOT IN ('resolved', 'closed');

-- index complaints_unfinished
CREATE INDEX complaints_unfinished ON complaints(received_at) WHERE resolved_at IS NULL AND closed_at IS NULL;

-- index customers_email
CREATE INDEX customers_email ON customers(email_normalized);

-- index customers_phone
CREATE INDEX customers_phone ON customers(phone_normalized);

-- index events_action_at
CREATE INDEX events_action_at ON events(action, at);

-- index events_at
CREATE INDEX events_at ON events(at);

-- index events_complaint
CREATE INDEX events_complaint ON events(complaint_id, id);

-- index events_customer
CREATE INDEX events_customer ON events(customer_id, id) WHERE customer_id IS NOT NULL;

-- index events_field_changes
CREATE INDEX events_field_changes ON events(field, at) WHERE field IN ('category', 'cause', 'channel', 'severity', 'assignee', 'tag');

-- index events_severity_changes
CREATE INDEX events_severity_changes ON events(at) WHERE field = 'severity';

-- index outbox_complaint
CREATE INDEX outbox_complaint ON outbox(complaint_id) WHERE complaint_id IS NOT NULL;

-- index outbox_unsent
CREATE INDEX outbox_unsent ON outbox(status, id) WHERE status <> 'sent';

-- index raw_labels_field_label
CREATE INDEX raw_labels_field_label ON raw_labels (field, label);

-- index reports_period
CREATE INDEX reports_period ON reports(report, period_start, period_end, id);

-- index surveys_at
CREATE INDEX surveys_at ON surveys(at);

-- index surveys_complaint
CREATE INDEX surveys_complaint ON surveys(complaint_id);

-- view complaint_overview
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
        LEFT JOIN agents ag ON ag.name = c.assignee;

-- view complaint_search_text
CREATE VIEW complaint_search_text AS
    SELECT c.id,
      c.subject || '  ' AS subject,
      coalesce(c.description, '') || '  ' AS description,
      coalesce(c.resolution, '') || '  ' AS resolution,
      coalesce((SELECT trim(coalesce(cu.name, '') || ' ' || coalesce(cu.company, '') || ' '
                            || coalesce(cu.email, '') || ' ' || coalesce(cu.phone, ''))
                FROM customers cu WHERE cu.id = c.customer_id), '') || '  ' AS customer,
      coalesce((SELECT group_concat(tag, ' ') FROM
                  (SELECT t.tag FROM complaint_tags t WHERE t.complaint_id = c.id ORDER BY t.tag)), '') || '  ' AS tags,
      coalesce((SELECT group_concat(note, char(10)) FROM
                  (SELECT e.note FROM events e WHERE e.complaint_id = c.id AND e.note IS NOT NULL
                   AND e.action NOT IN ('logged', 'imported') ORDER BY e.id)), '') || '  ' AS notes,
      trim(coalesce(c.ref, '') || ' ' || coalesce(c.extra, '')) || '  ' AS other
    FROM complaints c;

-- view complaint_sla
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
        FROM complaints c;

-- view finishes
CREATE VIEW finishes AS
        SELECT id AS complaint_id, resolved_at, resolved_late, closed_at, NULL AS reopened_at
        FROM complaints WHERE resolved_at IS NOT NULL OR closed_at IS NOT NULL
        UNION ALL
        SELECT complaint_id,
               max(CASE WHEN field = 'resolved_at' THEN old_value END),
               max(CASE WHEN field = 'resolved_late' THEN CAST(old_value AS INTEGER) END),
               max(CASE WHEN field = 'closed_at' THEN old_value END),
               at
        FROM events WHERE action = 'reopened' AND field IN ('resolved_at', 'resolved_late', 'closed_at')
        GROUP BY complaint_id, at;

-- view weekly_summary
CREATE VIEW weekly_summary AS
        WITH facts AS (
            SELECT date(received_at, 'localtime', '-6 days', 'weekday 1') AS week_start, 1 AS received,
                   0 AS responded, 0 AS resolved, 0 AS closed, NULL AS response_late, NULL AS resolution_late
            FROM complaints
            UNION ALL
            SELECT date(first_response_at, 'localtime', '-6 days', 'weekday 1'), 0, 1, 0, 0, responded_late, NULL
            FROM complaints WHERE first_response_at IS NOT NULL
            UNION ALL
            SELECT date(resolved_at, 'localtime', '-6 days', 'weekday 1'), 0, 0, 1, 0, NULL, resolved_late
            FROM finishes WHERE resolved_at IS NOT NULL
            UNION ALL
            SELECT date(closed_at, 'localtime', '-6 days', 'weekday 1'), 0, 0, 0, 1, NULL, NULL
            FROM finishes WHERE closed_at IS NOT NULL
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
        ORDER BY week_start;

-- trigger audit_chain_no_delete
CREATE TRIGGER audit_chain_no_delete BEFORE DELETE ON audit_chain BEGIN SELECT RAISE(ABORT, 'the audit chain''s versions are append-only: DELETE refused'); END;

-- trigger audit_chain_no_update
CREATE TRIGGER audit_chain_no_update BEFORE UPDATE ON audit_chain BEGIN SELECT RAISE(ABORT, 'the audit chain''s versions are append-only: UPDATE refused'); END;

-- trigger complaint_tags_fts_before_delete
CREATE TRIGGER complaint_tags_fts_before_delete BEFORE DELETE ON complaint_tags WHEN NOT EXISTS (SELECT 1 FROM (SELECT last_id FROM search_pending WHERE first_id <= OLD.complaint_id ORDER BY first_id DESC LIMIT 1) WHERE last_id >= OLD.complaint_id) BEGIN DELETE FROM complaints_fts WHERE rowid = OLD.complaint_id; END;

-- trigger complaint_tags_fts_before_insert
CREATE TRIGGER complaint_tags_fts_before_insert BEFORE INSERT ON complaint_tags WHEN NOT EXISTS (SELECT 1 FROM (SELECT last_id FROM search_pending WHERE first_id <= NEW.complaint_id ORDER BY first_id DESC LIMIT 1) WHERE last_id >= NEW.complaint_id) BEGIN DELETE FROM complaints_fts WHERE rowid = NEW.complaint_id; END;

-- trigger complaint_tags_fts_delete
CREATE TRIGGER complaint_tags_fts_delete AFTER DELETE ON complaint_tags WHEN NOT EXISTS (SELECT 1 FROM (SELECT last_id FROM search_pending WHERE first_id <= OLD.complaint_id ORDER BY first_id DESC LIMIT 1) WHERE last_id >= OLD.complaint_id) BEGIN INSERT INTO complaints_fts (rowid, subject, description, resolution, customer, tags, notes, other) SELECT id, subject, description, resolution, customer, tags, notes, other FROM complaint_search_text WHERE id = OLD.complaint_id; END;

-- trigger complaint_tags_fts_insert
CREATE TRIGGER complaint_tags_fts_insert AFTER INSERT ON complaint_tags WHEN NOT EXISTS (SELECT 1 FROM (SELECT last_id FROM search_pending WHERE first_id <= NEW.complaint_id ORDER BY first_id DESC LIMIT 1) WHERE last_id >= NEW.complaint_id) BEGIN INSERT INTO complaints_fts (rowid, subject, description, resolution, customer, tags, notes, other) SELECT id, subject, description, resolution, customer, tags, notes, other FROM complaint_search_text WHERE id = NEW.complaint_id; END;

-- trigger complaints_fts_before_update
CREATE TRIGGER complaints_fts_before_update BEFORE UPDATE OF subject, description, resolution, customer_id, ref, extra ON complaints WHEN NOT EXISTS (SELECT 1 FROM (SELECT last_id FROM search_pending WHERE first_id <= OLD.id ORDER BY first_id DESC LIMIT 1) WHERE last_id >= OLD.id) BEGIN DELETE FROM complaints_fts WHERE rowid = OLD.id; END;

-- trigger complaints_fts_delete
CREATE TRIGGER complaints_fts_delete BEFORE DELETE ON complaints WHEN NOT EXISTS (SELECT 1 FROM (SELECT last_id FROM search_pending WHERE first_id <= OLD.id ORDER BY first_id DESC LIMIT 1) WHERE last_id >= OLD.id) BEGIN DELETE FROM complaints_fts WHERE rowid = OLD.id; END;

-- trigger complaints_fts_insert
CREATE TRIGGER complaints_fts_insert AFTER INSERT ON complaints WHEN NOT EXISTS (SELECT 1 FROM (SELECT last_id FROM search_pending WHERE first_id <= NEW.id ORDER BY first_id DESC LIMIT 1) WHERE last_id >= NEW.id) BEGIN INSERT INTO complaints_fts (rowid, subject, description, resolution, customer, tags, notes, other) SELECT id, subject, description, resolution, customer, tags, notes, other FROM complaint_search_text WHERE id = NEW.id; END;

-- trigger complaints_fts_update
CREATE TRIGGER complaints_fts_update AFTER UPDATE OF subject, description, resolution, customer_id, ref, extra ON complaints WHEN NOT EXISTS (SELECT 1 FROM (SELECT last_id FROM search_pending WHERE first_id <= NEW.id ORDER BY first_id DESC LIMIT 1) WHERE last_id >= NEW.id) BEGIN INSERT INTO complaints_fts (rowid, subject, description, resolution, customer, tags, notes, other) SELECT id, subject, description, resolution, customer, tags, notes, other FROM complaint_search_text WHERE id = NEW.id; END;

-- trigger customers_fts_before_update
CREATE TRIGGER customers_fts_before_update BEFORE UPDATE OF name, company, email, phone ON customers BEGIN DELETE FROM complaints_fts WHERE rowid IN (SELECT c.id FROM complaints c WHERE c.customer_id = OLD.id AND NOT EXISTS (SELECT 1 FROM (SELECT last_id FROM search_pending WHERE first_id <= c.id ORDER BY first_id DESC LIMIT 1) WHERE last_id >= c.id)); END;

-- trigger customers_fts_update
CREATE TRIGGER customers_fts_update AFTER UPDATE OF name, company, email, phone ON customers BEGIN INSERT INTO complaints_fts (rowid, subject, description, resolution, customer, tags, notes, other) SELECT id, subject, description, resolution, customer, tags, notes, other FROM complaint_search_text WHERE id IN (SELECT c.id FROM complaints c WHERE c.customer_id = NEW.id AND NOT EXISTS (SELECT 1 FROM (SELECT last_id FROM search_pending WHERE first_id <= c.id ORDER BY first_id DESC LIMIT 1) WHERE last_id >= c.id)); END;

-- trigger events_fts_before_note
CREATE TRIGGER events_fts_before_note BEFORE INSERT ON events WHEN NEW.complaint_id IS NOT NULL AND NEW.note IS NOT NULL AND NEW.action NOT IN ('logged', 'imported') AND NOT EXISTS (SELECT 1 FROM (SELECT last_id FROM search_pending WHERE first_id <= NEW.complaint_id ORDER BY first_id DESC LIMIT 1) WHERE last_id >= NEW.complaint_id) BEGIN DELETE FROM complaints_fts WHERE rowid = NEW.complaint_id; END;

-- trigger events_fts_note
CREATE TRIGGER events_fts_note AFTER INSERT ON events WHEN NEW.complaint_id IS NOT NULL AND NEW.note IS NOT NULL AND NEW.action NOT IN ('logged', 'imported') AND NOT EXISTS (SELECT 1 FROM (SELECT last_id FROM search_pending WHERE first_id <= NEW.complaint_id ORDER BY first_id DESC LIMIT 1) WHERE last_id >= NEW.complaint_id) BEGIN INSERT INTO complaints_fts (rowid, subject, description, resolution, customer, tags, notes, other) SELECT id, subject, description, resolution, customer, tags, notes, other FROM complaint_search_text WHERE id = NEW.complaint_id; END;

-- trigger events_no_delete
CREATE TRIGGER events_no_delete BEFORE DELETE ON events
        BEGIN SELECT RAISE(ABORT, 'events are append-only: DELETE refused'); END;

-- trigger events_no_replace
CREATE TRIGGER events_no_replace BEFORE INSERT ON events
        WHEN EXISTS (SELECT 1 FROM events WHERE id = NEW.id)
        BEGIN SELECT RAISE(ABORT, 'events are append-only: REPLACE refused'); END;

-- trigger events_no_update
CREATE TRIGGER events_no_update BEFORE UPDATE ON events
        BEGIN SELECT RAISE(ABORT, 'events are append-only: UPDATE refused'); END;

-- trigger reports_no_delete
CREATE TRIGGER reports_no_delete BEFORE DELETE ON reports BEGIN SELECT RAISE(ABORT, 'what a report printed is kept as it was: DELETE refused'); END;

-- trigger reports_no_update
CREATE TRIGGER reports_no_update BEFORE UPDATE ON reports BEGIN SELECT RAISE(ABORT, 'what a report printed is kept as it was: UPDATE refused'); END;
