"""The kinds of code a complaint is classified with, and the table each lives in: below both
the taxonomy commands (core/taxonomy/codes.py) and the label resolver (core/taxonomy/labels.py)."""

from __future__ import annotations

from dataclasses import dataclass

from complaintctl.errors import InvalidInput


@dataclass(frozen=True)
class Kind:
    name: str  # singular, as used on the command line and as the complaints column
    table: str
    extendable: bool = True


KINDS: dict[str, Kind] = {
    k.name: k
    for k in [
        Kind("category", "categories"),
        Kind("severity", "severities"),
        Kind("cause", "causes"),
        Kind("channel", "channels"),
        Kind("remedy", "remedies"),
        Kind("personality", "personalities"),
        Kind("motive", "motives"),
        Kind("status", "statuses", extendable=False),
        Kind("outcome", "outcomes", extendable=False),
    ]
}
_BY_TABLE = {k.table: k for k in KINDS.values()}


def kind_named(name: str) -> Kind:
    key = name.strip().lower()
    kind = KINDS.get(key) or _BY_TABLE.get(key)
    if kind is None:
        raise InvalidInput(
            f"unknown taxonomy kind {name!r}", hint="one of: " + ", ".join(KINDS)
        )
    return kind
