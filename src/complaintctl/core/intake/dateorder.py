"""Day or month first, for each date column of a file, decided from its values before any row is
read: one `13-01-2016` settles day first, one `12/31/2016` month first. A column whose values
prove both orders (rows typed by people in two countries, two systems' exports pasted together)
is read value by value as each can only be; a value of such a column that could be read either
way (`03/04/2016`) is never guessed: the import asks which order those are before any row, or,
past the rows it looked at, rejects that row with the question."""

from __future__ import annotations

import contextlib
import os
import re
from dataclasses import dataclass, field

from complaintctl.core.intake.cells import DATE_FIELDS, RowError
from complaintctl.core.intake.mapping import ColumnPlan
from complaintctl.errors import InvalidInput
from complaintctl.i18n import L_
from complaintctl.i18n.said import Field, Input

_NUMERIC_DATE = re.compile(r"^\s*(\d{1,2})([/.\-])(\d{1,2})[/.\-](\d{2,4})\b")


@dataclass
class Orders:
    """What was decided: {field: day first?}, {field: why} for the summary, the warnings, the
    fields read value by value (both orders proven), and the question that stops the import."""

    dayfirst_of: dict[str, bool] = field(default_factory=dict)
    date_orders: dict[str, str] = field(default_factory=dict)
    warnings: list = field(default_factory=list)
    mixed: set[str] = field(default_factory=set)
    question: InvalidInput | None = None


@dataclass
class _Seen:
    """One column's sampled values, by what they settle: (count, first (line, value, separator))."""

    days: int = 0
    months: int = 0
    either: int = 0
    day: tuple | None = None
    month: tuple | None = None
    ambiguous: tuple | None = None

    def add(self, line: int, value: str) -> None:
        settles, sep = settles_order(value)
        if settles is True:
            self.days += 1
            self.day = self.day or (line, value, sep)
        elif settles is False:
            self.months += 1
            self.month = self.month or (line, value, sep)
        elif settles is None:
            self.either += 1
            self.ambiguous = self.ambiguous or (line, value, sep)


def decide_orders(plans: list[ColumnPlan], columns: dict, given: bool | None, source=None) -> Orders:
    """Day or month first for each date column, from its values; never row by row except where the
    values prove both. A column whose sampled values leave it open is settled by its first value
    further down the file that settles it; else it follows the order another date column of the file
    with the same separator settled (one system wrote both), and says so; else month first, with a
    warning. ``given``: --dayfirst/--monthfirst (every column, and the ambiguous values of a mixed one)."""
    result = Orders()
    settled: dict[str, tuple[bool, str, tuple]] = {}  # separator -> (dayfirst, header, value that settled it)
    undecided: list[tuple[ColumnPlan, tuple]] = []
    for plan in plans:
        if plan.field not in DATE_FIELDS:
            continue
        seen = _Seen()
        for line, value in columns.get(plan.index, []):
            seen.add(line, value)
        if seen.day and seen.month:
            _mixed(plan, seen, given, result)
            continue
        if given is not None:
            if seen.day or seen.month or seen.ambiguous:
                result.date_orders[plan.field] = L_("day first (as given)") if given else L_("month first (as given)")
            continue
        first = seen.day or seen.month  # the value that settled the column, if one did
        if first is not None:
            dayfirst = seen.day is not None
            result.dayfirst_of[plan.field] = dayfirst
            result.date_orders[plan.field] = L_("{order}: {value!r} (line {line}) can only be read so",
                                                order=_order(dayfirst), value=first[1], line=first[0])
            settled.setdefault(first[2], (dayfirst, plan.header, first))
        elif seen.ambiguous:
            undecided.append((plan, seen.ambiguous))
    further = _settle_further(source, [plan for plan, _ in undecided]) if undecided else {}
    for plan, ambiguous in undecided:
        if plan.index in further:
            line, value, dayfirst = further[plan.index]
            result.dayfirst_of[plan.field] = dayfirst
            result.date_orders[plan.field] = L_("{order}: {value!r} (line {line}, past the first rows) can only be "
                                                "read so", order=_order(dayfirst), value=value, line=line)
        else:
            _follow_or_default(plan, ambiguous, settled.get(ambiguous[2]), result)
    return result


def _mixed(plan: ColumnPlan, seen: _Seen, given: bool | None, result: Orders) -> None:
    """A column whose values prove both orders: each value read as it can only be; the ones that could
    be either are read in the order the user gave, else the import asks before any row."""
    assert seen.day is not None and seen.month is not None  # decide_orders calls it only then
    result.mixed.add(plan.field)
    result.dayfirst_of[plan.field] = bool(given)
    both = L_("both orders in one column: {day!r} (line {day_line}) can only be day first ({days:,} such), {month!r} "
              "(line {month_line}) only month first ({months:,}); each value read as it can only be",
              day=seen.day[1], day_line=seen.day[0], days=seen.days, month=seen.month[1], month_line=seen.month[0],
              months=seen.months)
    if given is not None:
        result.date_orders[plan.field] = L_("{both}; those that could be either (e.g. {example!r}) {order} as given",
                                            both=both, example=(seen.ambiguous or ("", "-"))[1], order=_order(given))
        return
    result.date_orders[plan.field] = both
    if seen.ambiguous and result.question is None:
        result.question = InvalidInput(
            L_("column {header!r} holds dates of both orders: {days:,} can only be day first (e.g. {day!r}, line "
               "{day_line}), {months:,} only month first (e.g. {month!r}, line {month_line}), and {either:,} of the "
               "first rows could be either (e.g. {example!r}, line {line}): which order are those?",
               header=plan.header, days=seen.days, day=seen.day[1], day_line=seen.day[0], months=seen.months,
               month=seen.month[1], month_line=seen.month[0], either=seen.either, example=seen.ambiguous[1],
               line=seen.ambiguous[0]),
            hint=L_("{dayfirst} says which they are; the others are still read as they can only be",
                    dayfirst=Input("dayfirst")))


def mixed_value_order(name: str, text: str, given: bool | None) -> bool:
    """The order of one value of a column that holds both: the only one it can be read in; for a value
    that could be either, the order the user gave, else the row is rejected with the question."""
    settles = settles_order(text)[0]
    if settles is True or settles is False:
        return settles
    if settles is None:
        if given is None:
            raise RowError(L_("{field} {value!r} could be day or month first, and its column holds dates of both "
                              "orders: not guessed (say which order those are, and import again)",
                              field=Field(name), value=text))
        return given
    return bool(given)


def _order(dayfirst: bool):
    return L_("day first") if dayfirst else L_("month first")


def _follow_or_default(plan: ColumnPlan, ambiguous: tuple, settled: tuple | None, result: Orders) -> None:
    """The order of a column no value of its own settles: the file's own (``settled``), else month first."""
    if settled is not None:
        dayfirst, header, seen = settled
        result.dayfirst_of[plan.field] = dayfirst
        result.date_orders[plan.field] = L_("{order}, as column {header!r} of this file: {value!r} (line {line}) can "
                                            "only be read so (e.g. {example!r})", order=_order(dayfirst), header=header,
                                            value=seen[1], line=seen[0], example=ambiguous[1])
        return
    result.dayfirst_of[plan.field] = False
    result.date_orders[plan.field] = L_("month first, by default: no value settles it (e.g. {example!r})",
                                        example=ambiguous[1])
    result.warnings.append(L_(
        "column {column!r}: dates such as {example!r} (line {line}) could be day or month first and no value in "
        "the file settles it; read month first. {dayfirst} reads them day first (dayfirst = true in a mapping file)",
        column=plan.header, example=ambiguous[1], line=ambiguous[0], dayfirst=Input("dayfirst")))


def settles_order(value: str) -> tuple[bool | None | str, str]:
    """(True for a date that can only be day first (13-01-2016), False only month first, None
    either way (01-03-2016), '' not a numeric date or the same in both orders (05-05-2016);
    the date's separator)."""
    m = _NUMERIC_DATE.match(value)
    if not m:
        return "", ""
    a, b = int(m.group(1)), int(m.group(3))
    if a > 12 and b <= 12:
        return True, m.group(2)
    if b > 12 and a <= 12:
        return False, m.group(2)
    return (None if a <= 12 and b <= 12 and a != b else ""), m.group(2)


def _settle_further(source, plans: list[ColumnPlan]) -> dict[int, tuple[int, str, bool]]:
    """{column index: (line, value, day first?)} for the date columns the sample left open, from
    the first value further down the file that settles each: the file is read once more, from
    its start, in a second reader (a file on disk only; not stdin). Stops when all are settled."""
    if source is None or source.name == "<stdin>" or not os.path.isfile(source.name):
        return {}
    from complaintctl.core.intake.source import open_source

    found: dict[int, tuple[int, str, bool]] = {}
    try:
        again = open_source(source.name, fmt=source.format, encoding=source.encoding,
                            delimiter=source.delimiter, sheet=source.sheet, header_row=source.header_row)
    except InvalidInput:
        return {}
    with contextlib.closing(again):
        wanted = {plan.index for plan in plans}
        try:
            for line, record in again.records():
                if record.__class__ is not list:
                    continue
                for index in [i for i in wanted if i < len(record)]:
                    settles = settles_order(record[index])[0]
                    if settles is True or settles is False:
                        found[index] = (line, record[index].strip(), settles)
                        wanted.discard(index)
                if not wanted:
                    break
        except InvalidInput:  # the import itself will name the line it cannot read
            pass
    return found
