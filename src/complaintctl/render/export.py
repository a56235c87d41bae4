"""Writing exported complaints as CSV (through the one CsvWriter), JSON or NDJSON (through the
one JSON encoder) or a workbook (render/xlsx.py), a row at a time, so that memory stays flat
however many there are."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator
from itertools import islice
from pathlib import Path

from complaintctl.errors import InvalidInput
from complaintctl.render.output import CsvWriter, json_text

EXPORT_FORMATS = ("csv", "json", "ndjson", "xlsx")
_BY_SUFFIX = {".json": "json", ".ndjson": "ndjson", ".jsonl": "ndjson", ".xlsx": "xlsx"}


def export_format(fmt: str | None, output: Path | None) -> str:
    """--format as given, else from --output's suffix, else csv."""
    if fmt is None:
        return _BY_SUFFIX.get(output.suffix.lower() if output else "", "csv")
    if fmt.lower() not in EXPORT_FORMATS:
        raise InvalidInput(f"unknown export format {fmt!r}", hint=", ".join(EXPORT_FORMATS[:-1]) + " or xlsx")
    return fmt.lower()


def json_row(row: dict) -> dict:
    """An exported row for JSON: `extra` as an object, `tags` as a list."""
    out = dict(row)
    if isinstance(out.get("extra"), str):
        with contextlib.suppress(json.JSONDecodeError):
            out["extra"] = json.loads(out["extra"])
    if isinstance(out.get("tags"), str):
        out["tags"] = out["tags"].split(",")
    elif "tags" in out and out["tags"] is None:
        out["tags"] = []
    return out


def write_export(rows: Iterator[tuple], columns: list[str], fmt: str, stream, *,
                 formula_guard: bool = True, headers: list[str] | None = None) -> tuple[int, int]:
    """Write rows (tuples of ``columns``) to a stream (binary for xlsx, text otherwise); return
    (rows, cells cut to Excel's limit). ``headers`` names the CSV and workbook columns."""
    if fmt == "csv":
        writer = CsvWriter(stream, guard=formula_guard, crlf=True)  # RFC 4180 line ends, as `import` reads
        writer.writerow(headers or columns)
        count = 0
        while batch := list(islice(rows, 2000)):
            writer.writerows(batch)
            count += len(batch)
        return count, 0
    records = (dict(zip(columns, row, strict=True)) for row in rows)
    if fmt == "xlsx":
        from complaintctl.render.xlsx import write_xlsx

        return write_xlsx(records, columns, stream, headers)
    count = 0
    if fmt == "ndjson":
        for row in records:
            stream.write(json_text(json_row(row), indent=None) + "\n")
            count += 1
    elif fmt == "json":
        stream.write("[")
        for row in records:
            stream.write(("\n  " if count == 0 else ",\n  ") + json_text(json_row(row), indent=None))
            count += 1
        stream.write("\n]\n" if count else "]\n")
    else:
        raise InvalidInput(f"unknown export format {fmt!r}", hint="csv, json, ndjson or xlsx")
    return count, 0
