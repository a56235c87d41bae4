"""Which customer a complaint belongs to: `update --customer/--email/--phone/--company` on
one complaint, which never changes another complaint."""

from __future__ import annotations

from complaintctl.core.people import matching as customers
from complaintctl.core.record.events import Change, record_event
from complaintctl.errors import Refused
from complaintctl.i18n import L_
from complaintctl.i18n.said import Input, Step
from complaintctl.store.engine import Connection, Row

# the input that gives each contact detail _add_contact fills in
CONTACT_INPUTS = {"email": Input("email"), "phone": Input("phone"), "company": Input("company")}


def _customer_text(conn: Connection, customer_id: int | None) -> str | None:
    if customer_id is None:
        return None
    name = conn.execute("SELECT name FROM customers WHERE id = ?", (customer_id,)).fetchone()[0]
    return f"#{customer_id} {name}" if name else f"#{customer_id}"


def change_customer(conn: Connection, row: Row, contact: dict, *, new_customer: bool,
                     at: str, actor: str) -> list[Change]:
    """`update --customer/--email/--phone/--company` on one complaint. A name (or #ID) says who
    the customer is: the complaint is re-pointed to that customer, matched or created as `log`
    does; other complaints are never changed. Contact details alone are added to this
    complaint's customer where it has none; a different value is refused (it would change
    every complaint of that customer: `customers edit` does that)."""
    details = customers.clean_details(*(contact.get(f) for f in customers.CONTACT_FIELDS))
    current = row["customer_id"]
    if not details:
        return []
    before = customers.get_customer(conn, current) if current is not None else None
    if (before is not None and not new_customer and set(details) <= {"name", "company"}
            and customers.same_name(before["name"], details.get("name"))):
        details.pop("name", None)  # this complaint's customer, named again (with a company, maybe)
    if "name" in details or current is None or new_customer:
        target, created = customers.match_or_create_customer(
            conn, **{f: details.get(f) for f in customers.CONTACT_FIELDS}, at=at, actor=actor,
            complaint_id=row["id"], new_customer=new_customer, strict=True)
        changes = _filled(before, customers.get_customer(conn, target)) if target is not None and target == current else []
        if target != current:
            conn.execute("UPDATE complaints SET customer_id = ? WHERE id = ?", (target, row["id"]))
            record_event(conn, row["id"], at=at, actor=actor, action="edited", field="customer_id",
                         old_value=current, new_value=target, note="new customer" if created else "known customer")
            changes.append(Change("customer", _customer_text(conn, current),
                                  f"{_customer_text(conn, target)}{' (new customer)' if created else ''}"))
        return changes
    return _add_contact(conn, row["id"], customers.get_customer(conn, current), details, at=at, actor=actor)


def _filled(before: Row | None, after: Row) -> list[Change]:
    if before is None:
        return []
    return [Change(f"customer.{f}", before[f], after[f]) for f in customers.CONTACT_FIELDS if before[f] != after[f]]


def _add_contact(conn: Connection, complaint_id: int, customer: Row, details: dict, *,
                 at: str, actor: str) -> list[Change]:
    """Contact details this complaint's customer lacks, filled in; one it has with another
    value, or one that is another customer's, refused with the way to do it."""
    cid = customer["id"]
    for field, value in details.items():
        normalize = {"email": customers.normalize_email, "phone": customers.normalize_phone}.get(field)
        stored = customer[f"{field}_normalized"] if normalize else customer[field]
        if stored is not None and stored != (normalize(value) if normalize else value):
            raise Refused(L_("customer #{id} already has {field} {value}", id=cid, field=field, value=customer[field]),
                          hint=L_("{edit} with {option} changes it for all their complaints; {update} with {option} "
                                  "files this complaint under another person", edit=Step("customers edit", cid),
                                  update=Step("update", complaint_id, customer=L_("NAME")), option=CONTACT_INPUTS[field]))
        other = normalize and stored is None and customers.find_customer(
            conn, value if field == "email" else None, value if field == "phone" else None)
        if other and other["id"] != cid:
            raise Refused(L_("{field} {value} belongs to customer #{id} {name}", field=field, value=value, id=other["id"],
                             name=other["name"] or "") if other["name"] else
                          L_("{field} {value} belongs to customer #{id}", field=field, value=value, id=other["id"]),
                          hint=L_("to file this complaint under them, give {customer} '#{id}'; if they are one person, "
                                  "{step}", customer=Input("customer"), id=other["id"],
                                  step=Step("customers merge", cid, other["id"])))
    customers.fill_customer(conn, customer, details, at=at, actor=actor, complaint_id=complaint_id)
    return _filled(customer, customers.get_customer(conn, cid))
