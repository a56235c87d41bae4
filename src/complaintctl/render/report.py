"""Reports for people and scripts: the report's data becomes blocks (tables and bar
charts), and each format draws the blocks: text (rich), Markdown, self-contained HTML
with SVG charts, CSV."""

from __future__ import annotations

import html
import io
from dataclasses import dataclass, field

from complaintctl.core.dates import to_local_text, zone_name
from complaintctl.core.numbers import format_figure
from complaintctl.render.table import clean_cell

TOTAL_LABELS = {"received": "Received 受理", "acknowledged": "Acknowledged 已响应", "resolved": "Resolved 已解决",
                "closed": "Closed 已关闭", "reopened": "Reopened 重开", "backlog": "Open backlog 未结"}
SECTION_TITLES = {
    "totals": "Volume", "sla": "SLA compliance", "times": "Handling times (hours)",
    "category": "By category", "cause": "By root cause", "channel": "By channel", "severity": "By severity",
    "backlog_ageing": "Backlog ageing", "satisfaction": "Satisfaction", "satisfaction_scores": "Satisfaction scores",
    "agents": "Agents", "repeat_customers": "Repeat complainers", "top_tags": "Top tags", "top_subjects": "Top subjects",
}


@dataclass
class Block:
    id: str
    title: str
    headers: list[str] = field(default_factory=list)
    rows: list[list] = field(default_factory=list)
    bars: list[tuple[str, float]] | None = None  # (label, value) for a bar chart
    note: str = ""


def _fmt(value) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):  # rounded as the figures' SQL rounds (core/numbers.py)
        return format_figure(value, 1) if abs(value) >= 10 else format_figure(value, 2).rstrip("0").rstrip(".")
    # subjects and names are whatever people typed or files held: no escape sequences reach a
    # terminal (or a report file) from them
    return clean_cell(value)


def _change(c: dict) -> str:
    if c["change"] == 0:
        return "±0"
    sign = "+" if c["change"] > 0 else ""
    pct = f" ({sign}{format_figure(c['change_pct'], 0)}%)" if c["change_pct"] is not None else ""
    return f"{sign}{c['change']}{pct}"


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


def weekly_blocks(data: dict) -> list[Block]:
    t = data["totals"]
    blocks = [Block("totals", SECTION_TITLES["totals"], ["Measure", "This period", "Previous", "Change"],
                    [[TOTAL_LABELS[k], v["value"], v["previous"], _change(v)] for k, v in t.items()])]
    s = data["sla"]
    blocks.append(Block("sla", SECTION_TITLES["sla"], ["Clock", "Met", "Finished", "Compliance %"],
                        [["First response 首次响应", s["response"]["met"], s["response"]["total"], s["response"]["pct"]],
                         ["Resolution 解决", s["resolution"]["met"], s["resolution"]["total"], s["resolution"]["pct"]]]
                        + _untimed_rows(data.get("sla_untimed") or {}),
                        note=_untimed_note(data.get("sla_untimed") or {})))
    tm = data["times"]
    blocks.append(Block("times", SECTION_TITLES["times"], ["Time to", "Count", "Median h", "p90 h"],
                        [["First response", tm["first_response_hours"]["count"], tm["first_response_hours"]["median"],
                          tm["first_response_hours"]["p90"]],
                         ["Resolution", tm["resolution_hours"]["count"], tm["resolution_hours"]["median"],
                          tm["resolution_hours"]["p90"]]]))
    for kind in ("category", "cause", "channel", "severity"):
        rows = data["breakdowns"][kind]
        blocks.append(Block(kind, SECTION_TITLES[kind], [kind.capitalize(), "中文", "Code", "Complaints"],
                            [[r["label_en"], r["label_zh"], r["code"] or "", r["count"]] for r in rows],
                            bars=[(f"{r['label_en']} {r['label_zh']}", r["count"]) for r in rows]))
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


def _agents_block(agents: list[dict], *, chart: bool) -> Block:
    return Block("agents", SECTION_TITLES["agents"],
                 ["Agent", "Assigned", "Resolved", "Median resolution h", "Resolution SLA %", "Satisfaction"],
                 [[a["agent"], a["assigned"], a["resolved"], a["median_resolution_hours"], a["sla_pct"],
                   a["satisfaction"]] for a in agents],
                 bars=[(a["agent"], a["resolved"]) for a in agents] if chart else None)


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
              bars=[(w["week"], w["received"]) for w in data["weeks"]]),
    ]


def causes_blocks(data: dict) -> list[Block]:
    return [Block("pareto", "Root causes (Pareto)",
                  ["Cause", "中文", "Complaints", "Share %", "Cumulative %", "Vital few"],
                  [[r["label_en"], r["label_zh"], r["count"], r["share_pct"], r["cumulative_pct"],
                    "yes" if r["vital_few"] else ""] for r in data["causes"]],
                  bars=[(f"{r['label_en']} {r['label_zh']}", r["count"]) for r in data["causes"]],
                  note=f"{data['without_cause']} complaint(s) in the period have no cause recorded yet.")]


TITLES = {"weekly": "Weekly complaint report 每周投诉报告", "agents": "Agent performance 坐席绩效",
          "sla": "SLA compliance SLA 达成率", "trends": "Complaint trends 投诉趋势", "causes": "Root causes 根本原因"}


def blocks_for(data: dict) -> list[Block]:
    return {"weekly": weekly_blocks, "agents": agents_blocks, "sla": sla_blocks,
            "trends": trends_blocks, "causes": causes_blocks}[data["report"]](data)


def subtitle(data: dict) -> str:
    if "period" in data:
        return period_text(data)
    weeks = data.get("weeks") or []
    return f"{weeks[0]['week']} – {weeks[-1]['week']}" if weeks else ""


# --- text --------------------------------------------------------------------------------

def render_text(data: dict, blocks: list[Block], *, color: bool, width: int | None) -> str:
    from rich.console import Console
    from rich.measure import Measurement
    from rich.table import Table
    from rich.text import Text

    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=color, no_color=not color, width=width or 100,
                      color_system="standard" if color else None, highlight=False, emoji=False)
    console.print(Text(TITLES[data["report"]], style="bold"))
    console.print(Text(subtitle(data), style="dim"))
    for b in blocks:
        console.print()
        table = Table(title=b.title, title_justify="left", title_style="bold", show_edge=False, pad_edge=False)
        for i, h in enumerate(b.headers):
            table.add_column(h, justify="right" if i and _numeric_column(b, i) else "left", overflow="fold")
        rows = [[_fmt(v) for v in row] for row in b.rows]
        for cells in rows:
            table.add_row(*cells)
        # The bars take what width the figures leave (at most 24), so that in a narrow
        # terminal the labels and codes are not folded to make room for a chart.
        room = console.width - Measurement.get(console, console.options, table).maximum - 3
        bar_width = min(24, room) if b.bars is not None and room >= 6 else 0
        if bar_width:
            table = Table(title=b.title, title_justify="left", title_style="bold", show_edge=False,
                          pad_edge=False)
            for i, h in enumerate(b.headers):
                table.add_column(h, justify="right" if i and _numeric_column(b, i) else "left", overflow="fold")
            table.add_column("", no_wrap=True)
            peak = max((v for _, v in b.bars or [] if v), default=0)
            for r, cells in enumerate(rows):
                value = b.bars[r][1] if r < len(b.bars) else 0
                table.add_row(*cells, Text("█" * (round(bar_width * value / peak) if peak else 0), style="cyan"))
        if not b.rows:
            console.print(Text(b.title, style="bold"))
            console.print(Text("  (none)", style="dim"))
        else:
            console.print(table)
        if b.note:
            console.print(Text(b.note, style="dim"))
    return buffer.getvalue()


def _numeric_column(block: Block, index: int) -> bool:
    values = [row[index] for row in block.rows if index < len(row) and row[index] is not None]
    return bool(values) and all(isinstance(v, (int, float)) for v in values)


# --- markdown ----------------------------------------------------------------------------

def _md_cell(value) -> str:
    return _fmt(value).replace("|", "\\|").replace("\n", " ")


def render_markdown(data: dict, blocks: list[Block]) -> str:
    out = [f"# {TITLES[data['report']]}", "", f"_{subtitle(data)}_", ""]
    for b in blocks:
        out += [f"## {b.title}", ""]
        if not b.rows:
            out += ["(none)", ""]
            continue
        out.append("| " + " | ".join(_md_cell(h) for h in b.headers) + " |")
        out.append("|" + "|".join("---:" if i and _numeric_column(b, i) else "---" for i in range(len(b.headers))) + "|")
        for row in b.rows:
            out.append("| " + " | ".join(_md_cell(v) for v in row) + " |")
        if b.note:
            out += ["", f"_{b.note}_"]
        out.append("")
    return "\n".join(out)


# --- html --------------------------------------------------------------------------------

CSS = """
body{font-family:-apple-system,"Segoe UI","Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;
margin:2rem auto;max-width:60rem;color:#1f2933;padding:0 1rem}
h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.15rem;margin:1.8rem 0 .5rem;border-bottom:1px solid #d9e2ec}
.sub{color:#627d98;margin-top:0}table{border-collapse:collapse;width:100%;font-size:.92rem}
th,td{padding:.3rem .5rem;border-bottom:1px solid #e4e7eb;text-align:left}td.n,th.n{text-align:right}
th{background:#f0f4f8}.grid{display:grid;grid-template-columns:minmax(0,1.1fr) minmax(0,1fr);gap:1.5rem}
.grid td,.grid th{white-space:nowrap}svg.chart{width:100%;height:auto}
.cards{display:grid;grid-template-columns:repeat(3,1fr);gap:.8rem}.card{border:1px solid #d9e2ec;border-radius:6px;padding:.6rem}
.card .v{font-size:1.5rem;font-weight:600}.card .c{color:#627d98;font-size:.85rem}.up{color:#c62828}.down{color:#2e7d32}
.note{color:#627d98;font-size:.85rem}svg text{font-size:11px;fill:#334e68}
@media print{body{margin:0;max-width:none}.grid{grid-template-columns:1fr 1fr}h2{break-after:avoid}
section{break-inside:avoid}}
"""


def svg_bars(bars: list[tuple[str, float]], width: int = 460) -> str:
    if not bars:
        return ""
    row_h, label_w = 20, 210
    peak = max((v for _, v in bars), default=0) or 1
    height = row_h * len(bars) + 6
    parts = [f'<svg class="chart" role="img" width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
             f'xmlns="http://www.w3.org/2000/svg">']
    for i, (label, value) in enumerate(bars):
        y = i * row_h + 3
        w = (width - label_w - 50) * (value or 0) / peak
        parts.append(f'<text x="{label_w - 6}" y="{y + 13}" text-anchor="end">{html.escape(str(label)[:30])}</text>')
        parts.append(f'<rect x="{label_w}" y="{y + 2}" width="{w:.1f}" height="{row_h - 6}" rx="2" fill="#2680c2"/>')
        parts.append(f'<text x="{label_w + w + 4:.1f}" y="{y + 13}">{html.escape(_fmt(value))}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _html_table(b: Block) -> str:
    if not b.rows:
        return '<p class="note">(none)</p>'
    numeric = [bool(i) and _numeric_column(b, i) for i in range(len(b.headers))]
    head = "".join(f'<th class="{"n" if numeric[i] else ""}">{html.escape(h)}</th>' for i, h in enumerate(b.headers))
    body = "".join("<tr>" + "".join(f'<td class="{"n" if numeric[i] else ""}">{html.escape(_fmt(v))}</td>'
                                    for i, v in enumerate(row)) + "</tr>" for row in b.rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def render_html(data: dict, blocks: list[Block]) -> str:
    title = TITLES[data["report"]]
    out = ['<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">',
           f"<title>{html.escape(title)} {html.escape(subtitle(data))}</title>",
           '<meta name="viewport" content="width=device-width, initial-scale=1">',
           f"<style>{CSS}</style></head><body>",
           f"<h1>{html.escape(title)}</h1><p class='sub'>{html.escape(subtitle(data))}</p>"]
    if data["report"] == "weekly":
        cards = []
        for key, c in data["totals"].items():
            cls = "up" if c["change"] > 0 else "down" if c["change"] < 0 else ""
            cards.append(f'<div class="card"><div class="c">{html.escape(TOTAL_LABELS[key])}</div>'
                         f'<div class="v">{c["value"]}</div><div class="c {cls}">{html.escape(_change(c))} '
                         f'vs previous ({c["previous"]})</div></div>')
        out.append(f'<section><h2>{SECTION_TITLES["totals"]}</h2><div class="cards">{"".join(cards)}</div></section>')
        blocks = [b for b in blocks if b.id != "totals"]
    for b in blocks:
        chart = svg_bars(b.bars) if b.bars else ""
        note = f'<p class="note">{html.escape(b.note)}</p>' if b.note else ""
        body = f'<div class="grid"><div>{_html_table(b)}</div><div>{chart}</div></div>' if chart else _html_table(b)
        out.append(f'<section id="{b.id}"><h2>{html.escape(b.title)}</h2>{body}{note}</section>')
    out.append('<p class="note">Generated by complaintctl. Every figure is reproducible with the SQL in '
               'docs/reports.md.</p></body></html>')
    return "\n".join(out) + "\n"


# --- csv ---------------------------------------------------------------------------------

def render_csv(blocks: list[Block], section: str | None) -> str:
    import csv

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    if section is not None:
        match = [b for b in blocks if b.id == section]
        if not match:
            from complaintctl.errors import InvalidInput

            raise InvalidInput(f"unknown section {section!r}", hint="sections: " + ", ".join(b.id for b in blocks))
        b = match[0]
        writer.writerow(b.headers)
        writer.writerows([["" if v is None else v for v in row] for row in b.rows])
        return buffer.getvalue()
    writer.writerow(["section", "item", "measure", "value"])
    for b in blocks:
        for row in b.rows:
            for header, value in zip(b.headers[1:], row[1:], strict=False):
                writer.writerow([b.id, row[0], header, "" if value is None else value])
    return buffer.getvalue()


def section_ids(blocks: list[Block]) -> list[str]:
    return [b.id for b in blocks]
