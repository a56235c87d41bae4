"""The reader's half of an import: one record's cells -> a converted, validated row, ready
for the writer. Needs no database once built, so it can run in the reader process."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
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
    LIFECYCLE_CODES,
    MEMO_LIMIT,
    STEPS,
    TAG_SEPARATORS,
    ReadStats,
    RowError,
    _first_error,
    _make_consistent,
    _parse_extra,
    _remember,
    _special,
    empty_spellings,
    sort_contacts,
    subject_from_description,
)
from complaintctl.core.intake.customer_cache import customer_keys
from complaintctl.core.intake.mapping import IGNORED, ColumnPlan
from complaintctl.core.intake.options import ImportOptions
from complaintctl.core.people.matching import looks_scientific, normalize_phone
from complaintctl.core.record.dates import CLOCK_SKEW, number_moment, parse_when, to_iso
from complaintctl.core.sla import clock as sla
from complaintctl.core.taxonomy.labels import IMPLIED_OUTCOME, LabelResolver, resolve_in
from complaintctl.errors import ComplaintError, InvalidInput
from complaintctl.spreadsheet import FORMULA_START
from complaintctl.store.engine import Connection

UTC = timezone.utc
DUE_MEMO_LIMIT = 60_000  # received hours x severities: ~7 years of hours for 4 severities, ~12 MB


def _code_tables(conn: Connection, extra: dict[str, dict[str, str]]) -> dict[str, dict[str, str]]:
    """{kind: {label key: code}}, loaded whole now: the reader process has no database."""
    resolver = LabelResolver(conn, extra)
    return {kind: resolver.table(kind) for kind in set(CODE_FIELDS.values())}


class RowReader:
    """Turns the values of one record into a validated row dict, or raises RowError."""

    def __init__(self, conn: Connection, plans: list[ColumnPlan], options: ImportOptions,
                 now: datetime):
        from pydantic import ValidationError

        from complaintctl.core.intake.models import ROW_ADAPTER

        # pydantic-core's validator itself: TypeAdapter.validate_python adds a Python-level call
        core = getattr(ROW_ADAPTER, "validator", None)
        self.validate = core.validate_python if hasattr(core, "validate_python") else ROW_ADAPTER.validate_python
        self.validation_error = ValidationError
        self._offsets: dict[str, timedelta] = {}
        self.width = len(plans)
        self.codes = _code_tables(conn, options.value_aliases)
        self.valid_codes = {kind: ", ".join(sorted(set(t.values()))) for kind, t in self.codes.items()}
        self.unknown_labels: dict[tuple[str, str], None] = {}  # (kind, spelling) known to name nothing
        self.dayfirst = bool(options.dayfirst)  # for any date column not decided below
        self.dayfirst_of: dict[str, bool] = dict(options.dayfirst_of)  # per field, decided from its values
        self.empty = empty_spellings(options.empty_markers)
        self.empty_len = max(map(len, self.empty))  # longer cells are not hashed to be looked up
        self.received_now = options.received_now
        self.strict_labels = options.strict  # --strict: an unknown label rejects its row
        self.stats = ReadStats()
        self.now = now
        self.now_iso = to_iso(now)
        self.latest_iso = to_iso(now + CLOCK_SKEW)
        # one step per CSV column, in column order: how to convert it, and into what
        self.cell_steps: list[tuple] = [(_SKIP, None, None)] * (max((p.index for p in plans), default=-1) + 1)
        for p in plans:
            if p.field != IGNORED:
                self.cell_steps[p.index] = (_EXTRA_COLUMN, p.extra_key, None) if p.extra_key is not None \
                    else STEPS[p.field]
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
            if step[0] == _CODE and resolve_in(self.codes[step[1]], value) is None:
                raise InvalidInput(f"--set {step[2]}={value}: unknown {step[2]} {value!r}",
                                   hint=f"valid: {self.valid_codes[step[1]]}")
            try:
                self._convert(iter([(step, value), (STEPS["subject"], "x")]), None)
            except RowError as exc:
                raise InvalidInput(f"--set {step[2]}={value}: {exc}") from None

    def prepare(self, line: int, row: dict[str, Any], fingerprint: int, cells: Any) -> tuple:
        """One record, ready for the writer: (line, fingerprint, ref, status, columns, values, customer,
        assignee, tags, original values, raw labels ((field, label), ...) or None, the line of an
        earlier row of the file with the same ref (or, without one, the same fingerprint) or None).
        ``columns`` names the complaint columns this row has values for, in ``values``' order; rows
        of one shape share one ``columns`` tuple, so it crosses to the writer once per batch and the
        writer binds only what is there.
        Everything that needs no database happens here, so that it can run in the reader
        process; the original values travel only where the writer may still reject the row
        (an unknown duplicate_of)."""
        pop = row.pop
        email_n, phone_n = pop("_email"), pop("_phone")
        raw = pop("_raw", None)
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
        earlier = seen.setdefault(key, line)
        earlier = None if earlier == line else earlier
        return (line, fingerprint, ref, row["status"], columns, tuple(row.values()), person,
                row.get("assignee"), tags, cells if earlier is not None or "duplicate_of" in row else None, raw,
                earlier)

    def add_due_times(self, row: dict) -> None:
        """Add the due times as `refresh_sla` computes them from this row's one `imported` event (one
        status change, at import time, so no pause has run yet). Wall-clock targets take a
        fast path; business time goes through the full clock."""
        received = row["received_at"]
        severity = row.get("severity")
        fast = self.sla_fast.get(severity)
        if fast is not None:
            if severity in self.sla_hourly:
                key = received[:13] + (severity or "")
                hours = self._due.get(key)
                if hours is None:
                    start = datetime.fromisoformat(received[:13] + ":00:00")
                    hours = _remember(self._due, key, ((start + fast[0]).isoformat()[:13],
                                                       (start + fast[1]).isoformat()[:13]), DUE_MEMO_LIMIT)
                respond_due, resolve_due = hours[0] + received[13:], hours[1] + received[13:]
            else:
                start = datetime.fromisoformat(received[:19])
                respond_due = (start + fast[0]).isoformat()[:19] + "Z"
                resolve_due = (start + fast[1]).isoformat()[:19] + "Z"
            row["respond_due_at"] = respond_due
            row["resolve_due_at"] = resolve_due
            first, resolved = row.get("first_response_at"), row.get("resolved_at")
            if first is not None and first <= self.now_iso:
                row["responded_late"] = int(first > respond_due)
            if resolved is not None and resolved <= self.now_iso:
                row["resolved_late"] = int(resolved > resolve_due)
            if row["status"] == "waiting":
                row["paused_since"] = self.now_iso
            return
        from complaintctl.core.record.dates import from_iso
        from complaintctl.core.sla.due import stored_values

        ctx = self.sla_context
        respond, resolve = ctx.targets.get(severity, (None, None))
        state = sla.compute_state(
            received_at=from_iso(received), respond=respond, resolve=resolve,
            status_changes=[(self.now, None, row["status"])],
            first_response_at=from_iso(row["first_response_at"]) if "first_response_at" in row else None,
            resolved_at=from_iso(row["resolved_at"]) if "resolved_at" in row else None,
            cal=ctx.calendar, as_of=self.now)
        values = stored_values(state)
        if not values["paused_minutes"]:
            del values["paused_minutes"]
        row.update((k, v) for k, v in values.items() if v is not None)

    def _moment(self, name: str, text: str) -> str:
        """Any accepted time -> canonical UTC text; the common shapes without datetime math."""
        n = len(text)
        iso = None
        if n == 20 and text[10] == "T" and text[19] in "Zz":
            try:
                datetime.fromisoformat(text[:19])  # canonical UTC already: check it, keep it
                iso = text[:19] + "Z"
            except ValueError:
                pass
        elif n in (16, 19) and text[4] == "-" and text[10] in " T":
            try:
                moment = datetime.fromisoformat(text)
            except ValueError:
                moment = None
            if moment is not None:
                # Local time: the offset is looked up once per local hour (DST-safe);
                # astimezone() per row would be the slowest step of the import.
                hour = text[:13]
                offset = self._offsets.get(hour)
                if offset is None:
                    offset = moment.astimezone().utcoffset()
                    if len(self._offsets) < 100_000:
                        self._offsets[hour] = offset
                if not offset:
                    iso = f"{text[:10]}T{text[11:16]}{text[16:19] if n == 19 else ':00'}Z"
                else:
                    iso = (moment - offset).isoformat()[:19] + "Z"
        if iso is None:
            clean = text[:-1] + "+00:00" if text.endswith(("Z", "z")) else text
            try:
                moment = datetime.fromisoformat(clean)
                moment = moment.astimezone(UTC) if moment.tzinfo else moment.astimezone().astimezone(UTC)
            except ValueError:
                moment = number_moment(text) if text[0].isdigit() and text[-1].isdigit() else None
                if moment is None:
                    try:
                        moment = parse_when(text, now=self.now, periods=False, dayfirst=self.dayfirst_of.get(name, self.dayfirst),
                                            what=name)
                    except ComplaintError as exc:
                        raise RowError(exc.message) from None
                else:
                    moment = moment.astimezone(UTC)
            iso = moment.isoformat()[:19] + "Z"
        if iso > self.latest_iso:
            raise RowError(f"{name} {text!r} is in the future")
        if iso < "1970":
            raise RowError(f"{name} {text!r} is before 1970: impossible date or time")
        return iso

    def row_from_cells(self, cells: list[str]) -> tuple[dict, int]:
        """``row()`` for one CSV record: its cells are read in column order through the
        column plan, without building an intermediate dict."""
        n = len(cells)
        if n > self.width and any(c is not None and str(c).strip() for c in cells[self.width:]):
            raise RowError(f"row has {n} fields but the header has {self.width} "
                           "(an unquoted delimiter inside a value?)")
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
                    if name == "category":
                        data["_category_text"] = text  # a subject for a row that has no other (below)
                    table = codes[arg]
                    code = table.get(text)
                    if code is None:
                        code = self._unseen_label(data, arg, name, text)
                        if code is None:
                            continue  # imported unclassified in this field, the label kept
                    if name == "status" and text.lower() in IMPLIED_OUTCOME:
                        data.setdefault("outcome", IMPLIED_OUTCOME[text.lower()])
                    data[name] = code
                elif how == _DATE:
                    try:
                        data[arg] = self._moment(name, text)
                    except OverflowError:  # 9999-12-31T23:59:59-12:00 is in the year 10000 in UTC
                        raise RowError(f"{name} {text!r} is out of range") from None
                elif how == _SUBJECT:
                    data[name] = " ".join(text.split()) if ("  " in text or "\n" in text or "\t" in text) else text
                else:
                    data[name] = _special(name, text)
            elif how == _TAGS:
                tags = self._tags.get(raw) if raw.__class__ is str else None
                if tags is None:
                    items = raw if isinstance(raw, list) else TAG_SEPARATORS.split(str(raw))
                    tags = sorted({" ".join(str(t).split()).lower() for t in items} - {""})
                    if raw.__class__ is str:
                        _remember(self._tags, raw, tags, MEMO_LIMIT)
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
        if extra_json:
            extra = {**extra_json, **extra} if extra else extra_json
        if extra:
            data["extra"] = extra
        received_given = data.get("received_at")
        self._fill_required(data)
        return self._validated(data, received_given)

    def _unseen_label(self, data: dict, kind: str, name: str, text: str) -> str | None:
        """The code of a label this import has not met yet (remembered for the next row), or None:
        the label is kept in the row's ``_raw`` and the field left unclassified (refused for a
        lifecycle code, or with strict labels)."""
        table = self.codes[kind]
        code = None if (kind, text) in self.unknown_labels else resolve_in(table, text)
        if code is not None:
            table[text] = code  # the next row with this spelling finds it at once
            return code
        if len(self.unknown_labels) < MEMO_LIMIT:
            self.unknown_labels[(kind, text)] = None
        if self.strict_labels or name in LIFECYCLE_CODES:
            raise RowError(f"unknown {name} {text!r} (valid: {self.valid_codes[kind]})")
        data.setdefault("_raw", {})[name] = text[:200]
        return None

    def _fill_required(self, data: dict) -> None:
        """A received time (the import's own only when asked) and a subject (from the description,
        else the category cell as written)."""
        if data.get("received_at") is None:
            if not self.received_now:
                raise RowError("no received time (never filled in with the import time unless asked: "
                               "--received-now, or --set received=TIME)")
            data["received_at"] = self.now_iso
            self.stats.stamped += 1
        kind = data.pop("_category_text", None)
        if "subject" not in data:
            description = data.get("description")
            if description:
                data["subject"] = subject_from_description(description)
            elif kind:  # 311's `Encampment` with a descriptor of N/A: a complaint, titled by its kind
                data["subject"] = subject_from_description(kind)
                self.stats.from_category += 1
            else:
                raise RowError("subject is empty (and there is no description or category to take one from)")

    def _validated(self, data: dict, received_given: str | None) -> tuple[dict, int]:
        """The validated row with its normalised email and phone (for matching), and its fingerprint."""
        raw = data.pop("_raw", None)
        try:
            row = self.validate(data)
        except self.validation_error as exc:
            raise RowError(_first_error(exc)) from None
        _make_consistent(row)
        if raw:
            row["_raw"] = raw
        email = row.get("email")
        phone = row.get("phone")
        row["_email"] = email_n = email.strip().lower() if email else None
        if phone:
            phone_n = self._phones.get(phone)
            if phone_n is None:
                if looks_scientific(phone):
                    raise RowError(f"phone {phone!r} was written in scientific notation by a spreadsheet "
                                   "and has lost its digits (format the column as text and export again)")
                phone_n = _remember(self._phones, phone, normalize_phone(phone), MEMO_LIMIT)
        else:
            phone_n = None
        row["_phone"] = phone_n
        digest = hashlib.blake2b("\x1f".join((
            row["subject"], received_given or "", email_n or "", phone_n or "", row.get("customer", ""),
            row.get("description", ""), row.get("channel", ""),
        )).encode("utf-8"), digest_size=8).digest()
        return row, int.from_bytes(digest, "big", signed=True)
