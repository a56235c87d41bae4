"""A report's building block: a titled table, bar chart or line chart that every format draws
(report_text.py, report_html.py), made in the reader's language (report.py)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Block:
    id: str
    title: str
    headers: list[str] = field(default_factory=list)
    rows: list[list] = field(default_factory=list)
    bars: list[tuple[str, float]] | None = None  # (label, value) for a bar chart
    note: str = ""
    lines: dict[str, list] | None = None  # name -> values, oldest first, for a line chart
    spark_column: bool = False  # the last column is a drawn trend: shown, not written to CSV
