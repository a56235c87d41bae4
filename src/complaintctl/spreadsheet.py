"""What a spreadsheet would run as a formula, the guard against it, and the one CSV writer.

Every CSV the tool writes (records, reports, exports, the import's rejects file) is opened by
people in Excel or WPS, so every layer guards its cells the same way; the rule lives here,
below all of them, like errors.py. `import` reads the guard back off.
"""

from __future__ import annotations

from collections.abc import Sequence

# A cell a spreadsheet would run as a formula (=HYPERLINK(...), +1, -1, @SUM, a tab, a CR)
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def guard_cell(value: object) -> object:
    """A text cell a spreadsheet would run as a formula gets a leading ' (OWASP's advice)."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


class CsvOptions:
    """How CSV is written in this run: ``excel`` (the global --excel) adds a UTF-8 byte order
    mark and CRLF line ends, which Excel needs to read UTF-8 (Chinese) correctly."""

    excel = False


class CsvWriter:
    """The one CSV writer: every CSV the tool writes (records, reports, exports, the import's
    rejects file) is written here, guarded against formulas, with a BOM and CRLF under --excel."""

    def __init__(self, stream, *, excel: bool | None = None, guard: bool = True, crlf: bool = False):
        import csv

        self.excel = CsvOptions.excel if excel is None else excel
        if self.excel:
            stream.write("\ufeff")
        self.guard = guard
        self.writer = csv.writer(stream, lineterminator="\r\n" if (crlf or self.excel) else "\n")

    def writerow(self, cells: Sequence) -> None:
        cells = ["" if c is None else c for c in cells]
        self.writer.writerow([guard_cell(c) for c in cells] if self.guard else cells)
