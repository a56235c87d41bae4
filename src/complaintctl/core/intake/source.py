"""Reading records from CSV, JSON and NDJSON files as found in the wild: any common
encoding (detected), any common delimiter (sniffed), NUL bytes, huge fields, stdin."""

from __future__ import annotations

import codecs
import io
import os
import re
import sys
from pathlib import Path
from typing import BinaryIO

from complaintctl.core.intake.csvfile import _csv_records, mend_breaks, sniff_delimiter
from complaintctl.core.intake.encoding import DECODE_ERRORS, SAMPLE_BYTES, _telling_sample, detect_encoding
from complaintctl.core.intake.jsonfile import (
    _json_array_records,
    _json_lines,
    _ndjson_records,
    _objects_only,
    _wrapped_records,
)
from complaintctl.core.intake.reading import CountingReader, Source, take_header
from complaintctl.core.intake.workbook import OLE_MAGIC, _workbook_source
from complaintctl.errors import InvalidInput
from complaintctl.i18n import L_, N_
from complaintctl.i18n.said import Input

FORMATS = ("csv", "json", "ndjson", "xlsx")



# The first bytes of files people save instead of CSV: (magic, what it is, how to get a CSV).
XLSX_MAGIC = b"PK\x03\x04"  # a ZIP archive, as .xlsx workbooks are
BINARY_FORMATS = [
    (XLSX_MAGIC, N_("a ZIP archive that is not an Excel workbook"), N_("unpack it, and import the CSV inside")),
    (b"%PDF", N_("a PDF document"), N_("export the data from the system that made it as CSV")),
    (b"\x1f\x8b", N_("gzip-compressed"), N_("decompress it first: gunzip -c FILE | complaintctl import -")),
    (b"SQLite format 3\x00", N_("an SQLite database"), N_("export its rows as CSV (`sqlite3 -csv -header FILE "
     "'SELECT ...'`), or query it with `complaintctl sql` if it is a complaintctl backup")),
]


def _refuse_binary(name: str, sample: bytes) -> None:
    for magic, what, how in BINARY_FORMATS:
        if sample.startswith(magic):
            raise InvalidInput(L_("{file} is {what}, which import cannot read (it reads CSV, JSON, NDJSON and "
                                  "workbooks)", file=name, what=L_(what)), hint=L_(how))


def _format_for(name: str, explicit: str | None) -> str:
    if explicit:
        fmt = explicit.lower()
        if fmt not in FORMATS:
            raise InvalidInput(L_("unknown import format {format!r}", format=explicit), hint=L_("csv, json or ndjson"))
        return fmt
    suffix = Path(name).suffix.lower()
    if suffix in (".xlsx", ".xlsm", ".xls", ".xlsb", ".ods"):
        return "xlsx"  # any workbook: python-calamine reads them all
    if suffix == ".json":
        return "json"
    if suffix in (".ndjson", ".jsonl"):
        return "ndjson"
    return "csv"


def open_source(path: str, *, fmt: str | None = None, encoding: str | None = None,
                delimiter: str | None = None, sheet: str | None = None, header_row: int | None = None) -> Source:
    """Open a file (or '-' for stdin, spooled to a temporary file) for reading records. ``header_row``
    (a table's): None to find the header row, 0 for a file without one, else its line (sheet row)."""
    raw, size, name = _open_raw(path)
    explicit_format = fmt is not None
    fmt = _format_for(name, fmt)
    sample = raw.read(SAMPLE_BYTES)
    raw.seek(0)
    if not sample.strip(b" \t\r\n\x00\xef\xbb\xbf\xff\xfe"):
        raw.close()
        raise InvalidInput(L_("{file} is empty", file=name), hint=L_("a CSV file needs a header row"))
    if fmt == "xlsx" or (sample.startswith((XLSX_MAGIC, OLE_MAGIC)) and fmt == "csv"):  # a workbook, whatever its name
        return _workbook_source(name, raw, size, sheet, header_row)
    if header_row is not None and fmt != "csv":
        raw.close()
        raise InvalidInput(L_("a header row (given, or said to be none) goes with a table (CSV or a workbook); "
                              "JSON records name their own fields"))
    if sheet is not None:
        raw.close()
        raise InvalidInput(L_("{sheet} goes with a workbook (.xlsx, .xls, .xlsb, .ods)", sheet=Input("sheet")))
    try:
        _refuse_binary(name, sample)
    except InvalidInput:
        raw.close()
        raise
    detected = encoding is None
    encoding = _text_encoding(raw, sample, encoding)
    counter = CountingReader(raw)
    text = io.TextIOWrapper(io.BufferedReader(counter, 1 << 16), encoding=encoding, newline="",
                            errors=DECODE_ERRORS)
    source = Source(name, fmt, encoding, None, size, _counter=counter)
    if fmt == "csv":
        _read_csv_header(source, text, sample, delimiter, detected, header_row)
    else:
        head = sample.decode(encoding, errors="ignore").lstrip("\ufeff \t\r\n")
        if fmt == "ndjson" or (not explicit_format and head.startswith("{") and _json_lines(head)):
            source.format = "ndjson"
            source._records = _objects_only(_ndjson_records(text, source, detected))
        elif head.startswith("{"):
            source._records = _wrapped_records(text, source, detected)  # read now: the key is known at once
        else:
            source._records = _objects_only(_json_array_records(text, source, detected))
    return source


def _open_raw(path: str) -> tuple[BinaryIO, int, str]:
    """The file's bytes, its size and its name; stdin is spooled to a temporary file."""
    if path == "-":
        import shutil
        import tempfile

        spool = tempfile.TemporaryFile()  # noqa: SIM115 - closed by Source.close
        shutil.copyfileobj(sys.stdin.buffer, spool, 1 << 20)
        size = spool.tell()
        spool.seek(0)
        return spool, size, "<stdin>"
    p = Path(path)
    if not p.exists():
        raise InvalidInput(L_("no such file: {file}", file=path))
    if p.is_dir():
        raise InvalidInput(L_("{file} is a directory", file=path))
    try:
        raw = open(p, "rb")  # noqa: SIM115 - closed by Source.close
    except OSError as exc:
        raise InvalidInput(L_("cannot read {file}: {why}", file=path, why=exc.strerror)) from None
    return raw, os.path.getsize(p), str(p)


def _text_encoding(raw: BinaryIO, sample: bytes, encoding: str | None) -> str:
    """--encoding as given (GBK read as its superset GB18030), else detected from the bytes."""
    if encoding is None:
        encoding = detect_encoding(_telling_sample(raw, sample))
    try:
        codecs.lookup(encoding)
    except LookupError:
        raise InvalidInput(L_("unknown encoding {encoding!r}", encoding=encoding),
                           hint=L_("e.g. utf-8, gb18030, utf-16")) from None
    if encoding.lower().replace("-", "").replace("_", "") in ("gbk", "gb2312", "cp936"):
        encoding = "gb18030"  # a superset: what Chinese Excel really writes
    return encoding


def _read_csv_header(source: Source, text, sample: bytes, delimiter: str | None, detected: bool,
                     header_row: int | None) -> None:
    """The delimiter (given, named by Excel's sep= line, or sniffed), the header row found, and
    the records after it."""
    try:
        head = sample.decode(source.encoding, errors="ignore").lstrip("\ufeff")
    except LookupError:  # pragma: no cover
        head = ""
    # Excel's "sep=;" first line names the delimiter and is not part of the table
    excel_sep = re.match(r"sep=(.)[ \t]*\r?\n", head)
    if delimiter is None:
        delimiter = excel_sep.group(1) if excel_sep else sniff_delimiter(head)
    elif delimiter in ("\\t", "tab", "TAB"):
        delimiter = "\t"
    if len(delimiter) != 1:
        raise InvalidInput(L_("{delimiter} must be one character, got {given!r}", delimiter=Input("delimiter"),
                              given=delimiter))
    source.delimiter = delimiter
    if excel_sep:
        text.readline()
        source.first_line = 2
    records = _csv_records(text, source, detected)
    records = take_header(source, records, header_row)
    if not source.headers:
        source.close()
        raise InvalidInput(L_("{file} has only empty rows", file=source.name), hint=L_("a CSV file needs a header row"))
    source._records = mend_breaks(records, len(source.headers))


