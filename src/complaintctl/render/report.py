"""Reports for people and scripts: the report's data becomes blocks (tables and bar
charts), and each format draws the blocks: text (rich), Markdown and CSV in
report_text.py, self-contained HTML with SVG charts in report_html.py."""

from __future__ import annotations

from complaintctl.i18n import zh
from complaintctl.numbers import format_figure, round_half_up
from complaintctl.render.block import Block
from complaintctl.render.table import clean_cell
from complaintctl.timetext import to_local_text, zone_name

TOTAL_LABELS = {"received": "Received 受理", "acknowledged": "Acknowledged 已响应", "resolved": "Resolved 已解决",
                "closed": "Closed 已关闭", "reopened": "Reopened 重开", "backlog": "Open backlog 未结"}
SECTION_TITLES = {
    "totals": "Volume", "needs_attention": "Needs attention now", "trend": "Week by week",
    "sla": "SLA compliance", "sla_targets": "SLA targets and compliance by severity", "times": "Handling times",
    "category": "By category", "cause": "By root cause", "channel": "By channel", "severity": "By severity",
    "backlog_ageing": "Backlog ageing", "satisfaction": "Satisfaction", "satisfaction_scores": "Satisfaction scores",
    "agents": "Agents", "repeat_customers": "Repeat complainers", "top_tags": "Top tags", "top_subjects": "Top subjects",
}


class Hours(float):
    """A duration in hours: shown as people say it (``5 h 20 min``, ``2 d 4 h``), written to CSV
    and JSON as the number of hours."""


class Change:
    """A figure's change against the period before: shown as ``+3 (+300%)`` (``running`` while the
    period runs), written to CSV as two numbers, the change and its percentage (a text cell such
    as ``-6 (-13%)`` started like a formula and was written with the guard's ``'``)."""

    def __init__(self, figure: dict, running: bool):
        self.change = None if running else figure["change"]
        self.pct = None if running else figure["change_pct"]
        self.running = running

    def __str__(self) -> str:
        if self.running or self.change is None:  # no change while the period runs (core/insight/reports.py)
            from complaintctl.i18n.phrases import rt

            return rt("running")
        if self.change == 0:
            return "±0"
        sign = "+" if self.change > 0 else ""
        pct = f" ({sign}{format_figure(self.pct, 0)}%)" if self.pct is not None else ""
        return f"{sign}{self.change}{pct}"


class BelowGoal(float):
    """A compliance percentage under the team's SLA goal: marked ▼ (and red where there is colour)."""


def human_duration(hours: float) -> str:
    def whole(x: float) -> int:  # half away from zero, as every figure (complaintctl/numbers.py)
        return int(round_half_up(x))

    minutes = whole(hours * 60)
    if minutes < 60:
        return f"{minutes} min"
    if minutes < 24 * 60:
        h, m = divmod(minutes, 60)
        return f"{h} h {m} min" if m and h < 10 else f"{whole(minutes / 60)} h"
    days, rest = divmod(whole(minutes / 60), 24)
    return f"{days} d {rest} h" if rest and days < 10 else f"{whole(hours / 24)} d"


def spark(values: list) -> str:
    """A trend line in eight block characters (oldest first); a gap where there is no figure."""
    known = [v for v in values if v is not None]
    if not known:
        return ""
    lo, hi = min(known), max(known)
    ticks = "▁▂▃▄▅▆▇█"
    return "".join(" " if v is None else ticks[0 if hi == lo else round((v - lo) / (hi - lo) * 7)] for v in values)


def _fmt(value) -> str:
    if value is None:
        return "–"
    if isinstance(value, Hours):
        from complaintctl.i18n.phrases import duration

        return duration(human_duration(value))
    if isinstance(value, Change):
        return str(value)
    if isinstance(value, BelowGoal):
        return f"{format_figure(value, 1)} ▼"
    if isinstance(value, float):  # rounded as the figures' SQL rounds (complaintctl/numbers.py)
        return format_figure(value, 1) if abs(value) >= 10 else format_figure(value, 2).rstrip("0").rstrip(".")
    # subjects and names are whatever people typed or files held: no escape sequences reach a
    # terminal (or a report file) from them
    return clean_cell(value)


def _change(c: dict) -> str:
    return str(Change(c, running=False))


def period_text(data: dict) -> str:
    p = data["period"]
    zone = p.get("timezone") or zone_name()
    return f"{p['label']}  ({to_local_text(p['start'])} – {to_local_text(p['end'])}, {zone})"


def _untimed_rows(untimed: dict) -> list[list]:
    """Rows of the SLA block for what no clock timed, when there is any."""
    if not any(untimed.values()):
        return []
    return [["First response, no SLA clock 首次响应（无时限）", None, untimed["responses"], None],
            ["Resolution, no SLA clock 解决（无时限）", None, untimed["resolutions"], None],
            ["Open, no SLA clock 未结（无时限）", None, untimed["open"], None]]


def _untimed_note(untimed: dict) -> str:
    if not any(untimed.values()):
        return ""
    return ("No SLA clock: complaints without a severity are not timed and not in the compliance figures; "
            "classify them, or time them by a default with `complaintctl sla default SEVERITY`.")


def _pct_cell(pct, goal):
    return BelowGoal(pct) if pct is not None and goal is not None and pct < goal else pct


def running_note(data: dict) -> str:
    r = data["period"].get("running")
    if not r:
        return ""
    return (f"The period is still running ({format_figure(r['elapsed_pct'], 0)}% of it has passed, as of "
            f"{to_local_text(r['as_of'])}): figures are partial, so no change is shown.")


def figure_text(value) -> str:
    """A kept figure as a report prints it (none: "–")."""
    if value is None:
        return "–"
    if isinstance(value, bool):
        return "yes" if value else "no"
    return format_figure(value, 2).rstrip("0").rstrip(".") if isinstance(value, float) else str(value)


def diff_command(data: dict) -> str:
    """The `report diff` line for a report's period (its week, else its first and last day)."""
    import re

    from complaintctl.timetext import from_iso

    p = data["period"]
    kind = "" if data["report"] == "weekly" else f" --report {data['report']}"
    if re.fullmatch(r"\d{4}-W\d{2}", p["label"]):
        return f"complaintctl report diff --week {p['label']}{kind}"
    from complaintctl.context import local_zone

    zone = local_zone()
    first, last = from_iso(p["start"]).astimezone(zone), from_iso(p["end"]).astimezone(zone)
    if first.time().isoformat() == last.time().isoformat() == "00:00:00":
        from datetime import timedelta

        return (f"complaintctl report diff --from {first.date().isoformat()} "
                f"--to {(last - timedelta(days=1)).date().isoformat()}{kind}")
    return f"complaintctl report diff --from {p['start']} --to {p['end']}{kind}"


CHANGES_SHOWN = 6


def changed_note(data: dict) -> str:
    """What changed in a finished period's figures since it was first reported (late data about
    the period), in every format's words; empty when nothing did."""
    from complaintctl.i18n import _, ngettext

    changed = data.get("changed_since_first_reported") or []
    if not changed:
        return ""
    shown = ", ".join(f"{c['figure']} {figure_text(c['was'])} -> {figure_text(c['now'])}"
                      for c in changed[:CHANGES_SHOWN])
    if len(changed) > CHANGES_SHOWN:
        shown = _("{shown} and {n} more", shown=shown, n=len(changed) - CHANGES_SHOWN)
    return ngettext("{n} figure changed since first reported on {when}: {changes}. See `{command}`.",
                    "{n} figures changed since first reported on {when}: {changes}. See `{command}`.",
                    len(changed), when=to_local_text(data["kept"]["first_reported_at"]), changes=shown,
                    command=diff_command(data))


def _totals_block(data: dict) -> Block:
    t, trend = data["totals"], data.get("trend") or []
    running = bool(data["period"].get("running"))
    lines = {k: spark([w[k] for w in trend]) for k in ("received", "resolved", "backlog")} if trend else {}
    headers = ["Measure", "This period", "Previous", "Change"] + ([f"Last {len(trend)} weeks"] if trend else [])
    rows = []
    for k, v in t.items():
        row = [TOTAL_LABELS[k], v["value"], v["previous"], Change(v, running)]
        rows.append(row + ([lines.get(k, "")] if trend else []))
    return Block("totals", SECTION_TITLES["totals"], headers, rows, note=running_note(data), spark_column=bool(trend))


def _sla_blocks(data: dict) -> list[Block]:
    s, goal, trend = data["sla"], data.get("sla_goal"), data.get("trend") or []
    headers = ["Clock", "Met", "Finished", "Compliance %", "Goal %"] + ([f"Last {len(trend)} weeks"] if trend else [])
    rows = []
    for label, key in (("First response 首次响应", "response"), ("Resolution 解决", "resolution")):
        row = [label, s[key]["met"], s[key]["total"], _pct_cell(s[key]["pct"], goal), goal]
        rows.append(row + ([spark([w[f"{key}_pct"] for w in trend])] if trend else []))
    untimed = data.get("sla_untimed") or {}
    rows += [row + [None] + ([""] if trend else []) for row in _untimed_rows(untimed)]
    note = f"▼ below the team's goal of {goal:g}% (`complaintctl sla goal PCT`)." if goal else ""
    blocks = [Block("sla", SECTION_TITLES["sla"], headers, rows, spark_column=bool(trend),
                    note=" ".join(n for n in (note, _untimed_note(untimed)) if n))]
    if data.get("sla_by_severity"):
        blocks.append(Block("sla_targets", SECTION_TITLES["sla_targets"],
                            ["Severity", "Respond within", "Response %", "Resolve within", "Resolution %"],
                            [[r["label_zh"] if zh() else f"{r['label_en']} {r['label_zh']}", r["respond_target"],
                              _pct_cell(r["response_pct"], goal),
                              r["resolve_target"], _pct_cell(r["resolution_pct"], goal)]
                             for r in data["sla_by_severity"]]))
    return blocks


def _hours(value):
    return None if value is None else Hours(value)


def _attention_block(data: dict) -> Block:
    a = data["needs_attention"]
    now = a["as_of"]
    from complaintctl.timetext import from_iso

    def state(r: dict) -> str:
        if r["due_at"] is None:
            return ""
        hours = abs((from_iso(r["due_at"]) - from_iso(now)).total_seconds()) / 3600
        return f"{human_duration(hours)} over" if r["state"] == "overdue" else f"due in {human_duration(hours)}"

    rows = [[f"#{r['id']}", to_local_text(r["received_at"]), r["subject"], r["severity"] or "",
             _agent_label(r["assignee"], r["assignee_name"]) if r["assignee"] else "(nobody)",
             to_local_text(r["due_at"]), state(r)] for r in a["rows"]]
    shown = f"; the {len(rows)} most urgent, oldest first" if a["total"] > len(rows) else ", oldest first"
    note = (f"{a['overdue']} overdue and {a['total'] - a['overdue']} due within {a['within_hours']:g} h "
            f"as of {to_local_text(now)}{shown}.")
    if a.get("no_sla"):  # not urgent, only unclocked: counted here, listed by `overdue`, shown in the SLA block
        note += f" {a['no_sla']} open complaint(s) have no SLA clock and are not listed here."
    return Block("needs_attention", SECTION_TITLES["needs_attention"],
                 ["ID", "Received", "Subject", "Severity", "Who has it", "Due", "State"], rows, note=note)


def _trend_block(data: dict) -> Block:
    trend = data.get("trend") or []
    return Block("trend", SECTION_TITLES["trend"],
                 ["Week", "Received", "Resolved", "Backlog", "Response %", "Resolution %"],
                 [[w["week"], w["received"], w["resolved"], w["backlog"], _pct_cell(w["response_pct"], data.get("sla_goal")),
                   _pct_cell(w["resolution_pct"], data.get("sla_goal"))] for w in trend],
                 lines={"Received": [w["received"] for w in trend], "Resolved": [w["resolved"] for w in trend]})


def weekly_blocks(data: dict) -> list[Block]:
    blocks = [_totals_block(data)]
    if "needs_attention" in data:
        blocks.append(_attention_block(data))
    if data.get("trend"):
        blocks.append(_trend_block(data))
    blocks += _sla_blocks(data)
    tm = data["times"]
    blocks.append(Block("times", SECTION_TITLES["times"], ["Time to", "Count", "Median", "p90"],
                        [["First response", tm["first_response_hours"]["count"],
                          _hours(tm["first_response_hours"]["median"]), _hours(tm["first_response_hours"]["p90"])],
                         ["Resolution", tm["resolution_hours"]["count"], _hours(tm["resolution_hours"]["median"]),
                          _hours(tm["resolution_hours"]["p90"])]]))
    for kind in ("category", "cause", "channel", "severity"):
        rows = data["breakdowns"][kind]
        blocks.append(Block(kind, SECTION_TITLES[kind], [kind.capitalize(), "中文", "Code", "Complaints"],
                            [[r["label_en"], r["label_zh"], r["code"] or "", r["count"]] for r in rows],
                            bars=[(r["label_zh"] if _has_cjk(r["label_zh"]) else r["label_en"], r["count"])
                                  for r in rows]))
    blocks.append(Block("backlog_ageing", SECTION_TITLES["backlog_ageing"], ["Age", "Open complaints"],
                        [[r["bucket"], r["count"]] for r in data["backlog_ageing"]],
                        bars=[(r["bucket"], r["count"]) for r in data["backlog_ageing"]]))
    sat = data["satisfaction"]
    blocks.append(Block("satisfaction", SECTION_TITLES["satisfaction"], ["Measure", "Value"],
                        [["Surveys", sat["responses"]], ["Average score (1-5)", sat["average"]],
                         ["Resolved in period", sat["resolved"]], ["…of which surveyed", sat["resolved_surveyed"]],
                         ["Response rate %", sat["response_rate"]]]))
    blocks.append(Block("satisfaction_scores", SECTION_TITLES["satisfaction_scores"], ["Score", "Surveys"],
                        [[k, v] for k, v in sat["distribution"].items()],
                        bars=[(f"{'★' * int(k)}", v) for k, v in sat["distribution"].items()]))
    blocks.append(_agents_block(data["agents"], chart=False))
    blocks.append(Block("repeat_customers", SECTION_TITLES["repeat_customers"],
                        ["Customer", "Contact", "Complaints (all)", "This period"],
                        [[r["name"] or f"#{r['customer_id']}", r["email"] or r["phone"] or "", r["complaints"],
                          r["in_period"]] for r in data["repeat_customers"]]))
    blocks.append(Block("top_tags", SECTION_TITLES["top_tags"], ["Tag", "Complaints"],
                        [[r["tag"], r["count"]] for r in data["top_tags"]]))
    blocks.append(Block("top_subjects", SECTION_TITLES["top_subjects"], ["Subject", "Complaints"],
                        [[r["subject"], r["count"]] for r in data["top_subjects"]]))
    return blocks


def _has_cjk(text: str | None) -> bool:
    return text is not None and any("\u3400" <= ch <= "\u9fff" for ch in text)


def _agent_label(name: str, full_name: str | None) -> str:
    return f"{full_name} ({name})" if full_name and full_name != name else name


def _agents_block(agents: list[dict], *, chart: bool) -> Block:
    return Block("agents", SECTION_TITLES["agents"],
                 ["Agent", "Assigned", "Resolved", "Median resolution", "Resolution SLA %", "Satisfaction"],
                 [[_agent_label(a["agent"], a.get("full_name")), a["assigned"], a["resolved"],
                   _hours(a["median_resolution_hours"]), a["sla_pct"], a["satisfaction"]] for a in agents],
                 bars=[(a.get("full_name") or a["agent"], a["resolved"]) for a in agents] if chart else None)


def agents_blocks(data: dict) -> list[Block]:
    return [_agents_block(data["agents"], chart=True)]


def sla_blocks(data: dict) -> list[Block]:
    return [
        Block("by_severity", "Compliance by severity",
              ["Severity", "Responses", "Response %", "Resolutions", "Resolution %"],
              [[r["severity"], r["response_total"], r["response_pct"], r["resolution_total"], r["resolution_pct"]]
               for r in data["by_severity"]]),
        Block("by_week", "Compliance by week", ["Week", "Responses", "Response %", "Resolutions", "Resolution %"],
              [[w["week"], w["response_total"], w["response_pct"], w["resolution_total"], w["resolution_pct"]]
               for w in data["by_week"]],
              bars=[(w["week"], w["resolution_pct"] or 0) for w in data["by_week"]]),
    ]


def trends_blocks(data: dict) -> list[Block]:
    cats = data["top_categories"]
    return [
        Block("volume", "Received per week", ["Week", "Received", "Resolved", "Backlog at end", *cats],
              [[w["week"], w["received"], w["resolved"], w["backlog"], *[w["by_category"][c] for c in cats]]
               for w in data["weeks"]],
              lines={"Received": [w["received"] for w in data["weeks"]],
                     "Resolved": [w["resolved"] for w in data["weeks"]]}),
    ]


def causes_blocks(data: dict) -> list[Block]:
    return [Block("pareto", "Root causes (Pareto)",
                  ["Cause", "中文", "Complaints", "Share %", "Cumulative %", "Vital few"],
                  [[r["label_en"], r["label_zh"], r["count"], r["share_pct"], r["cumulative_pct"],
                    "yes" if r["vital_few"] else ""] for r in data["causes"]],
                  bars=[(r["label_zh"] if _has_cjk(r["label_zh"]) else r["label_en"], r["count"]) for r in data["causes"]],
                  note=f"{data['without_cause']} complaint(s) in the period have no cause recorded yet.")]


TITLES = {"weekly": "Weekly complaint report 每周投诉报告", "agents": "Agent performance 坐席绩效",
          "sla": "SLA compliance SLA 达成率", "trends": "Complaint trends 投诉趋势", "causes": "Root causes 根本原因"}


def blocks_for(data: dict, *, machine: bool = False) -> list[Block]:
    """The report's blocks in the chosen language; ``machine`` (CSV): in English whatever the
    language, so that a script reading the labels does not break when LANG changes."""
    from complaintctl import i18n
    from complaintctl.render.report_lang import localize

    build = {"weekly": weekly_blocks, "agents": agents_blocks, "sla": sla_blocks,
             "trends": trends_blocks, "causes": causes_blocks}[data["report"]]
    if machine:
        with i18n.english():
            return build(data)
    return localize(build(data))


def subtitle(data: dict) -> str:
    if "period" in data:
        return period_text(data)
    weeks = data.get("weeks") or []
    return f"{weeks[0]['week']} – {weeks[-1]['week']}" if weeks else ""
