"""A complaint is never lost for a detail: a value of a detail field that cannot be stored as that
field (an email that is no address, a phone of two digits, a tag too long, a yes/no that says
neither, a subject longer than a subject can be) is kept in the complaint's extra under
`FIELD_as_given` and counted, and the complaint is imported. Only what leaves no complaint (no
text, a date that cannot be read, times that contradict each other) rejects a row."""

from __future__ import annotations

from typing import Any

from complaintctl.core.intake.cells import RowError, _first_error
from complaintctl.core.record.limits import MAX_SUBJECT
from complaintctl.i18n import L_
from complaintctl.i18n.said import Code

# Fields whose value is a detail of the complaint, not the complaint itself.
DETAILS = frozenset({"email", "phone", "company", "customer", "customer_accepted", "reopened_count", "duplicate_of",
                     "tags", "assignee", "resolution"})
ATTEMPTS = 8  # details set aside in one row at most before it is called broken


def set_aside(data: dict, name: str, value: Any, stats) -> None:
    """Keep a value that cannot be its field's in the row's extra, and count it."""
    aside = data.setdefault("_aside", {})
    key = f"{name}_as_given"
    aside[key] = f"{aside[key]}; {value}" if key in aside else value
    stats.aside(L_("{field} that could not be read as one", field=Code("field", name)), f"extra.{key}")


def validated_whole(validate, validation_error, data: dict, stats) -> dict:
    """``validate(data)``, setting aside the detail values it refuses (and a subject too long is cut,
    kept whole in extra); a refusal of anything else rejects the row."""
    for _ in range(ATTEMPTS):
        try:
            return validate(data)
        except validation_error as exc:
            error = exc.errors()[0]
            loc = error["loc"]
            name = loc[0] if loc else None
            if name == "subject" and error["type"] == "string_too_long":
                whole = data["subject"]
                data["subject"] = whole[:MAX_SUBJECT - 1].rstrip() + "…"
                set_aside(data, "subject", whole, stats)
            elif name == "tags" and len(loc) > 1 and isinstance(loc[1], int):
                tags = list(data["tags"])
                set_aside(data, "tags", tags.pop(loc[1]), stats)
                data["tags"] = tags
                if not tags:
                    del data["tags"]
            elif name in DETAILS and name in data:
                set_aside(data, name, data.pop(name), stats)
            else:
                raise RowError(_first_error(exc)) from None
            _keep_aside(data)
    raise RowError(L_("too many values that cannot be read: the record is broken"))


def _keep_aside(data: dict) -> None:
    """Move what was set aside into the row's extra, where the validator takes it."""
    aside = data.pop("_aside", None)
    if aside:
        data["extra"] = {**(data.get("extra") or {}), **aside}
