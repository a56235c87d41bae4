"""What a spreadsheet would run as a formula, the guard against it, and the one CSV writer.

Every CSV the tool writes (records, reports, exports, the import's rejects file) is opened by
people in Excel or WPS, so every layer guards its cells the same way; the rule lives here,
below all of them, like errors.py. `import` reads the guard back off.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

# A cell a spreadsheet would run as a formula (=HYPERLINK(...), +1, -1, @SUM, a tab, a CR)
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


class CsvWriter:
    """The one CSV writer: every CSV the tool writes (records, reports, exports, the import's
    rejects file) is written here, guarded against formulas, with a BOM and CRLF under --excel."""

    def __init__(self, stream, *, excel: bool | None = None, guard: bool = True, crlf: bool = False):
        import csv

        if excel is None:
            from complaintctl.context import current

            excel = current().excel  # the global --excel: a BOM and CRLF, which Excel needs for UTF-8
        self.excel = excel
        if self.excel:
            stream.write("\ufeff")
        self.guard = guard
        self.writer = csv.writer(stream, lineterminator="\r\n" if (crlf or self.excel) else "\n")

    def writerow(self, cells: Sequence) -> None:
        self.writerows((cells,))

    def writerows(self, rows: Iterable[Sequence]) -> None:
        """Rows written in one call (an export's batch). The guard: a text cell a spreadsheet
        would run as a formula gets a leading ' (OWASP's advice). The csv module writes None as
        an empty cell."""
        if self.guard:
            start = FORMULA_START
            rows = [["'" + c if isinstance(c, str) and c.startswith(start) else c for c in row] for row in rows]
        self.writer.writerows(rows)
