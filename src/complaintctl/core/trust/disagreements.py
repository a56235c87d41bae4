"""What `check`'s stated facts find, and what their comparisons share: a row that disagrees with
an event (``Disagreement``, worded for a person), the report, which chain version wrote an event
(a seal is that version's hash), and rows streamed per complaint or customer in id order and
merged with other such streams (core/trust/complaint_facts.py, customer_facts.py)."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from complaintctl.i18n import L_, N_, Message
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

    def text(self):
        """What disagrees, as a Message (English as a str; said in the reader's language)."""
        what = {"complaints": L_("complaint #{id}", id=self.row), "customers": L_("customer #{id}", id=self.row),
                "settings": L_("setting {key}", key=self.row), "severities": L_("the SLA targets of {severity}",
                                                                              severity=self.row)}[self.table]
        if self.kind == "sealed records":
            return L_("customers #{first} to #{last}: what the records were created with is not what event #{event} "
                      "sealed", first=self.row, last=self.found, event=self.event)
        if self.kind in SEALED:
            return L_("{what}: {sealed} is not what event #{event} sealed", what=what, sealed=SEALED[self.kind](),
                      event=self.event)
        if self.kind == "surveys":
            return L_("{what}: its surveys are not what its surveyed events say (first: event #{event})", what=what,
                      event=self.event) if self.event else \
                L_("{what}: its surveys are not what its surveyed events say", what=what)
        if self.kind == "tag":
            return L_("{what}: its tag {tag} is there, though event #{event} removed it", what=what,
                      tag=_shown(self.found), event=self.event) if self.stated == "removed" else \
                L_("{what}: its tag {tag} is missing, though event #{event} added it", what=what,
                   tag=_shown(self.found), event=self.event)
        name = kind_word(self.kind)
        if self.event is None:
            return L_("{what}: its {name} is {found}, and no event says so", what=what, name=name,
                      found=_shown(self.found))
        return L_("{what}: its {name} is {found} where event #{event} says {stated}", what=what, name=name,
                  found=_shown(self.found), event=self.event, stated=_shown(self.stated))


SEALED = {"sealed intake": lambda: L_("what it came in with"), "sealed outcome": lambda: L_("the outcome it came in with"),
          "sealed record": lambda: L_("what the record was created with")}
# a field's name where it differs from the timeline's (i18n.words' fields), and what else can disagree
WORDS = {"received_at": N_("received time"), "customer_accepted": N_("customer accepted"), "merged_into": N_("merge"),
         "escalation_count": N_("escalation count"), "escalated_at": N_("last escalation"),
         "reopened_count": N_("reopen count"), "created_by": N_("creator"), "created_at": N_("creation time"),
         "sealed intake": N_("sealed intake"), "sealed outcome": N_("sealed outcome"), "sealed record": N_("sealed record"),
         "surveys": N_("surveys")}


def kind_word(kind: str):
    """What disagrees (a field, a seal) as people read it: said in the reader's language."""
    from complaintctl.i18n.words import FIELDS

    if kind in WORDS or kind in FIELDS:
        return Message(WORDS.get(kind) or FIELDS[kind], {})
    return kind


def _shown(value: object):
    if value is None:
        return L_("empty")
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
