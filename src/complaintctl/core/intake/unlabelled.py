"""Fields found from the values alone, when no header names them (a file without a header row, or with
headers in words nobody listed): the date column when it is the only one (the earliest of several when
no header of the file is recognised), a unique key as the reference, the longest text as the
description, and a column of status words as the status. Each decision is said in the summary as made
from values; --map overrides it."""

from __future__ import annotations

import re
from collections import Counter
from datetime import datetime

from complaintctl.core.intake.evidence import readable_moment
from complaintctl.core.intake.headers import names_another_moment
from complaintctl.core.intake.mapping import EXTRA, IGNORED, ColumnPlan
from complaintctl.core.taxonomy.labels import resolve_in
from complaintctl.i18n import L_

MOSTLY = 0.8  # share of a column's values that must show the shape
SAMPLED = 200  # values of a column looked at


def find_by_values(plans: list[ColumnPlan], columns: dict, rows: int, tables: dict, now: datetime) -> dict[str, str]:
    """Give the fields no column took to columns kept in extra whose values plainly are them; returns
    {field: "'header' (why)"} for the summary."""
    if not rows:
        return {}
    mapped = {p.field for p in plans if p.field not in (EXTRA, IGNORED)}
    loose = [p for p in plans if p.field == EXTRA and p.rank > 0 and columns.get(p.index)
             and len(columns[p.index]) >= MOSTLY * rows]
    found: dict[str, str] = {}

    def take(plan: ColumnPlan, name: str, why: str) -> None:
        plan.field = plan.candidate = name
        plan.how = L_("found from its values: {why}", why=why)
        plan.evidence = why
        loose.remove(plan)
        found[name] = L_("{header!r} ({why})", header=plan.header, why=why)

    if "received" not in mapped:
        dates = [(p, _first_moments(columns[p.index], now)) for p in loose if not names_another_moment(p.header)]
        dates = [(p, moments) for p, moments in dates if moments]
        if len(dates) == 1:
            take(dates[0][0], "received", L_("the only column of dates"))
        elif dates and not mapped:
            plan = min(dates, key=lambda d: sorted(d[1])[len(d[1]) // 2])[0]  # the earliest median
            take(plan, "received", L_("the earliest of {n} columns of dates", n=len(dates)))
    if "ref" not in mapped:
        unique = next((p for p in loose if _unique_key([v for _, v in columns[p.index][:SAMPLED * 5]])), None)
        if unique is not None:
            take(unique, "ref", L_("a unique key"))
    if not mapped & {"subject", "description"}:
        texts = [(p, _mean_length(columns[p.index])) for p in loose if _free_text(columns[p.index])]
        if texts:
            take(max(texts, key=lambda t: t[1])[0], "description", L_("the longest text"))
    if "status" not in mapped:
        table = tables["status"]
        for plan in loose:
            values = [v for _, v in columns[plan.index][:SAMPLED]]
            known = sum(1 for v in values if resolve_in(table, v) is not None)
            if known >= MOSTLY * len(values) and len(set(values)) <= max(3, 0.3 * len(values)):
                take(plan, "status", L_("{known} of {n} sampled values are statuses", known=known, n=len(values)))
                break
    return found


def _first_moments(values: list[tuple[int, str]], now: datetime) -> list[str]:
    """The column's first values read as moments (UTC text), or [] when it is not a column of dates."""
    from complaintctl.core.record.dates import number_moment, parse_when, to_iso
    from complaintctl.errors import ComplaintError

    sampled = [v for _, v in values[:50]]
    if sum(1 for v in sampled if readable_moment(v, now)) < MOSTLY * len(sampled):
        return []
    if all(v.replace(".", "").isdigit() and number_moment(v) is None for v in sampled):
        return []  # counts and ids that dateutil would take for years
    out = []
    for v in sampled:
        try:
            moment = number_moment(v) if v[:1].isdigit() and v[-1:].isdigit() else None
            out.append(to_iso(moment or parse_when(v, now=now, what="date", periods=False)))
        except (ComplaintError, ValueError, OverflowError):
            continue
    return out


def _unique_key(texts: list[str]) -> bool:
    """Every value different, short, without spaces and with a digit, and not a date: an id."""
    if len(texts) < 2 or len(set(texts)) < len(texts) or not all(any(c.isdigit() for c in t) for t in texts):
        return False
    return all(len(t) <= 40 and " " not in t.strip() for t in texts) and not all("-" in t and ":" in t for t in texts)


def _free_text(values: list[tuple[int, str]]) -> bool:
    texts = [v for _, v in values[:SAMPLED]]
    if _mean_length(values) < 20:
        return False
    common = Counter(texts).most_common(1)[0][1]
    worded = sum(1 for t in texts if any(c.isalpha() for c in t))  # `2024-10-28/2024-11-03` is no text
    return common <= max(2, 0.1 * len(texts)) and worded >= MOSTLY * len(texts) and \
        sum(1 for t in texts if " " in t.strip() or _weight(t) > 20) >= MOSTLY * len(texts)


def _mean_length(values: list[tuple[int, str]]) -> float:
    texts = [v for _, v in values[:SAMPLED]]
    return sum(map(_weight, texts)) / len(texts) if texts else 0.0


_CJK = re.compile(r"[\u3400-\u9fff]")


def _weight(text: str) -> int:
    """A text's length, a Chinese character counted as two (one says about as much as a word)."""
    return len(text) + len(_CJK.findall(text))
