"""The one XLSX writer: rows as an Excel workbook, a row at a time."""

from __future__ import annotations

from collections.abc import Iterator

from complaintctl.errors import InvalidInput

EXCEL_MAX_ROWS = 1_048_576  # a worksheet's rows, header included
EXCEL_MAX_CELL = 32_767  # characters Excel holds in one cell
_WIDTHS = {"subject": 40, "description": 60, "resolution": 40, "extra": 30, "received_at": 21,
           "first_response_at": 21, "resolved_at": 21, "closed_at": 21, "created_at": 21, "updated_at": 21}


def write_xlsx(rows: Iterator[dict], columns: list[str], stream, headers: list[str] | None = None) -> tuple[int, int]:
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
    sheet.append(headers or columns)
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
