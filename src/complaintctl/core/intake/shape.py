"""The file's shape: which row is the header (title and note rows above it skipped, or no header
at all), as found from the rows or as given (--header-row N, --no-header), and the header row
repeated inside the file (a report pasted together from pages), which is no complaint."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from complaintctl.errors import InvalidInput
from complaintctl.i18n import L_, N_, Message

HEADER_LOOKAHEAD = 10  # rows above the header that a report-style export may have
NO_HEADER = 0  # header_row for a file without a header row (--no-header)
WIDTH_SAMPLE = 1000  # rows a file without a header is measured on: its widest row names the columns

# Cells that are values, never column names: a date, an e-mail address, a long number.
_VALUE_SHAPES = [
    (N_("a date"), re.compile(r"^\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}|^\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}(?:\s|$)")),
    (N_("an e-mail address"), re.compile(r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$", re.IGNORECASE)),
    (N_("a number"), re.compile(r"^[+-]?\d[\d ,.]{5,}$")),
]
_LABEL_MAX = 80  # a column name longer than this is text, not a name


@dataclass
class Header:
    """What the header decision found: the column names, the lines above them that were skipped,
    and, when the file was found to have no header row, the warning that says why."""

    cells: list[str]
    skipped: list[tuple[int, str]]
    line: int | None  # the file line (sheet row) of the header; None: no header row
    why_none: Message | None = None


def find_header(records: Iterator[tuple[int, Any]], name: str = "the file",
                header_row: int | None = None) -> tuple[Header, Iterator]:
    """(the header, the records after it). ``header_row``: None to find it, NO_HEADER for a file
    without one, else the file line (sheet row) that holds it."""
    if header_row == NO_HEADER:
        return _no_header(records)
    if header_row is not None:
        return _given_header(records, name, header_row)
    return _found_header(records, name)


def _found_header(records: Iterator[tuple[int, Any]], name: str) -> tuple[Header, Iterator]:
    """The header found from the rows. The first row is the header when it names two fields;
    otherwise a row below it (within HEADER_LOOKAHEAD rows) is, when every row above it is thin (a
    title, a note: at most a third as many cells filled, a merged title is one) and it reads as
    column names, or when it names clearly more fields than the first (three). A first row whose
    cells are values (a date over a column of dates) is no header: the file has none."""
    first = next(records, None)
    if first is None:
        return Header([], [], None), iter(())
    if isinstance(first[1], Exception):  # a quote never closed, a malformed first line
        raise InvalidInput(L_("{file} line {line}: the header row cannot be read ({why})", file=name, line=first[0],
                              why=first[1]),
                           hint=L_("the first row must name the columns, e.g. subject,received,customer"))
    ahead = list(itertools.islice(records, 1))
    second = ahead[0][1] if ahead and not isinstance(ahead[0][1], Exception) else None
    why = _values_not_names(first[1], second) if second is not None and not _aliases(first[1]) else None
    if why is not None:
        seen = [first, *ahead, *itertools.islice(records, HEADER_LOOKAHEAD)]
        width = max(len(row) for _, row in seen if not isinstance(row, Exception))
        said = L_("line {line} holds values, not column names ({why}): the file is read as having no header row, "
                  "its columns named column_1 .. column_{width} and read by their values; give line {line} as the "
                  "header row to read it as the header", line=first[0], why=why, width=width)
        return Header(_numbered(width), [], None, said), itertools.chain(seen, records)
    records = itertools.chain(ahead, records)
    if _named(first[1]) >= 2:
        return Header(first[1], [], first[0]), records
    aliases = _aliases(first[1])
    seen = [first]
    for candidate in itertools.islice(records, HEADER_LOOKAHEAD):
        seen.append(candidate)
        if isinstance(candidate[1], Exception):
            break  # a broken record below the first row: the first row is the header
        cells = candidate[1]
        filled = _filled(cells)
        thin_above = filled >= 2 and all(_filled(row) <= max(1, filled // 3) for _, row in seen[:-1])
        score = _aliases(cells)
        if (thin_above and _labels(cells) and (_named(cells) or filled >= 3)) or \
                (score > aliases and (score >= 3 or (score >= 2 and _filled(first[1]) <= 1))):
            skipped = [(line, " ".join(c.strip() for c in row if c.strip())) for line, row in seen[:-1]]
            return Header(cells, skipped, candidate[0]), records
    return Header(first[1], [], first[0]), itertools.chain(seen[1:], records)


def _given_header(records: Iterator[tuple[int, Any]], name: str, line: int) -> tuple[Header, Iterator]:
    """--header-row N: the rows above line N skipped (and said), line N the header."""
    skipped = []
    for number, cells in records:
        if number < line:
            if not isinstance(cells, Exception):
                skipped.append((number, " ".join(c.strip() for c in cells if c.strip())))
            continue
        if number > line or isinstance(cells, Exception):
            what = L_("holds no row (it is blank, or inside a record that starts above it)") if number > line else \
                L_("cannot be read ({why})", why=cells)
            raise InvalidInput(L_("the header row given, line {line} of {file}, {what}", line=line, file=name, what=what),
                               hint=L_("give the line (sheet row) that names the columns, or say the file has none"))
        return Header(cells, skipped, number), records
    raise InvalidInput(L_("the header row given: {file} has no line {line} with a row on it", file=name, line=line))


def _no_header(records: Iterator[tuple[int, Any]]) -> tuple[Header, Iterator]:
    """--no-header: every row is a record; the columns are named column_1 .. column_N after the
    widest of the first WIDTH_SAMPLE rows, and read by their values."""
    sample = list(itertools.islice(records, WIDTH_SAMPLE))
    width = max((len(cells) for _, cells in sample if isinstance(cells, list)), default=0)
    return Header(_numbered(width), [], None), itertools.chain(sample, records)


def _numbered(width: int) -> list[str]:
    return [f"column_{i}" for i in range(1, width + 1)]


def _values_not_names(first: list[str], second: list[str]) -> Message | None:
    """Why ``first`` is a row of values and not of column names, or None: one of its cells is a
    value that no column is named (a date, an e-mail address, a long number) over a cell of the
    same kind in the next row."""
    for i, cell in enumerate(first):
        text = cell.strip()
        below = second[i].strip() if i < len(second) else ""
        for what, shape in _VALUE_SHAPES:
            if shape.search(text) and shape.search(below):
                return L_("{what}, {text!r}, over a column of them", what=L_(what), text=text[:40])
    return None


def _filled(cells: list[str]) -> int:
    return sum(1 for c in cells if c.strip())


def _aliases(cells: list[str]) -> int:
    """How many cells are header names that an alias lists."""
    from complaintctl.core.intake.mapping import known_headers

    return known_headers(cells)


def _named(cells: list[str]) -> int:
    """How many cells name a field, by an alias or by their words (headers.py)."""
    from complaintctl.core.intake.headers import guess_field
    from complaintctl.core.intake.mapping import header_field

    return sum(1 for c in cells if _label(c.strip()) and (header_field(c) is not None or guess_field(c) is not None))


def _labels(cells: list[str]) -> bool:
    """Whether the filled cells read as column names: short one-line text, no two alike, none a value."""
    texts = [c.strip() for c in cells if c.strip()]
    return len(set(texts)) == len(texts) and all(map(_label, texts))


def _label(text: str) -> bool:
    """Whether a cell could be a column's name: short one-line text that is no value."""
    return bool(text) and len(text) <= _LABEL_MAX and "\n" not in text and \
        not any(shape.search(text) for _, shape in _VALUE_SHAPES)


def header_repeats(headers: list[str]):
    """A test of a record: whether it repeats the header row (a report pasted together from pages,
    each with its header). None for a file without a header row."""
    names = [h.strip() for h in headers]
    while names and not names[-1]:
        names.pop()
    if not names or not any(names):
        return None
    first, width = names[0], len(names)

    def repeats(cells: list[str]) -> bool:
        if not cells or cells[0].strip() != first or len(cells) < width:
            return False
        return [c.strip() for c in cells[:width]] == names and not any(c.strip() for c in cells[width:])

    return repeats

