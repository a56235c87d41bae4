"""Excel workbooks, read a row at a time, each cell as Excel's own CSV export would write it.

The reader (calamine) holds a whole sheet in memory, as a dense grid from its first cell to its
last, so a small file can ask for any amount: a 293 KB workbook holding one cell of 300 million
characters took 2 GB, one cell at A1 and one at XFD1048576 asks for 512 GB (calamine aborts).
Before it reads anything, a workbook's sheets are measured from the archive (a few tenths of a
second for 100,000 rows): more than WORKBOOK_MAX_BYTES of sheet data, or a sheet spanning more
than WORKBOOK_MAX_CELLS cells, is refused with the advice to save it as CSV (read a row at a
time, whatever its size). A cell longer than a text field holds (MAX_TEXT) rejects its row; the
rejects file keeps the cell cut (rejects.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, datetime, time, timedelta
from typing import Any, BinaryIO

from complaintctl.core.intake.csvfile import BrokenRecord
from complaintctl.core.intake.reading import Source, take_header
from complaintctl.core.record.limits import MAX_TEXT
from complaintctl.errors import InvalidInput
from complaintctl.i18n import L_, N_
from complaintctl.i18n.said import Input, Listed

_SAVE_AS_CSV = N_("in Excel or WPS: File > Save As > CSV UTF-8 (Comma delimited), then import that file")


WORKBOOK_MAX_BYTES = 256 * 1024 * 1024  # a sheet's XML with the shared strings, uncompressed
WORKBOOK_MAX_CELLS = 10_000_000  # rows x columns of a sheet's used range (about 32 bytes a cell in calamine)
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old .xls, and any password-protected workbook
KINDS = {b"PK\x03\x04": "xlsx", OLE_MAGIC: "xls"}


def _workbook_source(name: str, raw: BinaryIO, size: int, sheet: str | None, header_row: int | None = None) -> Source:
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
        if kind == "xls" and size is not None and size > WORKBOOK_MAX_BYTES:
            raise InvalidInput(L_("{file} holds {mb:,.0f} MB, more than the {most} MB a workbook is read with (the "
                                  "whole sheet is held in memory)", file=name, mb=size / 2**20,
                                  most=WORKBOOK_MAX_BYTES // 2**20), hint=L_(_SAVE_AS_CSV))
        if head.startswith(b"PK\x03\x04"):
            _measure_archive(name, raw)
    except InvalidInput:
        raw.close()
        raise
    try:
        book = CalamineWorkbook.from_filelike(raw)
    except Exception as exc:  # noqa: BLE001 - calamine's errors: not a workbook, encrypted, damaged
        raw.close()
        why = str(exc).strip() or type(exc).__name__
        if kind == "xls":
            raise InvalidInput(L_("{file} is password-protected or not a workbook that can be read ({why})", file=name,
                                  why=why), hint=L_("remove the password, or {save}", save=L_(_SAVE_AS_CSV))) from None
        raise InvalidInput(L_("{file} is not an Excel workbook that can be read ({why})", file=name, why=why),
                           hint=L_(_SAVE_AS_CSV)) from None
    sheets = [m for m in book.sheets_metadata if str(m.typ).endswith("WorkSheet")] or book.sheets_metadata
    names = [m.name for m in sheets]
    if sheet is not None and sheet not in names:
        book.close()
        raw.close()
        raise InvalidInput(L_("{file} has no sheet {sheet!r}", file=name, sheet=sheet),
                           hint=L_("its sheets: {sheets}", sheets=Listed(names)))
    visible = [m.name for m in sheets if str(m.visible).endswith("Visible")] or names
    title = sheet if sheet is not None else visible[0]
    worksheet = book.get_sheet_by_name(title)
    source = Source(name, "xlsx", kind, None, size, sheet=title, _workbook=book, _workbook_file=raw)
    records = _workbook_records(worksheet, source)
    source._records = take_header(source, records, header_row)
    if not source.headers:
        source.close()
        raise InvalidInput(L_("{file}: sheet {sheet!r} is empty", file=name, sheet=title),
                           hint=L_("give the sheet that holds the complaints with {option} NAME (sheets: {sheets})",
                                   option=Input("sheet"), sheets=Listed(names)))
    return source


def _workbook_records(worksheet, source: Source) -> Iterator[tuple[int, list[str] | BrokenRecord]]:
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
        longest = max(map(len, cells))
        if longest > MAX_TEXT:
            column = next(i for i, c in enumerate(cells) if len(c) == longest) + len(pad)
            yield number, BrokenRecord(L_("cell {cell} holds {n:,} characters, more than a text field holds ({most:,})",
                                          cell=f"{_column_name(column)}{number}", n=longest, most=MAX_TEXT), pad + cells)
            continue
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




def _column_name(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA: a column as the sheet names it."""
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(65 + rest) + name
    return name


def _column_number(letters: bytes) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + letter - 64
    return number


# A cell's or row's reference (` r="AB12"`) with a column of two letters or more, or a row of six digits or
# more (rare: a sheet without any spans at most 99,999 rows x 26 columns); then every reference, only when
# those alone allow more cells than the limit.
_FAR = re.compile(rb' r="(?:([A-Z]{2,3})[0-9]|[A-Z]?([0-9]{6,9})")')
_REF = re.compile(rb' r="([A-Z]{0,3})([0-9]{1,9})"')


def _measure_archive(name: str, raw: BinaryIO) -> None:
    """Refuse, before calamine reads it, a workbook (a ZIP archive) whose sheets hold more than
    WORKBOOK_MAX_BYTES of data or span more than WORKBOOK_MAX_CELLS cells. The parts are
    decompressed to be measured (their declared sizes could lie)."""
    import zipfile

    try:
        archive = zipfile.ZipFile(raw)
    except (zipfile.BadZipFile, OSError, ValueError):
        raw.seek(0)
        return  # calamine says what is wrong with it
    try:
        parts = [i for i in archive.infolist() if i.filename.startswith(("xl/worksheets/", "content.xml"))
                 or i.filename in ("xl/sharedStrings.xml", "xl/sharedStrings.bin")]
        strings = sum(_measure_part(archive, i, spans=False)[0] for i in parts if "sharedStrings" in i.filename)
        for info in (i for i in parts if "sharedStrings" not in i.filename):
            size, rows, columns = _measure_part(archive, info, spans=info.filename.endswith(".xml")
                                                and "worksheets" in info.filename)
            if size + strings > WORKBOOK_MAX_BYTES:
                raise InvalidInput(L_("{file}: a sheet holds more than the {most} MB of data a workbook is read with "
                                      "(the whole sheet is held in memory)", file=name,
                                      most=WORKBOOK_MAX_BYTES // 2**20), hint=L_(_SAVE_AS_CSV))
            if rows * columns > WORKBOOK_MAX_CELLS:
                raise InvalidInput(L_("{file}: a sheet spans {rows:,} rows x {columns:,} columns (to cell {cell}), "
                                      "more than the {most:,} cells a workbook is read with (the whole range is held "
                                      "in memory)", file=name, rows=rows, columns=columns,
                                      cell=f"{_column_name(columns - 1)}{rows}", most=WORKBOOK_MAX_CELLS),
                                   hint=L_(_SAVE_AS_CSV))
    except (zipfile.BadZipFile, OSError, EOFError):
        pass  # damaged: calamine says so in its own words
    finally:
        archive.close()
        raw.seek(0)


def _measure_part(archive, info, *, spans: bool) -> tuple[int, int, int]:
    """(bytes, rows, columns) of one part; rows and columns only with ``spans`` (a worksheet's
    XML): at most what its far references say, counted exactly only when that is over the limit."""
    size = rows = columns = 0
    tail = b""
    with archive.open(info) as part:
        while chunk := part.read(4 << 20):
            size += len(chunk)
            if size > WORKBOOK_MAX_BYTES:
                return size, 0, 0
            if spans:
                for letters, digits in set(_FAR.findall(tail + chunk)):
                    rows = max(rows, int(digits or 0))
                    columns = max(columns, _column_number(letters))
                tail = chunk[-16:]
    if not spans:
        return size, 0, 0
    rows, columns = max(rows, 99_999), max(columns, 26)
    if rows * columns <= WORKBOOK_MAX_CELLS:
        return size, rows, columns
    rows = columns = 0
    tail = b""
    with archive.open(info) as part:
        while chunk := part.read(4 << 20):
            letters_seen, rows_seen = set(), set()
            for letters, digits in _REF.findall(tail + chunk):
                letters_seen.add(letters)
                rows_seen.add(digits)
            rows = max(rows, *map(int, rows_seen), 0)
            columns = max(columns, *map(_column_number, letters_seen), 0)
            tail = chunk[-16:]
    return size, rows, max(columns, 1)
