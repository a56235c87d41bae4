"""Text lost before the file was made: a program that wrote Chinese (or any text its code page could
not hold) into GBK, Windows-1252 or ASCII put `?` where each character was (`茂世??铂翠湾`,
`“3??18”`, a subject of `??????`). The characters are gone from the file; nothing can bring them
back, but the import must not call such a row fine: each is imported (its other values stand),
marked, and counted in the summary. Told apart from people's `??` (`where is it??`, `WHY????`) by
where the run of `?` stands: beside a Chinese character or between digits, or making most of a
cell with no words of its own."""

from __future__ import annotations

import re
from typing import cast

# a run of two or more `?` touching a CJK character, or between two digits
_BESIDE_TEXT = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff01-\uff5e]\?{2,}|\?{2,}[\u3400-\u9fff\uf900-\ufaff]"
                          r"|\d\?{2,}\d")
_RUN = re.compile(r"\?{2,}")


def lost_text(cell: str) -> bool:
    """Whether ``cell`` holds runs of `?` where characters were."""
    if "??" not in cell:
        return False
    if _BESIDE_TEXT.search(cell):
        return True
    marks = cell.count("?")
    letters = sum(1 for c in cell if c.isalpha())
    if letters >= marks:
        return False
    return len(_RUN.findall(cell)) >= 2 or (marks >= 3 and not cell.replace("?", "").strip())


def lost_columns(record: list | dict, headers: list[str]) -> list[str]:
    """The columns of a record whose text was lost to `?` (empty for almost every record)."""
    if record.__class__ is list:
        return [headers[i] if i < len(headers) else f"column_{i + 1}" for i, cell in enumerate(record)
                if cell.__class__ is str and "??" in cell and lost_text(cell)]
    return [str(key) for key, cell in cast(dict, record).items() if cell.__class__ is str and "??" in cell and lost_text(cell)]


def has_lost(record: list | dict) -> bool:
    """A cheap first look: whether any cell of a record holds `??` at all."""
    if record.__class__ is list:
        return any(cell.__class__ is str and "??" in cell for cell in record)
    return any(cell.__class__ is str and "??" in cell for cell in cast(dict, record).values())
