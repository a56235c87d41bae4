"""Whether a row says the same as a complaint already written: an in-file duplicate (a row
repeating an earlier row's ref, or without one its whole content) is "the same" or "differing",
and a re-run's row is "unchanged" only when the complaint already holds everything it says."""

from __future__ import annotations

import json
from typing import Any

from complaintctl.core.intake.customer_cache import NAME_AS_GIVEN
from complaintctl.i18n import L_, Message
from complaintctl.i18n.said import Code
from complaintctl.store.engine import Connection, Row

# The complaint columns a row's values are compared on (customer, tags and extra apart).
COMPARED = ("ref", "received_at", "channel", "subject", "description", "remedy", "category", "severity", "cause",
            "personality", "motive", "status", "assignee", "resolution", "outcome", "closed_at",
            "first_response_at", "resolved_at", "told_via", "customer_accepted", "duplicate_of", "reopened_count")
SHOWN = 3  # differences named in a reason; the rest are counted


class Earlier:
    """What an earlier row of this import (or the database) holds for one complaint."""

    __slots__ = ("id", "values", "tags", "person")

    def __init__(self, cid: int, values: dict[str, Any], tags: set[str] | frozenset, person: tuple | None):
        self.id, self.values, self.tags, self.person = cid, values, tags, person

    @classmethod
    def stored(cls, conn: Connection, row: Row) -> Earlier:
        """A complaint as the database holds it."""
        tags = {r[0] for r in conn.execute("SELECT tag FROM complaint_tags WHERE complaint_id = ?", (row["id"],))}
        person = None
        if row["customer_id"] is not None:
            found = conn.execute("SELECT name, email_normalized, phone_normalized, company FROM customers "
                                 "WHERE id = ?", (row["customer_id"],)).fetchone()
            person = tuple(found) if found else None
            given = _extra(row["extra"], keep_name=True).get(NAME_AS_GIVEN)
            if person is not None and given:  # the row's own name, where it was not the customer's
                person = (given, *person[1:])
        return cls(row["id"], dict(row), tags, person)


def person_of(person: tuple | None) -> tuple | None:
    """A prepared row's customer as (name, email, phone, company) compared with a stored one."""
    if person is None:
        return None
    _keys, name, _email, _phone, company, email_n, phone_n = person
    return (name, email_n, phone_n, company)


def differences(earlier: Earlier, values: dict[str, Any], tags, person: tuple | None,
                stamped: str | None = None) -> list[str]:
    """What the row says otherwise than ``earlier``: one 'field: earlier vs this row' per difference.
    A received time equal to ``stamped`` (this run's time, given by --received-now) is not the row's."""
    out: list[str] = []
    old = earlier.values
    for name in COMPARED:
        new = values.get(name)
        was = old.get(name)
        if name == "reopened_count":
            new, was = new or 0, was or 0
        elif name == "received_at" and new == stamped:
            continue
        if new != was:
            out.append(_differs(Code("field", name), was, new))
    kept, given = _extra(old.get("extra")), _extra(values.get("extra"))
    for key in [k for k in {**kept, **given} if kept.get(k) != given.get(k)]:
        out.append(_differs(key, kept.get(key), given.get(key)))
    if set(tags) != set(earlier.tags):
        out.append(_differs(Code("field", "tags"), ", ".join(sorted(earlier.tags)), ", ".join(sorted(tags))))
    mine = person_of(person)
    if mine is not None and earlier.person is not None and _person_differs(earlier.person, mine):
        out.append(_differs(Code("field", "customer"), earlier.person[0], mine[0]))
    elif (mine is None) != (earlier.person is None):
        out.append(Code("field", "customer"))
    return out


def _differs(name: str, was: Any, new: Any) -> Message:
    """One difference: a field (or an extra key, as the file names it), the earlier value and this row's."""
    return L_("{field} {was} vs {new}", field=name, was=_shown(was), new=_shown(new))


def said(found: list[str]) -> tuple | Message:
    """The differences as a reason's tail: clauses of one sentence, the first SHOWN, the rest counted."""
    shown = tuple(found[:SHOWN])
    return L_("{differences}; and {n} more", differences=shown, n=len(found) - SHOWN) if len(found) > SHOWN else shown


def _person_differs(old: tuple, new: tuple) -> bool:
    return any(_plain(a) != _plain(b) for a, b in zip(old, new, strict=True))


def _plain(text: str | None) -> str:
    return " ".join((text or "").split()).casefold()


def _extra(text: str | None, keep_name: bool = False) -> dict:
    if not text:
        return {}
    kept = json.loads(text)
    if not keep_name:
        kept.pop(NAME_AS_GIVEN, None)
    return kept


def _shown(value: Any) -> str:
    if value is None or value == "":
        return L_("(empty)")
    text = str(value)
    return repr(text if len(text) <= 40 else text[:39] + "…")
