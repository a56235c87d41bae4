"""What every reader shares: the Source being read, byte counting for progress, taking the header
row (intake/shape.py finds it), and lines with NULs dropped and bad bytes named."""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, BinaryIO

from complaintctl.core.intake.encoding import _SURROGATE, _decode_error, _undecodable


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
    header_row: int | None = None  # as asked: None found from the rows, 0 no header (--no-header), N that line
    header_line: int | None = None  # the line (sheet row) the header is on; None: the file has no header row
    no_header_why: str | None = None  # the warning when the first row was found to be values, not column names
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


def take_header(source: Source, records: Iterator[tuple[int, Any]], header_row: int | None) -> Iterator:
    """Find (or take, as given) the header row of ``records``; set it on ``source`` with the lines
    skipped above it, and return the records after it (intake/shape.py decides)."""
    from complaintctl.core.intake.shape import find_header

    header, rest = find_header(records, source.name, header_row)
    source.headers, source.skipped = list(header.cells), header.skipped
    source.header_row, source.header_line, source.no_header_why = header_row, header.line, header.why_none
    return rest


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
            raise _decode_error(source.name, source.encoding, detected, number + source.first_line - 1,
                                line.encode(source.encoding, errors="surrogateescape"))
        yield line


