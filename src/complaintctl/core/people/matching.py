"""Customers, matched on normalised email or phone so repeat complainers are visible."""

from __future__ import annotations

import functools
import re

from complaintctl.core.record.ids import next_customer_id
from complaintctl.core.record.limits import EMAIL_PATTERN
from complaintctl.errors import InvalidInput, NotFound, Refused
from complaintctl.i18n import L_
from complaintctl.i18n.said import Input, Step
from complaintctl.store.engine import Connection, Row

_NON_DIGIT = r"\D"
_PHONE_SEPARATORS = r"\s*(?:[/;；,，、|]|或|\bor\b)\s*"  # between two numbers in one cell


_MAILBOX = r"^\s*(?:\"?([^\"<>]*?)\"?\s*)<\s*([^<>\s]+)\s*>\s*$"  # 王芳 <wf@example.cn>
_ADDRESS_SEPARATORS = r"[;,，；\s]+"


def split_mailbox(text: str) -> tuple[str, str | None, list[str]]:
    """(address, display name, other addresses) from an email cell as mail systems export it:
    '王芳 <WF@Example.cn>', 'mailto:wf@example.cn', 'a@x.cn; b@y.cn' (the first is the
    customer's address; the others are returned to be kept)."""
    text = text.strip()
    if text[:7].lower() == "mailto:":
        text = text[7:].strip()
    m = re.match(_MAILBOX, text)
    if m:
        return m.group(2), (m.group(1).strip() or None), []
    parts = [p for p in re.split(_ADDRESS_SEPARATORS, text) if p]
    addresses = [p[7:] if p[:7].lower() == "mailto:" else p for p in parts]
    if len(addresses) > 1 and all("@" in a for a in addresses):
        return addresses[0], None, addresses[1:]
    return text, None, []


def normalize_email(email: str | None) -> str | None:
    if not email or not email.strip():
        return None
    return email.strip().lower()


@functools.cache
def _non_digit() -> re.Pattern:
    return re.compile(_NON_DIGIT)  # compiled on first use, not at import


@functools.cache
def _plain_phone() -> re.Pattern:
    # digits with the usual punctuation only: none of the repairs below can apply
    return re.compile(r"\+?[\d \-()]+")


# What spreadsheets do to phone numbers: 1.38001E+10 (digits lost for good), 13800138000.0
# (a number column written as floats), and an extension after the number.
_SCIENTIFIC = r"^[+-]?\d(?:[.,]\d+)?[eE][+-]?\d+$"
_FLOAT_TAIL = r"^(\+?\d+)\.0+$"
_EXTENSION = r"\s*(?:转|分机|ext\.?|x|#)\s*\d+$"


def looks_scientific(phone: str) -> bool:
    """True for a phone number a spreadsheet turned into 1.38001E+10."""
    return ("e" in phone or "E" in phone) and bool(re.match(_SCIENTIFIC, phone.strip()))


def normalize_phone(phone: str | None) -> str | None:
    """Digits only, Chinese country code dropped: '+86 138-0013-8000' -> '13800138000'.
    A float tail ('13800138000.0') and an extension ('... 转 123', 'ext 5') are dropped;
    a number in scientific notation has lost its digits and matches nothing (None)."""
    if not phone or not phone.strip():
        return None
    text = phone.strip()
    if not text.isdigit() and not _plain_phone().fullmatch(text):
        if looks_scientific(text):
            return None
        if re.search(_PHONE_SEPARATORS, text):  # '13800138000/13900139000': the first one matches
            text = next((p for p in re.split(_PHONE_SEPARATORS, text) if len(_non_digit().sub("", p)) >= 3), text)
        tail = re.match(_FLOAT_TAIL, text)
        text = tail.group(1) if tail else re.sub(_EXTENSION, "", text, flags=re.IGNORECASE)
    digits = text if text.isdigit() else _non_digit().sub("", text)
    if not digits:
        return None
    if text.startswith("+86") or (digits.startswith("0086") and len(digits) > 10):
        digits = digits[2:] if text.startswith("+") else digits[4:]
    elif digits.startswith("86") and len(digits) == 13 and digits[2] == "1":
        digits = digits[2:]  # 86 + an 11-digit mobile number
    elif text.startswith("00"):
        digits = digits[2:]
    return digits


def validate_contact(email: str | None, phone: str | None) -> None:
    if email and email.strip() and not re.match(EMAIL_PATTERN, email.strip()):
        raise InvalidInput(f"invalid email {email!r}", hint="e.g. name@example.com")
    if phone and phone.strip():
        if looks_scientific(phone):
            raise InvalidInput(f"invalid phone {phone!r}: a spreadsheet wrote it in scientific notation "
                               "and its digits are lost", hint="format the column as text and export again")
        digits = normalize_phone(phone) or ""  # the first number of '13800138000/13900139000'
        if len(digits) < 3 or len(digits) > 20:
            raise InvalidInput(f"invalid phone {phone!r}", hint="e.g. +86 138 0013 8000")


CONTACT_FIELDS = ("name", "email", "phone", "company")


def same_name(a: str | None, b: str | None) -> bool:
    """'Li  Lei' is 'li lei': names compared without case and extra spaces."""
    return " ".join((a or "").split()).casefold() == " ".join((b or "").split()).casefold()


def customer_ref(text: str | None) -> int | None:
    """The id in '#12' (a customer named by its id), else None."""
    text = (text or "").strip()
    return int(text[1:]) if text.startswith("#") and text[1:].isdigit() and int(text[1:]) > 0 else None


def text_match_sql(alias: str, text: str) -> tuple[str, list]:
    """The SQL test (over customers ``alias``) of a customer that ``text`` finds: a name or
    company that contains it (Latin letters in any case), or an email or phone that is it;
    with its parameters. LIKE (its % and _ escaped) costs half of lower() and instr() on a
    read of every customer."""
    pattern = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    return (f"({alias}.name LIKE ? ESCAPE '\\' OR {alias}.company LIKE ? ESCAPE '\\' "
            f"OR {alias}.email_normalized = ? OR {alias}.phone_normalized = ?)",
            [pattern, pattern, normalize_email(text), normalize_phone(text) or "-"])  # "-": no phone's digits


def get_customer(conn: Connection, customer_id: int) -> Row:
    """A customer by id; a record merged into another gives the one it was merged into."""
    row = conn.execute("SELECT * FROM customers WHERE id = ?", (customer_id,)).fetchone()
    if row is None:
        raise NotFound(L_("no customer #{id}", id=customer_id), hint=L_("see {step}", step=Step("customers list")))
    while row["merged_into"] is not None:
        row = conn.execute("SELECT * FROM customers WHERE id = ?", (row["merged_into"],)).fetchone()
    return row


def _candidates(conn: Connection, column: str, value: str) -> list[Row]:
    """The customers with this normalised email or phone, merged records read as the customer
    they were merged into, lowest id first."""
    ids = dict.fromkeys(r[0] for r in conn.execute(
        f"SELECT coalesce(merged_into, id) FROM customers WHERE {column} = ? ORDER BY id", (value,)))
    return sorted((get_customer(conn, i) for i in ids), key=lambda r: r["id"])


def find_customer(conn: Connection, email: str | None, phone: str | None,
                  name: str | None = None) -> Row | None:
    """The customer with this email, else this phone. Several people may share a phone (a
    family, a switchboard): the one with the given name is preferred, else the oldest."""
    for column, value in (("email_normalized", normalize_email(email)), ("phone_normalized", normalize_phone(phone))):
        if value:
            found = _candidates(conn, column, value)
            if found:
                return next((r for r in found if name and same_name(r["name"], name)), found[0])
    return None


def _contact_text(email: str | None, phone: str | None, row: Row) -> str:
    if email and normalize_email(email) == row["email_normalized"]:
        return L_("email {email}", email=email)
    return L_("phone {phone}", phone=phone)


class CustomerConflict(Refused):
    """A typed name that is not the name of the customer its email or phone belongs to: the
    facts of the refusal travel with it (``customer_id``, ``customer_name``, ``name``,
    ``contact``), so that a person at a terminal can be asked which one they meant."""

    def __init__(self, message: str, hint: str | None = None, exit_code: int | None = None, *,
                 customer_id: int = 0, customer_name: str = "", name: str = "", contact: str = ""):
        super().__init__(message, hint, exit_code)
        self.customer_id, self.customer_name, self.name, self.contact = customer_id, customer_name, name, contact


def name_conflict(found: Row, name: str | None, email: str | None, phone: str | None) -> CustomerConflict | None:
    """The refusal for a typed name that is not the name of the customer its email or phone
    found, or None when they agree (or either is missing)."""
    if not name or not found["name"] or same_name(found["name"], name):
        return None
    contact = _contact_text(email, phone, found)
    return CustomerConflict(
        L_("{contact} belongs to customer #{id} {found}, not {name}", contact=contact, id=found["id"],
           found=found["name"], name=name),
        hint=L_("to file it under {found}, leave out {customer} or give {customer} '#{id}'; to record {name} as "
                "another person with the same contact (a family, a switchboard), add {new_customer}",
                found=found["name"], customer=Input("customer"), id=found["id"], name=name,
                new_customer=Input("new_customer")),
        customer_id=found["id"], customer_name=found["name"], name=name, contact=contact)


def record_customer_event(conn: Connection, customer_id: int, *, at: str, actor: str, action: str,
                          field: str | None = None, old_value: object = None, new_value: object = None,
                          note: str | None = None, digest: str | None = None) -> None:
    """An event on a customer's timeline (`customers show`)."""
    from complaintctl.core.record.events import record_event

    record_event(conn, None, at=at, actor=actor, action=action, field=field, old_value=old_value,
                 new_value=new_value, note=note, customer_id=customer_id, digest=digest)


def create_customer(conn: Connection, details: dict, *, at: str, actor: str,
                    complaint_id: int | None = None) -> int:
    """A new customer record, with its event (on the customer's timeline, naming the complaint
    that brought them)."""
    cid = next_customer_id(conn)
    conn.execute(
        "INSERT INTO customers (id, name, email, phone, company, email_normalized, phone_normalized, "
        "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (cid, details.get("name"), details.get("email"), details.get("phone"), details.get("company"),
         normalize_email(details.get("email")), normalize_phone(details.get("phone")), at),
    )
    from complaintctl.core.record.seal import customer_seal
    from complaintctl.store.chain import writing_version

    record_customer_event(conn, cid, at=at, actor=actor, action="customer_created", field="customer.name",
                          new_value=details.get("name"),
                          note=f"with complaint #{complaint_id}" if complaint_id else None,
                          digest=customer_seal(details, writing_version(conn)))
    return cid


def fill_customer(conn: Connection, row: Row, details: dict, *, at: str, actor: str,
                  complaint_id: int | None = None, source: str | None = None) -> list[str]:
    """Fill in the details a known customer lacks (never overwrite one), an event each;
    return the fields filled."""
    filled = []
    for field in CONTACT_FIELDS:
        value = details.get(field)
        if value and not row[field]:
            update_customer_field(conn, row["id"], field, value)
            where = source or (f"complaint #{complaint_id}" if complaint_id else "a complaint")
            record_customer_event(conn, row["id"], at=at, actor=actor, action="customer_edited",
                                  field=f"customer.{field}", new_value=value, note=f"filled in from {where}")
            filled.append(field)
    return filled


def clean_details(name: str | None, email: str | None, phone: str | None, company: str | None) -> dict:
    return {k: v.strip() for k, v in zip(CONTACT_FIELDS, (name, email, phone, company), strict=True)
            if v and v.strip()}


def match_customer(conn: Connection, details: dict, *, strict: bool = False) -> Row | None:
    """The known customer these details (see clean_details) name: '#12' as the name is customer
    12; else the email, else the phone (see find_customer); else a bare name, which only
    matches a customer of that exact name with no email or phone. A typed name that differs
    from the found customer's is refused when ``strict`` (see name_conflict), else dropped
    from ``details`` (the importer's way)."""
    ref = customer_ref(details.get("name"))
    if ref is not None:
        details.pop("name")
        return get_customer(conn, ref)
    email, phone, name = details.get("email"), details.get("phone"), details.get("name")
    existing = find_customer(conn, email, phone, name)
    if existing is None and name and not email and not phone:
        existing = conn.execute(
            "SELECT * FROM customers WHERE name = ? AND email IS NULL AND phone IS NULL AND merged_into IS NULL "
            "AND coalesce(company, '') = coalesce(?, '') ORDER BY id LIMIT 1",
            (name, details.get("company")),
        ).fetchone()
    if existing is not None:
        conflict = name_conflict(existing, name, email, phone)
        if conflict is not None:
            if strict:
                raise conflict
            details.pop("name")
    return existing


def match_or_create_customer(
    conn: Connection,
    *,
    name: str | None,
    email: str | None,
    phone: str | None,
    company: str | None,
    at: str,
    actor: str,
    complaint_id: int | None = None,
    new_customer: bool = False,
    strict: bool = False,
) -> tuple[int | None, bool]:
    """Return (customer id, created?). Known customers (see match_customer) get missing
    details filled in, never overwritten, each with an event. With no details at all the
    complaint is anonymous (None). ``new_customer`` records a new person whatever matches."""
    details = clean_details(name, email, phone, company)
    if not details:
        return None, False
    if new_customer and customer_ref(details.get("name")) is not None:
        raise InvalidInput(L_("{new_customer} records a new person, and {name} is a known customer",
                              new_customer=Input("new_customer"), name=details["name"]),
                           hint=L_("give the new person's name, or leave out {new_customer}",
                                   new_customer=Input("new_customer")))
    existing = None if new_customer else match_customer(conn, details, strict=strict)
    if existing is not None:
        fill_customer(conn, existing, details, at=at, actor=actor, complaint_id=complaint_id)
        return existing["id"], False
    return create_customer(conn, details, at=at, actor=actor, complaint_id=complaint_id), True


def update_customer_field(conn, customer_id: int, field: str, value: str | None) -> None:
    value = value.strip() if value and value.strip() else None
    extra = ""
    params: list = [value]
    if field == "email":
        extra, params = ", email_normalized = ?", [value, normalize_email(value)]
    elif field == "phone":
        extra, params = ", phone_normalized = ?", [value, normalize_phone(value)]
    conn.execute(f"UPDATE customers SET {field} = ?{extra} WHERE id = ?", [*params, customer_id])
