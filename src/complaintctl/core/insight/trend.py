"""Week by week: the weekly report's trend and `report trends`, each week counted as the weekly
report counts it (docs/reports.md; a test holds every week to its SQL), from one pass over what
changed in the span."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from datetime import date, datetime, timedelta

from complaintctl.context import local_zone
from complaintctl.core.insight import history
from complaintctl.core.insight.figures import at_end, pct
from complaintctl.core.insight.periods import last_full_week, week_period
from complaintctl.core.record.dates import to_iso
from complaintctl.errors import InvalidInput
from complaintctl.i18n import L_
from complaintctl.i18n.said import Input
from complaintctl.store.engine import Connection

TREND_WEEKS = 10  # this week and the nine before it


def trend_spans(end: datetime, weeks: int) -> list[tuple[str, str, str]]:
    """(label, start, end) of the ``weeks`` ISO weeks up to the one holding ``end`` (exclusive),
    by the local calendar: a week with a daylight-saving change is not 168 hours long."""
    year, week, _ = (end - timedelta(seconds=1)).astimezone(local_zone()).isocalendar()
    monday = date.fromisocalendar(year, week, 1)
    spans = []
    for back in range(weeks - 1, -1, -1):
        year, week, _ = (monday - timedelta(weeks=back)).isocalendar()
        start, stop, label = week_period(f"{year}-W{week:02d}")
        spans.append((label, to_iso(start), to_iso(stop)))
    return spans


def weekly_trend(conn: Connection, end: datetime, weeks: int = TREND_WEEKS,
                 standing_at: tuple[str, int] | None = None) -> list[dict]:
    """The ``weeks`` ISO weeks up to the one holding ``end``: received, resolutions made, backlog
    at the week's end, and first-response and resolution compliance. One pass reads the
    complaints whose times fall in the span; the backlog by the standing times is counted in full
    once, at the last end (``standing_at``: a count already made, (end, count)), and derived for
    the weeks before: standing(e) = standing(E) - received in [e, E) and still open at E +
    received before e and finished in [e, E). Then each week's end takes off the complaints
    finished at it and reopened since, and each week adds the resolutions reopens undid.
    Forty queries and ten backlog scans made the report three times slower."""
    spans = trend_spans(end, weeks)
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

    spells = history.undone_spells(conn, a)  # the resolutions reopens undid count where they were made
    for received, resolved, responded, responded_late, resolved_late, done in rows + [
            (None, s.resolved_at, None, None, s.resolved_late, None) for s in spells]:
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
    total = (standing_at[1] if standing_at and standing_at[0] == last else
             conn.execute(f"SELECT count(*) FROM ({history.STANDING_BACKLOG}) AS standing", {"end": last}).fetchone()[0])
    out = []
    for i, (label, start, stop) in enumerate(spans):
        came = sum(count["came"][i + 1:])  # received after this week's end, still open at the last
        covered = sum(1 for s in spells if s.covers(stop))  # finished at this end, reopened since
        out.append({"week": label, "start": start, "received": count["received"][i], "resolved": count["resolved"][i],
                    "backlog": total - came + count["left"][i] - covered,
                    "response_pct": pct(count["rm"][i], count["rt"][i]),
                    "resolution_pct": pct(count["sm"][i], count["st"][i])})
    return out


def trends_report(conn: Connection, weeks: int, now: datetime) -> dict:
    """The last ``weeks`` full weeks: received, resolved and backlog as the weekly trend counts
    them, and the five most frequent categories of the span week by week (each complaint by its
    category at the end of the week it was received in)."""
    if not 1 <= weeks <= 260:
        raise InvalidInput(L_("{weeks} must be between 1 and {most}", weeks=Input("weeks"), most=260))
    _, last_end, _ = last_full_week(now)
    trend = weekly_trend(conn, last_end, weeks)
    spans = trend_spans(last_end, weeks)
    starts = [sp[1] for sp in spans]
    by_week: list[dict[str, int]] = [{} for _ in spans]
    received: list[list[tuple[int, str | None]]] = [[] for _ in spans]
    for cid, at, category in conn.execute("SELECT id, received_at, category FROM complaints "
                                          "WHERE received_at >= ? AND received_at < ?", (starts[0], spans[-1][2])):
        received[bisect_right(starts, at) - 1].append((cid, category))
    for i, (_, _, stop) in enumerate(spans):
        changed = history.values_at(conn, stop, [cid for cid, _ in received[i]], ("category",))
        for cid, category in received[i]:
            code = at_end(cid, "category", category, changed) or "(none)"
            by_week[i][code] = by_week[i].get(code, 0) + 1
    overall: dict[str, int] = {}
    for counts in by_week:
        for code, n in counts.items():
            overall[code] = overall.get(code, 0) + n
    top = [code for code, _ in sorted(overall.items(), key=lambda kv: (-kv[1], kv[0]))[:5]]
    rows = [{"week": w["week"], "start": w["start"], "received": w["received"], "resolved": w["resolved"],
             "backlog": w["backlog"], "by_category": {c: by_week[i].get(c, 0) for c in top}}
            for i, w in enumerate(trend)]
    return {"report": "trends", "weeks": rows, "top_categories": top}
