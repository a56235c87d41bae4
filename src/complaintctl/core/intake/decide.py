"""Before any row is written: how each column will be read, decided from its header AND its
values. A guessed column whose values mostly do not fit its field (a US `State` column of FL,
MI is not a status) is set aside in extra, and another candidate may take the field; each date
column's order (day or month first) is decided from its values; a file with no received time
stops unless the user says what to use. An explicit --map is never second-guessed."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from itertools import chain, islice
from typing import Any

from complaintctl.core.intake.answers import answered_times
from complaintctl.core.intake.cells import DATE_FIELDS, empty_spellings
from complaintctl.core.intake.dateorder import decide_orders
from complaintctl.core.intake.evidence import judge, no_customer, order
from complaintctl.core.intake.headers import business_time, strength
from complaintctl.core.intake.mapping import EXTRA, IGNORED, ColumnPlan, name_extra_keys, plan_columns, subject_source
from complaintctl.core.intake.options import ImportOptions
from complaintctl.core.intake.reading import Source
from complaintctl.core.intake.records import as_cells, json_columns
from complaintctl.core.intake.refcheck import ref_of_several_complaints
from complaintctl.core.intake.replies import Replies, find_replies
from complaintctl.core.intake.shape import header_repeats
from complaintctl.core.intake.snapshots import find_snapshots
from complaintctl.core.intake.threads import ThreadCollector
from complaintctl.core.intake.timeofday import find_time_of_day
from complaintctl.core.intake.unlabelled import find_by_values
from complaintctl.errors import InvalidInput
from complaintctl.i18n import L_
from complaintctl.i18n.said import Field, Input, Listed
from complaintctl.store.engine import Connection

SAMPLE_ROWS = 2000  # rows read ahead to decide from
# Fields a column without values must never take: the import would reject each row rather than ask.
ROW_FIELDS = ("received", "subject", "description", "ref")
# a time that names its zone (ISO Z or offset, UTC/GMT) or is Unix seconds/milliseconds (UTC by definition)
_ZONED = re.compile(r"(?:Z|[+-]\d\d:?\d\d|\b(?:UTC|GMT))\s*$|^\s*\d{10,13}(?:\.\d+)?\s*$", re.IGNORECASE)


@dataclass
class ImportPlan:
    """How a file will be read: its columns, the decisions and the warnings that say them."""

    plans: list[ColumnPlan]
    warnings: list[str] = field(default_factory=list)
    dayfirst_of: dict[str, bool] = field(default_factory=dict)
    date_orders: dict[str, str] = field(default_factory=dict)  # field -> "day first: '13-01-2016' (line 7)"
    first_values: dict[int, str] = field(default_factory=dict)  # column index -> first value
    zoneless_times: bool = False  # a sampled date value written without a zone (read in the team's)
    decided_by_values: dict[str, str] = field(default_factory=dict)  # field -> "'header', why" (no header named it)
    mixed_dates: set[str] = field(default_factory=set)  # date fields whose values prove both orders: read per value
    replies: Replies | None = None  # a column saying which rows are the company's replies (set aside)
    snapshots: Any = None  # why the file is read as an event log's snapshots (newest row per ref), or None
    reply_times: dict[str, str | tuple[str, ...]] = field(default_factory=dict)  # ref -> its replies' times
    threads: Any = None  # threads.Threads: the customers' follow-ups in threads their complaints opened


def _check_map_headers(source: Source, map_overrides: dict[str, str] | None) -> None:
    """A --map naming no column of the file is a typo or a wrong file, not a choice to skip:
    said, not silently ignored. In JSON a key may first appear past the sample, so only a dotted
    name under an object the file keeps whole (`author.login` where `author` is one column) is
    certain to name nothing."""
    from complaintctl.core.intake.mapping import normalize_header

    columns = {normalize_header(h.replace("\ufeff", "").strip()) for h in source.headers}
    for header in map_overrides or {}:
        key = normalize_header(header)
        if key in columns:
            continue
        head = normalize_header(header.split(".", 1)[0]) if "." in header else None
        parent = next((h for h in source.headers if normalize_header(h) == head), None) if head else None
        if source.format in ("json", "ndjson") and parent is None:
            continue
        shown = ", ".join(repr(h) for h in source.headers[:12]) + (", ..." if len(source.headers) > 12 else "")
        hint = L_("the file's columns: {shown}", shown=shown)
        if parent is not None:
            raise InvalidInput(L_("{map}: no column {header!r}: {parent!r} is read as one column (its keys name no "
                                  "field), kept whole in extra", map=Input("map"), header=header, parent=parent),
                               hint=hint)
        raise InvalidInput(L_("{map}: the file has no column {header!r}", map=Input("map"), header=header), hint=hint)


def plan_import(conn: Connection, source: Source, options: ImportOptions,
                map_overrides: dict[str, str] | None, file_overrides: dict[str, str] | None,
                now: datetime, require: bool = True) -> ImportPlan:
    """Plan a tabular file's columns from its header and a sample of its rows (read ahead and
    put back). Raises InvalidInput when the file cannot be imported as it stands."""
    from complaintctl.core.intake.values import _code_tables

    sample = _peek(source, SAMPLE_ROWS)
    if source.format in ("json", "ndjson"):  # every key of the sampled records, not the first one's
        source.headers = json_columns(sample)
        sample = [(line, as_cells(r, source.headers)) for line, r in sample]
    plans = plan_columns(source.headers, map_overrides, file_overrides)
    _check_map_headers(source, map_overrides)
    result = ImportPlan(plans)
    repeats = header_repeats(source.headers) if source.header_line is not None else None
    if repeats is not None:  # a page's header repeated inside the file is no row: not evidence either
        sample = [(line, r) for line, r in sample if r.__class__ is not list or not repeats(r)]
    columns = _columns(sample, len(plans), empty_spellings(options.empty_markers))
    for plan in plans:
        values = columns.get(plan.index)
        if values:
            result.first_values[plan.index] = values[0][1]
    tables = _code_tables(conn, options.value_aliases)
    _check_candidates(plans, columns, len(sample), tables, now, result)
    several = ref_of_several_complaints(plans, sample)
    if several is not None:
        result.warnings.append(several)
    _second_subject_as_description(plans, columns, result)
    joined = find_time_of_day(plans, columns)
    if joined is not None:
        result.decided_by_values["received_time"] = joined
    for plan in plans:
        if plan.field == EXTRA and plan.rank > 0 and business_time(plan.header):
            result.warnings.append(L_(
                "column {column!r} is a length of business time (the desk's working hours, which the file does "
                "not give): no span of the clock from received, so no time is made of it; kept in extra",
                column=plan.header))
    name_extra_keys(plans)
    result.replies = find_replies(plans, columns, len(sample))
    if result.replies is not None and result.replies.link is not None:
        collector = None if options.follow_ups_as_complaints else \
            ThreadCollector(plans, result.replies.index, result.replies.values, result.replies.link)
        result.reply_times = answered_times(source, plans, result.replies.index, result.replies.values,
                                            result.replies.link, collector)
        result.threads = collector.finish() if collector is not None else None
    if not options.group_by_ref:
        result.snapshots = find_snapshots(plans, sample)
    orders = decide_orders(plans, columns, options.dayfirst, source)
    result.dayfirst_of = orders.dayfirst_of
    result.date_orders, result.mixed_dates = orders.date_orders, orders.mixed
    result.warnings += orders.warnings
    result.zoneless_times = any(not _ZONED.search(value) for plan in plans if plan.field in DATE_FIELDS
                                for _, value in columns.get(plan.index, ()))
    try:
        if orders.question is not None:
            raise orders.question
        _require_content(source, plans, options, result)
    except InvalidInput as exc:
        if require:
            raise
        result.warnings.append(L_("the import would stop here: {message} ({hint})", message=exc.message, hint=exc.hint)
                               if exc.hint else L_("the import would stop here: {message}", message=exc.message))
    return result


def _peek(source: Source, n: int) -> list[tuple[int, Any]]:
    """The first ``n`` records, put back in front of the rest. An unreadable line met while
    peeking is raised where it stands, after the records before it."""
    records = source.records()
    sample: list = []
    error = None
    try:
        sample.extend(islice(records, n))
    except InvalidInput as exc:
        error = exc

    def rest():
        if error is not None:
            raise error
        yield from records

    source._records = chain(sample, rest())
    source.sampled = (len(sample), source.bytes_read)  # rows per byte, for the expected size of the import
    return sample


def _columns(sample: list, width: int, empty: frozenset[str]) -> dict[int, list[tuple[int, str]]]:
    """{column index: [(line, value), ...]} of the sample's non-empty cells."""
    columns: dict[int, list[tuple[int, str]]] = {}
    for line, record in sample:
        if record.__class__ is not list:
            continue
        for i, cell in enumerate(record[:width]):
            text = cell.strip()
            if text and text not in empty:
                columns.setdefault(i, []).append((line, text))
    return columns


def _check_candidates(plans: list[ColumnPlan], columns: dict, rows: int, tables: dict, now: datetime,
                      result: ImportPlan) -> None:
    """Every field read from a column that was not named by the user: used only when its values back
    it (intake/evidence.py); else set aside (kept in extra) and the next candidate is tried. A column
    whose values say it is another field (a resolution column of `Done`, `Won't Do`: the outcome)
    takes that field when nothing else has it."""
    by_field: dict[str, list[ColumnPlan]] = {}
    for plan in plans:
        if plan.candidate:
            by_field.setdefault(plan.candidate, []).append(plan)
    instead: list[tuple[ColumnPlan, str]] = []
    for field_name, found in by_field.items():
        candidates = order(found, field_name, columns, now)
        if candidates[0].rank == 0:
            candidates[0].evidence = L_("given")
            continue
        winner = None
        set_aside = []
        lenient = not any(judge(p, field_name, columns.get(p.index, []), rows, tables, now).ok for p in candidates)
        for plan in candidates:
            verdict = judge(plan, field_name, columns.get(plan.index, []), rows, tables, now, lenient)
            if not verdict.ok and winner is None and plan is candidates[-1] and field_name not in ROW_FIELDS and \
                    all(not columns.get(p.index) for p in candidates) and rows:
                verdict.ok = True  # no candidate has a value: the one named keeps a field that changes nothing
            plan.evidence = verdict.evidence
            if winner is None and verdict.ok:
                winner = plan
                continue
            if verdict.instead:
                instead.append((plan, verdict.instead))
            if winner is None and (plan.rank == 1 or plan is candidates[0]) and verdict.evidence.startswith(
                    ("no values", "almost empty")) is False:
                set_aside.append((plan, verdict.misfits))  # warned about: an alias, or the first guess
            reason = verdict.evidence if not verdict.evidence[:1].isdigit() else L_(
                "its values are not {field} values", field=Field(field_name))
            plan.how = L_("set aside: {reason} (kept in extra)", reason=reason) if not verdict.ok or winner is None else \
                L_("{how}, but {header!r} was preferred (kept in extra)", how=_plain_how(plan), header=winner.header)
        for plan in candidates:
            if plan is winner:
                if plan is not found[0] and len(found) > 1:
                    others = [p.header for p in found if p is not plan][:2]
                    plan.how = L_("{how}; preferred to {others}: {why}", how=_plain_how(plan),
                                  others=", ".join(map(repr, others)), why=_preference(field_name, plan))
                plan.field = field_name
            else:
                plan.field = EXTRA
        for plan, misfits in set_aside:
            result.warnings.append(_looked_like(plan, field_name, misfits, winner))
    taken = {p.field for p in plans if p.field not in (EXTRA, IGNORED)}
    for plan, other in instead:
        if other not in taken and plan.field == EXTRA:
            plan.field = other
            plan.how = L_("read as {field}: {evidence}", field=Field(other), evidence=plan.evidence)
            taken.add(other)
            result.warnings = [w for w in result.warnings if not w.startswith(f"column {plan.header!r} looked like")]
    for plan in plans:
        if plan.field == "company" and plan.rank > 0 and no_customer(plans):
            plan.field = EXTRA
            plan.how = L_("set aside: the file names no customer, so a company in it is not theirs (kept in extra)")
    result.decided_by_values = find_by_values(plans, columns, rows, tables, now)


LONG_TEXT = 40  # characters on the median: a complaint's account, not a title


def _second_subject_as_description(plans: list[ColumnPlan], columns: dict, result: ImportPlan) -> None:
    """A file with two columns named like a subject (`title`, `summary`) and none like a
    description: the one of long text (LONG_TEXT characters on the median, three times the
    subject's) is the complaint's account, read as the description rather than set aside where
    `show` never prints it (a consumer-complaint site's export: title = the company, summary =
    the complaint)."""
    if any(p.field == "description" for p in plans):
        return
    subject = next((p for p in plans if p.field == "subject"), None)
    if subject is None:
        return

    def median_length(plan: ColumnPlan) -> float:
        lengths = sorted(len(v) for _, v in columns.get(plan.index, ()))
        return lengths[len(lengths) // 2] if lengths else 0

    titled = median_length(subject)
    for plan in plans:
        if plan.field == EXTRA and plan.candidate == "subject" and plan.rank > 0:
            length = median_length(plan)
            if length >= LONG_TEXT and length >= 3 * max(titled, 1):
                plan.field = "description"
                plan.how = L_("read as description: a second subject column, of long text ({n} characters on the "
                              "median), where the file has no description column", n=length)
                result.warnings.append(L_("column {column!r} read as the description: a second subject column, of "
                                          "long text, where the file has no description column ({map} "
                                          "\"{column}=extra\" keeps it aside)", column=plan.header, map=Input("map")))
                return


def _plain_how(plan: ColumnPlan):
    """How a column was first read (an alias, a header word), without what a later decision added."""
    how: Any = plan.how  # a Message whose fields hold the earlier how, or plain text
    while getattr(how, "msgid", "").startswith(("{how}, but", "{how}; preferred")):
        how = how.fields["how"]
    return how if hasattr(how, "msgid") else how.split(", but")[0]


def _looked_like(plan: ColumnPlan, field_name: str, misfits, winner: ColumnPlan | None):
    """The warning for a column set aside: what it looked like, why its values do not back it, what
    is read instead, and the --map that reads it so anyway."""
    examples = L_("; e.g. {values}", values=Listed(repr(v) for v in misfits)) if misfits else ""
    instead = L_("; {header!r} is read as {field} instead", header=winner.header, field=Field(field_name)) \
        if winner else ""
    return L_("column {column!r} looked like {field} ({why}), but its values do not back it ({evidence}{examples}): "
              "kept in extra{instead}. {map} \"{column}={code}\" reads it as {field} anyway", column=plan.header,
              field=Field(field_name), code=field_name, why=_why(plan), evidence=plan.evidence, examples=examples,
              instead=instead, map=Input("map"))


def _why(plan: ColumnPlan):
    from complaintctl.core.intake.headers import guess_field
    from complaintctl.core.intake.mapping import header_field

    if header_field(plan.header):
        return L_("its header is an alias")
    guess = guess_field(plan.header)
    return L_("from the word {word!r}", word=guess[1]) if guess else L_("from its header")


def _preference(field_name: str, plan: ColumnPlan) -> str:
    if field_name == "received":
        return {2: L_("its header says received or created"), 1: L_("a date, not an incident's own time"),
                0: L_("the only one whose values back it")}[strength("received", plan.header)]
    return L_("its values back it") if plan.evidence else L_("its header names it more plainly")


def _require_content(source: Source, plans: list[ColumnPlan], options: ImportOptions, result: ImportPlan) -> None:
    """A file must say what each complaint is and when it came; else stop before any row."""
    subjects = subject_source(plans)
    shown = Listed([*source.headers[:12], *(["..."] if len(source.headers) > 12 else [])])
    mapped = {p.field for p in plans if p.extra_key is None}
    if subjects == "description":
        result.warnings.append(L_("no subject column: each complaint's subject is the start of its description"))
    elif subjects is None and mapped & {"category", "ref"}:
        result.warnings.append(
            L_("no subject or description column: each complaint's subject is its category as written, else "
               "\"(no subject)\" and its ref") if "category" in mapped else
            L_("no subject or description column: each complaint's subject is \"(no subject)\" and its ref"))
    elif subjects is None:
        raise InvalidInput(L_("{file}: no column is read as the subject, the description, the category or the "
                              "ref (headers: {headers})", file=source.name, headers=shown),
                           hint=L_("map one with {map} \"HEADER=subject\"; {show_mapping} shows how each header is "
                                   "read", map=Input("map"), show_mapping=Input("show_mapping")))
    has_received = any(p.field == "received" for p in plans)
    if not has_received and "received" not in options.defaults and not options.received_now:
        raise InvalidInput(
            L_("{file}: no column is read as the received time (headers: {headers}); complaints without one "
               "would all be dated now, which would falsify their history", file=source.name, headers=shown),
            hint=L_("map the column with {map} \"HEADER=received\", or give one time for every row with "
                    "{set} received=2026-11-03, or {received_now} to stamp the import time on purpose",
                    map=Input("map"), set=Input("set"), received_now=Input("received_now")))
    for p in plans:
        if p.how.startswith("duplicate") and p.field == EXTRA:  # not one that took its field after all
            result.warnings.append(L_("column {column!r} repeats a field; kept in extra as {key!r}", column=p.header,
                                      key=p.extra_key))

