"""Report figures as plain data. Every figure is one documented SQL query over a window
[start, end) of UTC times (docs/reports.md), so a team can reproduce it in plain SQL;
medians and p90 are taken in Python because SQLite 3.40 has no median()."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from datetime import date, datetime, timedelta, timezone

from complaintctl.core.insight import briefing
from complaintctl.core.insight.periods import last_full_week, previous_period, week_period
from complaintctl.core.record.dates import now_utc, to_iso, zone_name
from complaintctl.core.record.lifecycle import OPEN_SQL
from complaintctl.errors import InvalidInput
from complaintctl.numbers import round_half_up
from complaintctl.store.engine import Connection

UTC = timezone.utc
AGE_BUCKETS = [("<1d", 0, 1), ("1-3d", 1, 3), ("3-7d", 3, 7), ("7-30d", 7, 30), (">30d", 30, None)]

# The open backlog at :end, as docs/reports.md defines it (received before :end, neither resolved
# nor closed before it), as three disjoint parts that indexes find directly: never resolved nor
# closed (complaints_unfinished), resolved at or after :end, closed at or after :end without a
# resolution. The same rows (a test holds them to the definition), read from the few thousand
# index entries of the backlog instead of every complaint ever received ('+' keeps the planner off
# the received_at index, which would read them all).
UNFINISHED_AT_END = (
    "SELECT received_at FROM complaints WHERE resolved_at IS NULL AND closed_at IS NULL AND received_at < :end "
    "UNION ALL SELECT received_at FROM complaints WHERE resolved_at >= :end "
    "AND (closed_at IS NULL OR closed_at >= :end) AND +received_at < :end "
    "UNION ALL SELECT received_at FROM complaints WHERE closed_at >= :end AND resolved_at IS NULL "
    "AND +received_at < :end")

# The SQL behind each figure; :start and :end are UTC ISO texts. Also printed in docs/reports.md.
SQL = {
    "received": "SELECT count(*) FROM complaints WHERE received_at >= :start AND received_at < :end",
    "acknowledged": "SELECT count(*) FROM complaints WHERE first_response_at >= :start AND first_response_at < :end",
    "resolved": "SELECT count(*) FROM complaints WHERE resolved_at >= :start AND resolved_at < :end",
    "closed": "SELECT count(*) FROM complaints WHERE closed_at >= :start AND closed_at < :end",
    "reopened": "SELECT count(*) FROM events WHERE action = 'reopened' AND field = 'status' AND at >= :start AND at < :end",
    "backlog": f"SELECT count(*) FROM ({UNFINISHED_AT_END})",
    "breakdown": ("SELECT c.{kind} AS code, t.label_en, t.label_zh, count(*) AS count FROM complaints c "
                  "LEFT JOIN {table} t ON t.code = c.{kind} WHERE c.received_at >= :start AND c.received_at < :end "
                  "GROUP BY c.{kind} ORDER BY count DESC, coalesce(t.position, 999), c.{kind}"),
    "backlog_ages": f"SELECT julianday(:end) - julianday(received_at) AS age_days FROM ({UNFINISHED_AT_END})",
    "first_response_hours": ("SELECT (julianday(first_response_at) - julianday(received_at)) * 24 FROM complaints "
                             "WHERE first_response_at >= :start AND first_response_at < :end ORDER BY 1"),
    "resolution_hours": ("SELECT (julianday(resolved_at) - julianday(received_at)) * 24 FROM complaints "
                         "WHERE resolved_at >= :start AND resolved_at < :end ORDER BY 1"),
    "sla_response": ("SELECT count(*), coalesce(sum(responded_late = 0), 0) FROM complaints "
                     "WHERE first_response_at >= :start AND first_response_at < :end AND responded_late IS NOT NULL"),
    "sla_resolution": ("SELECT count(*), coalesce(sum(resolved_late = 0), 0) FROM complaints "
                       "WHERE resolved_at >= :start AND resolved_at < :end AND resolved_late IS NOT NULL"),
    "sla_untimed": ("SELECT (SELECT count(*) FROM complaints WHERE first_response_at >= :start "
                    "AND first_response_at < :end AND responded_late IS NULL) AS responses, "
                    "(SELECT count(*) FROM complaints WHERE resolved_at >= :start AND resolved_at < :end "
                    "AND resolved_late IS NULL) AS resolutions, "
                    f"(SELECT count(*) FROM complaints WHERE {OPEN_SQL} "
                    "AND received_at < :end AND respond_due_at IS NULL AND resolve_due_at IS NULL) AS open"),
    "satisfaction": "SELECT score, count(*) FROM surveys WHERE at >= :start AND at < :end GROUP BY score",
    "survey_rate": ("SELECT count(*), coalesce(sum(EXISTS (SELECT 1 FROM surveys s WHERE s.complaint_id = c.id "
                    "AND s.at >= c.resolved_at)), 0) FROM complaints c WHERE c.resolved_at >= :start AND c.resolved_at < :end"),
    "agents": """
        WITH w AS (
          SELECT assignee, 1 AS received, 0 AS resolved, NULL AS resolved_late FROM complaints
          WHERE received_at >= :start AND received_at < :end
          UNION ALL
          SELECT assignee, 0, 1, resolved_late FROM complaints WHERE resolved_at >= :start AND resolved_at < :end
        ), scores AS (
          SELECT c.assignee, round(avg(s.score), 2) AS satisfaction
          FROM surveys s JOIN complaints c ON c.id = s.complaint_id
          WHERE s.at >= :start AND s.at < :end GROUP BY c.assignee
        )
        SELECT a.name AS agent, coalesce(sum(w.received), 0) AS assigned, coalesce(sum(w.resolved), 0) AS resolved,
               coalesce(sum(w.resolved AND w.resolved_late IS NOT NULL), 0) AS sla_total,
               coalesce(sum(w.resolved AND w.resolved_late = 0), 0) AS sla_met,
               (SELECT satisfaction FROM scores WHERE scores.assignee = a.name) AS satisfaction
        FROM agents a LEFT JOIN w ON w.assignee = a.name
        GROUP BY a.name ORDER BY a.name""",
    "agent_resolution_hours": ("SELECT assignee, (julianday(resolved_at) - julianday(received_at)) * 24 FROM complaints "
                               "WHERE resolved_at >= :start AND resolved_at < :end AND assignee IS NOT NULL "
                               "ORDER BY 1, 2"),
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
    "top_tags": ("SELECT t.tag, count(*) AS count FROM complaint_tags t JOIN complaints c ON c.id = t.complaint_id "
                 "WHERE c.received_at >= :start AND c.received_at < :end GROUP BY t.tag ORDER BY count DESC, t.tag LIMIT 10"),
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


# --- statistics ------------------------------------------------------------------------------

def percentile(sorted_values: list[float], pct: float) -> float | None:
    """Nearest-rank percentile (pct 50 = median as the lower middle value; documented)."""
    if not sorted_values:
        return None
    if pct == 50:
        n = len(sorted_values)
        mid = n // 2
        value = sorted_values[mid] if n % 2 else (sorted_values[mid - 1] + sorted_values[mid]) / 2
        return round_half_up(value, 2)
    import math

    rank = max(1, math.ceil(pct / 100 * len(sorted_values)))
    return round_half_up(sorted_values[rank - 1], 2)


def _pct(part: int, whole: int) -> float | None:
    """A share in percent with one decimal, rounded as the documented SQL's round(..., 1)."""
    return round_half_up(100.0 * part / whole, 1) if whole else None


def _one(conn, sql: str, params: dict):
    return conn.execute(sql, params).fetchone()[0]


def _change(current: int, previous: int, running: bool = False) -> dict:
    """A figure beside the period before; a period still running has no change yet (a part week
    against a whole one is not a change: text says "running", and so does JSON, by null)."""
    if running:
        return {"value": current, "previous": previous, "change": None, "change_pct": None}
    return {"value": current, "previous": previous, "change": current - previous,
            "change_pct": _pct(current - previous, previous)}


def weekly(conn: Connection, start: datetime, end: datetime, label: str, now: datetime | None = None) -> dict:
    """All figures of the weekly report for [start, end), compared with the period before it, with
    what needs attention at ``now``, the weeks before it as a trend, and the SLA against the goal."""
    now = now or now_utc()
    p = {"start": to_iso(start), "end": to_iso(end)}
    prev = dict(zip(("start", "end"), map(to_iso, previous_period(start, end)), strict=True))
    running = briefing.running(start, end, now)
    ages = [r[0] for r in conn.execute(SQL["backlog_ages"], p)]  # one scan gives the backlog and its ages
    totals = {name: _change(len(ages) if name == "backlog" else _one(conn, SQL[name], p), _one(conn, SQL[name], prev),
                            running is not None)
              for name in ("received", "acknowledged", "resolved", "closed", "reopened", "backlog")}
    breakdowns = {}
    for kind, table in BREAKDOWNS.items():
        rows = conn.execute(SQL["breakdown"].format(kind=kind, table=table), p).fetchall()
        breakdowns[kind] = [{"code": r[0], "label_en": r[1] or ("(none)" if r[0] is None else r[0]),
                             "label_zh": r[2] or ("(未分类)" if r[0] is None else r[0]), "count": r[3]} for r in rows]
    ageing = []
    for bucket, lo, hi in AGE_BUCKETS:
        ageing.append({"bucket": bucket, "count": sum(1 for a in ages if a >= lo and (hi is None or a < hi))})
    times = {}
    for name in ("first_response_hours", "resolution_hours"):
        values = [r[0] for r in conn.execute(SQL[name], p)]
        times[name] = {"count": len(values), "median": percentile(values, 50), "p90": percentile(values, 90)}
    sla_figures = {}
    for name in ("response", "resolution"):
        total, met = conn.execute(SQL[f"sla_{name}"], p).fetchone()
        sla_figures[name] = {"total": total, "met": met, "pct": _pct(met, total)}

    scores = dict(conn.execute(SQL["satisfaction"], p).fetchall())
    responses = sum(scores.values())
    resolved_count, surveyed = conn.execute(SQL["survey_rate"], p).fetchone()
    satisfaction = {
        "responses": responses,
        "average": round_half_up(sum(s * n for s, n in scores.items()) / responses, 2) if responses else None,
        "distribution": {str(s): scores.get(s, 0) for s in range(1, 6)},
        "resolved": resolved_count, "resolved_surveyed": surveyed, "response_rate": _pct(surveyed, resolved_count),
    }
    return {
        "report": "weekly",
        "period": {"label": label, "start": p["start"], "end": p["end"], "previous_start": prev["start"],
                   "previous_end": prev["end"], "timezone": zone_name(), "running": running},
        "totals": totals,
        "needs_attention": briefing.needs_attention(conn, now),
        "trend": weekly_trend(conn, end, backlog_at=(p["end"], len(ages))),
        "sla_goal": briefing.sla_goal(conn),
        "sla_by_severity": briefing.sla_by_severity(conn, start, end),
        "breakdowns": breakdowns,
        "backlog_ageing": ageing,
        "times": times,
        "sla": sla_figures,
        # what no clock timed (no severity and no default): shown as such, not left out unsaid
        "sla_untimed": dict(conn.execute(SQL["sla_untimed"], p).fetchone()),
        "satisfaction": satisfaction,
        "agents": _agents(conn, p),
        "repeat_customers": [dict(r) for r in conn.execute(SQL["repeat_customers"], p)],
        "top_tags": [dict(r) for r in conn.execute(SQL["top_tags"], p)],
        "top_subjects": [dict(r) for r in conn.execute(SQL["top_subjects"], p)],
    }


TREND_WEEKS = 10  # this week and the nine before it


def weekly_trend(conn: Connection, end: datetime, weeks: int = TREND_WEEKS,
                 backlog_at: tuple[str, int] | None = None) -> list[dict]:
    """The ``weeks`` ISO weeks up to the one holding ``end`` (exclusive): received, resolved,
    backlog at the week's end, and first-response and resolution compliance, each exactly as
    its documented SQL counts it for that week (a test holds them to it). One pass reads the
    complaints that changed in the span; the backlog is counted in full once, at the last end
    (``backlog_at``: a count already made, (end, count)), and derived for the weeks before:
    backlog(e) = backlog(E) - received in [e, E) and still open at E + received before e and
    finished in [e, E). Forty queries and ten backlog scans made the report three times slower."""
    # by the local calendar: a week with a daylight-saving change is not 168 hours long
    year, week, _ = (end - timedelta(seconds=1)).astimezone().isocalendar()
    monday = date.fromisocalendar(year, week, 1)
    spans = []
    for back in range(weeks - 1, -1, -1):
        year, week, _ = (monday - timedelta(weeks=back)).isocalendar()
        start, stop, label = week_period(f"{year}-W{week:02d}")
        spans.append((label, to_iso(start), to_iso(stop)))
    starts, ends = [sp[1] for sp in spans], [sp[2] for sp in spans]
    a, last = starts[0], ends[-1]
    rows = conn.execute(
        "SELECT received_at, resolved_at, first_response_at, responded_late, resolved_late, "
        "min(coalesce(resolved_at, closed_at), coalesce(closed_at, resolved_at)) FROM complaints "
        "WHERE (received_at >= :a AND received_at < :b) OR (resolved_at >= :a AND resolved_at < :b) "
        "OR (closed_at >= :a AND closed_at < :b) OR (first_response_at >= :a AND first_response_at < :b)",
        {"a": a, "b": last}).fetchall()
    n = len(spans)
    count = {k: [0] * n for k in ("received", "resolved", "rt", "rm", "st", "sm", "came", "left")}

    def week_of(moment: str | None) -> int | None:
        return bisect_right(starts, moment) - 1 if moment is not None and a <= moment < last else None

    for received, resolved, responded, responded_late, resolved_late, done in rows:
        if (i := week_of(received)) is not None:
            count["received"][i] += 1
            if done is None or done >= last:  # received in week i and still open at the end
                count["came"][i] += 1
        if (i := week_of(resolved)) is not None:
            count["resolved"][i] += 1
            if resolved_late is not None:
                count["st"][i] += 1
                count["sm"][i] += resolved_late == 0
        if (i := week_of(responded)) is not None and responded_late is not None:
            count["rt"][i] += 1
            count["rm"][i] += responded_late == 0
        if done is not None and a <= done < last:  # open at the ends e with received < e <= done
            for j in range(bisect_left(ends, received if received > a else a), bisect_right(ends, done)):
                if received < ends[j] <= done:
                    count["left"][j] += 1
    total = (backlog_at[1] if backlog_at and backlog_at[0] == last
             else conn.execute(SQL["backlog"], {"end": last}).fetchone()[0])
    out = []
    for i, (label, start, _) in enumerate(spans):
        came = sum(count["came"][i + 1:])  # received after this week's end, still open at the last
        out.append({"week": label, "start": start, "received": count["received"][i], "resolved": count["resolved"][i],
                    "backlog": total - came + count["left"][i], "response_pct": _pct(count["rm"][i], count["rt"][i]),
                    "resolution_pct": _pct(count["sm"][i], count["st"][i])})
    return out


# --- other reports ---------------------------------------------------------------------------

def _agents(conn: Connection, p: dict) -> list[dict]:
    """Per agent with anything in the window: assigned, resolved, median resolution, SLA %, satisfaction."""
    hours_by_agent: dict[str, list[float]] = {}
    for agent, hours in conn.execute(SQL["agent_resolution_hours"], p):
        hours_by_agent.setdefault(agent, []).append(hours)
    names = briefing.agent_names(conn)
    agents = []
    for r in conn.execute(SQL["agents"], p):
        row = dict(r)
        if not (row["assigned"] or row["resolved"] or row["satisfaction"] is not None):
            continue
        agents.append({"agent": row["agent"], "full_name": names.get(row["agent"]), "assigned": row["assigned"],
                       "resolved": row["resolved"],
                       "median_resolution_hours": percentile(hours_by_agent.get(row["agent"], []), 50),
                       "sla_pct": _pct(row["sla_met"], row["sla_total"]), "satisfaction": row["satisfaction"]})
    return agents


def agents_report(conn: Connection, start: datetime, end: datetime, label: str) -> dict:
    """The agents table alone: it no longer runs the whole weekly report (two backlog scans) to get it."""
    p = {"start": to_iso(start), "end": to_iso(end)}
    prev_start = to_iso(previous_period(start, end)[0])
    return {"report": "agents", "period": {"label": label, **p, "previous_start": prev_start, "previous_end": p["start"]},
            "agents": _agents(conn, p)}


def sla_report(conn: Connection, start: datetime, end: datetime, label: str) -> dict:
    """Response and resolution compliance by severity and by ISO week (of completion)."""
    p = {"start": to_iso(start), "end": to_iso(end)}
    rows = []
    for r in conn.execute(
        """
        SELECT coalesce(c.severity, '(none)') AS severity,
          sum(c.first_response_at >= :start AND c.first_response_at < :end AND c.responded_late IS NOT NULL) AS response_total,
          sum(c.first_response_at >= :start AND c.first_response_at < :end AND c.responded_late = 0) AS response_met,
          sum(c.resolved_at >= :start AND c.resolved_at < :end AND c.resolved_late IS NOT NULL) AS resolution_total,
          sum(c.resolved_at >= :start AND c.resolved_at < :end AND c.resolved_late = 0) AS resolution_met
        FROM complaints c LEFT JOIN severities s ON s.code = c.severity
        WHERE (c.first_response_at >= :start AND c.first_response_at < :end)
           OR (c.resolved_at >= :start AND c.resolved_at < :end)
        GROUP BY c.severity ORDER BY coalesce(min(s.rank), 99)
        """, p):
        d = dict(r)
        d["response_pct"] = _pct(d["response_met"], d["response_total"])
        d["resolution_pct"] = _pct(d["resolution_met"], d["resolution_total"])
        rows.append(d)
    weeks = []
    cursor = start
    while cursor < end:
        year, week, _ = cursor.astimezone().isocalendar()
        w_start, w_end, w_label = week_period(f"{year}-W{week:02d}")
        q = {"start": to_iso(max(w_start, start)), "end": to_iso(min(w_end, end))}
        rt, rm = conn.execute(SQL["sla_response"], q).fetchone()
        st, sm = conn.execute(SQL["sla_resolution"], q).fetchone()
        weeks.append({"week": w_label, "response_total": rt, "response_pct": _pct(rm, rt),
                      "resolution_total": st, "resolution_pct": _pct(sm, st)})
        cursor = w_end
    return {"report": "sla", "period": {"label": label, **p}, "by_severity": rows, "by_week": weeks}


def trends_report(conn: Connection, weeks: int, now: datetime) -> dict:
    if not 1 <= weeks <= 260:
        raise InvalidInput("--weeks must be between 1 and 260")
    _, last_end, _ = last_full_week(now)
    # received, resolved and backlog of each week as the weekly report's trend counts them: one
    # pass over what changed in the span, not three queries a week and a backlog scan each
    trend = weekly_trend(conn, last_end, weeks)
    top = [r[0] for r in conn.execute(
        "SELECT coalesce(category, '(none)') FROM complaints WHERE received_at >= ? AND received_at < ? "
        "GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 5", (trend[0]["start"], to_iso(last_end)))]
    rows = []
    for i, week in enumerate(trend):
        end = trend[i + 1]["start"] if i + 1 < len(trend) else to_iso(last_end)
        counts = dict(conn.execute(
            "SELECT coalesce(category, '(none)'), count(*) FROM complaints WHERE received_at >= :start "
            "AND received_at < :end GROUP BY 1", {"start": week["start"], "end": end}).fetchall())
        rows.append({"week": week["week"], "start": week["start"], "received": week["received"],
                     "resolved": week["resolved"], "backlog": week["backlog"],
                     "by_category": {c: counts.get(c, 0) for c in top}})
    return {"report": "trends", "weeks": rows, "top_categories": top}


def causes_report(conn: Connection, start: datetime, end: datetime, label: str) -> dict:
    """Root-cause Pareto: causes by count, with the cumulative share; the 'vital few' make up 80%."""
    p = {"start": to_iso(start), "end": to_iso(end)}
    rows = [dict(r) for r in conn.execute(
        "SELECT c.cause AS code, t.label_en, t.label_zh, count(*) AS count FROM complaints c "
        "JOIN causes t ON t.code = c.cause WHERE c.received_at >= :start AND c.received_at < :end "
        "GROUP BY c.cause ORDER BY count DESC, t.position", p)]
    total = sum(r["count"] for r in rows)
    running = 0
    for r in rows:
        before = running
        running += r["count"]
        r["share_pct"] = _pct(r["count"], total)
        r["cumulative_pct"] = _pct(running, total)
        r["vital_few"] = total > 0 and before < 0.8 * total
    unclassified = _one(conn, "SELECT count(*) FROM complaints WHERE cause IS NULL AND received_at >= :start "
                              "AND received_at < :end", p)
    return {"report": "causes", "period": {"label": label, **p}, "total_with_cause": total,
            "without_cause": unclassified, "causes": rows}
