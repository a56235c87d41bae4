"""What every reader shares: the Source being read, byte counting for progress, finding the
header row below title rows, and lines with NULs dropped and bad bytes named."""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, BinaryIO

from complaintctl.core.intake.encoding import _SURROGATE, _decode_error, _undecodable
from complaintctl.errors import InvalidInput


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
    sampled: tuple[int, int] | None = None  # (records, bytes) read ahead to plan the columns
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


HEADER_LOOKAHEAD = 10  # rows above the header that a report-style export may have


def _find_header(records: Iterator[tuple[int, Any]],
                 name: str = "the file") -> tuple[list[str], list[tuple[int, str]], Iterator]:
    """(header cells, skipped lines, the records after the header). Excel reports often put a
    title ("2026年11月投诉记录表") or an export note above the header row: such rows, with at most
    one cell filled or no known header name, are skipped when a row below them within
    HEADER_LOOKAHEAD rows clearly is the header (two, or with nothing above, three known names)."""
    import itertools

    from complaintctl.core.intake.mapping import known_headers

    first = next(records, None)
    if first is None:
        return [], [], iter(())
    if isinstance(first[1], Exception):  # a quote never closed, a malformed first line
        raise InvalidInput(f"{name} line {first[0]}: the header row cannot be read ({first[1]})",
                           hint="the first row must name the columns, e.g. subject,received,customer")
    known = known_headers(first[1])
    if known >= 2:
        return first[1], [], records
    filled = sum(1 for c in first[1] if c.strip())
    seen = [first]
    for candidate in itertools.islice(records, HEADER_LOOKAHEAD):
        seen.append(candidate)
        if isinstance(candidate[1], Exception):
            break  # a broken record below the first row: the first row is the header
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


