"""A report's blocks drawn as text (rich, for a terminal or a file), Markdown and CSV."""

from __future__ import annotations

import io

from complaintctl.i18n import rt
from complaintctl.render.report import TITLES, BelowGoal, Block, _fmt, spark, subtitle

# --- text --------------------------------------------------------------------------------

def render_text(data: dict, blocks: list[Block], *, color: bool, width: int | None) -> str:
    from rich.console import Console
    from rich.measure import Measurement
    from rich.table import Table
    from rich.text import Text

    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=color, no_color=not color, width=width or 100,
                      color_system="standard" if color else None, highlight=False, emoji=False)
    console.print(Text(rt(TITLES[data["report"]]), style="bold"))
    console.print(Text(subtitle(data), style="dim"))
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
            peak = max((v for _, v in b.bars or [] if v), default=0)
            for r, cells in enumerate(rows):
                value = b.bars[r][1] if r < len(b.bars) else 0
                table.add_row(*cells, Text("█" * (round(bar_width * value / peak) if peak else 0), style="cyan"))
        if not b.rows:
            console.print(Text(b.title, style="bold"))
            console.print(Text("  " + rt("(none)"), style="dim"))
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
    out = [f"# {rt(TITLES[data['report']])}", "", f"_{subtitle(data)}_", ""]
    for b in blocks:
        out += [f"## {b.title}", ""]
        if not b.rows:
            out += [rt("(none)"), ""]
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

def render_csv(blocks: list[Block], section: str | None) -> str:
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
        writer.writerow(b.headers[:cut])
        for row in b.rows:
            writer.writerow(row[:cut])
        return buffer.getvalue()
    writer.writerow(["section", "item", "measure", "value"])
    for b in blocks:
        cut = len(b.headers) - b.spark_column
        for row in b.rows:
            for header, value in zip(b.headers[1:cut], row[1:cut], strict=False):
                writer.writerow([b.id, row[0], header, value])
    return buffer.getvalue()
