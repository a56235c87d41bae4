"""Migration 018: search external content. Released: never edit; a change is a new migration."""

from __future__ import annotations

from complaintctl.store.engine import Connection
from complaintctl.store.migrations.m013_search_index import SEARCH_COLUMNS_13, SEARCH_TRIGGERS_13

SEARCH_COLUMNS_18 = SEARCH_COLUMNS_13
# What search looks in, one row per complaint. Tags in tag order and notes in event order: the
# index removes a complaint's old words by reading this row again, so it must read the same
# text until something it is built from changes (and a trigger below says so). The columns an
# import kept are the extra JSON as written (FTS5 reads its content without table-valued
# functions, so json_each cannot spell them out as lines here).
SEARCH_VIEW_18 = """CREATE VIEW complaint_search_text AS
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
    FROM complaints c"""

_COLUMNS = ", ".join(SEARCH_COLUMNS_18)


def _not_pending(column: str) -> str:
    """A trigger's condition: the complaint is in no range of search_pending (ranges do not
    overlap: the one starting last at or before it is the only one that can hold it, found by
    the primary key however many there are)."""
    return (f"NOT EXISTS (SELECT 1 FROM (SELECT last_id FROM search_pending WHERE first_id <= {column} "
            f"ORDER BY first_id DESC LIMIT 1) WHERE last_id >= {column})")


def _drop(complaint: str) -> str:
    """Remove a complaint's words: FTS5 reads them from the view, as they still are."""
    return f"DELETE FROM complaints_fts WHERE rowid = {complaint};"


def _add(where: str) -> str:
    return f"INSERT INTO complaints_fts (rowid, {_COLUMNS}) SELECT id, {_COLUMNS} FROM complaint_search_text WHERE {where};"


_CUSTOMERS_COMPLAINTS = "SELECT c.id FROM complaints c WHERE c.customer_id = {who} AND " + _not_pending("c.id")
# The index changes with what it is built from: words out before a change (BEFORE, while the
# view still reads the old text), words in after it (AFTER). Each skips the complaints in
# search_pending.
SEARCH_TRIGGERS_18 = {
    "complaints_fts_insert": f"AFTER INSERT ON complaints WHEN {_not_pending('NEW.id')} BEGIN {_add('id = NEW.id')} END",
    "complaints_fts_before_update": (
        "BEFORE UPDATE OF subject, description, resolution, customer_id, ref, extra ON complaints "
        f"WHEN {_not_pending('OLD.id')} BEGIN {_drop('OLD.id')} END"),
    "complaints_fts_update": (
        "AFTER UPDATE OF subject, description, resolution, customer_id, ref, extra ON complaints "
        f"WHEN {_not_pending('NEW.id')} BEGIN {_add('id = NEW.id')} END"),
    "complaints_fts_delete": f"BEFORE DELETE ON complaints WHEN {_not_pending('OLD.id')} BEGIN {_drop('OLD.id')} END",
    "complaint_tags_fts_before_insert": (
        f"BEFORE INSERT ON complaint_tags WHEN {_not_pending('NEW.complaint_id')} "
        f"BEGIN {_drop('NEW.complaint_id')} END"),
    "complaint_tags_fts_insert": (
        f"AFTER INSERT ON complaint_tags WHEN {_not_pending('NEW.complaint_id')} "
        f"BEGIN {_add('id = NEW.complaint_id')} END"),
    "complaint_tags_fts_before_delete": (
        f"BEFORE DELETE ON complaint_tags WHEN {_not_pending('OLD.complaint_id')} "
        f"BEGIN {_drop('OLD.complaint_id')} END"),
    "complaint_tags_fts_delete": (
        f"AFTER DELETE ON complaint_tags WHEN {_not_pending('OLD.complaint_id')} "
        f"BEGIN {_add('id = OLD.complaint_id')} END"),
    "events_fts_before_note": (
        "BEFORE INSERT ON events WHEN NEW.complaint_id IS NOT NULL AND NEW.note IS NOT NULL "
        f"AND NEW.action NOT IN ('logged', 'imported') AND {_not_pending('NEW.complaint_id')} "
        f"BEGIN {_drop('NEW.complaint_id')} END"),
    "events_fts_note": (
        "AFTER INSERT ON events WHEN NEW.complaint_id IS NOT NULL AND NEW.note IS NOT NULL "
        f"AND NEW.action NOT IN ('logged', 'imported') AND {_not_pending('NEW.complaint_id')} "
        f"BEGIN {_add('id = NEW.complaint_id')} END"),
    "customers_fts_before_update": (
        "BEFORE UPDATE OF name, company, email, phone ON customers BEGIN "
        f"DELETE FROM complaints_fts WHERE rowid IN ({_CUSTOMERS_COMPLAINTS.format(who='OLD.id')}); END"),
    "customers_fts_update": (
        "AFTER UPDATE OF name, company, email, phone ON customers BEGIN "
        f"{_add('id IN (' + _CUSTOMERS_COMPLAINTS.format(who='NEW.id') + ')')} END"),
}


def apply(conn: Connection) -> None:
    """The search index stops keeping a second copy of the text it indexes (FTS5 external
    content): it reads complaint_search_text, a view of the complaints, when it needs the text
    (to show where a word was found, to remove a complaint's old words). Words go out before a
    change and in after it. A writer that adds many complaints at once (an import) names them
    in search_pending for the length of its transaction, writes their rows, tags and notes, then
    indexes each once and empties search_pending before it commits: nobody else ever sees a row
    there. On a million-complaint file the index is rebuilt once, in a few minutes."""
    for name in SEARCH_TRIGGERS_13:
        conn.execute(f"DROP TRIGGER IF EXISTS {name}")
    conn.execute("DROP TABLE complaints_fts")
    conn.execute("CREATE TABLE search_pending (first_id INTEGER PRIMARY KEY, last_id INTEGER NOT NULL, "
                 "CHECK (first_id <= last_id)) STRICT")
    conn.execute(SEARCH_VIEW_18)
    conn.execute(f"CREATE VIRTUAL TABLE complaints_fts USING fts5({_COLUMNS}, content = 'complaint_search_text', "
                 "content_rowid = 'id', tokenize = 'trigram')")
    conn.execute("INSERT INTO complaints_fts (complaints_fts, rank) VALUES ('automerge', 0)")
    conn.execute("INSERT INTO complaints_fts (complaints_fts) VALUES ('rebuild')")
    conn.execute("INSERT INTO complaints_fts (complaints_fts) VALUES ('optimize')")
    conn.execute("INSERT INTO complaints_fts (complaints_fts, rank) VALUES ('automerge', 4)")
    for name, body in SEARCH_TRIGGERS_18.items():
        conn.execute(f"CREATE TRIGGER {name} {body}")
