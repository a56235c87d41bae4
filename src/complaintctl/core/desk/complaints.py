"""Use cases that change a complaint: each one transaction that writes its events."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from complaintctl.core import notify
from complaintctl.core.desk.closing import OUTCOMES, close, close_row, reopen, reopen_row  # noqa: F401 (the use cases, by one name)
from complaintctl.core.desk.writes import record_reply_outcome, reply_delivery, set_columns, touch
from complaintctl.core.insight.queries import get_complaint_row
from complaintctl.core.insight.suggest.similar import similar_to
from complaintctl.core.people.agents import get_agent
from complaintctl.core.people.filing import change_customer
from complaintctl.core.people.matching import match_or_create_customer, validate_contact
from complaintctl.core.record import lifecycle
from complaintctl.core.record.dates import CLOCK_SKEW, now_utc, to_iso
from complaintctl.core.record.events import Change, record_event
from complaintctl.core.record.fields import check_one_line, check_subject, check_text, normalize_tag
from complaintctl.core.record.ids import next_complaint_id
from complaintctl.core.record.seal import seal_of_complaint
from complaintctl.core.sla.due import refresh_sla
from complaintctl.core.taxonomy import codes as taxonomy
from complaintctl.errors import InvalidInput, Refused
from complaintctl.i18n import L_
from complaintctl.i18n.said import Code, Input, Listed, Step, either
from complaintctl.store.db import transaction
from complaintctl.store.engine import Connection, Row

CLASSIFY_KINDS = ("category", "severity", "cause", "personality", "motive")
CLEAR_WORDS = {"none", "-", "null"}


class NewComplaint:
    """What `log` records. (Plain classes here: dataclass creation costs start-up time.)"""

    def __init__(self, subject: str, *, customer: str | None = None, email: str | None = None,
                 phone: str | None = None, company: str | None = None, channel: str | None = None,
                 description: str | None = None, remedy: str | None = None, received: datetime | None = None,
                 category: str | None = None, severity: str | None = None, ref: str | None = None,
                 tags: list[str] | None = None, new_customer: bool = False):
        self.subject = subject
        self.new_customer = new_customer  # a different person, even if the email or phone is known
        self.customer = customer
        self.email = email
        self.phone = phone
        self.company = company
        self.channel = channel
        self.description = description
        self.remedy = remedy
        self.received = received
        self.category = category
        self.severity = severity
        self.ref = ref
        self.tags = tags or []


class LogResult:
    def __init__(self, id: int, customer_id: int | None, customer_created: bool, warnings: list[str] | None = None,
                 similar: list[dict] | None = None):
        self.id = id
        self.customer_id = customer_id
        self.customer_created = customer_created
        self.warnings = warnings or []
        self.similar = similar or []  # complaints with the same or near-same text, any customer


def _check_received(received: datetime | None, now: datetime) -> datetime:
    if received is None:
        return now
    if received - now > CLOCK_SKEW:
        raise InvalidInput(L_("received time {at} is in the future", at=to_iso(received)))
    return received


def similar(a: str, b: str) -> bool:
    from difflib import SequenceMatcher

    a, b = a.lower().strip(), b.lower().strip()
    if not a or not b:
        return False
    if a in b or b in a:
        return True
    if SequenceMatcher(None, a, b).ratio() >= 0.6:
        return True
    # Chinese subjects share words without sharing spacing: compare character pairs.
    pairs_a = {a[i:i + 2] for i in range(len(a) - 1)} - {"  "}
    pairs_b = {b[i:i + 2] for i in range(len(b) - 1)} - {"  "}
    shorter = min(len(pairs_a), len(pairs_b))
    return shorter >= 2 and len(pairs_a & pairs_b) / shorter >= 0.5


def check_ref_free(conn: Connection, ref: str | None) -> None:
    """A reference names one complaint: refused when another has it."""
    clash = conn.execute("SELECT id FROM complaints WHERE ref = ?", (ref,)).fetchone() if ref is not None else None
    if clash:
        raise Refused(L_("reference {ref!r} is already complaint #{id}", ref=ref, id=clash[0]),
                      hint=L_("see {step}", step=Step("show", clash[0])))


def log_complaint(conn: Connection, new: NewComplaint, *, actor: str,
                  now: datetime | None = None, find_similar: bool = False) -> LogResult:
    """Record a new complaint (and its customer); return its id and any warnings, and with
    ``find_similar`` the complaints of any customer with the same or near-same text."""
    now = now or now_utc()
    at = to_iso(now)
    subject = check_subject(new.subject)
    description = check_text(new.description, "description")
    received = _check_received(new.received, now)
    validate_contact(new.email, new.phone)
    tags = sorted({normalize_tag(t) for t in new.tags if t and t.strip()})
    ref = check_one_line(new.ref, "ref")
    warnings: list[str] = []
    with transaction(conn):
        codes = {kind: taxonomy.validate_code(conn, kind, getattr(new, kind))
                 for kind in ("channel", "remedy", "category", "severity")}
        check_ref_free(conn, ref)
        complaint_id = next_complaint_id(conn)
        conn.execute(
            """
            INSERT INTO complaints (id, ref, received_at, channel, subject, description,
                remedy, category, severity, status, created_at, updated_at, created_by)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'new', ?, ?, ?)
            """,
            (complaint_id, ref, to_iso(received), codes["channel"], subject, description,
             codes["remedy"], codes["category"], codes["severity"], at, at, actor),
        )
        # matched after the row exists, so that the customer's events name this complaint
        customer_id, created = match_or_create_customer(
            conn, name=new.customer, email=new.email, phone=new.phone, company=new.company,
            at=at, actor=actor, complaint_id=complaint_id, new_customer=new.new_customer, strict=True,
        )
        if customer_id is not None:
            conn.execute("UPDATE complaints SET customer_id = ? WHERE id = ?", (customer_id, complaint_id))
        if customer_id is not None and not created:
            warnings += _similar_open(conn, customer_id, complaint_id, subject)
        conn.executemany("INSERT INTO complaint_tags (complaint_id, tag) VALUES (?, ?)",
                         [(complaint_id, t) for t in tags])
        note = "new customer" if created else ("known customer" if customer_id else "anonymous")
        record_event(conn, complaint_id, at=at, actor=actor, action="logged",
                     field="status", new_value="new", note=note, digest=seal_of_complaint(conn, complaint_id))
        refresh_sla(conn, complaint_id, now)
        notify.on_logged(conn, complaint_id, at, actor)  # queued with the complaint, sent after the commit
    similar = similar_to(conn, complaint_id) if find_similar else []
    return LogResult(complaint_id, customer_id, created, warnings, similar)


def _similar_open(conn: Connection, customer_id: int, complaint_id: int, subject: str) -> list[str]:
    """Warnings for the customer's open complaints whose subject is like this one's."""
    return [L_("this customer already has open complaint #{id} with a similar subject: {subject!r}", id=other["id"],
               subject=other["subject"])
            for other in conn.execute(
                f"SELECT id, subject FROM complaints WHERE customer_id = ? AND id <> ? AND {lifecycle.OPEN_SQL} "
                "ORDER BY id", (customer_id, complaint_id))
            if similar(other["subject"], subject)]


def classify(conn: Connection, complaint_id: int, *, codes: dict[str, str | None],
             add_tags: Sequence[str] = (), remove_tags: Sequence[str] = (), actor: str,
             now: datetime | None = None, notes: dict[str, str] | None = None) -> list[Change]:
    """Set classification codes ("none" clears one) and tags; one event per change. ``notes``: a
    field's note for its event (an accepted suggestion says who suggested it, with what confidence)."""
    now = now or now_utc()
    at = to_iso(now)
    given = {k: v for k, v in codes.items() if v is not None}
    unknown = set(given) - set(CLASSIFY_KINDS)
    if unknown:
        raise InvalidInput(L_("cannot classify by {fields}", fields=Listed(sorted(unknown))))
    if not given and not add_tags and not remove_tags:
        raise InvalidInput(
            L_("nothing to classify"),
            hint=L_("give {inputs}", inputs=either("category", "severity", "cause", "personality", "motive", "tag",
                                                   "untag")),
        )
    add = [normalize_tag(t) for t in add_tags]
    remove = [normalize_tag(t) for t in remove_tags]
    changes: list[Change] = []
    with transaction(conn):
        row = get_complaint_row(conn, complaint_id)
        for kind, value in given.items():
            code = None if value.strip().lower() in CLEAR_WORDS else taxonomy.validate_code(conn, kind, value)
            if row[kind] == code:
                continue
            conn.execute(f"UPDATE complaints SET {kind} = ? WHERE id = ?", (code, complaint_id))
            record_event(conn, complaint_id, at=at, actor=actor, action="classified",
                         field=kind, old_value=row[kind], new_value=code, note=(notes or {}).get(kind))
            changes.append(Change(kind, row[kind], code))
        current = {r[0] for r in conn.execute(
            "SELECT tag FROM complaint_tags WHERE complaint_id = ?", (complaint_id,))}
        for tag in dict.fromkeys(add):
            if tag not in current:
                conn.execute("INSERT INTO complaint_tags (complaint_id, tag) VALUES (?, ?)",
                             (complaint_id, tag))
                record_event(conn, complaint_id, at=at, actor=actor, action="tagged",
                             field="tag", new_value=tag)
                changes.append(Change("tag", None, tag))
                current.add(tag)
        for tag in dict.fromkeys(remove):
            if tag in current:
                conn.execute("DELETE FROM complaint_tags WHERE complaint_id = ? AND tag = ?",
                             (complaint_id, tag))
                record_event(conn, complaint_id, at=at, actor=actor, action="untagged",
                             field="tag", old_value=tag)
                changes.append(Change("tag", tag, None))
                current.discard(tag)
        if changes:
            touch(conn, complaint_id, at)
            if any(c.field == "severity" for c in changes):
                refresh_sla(conn, complaint_id, now)
    return changes


def assign(conn: Connection, complaint_id: int, agent: str | None, *, actor: str,
           now: datetime | None = None, note: str | None = None) -> Change | None:
    """Assign to an active agent, or unassign with ``agent=None``."""
    at = to_iso(now or now_utc())
    with transaction(conn):
        row = get_complaint_row(conn, complaint_id)
        if row["status"] == "closed":
            raise Refused(L_("complaint #{id} is closed", id=complaint_id),
                          hint=L_("reopen it first with {step}", step=Step("reopen", L_("ID"), reason=L_("TEXT"))))
        name = None
        if agent is not None:
            found = get_agent(conn, agent)
            if not found["active"]:
                raise Refused(L_("agent {name!r} is inactive", name=found["name"]),
                              hint=L_("reactivate with {step}", step=Step("agents add", L_("NAME"))))
            name = found["name"]
        if row["assignee"] == name:
            return None
        conn.execute("UPDATE complaints SET assignee = ?, updated_at = ? WHERE id = ?",
                     (name, at, complaint_id))
        record_event(conn, complaint_id, at=at, actor=actor,
                     action="assigned" if name else "unassigned",
                     field="assignee", old_value=row["assignee"], new_value=name, note=note)
        return Change("assignee", row["assignee"], name)


EDITABLE_FIELDS = ("subject", "description", "received_at")


def update(conn: Connection, complaint_id: int, *, status: str | None = None,
           note: str | None = None, edits: dict[str, object] | None = None,
           customer_edits: dict[str, str | None] | None = None, new_customer: bool = False, actor: str,
           now: datetime | None = None, to_customer: bool = False, template: str | None = None,
           send_reply: bool = False) -> list[Change]:
    """Move through the lifecycle, add a note, edit fields; one event per change. With
    ``send_reply`` the note is a reply (from ``template``) queued to the customer's e-mail when
    e-mail is set up; with ``to_customer`` the customer was told another way. Either way told, it
    is their first response and acknowledges a new complaint; a reply that cannot go is recorded,
    not sent, and is neither."""
    now = now or now_utc()
    at = to_iso(now)
    edits = {k: v for k, v in (edits or {}).items() if v is not None}
    customer_edits = {k: v for k, v in (customer_edits or {}).items() if v is not None}
    note = check_text(note, "note")
    if (to_customer or send_reply) and note is None:
        raise InvalidInput(L_("a reply needs its text"), hint=L_("{note} TEXT, {reply} NAME or {editor}", note=Input("note"),
                                                                 reply=Input("reply"), editor=Input("editor")))
    if status is None and note is None and not edits and not customer_edits:
        raise InvalidInput(L_("nothing to update"),
                           hint=L_("give {status}, {note} or a field such as {subject}", status=Input("status"),
                                   note=Input("note"), subject=Input("subject")))
    status = _checked_status(conn, status)
    edits = _checked_edits(edits, now)
    validate_contact(customer_edits.get("email"), customer_edits.get("phone"))
    changes: list[Change] = []
    # on PostgreSQL, writers of other complaints go on meanwhile (a customer's record is shared: then not)
    with transaction(conn, complaint=None if customer_edits else complaint_id):
        row = get_complaint_row(conn, complaint_id)
        delivery = reply_delivery(conn, complaint_id, note or "", template, at) if send_reply else {}
        told = to_customer or delivery.get("outbox_id") is not None
        if told and status is None and row["status"] == "new":
            status = "acknowledged"  # the customer has heard from us
        if status is not None:
            changes.append(_move(conn, row, status, at=at, actor=actor, note=None if told or send_reply else note))
        if told or send_reply:
            changes += record_reply_outcome(conn, complaint_id, note or "", template=template, delivery=delivery, told=told,
                                            at=at, actor=actor)
        elif status is None and note is not None:
            record_event(conn, complaint_id, at=at, actor=actor, action="note", note=note)
            changes.append(Change("note", None, note))
        changes += _edit_fields(conn, row, edits, at=at, actor=actor)
        if customer_edits:
            changes += change_customer(conn, row, customer_edits, new_customer=new_customer, at=at, actor=actor)
        if changes:
            touch(conn, complaint_id, at)
            if status is not None or "received_at" in edits or told:
                # a corrected received time judges the stopped clocks again; nothing else does
                refresh_sla(conn, complaint_id, now, correction="received_at" in edits)
    return changes


def _checked_status(conn: Connection, status: str | None) -> str | None:
    if status is None:
        return None
    status = taxonomy.validate_code(conn, "status", status)  # 已解决, Resolved, a taught alias
    if status not in lifecycle.STATUSES:
        raise InvalidInput(L_("unknown status {status!r}", status=status),
                           hint=L_("valid: {codes}", codes=Listed(Code("status", s) for s in lifecycle.STATUSES)))
    return status


def _checked_edits(edits: dict, now: datetime) -> dict:
    """Typed field edits checked as `log` checks them; unknown fields refused."""
    for name in edits:
        if name not in EDITABLE_FIELDS:
            raise InvalidInput(L_("cannot edit {field}", field=name))
    if "subject" in edits:
        edits["subject"] = check_subject(edits["subject"])
    if "description" in edits:
        edits["description"] = check_text(edits["description"], "description")
    if "received_at" in edits:
        edits["received_at"] = to_iso(_check_received(edits["received_at"], now))
    return edits


def _move(conn: Connection, row: Row, status: str, *, at: str, actor: str,
          note: str | None) -> Change:
    """One legal move of the lifecycle, with the times it sets and its event."""
    lifecycle.check_move(row["status"], status)
    sets: dict[str, str | None] = {"status": status}
    if row["first_response_at"] is None and row["status"] == "new":
        sets["first_response_at"] = at
    if status == "resolved":
        sets["resolved_at"] = at
    elif row["status"] == "resolved":
        sets["resolved_at"] = None
    set_columns(conn, row["id"], sets)
    record_event(conn, row["id"], at=at, actor=actor, action="status_changed", field="status",
                 old_value=row["status"], new_value=status, note=note)
    return Change("status", row["status"], status)


def _edit_fields(conn: Connection, row: Row, edits: dict, *, at: str, actor: str) -> list[Change]:
    changes = []
    for name, value in edits.items():
        if row[name] == value:
            continue
        set_columns(conn, row["id"], {name: value})
        record_event(conn, row["id"], at=at, actor=actor, action="edited", field=name,
                     old_value=row[name], new_value=value)
        changes.append(Change(name, row[name], value))
    return changes
