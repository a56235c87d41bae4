"""--update: a complaint already in the database compared with a newer row of the file, and what
differs written (columns, tags, raw labels), each change an `imported` event, its SLA clocks
refreshed. The writer (writer.py) decides which rows are updates."""

from __future__ import annotations

from typing import Any, Protocol

from complaintctl.core.intake.cells import RowError
from complaintctl.core.intake.customer_cache import with_name_as_given
from complaintctl.core.record.lifecycle import is_open
from complaintctl.i18n import L_
from complaintctl.store.engine import Connection, Row


class Writer(Protocol):
    """What an update needs of the import's writer (writer.Writer): its connection, who and when,
    the note naming a line, and its customer and agent caches."""

    conn: Connection
    at: str
    actor: str
    name_differs: Any
    renamed: list

    def note(self, line: int) -> str: ...
    def flush_customers(self) -> None: ...
    def customer_id(self, person: tuple) -> int | None: ...
    def agent(self, name: str | None, line: int, written: str | None = None) -> str | None: ...

# Fields compared and written when a matched complaint is updated (--update).
UPDATABLE = ("received_at", "channel", "subject", "description", "remedy", "category", "severity",
             "cause", "personality", "motive", "status", "assignee", "resolution", "outcome",
             "closed_at", "first_response_at", "resolved_at", "told_via", "customer_accepted",
             "duplicate_of", "reopened_count", "extra", "customer_id")


def update_complaint(writer: Writer, existing: Row, base: dict, person: tuple | None, assignee: str | None,
                     tags: tuple | list, line: int, raw: tuple | None = None) -> bool:
    """--update: ``existing`` compared with a newer row of the file and what differs written, each
    change an imported event; False when the row is not newer or changes nothing."""
    updated_at = base.get("source_updated_at")
    if updated_at is not None and existing["source_updated_at"] and updated_at <= existing["source_updated_at"]:
        return False  # the file's row is not newer than what we have
    dup = base.get("duplicate_of")
    if dup is not None and not writer.conn.execute("SELECT 1 FROM complaints WHERE id = ?", (dup,)).fetchone():
        raise RowError(L_("duplicate_of #{id} does not exist", id=dup))
    values = _values(writer, base, person, assignee, line)
    writer.flush_customers()  # a row now naming another customer: written before it is pointed to
    for name, label in raw or ():
        writer.conn.execute("INSERT INTO raw_labels (complaint_id, field, label) VALUES (?, ?, ?) "
                          "ON CONFLICT (complaint_id, field) DO UPDATE SET label = excluded.label",
                          (existing["id"], name, label))
    if "reopened_count" not in base:  # the file does not count reopenings: we do (lifecycle.py)
        reopened = not is_open(existing["status"]) and is_open(values["status"] or "new")
        values["reopened_count"] = existing["reopened_count"] + int(reopened)
    changes = {k: v for k, v in values.items() if existing[k] != v}
    new_tags = set(tags)
    cid = existing["id"]
    current = {r[0] for r in writer.conn.execute(
        "SELECT tag FROM complaint_tags WHERE complaint_id = ?", (cid,))}
    if not changes and new_tags == current:
        return False
    from complaintctl.core.record.events import record_event

    if changes:
        sets = ", ".join(f"{k} = ?" for k in changes)
        writer.conn.execute(
            f"UPDATE complaints SET {sets}, updated_at = ?, source_updated_at = ? WHERE id = ?",
            [*changes.values(), writer.at, updated_at or existing["source_updated_at"], cid])
    for name, new in changes.items():
        record_event(writer.conn, cid, at=writer.at, actor=writer.actor, action="imported", field=name,
                     old_value=existing[name], new_value=new, note=writer.note(line))
    for tag in sorted(new_tags - current):
        writer.conn.execute("INSERT INTO complaint_tags (complaint_id, tag) VALUES (?, ?)", (cid, tag))
        record_event(writer.conn, cid, at=writer.at, actor=writer.actor, action="imported", field="tag",
                     new_value=tag, note=writer.note(line))
    for tag in sorted(current - new_tags):
        writer.conn.execute("DELETE FROM complaint_tags WHERE complaint_id = ? AND tag = ?", (cid, tag))
        record_event(writer.conn, cid, at=writer.at, actor=writer.actor, action="imported", field="tag",
                     old_value=tag, note=writer.note(line))
    if changes:
        from complaintctl.core.record.dates import from_iso
        from complaintctl.core.sla.due import refresh_sla

        refresh_sla(writer.conn, cid, from_iso(writer.at))
    return True


def _values(writer: Writer, base: dict, person: tuple | None, assignee: str | None, line: int) -> dict[str, Any]:
    """Every updatable column, NULL where the row has nothing (what `--update` compares)."""
    record = dict(base)
    if person is not None:
        record["customer_id"] = writer.customer_id(person)
        if writer.name_differs is not None:
            record["extra"] = with_name_as_given(record.get("extra"), person[1])
            writer.renamed.append((line, person[1], record["customer_id"], writer.name_differs))
            writer.name_differs = None
    if assignee is not None:
        writer.agent(assignee, line)
    values = {k: record.get(k) for k in UPDATABLE}
    values["reopened_count"] = record.get("reopened_count", 0)
    return values
