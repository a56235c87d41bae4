"""Migration 012: labels. Released: never edit; a change is a new migration."""

from __future__ import annotations

from complaintctl.store.engine import Connection


def apply(conn: Connection) -> None:
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

