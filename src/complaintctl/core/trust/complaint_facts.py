"""Stated facts of complaints: each complaint against the events that state its fields, tags,
closing and escalations, worked back to its intake against the seal of its `logged` or
`imported` event; and its surveys against their `surveyed` events (core/trust/facts.py says
what a stated and a sealed fact are)."""

from __future__ import annotations

import re

from complaintctl.core.record.seal import INTAKE, LIFECYCLE_FIELDS, OUTCOME, intake_digest, outcome_digest
from complaintctl.core.trust.disagreements import (
    UNSTATED,
    Disagreement,
    EventVersions,
    FactsReport,
    by_id,
    merged_by_id,
)
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


_LAST = "{e}.id || CASE WHEN {e}.new_value IS NULL THEN '-' ELSE ':' || {e}.new_value END"  # id and value, one text


def _id_and_value(text: str) -> tuple[int, str | None]:
    """(id, value) from _LAST's text."""
    cut = min(i for i in (text.find(":"), text.find("-")) if i >= 0)
    return int(text[:cut]), (text[cut + 1:] if text[cut] == ":" else None)


def complaint_disagreements(conn: Connection, report: FactsReport, versions: EventVersions):
    """Each complaint's first disagreement, in id order. One pass over the complaints, beside
    streams in the same order: their tags, their intake events, the changes of the fields they
    came in with (grouped per field and tag: most have one event), their closes and reopens. The
    last status event is looked up per complaint (most complaints have several)."""
    columns = tuple(dict.fromkeys(("status", *INTAKE, *OUTCOME, *ESCALATION)))
    last_status = _LAST.format(e="e")
    rows = ((r[0], r[1:]) for r in conn.execute(
        f"SELECT c.id, {', '.join('c.' + c for c in columns)}, (SELECT {last_status} FROM events e "
        "WHERE e.complaint_id = c.id AND e.field = 'status' ORDER BY e.id DESC LIMIT 1) FROM complaints c ORDER BY c.id"))
    tags = by_id(conn.execute("SELECT complaint_id, tag FROM complaint_tags ORDER BY complaint_id, tag"), 2)
    fields = ", ".join(f"'{f}'" for f in CHANGED)
    # per complaint and field (per tag for tags): the first event's old value and id, and the last
    # event's id and value (the first's when it is the only one). Read in the table's order: through
    # the index of complaint ids every event would be a lookup of its own, at twice the cost.
    changes = by_id(conn.execute(
        f"""SELECT complaint_id, field, CASE WHEN field = 'tag' THEN coalesce(new_value, old_value) END AS tag,
                   old_value, min(id), CASE WHEN count(*) = 1 THEN {_LAST.format(e="events")} ELSE
                   (SELECT {_LAST.format(e="l")} FROM events l WHERE l.complaint_id = events.complaint_id
                    AND l.field = events.field AND (events.field <> 'tag'
                    OR coalesce(l.new_value, l.old_value) = coalesce(events.new_value, events.old_value))
                    ORDER BY l.id DESC LIMIT 1) END
            FROM events NOT INDEXED WHERE complaint_id IS NOT NULL AND field IN ({fields})
            GROUP BY complaint_id, field, tag ORDER BY complaint_id, field, tag"""), 6)
    intake = by_id(conn.execute(
        "SELECT complaint_id, min(id), action, digest FROM events WHERE action IN ('logged', 'imported') "
        "AND field = 'status' AND complaint_id IS NOT NULL GROUP BY complaint_id ORDER BY complaint_id"), 4)
    closing = by_id(conn.execute(_CLOSING_SQL), 8)
    imported = by_id(conn.execute(
        f"SELECT complaint_id, id, field, new_value FROM events WHERE action = 'imported' AND field IN "
        f"({', '.join(repr(f) for f in CLOSING)}) AND complaint_id IS NOT NULL ORDER BY complaint_id, id"), 4)
    escalations = by_id(conn.execute(
        "SELECT complaint_id, count(*), max(at), max(id) FROM events WHERE action = 'escalated' AND field IS NULL "
        "AND complaint_id IS NOT NULL GROUP BY complaint_id ORDER BY complaint_id"), 4)
    where = {name: i for i, name in enumerate(columns)}
    for cid, row, (tag_rows, change_rows, intake_rows, closing_rows, imported_rows, escalated) in merged_by_id(
            rows, tags, changes, intake, closing, imported, escalations):
        report.complaints += 1
        if not intake_rows or intake_rows[0][2] is None:
            report.unsealed += 1
        statements = _closing_statements(closing_rows[0] if closing_rows else None, imported_rows)
        found = _escalation(cid, row, where, escalated[0] if escalated else None) or _complaint(
            cid, row, where, {t for (t,) in tag_rows}, change_rows, _id_and_value(row[-1]) if row[-1] is not None else None,
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
               intake: tuple | None, statements: dict, versions: EventVersions) -> Disagreement | None:
    """The first disagreement of one complaint with its events, or None."""
    by_field: dict[str, tuple] = {}
    tag_events: dict[str, tuple] = {}
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


# How often a complaint logged here was reopened: one `reopened` status event each (an imported
# complaint's count came from its file, sealed with its outcome, and an import may update it).
_REOPENS_SQL = """
    SELECT c.id, c.reopened_count, count(r.id), max(r.id) FROM complaints c
    JOIN events l ON l.complaint_id = c.id AND l.action = 'logged' AND l.field = 'status' AND l.digest IS NOT NULL
    LEFT JOIN events r ON r.complaint_id = c.id AND r.action = 'reopened' AND r.field = 'status'
    WHERE NOT EXISTS (SELECT 1 FROM events i WHERE i.complaint_id = c.id AND i.action = 'imported')
    GROUP BY c.id HAVING c.reopened_count IS NOT count(r.id) ORDER BY c.id"""


def reopen_disagreements(conn: Connection) -> list[Disagreement]:
    """Each complaint logged here was reopened as often as its `reopened` events say."""
    return [Disagreement("reopened_count", "complaints", cid, event, held, stated)
            for cid, held, stated, event in conn.execute(_REOPENS_SQL).fetchall()]


# Who logged or imported a complaint, and when: the actor and time of its sealed intake event.
_CREATION_SQL = """
    SELECT c.id, c.created_by, c.created_at, e.id, e.actor, e.at FROM complaints c
    JOIN events e ON e.id = (SELECT min(x.id) FROM events x WHERE x.complaint_id = c.id
                             AND x.action IN ('logged', 'imported') AND x.field = 'status')
    WHERE e.digest IS NOT NULL AND (c.created_by IS NOT e.actor OR c.created_at IS NOT e.at) ORDER BY c.id"""


def creation_disagreements(conn: Connection) -> list[Disagreement]:
    """Each complaint was created by whom and when its `logged` or `imported` event says."""
    found = []
    for cid, by, at, event, actor, when in conn.execute(_CREATION_SQL).fetchall():
        found.append(Disagreement("created_by", "complaints", cid, event, by, actor) if by != actor else
                     Disagreement("created_at", "complaints", cid, event, at, when))
    return found


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


def survey_disagreements(conn: Connection) -> list[Disagreement]:
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
