"""Stated facts compared: every fact an event states, and every fact an event seals, against the
row it describes. Reads only; `check` runs it in a full check.

An event states a fact when it says what a value became: a status change its status, a close its
outcome, resolution, how the customer was told and whether they accepted, a survey its score, a
tag event the tag, a customer event the record's detail. The row must hold what the last event
that states it says. What a complaint came in with (its subject, received time, channel,
customer, first classification, tags, and an imported outcome) no event restates; the `logged`
or `imported` event seals it (core/record/seal.py), and the row worked back to its intake (the
old value of the first event that changed each field since) must give that seal again. A
customer record is sealed likewise by its `customer_created` event.

A disagreement names the row, the fact and the event: a value changed around complaintctl (plain
SQL on the file), which the audit chain alone does not see, since no event was touched.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from complaintctl.core.record.seal import (
    CUSTOMER,
    INTAKE,
    LIFECYCLE_FIELDS,
    OUTCOME,
    customer_seal,
    customers_seal,
    intake_digest,
    outcome_digest,
)
from complaintctl.core.trust.stated_settings import settings_disagreements
from complaintctl.store.engine import Connection

# Fields every change of which writes an event naming the field, with the old and new value
# (status aside: read per complaint), and those of the outcome an import may update alone.
CHANGED = tuple(dict.fromkeys((*[f for f in INTAKE if f != "ref"], "tag", "reply",
                               *[f for f in OUTCOME if f != "outcome"])))
FORWARD = ("status", "assignee", "category", "severity", "cause", "personality", "motive", "subject",
           "description", "received_at", "channel", "remedy", "customer_id", "extra")  # last event's value holds
ESCALATION = ("escalation_count", "escalated_at")  # stated by the `escalated` events
CLOSING = ("outcome", "duplicate_of", "resolution", "told_via", "customer_accepted")
TOLD = re.compile(r"told via (.+); customer (accepted|did not accept|acceptance unknown)", re.DOTALL)
ACCEPTED = {"accepted": 1, "did not accept": 0, "acceptance unknown": None}
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


class _Versions:
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


def compare_facts(conn: Connection) -> FactsReport:
    """Every row that disagrees with an event stating or sealing its facts (each complaint's and
    customer's first disagreement), and how many rows were compared."""
    report = FactsReport()
    versions = _Versions(conn)
    report.found = list(_complaints(conn, report, versions))
    report.found += _surveys(conn)
    report.found += _customers(conn, report, versions)
    report.found += settings_disagreements(conn, Disagreement)
    return report


# --- complaints ------------------------------------------------------------------------------

def _by_complaint(cursor, width: int):
    """Rows of ``cursor`` (ordered by their first column, the complaint id) grouped by it."""
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


def _merged(main, *others):
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


_LAST = "{e}.id || CASE WHEN {e}.new_value IS NULL THEN '-' ELSE ':' || {e}.new_value END"  # id and value, one text


def _id_and_value(text: str | None) -> tuple[int, str | None] | None:
    """(id, value) from _LAST's text."""
    if text is None:
        return None
    cut = min(i for i in (text.find(":"), text.find("-")) if i >= 0)
    return int(text[:cut]), (text[cut + 1:] if text[cut] == ":" else None)


def _complaints(conn: Connection, report: FactsReport, versions: _Versions):
    """Each complaint's first disagreement, in id order. One pass over the complaints, beside
    streams in the same order: their tags, their intake events, the changes of the fields they
    came in with (grouped per field and tag: most have one event), their closes and reopens. The
    last status event is looked up per complaint (most complaints have several)."""
    columns = tuple(dict.fromkeys(("status", *INTAKE, *OUTCOME, *ESCALATION)))
    last_status = _LAST.format(e="e")
    rows = ((r[0], r[1:]) for r in conn.execute(
        f"SELECT c.id, {', '.join('c.' + c for c in columns)}, (SELECT {last_status} FROM events e "
        "WHERE e.complaint_id = c.id AND e.field = 'status' ORDER BY e.id DESC LIMIT 1) FROM complaints c ORDER BY c.id"))
    tags = _by_complaint(conn.execute("SELECT complaint_id, tag FROM complaint_tags ORDER BY complaint_id, tag"), 2)
    fields = ", ".join(f"'{f}'" for f in CHANGED)
    # per complaint and field (per tag for tags): the first event's old value and id, and the last
    # event's id and value (the first's when it is the only one). Read in the table's order: through
    # the index of complaint ids every event would be a lookup of its own, at twice the cost.
    changes = _by_complaint(conn.execute(
        f"""SELECT complaint_id, field, CASE WHEN field = 'tag' THEN coalesce(new_value, old_value) END AS tag,
                   old_value, min(id), CASE WHEN count(*) = 1 THEN {_LAST.format(e="events")} ELSE
                   (SELECT {_LAST.format(e="l")} FROM events l WHERE l.complaint_id = events.complaint_id
                    AND l.field = events.field AND (events.field <> 'tag'
                    OR coalesce(l.new_value, l.old_value) = coalesce(events.new_value, events.old_value))
                    ORDER BY l.id DESC LIMIT 1) END
            FROM events NOT INDEXED WHERE complaint_id IS NOT NULL AND field IN ({fields})
            GROUP BY complaint_id, field, tag ORDER BY complaint_id, field, tag"""), 6)
    intake = _by_complaint(conn.execute(
        "SELECT complaint_id, min(id), action, digest FROM events WHERE action IN ('logged', 'imported') "
        "AND field = 'status' AND complaint_id IS NOT NULL GROUP BY complaint_id ORDER BY complaint_id"), 4)
    closing = _by_complaint(conn.execute(_CLOSING_SQL), 8)
    imported = _by_complaint(conn.execute(
        f"SELECT complaint_id, id, field, new_value FROM events WHERE action = 'imported' AND field IN "
        f"({', '.join(repr(f) for f in CLOSING)}) AND complaint_id IS NOT NULL ORDER BY complaint_id, id"), 4)
    escalations = _by_complaint(conn.execute(
        "SELECT complaint_id, count(*), max(at), max(id) FROM events WHERE action = 'escalated' AND field IS NULL "
        "AND complaint_id IS NOT NULL GROUP BY complaint_id ORDER BY complaint_id"), 4)
    where = {name: i for i, name in enumerate(columns)}
    for cid, row, (tag_rows, change_rows, intake_rows, closing_rows, imported_rows, escalated) in _merged(
            rows, tags, changes, intake, closing, imported, escalations):
        report.complaints += 1
        if not intake_rows or intake_rows[0][2] is None:
            report.unsealed += 1
        statements = _closing_statements(closing_rows[0] if closing_rows else None, imported_rows)
        found = _escalation(cid, row, where, escalated[0] if escalated else None) or _complaint(
            cid, row, where, {t for (t,) in tag_rows}, change_rows, _id_and_value(row[-1]),
            intake_rows[0] if intake_rows else None, statements, versions)
        if found is not None:
            yield found


def _escalation(cid: int, row: tuple, where: dict, escalated: tuple | None) -> Disagreement | None:
    """How often and when last a complaint was escalated is what its escalations' events say
    (each writes one event without a field, with the reason)."""
    count, last_at, event = escalated if escalated is not None else (0, None, None)
    for field, stated in zip(ESCALATION, (count, last_at), strict=True):
        if row[where[field]] != stated:
            return Disagreement(field, "complaints", cid, event, row[where[field]], stated)
    return None


def _complaint(cid: int, row: tuple, where: dict, tags: set, changes: list, status: tuple | None,
               intake: tuple | None, statements: dict, versions: _Versions) -> Disagreement | None:
    """The first disagreement of one complaint with its events, or None."""
    by_field = {}
    tag_events = {}
    for field, tag, first_old, first, last_text in changes:
        last, last_new = _id_and_value(last_text)
        (tag_events if field == "tag" else by_field)[tag if field == "tag" else field] = \
            (first_old, first, last, last_new)
    if status is not None:
        by_field["status"] = (None, None, *status)
    for field in FORWARD:  # the last event that set a field says what it holds
        if field in by_field:
            _, _, last, stated = by_field[field]
            value = row[where[field]]
            if (None if value is None else str(value)) != stated:
                return Disagreement(field, "complaints", cid, last, value, stated)
    for tag, (_, _, last, last_new) in sorted(tag_events.items()):  # a tag is there if its last event added it
        if (last_new is not None) != (tag in tags):
            return Disagreement("tag", "complaints", cid, last, tag, "added" if last_new is not None else "removed")
    intake_event, action, digest = intake if intake is not None else (None, None, None)
    # a complaint logged, or sealed without an outcome, came in with none: until an event states
    # one, its closing facts are empty
    empty = action == "logged" if digest is None else " " not in digest
    for fact in CLOSING:
        event, value = statements.get(fact, (intake_event, None) if empty else (None, UNSTATED))
        held = row[where[fact]]
        if value is not UNSTATED and (None if held is None else str(held)) != (None if value is None else str(value)):
            return Disagreement(fact, "complaints", cid, event, held, value)
    if digest is None:
        return None
    moved_on = bool(statements) or any(by_field[f][2] > intake_event for f in LIFECYCLE_FIELDS if f in by_field)
    version = versions.of(intake_event)
    if version is None:
        return None
    return _sealed(cid, row, where, tags, by_field, tag_events, intake_event, digest, moved_on, version)


def _sealed(cid: int, row: tuple, where: dict, tags: set, by_field: dict, tag_events: dict, intake_event: int,
            digest: str, moved_on: bool, version) -> Disagreement | None:
    """The complaint worked back to its intake, against the seal its intake event holds; its
    outcome part too while no event since has moved the complaint on (the events since state it)."""
    values = [by_field[f][0] if f in by_field else row[where[f]] for f in INTAKE]
    first_tags = {t for t in tags if t not in tag_events}
    first_tags |= {t for t, (first_old, *_) in tag_events.items() if first_old is not None}  # removed first
    intake_part, _, outcome_part = digest.partition(" ")
    if intake_digest(values, first_tags, version) != intake_part:
        return Disagreement("sealed intake", "complaints", cid, intake_event)
    if moved_on:
        return None
    if (outcome_digest([row[where[f]] for f in OUTCOME], version) or "") != outcome_part:
        return Disagreement("sealed outcome", "complaints", cid, intake_event)
    return None


# The last close or reopen of each complaint: a close writes its status event (the resolution as
# its note) and then its outcome event (the outcome, and how the customer was told and whether
# they accepted, as its note); a reopen empties them all.
_CLOSING_SQL = """
    SELECT g.complaint_id, g.last, g.action, g.field, g.new_value, g.note, r.id, r.note FROM (
        SELECT complaint_id, max(id) AS last, action, field, new_value, note FROM events
        WHERE action IN ('closed', 'reopened') AND complaint_id IS NOT NULL GROUP BY complaint_id) g
    LEFT JOIN events r ON r.id = g.last - 1 AND r.complaint_id = g.complaint_id AND r.action = 'closed'
        AND r.field = 'status'
    ORDER BY g.complaint_id"""


def _closing_statements(close: tuple | None, imported: list) -> dict[str, tuple[int, object]]:
    """fact -> (event, value) of the last event stating each closing fact: the last close or
    reopen, or an import's update of that field after it."""
    stated: dict[str, tuple[int, object]] = {}
    if close is not None:
        last, action, field, new_value, note, resolution_event, resolution = close
        if action == "reopened":
            stated = dict.fromkeys(CLOSING, (last, None))
        elif field == "status":  # a close whose outcome event is missing states its resolution
            stated["resolution"] = (last, note)
        else:
            duplicate = new_value is not None and new_value.startswith("duplicate of #")
            stated["outcome"] = (last, "duplicate" if duplicate else new_value)
            stated["duplicate_of"] = (last, new_value[len("duplicate of #"):] if duplicate else None)
            told = TOLD.fullmatch(note or "")
            if told is not None:
                via = told.group(1)
                stated["told_via"] = (last, None if via == "unknown channel" else via)
                stated["customer_accepted"] = (last, ACCEPTED[told.group(2)])
            if resolution_event is not None:
                stated["resolution"] = (resolution_event, resolution)
    for event, field, new_value in imported:
        if field not in stated or event > stated[field][0]:
            stated[field] = (event, new_value)
    return stated


# --- surveys ---------------------------------------------------------------------------------

_SURVEYS_SQL = """
    SELECT complaint_id FROM (
        SELECT complaint_id, at, actor, CAST(score AS TEXT), comment, count(*) FROM surveys GROUP BY 1, 2, 3, 4, 5
        EXCEPT
        SELECT complaint_id, at, actor, new_value, note, count(*) FROM events
        WHERE action = 'surveyed' AND complaint_id IS NOT NULL GROUP BY 1, 2, 3, 4, 5)
    UNION
    SELECT complaint_id FROM (
        SELECT complaint_id, at, actor, new_value, note, count(*) FROM events
        WHERE action = 'surveyed' AND complaint_id IS NOT NULL GROUP BY 1, 2, 3, 4, 5
        EXCEPT
        SELECT complaint_id, at, actor, CAST(score AS TEXT), comment, count(*) FROM surveys GROUP BY 1, 2, 3, 4, 5)
    ORDER BY 1"""


def _surveys(conn: Connection) -> list[Disagreement]:
    """Each survey row is what its `surveyed` event says (time, who, score, comment), one for one."""
    found = []
    for (cid,) in conn.execute(_SURVEYS_SQL).fetchall():
        rows = conn.execute("SELECT at, actor, CAST(score AS TEXT), comment FROM surveys WHERE complaint_id = ? "
                            "ORDER BY at, id", (cid,)).fetchall()
        events = conn.execute("SELECT id, at, actor, new_value, note FROM events WHERE complaint_id = ? "
                              "AND action = 'surveyed' ORDER BY at, id", (cid,)).fetchall()
        first = next(((e, r) for e, r in zip(events, rows, strict=False) if tuple(e[1:]) != tuple(r)), None)
        if first is not None and first[0][1:3] == first[1][0:2]:  # the same survey, its score or comment changed
            event, row = first
            fact, held, said = ("survey score", row[2], event[3]) if row[2] != event[3] else \
                ("survey comment", row[3], event[4])
            found.append(Disagreement(fact, "complaints", cid, event[0], held, said))
        else:
            event = first[0][0] if first else (events[len(rows)][0] if len(events) > len(rows) else None)
            found.append(Disagreement("surveys", "complaints", cid, event))
    return found


# --- customers -------------------------------------------------------------------------------

def _customers(conn: Connection, report: FactsReport, versions: _Versions) -> list[Disagreement]:
    """Each customer record against the events that state its details (created, edited, filled
    in) and its merge, and against what it was created with: sealed by its `customer_created`
    event, or with the records of its batch by an import's `customers_imported` event. One pass
    over the customers beside their events (in the order of the index that holds them)."""
    rows = ((r[0], r[1:]) for r in conn.execute(f"SELECT id, {', '.join(CUSTOMER)}, merged_into FROM customers "
                                                 "ORDER BY id"))
    events = _by_complaint(conn.execute(
        "SELECT customer_id, id, action, field, old_value, new_value, digest FROM events "
        "WHERE customer_id IS NOT NULL ORDER BY customer_id, id"), 7)
    stated_merges = {int(cid): int(keep) for cid, keep, _ in conn.execute(
        "SELECT customer_id, new_value, max(id) FROM events WHERE customer_id IS NOT NULL AND field = 'merged_into' "
        "AND action = 'customer_merged' GROUP BY customer_id") if keep is not None}
    batches = iter(sorted((int(first), int(last), event, digest) for event, first, last, digest in conn.execute(
        "SELECT id, old_value, new_value, digest FROM events WHERE action = 'customers_imported' "
        "AND digest IS NOT NULL")))
    batch, records = next(batches, None), []
    # a batch one of whose records `import undo` removed since cannot be compared whole
    removed = {r[0] for r in conn.execute("SELECT customer_id FROM events WHERE action = 'customer_removed' "
                                          "AND customer_id IS NOT NULL")}
    found = []
    for cid, row, (mine,) in _merged(rows, events):
        while batch is not None and cid > batch[1]:
            found += _batch_sealed(batch, records, removed, versions)
            batch, records = next(batches, None), []
        record = dict(zip(CUSTOMER, row, strict=False))
        created = next(((e, d) for e, action, *_, d in mine if action == "customer_created"), None)
        in_batch = batch is not None and batch[0] <= cid
        report.customers += 1
        report.customers_unsealed += not in_batch and (created is None or created[1] is None)
        one = _customer(cid, record, row[-1], mine, stated_merges, created, versions)
        if one is not None:
            found.append(one)
        if in_batch:
            records.append(tuple(_created_values(record, mine).values()))
    while batch is not None:
        found += _batch_sealed(batch, records, removed, versions)
        batch, records = next(batches, None), []
    return found


def _batch_sealed(batch: tuple, records: list[tuple], removed: set[int], versions: _Versions) -> list[Disagreement]:
    first, last, event, digest = batch
    version = versions.of(event)
    if version is None or customers_seal(records, version) == digest or any(first <= cid <= last for cid in removed):
        return []
    return [Disagreement("sealed records", "customers", first, event, last)]


def _created_values(record: dict, events: list) -> dict:
    """A customer record worked back to what it was created with: the old value of the first
    event that changed each detail since, else the detail as it is."""
    first_old: dict[str, str | None] = {}
    for _, action, field, old_value, _, _ in events:
        name = field[len("customer."):] if field and field.startswith("customer.") else None
        if name in record and action != "customer_created" and name not in first_old:
            first_old[name] = old_value
    return {name: first_old.get(name, record[name]) for name in CUSTOMER}


def _customer(cid: int, record: dict, merged_into: int | None, events: list, merges: dict[int, int],
              created: tuple | None, versions: _Versions) -> Disagreement | None:
    """The first disagreement of one customer record with its events, or None."""
    last: dict[str, tuple[int, str | None]] = {}
    for event, _, field, _, new_value, _ in events:
        name = field[len("customer."):] if field and field.startswith("customer.") else None
        if name in record:
            last[name] = (event, new_value)
    for name in CUSTOMER:
        if name in last and record[name] != last[name][1]:
            return Disagreement(name, "customers", cid, last[name][0], record[name], last[name][1])
    expected, seen = merges.get(cid), set()
    while expected in merges and expected not in seen:  # merged into a record merged on since
        seen.add(expected)
        expected = merges[expected]
    if merged_into != expected:
        event = next((e for e, action, field, *_ in reversed(events) if field == "merged_into"), None)
        return Disagreement("merged_into", "customers", cid, event, merged_into, expected)
    if created is None or created[1] is None:  # created by an import's batch, or before seals
        return None
    version = versions.of(created[0])
    if version is not None and customer_seal(_created_values(record, events), version) != created[1]:
        return Disagreement("sealed record", "customers", cid, created[0])
    return None
