"""Writing exported complaints as CSV (through the one CsvWriter), JSON or NDJSON, a row at a
time, so that memory stays flat however many there are."""

from __future__ import annotations

import json
from collections.abc import Iterator

from complaintctl.core.exporter import json_row
from complaintctl.errors import InvalidInput
from complaintctl.render.output import CsvWriter


def write_export(rows: Iterator[dict], columns: list[str], fmt: str, stream, *,
                 formula_guard: bool = True, headers: list[str] | None = None) -> int:
    """Write rows to a text stream; return how many. ``headers`` names the CSV columns."""
    count = 0
    if fmt == "csv":
        writer = CsvWriter(stream, guard=formula_guard, crlf=True)  # RFC 4180 line ends, as `import` reads
        writer.writerow(headers or columns)
        for row in rows:
            writer.writerow([row[c] for c in columns])
            count += 1
    elif fmt == "ndjson":
        for row in rows:
            stream.write(json.dumps(json_row(row), ensure_ascii=False) + "\n")
            count += 1
    elif fmt == "json":
        stream.write("[")
        for row in rows:
            stream.write(("\n  " if count == 0 else ",\n  ") + json.dumps(json_row(row), ensure_ascii=False))
            count += 1
        stream.write("\n]\n" if count else "]\n")
    else:
        raise InvalidInput(f"unknown export format {fmt!r}", hint="csv, json, ndjson or xlsx")
    return count
