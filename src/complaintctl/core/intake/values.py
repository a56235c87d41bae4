"""The reader's half of an import: one record's cells -> a converted, validated row, ready
for the writer. Needs no database once built, so it can run in the reader process."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime, timedelta
from itertools import chain
from typing import Any

from complaintctl.core.intake.cells import (
    _CODE,
    _DATE,
    _EXTRA,
    _EXTRA_COLUMN,
    _SKIP,
    _SPECIAL,
    _SUBJECT,
    _TAGS,
    _TEXT,
    CODE_FIELDS,
    FACT_FIELDS,
    MEMO_LIMIT,
    STEPS,
    TAG_SEPARATORS,
    NeverDate,
    ReadStats,
    RowError,
    _parse_extra,
    _remember,
    _special,
    agent_names,
    empty_spellings,
    sort_contacts,
)
from complaintctl.core.intake.completing import RowCompletion
from complaintctl.core.intake.customer_cache import customer_keys
from complaintctl.core.intake.mapping import IGNORED, ColumnPlan
from complaintctl.core.intake.options import ImportOptions
from complaintctl.core.intake.prepared import PreparedRow
from complaintctl.core.intake.times import RowTimes
from complaintctl.core.intake.whole import set_aside
from complaintctl.core.record.dates import CLOCK_SKEW, to_iso
from complaintctl.core.sla import clock as sla
from complaintctl.core.taxonomy.labels import IMPLIED_OUTCOME, LabelResolver, named_by_part, resolve_in
from complaintctl.errors import InvalidInput
from complaintctl.i18n import L_
from complaintctl.i18n.said import Field, Input
from complaintctl.spreadsheet import FORMULA_START
from complaintctl.store.engine import Connection


def _code_tables(conn: Connection, extra: dict[str, dict[str, str]]) -> dict[str, dict[str, str]]:
    """{kind: {label key: code}}, loaded whole now: the reader process has no database."""
    resolver = LabelResolver(conn, extra)
    return {kind: resolver.table(kind) for kind in set(CODE_FIELDS.values())}


class RowReader(RowTimes, RowCompletion):
    """Turns the values of one record into a validated row dict, or raises RowError."""

    def __init__(self, conn: Connection, plans: list[ColumnPlan], options: ImportOptions,
                 now: datetime):
        from pydantic import ValidationError

        from complaintctl.core.intake.models import ROW_ADAPTER

        # pydantic-core's validator itself: TypeAdapter.validate_python adds a Python-level call
        core = getattr(getattr(ROW_ADAPTER, "validator", None), "validate_python", None)
        self.validate = core if core is not None else ROW_ADAPTER.validate_python
        self.validation_error = ValidationError
        self._offsets: dict[str, timedelta] = {}
        self.width = len(plans)
        self.codes = _code_tables(conn, options.value_aliases)
        self.valid_codes = {kind: ", ".join(sorted(set(t.values()))) for kind, t in self.codes.items()}
        self.unknown_labels: dict[tuple[str, str], None] = {}  # (kind, spelling) known to name nothing
        self.by_part: dict[tuple[str, str], str] = {}  # (kind, spelling) -> the code one of its parts names
        self.dayfirst = bool(options.dayfirst)  # for any date column not decided below
        self.dayfirst_of: dict[str, bool] = dict(options.dayfirst_of)  # per field, decided from its values
        self.mixed_dates = frozenset(options.mixed_dates)  # fields whose values prove both orders: per value
        self.given_order = options.dayfirst  # --dayfirst/--monthfirst, or None
        self.replies = options.replies  # how to tell the company's replies (intake/replies.py), or None
        self.empty = empty_spellings(options.empty_markers)
        self.empty_len = max(map(len, self.empty))  # longer cells are not hashed to be looked up
        self.received_now = options.received_now
        self.strict_labels = options.strict  # --strict: an unknown label rejects its row
        self.group_by_ref = options.group_by_ref
        self.newest_snapshots = options.newest_snapshots and not options.group_by_ref
        self.reply_times = options.reply_times  # ref -> its earliest reply's time (intake/answers.py)
        self.threads = options.threads  # customers' follow-ups in their complaints' threads (intake/threads.py)
        self.stats = ReadStats()
        self.now = now
        self.now_iso = to_iso(now)
        self.latest_iso = to_iso(now + CLOCK_SKEW)
        # one step per CSV column, in column order: how to convert it, and into what
        self.cell_steps: list[tuple] = [(_SKIP, None, None)] * (max((p.index for p in plans), default=-1) + 1)
        for p in plans:
            if p.field != IGNORED:
                self.cell_steps[p.index] = (_EXTRA_COLUMN, p.extra_key, None) if p.extra_key is not None \
                    else (_SPECIAL, p.header, p.field) if p.field in FACT_FIELDS else STEPS[p.field]
        self._shapes: dict[tuple, tuple] = {}
        # --set / [defaults]: read before the row's own cells, which win wherever they hold a value
        self.default_pairs = [(STEPS[name], value) for name, value in options.defaults.items()]
        # Per-import memos of what repeats from row to row (bounded: cleared when full).
        self._phones: dict[str, str | None] = {}
        self._tags: dict[str, list[str]] = {}
        self._due: dict[str, tuple[str, str]] = {}
        # Rows met so far in this file, by ref (hashed) or, without one, fingerprint -> first line:
        # a later row with the same key is an in-file duplicate, sent with its cells to be compared.
        self._seen_refs: dict[int, int] = {}
        self._seen_prints: dict[int, int] = {}
        from complaintctl.core.sla.due import SlaContext

        self.sla_context = SlaContext(conn)
        cal = self.sla_context.calendar
        self.sla_fast = {
            code: (timedelta(minutes=sla.nominal_minutes(r)), timedelta(minutes=sla.nominal_minutes(v)))
            for code, (r, v) in self.sla_context.targets.items()
            if cal is None or not (r.business or v.business)}
        # whole-hour targets: the due times of one received hour share all but minutes and seconds
        self.sla_hourly = {code for code, (r, v) in self.sla_fast.items()
                           if not r % timedelta(hours=1) and not v % timedelta(hours=1)}
        for step, value in self.default_pairs:  # a bad default would reject every row: say so once
            kind = step[1]  # a code's kind: set for every code step
            if step[0] == _CODE and kind is not None and resolve_in(self.codes[kind], value) is None:
                raise InvalidInput(L_("{set} {field}={value}: unknown {field} {value!r}", set=Input("set"),
                                      field=step[2], value=value),
                                   hint=L_("valid: {codes}", codes=self.valid_codes[kind]))
            try:
                self._convert(iter([(step, value), (STEPS["subject"], "x")]), None)
            except RowError as exc:
                raise InvalidInput(L_("{set} {field}={value}: {why}", set=Input("set"), field=step[2], value=value,
                                      why=exc.reason)) from None

    def prepare(self, line: int, row: dict[str, Any], fingerprint: int, cells: Any) -> PreparedRow:
        """One record, ready for the writer (intake/prepared.py says what each field holds).
        ``columns`` names the complaint columns this row has values for, in ``values``' order; rows
        of one shape share one ``columns`` tuple, so it crosses to the writer once per batch and the
        writer binds only what is there.
        Everything that needs no database happens here, so that it can run in the reader
        process; the original values travel only where the writer may still reject the row
        (an unknown duplicate_of)."""
        pop = row.pop
        email_n, phone_n = pop("_email"), pop("_phone")
        raw = pop("_raw", None)
        facts = pop("_facts", None)
        assignee_name = pop("_assignee_name", None)
        if raw:
            raw = tuple(raw.items())
        name, email, phone, company = pop("customer", None), pop("email", None), pop("phone", None), \
            pop("company", None)
        tags = pop("tags", ())
        if "customer_accepted" in row:
            row["customer_accepted"] = int(row["customer_accepted"])
        if "extra" in row:
            row["extra"] = json.dumps(row["extra"], ensure_ascii=False, sort_keys=True)
        if "updated_at" in row:
            row["source_updated_at"] = pop("updated_at")
        if "severity" in row or None in self.sla_context.targets:  # no severity: the default's (sla default)
            self.add_due_times(row)
        elif row["status"] == "waiting":  # no clock, but waiting all the same, as its event says
            row["paused_since"] = self.now_iso
        person = None
        if name or email or phone or company:
            person = (customer_keys(name, company, email_n if email else None, phone_n if phone else None),
                      name, email, phone, company, email_n, phone_n)
        shape = tuple(row)
        columns = self._shapes.get(shape)
        if columns is None:
            columns = shape
            if len(self._shapes) < MEMO_LIMIT:  # a file has a handful of shapes; a hostile one, no more
                self._shapes[shape] = shape
        ref = row.get("ref")
        seen, key = (self._seen_refs, hash(ref)) if ref else (self._seen_prints, fingerprint)
        # by membership, not by line: every record of a JSON array written on one line starts on line 1
        earlier = seen.get(key)
        if earlier is None:
            seen[key] = line
        # _make: a third of the cost of PreparedRow(...)'s 14 arguments, once a row (0.2 µs against 0.56)
        return PreparedRow._make((line, fingerprint, ref, row["status"], columns, tuple(row.values()), person,
                                  row.get("assignee"), tags,
                                  cells if earlier is not None or "duplicate_of" in row else None, raw, earlier,
                                  assignee_name, tuple(facts) if facts else None))

    def row_from_cells(self, cells: list[str]) -> tuple[dict, int]:
        """``row()`` for one CSV record: its cells are read in column order through the
        column plan, without building an intermediate dict."""
        n = len(cells)
        if n > self.width and any(c is not None and str(c).strip() for c in cells[self.width:]):
            raise RowError(_too_many(n, self.width))
        pairs = zip(self.cell_steps, cells, strict=False)  # short rows: cells end early
        return self._convert(chain(self.default_pairs, pairs) if self.default_pairs else pairs, None)

    def row(self, values: dict[str, Any]) -> tuple[dict, int]:
        """(validated row, fingerprint) from field values (JSON records). The row carries the
        normalised email and phone under ``_email`` and ``_phone`` for customer matching."""
        extra = values.pop("_extra_columns", None)
        pairs = zip(map(STEPS.__getitem__, values), values.values(), strict=True)
        return self._convert(chain(self.default_pairs, pairs) if self.default_pairs else pairs, extra)

    def _convert(self, pairs: Iterator[tuple[tuple, Any]], extra: dict[str, Any] | None) -> tuple[dict, int]:
        """Convert ((how, arg, field), raw value) pairs, validate, and fingerprint."""
        return self.complete(self._read(pairs, extra))

    def data_from_cells(self, cells: list[str]) -> dict:
        """One CSV record's values, converted but not yet completed (``complete``): what
        --group-by-ref joins with the other rows of its ref."""
        n = len(cells)
        if n > self.width and any(c is not None and str(c).strip() for c in cells[self.width:]):
            raise RowError(_too_many(n, self.width))
        pairs = zip(self.cell_steps, cells, strict=False)
        return self._read(chain(self.default_pairs, pairs) if self.default_pairs else pairs, None)

    def data(self, values: dict[str, Any]) -> dict:
        """``data_from_cells`` for field values (JSON records)."""
        extra = values.pop("_extra_columns", None)
        pairs = zip(map(STEPS.__getitem__, values), values.values(), strict=True)
        return self._read(chain(self.default_pairs, pairs) if self.default_pairs else pairs, extra)

    def _read(self, pairs: Iterator[tuple[tuple, Any]], extra: dict[str, Any] | None) -> dict:
        """Convert ((how, arg, field), raw value) pairs into a row's values (not yet validated)."""
        data: dict[str, Any] = {}
        extra_json = None
        codes = self.codes
        empty, empty_len = self.empty, self.empty_len
        for (how, arg, name), raw in pairs:
            if not raw:
                continue
            if how <= _SPECIAL:
                text = (raw if raw.__class__ is str else str(raw)).strip()
                if not text:
                    continue
                first = text[0]
                if first == "'" and len(text) > 1 and text[1] in FORMULA_START:
                    text = text[1:]  # export's formula guard
                elif first == "=" and len(text) > 2 and text[1] == '"' and text[-1] == '"':
                    text = text[2:-1].replace('""', '"').strip()  # ="0123": Excel's keep-as-text trick
                    if not text:
                        continue
                if len(text) <= empty_len and text in empty:  # ?, -, N/A, NULL, 无, （空）...
                    self.stats.empty(name)
                    continue
                if how == _TEXT:
                    data[name] = text
                elif how == _CODE:
                    code = codes[arg].get(text)
                    if code is None or name == "category" or name == "status":
                        self._code_cell(data, arg, name, text, code)
                    else:
                        data[name] = code
                elif how == _DATE:
                    try:
                        data[arg] = self._moment(name, text)
                    except NeverDate:
                        self.stats.never_date(name)
                    except OverflowError:  # 9999-12-31T23:59:59-12:00 is in the year 10000 in UTC
                        self.stats.never_date(name)
                elif how == _SUBJECT:
                    data[name] = " ".join(text.split()) if ("  " in text or "\n" in text or "\t" in text) else text
                elif name == "assignee":
                    _assignee_cell(data, text)
                elif name in FACT_FIELDS:
                    self._fact_cell(data, name, arg, text)
                else:
                    try:
                        data[name] = _special(name, text)
                    except RowError:  # a yes/no or a number that is neither: a detail, kept
                        set_aside(data, name, text, self.stats)
            elif how == _TAGS:
                tags = self._tags.get(raw) if raw.__class__ is str else None
                if tags is None:
                    tags = self._new_tags(raw)
                if tags:
                    data["tags"] = tags  # shared between rows: validation copies it
            elif how == _EXTRA_COLUMN:  # a CSV column kept in extra, as it is
                if raw.strip():
                    if extra is None:
                        extra = {}
                    extra[arg] = raw
            elif how == _EXTRA:
                extra_json = _parse_extra(raw)
        extra = sort_contacts(data, extra)
        if "_other_assignees" in data or "_aside" in data or extra_json:
            extra = _gathered_extra(data, extra, extra_json)
        if extra:
            data["extra"] = extra
        return data

    def _code_cell(self, data: dict, kind: str, name: str, text: str, code: str | None) -> None:
        """A label cell: its code (a label not met before resolved and said), the category's text
        kept as a subject for a row that has no other, an outcome a status implies."""
        if name == "category":
            data["_category_text"] = text
        if code is None:
            code = self._unseen_label(data, kind, name, text)
            if code is None:
                return  # imported unclassified in this field, the label kept
        if name == "status" and text.lower() in IMPLIED_OUTCOME:
            data.setdefault("outcome", IMPLIED_OUTCOME[text.lower()])
        data[name] = code

    def _new_tags(self, raw: Any) -> list[str]:
        """A tags cell's tags, sorted and lower case (a text cell's remembered for the next row)."""
        items = raw if isinstance(raw, list) else TAG_SEPARATORS.split(str(raw))
        tags = sorted({" ".join(str(t).split()).lower() for t in items} - {""})
        if raw.__class__ is str:
            _remember(self._tags, raw, tags, MEMO_LIMIT)
        return tags

    def _fact_cell(self, data: dict, name: str, header: str | None, text: str) -> None:
        """A duration or a satisfaction score (facts.py), kept as written when it is neither."""
        from complaintctl.core.intake.facts import DURATIONS, SCORE_NONE, duration_minutes, satisfaction_score, unit_of

        header = header or name
        if name == "satisfaction":
            score = satisfaction_score(text)
            if score is None:
                data.setdefault("_aside", {})[header] = text  # into extra with the row's other columns
                self.stats.aside(SCORE_NONE)
            else:
                data["_satisfaction"] = (score, header, text)
            return
        target, unit = DURATIONS[name]
        minutes = duration_minutes(text, unit if unit is not None else unit_of(header))
        if minutes is None:
            set_aside(data, name, text, self.stats)
        else:
            data.setdefault("_durations", {})[target] = (minutes, header, text)

    def _keep_whole(self, data: dict, name: str, text: str, code: str) -> None:
        """A label read by one of its parts: its whole text kept in extra as ``{name}_as_given``."""
        aside = data.setdefault("_aside", {})
        key = f"{name}_as_given"
        aside[key] = f"{aside[key]}; {text}" if key in aside else text
        self.stats.by_part(name, text, code)

    def _unseen_label(self, data: dict, kind: str, name: str, text: str) -> str | None:
        """The code of a label this import has not met yet (remembered for the next row), or None:
        the label is kept in the row's ``_raw`` and the field left unclassified (refused for a
        lifecycle code, or with strict labels)."""
        table = self.codes[kind]
        code = self.by_part.get((kind, text))
        if code is None:
            code = None if (kind, text) in self.unknown_labels else resolve_in(table, text)
            if code is not None and named_by_part(table, text, code):
                # one part of several (`道歉赔偿/解释` -> explanation): the code is read and the whole
                # text kept, for this row and every later one (never cached as a plain label)
                if len(self.by_part) < MEMO_LIMIT:
                    self.by_part[(kind, text)] = code
                self._keep_whole(data, name, text, code)
                return code
        else:
            self._keep_whole(data, name, text, code)
            return code
        if code is not None:
            table[text] = code  # the next row with this spelling finds it at once
            return code
        if len(self.unknown_labels) < MEMO_LIMIT:
            self.unknown_labels[(kind, text)] = None
        if self.strict_labels:
            raise RowError(L_("unknown {name} {text!r} (valid: {valid})", name=Field(name), text=text,
                              valid=self.valid_codes[kind]))
        data.setdefault("_raw", {})[name] = text[:200]
        return None


def _too_many(n: int, width: int):
    return L_("row has {n} fields but the header has {width} (an unquoted delimiter inside a value?)", n=n, width=width)


def _assignee_cell(data: dict, text: str) -> None:
    """An assignee cell: the agent's handle, the name as written when it says more, and the other
    people a cell of several names holds (kept in extra)."""
    handle, written, others = agent_names(text)
    data["assignee"] = handle
    if written != handle.replace(".", " "):
        data["_assignee_name"] = written
    if others:
        data["_other_assignees"] = "; ".join(others)


def _gathered_extra(data: dict, extra: dict | None, extra_json: dict | None) -> dict | None:
    """The row's extra with the other assignees and the values set aside, under an extra column's JSON."""
    others = data.pop("_other_assignees", None)
    if others:
        extra = {**(extra or {}), "other_assignees": others}
    aside = data.pop("_aside", None)
    if aside:
        extra = {**(extra or {}), **aside}
    if extra_json:
        extra = {**extra_json, **extra} if extra else extra_json
    return extra
