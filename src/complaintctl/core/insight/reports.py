"""Report figures as plain data. Every figure of a period [start, end) of UTC times counts what
happened in it, as docs/reports.md defines it in plain SQL (a test holds each to its SQL): every
resolution and closing made in it, even if the complaint was reopened later, the backlog as it
stood at its end, and each complaint with the classification, assignee and tags it had then
(history.py), so a finished period's report says the same tomorrow as today. Medians and p90 are
taken in Python because SQLite 3.40 has no median()."""

from __future__ import annotations

from datetime import datetime, timezone

from complaintctl.core.insight import briefing, history, reported
from complaintctl.core.insight.figures import pct as _pct
from complaintctl.core.insight.figures import percentile
from complaintctl.core.insight.period_facts import PeriodFacts, agents_table, compliance_by_severity
from complaintctl.core.insight.period_reports import agents_report, causes_report, sla_report  # noqa: F401 (callers)
from complaintctl.core.insight.periods import last_full_week, previous_period, week_period  # noqa: F401 (callers)
from complaintctl.core.insight.trend import TREND_WEEKS, trends_report, weekly_trend  # noqa: F401 (callers)
from complaintctl.core.record.dates import now_utc, to_iso, zone_name
from complaintctl.core.sla.due import DEFAULT_SEVERITY_SETTING
from complaintctl.errors import InvalidInput
from complaintctl.numbers import round_half_up
from complaintctl.store.engine import Connection

UTC = timezone.utc
AGE_BUCKETS = history.AGE_BUCKETS
TOTALS = ("received", "acknowledged", "resolved", "closed", "reopened", "backlog")

# The figures that are one plain query over the complaints' own times; :start and :end are UTC ISO
# texts. The rest (resolutions, closings, the backlog, breakdowns, agents, tags) count the record
# as it stood: history.py and docs/reports.md.
SQL = {
    "received": "SELECT count(*) FROM complaints WHERE received_at >= :start AND received_at < :end",
    "acknowledged": "SELECT count(*) FROM complaints WHERE first_response_at >= :start AND first_response_at < :end",
    "reopened": "SELECT count(*) FROM events WHERE action = 'reopened' AND field = 'status' AND at >= :start AND at < :end",
    "first_response_hours": ("SELECT (julianday(first_response_at) - julianday(received_at)) * 24 FROM complaints "
                             "WHERE first_response_at >= :start AND first_response_at < :end ORDER BY 1"),
    "sla_response": ("SELECT count(*), coalesce(sum(responded_late = 0), 0) FROM complaints "
                     "WHERE first_response_at >= :start AND first_response_at < :end AND responded_late IS NOT NULL"),
    "responses_untimed": ("SELECT count(*) FROM complaints WHERE first_response_at >= :start "
                          "AND first_response_at < :end AND responded_late IS NULL"),
    "satisfaction": "SELECT score, count(*) FROM surveys WHERE at >= :start AND at < :end GROUP BY score",
    "repeat_customers": """
        SELECT cu.id AS customer_id, cu.name, cu.email, cu.phone,
               count(*) AS complaints,
               sum(c.received_at >= :start AND c.received_at < :end) AS in_period
        FROM complaints c JOIN customers cu ON cu.id = c.customer_id
        WHERE c.customer_id IN (SELECT customer_id FROM complaints WHERE received_at >= :start AND received_at < :end)
          AND c.received_at < :end
        GROUP BY cu.id
        HAVING count(*) >= 2
        ORDER BY complaints DESC, in_period DESC, cu.id LIMIT 10""",
    "top_subjects": ("SELECT subject, count(*) AS count FROM complaints WHERE received_at >= :start AND received_at < :end "
                     "GROUP BY subject HAVING count(*) >= 2 ORDER BY count DESC, subject LIMIT 10"),
}
BREAKDOWNS = {"category": "categories", "cause": "causes", "channel": "channels", "severity": "severities"}


def sla_shortfalls(data: dict, threshold: float) -> list[str]:
    """The compliance figures of a weekly or sla report below ``threshold`` percent, compared as
    printed (rounded), e.g. ["response 87.5%"]; empty when none is."""
    if data["report"] == "sla":
        figures = {}
        for kind in ("response", "resolution"):
            total = sum(r[f"{kind}_total"] or 0 for r in data["by_severity"])
            met = sum(r[f"{kind}_met"] or 0 for r in data["by_severity"])
            figures[kind] = _pct(met, total)
    else:
        figures = {name: v["pct"] for name, v in data["sla"].items()}
    return [f"{name} {pct}%" for name, pct in figures.items() if pct is not None and pct < threshold]


def _one(conn, sql: str, params: dict):
    return conn.execute(sql, params).fetchone()[0]


def _change(current: int, previous: int, running: bool = False) -> dict:
    """A figure beside the period before; a period still running has no change yet (a part week
    against a whole one is not a change: text says "running", and so does JSON, by null)."""
    if running:
        return {"value": current, "previous": previous, "change": None, "change_pct": None}
    return {"value": current, "previous": previous, "change": current - previous,
            "change_pct": _pct(current - previous, previous)}


def _totals(conn: Connection, p: dict, resolutions: int, closed: int, backlog: int) -> dict[str, int]:
    return {"received": _one(conn, SQL["received"], p), "acknowledged": _one(conn, SQL["acknowledged"], p),
            "resolved": resolutions, "closed": closed, "reopened": _one(conn, SQL["reopened"], p), "backlog": backlog}


def _previous_totals(conn: Connection, p: dict) -> dict[str, int]:
    spells = history.undone_spells(conn, p["start"])
    return _totals(conn, p, len(history.resolutions(conn, p["start"], p["end"], spells)),
                   history.closings(conn, p["start"], p["end"], spells),
                   history.backlog_at(conn, p["end"], spells).count)


def breakdown(conn: Connection, facts: PeriodFacts, kind: str) -> list[dict]:
    """The complaints received in the period by their ``kind`` (category, cause, channel,
    severity) at its end: most first, then in the taxonomy's order, then by code."""
    counts: dict[str | None, int] = {}
    for r in facts.received:
        code = facts.value(r["id"], kind, r[kind])
        counts[code] = counts.get(code, 0) + 1
    labels = {code: (en, zh, pos) for code, en, zh, pos in conn.execute(
        f"SELECT code, label_en, label_zh, position FROM {BREAKDOWNS[kind]}")}
    rows = [{"code": code, "label_en": labels[code][0] if code in labels else ("(none)" if code is None else code),
             "label_zh": labels[code][1] if code in labels else ("(未分类)" if code is None else code), "count": n}
            for code, n in counts.items()]
    rows.sort(key=lambda r: (-int(r["count"] or 0), labels[r["code"]][2] if r["code"] in labels else 999,
                             r["code"] is not None, r["code"] or ""))
    return rows


def _untimed(conn: Connection, p: dict, facts: PeriodFacts, backlog: history.Backlog) -> dict:
    """What no clock timed: first responses and resolutions of the period without a verdict, and
    the backlog at its end that had no severity then while no default severity was set."""
    no_default = history.setting_at(conn, DEFAULT_SEVERITY_SETTING, p["end"]) is None
    return {"responses": _one(conn, SQL["responses_untimed"], p),
            "resolutions": sum(1 for r in facts.resolutions if r.late is None),
            "open": history.without_severity_at(conn, backlog) if no_default else 0}


def _json(ids) -> str:
    import json

    return json.dumps(list(ids))


def _satisfaction(conn: Connection, p: dict, facts: PeriodFacts) -> dict:
    """Surveys recorded in the period; the response rate: of the resolutions made in it, the share
    with a survey recorded after the resolution and before the period's end."""
    scores = dict(conn.execute(SQL["satisfaction"], p).fetchall())
    responses = sum(scores.values())
    surveyed_at: dict[int, list[str]] = {}
    for cid, at in conn.execute("SELECT complaint_id, at FROM surveys WHERE complaint_id IN "
                                "(SELECT value FROM json_each(?)) AND at < ?",
                                (_json(sorted({r.complaint_id for r in facts.resolutions})), p["end"])):
        surveyed_at.setdefault(cid, []).append(at)
    surveyed = sum(1 for r in facts.resolutions if any(at >= r.at for at in surveyed_at.get(r.complaint_id, ())))
    return {
        "responses": responses,
        "average": round_half_up(sum(s * n for s, n in scores.items()) / responses, 2) if responses else None,
        "distribution": {str(s): scores.get(s, 0) for s in range(1, 6)},
        "resolved": len(facts.resolutions), "resolved_surveyed": surveyed,
        "response_rate": _pct(surveyed, len(facts.resolutions)),
    }


def _top_tags(conn: Connection, facts: PeriodFacts) -> list[dict]:
    counts: dict[str, int] = {}
    for tags in history.tags_at(conn, facts.end, sorted(r["id"] for r in facts.received)).values():
        for tag in tags:
            counts[tag] = counts.get(tag, 0) + 1
    return [{"tag": tag, "count": n} for tag, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:10]]


def weekly(conn: Connection, start: datetime, end: datetime, label: str, now: datetime | None = None) -> dict:
    """All figures of the weekly report for [start, end), compared with the period before it, with
    what needs attention at ``now``, the weeks before it as a trend, and the SLA against the goal."""
    now = now or now_utc()
    p = {"start": to_iso(start), "end": to_iso(end)}
    prev = dict(zip(("start", "end"), map(to_iso, previous_period(start, end)), strict=True))
    running = briefing.running(start, end, now)
    facts = PeriodFacts.read(conn, p["start"], p["end"])
    backlog = history.backlog_at(conn, p["end"], facts.spells, detail=True)
    now_totals = _totals(conn, p, len(facts.resolutions), facts.closed, backlog.count)
    before = _previous_totals(conn, prev)
    resolution_hours = sorted(r.hours for r in facts.resolutions if r.hours is not None)
    first_hours = [r[0] for r in conn.execute(SQL["first_response_hours"], p)]
    total, met = conn.execute(SQL["sla_response"], p).fetchone()
    timed = [r for r in facts.resolutions if r.late is not None]
    return {
        "report": "weekly",
        "period": {"label": label, "start": p["start"], "end": p["end"], "previous_start": prev["start"],
                   "previous_end": prev["end"], "timezone": zone_name(), "running": running},
        "totals": {name: _change(now_totals[name], before[name], running is not None) for name in TOTALS},
        "needs_attention": briefing.needs_attention(conn, now),
        "trend": weekly_trend(conn, end, standing_at=(p["end"], backlog.standing)),
        "sla_goal": briefing.sla_goal(conn),
        "sla_by_severity": briefing.sla_by_severity(conn, compliance_by_severity(facts)),
        "breakdowns": {kind: breakdown(conn, facts, kind) for kind in BREAKDOWNS},
        "backlog_ageing": [{"bucket": name, "count": n} for (name, _, _), n in
                           zip(AGE_BUCKETS, history.backlog_ageing(conn, backlog), strict=True)],
        "times": {name: {"count": len(values), "median": percentile(values, 50), "p90": percentile(values, 90)}
                  for name, values in (("first_response_hours", first_hours), ("resolution_hours", resolution_hours))},
        "sla": {"response": {"total": total, "met": met, "pct": _pct(met, total)},
                "resolution": {"total": len(timed), "met": sum(r.late == 0 for r in timed),
                               "pct": _pct(sum(r.late == 0 for r in timed), len(timed))}},
        # what no clock timed (no severity and no default): shown as such, not left out unsaid
        "sla_untimed": _untimed(conn, p, facts, backlog),
        "satisfaction": _satisfaction(conn, p, facts),
        "agents": agents_table(conn, facts, briefing.agent_names(conn)),
        "repeat_customers": [dict(r) for r in conn.execute(SQL["repeat_customers"], p)],
        "top_tags": _top_tags(conn, facts),
        "top_subjects": [dict(r) for r in conn.execute(SQL["top_subjects"], p)],
    }



PERIOD_REPORTS = ("weekly", "agents", "sla", "causes")


def _build(conn: Connection, kind: str, start: datetime, end: datetime, label: str, now: datetime | None) -> dict:
    if kind not in PERIOD_REPORTS:
        raise InvalidInput(f"no {kind!r} report of a period", hint="reports: " + ", ".join(PERIOD_REPORTS))
    if kind == "weekly":
        return weekly(conn, start, end, label, now=now)
    return {"agents": agents_report, "sla": sla_report, "causes": causes_report}[kind](conn, start, end, label)


def period_report(conn: Connection, kind: str, start: datetime, end: datetime, label: str, *, actor: str,
                  now: datetime | None = None) -> dict:
    """The use case of `report weekly|agents|sla|causes`: the report of [start, end), kept when
    the period is finished, with what changed since it was first reported (reported.py)."""
    return reported.keep(conn, _build(conn, kind, start, end, label, now), actor=actor, now=now)


def report_diff(conn: Connection, kind: str, start: datetime, end: datetime, label: str, *, since: str = "first",
                now: datetime | None = None) -> dict:
    """The use case of `report diff`: a kept report of a period against its figures now, and why."""
    return reported.diff(conn, _build(conn, kind, start, end, label, now), since=since)
