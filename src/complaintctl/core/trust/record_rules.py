"""`check`'s rules of the record itself: every time readable (UTC ISO-8601), statuses agreeing with
their times and the times in order, the stored SLA clocks agreeing with a replay of the events, and
a holiday calendar that still reaches the days ahead. Each reads only and returns one Finding."""

from __future__ import annotations

from complaintctl.context import local_zone
from complaintctl.core.record.lifecycle import OPEN_STATUSES, time_order_sql
from complaintctl.core.trust.finding import OK, PROBLEM, WARNING, Finding, id_list, in_one, quoted_ids
from complaintctl.i18n import L_, nL_
from complaintctl.i18n.said import Step
from complaintctl.store import catalog
from complaintctl.store.engine import Connection

ISO_UTC = "[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9]Z"
TIME_COLUMNS = ("received_at", "first_response_at", "resolved_at", "closed_at", "created_at",
                "updated_at", "respond_due_at", "resolve_due_at", "paused_since", "escalated_at")
OPEN = "(" + ", ".join(f"'{s}'" for s in OPEN_STATUSES) + ")"


def check_timestamps(conn: Connection) -> Finding:
    present = set(catalog.columns(conn, "complaints"))
    columns = [c for c in TIME_COLUMNS if c in present]
    where = " OR ".join(f"({c} IS NOT NULL AND {c} NOT GLOB '{ISO_UTC}')" for c in columns)
    bad = id_list(conn, f"SELECT id FROM complaints WHERE {where} ORDER BY id")
    # at >= '' (every text): read from the events_at index, a tenth of the events table
    events = id_list(conn, f"SELECT id FROM events WHERE at >= '' AND at NOT GLOB '{ISO_UTC}' ORDER BY id")
    if bad or events:
        parts = []
        if bad:
            parts.append(nL_("{n:,} complaint ({ids})", "{n:,} complaints ({ids})", len(bad), ids=quoted_ids(bad)))
        if events:
            parts.append(nL_("{n:,} event", "{n:,} events", len(events)))
        which = parts[0] if len(parts) == 1 else L_("{these} and {those}", these=parts[0], those=parts[1])
        return Finding("timestamps", PROBLEM, L_("{which} with times not in the form 2026-11-24T03:34:07Z, which date "
                                                 "filters, reports and SLA clocks cannot read", which=which),
                       L_("rewrite them as UTC ISO-8601 (strftime('%Y-%m-%dT%H:%M:%SZ', ...))"))
    return Finding("timestamps", OK, L_("every time is UTC ISO-8601"))


def check_lifecycle(conn: Connection) -> Finding:
    rules = [
        (lambda n, ids: nL_("{n:,} complaint open but with a closed or resolved time ({ids})",
                            "{n:,} complaints open but with a closed or resolved time ({ids})", n, ids=ids),
         f"status IN {OPEN} AND (closed_at IS NOT NULL OR resolved_at IS NOT NULL)"),
        (lambda n, ids: nL_("{n:,} complaint resolved without a resolved time ({ids})",
                            "{n:,} complaints resolved without a resolved time ({ids})", n, ids=ids),
         "status = 'resolved' AND resolved_at IS NULL"),
        (lambda n, ids: nL_("{n:,} complaint resolved but with a closed time ({ids})",
                            "{n:,} complaints resolved but with a closed time ({ids})", n, ids=ids),
         "status = 'resolved' AND closed_at IS NOT NULL"),
        (lambda n, ids: nL_("{n:,} complaint with times out of order (received <= first response <= resolution <= "
                            "closing) ({ids})", "{n:,} complaints with times out of order (received <= first response "
                            "<= resolution <= closing) ({ids})", n, ids=ids),
         time_order_sql()),
    ]
    # one read of the complaints for every rule
    flags = ", ".join(f"({where})" for _, where in rules)
    found = conn.execute(f"SELECT id, {flags} FROM complaints WHERE {' OR '.join(f'({w})' for _, w in rules)} "
                         "ORDER BY id").fetchall()
    parts = []
    for i, (what, _) in enumerate(rules, start=1):
        rows = [r[0] for r in found if r[i]]
        if rows:
            parts.append(what(len(rows), quoted_ids(rows)))
    if parts:
        return Finding("lifecycle", PROBLEM, in_one(parts),
                       L_("edited outside complaintctl? {step} has their history", step=Step("show", L_("ID"))))
    return Finding("lifecycle", OK, L_("statuses agree with their times"))


def check_sla_clocks(conn: Connection) -> Finding:
    from complaintctl.core.sla.check import check_sla

    problems = check_sla(conn)
    if not problems:
        return Finding("SLA clocks", OK, L_("stored due times agree with the events"))
    ids = sorted({p["id"] for p in problems})
    return Finding("SLA clocks", PROBLEM, nL_("{n:,} complaint whose stored due times or breach flags disagree with "
                                              "their events ({ids})", "{n:,} complaints whose stored due times or "
                                              "breach flags disagree with their events ({ids})", len(ids), ids=quoted_ids(ids)),
                   L_("{step} lists the fields (edited outside complaintctl?)", step=Step("sla check")))


def check_holiday_calendar(conn: Connection) -> Finding:
    from complaintctl.core.record.dates import now_utc
    from complaintctl.core.sla.calendars import schedule_end, schedule_gap

    if not catalog.has_table(conn, "sla_calendar_years"):
        return Finding("holiday calendar", OK, L_("no public holiday calendar in use"))
    end = schedule_end(conn)
    if end is None:
        return Finding("holiday calendar", OK, L_("no public holiday calendar in use"))
    gap = schedule_gap(conn, now_utc().astimezone(local_zone()).date())
    if gap:
        return Finding("holiday calendar", WARNING, *gap)
    return Finding("holiday calendar", OK, L_("holidays known until {end}", end=end.isoformat()))
