"""Excel workbooks, read a row at a time, each cell as Excel's own CSV export would write it."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, time, timedelta
from typing import Any, BinaryIO

from complaintctl.core.intake.reading import Source, _find_header
from complaintctl.errors import InvalidInput

_SAVE_AS_CSV = "in Excel or WPS: File > Save As > CSV UTF-8 (Comma delimited), then import that file"


OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old .xls, and any password-protected workbook
KINDS = {b"PK\x03\x04": "xlsx", OLE_MAGIC: "xls"}


def _workbook_source(name: str, raw: BinaryIO, size: int, sheet: str | None) -> Source:
    """A workbook (.xlsx, .xlsm, .xls, .xlsb, .ods), read with python-calamine (Rust: about 17x
    openpyxl's read-only mode here, and one reader for every format): the first visible
    worksheet, or ``sheet``. Cells become the text a CSV export of it would hold, so everything
    after this reads a workbook as it reads a CSV file; row numbers are the sheet's."""
    from python_calamine import CalamineWorkbook

    head = raw.read(8)
    raw.seek(0)
    kind = next((k for magic, k in KINDS.items() if head.startswith(magic)), "xlsx")
    suffix = name.rsplit(".", 1)[-1].lower()
    if suffix in ("xlsb", "ods"):
        kind = suffix
    try:
        book = CalamineWorkbook.from_filelike(raw)
    except Exception as exc:  # noqa: BLE001 - calamine's errors: not a workbook, encrypted, damaged
        raw.close()
        what = "is password-protected or not a workbook that can be read" if kind == "xls" else \
            "is not an Excel workbook that can be read"
        raise InvalidInput(f"{name} {what} ({str(exc).strip() or type(exc).__name__})",
                           hint=("remove the password, or " if kind == "xls" else "") + _SAVE_AS_CSV) from None
    sheets = [m for m in book.sheets_metadata if str(m.typ).endswith("WorkSheet")] or book.sheets_metadata
    names = [m.name for m in sheets]
    if sheet is not None and sheet not in names:
        book.close()
        raw.close()
        raise InvalidInput(f"{name} has no sheet {sheet!r}", hint="its sheets: " + ", ".join(names))
    visible = [m.name for m in sheets if str(m.visible).endswith("Visible")] or names
    title = sheet if sheet is not None else visible[0]
    worksheet = book.get_sheet_by_name(title)
    source = Source(name, "xlsx", kind, None, size, sheet=title, _workbook=book, _workbook_file=raw)
    records = _workbook_records(worksheet, source)
    source.headers, source.skipped, source._records = _find_header(records, source.name)
    if not source.headers:
        source.close()
        raise InvalidInput(f"{name}: sheet {title!r} is empty",
                           hint="give the sheet that holds the complaints with --sheet NAME (sheets: "
                           + ", ".join(names) + ")")
    return source


def _workbook_records(worksheet, source: Source) -> Iterator[tuple[int, list[str]]]:
    """(sheet row number, cells) per row that holds something; rows start at column A, as
    Excel's CSV export writes them, whatever column the sheet's used range starts at."""
    total = worksheet.total_height or 0
    pad = [""] * worksheet.start[1] if worksheet.start else []
    for number, values in enumerate(worksheet.iter_rows(), start=1):
        if number % 1000 == 0 and total and source.size:
            source._estimated_bytes = int(source.size * min(1.0, number / total))
        cells = [_cell_text(v) for v in values]
        if not any(cells):
            continue  # an empty or only formatted row
        yield number, pad + cells if pad else cells
    source._estimated_bytes = source.size or 0


def _cell_text(value: Any) -> str:
    """A cell as Excel's CSV export would write it, so that a workbook and its CSV import alike:
    whole numbers without '.0' (phone numbers stay whole), times as local ISO text."""
    if value is None:
        return ""
    if value.__class__ is str:
        return value
    if value.__class__ is float:
        return str(int(value)) if value.is_integer() and abs(value) < 1e16 else repr(value)
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
    if isinstance(value, timedelta):  # a duration cell ([h]:mm)
        return str(value)
    return str(value)


