"""Customers as records of their own: list, show (with their history), edit, merge. Every
change to a customer writes an event on the customer's timeline (events.customer_id)."""

from __future__ import annotations

from datetime import datetime

from complaintctl.core.people import matching as customers
from complaintctl.core.record.dates import now_utc, to_iso
from complaintctl.core.record.events import Change, record_event
from complaintctl.core.record.lifecycle import OPEN_SQL_C, is_open
from complaintctl.errors import InvalidInput, NotFound, Refused
from complaintctl.i18n import L_
from complaintctl.i18n.said import Input, Step, either
from complaintctl.store.db import transaction
from complaintctl.store.engine import Connection, Row
from complaintctl.store.paging import checked_limit, limit_clause

CLEAR_WORDS = {"none", "-", "null"}
LIST_COLUMNS = ["id", "name", "email", "phone", "company", "complaints", "open_complaints", "last_received_at",
                "merged_into", "created_at"]
HISTORY_COLUMNS = ["id", "received_at", "status", "severity", "category", "assignee", "subject"]


def list_customers(conn: Connection, *, text: str | None = None, include_merged: bool = False,
                   limit: int | None = None) -> list[dict]:
    """Customers with their number of complaints (open ones too), the most recently heard from
    first. ``text``: name or company contains it, or the exact email or phone, or #ID."""
    clauses, params = ([] if include_merged else ["cu.merged_into IS NULL"]), []
    if text and text.strip():
        ref = customers.customer_ref(text)
        if ref is not None:
            clauses.append("cu.id = ?")
            params.append(ref)
        else:
            test, values = customers.text_match_sql("cu", text.strip())
            clauses.append(test)
            params += values
    limit = checked_limit(limit)
    if limit and not params:  # the first page of everyone: only the customers on it are counted
        recent = _recently_heard_from(conn, clauses, limit)
        if recent is not None:
            clauses.append(f"cu.id IN ({', '.join('?' * len(recent))})")
            params = recent
    where = ("WHERE " + " AND ".join(clauses)) if clauses else ""
    return [dict(r) for r in conn.execute(
        f"""
        SELECT cu.id, cu.name, cu.email, cu.phone, cu.company, count(c.id) AS complaints,
               coalesce(sum(c.id IS NOT NULL AND {OPEN_SQL_C}), 0) AS open_complaints,
               max(c.received_at) AS last_received_at, cu.merged_into, cu.created_at
        FROM customers cu LEFT JOIN complaints c ON c.customer_id = cu.id
        {where}
        GROUP BY cu.id
        ORDER BY max(c.received_at) IS NULL, max(c.received_at) DESC, cu.id DESC
        {limit_clause(limit)}
        """, params)]


def _recently_heard_from(conn: Connection, clauses: list[str], limit: int) -> list[int] | None:
    """The ids of the ``limit`` customers (kept by ``clauses``) with the newest complaints, and
    any tied with the last of them, found by reading complaints newest first (a few hundred
    index entries, not a count for every customer); None when fewer customers have complaints
    (those without come after them, and the full count orders them)."""
    where = " AND ".join(["c.customer_id IS NOT NULL", *clauses])
    last: dict[int, str] = {}
    cutoff = None
    for received, cid in conn.execute(f"SELECT c.received_at, c.customer_id FROM complaints c "
                                      f"JOIN customers cu ON cu.id = c.customer_id WHERE {where} "
                                      "ORDER BY c.received_at DESC"):
        if cutoff is not None and received < cutoff:
            return list(last)
        last.setdefault(cid, received)
        if cutoff is None and len(last) == limit:
            cutoff = received  # every customer whose newest complaint is as new is on the page
    return list(last) if cutoff is not None else None


def customer_history(conn: Connection, customer_id: int) -> dict:
    """One customer: their details, the records merged into them, their complaints (open ones
    first, then newest first) and their timeline. A merged record shows the customer it was
    merged into."""
    row = customers.get_customer(conn, customer_id)
    cid = row["id"]
    data = {k: row[k] for k in ("id", "name", "email", "phone", "company", "created_at")}
    if cid != customer_id:
        data["merged_from"] = customer_id
    aliases = [dict(r) for r in conn.execute(
        "SELECT id, name, email, phone, company FROM customers WHERE merged_into = ? ORDER BY id", (cid,))]
    ids = [cid] + [a["id"] for a in aliases]
    marks = ", ".join("?" * len(ids))
    data["aliases"] = aliases
    data["complaints"] = [dict(r) for r in conn.execute(
        f"SELECT c.id, c.received_at, c.status, c.severity, c.category, c.assignee, c.subject FROM complaints c "
        f"WHERE c.customer_id = ? ORDER BY {OPEN_SQL_C} DESC, c.received_at DESC, c.id DESC", (cid,))]
    data["open_complaints"] = sum(1 for c in data["complaints"] if is_open(c["status"]))
    data["events"] = [dict(r) for r in conn.execute(
        "SELECT id, at, actor, action, field, old_value, new_value, note, customer_id FROM events "
        f"WHERE customer_id IN ({marks}) ORDER BY id", ids)]
    return data


def _own_record(conn: Connection, customer_id: int) -> Row:
    """A customer record that has not been merged into another (edit and merge change only those)."""
    row = conn.execute("SELECT * FROM customers WHERE id = ?", (customer_id,)).fetchone()
    if row is None:
        raise NotFound(L_("no customer #{id}", id=customer_id), hint=L_("see {step}", step=Step("customers list")))
    if row["merged_into"] is not None:
        target = customers.get_customer(conn, customer_id)["id"]
        raise Refused(f"customer #{customer_id} was merged into #{target}", hint=f"use #{target}")
    return row


def edit_customer(conn: Connection, customer_id: int, values: dict[str, str | None], *, actor: str,
                  now: datetime | None = None) -> tuple[list[Change], list[str]]:
    """Change a customer's name, email, phone or company ('none' clears one), for all their
    complaints; one event each. Returns the changes and warnings (an email or phone another
    customer also has: `customers merge` if they are one person)."""
    at = to_iso(now or now_utc())
    given = {k: v for k, v in values.items() if v is not None}
    if not given:
        raise InvalidInput(L_("nothing to change"), hint=L_("give {inputs}", inputs=either("name", "email", "phone", "company")))
    cleaned = {k: None if v.strip().lower() in CLEAR_WORDS else (v.strip() or None) for k, v in given.items()}
    customers.validate_contact(cleaned.get("email"), cleaned.get("phone"))
    changes, warnings = [], []
    with transaction(conn):
        row = _own_record(conn, customer_id)
        for field, value in cleaned.items():
            if row[field] == value:
                continue
            customers.update_customer_field(conn, customer_id, field, value)
            customers.record_customer_event(conn, customer_id, at=at, actor=actor, action="customer_edited",
                                            field=f"customer.{field}", old_value=row[field], new_value=value)
            changes.append(Change(f"customer.{field}", row[field], value))
            if field in ("email", "phone") and value:
                warnings += _shared_contact(conn, customer_id, field, value)
        if not any((*(row[f] for f in customers.CONTACT_FIELDS if f not in cleaned), *cleaned.values())):
            raise Refused(L_("a customer needs a name, email, phone or company"),
                          hint=L_("a complaint with nobody behind it is logged without {customer}",
                                  customer=Input("customer")))
    return changes, warnings


def _shared_contact(conn: Connection, customer_id: int, field: str, value: str) -> list[str]:
    column = f"{field}_normalized"
    key = customers.normalize_email(value) if field == "email" else customers.normalize_phone(value)
    others = [r[0] for r in conn.execute(
        f"SELECT id FROM customers WHERE {column} = ? AND id <> ? AND merged_into IS NULL ORDER BY id",
        (key, customer_id))]
    return [L_("customer #{id} has the same {field}; if they are one person, {step}", id=o, field=field,
               step=Step("customers merge", customer_id, o)) for o in others]


def merge_customers(conn: Connection, keep_id: int, other_ids: list[int], *, actor: str,
                    note: str | None = None, now: datetime | None = None) -> dict:
    """Records that are the same person, merged into ``keep_id``: their complaints move to it
    (an event each), the details it lacks are filled in from them, and each merged record is
    kept, pointing at it, so its email and phone still find that customer."""
    at = to_iso(now or now_utc())
    others = list(dict.fromkeys(other_ids))
    if not others:
        raise InvalidInput("name the customer(s) to merge into the first", hint="customers merge KEEP OTHER...")
    if keep_id in others:
        raise InvalidInput(f"customer #{keep_id} cannot be merged into itself")
    moved, filled = 0, []
    with transaction(conn):
        keep = _own_record(conn, keep_id)
        for other_id in others:
            other = _own_record(conn, other_id)
            why = f"customer #{other_id} merged into #{keep_id}" + (f": {note}" if note else "")
            for (complaint_id,) in conn.execute("SELECT id FROM complaints WHERE customer_id = ? ORDER BY id",
                                                (other_id,)).fetchall():
                conn.execute("UPDATE complaints SET customer_id = ?, updated_at = ? WHERE id = ?",
                             (keep_id, at, complaint_id))
                record_event(conn, complaint_id, at=at, actor=actor, action="edited", field="customer_id",
                             old_value=other_id, new_value=keep_id, note=why)
                moved += 1
            details = {f: other[f] for f in customers.CONTACT_FIELDS if other[f]}
            filled += customers.fill_customer(conn, keep, details, at=at, actor=actor,
                                              source=f"customer #{other_id}")
            keep = conn.execute("SELECT * FROM customers WHERE id = ?", (keep_id,)).fetchone()
            # one level of merging: records merged into ``other`` earlier now point at ``keep`` too
            conn.execute("UPDATE customers SET merged_into = ? WHERE id = ? OR merged_into = ?",
                         (keep_id, other_id, other_id))
            customers.record_customer_event(conn, other_id, at=at, actor=actor, action="customer_merged",
                                            field="merged_into", new_value=keep_id, note=note)
            customers.record_customer_event(conn, keep_id, at=at, actor=actor, action="customer_merged",
                                            field="alias", new_value=other_id, note=note)
    return {"customer": keep_id, "merged": others, "complaints_moved": moved, "filled": filled}
