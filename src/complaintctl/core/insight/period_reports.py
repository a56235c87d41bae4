"""The reports of one period besides the weekly one: agents, SLA compliance and root causes,
each counted as the weekly report counts it (period_facts.py, docs/reports.md)."""

from __future__ import annotations

from datetime import datetime

from complaintctl.context import local_zone
from complaintctl.core.insight import briefing
from complaintctl.core.insight.figures import pct
from complaintctl.core.insight.period_facts import PeriodFacts, agents_table, compliance_by_severity
from complaintctl.core.insight.periods import previous_period, week_period
from complaintctl.core.record.dates import to_iso
from complaintctl.store.engine import Connection


def agents_report(conn: Connection, start: datetime, end: datetime, label: str) -> dict:
    """The agents table alone: it does not run the whole weekly report (two backlogs) to get it."""
    p = {"start": to_iso(start), "end": to_iso(end)}
    prev_start = to_iso(previous_period(start, end)[0])
    facts = PeriodFacts.read(conn, p["start"], p["end"])
    return {"report": "agents", "period": {"label": label, **p, "previous_start": prev_start, "previous_end": p["start"]},
            "agents": agents_table(conn, facts, briefing.agent_names(conn))}


def sla_report(conn: Connection, start: datetime, end: datetime, label: str) -> dict:
    """Response and resolution compliance by severity (at the period's end) and by ISO week (of the
    response or resolution)."""
    p = {"start": to_iso(start), "end": to_iso(end)}
    facts = PeriodFacts.read(conn, p["start"], p["end"], received=False)
    ranks = dict(conn.execute("SELECT code, rank FROM severities"))
    found = compliance_by_severity(facts)
    rows = []
    for severity in sorted(found, key=lambda s: ranks.get(s, 99)):
        counts = found[severity]
        rows.append({"severity": severity or "(none)", **counts,
                     "response_pct": pct(counts["response_met"], counts["response_total"]),
                     "resolution_pct": pct(counts["resolution_met"], counts["resolution_total"])})
    weeks = []
    cursor = start
    while cursor < end:
        year, week, _ = cursor.astimezone(local_zone()).isocalendar()
        w_start, w_end, w_label = week_period(f"{year}-W{week:02d}")
        q = {"start": to_iso(max(w_start, start)), "end": to_iso(min(w_end, end))}
        rt, rm = conn.execute("SELECT count(*), coalesce(sum(responded_late = 0), 0) FROM complaints "
                              "WHERE first_response_at >= :start AND first_response_at < :end "
                              "AND responded_late IS NOT NULL", q).fetchone()
        timed = [r.late for r in facts.resolutions if r.late is not None and q["start"] <= r.at < q["end"]]
        weeks.append({"week": w_label, "response_total": rt, "response_pct": pct(rm, rt),
                      "resolution_total": len(timed), "resolution_pct": pct(timed.count(0), len(timed))})
        cursor = w_end
    return {"report": "sla", "period": {"label": label, **p}, "by_severity": rows, "by_week": weeks}


def causes_report(conn: Connection, start: datetime, end: datetime, label: str) -> dict:
    """Root-cause Pareto of the complaints received in the period, by their cause at its end:
    causes by count, with the cumulative share; the 'vital few' make up 80%."""
    p = {"start": to_iso(start), "end": to_iso(end)}
    facts = PeriodFacts.read(conn, p["start"], p["end"], resolved=False)
    counts: dict[str | None, int] = {}
    for r in facts.received:
        cause = facts.value(r["id"], "cause", r["cause"])
        counts[cause] = counts.get(cause, 0) + 1
    labels = {code: (en, zh, pos) for code, en, zh, pos in conn.execute(
        "SELECT code, label_en, label_zh, position FROM causes")}
    rows: list[dict] = [{"code": code, "label_en": labels[code][0], "label_zh": labels[code][1], "count": n}
                        for code, n in counts.items() if code in labels]
    rows.sort(key=lambda r: (-r["count"], labels[r["code"]][2]))
    total = sum(r["count"] for r in rows)
    running = 0
    for entry in rows:
        before = running
        running += entry["count"]
        entry["share_pct"] = pct(entry["count"], total)
        entry["cumulative_pct"] = pct(running, total)
        entry["vital_few"] = total > 0 and before < 0.8 * total
    return {"report": "causes", "period": {"label": label, **p}, "total_with_cause": total,
            "without_cause": counts.get(None, 0), "causes": rows}
