"""Figures round as the documented SQL does: SQLite's round(), half away from zero."""

import random
import sqlite3

from complaintctl.core.insight.reports import _pct, percentile
from complaintctl.numbers import format_figure, round_half_up


def test_halves_round_away_from_zero_like_sqlite():
    assert round(71.25, 1) == 71.2  # what Python does, and the report printed
    assert round_half_up(71.25, 1) == 71.3
    assert (round_half_up(2.675, 2), round_half_up(-0.25, 1), round_half_up(12.5, 0)) == (2.68, -0.3, 13.0)
    assert _pct(57, 80) == 71.3  # 71.25 %
    assert percentile([1.0, 2.125], 50) == 1.56  # the median 1.5625
    assert format_figure(71.25, 1) == "71.3" and format_figure(1234.5, 0) == "1,235"


def test_agrees_with_sqlite_round_on_report_shares():
    conn = sqlite3.connect(":memory:")
    rng = random.Random(7)
    values = [100.0 * rng.randint(0, 500) / rng.randint(1, 500) for _ in range(3000)]
    values += [rng.random() * 1000 for _ in range(3000)]
    for digits in (0, 1, 2):
        sql = [r[0] for r in conn.execute(f"SELECT round(value, {digits}) FROM json_each(?)",
                                          (str(values).replace("inf", "0"),))]
        assert [round_half_up(v, digits) for v in values] == sql


def test_durations_in_the_report_round_the_same_way():
    from complaintctl.render.report import human_duration

    assert human_duration(2.5 / 60) == "3 min"  # 2.5 min: Python's round() said 2
    assert human_duration(10.5) == "11 h"  # 10 h 30 min, shown in hours
    assert human_duration(24 * 12.5) == "13 d"
