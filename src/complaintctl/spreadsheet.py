"""What a spreadsheet would run as a formula, and the guard against it.

Every CSV the tool writes (records, reports, exports, the import's rejects file) is opened by
people in Excel or WPS, so every layer guards its cells the same way; the rule lives here,
below all of them, like errors.py. `import` reads the guard back off.
"""

from __future__ import annotations

# A cell a spreadsheet would run as a formula (=HYPERLINK(...), +1, -1, @SUM, a tab, a CR)
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def guard_cell(value: object) -> object:
    """A text cell a spreadsheet would run as a formula gets a leading ' (OWASP's advice)."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value
