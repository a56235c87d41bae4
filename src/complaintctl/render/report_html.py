"""A report as one self-contained HTML file: inline CSS and SVG, no scripts, no fonts or
images from the network; readable from a phone (375 px) to a wide screen, and in print.

Nothing may sit on top of anything else at any width: tables scroll inside their own box,
a chart goes beside its table only when both fit and under it otherwise, and chart labels
are measured (CJK characters count double) instead of cut."""

from __future__ import annotations

import html
import unicodedata

from complaintctl.i18n import _, lang
from complaintctl.render.report import (
    SECTION_TITLES,
    TITLES,
    TOTAL_LABELS,
    BelowGoal,
    Block,
    _change,
    _fmt,
    changed_note,
    running_note,
    subtitle,
)
from complaintctl.render.report_text import _numeric_column

CSS = """
body{font-family:-apple-system,"Segoe UI","Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;
margin:2rem auto;max-width:72rem;color:#1f2933;padding:0 1rem}
h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.15rem;margin:1.8rem 0 .5rem;border-bottom:1px solid #d9e2ec}
.sub{color:#627d98;margin-top:0}table{border-collapse:collapse;font-size:.92rem;min-width:100%}
th,td{padding:.3rem .5rem;border-bottom:1px solid #e4e7eb;text-align:left;vertical-align:top}
td.n,th.n{text-align:right;white-space:nowrap}th{background:#f0f4f8;white-space:nowrap}
td.below{color:#b71c1c;background:#fdecea;font-weight:600}td.spark{white-space:nowrap}
.tw{overflow-x:auto;max-width:100%}
.pair{display:flex;flex-wrap:wrap;gap:1rem 1.5rem;align-items:flex-start}
.pair>.tw{flex:1 1 24rem;min-width:0}.pair>.chart-box{flex:1 1 18rem;min-width:0;max-width:36rem}
.stack>.chart-box{margin-top:.8rem;max-width:40rem}
svg.chart{display:block;width:100%;height:auto}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(10.5rem,1fr));gap:.8rem}
.card{border:1px solid #d9e2ec;border-radius:6px;padding:.6rem;min-width:0}
.card .v{font-size:1.5rem;font-weight:600}.card .c{color:#627d98;font-size:.85rem}
.card svg{display:block;width:100%;max-width:9rem;height:1.6rem;margin-top:.3rem}
.up{color:#c62828}.down{color:#2e7d32}
.note{color:#627d98;font-size:.85rem}.running{background:#fff8e1;border-left:4px solid #f9a825;padding:.4rem .6rem;
color:#5d4037}svg text{font-size:11px;fill:#334e68}
@media print{body{margin:0;max-width:none}h2{break-after:avoid}section{break-inside:avoid}}
"""

BAR = "#2680c2"
SERIES = ["#2680c2", "#2e7d32", "#8e24aa", "#ef6c00"]


def text_width(text: str, size: float = 11) -> float:
    """About how wide ``text`` is drawn at ``size`` px: wide (CJK) and ambiguous (★) characters count one em."""
    return sum(size if unicodedata.east_asian_width(ch) in "WFA" else size * 0.6 for ch in text)


def _fit(text: str, room: float) -> str:
    """``text``, or as much of it as fits in ``room`` px followed by an ellipsis."""
    if text_width(text) <= room:
        return text
    while text and text_width(text + "…") > room:
        text = text[:-1]
    return text + "…"


def svg_bars(bars: list[tuple[str, float]], width: int = 460) -> str:
    if not bars:
        return ""
    row_h = 20
    labels = [str(label) for label, __ in bars]
    values = [_fmt(v) for __, v in bars]
    label_w = min(max(text_width(t) for t in labels) + 8, width * 0.45)
    value_w = max(text_width(v) for v in values) + 8
    room = width - label_w - value_w
    peak = max((v or 0 for __, v in bars), default=0) or 1
    height = row_h * len(bars) + 6
    parts = [f'<svg class="chart" role="img" viewBox="0 0 {width} {height}" xmlns="http://www.w3.org/2000/svg">']
    for i, ((label, value), shown) in enumerate(zip(bars, values, strict=True)):
        y = i * row_h + 3
        w = room * (value or 0) / peak
        parts.append(f'<text x="{label_w - 6:.1f}" y="{y + 13}" text-anchor="end"><title>{html.escape(str(label))}'
                     f'</title>{html.escape(_fit(str(label), label_w - 8))}</text>')
        parts.append(f'<rect x="{label_w:.1f}" y="{y + 2}" width="{w:.1f}" height="{row_h - 6}" rx="2" fill="{BAR}"/>')
        parts.append(f'<text x="{label_w + w + 4:.1f}" y="{y + 13}">{html.escape(shown)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def svg_lines(series: dict[str, list], labels: list[str], width: int = 560, height: int = 190) -> str:
    """Week-by-week lines with a legend above, the top value on the left, the first and last
    week under the ends."""
    known = [v for values in series.values() for v in values if v is not None]
    if not known or len(labels) < 2:
        return ""
    peak = max(known) or 1
    top_w = text_width(_fmt(peak)) + 8
    left, right, top, bottom = top_w, width - 8, 26, height - 22
    step = (right - left) / (len(labels) - 1)
    parts = [f'<svg class="chart" role="img" viewBox="0 0 {width} {height}" xmlns="http://www.w3.org/2000/svg">',
             f'<line x1="{left}" y1="{bottom}" x2="{right}" y2="{bottom}" stroke="#bcccdc"/>',
             f'<text x="{left - 4:.1f}" y="{top + 4}" text-anchor="end">{html.escape(_fmt(peak))}</text>',
             f'<text x="{left - 4:.1f}" y="{bottom + 4}" text-anchor="end">0</text>']
    x = left
    for colour, (name, values) in zip(SERIES, series.items(), strict=False):
        points = " ".join(f"{left + i * step:.1f},{bottom - (bottom - top) * v / peak:.1f}"
                          for i, v in enumerate(values) if v is not None)
        parts.append(f'<polyline fill="none" stroke="{colour}" stroke-width="2" points="{points}"/>')
        parts.append(f'<rect x="{x:.1f}" y="6" width="10" height="10" fill="{colour}"/>'
                     f'<text x="{x + 14:.1f}" y="15">{html.escape(name)}</text>')
        x += 14 + text_width(name) + 16
    parts.append(f'<text x="{left:.1f}" y="{height - 6}">{html.escape(labels[0])}</text>')
    parts.append(f'<text x="{right:.1f}" y="{height - 6}" text-anchor="end">{html.escape(labels[-1])}</text>')
    parts.append("</svg>")
    return "".join(parts)


def svg_spark(values: list) -> str:
    known = [v for v in values if v is not None]
    if len(known) < 2:
        return ""
    lo, hi = min(known), max(known)
    span = (hi - lo) or 1
    step = 96 / (len(values) - 1)
    points = " ".join(f"{2 + i * step:.1f},{22 - 20 * (v - lo) / span:.1f}" for i, v in enumerate(values) if v is not None)
    return (f'<svg viewBox="0 0 100 24" preserveAspectRatio="none" role="img" xmlns="http://www.w3.org/2000/svg">'
            f'<polyline fill="none" stroke="{BAR}" stroke-width="1.5" points="{points}"/></svg>')


def _html_table(b: Block) -> str:
    if not b.rows:
        return f'<p class="note">{_("(none)")}</p>'
    cut = len(b.headers) - b.spark_column
    numeric = [bool(i) and _numeric_column(b, i) for i in range(cut)]
    head = "".join(f'<th class="{"n" if numeric[i] else ""}">{html.escape(h)}</th>' for i, h in enumerate(b.headers[:cut]))
    body = []
    for row in b.rows:
        cells = []
        for i, v in enumerate(row[:cut]):
            cls = " ".join(c for c in ("n" if numeric[i] else "", "below" if isinstance(v, BelowGoal) else "") if c)
            cells.append(f'<td class="{cls}">{html.escape(_fmt(v))}</td>')
        body.append("<tr>" + "".join(cells) + "</tr>")
    return f'<div class="tw"><table><thead><tr>{head}</tr></thead><tbody>{"".join(body)}</tbody></table></div>'


def _cards(data: dict) -> str:
    trend = data.get("trend") or []
    running = bool(data["period"].get("running"))
    cards = []
    for key, c in data["totals"].items():
        cls = "" if running else "up" if c["change"] > 0 else "down" if c["change"] < 0 else ""
        change = _("period still running") if running else \
            _("{change} vs previous ({previous})", change=_change(c), previous=c["previous"])
        line = svg_spark([w[key] for w in trend]) if trend and key in trend[0] else ""
        cards.append(f'<div class="card"><div class="c">{html.escape(_(TOTAL_LABELS[key]))}</div>'
                     f'<div class="v">{c["value"]}</div><div class="c {cls}">{html.escape(change)}</div>{line}</div>')
    title = html.escape(_(SECTION_TITLES["totals"]))
    return f'<section id="totals"><h2>{title}</h2><div class="cards">{"".join(cards)}</div></section>'


def _section(b: Block) -> str:
    chart = svg_bars(b.bars) if b.bars else ""
    if b.lines:
        chart = svg_lines(b.lines, [str(row[0]) for row in b.rows])
    note = f'<p class="note">{html.escape(b.note)}</p>' if b.note else ""
    table = _html_table(b)
    if chart:
        # a wide table takes the whole width and its chart goes under it
        layout = "stack" if len(b.headers) > 4 else "pair"
        body = f'<div class="{layout}">{table}<div class="chart-box">{chart}</div></div>'
    else:
        body = table
    return f'<section id="{b.id}"><h2>{html.escape(b.title)}</h2>{body}{note}</section>'


def render_html(data: dict, blocks: list[Block]) -> str:
    title = _(TITLES[data["report"]])
    language = "zh-Hant" if lang() == "zh-Hant" else "zh-CN"  # English too carries Simplified labels (受理)
    out = [f'<!DOCTYPE html><html lang="{language}"><head><meta charset="utf-8">',
           f"<title>{html.escape(title)} {html.escape(subtitle(data))}</title>",
           '<meta name="viewport" content="width=device-width, initial-scale=1">',
           f"<style>{CSS}</style></head><body>",
           f"<h1>{html.escape(title)}</h1><p class='sub'>{html.escape(subtitle(data))}</p>"]
    if data.get("period", {}).get("running"):
        out.append(f'<p class="running">{html.escape(running_note(data))}</p>')
    if note := changed_note(data):  # late data about a finished period, said where it is read first
        out.append(f'<p class="running changed">{html.escape(note)}</p>')
    if data["report"] == "weekly":
        out.append(_cards(data))
        blocks = [b for b in blocks if b.id != "totals"]
    out += [_section(b) for b in blocks]
    footer = _("Generated by complaintctl. Every figure is reproducible with the SQL in docs/reports.md.")
    out.append(f'<p class="note">{html.escape(footer)}</p></body></html>')
    return "\n".join(out) + "\n"
