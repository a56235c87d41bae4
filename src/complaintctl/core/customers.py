"""Customers, matched on normalised email or phone so repeat complainers are visible."""

from __future__ import annotations

import functools
import re
import sqlite3

from complaintctl.errors import InvalidInput

_EMAIL = r"^[^@\s]+@[^@\s]+\.[^@\s]+$"
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
    if email and email.strip() and not re.match(_EMAIL, email.strip()):
        raise InvalidInput(f"invalid email {email!r}", hint="e.g. name@example.com")
    if phone and phone.strip():
        if looks_scientific(phone):
            raise InvalidInput(f"invalid phone {phone!r}: a spreadsheet wrote it in scientific notation "
                               "and its digits are lost", hint="format the column as text and export again")
        digits = normalize_phone(phone) or ""  # the first number of '13800138000/13900139000'
        if len(digits) < 3 or len(digits) > 20:
            raise InvalidInput(f"invalid phone {phone!r}", hint="e.g. +86 138 0013 8000")


def find_customer(conn: sqlite3.Connection, email: str | None, phone: str | None) -> sqlite3.Row | None:
    email_n = normalize_email(email)
    if email_n:
        row = conn.execute(
            "SELECT * FROM customers WHERE email_normalized = ? ORDER BY id LIMIT 1", (email_n,)
        ).fetchone()
        if row:
            return row
    phone_n = normalize_phone(phone)
    if phone_n:
        return conn.execute(
            "SELECT * FROM customers WHERE phone_normalized = ? ORDER BY id LIMIT 1", (phone_n,)
        ).fetchone()
    return None


def match_or_create_customer(
    conn: sqlite3.Connection,
    *,
    name: str | None,
    email: str | None,
    phone: str | None,
    company: str | None,
    at: str,
    actor: str,
    complaint_id: int | None = None,
) -> tuple[int | None, bool]:
    """Return (customer id, created?). Known customers get missing details filled in, never
    overwritten. With no details at all the complaint is anonymous (None)."""
    name, email, phone, company = (v.strip() if v and v.strip() else None
                                   for v in (name, email, phone, company))
    if not any((name, email, phone, company)):
        return None, False
    existing = find_customer(conn, email, phone)
    if existing is None and name and not email and not phone:
        # A bare name only matches a customer with that exact name and no contact details.
        existing = conn.execute(
            "SELECT * FROM customers WHERE name = ? AND email IS NULL AND phone IS NULL "
            "AND coalesce(company, '') = coalesce(?, '') ORDER BY id LIMIT 1",
            (name, company),
        ).fetchone()
    if existing is not None:
        fills = {k: v for k, v in {"name": name, "email": email, "phone": phone,
                                   "company": company}.items() if v and not existing[k]}
        if fills:
            if "email" in fills:
                fills["email_normalized"] = normalize_email(fills["email"])
            if "phone" in fills:
                fills["phone_normalized"] = normalize_phone(fills["phone"])
            sets = ", ".join(f"{k} = ?" for k in fills)
            conn.execute(f"UPDATE customers SET {sets} WHERE id = ?", [*fills.values(), existing["id"]])
        return existing["id"], False
    cur = conn.execute(
        "INSERT INTO customers (name, email, phone, company, email_normalized, phone_normalized, "
        "created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (name, email, phone, company, normalize_email(email), normalize_phone(phone), at),
    )
    return cur.lastrowid, True


def update_customer_field(conn, customer_id: int, field: str, value: str | None) -> None:
    value = value.strip() if value and value.strip() else None
    extra = ""
    params: list = [value]
    if field == "email":
        extra, params = ", email_normalized = ?", [value, normalize_email(value)]
    elif field == "phone":
        extra, params = ", phone_normalized = ?", [value, normalize_phone(value)]
    conn.execute(f"UPDATE customers SET {field} = ?{extra} WHERE id = ?", [*params, customer_id])
