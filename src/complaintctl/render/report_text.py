"""A report's blocks drawn as text (rich, for a terminal or a file), Markdown and CSV."""

from __future__ import annotations

import io

from complaintctl.i18n import _
from complaintctl.render.block import Block
from complaintctl.render.report import TITLES, BelowGoal, Change, _fmt, changed_note, spark, subtitle

# --- text --------------------------------------------------------------------------------

def render_text(data: dict, blocks: list[Block], *, color: bool, width: int | None) -> str:
    from rich.console import Console
    from rich.measure import Measurement
    from rich.table import Table
    from rich.text import Text

    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=color, no_color=not color, width=width or 100,
                      color_system="standard" if color else None, highlight=False, emoji=False)
    console.print(Text(_(TITLES[data["report"]]), style="bold"))
    console.print(Text(subtitle(data), style="dim"))
    if note := changed_note(data):
        console.print(Text(note, style="bold yellow"))
    for b in blocks:
        console.print()
        table = Table(title=b.title, title_justify="left", title_style="bold", show_edge=False, pad_edge=False)
        for i, h in enumerate(b.headers):
            table.add_column(h, justify="right" if i and _numeric_column(b, i) else "left", overflow="fold")
        rows = [[Text(_fmt(v), style="red") if isinstance(v, BelowGoal) else _fmt(v) for v in row] for row in b.rows]
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
            peak = max((v for __, v in b.bars or [] if v), default=0)
            for r, cells in enumerate(rows):
                value = b.bars[r][1] if b.bars and r < len(b.bars) else 0
                table.add_row(*cells, Text("█" * (round(bar_width * value / peak) if peak else 0), style="cyan"))
        if not b.rows:
            console.print(Text(b.title, style="bold"))
            console.print(Text("  " + _("(none)"), style="dim"))
        else:
            console.print(table)
        for name, values in (b.lines or {}).items():
            console.print(Text(f"{name:<10} {spark(values)}"))
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
    out = [f"# {_(TITLES[data['report']])}", "", f"_{subtitle(data)}_", ""]
    if note := changed_note(data):
        out += [f"> **{_md_cell(note)}**", ""]
    for b in blocks:
        out += [f"## {b.title}", ""]
        if not b.rows:
            out += [_("(none)"), ""]
            continue
        out.append("| " + " | ".join(_md_cell(h) for h in b.headers) + " |")
        out.append("|" + "|".join("---:" if i and _numeric_column(b, i) else "---" for i in range(len(b.headers))) + "|")
        for row in b.rows:
            out.append("| " + " | ".join(f"**{_md_cell(v)}**" if isinstance(v, BelowGoal) else _md_cell(v)
                                         for v in row) + " |")
        for name, values in (b.lines or {}).items():
            out += ["", f"{name}: `{spark(values)}`"]
        if b.note:
            out += ["", f"_{b.note}_"]
        out.append("")
    return "\n".join(out)


# --- csv ---------------------------------------------------------------------------------

def _csv_columns(headers: list[str], row: list) -> tuple[list[str], list]:
    """A row's headers and cells as CSV writes them: a change is two numbers (the change and its
    percentage, empty while the period runs), never the text "-6 (-13%)"."""
    out_headers, out_cells = [], []
    for header, value in zip(headers, row, strict=False):
        if isinstance(value, Change):
            out_headers += [header, f"{header} %"]
            out_cells += [value.change, value.pct]
        else:
            out_headers.append(header)
            out_cells.append(value)
    return out_headers, out_cells


def _period_rows(data: dict) -> list[list]:
    """The period a CSV report covers, as long-format rows: whether it is still running is a
    column a script can read, not a word in a change cell."""
    p = data.get("period")
    if not p:
        return []
    running = p.get("running")
    return [["period", p["label"], measure, value] for measure, value in (
        ("start", p["start"]), ("end", p["end"]), ("timezone", p.get("timezone")),
        ("running", "yes" if running else "no"), ("elapsed %", running["elapsed_pct"] if running else None))]


def render_csv(blocks: list[Block], section: str | None, data: dict | None = None) -> str:
    """CSV for scripts: blocks made in English whatever the language (blocks_for(machine=True)),
    in long format (section, item, measure, value) after the period's rows, or one section as a
    table."""
    from complaintctl.render.output import CsvWriter

    buffer = io.StringIO()
    writer = CsvWriter(buffer)
    if section is not None:
        match = [b for b in blocks if b.id == section]
        if not match:
            from complaintctl.errors import InvalidInput

            raise InvalidInput(f"unknown section {section!r}", hint="sections: " + ", ".join(b.id for b in blocks))
        b = match[0]
        cut = len(b.headers) - b.spark_column
        rows = [_csv_columns(b.headers[:cut], row[:cut]) for row in b.rows]
        writer.writerow(rows[0][0] if rows else b.headers[:cut])
        for __, cells in rows:
            writer.writerow(cells)
        return buffer.getvalue()
    writer.writerow(["section", "item", "measure", "value"])
    for row in _period_rows(data or {}):
        writer.writerow(row)
    for c in (data or {}).get("changed_since_first_reported") or []:  # late data about the period
        writer.writerow(["changed", c["figure"], "was", c["was"]])
        writer.writerow(["changed", c["figure"], "now", c["now"]])
    for b in blocks:
        cut = len(b.headers) - b.spark_column
        for row in b.rows:
            headers, cells = _csv_columns(b.headers[1:cut], row[1:cut])
            for header, value in zip(headers, cells, strict=True):
                writer.writerow([b.id, row[0], header, value])
    return buffer.getvalue()
