"""Export complaints with the same filters as `list`, in a form `import` reads back."""

from __future__ import annotations

import contextlib
import json
import sqlite3
from collections.abc import Iterator

from complaintctl.core.queries import ListFilters, _where
from complaintctl.errors import InvalidInput

# In an order a person reading the CSV expects; every column import reads back.
EXPORT_COLUMNS = [
    "id", "ref", "received_at", "channel", "customer", "email", "phone", "company", "subject",
    "description", "remedy", "category", "severity", "cause", "personality", "motive", "tags",
    "status", "assignee", "first_response_at", "resolved_at", "closed_at", "outcome", "resolution",
    "told_via", "customer_accepted", "duplicate_of", "reopened_count", "extra",
]
EXTRA_COLUMNS = ["customer_id", "created_at", "updated_at", "created_by"]
ALL_COLUMNS = EXPORT_COLUMNS + EXTRA_COLUMNS
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

_SELECT = {
    "customer": "cu.name", "email": "cu.email", "phone": "cu.phone", "company": "cu.company",
    "tags": "(SELECT group_concat(tag, ',') FROM (SELECT tag FROM complaint_tags t "
            "WHERE t.complaint_id = c.id ORDER BY tag))",
}


def parse_columns(text: str | None) -> list[str]:
    if not text:
        return list(EXPORT_COLUMNS)
    columns = [c.strip() for c in text.split(",") if c.strip()]
    unknown = [c for c in columns if c not in ALL_COLUMNS]
    if unknown:
        raise InvalidInput(f"unknown column(s): {', '.join(unknown)}", hint="columns: " + ", ".join(ALL_COLUMNS))
    if not columns:
        raise InvalidInput("--columns is empty")
    return columns


def export_rows(conn: sqlite3.Connection, filters: ListFilters, columns: list[str]) -> Iterator[dict]:
    """Complaints matching ``filters``, oldest id first, streamed. The filters are checked
    (an unknown code raises) before the first row, so nothing is written for a bad one."""
    where, params = _where(conn, filters)
    select = ", ".join(f"{_SELECT.get(c, 'c.' + c)} AS {c}" for c in columns)
    limit = f"LIMIT {int(filters.limit)}" if filters.limit else ""
    cursor = conn.execute(
        f"SELECT {select} FROM complaints c LEFT JOIN customers cu ON cu.id = c.customer_id "
        f"{where} ORDER BY c.id {limit}", params)
    names = [d[0] for d in cursor.description]
    return (dict(zip(names, values, strict=False)) for values in cursor)


def neutralize(value: object) -> object:
    """A cell a spreadsheet would run as a formula gets a leading ' (OWASP's advice)."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def write_export(rows: Iterator[dict], columns: list[str], fmt: str, stream, *,
                 formula_guard: bool = True) -> int:
    """Write rows to a text stream; return how many."""
    count = 0
    if fmt == "csv":
        import csv

        writer = csv.writer(stream, lineterminator="\r\n")
        writer.writerow(columns)
        for row in rows:
            cells = ["" if row[c] is None else row[c] for c in columns]
            writer.writerow([neutralize(c) for c in cells] if formula_guard else cells)
            count += 1
    elif fmt == "ndjson":
        for row in rows:
            stream.write(json.dumps(_json_row(row), ensure_ascii=False) + "\n")
            count += 1
    elif fmt == "json":
        stream.write("[")
        for row in rows:
            stream.write(("\n  " if count == 0 else ",\n  ") + json.dumps(_json_row(row), ensure_ascii=False))
            count += 1
        stream.write("\n]\n" if count else "]\n")
    else:
        raise InvalidInput(f"unknown export format {fmt!r}", hint="csv, json, ndjson or xlsx")
    return count


EXCEL_MAX_ROWS = 1_048_576  # a worksheet's rows, header included
EXCEL_MAX_CELL = 32_767  # characters Excel holds in one cell
_WIDTHS = {"subject": 40, "description": 60, "resolution": 40, "extra": 30, "received_at": 21,
           "first_response_at": 21, "resolved_at": 21, "closed_at": 21, "created_at": 21, "updated_at": 21}


def write_xlsx(rows: Iterator[dict], columns: list[str], stream) -> tuple[int, int]:
    """Write rows to a binary stream as an Excel workbook, a row at a time (openpyxl's
    write-only mode); return (rows, cells cut to Excel's limit). Text stays text: a value
    starting with = is written as a string, never as a formula, so no guard is needed; times
    stay the ISO text `import` reads back; characters XML cannot hold become U+FFFD."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.utils import get_column_letter

    book = Workbook(write_only=True)
    sheet = book.create_sheet("complaints")
    sheet.freeze_panes = "A2"
    for i, name in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(i)].width = _WIDTHS.get(name, 14)
    sheet.append(columns)
    count = cut = 0
    for row in rows:
        if count + 1 >= EXCEL_MAX_ROWS:
            raise InvalidInput(f"more than {EXCEL_MAX_ROWS - 1:,} complaints do not fit in one Excel sheet",
                               hint="narrow the export with filters, or use --format csv")
        cells = []
        for name in columns:
            value = row[name]
            if isinstance(value, str):
                if ILLEGAL_CHARACTERS_RE.search(value):
                    value = ILLEGAL_CHARACTERS_RE.sub("\ufffd", value)
                if len(value) > EXCEL_MAX_CELL:
                    value = value[:EXCEL_MAX_CELL - 1] + "…"
                    cut += 1
                cell = WriteOnlyCell(sheet, value=value)
                cell.data_type = "s"  # openpyxl would make '=...' a formula
                cells.append(cell)
            else:
                cells.append(value)
        sheet.append(cells)
        count += 1
    book.save(stream)
    return count, cut


def _json_row(row: dict) -> dict:
    out = dict(row)
    if isinstance(out.get("extra"), str):
        with contextlib.suppress(json.JSONDecodeError):
            out["extra"] = json.loads(out["extra"])
    if isinstance(out.get("tags"), str):
        out["tags"] = out["tags"].split(",")
    elif "tags" in out and out["tags"] is None:
        out["tags"] = []
    return out
