"""What happened in one period [start, end), read once for every report that counts it (weekly,
agents, sla, causes): the complaints received, the first responses, every resolution and
closing made (history.py), the backlog at its end, and the classification and assignee each
of those complaints had at the end. Plain data; the reports add them up."""

from __future__ import annotations

from dataclasses import dataclass, field

from complaintctl.core.insight import history
from complaintctl.core.insight.figures import at_end, pct, percentile
from complaintctl.numbers import round_half_up
from complaintctl.store.engine import Connection, Row

RECEIVED = ("SELECT id, category, cause, channel, severity, assignee FROM complaints "
            "WHERE received_at >= ? AND received_at < ?")
RESPONDED = "SELECT id, severity, responded_late FROM complaints WHERE first_response_at >= ? AND first_response_at < ?"


@dataclass
class PeriodFacts:
    start: str
    end: str
    received: list[Row]
    responded: list[Row]
    resolutions: list[history.Resolution]
    closed: int
    spells: list[history.Spell]
    changed: dict[str, dict] = field(default_factory=dict)  # history.values_at for the complaints above
    current: dict[int, dict] = field(default_factory=dict)  # id -> {severity, assignee} for resolutions

    @classmethod
    def read(cls, conn: Connection, start: str, end: str, *, received: bool = True,
             resolved: bool = True) -> PeriodFacts:
        """The facts of [start, end); without ``received`` (the SLA report) no complaints received,
        without ``resolved`` (root causes) no responses, resolutions or closings."""
        spells = history.undone_spells(conn, start) if resolved else []
        facts = cls(start, end, conn.execute(RECEIVED, (start, end)).fetchall() if received else [],
                    conn.execute(RESPONDED, (start, end)).fetchall() if resolved else [],
                    history.resolutions(conn, start, end, spells) if resolved else [],
                    history.closings(conn, start, end, spells) if resolved else 0, spells)
        ids = {r["id"] for r in facts.received} | {r["id"] for r in facts.responded}
        solved = sorted({r.complaint_id for r in facts.resolutions})
        facts.current = {r[0]: {"severity": r[1], "assignee": r[2]} for r in conn.execute(
            "SELECT id, severity, assignee FROM complaints WHERE id IN (SELECT value FROM json_each(?))",
            (_json(solved),))}
        facts.changed = history.values_at(conn, end, sorted(ids | set(solved)))
        return facts

    def value(self, row_id: int, name: str, current):
        """A complaint's ``name`` at the end of the period."""
        return at_end(row_id, name, current, self.changed)

    def resolution_value(self, r: history.Resolution, name: str):
        return self.value(r.complaint_id, name, self.current[r.complaint_id][name])


def _json(ids) -> str:
    import json

    return json.dumps(list(ids))


def agents_table(conn: Connection, facts: PeriodFacts, names: dict[str, str]) -> list[dict]:
    """Per agent with anything in the period, by who had each complaint at its end: complaints
    received, resolutions made (their median time and resolution SLA %), and the average score
    of the surveys recorded in the period."""
    assigned: dict[str, int] = {}
    for r in facts.received:
        who = facts.value(r["id"], "assignee", r["assignee"])
        assigned[who] = assigned.get(who, 0) + 1
    solved: dict[str, list[history.Resolution]] = {}
    for res in facts.resolutions:
        solved.setdefault(facts.resolution_value(res, "assignee"), []).append(res)
    surveys = conn.execute("SELECT s.complaint_id, s.score, c.assignee FROM surveys s JOIN complaints c "
                           "ON c.id = s.complaint_id WHERE s.at >= ? AND s.at < ?", (facts.start, facts.end)).fetchall()
    surveyed_changed = history.values_at(conn, facts.end, sorted({s[0] for s in surveys}), ("assignee",))
    scores: dict[str, list[int]] = {}
    for cid, score, assignee in surveys:
        scores.setdefault(at_end(cid, "assignee", assignee, surveyed_changed), []).append(score)
    table = []
    for (agent,) in conn.execute("SELECT name FROM agents ORDER BY name"):
        done = solved.get(agent, [])
        timed = [r for r in done if r.late is not None]
        own = scores.get(agent)
        if not (assigned.get(agent) or done or own):
            continue
        table.append({"agent": agent, "full_name": names.get(agent), "assigned": assigned.get(agent, 0),
                      "resolved": len(done),
                      "median_resolution_hours": percentile(sorted(r.hours for r in done if r.hours is not None), 50),
                      "sla_pct": pct(sum(r.late == 0 for r in timed), len(timed)),
                      "satisfaction": round_half_up(sum(own) / len(own), 2) if own else None})
    return table


def compliance_by_severity(facts: PeriodFacts) -> dict[str | None, dict]:
    """First responses and resolutions of the period with a target, and those met, by the
    complaint's severity at the end of the period."""
    out: dict[str | None, dict] = {}

    def add(severity, kind: str, late) -> None:
        counts = out.setdefault(severity, {"response_total": 0, "response_met": 0,
                                           "resolution_total": 0, "resolution_met": 0})
        if late is not None:
            counts[f"{kind}_total"] += 1
            counts[f"{kind}_met"] += late == 0

    for r in facts.responded:
        add(facts.value(r["id"], "severity", r["severity"]), "response", r["responded_late"])
    for res in facts.resolutions:
        add(facts.resolution_value(res, "severity"), "resolution", res.late)
    return out
