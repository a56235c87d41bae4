"""What each report of a finished period printed, kept in the `reports` table (period, figures,
hash, when, who), so that a later run of the same report says which figures changed since it
was first reported, and `report diff` shows what changed and why (docs/reports.md). A figure of
a finished period changes only when data about the period arrived late (history.py): the why
is the events recorded since that touch the period's complaints."""

from __future__ import annotations

import hashlib
import json
from datetime import datetime

from complaintctl.core.record.dates import now_utc, to_iso, zone_name
from complaintctl.errors import NotFound
from complaintctl.store.db import transaction
from complaintctl.store.engine import Connection

KEPT = ("weekly", "agents", "sla", "causes")  # the reports of one period


def _flat(out: dict, prefix: str, values: dict, keys) -> None:
    for k in keys:
        out[f"{prefix}{k}"] = values.get(k)


def figures_of(data: dict) -> dict[str, object]:
    """The figures of a period's report by readable, stable names ("received", "by category:
    billing_error", "agent li: resolved", "week 2026-W45: backlog"), without what is the team's
    as the report is made (needs attention, the SLA goal, targets, labels and names)."""
    out: dict[str, object] = {}
    kind = data["report"]
    if kind == "weekly":
        for name, v in data["totals"].items():
            out[name] = v["value"]
            out[f"{name} (previous period)"] = v["previous"]
        for w in data["trend"]:
            _flat(out, f"week {w['week']}: ", w, ("received", "resolved", "backlog", "response_pct", "resolution_pct"))
        for breakdown, rows in data["breakdowns"].items():
            for r in rows:
                out[f"by {breakdown}: {r['code'] or '(none)'}"] = r["count"]
        for r in data["backlog_ageing"]:
            out[f"backlog aged {r['bucket']}"] = r["count"]
        for name, t in data["times"].items():
            _flat(out, f"{name.replace('_', ' ')} ", t, ("count", "median", "p90"))
        for clock, s in data["sla"].items():
            _flat(out, f"{clock} SLA ", s, ("total", "met", "pct"))
        _flat(out, "no SLA clock: ", data["sla_untimed"], ("responses", "resolutions", "open"))
        for r in data["sla_by_severity"]:
            _flat(out, f"severity {r['severity']}: ", r, ("response_total", "response_met", "resolution_total",
                                                          "resolution_met"))
        sat = data["satisfaction"]
        _flat(out, "satisfaction ", sat, ("responses", "average", "resolved", "resolved_surveyed", "response_rate"))
        _flat(out, "satisfaction score ", sat["distribution"], sat["distribution"])
        for r in data["repeat_customers"]:
            _flat(out, f"repeat customer #{r['customer_id']}: ", r, ("complaints", "in_period"))
        for r in data["top_tags"]:
            out[f"tag {r['tag']}"] = r["count"]
        for r in data["top_subjects"]:
            out[f"subject {r['subject']}"] = r["count"]
    if kind in ("weekly", "agents"):
        for a in data["agents"]:
            _flat(out, f"agent {a['agent']}: ", a, ("assigned", "resolved", "median_resolution_hours", "sla_pct",
                                                    "satisfaction"))
    elif kind == "sla":
        for r in data["by_severity"]:
            _flat(out, f"severity {r['severity']}: ", r, ("response_total", "response_met", "resolution_total",
                                                          "resolution_met"))
        for w in data["by_week"]:
            _flat(out, f"week {w['week']}: ", w, ("response_total", "response_pct", "resolution_total",
                                                  "resolution_pct"))
    elif kind == "causes":
        out["with a cause"] = data["total_with_cause"]
        out["without a cause"] = data["without_cause"]
        for r in data["causes"]:
            _flat(out, f"cause {r['code']}: ", r, ("count", "share_pct", "cumulative_pct", "vital_few"))
    return out


def _hash(figures: dict) -> tuple[str, str]:
    """The figures as stored (JSON, keys sorted) and the SHA-256 of that text."""
    text = json.dumps(figures, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text, hashlib.sha256(text.encode("utf-8")).hexdigest()


def changes(was: dict, now: dict) -> list[dict]:
    """The figures whose value differs between two sets (a figure in only one is None in the other)."""
    names = list(now) + [n for n in was if n not in now]  # in the report's order
    return [{"figure": n, "was": was.get(n), "now": now.get(n)} for n in names if was.get(n) != now.get(n)]


def _versions(conn: Connection, kind: str, start: str, end: str) -> list[dict]:
    return [dict(r) for r in conn.execute(
        "SELECT id, label, figures, hash, made_at, made_by, last_event FROM reports WHERE report = ? AND period_start = ? "
        "AND period_end = ? ORDER BY id", (kind, start, end))]


def keep(conn: Connection, data: dict, *, actor: str, now: datetime | None = None) -> dict:
    """Keep what a report of a finished period prints (a row when its figures differ from the last
    kept for the period, or none is), and add to ``data`` what changed since it was first reported:
    ``kept`` ({hash, first_reported_at, first_reported_by, saved}) and
    ``changed_since_first_reported`` (a list of {figure, was, now}). A period still running is
    not kept (its figures are partial by nature); a database opened read-only keeps nothing
    (``saved`` false, ``not_saved`` the reason)."""
    now = now or now_utc()
    period = data["period"]
    if period.get("running") or period["end"] > to_iso(now):
        data["kept"], data["changed_since_first_reported"] = None, []
        return data
    figures = figures_of(data)
    text, digest = _hash(figures)
    versions = _versions(conn, data["report"], period["start"], period["end"])
    first = versions[0] if versions else None
    saved, reason = False, getattr(conn, "read_only_reason", None)
    if (not versions or versions[-1]["hash"] != digest) and reason is None:
        with transaction(conn):
            conn.execute("INSERT INTO reports (report, label, period_start, period_end, timezone, figures, hash, "
                         "made_at, made_by, last_event) "
                         "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, (SELECT coalesce(max(id), 0) FROM events))",
                         (data["report"], period["label"], period["start"], period["end"],
                          period.get("timezone") or zone_name(), text, digest, to_iso(now), actor))
        saved = True
    data["kept"] = {"hash": digest, "first_reported_at": first["made_at"] if first else to_iso(now) if saved else None,
                    "first_reported_by": first["made_by"] if first else actor if saved else None, "saved": saved,
                    "not_saved": reason if reason is not None and not saved and (
                        not versions or versions[-1]["hash"] != digest) else None}
    data["changed_since_first_reported"] = changes(json.loads(first["figures"]), figures) if first else []
    return data


def diff(conn: Connection, data: dict, *, since: str = "first") -> dict:
    """What changed in a finished period's report since it was kept (``since``: "first", "last",
    or a row id of `reports`), and why: the events recorded since that touch the period's
    complaints (a complaint recorded with a received time in it, a received time corrected into or
    out of it, an import that updated one of its complaints, a subject corrected, a complaint filed
    under another customer). ``data``: the report as it is now."""
    period = data["period"]
    versions = _versions(conn, data["report"], period["start"], period["end"])
    if not versions:
        raise NotFound(f"the {data['report']} report of {period['label']} was never kept",
                       hint="a report is kept when a finished period is first reported")
    if since in ("first", "last"):
        base = versions[0] if since == "first" else versions[-1]
    else:
        found = [v for v in versions if str(v["id"]) == str(since)]
        if not found:
            raise NotFound(f"no kept {data['report']} report #{since} of {period['label']}",
                           hint="kept: " + ", ".join(f"#{v['id']} ({v['made_at']})" for v in versions))
        base = found[0]
    figures = figures_of(data)
    return {"report": data["report"], "period": {k: period[k] for k in ("label", "start", "end")},
            "since": {k: base[k] for k in ("id", "made_at", "made_by", "hash")},
            "kept": [{k: v[k] for k in ("id", "made_at", "made_by", "hash")} for v in versions],
            "hash_now": _hash(figures)[1],
            "changes": changes(json.loads(base["figures"]), figures),
            "why": late_data(conn, period["start"], period["end"], base["last_event"])}


def late_data(conn: Connection, start: str, end: str, after_event: int) -> list[dict]:
    """The events recorded after event ``after_event`` (the newest when a report was kept) that can
    change the figures of [start, end): data about the period arriving late (history.py)."""
    return [dict(r) for r in conn.execute(
        """
        SELECT e.id AS event_id, e.at, e.actor, e.action, e.complaint_id, e.field, e.old_value, e.new_value
        FROM events e JOIN complaints c ON c.id = e.complaint_id
        WHERE e.id > :after AND (
            (e.action IN ('logged', 'imported') AND e.field = 'status' AND e.old_value IS NULL
             AND c.received_at >= :start AND c.received_at < :end)
            OR (e.field = 'received_at' AND ((e.old_value >= :start AND e.old_value < :end)
                                            OR (e.new_value >= :start AND e.new_value < :end)))
            OR (e.action = 'imported' AND e.field <> 'status' AND c.received_at < :end)
            OR (e.action = 'edited' AND e.field IN ('subject', 'customer_id')
                AND c.received_at >= :start AND c.received_at < :end))
        ORDER BY e.id""", {"after": after_event, "start": start, "end": end})]
