"""One writer for every command that prints records: table, json, ndjson, csv.

JSON keys are the database's column names; JSON and CSV carry stored values
(UTC ISO times, codes) so scripts can rely on them; tables show local times.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from enum import Enum


class Format(str, Enum):
    table = "table"
    json = "json"
    ndjson = "ndjson"
    csv = "csv"


def write_json(data: object, stream=None) -> None:
    import json

    stream = stream or sys.stdout
    stream.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


def write_records(
    records: Sequence[dict],
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
    if fmt == Format.json:
        write_json([{c: r.get(c) for c in columns} for r in records], stream)
    elif fmt == Format.ndjson:
        import json

        for r in records:
            stream.write(json.dumps({c: r.get(c) for c in columns}, ensure_ascii=False, default=str) + "\n")
    elif fmt == Format.csv:
        import csv

        writer = csv.writer(stream, lineterminator="\n")
        writer.writerow(columns)
        for r in records:
            writer.writerow(["" if r.get(c) is None else r.get(c) for c in columns])
    else:
        from complaintctl.render.table import render_table, terminal_width, use_color

        shown = list(table_columns or columns)
        heads = [(headers or {}).get(c, c) for c in shown]
        rows = []
        styles = []
        for r in records:
            values = table_values(r) if table_values else r
            rows.append([values.get(c) for c in shown])
            if table_styles:
                styles.append({shown.index(c): st for c, st in table_styles(values).items() if c in shown})
        text = render_table(
            heads, rows, width=terminal_width(stream), color=use_color(stream),
            flexible=[shown.index(c) for c in flexible if c in shown], styles=styles or None,
            droppable=[shown.index(c) for c in droppable if c in shown],
            floors={shown.index(c): w for c, w in (floors or {}).items() if c in shown},
        )
        stream.write(text + "\n")
