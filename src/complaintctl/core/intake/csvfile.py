"""CSV records: the delimiter sniffed from the header line, quotes read strictly."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from complaintctl.core.intake.reading import Source, _without_nul
from complaintctl.errors import InvalidInput
from complaintctl.i18n import L_
from complaintctl.i18n.said import Listed

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
    ending = [""]  # how the last line the csv reader took ended

    def lines() -> Iterator[str]:
        for text_line in _without_nul(text, source, detected):
            ending[0] = text_line[-2:]
            yield text_line

    reader = csv.reader(lines(), delimiter=source.delimiter or ",", strict=True)
    skipped = source.first_line - 1
    start = source.first_line
    cr_file = None  # a file whose lines all end in a bare CR (old Mac): no bare CR is a break there
    while True:
        line = start
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            start = reader.line_num + skipped + 1
            reason = str(exc)
            if "unexpected end of data" in reason and line == reader.line_num + skipped:
                # opened on the last line: the file was cut short inside its last record
                yield line, BrokenRecord(L_("the file ends inside this record (a quoted field is never closed): "
                                            "the file was cut short"), [])
                return
            if "unexpected end of data" in reason:
                raise InvalidInput(L_("{file} line {line}: a quoted field that starts on this line is never closed",
                                      file=source.name, line=line),
                                   hint=L_("the rows before it were imported; close the quote (a quote inside a "
                                           "quoted field is written \"\") and run the import again")) from None
            if "field limit" in reason:
                raise InvalidInput(L_("{file} line {line}: malformed CSV ({why})", file=source.name, line=line,
                                      why=reason), hint=L_("the rows before it were imported")) from None
            yield line, ValueError(L_("malformed CSV: {why} (a quote inside a quoted field is written \"\")",
                                      why=reason))
            continue
        start = reader.line_num + skipped + 1
        if not cells or (not cells[0].strip() and not any(map(str.strip, cells))):
            continue  # a blank line, or a row of empty cells
        end = ending[0]
        if end[-1:] == "\n":
            yield line, cells
        elif end[-1:] == "\r":
            if cr_file is None:
                cr_file = True  # the header line itself ends so
            yield line, cells if cr_file else CutByCR(cells)
        else:
            yield line, Unterminated(cells)  # the last line of the file
        if cr_file is None:
            cr_file = False


class CutByCR(list):
    """A record that ended at a bare carriage return: perhaps one record broken in pieces by a CR
    inside an unquoted field (mend_breaks decides, knowing the header's width)."""


class Unterminated(list):
    """The file's last record, with no line end after it: cut short if it has too few fields."""


class BrokenRecord(ValueError):
    """A record that cannot be read whole; ``cells`` go to the rejects file."""

    def __init__(self, message: str, cells: list[str]):
        super().__init__(message)
        self.cells = cells


def mend_breaks(records: Iterator[tuple[int, Any]], width: int) -> Iterator[tuple[int, Any]]:
    """Records as the csv reader gave them, but a record broken by bare carriage returns (pandas
    writes a tweet's CR unquoted) is given as ONE BrokenRecord naming its lines, its pieces
    included, rather than as pieces imported as complaints of their own. A record short of
    fields that merely ends a line (trailing empty columns trimmed) is left as it is."""
    pending: list[tuple[int, Any]] = []
    while True:
        item = pending.pop() if pending else next(records, None)
        if item is None:
            return
        line, cells = item
        kind = cells.__class__
        if kind is list or isinstance(cells, Exception):
            yield line, cells
            continue
        if len(cells) >= width:
            yield line, list(cells)
            continue
        if kind is Unterminated:
            yield line, BrokenRecord(L_("the file ends inside this record ({n} of {width} fields): the file was cut "
                                        "short", n=len(cells), width=width), list(cells))
            continue
        pieces = [cells]
        last = line
        while pieces[-1].__class__ is CutByCR and sum(map(len, pieces)) - len(pieces) + 1 < width:
            nxt = next(records, None)
            if nxt is None or isinstance(nxt[1], Exception) or len(nxt[1]) >= width:
                if nxt is not None:
                    pending.append(nxt)  # a whole record of its own: the break ended before it
                break
            pieces.append(nxt[1])
            last = nxt[0]
        sizes = Listed([len(p) for p in pieces], "and")
        where = L_("lines {first}-{last}", first=line, last=last) if last != line else L_("line {line}", line=line)
        joined = list(pieces[0])
        for piece in pieces[1:]:
            joined[-1] += "\r" + (piece[0] if piece else "")
            joined += piece[1:]
        yield line, BrokenRecord(
            L_("record broken by a bare carriage return inside an unquoted field ({where}: pieces of {sizes} fields, "
               "the header has {width}); quote that field, or remove the carriage return, and import again",
               where=where, sizes=sizes, width=width),
            joined)


