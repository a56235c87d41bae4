"""CSV records: the delimiter sniffed from the header line, quotes read strictly."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from complaintctl.core.importer.reading import Source, _without_nul
from complaintctl.errors import InvalidInput

FIELD_SIZE_LIMIT = 64 * 1024 * 1024
DELIMITERS = [",", ";", "\t", "|"]


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


