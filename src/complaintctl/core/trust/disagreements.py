"""What `check`'s stated facts find, and what their comparisons share: a row that disagrees with
an event (``Disagreement``, worded for a person), the report, which chain version wrote an event
(a seal is that version's hash), and rows streamed per complaint or customer in id order and
merged with other such streams (core/trust/complaint_facts.py, customer_facts.py)."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from complaintctl.store.engine import Connection

UNSTATED = object()  # an event that does not state this fact after all (a note in another form)


@dataclass(frozen=True)
class Disagreement:
    kind: str  # what disagrees: a field ("outcome", a customer's "email"), "tag", "surveys", a key of SEALED
    table: str  # complaints or customers
    row: int | str  # a complaint's or customer's id; a setting's key, a severity's code
    event: int | None  # the event that states or seals what the row should hold
    found: object = None
    stated: object = UNSTATED

    def text(self) -> str:
        what = TABLE_WORDS[self.table].format(self.row)
        if self.kind == "sealed records":
            return (f"customers #{self.row} to #{self.found}: what the records were created with is not what "
                    f"event #{self.event} sealed")
        if self.kind in SEALED:
            return f"{what}: {SEALED[self.kind]} is not what event #{self.event} sealed"
        if self.kind == "surveys":
            return f"{what}: its surveys are not what its surveyed events say" + (
                f" (first: event #{self.event})" if self.event else "")
        if self.kind == "tag":
            held = "there" if self.stated == "removed" else "missing"
            return f"{what}: its tag {_shown(self.found)} is {held}, though event #{self.event} {self.stated} it"
        name = WORDS.get(self.kind, self.kind)
        if self.event is None:
            return f"{what}: its {name} is {_shown(self.found)}, and no event says so"
        return f"{what}: its {name} is {_shown(self.found)} where event #{self.event} says {_shown(self.stated)}"


TABLE_WORDS = {"complaints": "complaint #{}", "customers": "customer #{}", "settings": "setting {}",
               "severities": "the SLA targets of {}"}
SEALED = {"sealed intake": "what it came in with", "sealed outcome": "the outcome it came in with",
          "sealed record": "what the record was created with"}
WORDS = {"received_at": "received time", "customer_id": "customer", "told_via": "told via",
         "customer_accepted": "customer accepted", "duplicate_of": "duplicate of", "merged_into": "merge",
         "escalation_count": "escalation count", "escalated_at": "last escalation"}


def _shown(value: object) -> str:
    if value is None:
        return "empty"
    text = str(value)
    return repr(text if len(text) <= 40 else text[:39] + "…")


@dataclass
class FactsReport:
    found: list[Disagreement] = dataclasses.field(default_factory=list)  # complaints in id order, then surveys, then customers
    complaints: int = 0  # complaints compared
    unsealed: int = 0  # of them, logged or imported before seals (their intake is not sealed)
    customers: int = 0
    customers_unsealed: int = 0  # customers with no sealed creation event (an import's, or before seals)


class EventVersions:
    """The chain version an event was written by (store/chain.py): a seal is the hash of that
    version. A version this complaintctl does not know is None (check says so under the trail)."""

    def __init__(self, conn: Connection):
        from bisect import bisect_right

        from complaintctl.store.chain import ChainVersion, versions

        stretches = versions(conn)
        self._firsts = [first for first, _ in stretches]
        self._versions = [v if isinstance(v, ChainVersion) else None for _, v in stretches]
        self._find = bisect_right

    def of(self, event: int):
        return self._versions[max(self._find(self._firsts, event) - 1, 0)]


def by_id(cursor, width: int):
    """Rows of ``cursor`` (ordered by their first column, a complaint's or customer's id) grouped by it."""
    group: list[tuple] = []
    key = None
    for row in cursor:
        if row[0] != key:
            if group:
                yield key, group
            key, group = row[0], []
        group.append(row[1:width])
    if group:
        yield key, group


def merged_by_id(main, *others):
    """For each (id, row) of ``main``, the groups of each of ``others`` with that id (or [])."""
    iters = [iter(o) for o in others]
    heads = [next(i, None) for i in iters]
    for key, row in main:
        groups = []
        for n, it in enumerate(iters):
            while heads[n] is not None and heads[n][0] < key:
                heads[n] = next(it, None)
            groups.append(heads[n][1] if heads[n] is not None and heads[n][0] == key else [])
        yield key, row, groups
