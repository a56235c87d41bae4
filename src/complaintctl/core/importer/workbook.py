"""Excel workbooks, read a row at a time, each cell as Excel's own CSV export would write it."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, time
from typing import Any, BinaryIO

from complaintctl.core.importer.reading import Source, _find_header
from complaintctl.errors import InvalidInput

_SAVE_AS_CSV = "in Excel or WPS: File > Save As > CSV UTF-8 (Comma delimited), then import that file"


def _workbook_source(name: str, raw: BinaryIO, size: int, sheet: str | None) -> Source:
    """An Excel workbook (.xlsx), read a row at a time (openpyxl's read-only mode keeps memory
    flat): the first visible worksheet, or ``sheet``. Cells become the text a CSV export of it
    would hold, so everything after this reads a workbook as it reads a CSV file."""
    import zipfile

    from openpyxl import load_workbook

    try:
        book = load_workbook(raw, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raw.close()
        raise InvalidInput(f"{name} is not an Excel workbook that can be read ({exc})",
                           hint=_SAVE_AS_CSV) from None
    names = book.sheetnames
    if sheet is not None and sheet not in names:
        book.close()
        raw.close()
        raise InvalidInput(f"{name} has no sheet {sheet!r}", hint="its sheets: " + ", ".join(names))
    visible = [ws for ws in book.worksheets if ws.sheet_state == "visible"] or book.worksheets
    worksheet = book[sheet] if sheet is not None else visible[0]
    source = Source(name, "xlsx", "xlsx", None, size, sheet=worksheet.title, _workbook=book, _workbook_file=raw)
    records = _workbook_records(worksheet, source)
    source.headers, source.skipped, source._records = _find_header(records)
    if not source.headers:
        source.close()
        raise InvalidInput(f"{name}: sheet {worksheet.title!r} is empty",
                           hint="give the sheet that holds the complaints with --sheet NAME (sheets: "
                           + ", ".join(names) + ")")
    return source


def _workbook_records(worksheet, source: Source) -> Iterator[tuple[int, list[str]]]:
    total = worksheet.max_row or 0
    for number, values in enumerate(worksheet.iter_rows(values_only=True), start=1):
        if number % 1000 == 0 and total and source.size:
            source._estimated_bytes = int(source.size * min(1.0, number / total))
        cells = [_cell_text(v) for v in values]
        if not any(cells):
            continue  # an empty or only formatted row
        yield number, cells
    source._estimated_bytes = source.size or 0


def _cell_text(value: Any) -> str:
    """A cell as Excel's CSV export would write it, so that a workbook and its CSV import alike:
    whole numbers without '.0' (phone numbers stay whole), times as local ISO text."""
    if value is None:
        return ""
    if value.__class__ is str:
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and abs(value) < 1e16 else repr(value)
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S" if value.second else "%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, time):
        return value.strftime("%H:%M:%S")
    return str(value)


