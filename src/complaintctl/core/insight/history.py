"""The record as it stood: what a finished period's report counts (docs/reports.md, "A past
period's report is a fact"), read from the event log so that reopening, reclassifying or
reassigning later changes nothing in it.

- Every resolution and closing made, also those a later reopen undid: a reopen keeps the
  times and the verdict it clears in `reopened` events (core/desk/closing.py), and the
  `finishes` view lists them beside each complaint's standing ones.
- The backlog at a moment: complaints received before it and not finished at it (finished
  before it and not reopened between).
- A complaint's classification, assignee and tags at the end of a period: the old value of the
  first change made at or after the end, else the value it has now. A complaint recorded after
  the period ended (a late import) is data arriving late: its values are the ones it has now.

Each read costs what the period holds (its complaints, the reopens since it began), not the
size of the history: the documented SQL reads every complaint, and a test holds the two equal.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from complaintctl.store.engine import Connection

# The spells a reopen undid, one row per reopen that recorded them (reopens recorded before
# schema 16 kept only the status: what they undid is not known, and not counted).
_UNDONE = """
    SELECT u.*, (julianday(u.resolved_at) - julianday(c.received_at)) * 24 FROM (
      SELECT e.complaint_id, e.at,
             max(CASE WHEN e.field = 'resolved_at' THEN e.old_value END) AS resolved_at,
             max(CASE WHEN e.field = 'resolved_late' THEN CAST(e.old_value AS INTEGER) END),
             max(CASE WHEN e.field = 'closed_at' THEN e.old_value END)
      FROM events e WHERE e.action = 'reopened' AND e.field IN ('resolved_at', 'resolved_late', 'closed_at')
        AND e.at >= ? GROUP BY e.complaint_id, e.at) u JOIN complaints c ON c.id = u.complaint_id"""

# The open backlog at :end by the complaints' standing times (received before :end, neither
# resolved nor closed before it), as three disjoint parts that indexes find directly: never
# resolved nor closed (complaints_unfinished), resolved at or after :end, closed at or after :end
# without a resolution ('+' keeps the planner off the received_at index, which would read every
# complaint ever received). Spells a reopen undid are taken off after (backlog()).
# (id, age in days at :end, severity now), named for the sums over them (backlog_ageing)
_BACKLOG_COLUMNS = "id, julianday(:end) - julianday(received_at) AS age, severity"
STANDING_BACKLOG = (
    f"SELECT {_BACKLOG_COLUMNS} FROM complaints WHERE resolved_at IS NULL AND closed_at IS NULL AND received_at < :end "
    f"UNION ALL SELECT {_BACKLOG_COLUMNS} FROM complaints WHERE resolved_at >= :end "
    "AND (closed_at IS NULL OR closed_at >= :end) AND +received_at < :end "
    f"UNION ALL SELECT {_BACKLOG_COLUMNS} FROM complaints WHERE closed_at >= :end AND resolved_at IS NULL "
    "AND +received_at < :end")

# the fields a report reads as they stood at a period's end (every event with a field records a
# change of it from old_value to new_value: docs/schema.md)
FIELDS_AT_END = ("category", "cause", "channel", "severity", "assignee")


@dataclass(frozen=True)
class Spell:
    """A time a complaint was finished and then reopened: when it was resolved (and whether on
    time) and closed, and when the reopen undid it."""

    complaint_id: int
    reopened_at: str
    resolved_at: str | None
    resolved_late: int | None
    closed_at: str | None
    hours: float | None  # from received to resolved

    @property
    def finished_at(self) -> str | None:
        return min((t for t in (self.resolved_at, self.closed_at) if t is not None), default=None)

    def covers(self, moment: str) -> bool:
        """Finished at ``moment``: finished before it, reopened at or after it."""
        return self.finished_at is not None and self.finished_at < moment <= self.reopened_at


def undone_spells(conn: Connection, since: str) -> list[Spell]:
    """The spells undone by reopens made at or after ``since`` (an index range of the events)."""
    return [Spell(*row) for row in conn.execute(_UNDONE, (since,))]


@dataclass(frozen=True)
class Resolution:
    complaint_id: int
    at: str
    late: int | None
    hours: float | None  # from received to this resolution, as the documented SQL's julianday() difference * 24


def resolutions(conn: Connection, start: str, end: str, spells: list[Spell] | None = None) -> list[Resolution]:
    """Every resolution made in [start, end): the standing ones, and those a reopen undid since
    (``spells``: undone_spells(conn, start) when the caller has read them already)."""
    found = [Resolution(*r) for r in conn.execute(
        "SELECT id, resolved_at, resolved_late, (julianday(resolved_at) - julianday(received_at)) * 24 "
        "FROM complaints WHERE resolved_at >= ? AND resolved_at < ?", (start, end))]
    for s in undone_spells(conn, start) if spells is None else spells:
        if s.resolved_at is not None and start <= s.resolved_at < end:
            found.append(Resolution(s.complaint_id, s.resolved_at, s.resolved_late, s.hours))
    return found


def closings(conn: Connection, start: str, end: str, spells: list[Spell] | None = None) -> int:
    """How many times complaints were closed in [start, end), closings a reopen undid included."""
    standing = conn.execute("SELECT count(*) FROM complaints WHERE closed_at >= ? AND closed_at < ?",
                            (start, end)).fetchone()[0]
    spells = undone_spells(conn, start) if spells is None else spells
    return standing + sum(1 for s in spells if s.closed_at is not None and start <= s.closed_at < end)


AGE_BUCKETS = [("<1d", 0, 1), ("1-3d", 1, 3), ("3-7d", 3, 7), ("7-30d", 7, 30), (">30d", 30, None)]


@dataclass
class Backlog:
    """The backlog at ``end``: ``standing`` complaints by the standing times, less ``covered``,
    those among them finished at ``end`` and reopened since (a complaint finished before ``end``
    by a spell a reopen undid has standing times after it: it is always among the standing).
    With ``detail``: the standing ones by age (AGE_BUCKETS) and those without a severity now."""

    end: str
    standing: int
    covered: set[int]
    standing_ages: list[int] | None = None
    standing_unrated: list[int] | None = None

    @property
    def count(self) -> int:
        return self.standing - len(self.covered)


def _bucket_sql(lo: float, hi: float | None) -> str:
    return f"coalesce(sum(age >= {lo}" + (f" AND age < {hi}" if hi is not None else "") + "), 0)"


def backlog_at(conn: Connection, end: str, spells: list[Spell] | None = None, *,
               detail: bool = False) -> Backlog:
    """The backlog at ``end`` counted from the index ranges in one pass (``spells``: the reopens
    since a moment at or before ``end``, when the caller has read them); with ``detail`` the
    same pass sums the ages and lists the complaints without a severity (a few), so a backlog of
    a hundred thousand is never read into Python."""
    spells = undone_spells(conn, end) if spells is None else spells
    covered = {s.complaint_id for s in spells if s.covers(end)}
    if not detail:
        return Backlog(end, conn.execute(f"SELECT count(*) FROM ({STANDING_BACKLOG}) AS standing", {"end": end}).fetchone()[0],
                       covered)
    sums = ", ".join(_bucket_sql(lo, hi) for _, lo, hi in AGE_BUCKETS)
    row = conn.execute(f"SELECT count(*), json_group_array(id) FILTER (WHERE severity IS NULL), {sums} "
                       f"FROM ({STANDING_BACKLOG}) AS standing", {"end": end}).fetchone()
    return Backlog(end, row[0], covered, list(row[2:]), json.loads(row[1]))


def backlog(conn: Connection, end: str, spells: list[Spell] | None = None) -> list[tuple[int, float, str | None]]:
    """(id, age in days, severity now) of each complaint open at ``end``: received before it and
    not finished at it."""
    covered = backlog_at(conn, end, spells).covered
    return [r for r in conn.execute(STANDING_BACKLOG, {"end": end}) if r[0] not in covered]


def backlog_ageing(conn: Connection, b: Backlog) -> list[int]:
    """How many complaints of the backlog ``b`` (read with ``detail``) are in each AGE_BUCKETS
    bucket of age at its end: the standing ones' sums less the covered ones (a few)."""
    counts = list(b.standing_ages or [])
    for (age,) in conn.execute("SELECT julianday(?) - julianday(received_at) FROM complaints "
                               "WHERE id IN (SELECT value FROM json_each(?))", (b.end, json.dumps(sorted(b.covered)))):
        for i, (_, lo, hi) in enumerate(AGE_BUCKETS):
            if age >= lo and (hi is None or age < hi):
                counts[i] -= 1
    return counts


def without_severity_at(conn: Connection, b: Backlog) -> int:
    """How many complaints of the backlog ``b`` (read with ``detail``) had no severity at its end:
    those with none now and none given since, and those given their first severity since. Only
    those are read event by event: the ones with none now, and those whose severity was set from
    none since (the events_severity_changes index finds these few by time)."""
    rows: dict[int, str | None] = dict.fromkeys(b.standing_unrated or [])
    set_since = sorted({cid for (cid,) in conn.execute(
        "SELECT complaint_id FROM events WHERE field = 'severity' AND at >= ? AND old_value IS NULL", (b.end,))})
    if set_since:
        rows.update(conn.execute(f"SELECT id, severity FROM ({STANDING_BACKLOG}) AS standing "
                                 "WHERE id IN (SELECT value FROM json_each(:ids))",
                                 {"end": b.end, "ids": json.dumps(set_since)}))
    for cid in b.covered:
        rows.pop(cid, None)
    changed = values_at(conn, b.end, sorted(rows), ("severity",))["severity"]
    return sum(1 for cid, severity in rows.items() if changed.get(cid, severity) is None)


def _chunks(ids: list[int], size: int = 20000):
    for i in range(0, len(ids), size):
        yield json.dumps(ids[i:i + size])


# The fields whose changes a report reads back to a period's end, as the partial index
# events_field_changes (migration 24) is written: a query naming this very term may use it.
CHANGED_FIELDS_SQL = "field IN ('category', 'cause', 'channel', 'severity', 'assignee', 'tag')"


def _changes_since(conn: Connection, end: str, ids: list[int], fields: tuple[str, ...]):
    """(complaint_id, field, old_value, new_value) of the changes of ``fields`` made at or after
    ``end`` to the complaints among ``ids`` recorded before ``end``, oldest first. Read by time
    (events_field_changes) when the changes since ``end`` are fewer than the complaints' own
    events would be (a recent end), else complaint by complaint (an end long ago)."""
    marks = ", ".join("?" * len(fields))
    where = f"e.{CHANGED_FIELDS_SQL} AND e.field IN ({marks}) AND e.at >= ?"
    cap = 3 * len(ids) + 1000
    since = conn.execute(f"SELECT count(*) FROM (SELECT 1 FROM events e WHERE {where} LIMIT ?) AS late",
                         (*fields, end, cap)).fetchone()[0]
    if since < cap:
        wanted = set(ids)
        rows = conn.execute(
            f"SELECT e.complaint_id, e.field, e.old_value, e.new_value FROM events e "
            f"JOIN complaints c ON c.id = e.complaint_id WHERE {where} AND c.created_at < ? ORDER BY e.id",
            (*fields, end, end)).fetchall()
        return [r for r in rows if r[0] in wanted]
    found = []
    for chunk in _chunks(ids):
        found += conn.execute(
            f"SELECT e.complaint_id, e.field, e.old_value, e.new_value FROM events e "
            f"JOIN complaints c ON c.id = e.complaint_id WHERE e.complaint_id IN (SELECT value FROM json_each(?)) "
            f"AND e.field IN ({marks}) AND e.at >= ? AND c.created_at < ? ORDER BY e.id",
            (chunk, *fields, end, end)).fetchall()
    return found


def values_at(conn: Connection, end: str, ids: list[int], fields: tuple[str, ...] = FIELDS_AT_END,
              ) -> dict[str, dict[int, str | None]]:
    """For each field, the complaints among ``ids`` whose value at ``end`` differs from the one
    they have now, with the value they had: the old value of their first change at or after
    ``end``. Complaints recorded at or after ``end`` keep the values they have now."""
    out: dict[str, dict[int, str | None]] = {f: {} for f in fields}
    for cid, field, old, _ in _changes_since(conn, end, ids, fields):
        out[field].setdefault(cid, old)
    return out


def tags_at(conn: Connection, end: str, ids: list[int]) -> dict[int, set[str]]:
    """The tags of each complaint among ``ids`` at ``end``: the tags it has now, without those
    added at or after ``end`` and with those removed since (recorded before ``end`` only)."""
    tags: dict[int, set[str]] = {}
    for chunk in _chunks(ids):
        for cid, tag in conn.execute("SELECT complaint_id, tag FROM complaint_tags "
                                     "WHERE complaint_id IN (SELECT value FROM json_each(?))", (chunk,)):
            tags.setdefault(cid, set()).add(tag)
    seen: set[tuple[int, str]] = set()
    for cid, _, old, new in _changes_since(conn, end, ids, ("tag",)):
        tag = new if new is not None else old
        if (cid, tag) in seen:
            continue
        seen.add((cid, tag))
        if new is not None:  # added since: not there at the end
            tags.get(cid, set()).discard(tag)
        else:  # removed since: there at the end
            tags.setdefault(cid, set()).add(tag)
    return tags


def setting_at(conn: Connection, key: str, end: str) -> str | None:
    """A team setting's value at ``end``: the old value of its first change since, else now."""
    row = conn.execute("SELECT old_value FROM events WHERE action = 'setting_changed' AND field = ? AND at >= ? "
                       "ORDER BY id LIMIT 1", (key, end)).fetchone()
    if row is not None:
        return row[0]
    row = conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
    return row[0] if row else None
