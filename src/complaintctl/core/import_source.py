"""Reading records from CSV, JSON and NDJSON files as found in the wild: any common
encoding (detected), any common delimiter (sniffed), NUL bytes, huge fields, stdin."""

from __future__ import annotations

import codecs
import io
import json
import os
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from typing import Any, BinaryIO

from complaintctl.errors import InvalidInput

SAMPLE_BYTES = 1 << 20
FIELD_SIZE_LIMIT = 64 * 1024 * 1024
DELIMITERS = [",", ";", "\t", "|"]
CHINESE_FAMILY = {"gb2312", "gbk", "gb18030", "cp936", "hz", "hz_gb_2312", "ms936"}
FORMATS = ("csv", "json", "ndjson", "xlsx")
# Single-byte code pages: a detector confuses the Latin-script ones with one another.
SINGLE_BYTE = ("cp125", "cp4", "cp7", "cp8", "iso8859", "latin", "mac_")
NOT_LATIN = {"cp1251", "cp1253", "cp1255", "cp1256", "cp737", "cp855", "cp862", "cp864", "cp866", "cp869",
             "iso8859_5", "iso8859_6", "iso8859_7", "iso8859_8", "mac_cyrillic", "mac_greek", "mac_arabic",
             "mac_farsi", "mac_turkish"}


class CountingReader(io.RawIOBase):
    """A binary stream that counts the bytes read through it, for progress."""

    def __init__(self, raw: BinaryIO):
        self.raw = raw
        self.count = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        data = self.raw.read(len(buffer))
        n = len(data)
        buffer[:n] = data
        self.count += n
        return n

    def close(self) -> None:
        self.raw.close()
        super().close()


def detect_encoding(sample: bytes) -> str:
    """BOMs first, then strict UTF-8, then charset-normalizer; Chinese guesses -> GB18030."""
    if sample.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if sample.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return "utf-32"
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        decoder.decode(sample, final=len(sample) < SAMPLE_BYTES)
        return "utf-8"
    except UnicodeDecodeError:
        pass
    if _mostly_utf8(sample):
        # UTF-8 with a few stray lines in another encoding (files joined from two systems):
        # read as UTF-8, and the import stops at the first such line, naming it.
        return "utf-8"
    if sample[:200].count(b"\x00") > 50:  # UTF-16 without a BOM
        even = sample[0:200:2].count(b"\x00")
        return "utf-16-be" if even > 50 else "utf-16-le"
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(sample[:200_000]).best()
        guess = best.encoding.lower().replace("-", "_") if best else None
    except ImportError:  # pragma: no cover - a declared dependency
        guess = None
    if guess is not None and guess.startswith("big5"):
        return guess
    # Our files are mostly mainland Chinese: on short or mixed samples the detector can
    # answer Korean or Latin-1 for GBK text, so GB18030 wins whenever it decodes the bytes
    # into mostly Chinese characters.
    try:
        text = codecs.getincrementaldecoder("gb18030")().decode(sample, final=False)
    except UnicodeDecodeError:
        text = None
    if text is not None:
        # Real Chinese text is almost all GB2312 (common hanzi and punctuation). Latin-1 text
        # decodes as GB18030 too ("für" -> 0xFC 0x72 -> a rare hanzi), but into rare characters.
        wide = [c for c in text if ord(c) > 127][:20_000]
        common = sum(1 for c in wide if _in_gb2312(c))
        if guess in CHINESE_FAMILY or (guess or "").startswith("gb") or (wide and common / len(wide) >= 0.6):
            return "gb18030"
    if guess is None:
        raise InvalidInput("cannot tell the file's encoding", hint="give --encoding, e.g. utf-8, gb18030, utf-16")
    if guess.startswith(SINGLE_BYTE) and guess not in NOT_LATIN:
        # A few accented letters cannot tell Windows' Western code page from its Baltic or
        # Central European cousins; the detector's pick among them is close to a coin toss
        # (cp1257 turned "François" into "Franēois"). Western Excel exports are cp1252.
        try:
            sample.decode("cp1252")
            return "cp1252"
        except UnicodeDecodeError:
            pass
    return guess


def _mostly_utf8(sample: bytes) -> bool:
    """Many well-formed UTF-8 characters and only a few bytes that are not. GBK or Latin-1
    text read as UTF-8 is almost all malformed, so this does not mistake them."""
    text = sample.decode("utf-8", errors="surrogateescape")
    bad = len(_SURROGATE.findall(text))
    good = sum(1 for c in text if ord(c) > 127) - bad
    return good >= 50 and bad * 20 <= good


def _in_gb2312(char: str) -> bool:
    try:
        char.encode("gb2312")
        return True
    except UnicodeEncodeError:
        return False


def _telling_sample(raw: BinaryIO, sample: bytes, limit: int = 64) -> bytes:
    """The first megabyte, or, when that is plain ASCII (English headers and rows first,
    Chinese later on), the first later megabyte that is not: an all-ASCII start says
    nothing about GBK against UTF-8."""
    if not sample.isascii() or len(sample) < SAMPLE_BYTES:
        return sample
    try:
        for _ in range(limit):
            chunk = raw.read(SAMPLE_BYTES)
            if not chunk:
                break
            if not chunk.isascii():
                start = next(i for i, b in enumerate(chunk) if b > 127)
                return sample[:1024] + chunk[max(0, start - 1024):]
        return sample
    finally:
        raw.seek(0)


def sniff_delimiter(text: str) -> str:
    """The candidate that occurs most in the header line, outside quotes."""
    counts = dict.fromkeys(DELIMITERS, 0)
    quoted = False
    for ch in text:
        if ch == '"':
            quoted = not quoted
        elif not quoted:
            if ch in "\r\n":
                break
            if ch in counts:
                counts[ch] += 1
    best = max(DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ","


@dataclass
class Source:
    name: str
    format: str
    encoding: str
    delimiter: str | None
    size: int | None
    headers: list[str] = field(default_factory=list)
    skipped: list[tuple[int, str]] = field(default_factory=list)  # title lines above the header
    first_line: int = 1  # the file line the record reader starts at (2 after Excel's sep= line)
    sheet: str | None = None  # the worksheet read, for an Excel workbook
    wrapper_key: str | None = None  # the key of a JSON object the records were taken from
    _counter: CountingReader | None = None
    _records: Iterator[tuple[int, Any]] | None = None
    _estimated_bytes: int = 0  # a workbook's progress: its size times the share of rows read
    _workbook: Any = None
    _workbook_file: Any = None

    @property
    def bytes_read(self) -> int:
        return self._counter.count if self._counter else self._estimated_bytes

    def records(self) -> Iterator[tuple[int, Any]]:
        """(line number, list of cells | dict) for each record."""
        return self._records or iter(())

    def close(self) -> None:
        if self._counter:
            self._counter.close()
        if self._workbook is not None:
            self._workbook.close()
            self._workbook_file.close()
            self._workbook = None


def _decode_error(source: str, encoding: str, detected: bool, line: int | None = None) -> InvalidInput:
    how = "detected from the start of the file" if detected else "as given"
    where = f"line {line}" if line else "further on"
    return InvalidInput(
        f"{source} {where} is not valid {encoding} ({how})",
        hint="the rows before it were imported. If the whole file is in another encoding, re-run "
        "with --encoding gb18030 (or that encoding); if only some lines are (files joined from two "
        "systems), fix them and re-run. Rows already imported are recognised and not doubled",
    )


# Bytes that do not decode are let through as lone surrogates (U+DC80-U+DCFF, which no valid
# text holds) and counted, so that the reader can stop at the exact line that holds them, after
# every line before it, rather than at the start of the 64 KB chunk the decoder was given.
DECODE_ERRORS = "complaintctl-count"
_undecodable = [0]
_SURROGATE = re.compile("[\udc80-\udcff]")


def _count_undecodable(exc: UnicodeError) -> tuple[str, int]:
    _undecodable[0] += 1
    return codecs.lookup_error("surrogateescape")(exc)


codecs.register_error(DECODE_ERRORS, _count_undecodable)


# The first bytes of files people save instead of CSV: (magic, what it is, how to get a CSV).
_SAVE_AS_CSV = "in Excel or WPS: File > Save As > CSV UTF-8 (Comma delimited), then import that file"
XLSX_MAGIC = b"PK\x03\x04"  # a ZIP archive, as .xlsx workbooks are
BINARY_FORMATS = [
    (XLSX_MAGIC, "a ZIP archive that is not an Excel workbook", "unpack it, and import the CSV inside"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Excel .xls workbook or a password-protected one "
     "(or another Office file)", _SAVE_AS_CSV.replace("File > Save As", "remove the password if any, File > Save As")),
    (b"%PDF", "a PDF document", "export the data from the system that made it as CSV"),
    (b"\x1f\x8b", "gzip-compressed", "decompress it first: gunzip -c FILE | complaintctl import -"),
    (b"SQLite format 3\x00", "an SQLite database", "export its rows as CSV (`sqlite3 -csv -header FILE "
     "'SELECT ...'`), or query it with `complaintctl sql` if it is a complaintctl backup"),
]


def _json_lines(head: str) -> bool:
    """A .json file that holds one object per line (mongoexport and many log shippers write
    JSON Lines under .json): its first line is a whole object, and not a wrapper around the
    records ({"data": [{...}, ...]} on one line)."""
    try:
        obj = json.loads(head.split("\n", 1)[0].strip())
    except ValueError:
        return False
    return isinstance(obj, dict) and not _record_lists(obj)


def _record_lists(obj: dict) -> dict[str, list]:
    """The values of ``obj`` that are lists of objects: where a wrapper keeps its records."""
    return {key: value for key, value in obj.items()
            if isinstance(value, list) and value and all(isinstance(v, dict) for v in value[:100])}


def _refuse_binary(name: str, sample: bytes) -> None:
    for magic, what, how in BINARY_FORMATS:
        if sample.startswith(magic):
            raise InvalidInput(f"{name} is {what}, which import cannot read (it reads CSV, JSON, NDJSON and .xlsx)",
                               hint=how)


def _format_for(name: str, explicit: str | None) -> str:
    if explicit:
        fmt = explicit.lower()
        if fmt not in FORMATS:
            raise InvalidInput(f"unknown import format {explicit!r}", hint="csv, json or ndjson")
        return fmt
    suffix = Path(name).suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return "xlsx"
    if suffix == ".json":
        return "json"
    if suffix in (".ndjson", ".jsonl"):
        return "ndjson"
    return "csv"


def open_source(path: str, *, fmt: str | None = None, encoding: str | None = None,
                delimiter: str | None = None, sheet: str | None = None) -> Source:
    """Open a file (or '-' for stdin, spooled to a temporary file) for reading records."""
    if path == "-":
        import shutil
        import tempfile

        spool = tempfile.TemporaryFile()  # noqa: SIM115 - closed by Source.close
        shutil.copyfileobj(sys.stdin.buffer, spool, 1 << 20)
        size = spool.tell()
        spool.seek(0)
        raw: BinaryIO = spool
        name = "<stdin>"
    else:
        p = Path(path)
        if not p.exists():
            raise InvalidInput(f"no such file: {path}")
        if p.is_dir():
            raise InvalidInput(f"{path} is a directory")
        try:
            raw = open(p, "rb")  # noqa: SIM115 - closed by Source.close
        except OSError as exc:
            raise InvalidInput(f"cannot read {path}: {exc.strerror}") from None
        size = os.path.getsize(p)
        name = str(p)
    explicit_format = fmt is not None
    fmt = _format_for(name, fmt)
    sample = raw.read(SAMPLE_BYTES)
    raw.seek(0)
    if not sample.strip(b" \t\r\n\x00\xef\xbb\xbf\xff\xfe"):
        raw.close()
        raise InvalidInput(f"{name} is empty", hint="a CSV file needs a header row")
    if fmt == "xlsx" or (sample.startswith(XLSX_MAGIC) and fmt == "csv"):  # a workbook, whatever its name
        return _workbook_source(name, raw, size, sheet)
    if sheet is not None:
        raw.close()
        raise InvalidInput("--sheet goes with an Excel workbook (.xlsx)")
    try:
        _refuse_binary(name, sample)
    except InvalidInput:
        raw.close()
        raise
    detected = encoding is None
    if encoding is None:
        encoding = detect_encoding(_telling_sample(raw, sample))
    try:
        codecs.lookup(encoding)
    except LookupError:
        raise InvalidInput(f"unknown encoding {encoding!r}", hint="e.g. utf-8, gb18030, utf-16") from None
    if encoding.lower().replace("-", "").replace("_", "") in ("gbk", "gb2312", "cp936"):
        encoding = "gb18030"  # a superset: what Chinese Excel really writes
    counter = CountingReader(raw)
    text = io.TextIOWrapper(io.BufferedReader(counter, 1 << 16), encoding=encoding, newline="",
                            errors=DECODE_ERRORS)
    source = Source(name, fmt, encoding, None, size, _counter=counter)
    if fmt == "csv":
        try:
            head = sample.decode(encoding, errors="ignore").lstrip("\ufeff")
        except LookupError:  # pragma: no cover
            head = ""
        # Excel's "sep=;" first line names the delimiter and is not part of the table
        excel_sep = re.match(r"sep=(.)[ \t]*\r?\n", head)
        if delimiter is None:
            delimiter = excel_sep.group(1) if excel_sep else sniff_delimiter(head)
        elif delimiter in ("\\t", "tab", "TAB"):
            delimiter = "\t"
        if len(delimiter) != 1:
            raise InvalidInput(f"delimiter must be one character, got {delimiter!r}")
        source.delimiter = delimiter
        if excel_sep:
            text.readline()
            source.first_line = 2
        records = _csv_records(text, source, detected)
        source.headers, source.skipped, source._records = _find_header(records)
        if not source.headers:
            source.close()
            raise InvalidInput(f"{name} has only empty rows", hint="a CSV file needs a header row")
    else:
        head = sample.decode(encoding, errors="ignore").lstrip("\ufeff \t\r\n")
        if fmt == "ndjson" or (not explicit_format and head.startswith("{") and _json_lines(head)):
            source.format = "ndjson"
            source._records = _ndjson_records(text, source, detected)
        elif head.startswith("{"):
            source._records = _wrapped_records(text, source, detected)  # read now: the key is known at once
        else:
            source._records = _json_array_records(text, source, detected)
    return source


WRAPPED_JSON_LIMIT = 16 << 20  # a wrapper object is read whole (~8x its size in memory): up to this


def _wrapped_records(text, source: Source, detected: bool) -> Iterator[tuple[int, Any]]:
    """The records of an API response saved as a file: one object whose one list of objects
    (under "data", "items", "records", ...) holds the complaints. Read whole, so only up to
    WRAPPED_JSON_LIMIT; the position of a record in its list stands for its line."""
    jq = "take the records out with jq: jq .data FILE | complaintctl import --format json -"
    if (source.size or 0) > WRAPPED_JSON_LIMIT:
        raise InvalidInput(f"{source.name}: expected a JSON array of objects, found one object "
                           f"too big to read whole ({source.size / 1e6:.0f} MB)", hint=jq)
    try:
        document = json.loads(text.read().replace("\x00", ""))
    except UnicodeDecodeError:
        raise _decode_error(source.name, source.encoding, detected) from None
    except json.JSONDecodeError as exc:
        if exc.msg == "Extra data":
            raise InvalidInput(f"{source.name} line {exc.lineno}: a second JSON value after the first object",
                               hint="for one object per line use --format ndjson") from None
        raise InvalidInput(f"{source.name} line {exc.lineno}: invalid JSON ({exc.msg})") from None
    lists = _record_lists(document)
    if not lists:  # one complaint as one object (a webhook's payload saved to a file)
        return iter([(1, document)])
    if len(lists) > 1:
        raise InvalidInput(f"{source.name}: expected a JSON array of objects, found one object with several "
                           "lists of objects (" + ", ".join(lists) + ")",
                           hint=jq.replace(".data", f".{next(iter(lists))}"))
    key, records = next(iter(lists.items()))
    source.wrapper_key = key
    return enumerate(records, start=1)


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


HEADER_LOOKAHEAD = 10  # rows above the header that a report-style export may have


def _find_header(records: Iterator[tuple[int, Any]]) -> tuple[list[str], list[tuple[int, str]], Iterator]:
    """(header cells, skipped lines, the records after the header). Excel reports often put a
    title ("2026年11月投诉记录表") or an export note above the header row: such rows, with at most
    one cell filled or no known header name, are skipped when a row below them within
    HEADER_LOOKAHEAD rows clearly is the header (two, or with nothing above, three known names)."""
    import itertools

    from complaintctl.core.import_mapping import known_headers

    first = next(records, None)
    if first is None:
        return [], [], iter(())
    known = known_headers(first[1])
    if known >= 2:
        return first[1], [], records
    filled = sum(1 for c in first[1] if c.strip())
    seen = [first]
    for candidate in itertools.islice(records, HEADER_LOOKAHEAD):
        seen.append(candidate)
        score = known_headers(candidate[1])
        if score > known and (score >= 3 or (score >= 2 and filled <= 1)):
            skipped = [(line, " ".join(c.strip() for c in cells if c.strip())) for line, cells in seen[:-1]]
            return candidate[1], skipped, records
    return first[1], [], itertools.chain(seen[1:], records)


def _without_nul(text: io.TextIOBase, source: Source, detected: bool) -> Iterator[str]:
    """The file's lines, NULs dropped; stops with a one-line error at the first line that does
    not decode (every line before it has been given out)."""
    errors_before = _undecodable[0]
    number = 0
    for line in text:
        number += 1
        if "\x00" in line:
            line = line.replace("\x00", "")
        if line and line[-1] == "\x1a":  # the DOS end-of-file mark old exports end with
            line = line.rstrip("\x1a")
            if not line:
                continue
        if _undecodable[0] != errors_before and _SURROGATE.search(line):
            raise _decode_error(source.name, source.encoding, detected, number + source.first_line - 1)
        yield line


def _csv_records(text, source: Source, detected: bool) -> Iterator[tuple[int, Any]]:
    """(line, cells) per record; blank lines and rows of empty cells (Excel writes ",,,," for
    rows that were only formatted) are skipped, as they hold nothing to import.

    Quotes are read strictly: a record whose quotes are broken (``"5" screen"``) is given as a
    ValueError (a rejected row; the next line is read afresh) rather than silently mangled, and
    a quote never closed ends the import at the line that opened it, instead of swallowing the
    rest of the file into one field."""
    import csv

    csv.field_size_limit(FIELD_SIZE_LIMIT)
    reader = csv.reader(_without_nul(text, source, detected), delimiter=source.delimiter or ",", strict=True)
    skipped = source.first_line - 1
    start = source.first_line
    while True:
        line = start
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            start = reader.line_num + skipped + 1
            reason = str(exc)
            if "unexpected end of data" in reason:
                raise InvalidInput(f"{source.name} line {line}: a quoted field that starts on this line is "
                                   "never closed", hint="the rows before it were imported; close the quote "
                                   '(a quote inside a quoted field is written "") and run the import '
                                   "again") from None
            if "field limit" in reason:
                raise InvalidInput(f"{source.name} line {line}: malformed CSV ({reason})",
                                   hint="the rows before it were imported") from None
            yield line, ValueError(f"malformed CSV: {reason} (a quote inside a quoted field is written \"\")")
            continue
        start = reader.line_num + skipped + 1
        if not cells or (not cells[0].strip() and not any(map(str.strip, cells))):
            continue  # a blank line, or a row of empty cells
        yield line, cells


def _ndjson_records(text, source: Source, detected: bool) -> Iterator[tuple[int, Any]]:
    for number, line in enumerate(_without_nul(text, source, detected), start=1):
        stripped = line.strip().lstrip("\ufeff")
        if not stripped:
            continue
        try:
            value = json.loads(stripped)
        except json.JSONDecodeError as exc:
            yield number, ValueError(f"invalid JSON: {exc.msg}")
            continue
        yield number, value


def _json_array_records(text, source: Source, detected: bool) -> Iterator[tuple[int, Any]]:
    """Stream the objects of a top-level JSON array without loading the whole file."""
    decoder = json.JSONDecoder()
    buffer = ""
    line = 1
    started = False
    chunks = iter(lambda: text.read(1 << 16), "")

    def more() -> bool:
        nonlocal buffer
        try:
            chunk = next(chunks)
        except StopIteration:
            return False
        except UnicodeDecodeError:
            raise _decode_error(source.name, source.encoding, detected) from None
        buffer += chunk.replace("\x00", "")
        return True

    index = 0
    errors_before = _undecodable[0]
    while True:
        while True:  # skip white space, commas and the opening bracket
            while index < len(buffer) and buffer[index] in " \t\r\n,\ufeff":
                if buffer[index] == "\n":
                    line += 1
                index += 1
            if index < len(buffer) or not more():
                break
        if index >= len(buffer):
            if not started:
                raise InvalidInput(f"{source.name} is empty")
            raise InvalidInput(f"{source.name}: the JSON array is not closed with ]")
        ch = buffer[index]
        if not started:
            if ch != "[":
                raise InvalidInput(f"{source.name}: expected a JSON array of objects",
                                   hint="use --format ndjson for one object per line")
            started = True
            index += 1
            continue
        if ch == "]":
            return
        while True:
            try:
                value, end = decoder.raw_decode(buffer, index)
                break
            except json.JSONDecodeError as exc:
                if not more():
                    raise InvalidInput(f"{source.name} line {line}: invalid JSON ({exc.msg})") from None
        if _undecodable[0] != errors_before:
            bad = _SURROGATE.search(buffer, index, end)
            if bad:
                where = line + buffer.count("\n", index, bad.start())
                raise _decode_error(source.name, source.encoding, detected, where)
        yield line, value
        line += buffer.count("\n", index, end)
        buffer = buffer[end:]
        index = 0
