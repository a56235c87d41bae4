"""One writer for every command that prints records: table, json, ndjson, csv; the one JSON
encoder (json_text) and the one CSV writer (CsvWriter) every other output uses.

JSON keys are the database's column names; JSON and CSV carry stored values
(UTC ISO times, codes) so scripts can rely on them; tables show local times.
Every CSV the tool writes goes through CsvWriter (formula guard, --excel); every
machine format written to a terminal goes through render/terminal.py.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Sequence
from enum import Enum

from complaintctl.spreadsheet import CsvWriter  # noqa: F401 (the one CSV writer, below every layer)


class Format(str, Enum):
    table = "table"
    json = "json"
    ndjson = "ndjson"
    csv = "csv"


def check_excel(fmt: str) -> None:
    """--excel is about CSV: with another format it is a mistake, said so."""
    from complaintctl.context import current

    if current().excel and fmt != "csv":
        from complaintctl.errors import InvalidInput

        raise InvalidInput("--excel goes with CSV", hint="add --format csv, or leave out --excel")


def json_text(data: object, *, indent: int | None = 2) -> str:
    """The one JSON encoder: UTF-8 text as it is (Chinese unescaped), anything else as its text."""
    import json

    return json.dumps(data, ensure_ascii=False, indent=indent, default=str)


def write_json(data: object, stream=None, *, lines: bool = False) -> None:
    """``data`` as one JSON document, or (``lines``) as one NDJSON line; control characters
    escaped on a terminal, exact in a pipe."""
    from complaintctl.render.terminal import safe_stream

    check_excel("json")
    stream = safe_stream(stream or sys.stdout)
    stream.write(json_text(data, indent=None if lines else 2) + "\n")


def _write_json_array(items, stream) -> None:
    """What write_json writes for a list, written an item at a time: records may be a
    generator of any length (`sql`), and memory stays flat."""
    first = True
    for item in items:
        text = json_text(item).replace("\n", "\n  ")
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
    words: dict | None = None,
    stream=None,
) -> None:
    """Write records in ``fmt``. Machine formats (json, ndjson, csv) carry the records as they are,
    whatever the language: codes, and the columns' names as keys. A table is for people:
    ``headers`` {column: message id} names its columns in their language, taxonomy codes (status,
    severity, category...) are shown as labels, ``words`` {column: function} says other columns'
    codes (an outbox state) or, as None, leaves a column as it is; ``table_values(record) -> dict``
    formats cells; ``table_styles(record) -> {column: style}`` colours them (on a terminal only)."""
    stream = stream or sys.stdout
    check_excel(fmt.value)
    if fmt != Format.table:
        from complaintctl.render.terminal import safe_stream

        stream = safe_stream(stream)  # control characters escaped on a terminal, exact elsewhere
    if fmt == Format.json:
        _write_json_array(({c: r.get(c) for c in columns} for r in records), stream)
    elif fmt == Format.ndjson:
        for r in records:
            stream.write(json_text({c: r.get(c) for c in columns}, indent=None) + "\n")
    elif fmt == Format.csv:
        writer = CsvWriter(stream)
        writer.writerow(columns)
        for r in records:
            writer.writerow([r.get(c) for c in columns])
    else:
        from complaintctl.i18n import _
        from complaintctl.render.table import render_table, terminal_width, use_color

        shown = list(table_columns or columns)
        heads = [_(headers[c]) if headers and c in headers else c for c in shown]
        said = {**_code_words(), **(words or {})}
        rows = []
        styles = []
        for r in records:
            values = table_values(r) if table_values else r
            rows.append([_cell(values.get(c), said.get(c)) for c in shown])
            if table_styles:
                styles.append({shown.index(c): st for c, st in table_styles(values).items() if c in shown})
        text = render_table(
            heads, rows, width=terminal_width(stream), color=use_color(stream),
            flexible=[shown.index(c) for c in flexible if c in shown], styles=styles or None,
            droppable=[shown.index(c) for c in droppable if c in shown],
            floors={shown.index(c): w for c, w in (floors or {}).items() if c in shown},
        )
        stream.write(text + "\n")


def _cell(value, say):
    """A table cell as people read it: core's words said in their language (a Message, a code:
    i18n.Said), a column's codes through ``say``."""
    from complaintctl.i18n import Said

    if isinstance(value, Said):
        return value.said()
    return say(value) if say and isinstance(value, str) else value


def _code_words() -> dict:
    """The columns that hold a taxonomy code, each with what shows it (its label in Chinese)."""
    from complaintctl.i18n.words import KIND_OF_FIELD, label

    return {column: (lambda value, kind=kind: label(kind, value)) for column, kind in KIND_OF_FIELD.items()}
