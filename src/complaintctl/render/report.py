"""Reports for people and scripts: the report's data becomes blocks (tables and bar
charts), and each format draws the blocks: text (rich), Markdown and CSV in
report_text.py, self-contained HTML with SVG charts in report_html.py.

The blocks are made in the reader's language, every title, header, label and note a message by id
(``_``; ``pgettext("report", ...)`` for the words a report uses as counts: ``Received`` is how many
were received, not when). English keeps the bilingual labels it always had (``Received 受理``);
Chinese shows the Chinese alone, and a taxonomy code as its label. CSV is made in English whatever
the language (``blocks_for(machine=True)``), so a script reading it does not break when LANG changes."""

from __future__ import annotations

from complaintctl.i18n import N_, _, ngettext, pgettext, zh
from complaintctl.i18n.words import label, target
from complaintctl.numbers import format_figure, round_half_up
from complaintctl.render.block import Block
from complaintctl.render.table import clean_cell
from complaintctl.timetext import to_local_text, zone_name

TOTAL_LABELS = {"received": N_("Received 受理"), "acknowledged": N_("Acknowledged 已响应"),
                "resolved": N_("Resolved 已解决"), "closed": N_("Closed 已关闭"), "reopened": N_("Reopened 重开"),
                "backlog": N_("Open backlog 未结")}
SECTION_TITLES = {
    "totals": N_("Volume"), "needs_attention": N_("Needs attention now"), "trend": N_("Week by week"),
    "sla": N_("SLA compliance"), "sla_targets": N_("SLA targets and compliance by severity"),
    "times": N_("Handling times"), "category": N_("By category"), "cause": N_("By root cause"),
    "channel": N_("By channel"), "severity": N_("By severity"), "backlog_ageing": N_("Backlog ageing"),
    "satisfaction": N_("Satisfaction"), "satisfaction_scores": N_("Satisfaction scores"), "agents": N_("Agents"),
    "repeat_customers": N_("Repeat complainers"), "top_tags": N_("Top tags"), "top_subjects": N_("Top subjects"),
}
# a breakdown's first column: what its rows are
KIND_HEADERS = {"category": N_("Category"), "cause": N_("Cause"), "channel": N_("Channel"), "severity": N_("Severity")}
AGE_BUCKETS = {"<1d": N_("<1d"), "1-3d": N_("1-3d"), "3-7d": N_("3-7d"), "7-30d": N_("7-30d"), ">30d": N_(">30d")}


def _title(key: str) -> str:
    """A section's title in the reader's language."""
    return _(SECTION_TITLES[key])


def received() -> str:
    """The header of a count of complaints received (受理), not of a time received (受理时间)."""
    return pgettext("report", "Received")


def resolved() -> str:
    """The header of a count of complaints resolved (解决)."""
    return pgettext("report", "Resolved")


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
            return _("running")
        if self.change == 0:
            return "±0"
        sign = "+" if self.change > 0 else ""
        pct = f" ({sign}{format_figure(self.pct, 0)}%)" if self.pct is not None else ""
        return f"{sign}{self.change}{pct}"


class BelowGoal(float):
    """A compliance percentage under the team's SLA goal: marked ▼ (and red where there is colour)."""


def human_duration(hours: float) -> str:
    """A length of time as a report says it: ``45 min``, ``5 h 20 min``, ``2 d 4 h`` (``5 小时 20 分钟``);
    minutes dropped from 10 hours, hours from 10 days."""
    def whole(x: float) -> int:  # half away from zero, as every figure (complaintctl/numbers.py)
        return int(round_half_up(x))

    minutes = whole(hours * 60)
    if minutes < 60:
        return _("{m} min", m=minutes)
    if minutes < 24 * 60:
        h, m = divmod(minutes, 60)
        return _("{h} h {m} min", h=h, m=m) if m and h < 10 else _("{h} h", h=whole(minutes / 60))
    days, rest = divmod(whole(minutes / 60), 24)
    return _("{d} d {h} h", d=days, h=rest) if rest and days < 10 else _("{d} d", d=whole(hours / 24))


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
        return human_duration(value)
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
    return [[_("First response, no SLA clock 首次响应（无时限）"), None, untimed["responses"], None],
            [_("Resolution, no SLA clock 解决（无时限）"), None, untimed["resolutions"], None],
            [_("Open, no SLA clock 未结（无时限）"), None, untimed["open"], None]]


def _untimed_note(untimed: dict) -> str:
    if not any(untimed.values()):
        return ""
    return _("No SLA clock: complaints without a severity are not timed and not in the compliance figures; "
             "classify them, or time them by a default with `complaintctl sla default SEVERITY`.")


def _sentences(*sentences: str) -> str:
    """Sentences one after the other (a space between them in English, none in Chinese)."""
    said = ""
    for sentence in sentences:
        said = _("{sentence} {next}", sentence=said, next=sentence) if said and sentence else said or sentence
    return said


def _pct_cell(pct, goal):
    return BelowGoal(pct) if pct is not None and goal is not None and pct < goal else pct


def running_note(data: dict) -> str:
    r = data["period"].get("running")
    if not r:
        return ""
    return _("The period is still running ({pct}% of it has passed, as of {when}): figures are partial, so no change "
             "is shown.", pct=format_figure(r["elapsed_pct"], 0), when=to_local_text(r["as_of"]))


def figure_text(value) -> str:
    """A kept figure as a report prints it (none: "–")."""
    if value is None:
        return "–"
    if isinstance(value, bool):
        return _("yes") if value else _("no")
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
    headers = [_("Measure"), _("This period"), _("Previous"), _("Change")] + _last_weeks(trend)
    rows = []
    for k, v in t.items():
        row = [_(TOTAL_LABELS[k]), v["value"], v["previous"], Change(v, running)]
        rows.append(row + ([lines.get(k, "")] if trend else []))
    return Block("totals", _title("totals"), headers, rows, note=running_note(data), spark_column=bool(trend))


def _last_weeks(trend: list) -> list[str]:
    """The header of a drawn trend column, when there is one."""
    return [_("Last {n} weeks", n=len(trend))] if trend else []


def _sla_blocks(data: dict) -> list[Block]:
    s, goal, trend = data["sla"], data.get("sla_goal"), data.get("trend") or []
    headers = [_("Clock"), _("Met"), _("Finished"), _("Compliance %"), _("Goal %")] + _last_weeks(trend)
    rows = []
    for clock, key in ((N_("First response 首次响应"), "response"), (N_("Resolution 解决"), "resolution")):
        row = [_(clock), s[key]["met"], s[key]["total"], _pct_cell(s[key]["pct"], goal), goal]
        rows.append(row + ([spark([w[f"{key}_pct"] for w in trend])] if trend else []))
    untimed = data.get("sla_untimed") or {}
    rows += [row + [None] + ([""] if trend else []) for row in _untimed_rows(untimed)]
    note = _("▼ below the team's goal of {goal}% (`complaintctl sla goal PCT`).", goal=f"{goal:g}") if goal else ""
    blocks = [Block("sla", _title("sla"), headers, rows, spark_column=bool(trend),
                    note=_sentences(note, _untimed_note(untimed)))]
    if data.get("sla_by_severity"):
        blocks.append(Block("sla_targets", _title("sla_targets"),
                            [_("Severity"), _("Respond within"), _("Response %"), _("Resolve within"),
                             _("Resolution %")],
                            [[r["label_zh"] if zh() else f"{r['label_en']} {r['label_zh']}", target(r["respond_target"]),
                              _pct_cell(r["response_pct"], goal),
                              target(r["resolve_target"]), _pct_cell(r["resolution_pct"], goal)]
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
        return _("{duration} over", duration=human_duration(hours)) if r["state"] == "overdue" else \
            _("due in {duration}", duration=human_duration(hours))

    rows = [[f"#{r['id']}", to_local_text(r["received_at"]), r["subject"], label("severity", r["severity"]) or "",
             _agent_label(r["assignee"], r["assignee_name"]) if r["assignee"] else _("(nobody)"),
             to_local_text(r["due_at"]), state(r)] for r in a["rows"]]
    shown = _("; the {n} most urgent, oldest first", n=len(rows)) if a["total"] > len(rows) else _(", oldest first")
    note = _("{overdue} overdue and {soon} due within {hours} h as of {when}{shown}.", overdue=a["overdue"],
             soon=a["total"] - a["overdue"], hours=f"{a['within_hours']:g}", when=to_local_text(now), shown=shown)
    if a.get("no_sla"):  # not urgent, only unclocked: counted here, listed by `overdue`, shown in the SLA block
        note = _sentences(note, _("{n} open complaint(s) have no SLA clock and are not listed here.", n=a["no_sla"]))
    return Block("needs_attention", _title("needs_attention"),
                 [_("ID"), _("Received"), _("Subject"), _("Severity"), _("Who has it"), _("Due"), _("State")], rows,
                 note=note)


def _trend_block(data: dict) -> Block:
    trend = data.get("trend") or []
    return Block("trend", _title("trend"),
                 [_("Week"), received(), resolved(), _("Backlog"), _("Response %"), _("Resolution %")],
                 [[w["week"], w["received"], w["resolved"], w["backlog"], _pct_cell(w["response_pct"], data.get("sla_goal")),
                   _pct_cell(w["resolution_pct"], data.get("sla_goal"))] for w in trend],
                 lines={received(): [w["received"] for w in trend], resolved(): [w["resolved"] for w in trend]})


def weekly_blocks(data: dict) -> list[Block]:
    blocks = [_totals_block(data)]
    if "needs_attention" in data:
        blocks.append(_attention_block(data))
    if data.get("trend"):
        blocks.append(_trend_block(data))
    blocks += _sla_blocks(data)
    tm = data["times"]
    blocks.append(Block("times", _title("times"), [_("Time to"), _("Count"), _("Median"), _("p90")],
                        [[_("First response"), tm["first_response_hours"]["count"],
                          _hours(tm["first_response_hours"]["median"]), _hours(tm["first_response_hours"]["p90"])],
                         [pgettext("report", "Resolution"), tm["resolution_hours"]["count"],
                          _hours(tm["resolution_hours"]["median"]), _hours(tm["resolution_hours"]["p90"])]]))
    blocks += [_breakdown_block(kind, data["breakdowns"][kind]) for kind in ("category", "cause", "channel", "severity")]
    ages = [[_(AGE_BUCKETS[r["bucket"]]) if r["bucket"] in AGE_BUCKETS else r["bucket"], r["count"]]
            for r in data["backlog_ageing"]]
    blocks.append(Block("backlog_ageing", _title("backlog_ageing"), [_("Age"), _("Open complaints")], ages,
                        bars=[(age, n) for age, n in ages]))
    sat = data["satisfaction"]
    blocks.append(Block("satisfaction", _title("satisfaction"), [_("Measure"), _("Value")],
                        [[_("Surveys"), sat["responses"]], [_("Average score (1-5)"), sat["average"]],
                         [_("Resolved in period"), sat["resolved"]], [_("…of which surveyed"), sat["resolved_surveyed"]],
                         [_("Response rate %"), sat["response_rate"]]]))
    blocks.append(Block("satisfaction_scores", _title("satisfaction_scores"), [_("Score"), _("Surveys")],
                        [[k, v] for k, v in sat["distribution"].items()],
                        bars=[(f"{'★' * int(k)}", v) for k, v in sat["distribution"].items()]))
    blocks.append(_agents_block(data["agents"], chart=False))
    blocks.append(Block("repeat_customers", _title("repeat_customers"),
                        [_("Customer"), _("Contact"), _("Complaints (all)"), _("This period")],
                        [[r["name"] or f"#{r['customer_id']}", r["email"] or r["phone"] or "", r["complaints"],
                          r["in_period"]] for r in data["repeat_customers"]]))
    blocks.append(Block("top_tags", _title("top_tags"), [_("Tag"), _("Complaints")],
                        [[r["tag"], r["count"]] for r in data["top_tags"]]))
    blocks.append(Block("top_subjects", _title("top_subjects"), [_("Subject"), _("Complaints")],
                        [[r["subject"], r["count"]] for r in data["top_subjects"]]))
    return blocks


def _breakdown_block(kind: str, rows: list[dict]) -> Block:
    """Complaints by a kind of code: in English each row's English and Chinese labels and its code
    (what a script reads), in Chinese the Chinese label alone."""
    bars = [(r["label_zh"] if _has_cjk(r["label_zh"]) else r["label_en"], r["count"]) for r in rows]
    if zh():
        return Block(kind, _title(kind), [_(KIND_HEADERS[kind]), _("Complaints")],
                     [[r["label_zh"], r["count"]] for r in rows], bars=bars)
    return Block(kind, _title(kind), [_(KIND_HEADERS[kind]), "中文", "Code", _("Complaints")],
                 [[r["label_en"], r["label_zh"], r["code"] or "", r["count"]] for r in rows], bars=bars)


def _has_cjk(text: str | None) -> bool:
    return text is not None and any("\u3400" <= ch <= "\u9fff" for ch in text)


def _agent_label(name: str, full_name: str | None) -> str:
    return f"{full_name} ({name})" if full_name and full_name != name else name


def _agents_block(agents: list[dict], *, chart: bool) -> Block:
    return Block("agents", _title("agents"),
                 [_("Agent"), _("Assigned"), resolved(), _("Median resolution"), _("Resolution SLA %"),
                  _("Satisfaction")],
                 [[_agent_label(a["agent"], a.get("full_name")), a["assigned"], a["resolved"],
                   _hours(a["median_resolution_hours"]), a["sla_pct"], a["satisfaction"]] for a in agents],
                 bars=[(a.get("full_name") or a["agent"], a["resolved"]) for a in agents] if chart else None)


def agents_blocks(data: dict) -> list[Block]:
    return [_agents_block(data["agents"], chart=True)]


def sla_blocks(data: dict) -> list[Block]:
    return [
        Block("by_severity", _("Compliance by severity"),
              [_("Severity"), _("Responses"), _("Response %"), _("Resolutions"), _("Resolution %")],
              [[label("severity", r["severity"]), r["response_total"], r["response_pct"], r["resolution_total"],
                r["resolution_pct"]] for r in data["by_severity"]]),
        Block("by_week", _("Compliance by week"),
              [_("Week"), _("Responses"), _("Response %"), _("Resolutions"), _("Resolution %")],
              [[w["week"], w["response_total"], w["response_pct"], w["resolution_total"], w["resolution_pct"]]
               for w in data["by_week"]],
              bars=[(w["week"], w["resolution_pct"] or 0) for w in data["by_week"]]),
    ]


def trends_blocks(data: dict) -> list[Block]:
    cats = data["top_categories"]
    names = [_("(none)") if c == "(none)" else label("category", c) for c in cats]
    return [
        Block("volume", _("Received per week"), [_("Week"), received(), resolved(), _("Backlog at end"), *names],
              [[w["week"], w["received"], w["resolved"], w["backlog"], *[w["by_category"][c] for c in cats]]
               for w in data["weeks"]],
              lines={received(): [w["received"] for w in data["weeks"]],
                     resolved(): [w["resolved"] for w in data["weeks"]]}),
    ]


def causes_blocks(data: dict) -> list[Block]:
    causes = data["causes"]
    labels = [[r["label_zh"]] if zh() else [r["label_en"], r["label_zh"]] for r in causes]
    return [Block("pareto", _("Root causes (Pareto)"),
                  [_("Cause"), *([] if zh() else ["中文"]), _("Complaints"), _("Share %"), _("Cumulative %"),
                   _("Vital few")],
                  [[*names, r["count"], r["share_pct"], r["cumulative_pct"], _("yes") if r["vital_few"] else ""]
                   for names, r in zip(labels, causes, strict=True)],
                  bars=[(r["label_zh"] if _has_cjk(r["label_zh"]) else r["label_en"], r["count"]) for r in causes],
                  note=_("{n} complaint(s) in the period have no cause recorded yet.", n=data["without_cause"]))]


TITLES = {"weekly": N_("Weekly complaint report 每周投诉报告"), "agents": N_("Agent performance 坐席绩效"),
          "sla": N_("SLA compliance SLA 达成率"), "trends": N_("Complaint trends 投诉趋势"),
          "causes": N_("Root causes 根本原因")}


def blocks_for(data: dict, *, machine: bool = False) -> list[Block]:
    """The report's blocks in the chosen language; ``machine`` (CSV): in English whatever the
    language, so that a script reading the labels does not break when LANG changes."""
    from complaintctl import i18n

    build = {"weekly": weekly_blocks, "agents": agents_blocks, "sla": sla_blocks,
             "trends": trends_blocks, "causes": causes_blocks}[data["report"]]
    if machine:
        with i18n.english():
            return build(data)
    return build(data)


def subtitle(data: dict) -> str:
    if "period" in data:
        return period_text(data)
    weeks = data.get("weeks") or []
    return f"{weeks[0]['week']} – {weeks[-1]['week']}" if weeks else ""
