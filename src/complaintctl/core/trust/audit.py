"""Verifying the audit trail: the hash chain of the events (what they say against the rows they
describe is core/trust/facts.py).

Reads only. The chain is defined in store/chain.py. Each link is checked on its own (an
event's stored hash against the hash of its content after the stored hash before it), so one
changed event is named once and does not make every later link look broken.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from complaintctl.errors import InvalidInput
from complaintctl.i18n import L_
from complaintctl.i18n.said import Input, Step
from complaintctl.store.catalog import columns
from complaintctl.store.chain import CHAINED, DIGEST, GENESIS, ChainVersion, link, sql_content, versions
from complaintctl.store.engine import Connection
from complaintctl.store.sqltext import newest_of_each

QUICK_TAIL = 10_000  # links `check --quick` verifies: the newest events
REPLAYED = ("status", "assignee", "category", "severity", "cause", "personality", "motive",
            "subject", "description", "received_at")  # fields whose every change writes an event saying so


@dataclass
class ChainReport:
    checked: int = 0  # links verified
    first_id: int | None = None  # the first event verified
    broken: list[int] = field(default_factory=list)  # ids of events whose link does not hold
    unhashed: list[int] = field(default_factory=list)  # ids of events without a hash
    head: tuple[int, str] | None = None  # (id, hash) of the newest event verified
    unknown: tuple[int, int] | None = None  # (first event, version) of a chain version not known here


def verify_chain(conn: Connection, *, tail: int | None = None, until: int | None = None) -> ChainReport:
    """Verify the links of every event (or the newest ``tail``, or those up to id ``until``).
    One pass in id order, each stretch of the chain by its version (store/chain.py); SQLite
    encodes each event's content, Python hashes it, and a link that does not hold is
    confirmed with the Python encoding before it is reported. Events from a version this
    complaintctl does not know on are not verified (``unknown`` says from where)."""
    report = ChainReport()
    previous = GENESIS
    low, high = 0, until
    if tail is not None:
        start = conn.execute("SELECT id, hash FROM events WHERE id < coalesce((SELECT max(id) FROM events), 0) - ? "
                             "ORDER BY id DESC LIMIT 1", (tail - 1,)).fetchone()
        if start is not None:
            low, previous = start[0], start[1] or GENESIS
    with_digest = DIGEST in columns(conn, "events")
    stretches = versions(conn)
    for i, (first, version) in enumerate(stretches):
        last = stretches[i + 1][0] - 1 if i + 1 < len(stretches) else None
        if last is not None and last <= low:
            continue
        if not isinstance(version, ChainVersion):
            report.unknown = (first, version)
            break
        bounds = [max(low + 1, first)] + [b for b in (last, high) if b is not None]
        where = "id >= ?" + " AND id <= ?" * (len(bounds) - 1)
        previous = _verify_stretch(conn, report, version, previous, where, bounds, with_digest)
    return report


def _verify_stretch(conn: Connection, report: ChainReport, version: ChainVersion, previous: str,
                    where: str, params: list, with_digest: bool) -> str:
    """Verify the events ``where`` says by ``version``; returns the last one's hash."""
    hash_text = version.hash_text
    rows = conn.execute(f"SELECT id, hash, {sql_content(with_digest)} FROM events WHERE {where} ORDER BY id", params)
    for event_id, stored, text in rows:
        computed = hash_text(previous + text)
        if stored != computed:
            computed = _confirm(conn, event_id, previous, version, with_digest)
            if stored is None:
                report.unhashed.append(event_id)
            elif stored != computed:
                report.broken.append(event_id)
        if report.first_id is None:
            report.first_id = event_id
        previous = stored or computed
        report.checked += 1
        report.head = (event_id, stored)
    return previous


def _confirm(conn: Connection, event_id: int, previous: str, version: ChainVersion, with_digest: bool) -> str:
    """The hash of one event by the chain's own definition (store/chain.py)."""
    columns = ", ".join((*CHAINED, DIGEST) if with_digest else CHAINED)
    values = conn.execute(f"SELECT {columns} FROM events WHERE id = ?", (event_id,)).fetchone()
    return link(previous, values[:len(CHAINED)], values[len(CHAINED)] if with_digest else None, version)


def replay_mismatches(conn: Connection) -> dict[str, list[int]]:
    """Field -> ids of complaints whose current value is not what their last event for that
    field set it to: a change made without its event."""
    value = "CASE e.field " + " ".join(f"WHEN '{f}' THEN CAST(c.{f} AS TEXT)" for f in REPLAYED) + " END"
    fields = ", ".join(f"'{f}'" for f in REPLAYED)
    found: dict[str, list[int]] = {}
    for name, cid in conn.execute(
            f"""SELECT e.field, c.id FROM ({newest_of_each(conn, "events", "complaint_id, field", "new_value",
                                                      f"field IN ({fields}) AND complaint_id IS NOT NULL")}) e
                JOIN complaints c ON c.id = e.complaint_id
                WHERE {value} IS NOT e.new_value ORDER BY c.id"""):
        found.setdefault(name, []).append(cid)
    return found


HEAD_FORM = re.compile(r"#?(\d+):([0-9a-f]{32})")


def parse_head(text: str) -> tuple[int, str]:
    """'ID:HASH' as `audit head` prints it."""
    match = HEAD_FORM.fullmatch(text.strip().lower())
    if not match:
        raise InvalidInput(L_("{against} {text!r} is not a chain head", against=Input("against"), text=text),
                           hint=L_("give ID:HASH as {step} prints it, e.g. 4211:3f9c...", step=Step("audit head")))
    return int(match.group(1)), match.group(2)


def audit_head(conn: Connection) -> dict:
    """The newest event's id and hash, and when it was written: what to keep elsewhere."""
    row = conn.execute("SELECT id, hash, at FROM events ORDER BY id DESC LIMIT 1").fetchone()
    if row is None:
        return {"head": None, "id": None, "hash": None, "at": None}
    return {"head": f"{row[0]}:{row[1]}", "id": row[0], "hash": row[1], "at": row[2]}


def against_head(conn: Connection, head: tuple[int, str]) -> str | None:
    """None when the chain up to ``head`` holds and ends in it (nothing at or before it
    changed); else what is wrong."""
    event_id, expected = head
    row = conn.execute("SELECT hash FROM events WHERE id = ?", (event_id,)).fetchone()
    if row is None:
        return f"event #{event_id} of the kept head is gone"
    report = verify_chain(conn, until=event_id)
    if report.unknown is not None:
        return (f"the events from #{report.unknown[0]} on use version {report.unknown[1]} of the audit chain, "
                "which this complaintctl does not know: the kept head cannot be proved")
    if report.broken or report.unhashed:
        first = min(report.broken + report.unhashed)
        return f"the chain up to the kept head #{event_id} is broken at event #{first}"
    if row[0] != expected:
        return (f"event #{event_id} now hashes to {row[0]}, not the kept {expected}: the history up to it "
                "was rewritten and its hashes recomputed")
    return None
