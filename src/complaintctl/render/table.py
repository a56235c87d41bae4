"""A small table renderer for the hot commands (list, show, agents).

rich's import alone costs ~70 ms, more than half a command's start-up budget
(bench/startup.py), so the everyday tables are drawn here: East Asian wide
characters count two columns, long cells are cut with an ellipsis to fit the
terminal, colour only on a TTY without NO_COLOR. Reports use rich.
"""

from __future__ import annotations

import os
import shutil
import sys
import unicodedata
from collections.abc import Sequence

RESET = "\x1b[0m"
STYLES = {"bold": "\x1b[1m", "dim": "\x1b[2m", "red": "\x1b[31m", "green": "\x1b[32m",
          "yellow": "\x1b[33m", "blue": "\x1b[34m", "magenta": "\x1b[35m", "cyan": "\x1b[36m"}


def use_color(stream=None) -> bool:
    stream = stream or sys.stdout
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return hasattr(stream, "isatty") and stream.isatty()


def terminal_width(stream=None) -> int | None:
    """The width to fit, or None (no limit) when output goes to a pipe or file."""
    stream = stream or sys.stdout
    columns = os.environ.get("COLUMNS")
    if columns and columns.isdigit():
        return int(columns)
    if hasattr(stream, "isatty") and stream.isatty():
        return shutil.get_terminal_size((100, 24)).columns
    return None


def char_width(ch: str) -> int:
    if ch in "\u200b\u200c\u200d\ufeff" or unicodedata.combining(ch):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def text_width(text: str) -> int:
    if text.isascii():
        return len(text)
    return sum(char_width(c) for c in text)


# Chinese punctuation that closes a phrase: never the first thing on a line
_CLOSING = set("，。、；：！？）》」』】〉…%,.;:!?)]")


def wrap_wide(text: str, room: int, subsequent_indent: str = "") -> list[str]:
    """``text`` in lines of at most ``room`` columns: at spaces, and between any two wide
    (Chinese) characters, which have no spaces between them; a closing mark (，。）) stays on the
    line of what it closes."""
    import re
    import textwrap

    if text.isascii():
        return textwrap.wrap(text, room, subsequent_indent=subsequent_indent)
    lines, line = [], ""
    for token in re.findall(r"[\u2e80-\uffff]|[^\s\u2e80-\uffff]+\s*|\s+", text):
        if line.strip() and token[0] not in _CLOSING and text_width(line + token.rstrip()) > room:
            lines.append(line.rstrip())
            line = subsequent_indent + token.lstrip()
        else:
            line += token
    if line.strip():
        lines.append(line.rstrip())
    return lines


def clean_cell(value: object) -> str:
    if value is None:
        return ""
    text = str(value)
    if "\n" in text or "\r" in text or "\t" in text:
        text = " ".join(text.split())
    # Control characters would move the cursor or ring the bell in a terminal.
    if not text.isprintable():
        text = "".join(c if c.isprintable() else "?" for c in text)
    return text


def truncate(text: str, width: int) -> str:
    if text_width(text) <= width:
        return text
    if width <= 1:
        return "…"[:width]
    out, used = [], 0
    for ch in text:
        w = char_width(ch)
        if used + w > width - 1:
            break
        out.append(ch)
        used += w
    return "".join(out) + "…"


def pad(text: str, width: int, align: str = "left") -> str:
    gap = width - text_width(text)
    if gap <= 0:
        return text
    return (" " * gap + text) if align == "right" else (text + " " * gap)


def style(text: str, name: str | None, color: bool) -> str:
    if not color or not name or not text:
        return text
    return "".join(STYLES[n] for n in name.split()) + text + RESET


def render_table(
    headers: Sequence[str],
    rows: Sequence[Sequence[object]],
    *,
    width: int | None = None,
    color: bool = False,
    flexible: Sequence[int] = (),
    right: Sequence[int] = (),
    styles: Sequence[dict | None] | None = None,
    droppable: Sequence[int] = (),
    floors: dict[int, int] | None = None,
) -> str:
    """Columns separated by two spaces under a bold header and a rule. When ``width`` is
    given, the ``flexible`` columns (default: the widest) shrink to fit it, each down to its
    floor (``floors``, else 8 or its header); if even that is too wide, ``droppable``
    columns are left out, in that order, so that a line never wraps in the terminal."""
    cells = [[clean_cell(v) for v in row] for row in rows]
    widths = [text_width(h) for h in headers]
    for row in cells:
        for i, cell in enumerate(row):
            w = text_width(cell)
            if w > widths[i]:
                widths[i] = w
    shown = list(range(len(headers)))
    if width is not None:
        shown = _fit(headers, widths, width, flexible, droppable, floors)
        if len(shown) < len(headers):
            headers = [headers[i] for i in shown]
            widths = [widths[i] for i in shown]
            right = [shown.index(i) for i in right if i in shown]
            cells = [[row[i] for i in shown] for row in cells]
            if styles:
                styles = [{shown.index(i): st for i, st in (s or {}).items() if i in shown} for s in styles]
    lines = []
    header = "  ".join(pad(truncate(h, widths[i]), widths[i]) for i, h in enumerate(headers))
    lines.append(style(header.rstrip(), "bold", color))
    lines.append(style("  ".join("─" * w for w in widths), "dim", color))
    for r, row in enumerate(cells):
        out = []
        for i, cell in enumerate(row):
            text = pad(truncate(cell, widths[i]), widths[i], "right" if i in right else "left")
            cell_style = (styles[r] or {}).get(i) if styles and r < len(styles) else None
            out.append(style(text, cell_style, color))
        lines.append("  ".join(out).rstrip())
    return "\n".join(lines)


def _fit(headers: Sequence[str], widths: list[int], width: int, flexible: Sequence[int], droppable: Sequence[int],
         floors: dict[int, int] | None) -> list[int]:
    """The columns that fit ``width``, narrowing ``widths`` in place: droppable columns go
    first, in order, until the rest fit at their floors; then the widest flexible ones shrink."""
    shown = list(range(len(headers)))
    shrinkable = list(flexible) or [max(range(len(widths)), key=lambda i: widths[i])]
    floor = {i: min(widths[i], max(text_width(headers[i]), (floors or {}).get(i, 8))) for i in shrinkable}

    def narrowest(columns: list[int]) -> int:
        return sum(floor.get(i, widths[i]) for i in columns) + 2 * (len(columns) - 1)

    for i in droppable:
        if narrowest(shown) <= width:
            break
        shown.remove(i)
    over = sum(widths[i] for i in shown) + 2 * (len(shown) - 1) - width
    for i in sorted((i for i in shrinkable if i in shown), key=lambda i: -widths[i]):
        if over <= 0:
            break
        cut = min(over, widths[i] - floor[i])
        if cut > 0:
            widths[i] -= cut
            over -= cut
    return shown


def render_pairs(pairs: Sequence[tuple[str, object]], *, color: bool = False,
                 width: int | None = None) -> str:
    """Key: value lines with aligned keys (already in the reader's language); multi-line values are
    indented."""
    keys = [k for k, _ in pairs]
    key_width = max((text_width(k) for k in keys), default=0)
    lines = []
    for key, value in pairs:
        text = "" if value is None else str(value)
        if not text.isprintable():
            text = "".join(c if c.isprintable() or c == "\n" else "?" for c in text)
        head = style(pad(key, key_width), "bold", color) + "  "
        body = text.splitlines() or [""]
        lines.append(head + body[0])
        lines.extend(" " * (key_width + 2) + more for more in body[1:])
    return "\n".join(lines)
