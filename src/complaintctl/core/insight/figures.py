"""How a report rounds and summarises: shares, medians and p90 as docs/reports.md defines them
(SQLite's round(), half away from zero; SQLite 3.40 has no median()), and a complaint's
classification and assignee at a period's end applied to the rows a report counts."""

from __future__ import annotations

import math

from complaintctl.numbers import round_half_up


def percentile(sorted_values: list[float], pct: float) -> float | None:
    """Nearest-rank percentile (pct 50 = median: the middle value, or the mean of the two middle
    values for an even count; documented)."""
    if not sorted_values:
        return None
    if pct == 50:
        n = len(sorted_values)
        mid = n // 2
        value = sorted_values[mid] if n % 2 else (sorted_values[mid - 1] + sorted_values[mid]) / 2
        return round_half_up(value, 2)
    rank = max(1, math.ceil(pct / 100 * len(sorted_values)))
    return round_half_up(sorted_values[rank - 1], 2)


def pct(part: int, whole: int) -> float | None:
    """A share in percent with one decimal, rounded as the documented SQL's round(..., 1)."""
    return round_half_up(100.0 * part / whole, 1) if whole else None


def at_end(row_id: int, field: str, current, changed: dict[str, dict]):
    """``current`` unless the complaint's ``field`` changed after the period's end
    (history.values_at), then the value it had at the end."""
    later = changed.get(field)
    return later[row_id] if later and row_id in later else current
