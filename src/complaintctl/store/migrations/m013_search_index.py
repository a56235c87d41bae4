"""Migration 013: search index. Released: never edit; a change is a new migration."""

from __future__ import annotations

from complaintctl.store.engine import Connection

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


def apply(conn: Connection) -> None:
    """A full-text index of every complaint (FTS5, trigram tokenizer: Chinese is found without
    word segmentation), filled from what is there and kept in step by triggers. On a
    million-complaint file this migration takes a few minutes, once."""
    conn.execute(f"CREATE VIRTUAL TABLE complaints_fts USING fts5({', '.join(SEARCH_COLUMNS_13)}, "
                 "tokenize = 'trigram')")
    conn.execute(_SEARCH_INSERT_13)
    conn.execute("INSERT INTO complaints_fts (complaints_fts) VALUES ('optimize')")
    for name, body in SEARCH_TRIGGERS_13.items():
        conn.execute(f"CREATE TRIGGER {name} {body}")

