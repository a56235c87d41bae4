"""One writer for every command that prints records: table, json, ndjson, csv.

JSON keys are the database's column names; JSON and CSV carry stored values
(UTC ISO times, codes) so scripts can rely on them; tables show local times.
Every CSV the tool writes goes through CsvWriter (formula guard, --excel); every
machine format written to a terminal goes through render/terminal.py.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Sequence
from enum import Enum

from complaintctl.spreadsheet import guard_cell


class Format(str, Enum):
    table = "table"
    json = "json"
    ndjson = "ndjson"
    csv = "csv"


class CsvOptions:
    """How CSV is written in this run: ``excel`` (the global --excel) adds a UTF-8 byte order
    mark and CRLF line ends, which Excel needs to read UTF-8 (Chinese) correctly."""

    excel = False


class CsvWriter:
    """The one CSV writer: every CSV the tool writes (records, reports, exports) is written
    here, guarded against formulas, with a BOM and CRLF under --excel."""

    def __init__(self, stream, *, excel: bool | None = None, guard: bool = True, crlf: bool = False):
        import csv

        self.excel = CsvOptions.excel if excel is None else excel
        if self.excel:
            stream.write("\ufeff")
        self.guard = guard
        self.writer = csv.writer(stream, lineterminator="\r\n" if (crlf or self.excel) else "\n")

    def writerow(self, cells: Sequence) -> None:
        cells = ["" if c is None else c for c in cells]
        self.writer.writerow([guard_cell(c) for c in cells] if self.guard else cells)


def check_excel(fmt: str) -> None:
    """--excel is about CSV: with another format it is a mistake, said so."""
    if CsvOptions.excel and fmt != "csv":
        from complaintctl.errors import InvalidInput

        raise InvalidInput("--excel goes with CSV", hint="add --format csv, or leave out --excel")


def write_json(data: object, stream=None) -> None:
    import json

    from complaintctl.render.terminal import safe_stream

    check_excel("json")
    stream = safe_stream(stream or sys.stdout)
    stream.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


def _write_json_array(items, stream) -> None:
    """What write_json writes for a list, written an item at a time: records may be a
    generator of any length (`sql`), and memory stays flat."""
    import json

    first = True
    for item in items:
        text = json.dumps(item, ensure_ascii=False, indent=2, default=str).replace("\n", "\n  ")
        stream.write(("[\n  " if first else ",\n  ") + text)
        first = False
    stream.write("[]\n" if first else "\n]\n")


def write_records(
    records: Iterable[dict],
    columns: Sequence[str],
    fmt: Format,
    *,
    table_columns: Sequence[str] | None = None,
    headers: dict[str, str] | None = None,
    table_values=None,
    table_styles=None,
    flexible: Sequence[str] = (),
    droppable: Sequence[str] = (),
    floors: dict[str, int] | None = None,
    stream=None,
) -> None:
    """Write records in ``fmt``. ``table_values(record) -> dict`` formats cells for humans;
    ``table_styles(record) -> {column: style}`` colours them (on a terminal only)."""
    stream = stream or sys.stdout
    check_excel(fmt.value)
    if fmt != Format.table:
        from complaintctl.render.terminal import safe_stream

        stream = safe_stream(stream)  # control characters escaped on a terminal, exact elsewhere
    if fmt == Format.json:
        _write_json_array(({c: r.get(c) for c in columns} for r in records), stream)
    elif fmt == Format.ndjson:
        import json

        for r in records:
            stream.write(json.dumps({c: r.get(c) for c in columns}, ensure_ascii=False, default=str) + "\n")
    elif fmt == Format.csv:
        writer = CsvWriter(stream)
        writer.writerow(columns)
        for r in records:
            writer.writerow([r.get(c) for c in columns])
    else:
        from complaintctl.i18n import cell, t
        from complaintctl.render.table import render_table, terminal_width, use_color

        shown = list(table_columns or columns)
        heads = [t((headers or {}).get(c, c)) for c in shown]
        rows = []
        styles = []
        for r in records:
            values = table_values(r) if table_values else r
            rows.append([cell(c, values.get(c)) for c in shown])
            if table_styles:
                styles.append({shown.index(c): st for c, st in table_styles(values).items() if c in shown})
        text = render_table(
            heads, rows, width=terminal_width(stream), color=use_color(stream),
            flexible=[shown.index(c) for c in flexible if c in shown], styles=styles or None,
            droppable=[shown.index(c) for c in droppable if c in shown],
            floors={shown.index(c): w for c, w in (floors or {}).items() if c in shown},
        )
        stream.write(text + "\n")
