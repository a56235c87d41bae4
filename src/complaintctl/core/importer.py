"""Batch import: every row validated, bad rows to a rejects file, good rows written in
batches, re-runs recognise what is already there (by ref, else by a content fingerprint)."""

from __future__ import annotations

import gc
import hashlib
import json
import re
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from itertools import chain, islice
from pathlib import Path
from typing import Any

from complaintctl.core import sla
from complaintctl.core.customers import looks_scientific, normalize_phone, split_mailbox
from complaintctl.core.dates import number_moment, parse_when, to_iso
from complaintctl.core.import_mapping import (
    EXTRA,
    IGNORED,
    VALUE_ALIASES,
    ColumnPlan,
    header_field,
    normalize_header,
    plan_columns,
    subject_source,
    to_simplified,
)
from complaintctl.core.import_source import Source
from complaintctl.errors import ComplaintError, InvalidInput

UTC = timezone.utc
CODE_FIELDS = {"channel": "channel", "remedy": "remedy", "category": "category",
               "severity": "severity", "cause": "cause", "personality": "personality",
               "motive": "motive", "status": "status", "outcome": "outcome", "told_via": "channel"}
DATE_FIELDS = {"received": "received_at", "closed": "closed_at", "first_response_at": "first_response_at",
               "resolved_at": "resolved_at", "updated_at": "updated_at"}
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
TAG_SEPARATORS = re.compile(r"[,;，；、|]")
MEMO_LIMIT = 20_000  # entries per reader memo: a few MB each at most
DUE_MEMO_LIMIT = 60_000  # received hours x severities: ~7 years of hours for 4 severities, ~12 MB
TRUE_WORDS = {"1", "true", "yes", "y", "是", "接受", "已接受", "满意", "同意"}
FALSE_WORDS = {"0", "false", "no", "n", "否", "不接受", "未接受", "不满意", "不同意"}
# Fields compared and written when a matched complaint is updated (--update).
UPDATABLE = ("received_at", "channel", "subject", "description", "remedy", "category", "severity",
             "cause", "personality", "motive", "status", "assignee", "resolution", "outcome",
             "closed_at", "first_response_at", "resolved_at", "told_via", "customer_accepted",
             "duplicate_of", "reopened_count", "extra", "customer_id")


class RowError(Exception):
    """Why one row cannot be imported."""


@dataclass
class ImportOptions:
    dry_run: bool = False
    strict: bool = False
    update: bool = False
    dayfirst: bool = False
    batch_size: int = 5000
    workers: int | None = None  # reader processes: None decides by input size, 0 reads in-process
    value_aliases: dict[str, dict[str, str]] = field(default_factory=dict)
    rejects_path: Path | None = None
    progress: Callable[[int, int], None] | None = None
    defaults: dict[str, str] = field(default_factory=dict)  # field -> value for rows that have none


@dataclass
class ImportSummary:
    source: str
    format: str
    encoding: str
    delimiter: str | None
    read: int = 0
    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: int = 0
    import_id: int | None = None
    rejects_path: str | None = None
    dry_run: bool = False
    aborted: bool = False
    agents_created: int = 0
    customers_created: int = 0
    warnings: list[str] = field(default_factory=list)
    sheet: str | None = None  # the worksheet read, for an Excel workbook
    reject_reasons: list[dict] = field(default_factory=list)  # the commonest, with counts

    def as_dict(self) -> dict:
        return {k: v for k, v in self.__dict__.items()}


def _code_tables(conn: sqlite3.Connection, extra: dict[str, dict[str, str]]) -> dict[str, dict[str, str]]:
    from complaintctl.core.taxonomy import KINDS

    tables: dict[str, dict[str, str]] = {}
    for kind in set(CODE_FIELDS.values()):
        lookup: dict[str, str] = {}
        rows = conn.execute(f"SELECT code, label_en, label_zh FROM {KINDS[kind].table} WHERE active = 1")
        valid = set()
        for code, en, zh in rows:
            valid.add(code)
            lookup[code] = code
            lookup[en.lower()] = code
            lookup[zh] = code
        for alias, code in VALUE_ALIASES.get(kind, {}).items():
            if code in valid:
                lookup.setdefault(alias.lower(), code)
        for alias, code in (extra.get(kind) or {}).items():
            if code not in valid:
                raise InvalidInput(f"mapping file: value alias {alias!r} -> unknown {kind} {code!r}")
            lookup[alias.strip().lower()] = code
        tables[kind] = lookup
    return tables


class RowReader:
    """Turns the values of one record into a validated row dict, or raises RowError."""

    def __init__(self, conn: sqlite3.Connection, plans: list[ColumnPlan], options: ImportOptions,
                 now: datetime):
        from pydantic import ValidationError

        from complaintctl.core.import_models import ROW_ADAPTER

        # pydantic-core's validator itself: TypeAdapter.validate_python adds a Python-level call
        core = getattr(ROW_ADAPTER, "validator", None)
        self.validate = core.validate_python if hasattr(core, "validate_python") else ROW_ADAPTER.validate_python
        self.validation_error = ValidationError
        self._offsets: dict[str, timedelta] = {}
        self.width = len(plans)
        self.codes = _code_tables(conn, options.value_aliases)
        self.valid_codes = {kind: ", ".join(sorted(set(t.values()))) for kind, t in self.codes.items()}
        self.dayfirst = options.dayfirst
        self.now = now
        self.now_iso = to_iso(now)
        self.latest_iso = to_iso(now + timedelta(minutes=5))
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
        from complaintctl.core.tracking import SlaContext

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
            try:
                self._convert(iter([(step, value), (STEPS["subject"], "x")]), None)
            except RowError as exc:
                raise InvalidInput(f"--set {step[2]}={value}: {exc}") from None

    def prepare(self, line: int, row: dict[str, Any], fingerprint: int, cells: Any) -> tuple:
        """One record, ready for the writer: (line, fingerprint, ref, status, columns, values, customer,
        assignee, tags, original values). ``columns`` names the complaint columns this row has
        values for, in ``values``' order; rows of one shape share one ``columns`` tuple, so it
        crosses to the writer once per batch and the writer binds only what is there.
        Everything that needs no database happens here, so that it can run in the reader
        process; the original values travel only where the writer may still reject the row
        (an unknown duplicate_of)."""
        pop = row.pop
        email_n, phone_n = pop("_email"), pop("_phone")
        name, email, phone, company = pop("customer", None), pop("email", None), pop("phone", None), \
            pop("company", None)
        tags = pop("tags", ())
        if "customer_accepted" in row:
            row["customer_accepted"] = int(row["customer_accepted"])
        if "extra" in row:
            row["extra"] = json.dumps(row["extra"], ensure_ascii=False, sort_keys=True)
        if "updated_at" in row:
            row["source_updated_at"] = pop("updated_at")
        if "severity" in row:
            self.add_due_times(row)
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
        return (line, fingerprint, row.get("ref"), row["status"], columns, tuple(row.values()), person,
                row.get("assignee"), tags, cells if "duplicate_of" in row else None)

    def add_due_times(self, row: dict) -> None:
        """Add the due times as `refresh_sla` computes them from this row's one `imported` event (one
        status change, at import time, so no pause has run yet). Wall-clock targets take a
        fast path; business time goes through the full clock."""
        received = row["received_at"]
        severity = row["severity"]
        fast = self.sla_fast.get(severity)
        if fast is not None:
            if severity in self.sla_hourly:
                key = received[:13] + severity
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
        from complaintctl.core.dates import from_iso
        from complaintctl.core.tracking import _stored

        ctx = self.sla_context
        respond, resolve = ctx.targets.get(row["severity"], (None, None))
        state = sla.compute_state(
            received_at=from_iso(received), respond=respond, resolve=resolve,
            status_changes=[(self.now, None, row["status"])],
            first_response_at=from_iso(row["first_response_at"]) if "first_response_at" in row else None,
            resolved_at=from_iso(row["resolved_at"]) if "resolved_at" in row else None,
            cal=ctx.calendar, as_of=self.now)
        values = _stored(state)
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
                        moment = parse_when(text, now=self.now, dayfirst=self.dayfirst, what=name)
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
        if n > self.width and any(c.strip() for c in cells[self.width:]):
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
                if how == _TEXT:
                    data[name] = text
                elif how == _CODE:
                    table = codes[arg]
                    code = table.get(text)
                    if code is None:
                        lowered = text.lower()
                        code = table.get(lowered) or table.get(lowered.replace("-", "_").replace(" ", "_")) \
                            or table.get(to_simplified(lowered))  # 已關閉 = 已关闭
                        if code is None:
                            raise RowError(f"unknown {name} {text!r} (valid: {self.valid_codes[arg]})")
                        table[text] = code  # the next row with this spelling finds it at once
                    data[name] = code
                elif how == _DATE:
                    data[arg] = self._moment(name, text)
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
        phone = data.get("phone")
        if phone is not None and "@" in phone and "email" not in data:
            data["email"] = data.pop("phone")  # a 联系方式 (contact) column holds emails too
        email = data.get("email")
        if email is not None and _MAILBOX_MARKS.search(email):
            data["email"], display_name, others = split_mailbox(email)  # '王芳 <wf@example.cn>'
            if display_name and "customer" not in data:
                data["customer"] = display_name
            if others:
                extra = {**(extra or {}), "other_emails": "; ".join(others)}
        if extra_json:
            extra = {**extra_json, **extra} if extra else extra_json
        if extra:
            data["extra"] = extra
        received_given = data.get("received_at")
        if received_given is None:
            data["received_at"] = self.now_iso
        if "subject" not in data:
            description = data.get("description")
            if not description:
                raise RowError("subject is empty (and there is no description to take one from)")
            data["subject"] = subject_from_description(description)
        try:
            row = self.validate(data)
        except self.validation_error as exc:
            raise RowError(_first_error(exc)) from None
        _make_consistent(row)
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


# How a field's value is converted; the first five are text, stripped first (see _convert).
_TEXT, _CODE, _DATE, _SUBJECT, _SPECIAL, _TAGS, _EXTRA, _EXTRA_COLUMN, _SKIP = range(9)
DISPATCH: dict[str, tuple[int, str | None]] = {
    **{name: (_TEXT, None) for name in ("ref", "customer", "email", "phone", "company", "description",
                                        "resolution")},
    **{name: (_CODE, kind) for name, kind in CODE_FIELDS.items()},
    **{name: (_DATE, column) for name, column in DATE_FIELDS.items()},
    "subject": (_SUBJECT, None),
    **{name: (_SPECIAL, None) for name in ("customer_accepted", "duplicate_of", "reopened_count", "assignee")},
    "tags": (_TAGS, None),
    "extra": (_EXTRA, None),
}
STEPS = {name: (how, arg, name) for name, (how, arg) in DISPATCH.items()}


def _remember(memo: dict, key: Any, value: Any, limit: int) -> Any:
    """Store ``value`` in a bounded memo (emptied when full) and return it."""
    if len(memo) >= limit:
        memo.clear()
    memo[key] = value
    return value


# what an email cell holds beyond one address: 王芳 <wf@...>, mailto:, a@x; b@y (see split_mailbox)
_MAILBOX_MARKS = re.compile(r"[<;,: ，；]")
SUBJECT_FROM_DESCRIPTION = 60  # characters
_SENTENCE_END = re.compile(r"[。！？；!?;]|[.](?=\s)")


def subject_from_description(description: str, limit: int = SUBJECT_FROM_DESCRIPTION) -> str:
    """A subject for a complaint that came with only its text (many call-centre and web-form
    exports have no title column): the first line, cut at the end of a sentence when one ends
    within ``limit`` characters, else at ``limit`` with an ellipsis."""
    line = next((ln for ln in description.splitlines() if ln.strip()), description)
    text = " ".join(line.split())
    if len(text) <= limit:
        return text.rstrip("。.;；") or text
    ends = [m.start() for m in _SENTENCE_END.finditer(text, 0, limit)]
    if ends and ends[-1] >= 8:
        return text[:ends[-1]]
    return text[:limit - 1].rstrip() + "…"


def _parse_extra(raw: Any) -> dict:
    if isinstance(raw, dict):
        return raw
    if isinstance(raw, str) and raw.strip():
        try:
            parsed = json.loads(raw)
        except json.JSONDecodeError:
            parsed = None
        return parsed if isinstance(parsed, dict) else {"extra": raw}
    return {}


def _special(name: str, text: str) -> Any:
    if name == "customer_accepted":
        word = text.lower()
        if word in TRUE_WORDS:
            return True
        if word in FALSE_WORDS:
            return False
        raise RowError(f"customer_accepted {text!r} is not yes/no")
    if name == "assignee":
        return ".".join(text.split())
    number = text.lstrip("#")
    if not number.isdigit():
        raise RowError(f"{name} {text!r} is not a number")
    return int(number)


def _first_error(exc) -> str:
    first = exc.errors()[0]
    where = ".".join(str(p) for p in first["loc"]) or "row"
    kind = first["type"]
    value = first.get("input")
    if kind == "string_pattern_mismatch":
        message = f"invalid value {value!r}"
    elif kind == "string_too_long":
        message = f"too long ({len(value or ''):,} characters, at most {first['ctx']['max_length']:,})"
    elif kind == "extra_forbidden":
        message = "not a known field"
    else:
        message = first["msg"]
    return f"{where}: {message}"


def _make_consistent(row: dict) -> None:
    """History from other desks is messy; fill what the lifecycle implies, refuse what it forbids."""
    status = row.setdefault("status", "new")
    received = row["received_at"]
    if status == "closed":
        if "outcome" not in row:
            row["outcome"] = "duplicate" if row.get("duplicate_of") else "resolved"
        if "closed_at" not in row:
            row["closed_at"] = row.get("resolved_at") or row.get("updated_at") or received
    elif "closed_at" in row:
        raise RowError(f"has a closed time but status {status}")
    if row.get("outcome") == "duplicate" and "duplicate_of" not in row:
        raise RowError("outcome duplicate needs duplicate_of")
    if status == "resolved" and "resolved_at" not in row:
        row["resolved_at"] = row.get("updated_at") or received
    if row.get("outcome") == "resolved" and "resolved_at" not in row:
        row["resolved_at"] = row["closed_at"]
    for name in ("closed_at", "first_response_at", "resolved_at"):
        moment = row.get(name)
        if moment is not None and moment < received:
            raise RowError(f"{name} {moment} is before the received time {received}")


# The writer's customer cache, in keys (an email and a phone per customer, ~135 bytes each):
# about 20 MB at most, so that memory stays flat however many customers a file brings.
CUSTOMER_CACHE_KEYS = 150_000


def customer_keys(name: str | None, company: str | None, email_n: str | None,
                  phone_n: str | None) -> tuple:
    """The writer's customer-cache keys for one customer: normalised email and phone, else
    name and company (what `match_or_create_customer` matches on). Email and phone keys are
    strings with a one-letter prefix (cheaper to hash than tuples); a name-only key is a
    tuple, as a name or company may hold any character."""
    if email_n:
        return ("e" + email_n, "p" + phone_n) if phone_n else ("e" + email_n,)
    if phone_n:
        return ("p" + phone_n,)
    return (("n", name or "", company or ""),)


def _as_dict(columns: tuple, values: tuple) -> dict[str, Any]:
    """A prepared row's complaint columns by name (for the rare paths that need them so)."""
    return dict(zip(columns, values, strict=True))


def _sql_text(value: str) -> str:
    """A string as an SQL literal, for constants written into a statement run per row."""
    return "'" + value.replace("'", "''") + "'"


class _Writer:
    """Writes validated rows a batch at a time: complaints, tags and events with executemany;
    customers and agents cached for the length of one import."""

    def __init__(self, conn: sqlite3.Connection, actor: str, at: str, import_id: int | None,
                 source: str, summary: ImportSummary, update: bool,
                 codes: dict[str, set[str]] | None = None):
        self.conn = conn
        # With foreign keys off for the import, what they would check is checked per batch
        # instead (verify_parents): the codes the reader resolved against, and the customers
        # and agents taken from the caches.
        self.codes = codes
        self.reused_customers: set[int] = set()
        self.used_agents: set[str] = set()
        self.actor = actor
        self.at = at
        self.summary = summary
        self.update_mode = update
        self.agents: set[str] = {r[0] for r in conn.execute("SELECT name FROM agents")}
        self.customers: dict[str | tuple, int] = {}
        self.new_keys: list[str | tuple] = []  # customer keys cached since the batch began (undone on rollback)
        self.created_in_attempt = 0
        self.new_customers: list[tuple] = []
        self.note_prefix = f"{f'import #{import_id}' if import_id else 'import'} from {source} line "
        # complaints from this id on were written by this import (a ref met again among them
        # with other values is the file contradicting itself)
        self.first_id = conn.execute("SELECT coalesce(max(id), 0) + 1 FROM complaints").fetchone()[0]
        self.next_customer_id = 0
        count = conn.execute("SELECT count(*) FROM customers").fetchone()[0]
        self.customers_complete = count * 2 <= CUSTOMER_CACHE_KEYS
        if self.customers_complete:
            for cid, email_n, phone_n, name, company in conn.execute(
                    "SELECT id, email_normalized, phone_normalized, name, company FROM customers ORDER BY id DESC"):
                for key in customer_keys(name, company, email_n, phone_n):
                    self.customers[key] = cid
        # Per-row constants are written into the statements rather than bound on every row.
        self.complaint_constants = ", ".join(_sql_text(v) for v in (at, at, actor))
        self.event_sql = (
            "INSERT INTO events (complaint_id, at, actor, action, field, new_value, note) "
            f"VALUES (?, {_sql_text(at)}, {_sql_text(actor)}, 'imported', 'status', ?, "
            f"{_sql_text(self.note_prefix)} || ?)")

    def flush_customers(self) -> None:
        if self.new_customers:
            self.conn.executemany(
                "INSERT INTO customers (id, name, email, phone, company, email_normalized, phone_normalized, "
                "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", self.new_customers)
            self.new_customers.clear()

    def note(self, line: int) -> str:
        return f"{self.note_prefix}{line}"

    def customer_id(self, person: tuple) -> int:
        keys, name, email, phone, company, email_n, phone_n = person
        customers = self.customers
        for key in keys:
            cid = customers.get(key)
            if cid is not None:
                self.reused_customers.add(cid)
                for other in keys:
                    if other not in customers:
                        customers[other] = cid
                        self.new_keys.append(other)
                return cid
        if self.customers_complete:
            # We hold the write lock for the batch, so ids can be handed out here and the
            # new customers written with one executemany before the complaints.
            cid = self.next_customer_id
            self.next_customer_id += 1
            self.new_customers.append((cid, name, email, phone, company, email_n, phone_n, self.at))
            created = True
        else:
            from complaintctl.core.customers import match_or_create_customer

            cid, created = match_or_create_customer(self.conn, name=name, email=email, phone=phone,
                                                    company=company, at=self.at, actor=self.actor)
            if len(customers) > CUSTOMER_CACHE_KEYS:
                customers.clear()
        if created:
            self.summary.customers_created += 1
            self.created_in_attempt += 1
        for key in keys:
            customers[key] = cid
        self.new_keys.extend(keys)
        return cid

    def agent(self, name: str | None, line: int) -> str | None:
        if name is None or name in self.agents:
            return name
        from complaintctl.core.events import record_event

        self.conn.execute("INSERT INTO agents (name, full_name, active, created_at) VALUES (?, ?, 1, ?)",
                          (name, name.replace(".", " "), self.at))
        record_event(self.conn, None, at=self.at, actor=self.actor, action="agent_added",
                     field="agents.name", new_value=name, note=f"created by {self.note(line)}")
        self.agents.add(name)
        self.summary.agents_created += 1
        return name

    def _values(self, base: dict, person: tuple | None, assignee: str | None, line: int) -> dict[str, Any]:
        """Every updatable column, NULL where the row has nothing (what `--update` compares)."""
        record = dict(base)
        if person is not None:
            record["customer_id"] = self.customer_id(person)
        if assignee is not None:
            self.agent(assignee, line)
        values = {k: record.get(k) for k in UPDATABLE}
        values["reopened_count"] = record.get("reopened_count", 0)
        return values

    def write_batch(self, prepared: list[tuple], rejects) -> None:
        """Insert new rows, update or skip known ones. On a database refusal the batch is
        retried row by row so only the offending rows are rejected."""
        if self.customers_complete and len(self.customers) > CUSTOMER_CACHE_KEYS:
            self._stop_caching_customers()
        self.conn.execute("SAVEPOINT batch")
        self.new_keys.clear()
        self.created_in_attempt = 0
        agents_before = set(self.agents)
        try:
            results = self._write(prepared)
        except (sqlite3.IntegrityError, RowError):
            self.conn.execute("ROLLBACK TO batch")
            self.conn.execute("RELEASE batch")
            self._forget_new_customers()
            self.agents = agents_before
            for item in prepared:
                self.conn.execute("SAVEPOINT one")
                agents_before = set(self.agents)
                try:
                    self._count(self._write([item]))
                except (sqlite3.IntegrityError, RowError) as exc:
                    self.conn.execute("ROLLBACK TO one")
                    self._forget_new_customers()
                    self.agents = agents_before
                    self.summary.rejected += 1
                    reason = str(exc) if isinstance(exc, RowError) else f"refused by the database: {exc}"
                    rejects.add(item[0], reason, item[9] if item[9] is not None else _as_dict(item[4], item[5]))
                finally:
                    self.conn.execute("RELEASE one")
                self.new_keys.clear()
                self.created_in_attempt = 0
            return
        self.conn.execute("RELEASE batch")
        self._count(results)

    def _stop_caching_customers(self) -> None:
        """The cache of every customer has outgrown its bound: from this batch on, customers
        are matched through the database (its indexes rebuilt first if a bulk load deferred
        them), with the cache kept only as a bounded memo."""
        from complaintctl.store.bulk import rebuild_indexes

        rebuild_indexes(self.conn, tables=("customers",))
        self.customers.clear()
        self.customers_complete = False

    def _forget_new_customers(self) -> None:
        """Undo the customer cache and pending inserts of a rolled-back attempt."""
        for key in self.new_keys:
            self.customers.pop(key, None)
        self.new_keys.clear()
        self.new_customers.clear()
        self.summary.customers_created -= self.created_in_attempt
        self.created_in_attempt = 0

    def _count(self, results: tuple[int, int, int]) -> None:
        inserted, updated, unchanged = results
        self.summary.inserted += inserted
        self.summary.updated += updated
        self.summary.unchanged += unchanged

    def _write(self, prepared) -> tuple[int, int, int]:
        """(inserted, updated, unchanged) for ``prepared``; raises to have the batch retried."""
        conn = self.conn
        refs = list({item[2] for item in prepared if item[2]})
        prints = list({item[1] for item in prepared})
        by_ref = {r["ref"]: r for r in _select_in(conn, "ref", refs)}
        by_print: dict[int, sqlite3.Row] = {}
        for r in _select_in(conn, "import_fingerprint", prints):
            by_print.setdefault(r["import_fingerprint"], r)
        next_id = conn.execute("SELECT coalesce(max(id), 0) + 1 FROM complaints").fetchone()[0]
        self.next_customer_id = conn.execute("SELECT coalesce(max(id), 0) + 1 FROM customers").fetchone()[0]
        pending_refs: dict[str, tuple[int, int]] = {}  # ref -> (id, fingerprint)
        first_id = next_id  # ids from here to next_id are this attempt's
        pending_prints: dict[int, tuple[int, str | None]] = {}
        # complaint rows grouped by (columns from the reader, has a customer)
        complaints: dict[tuple, list[tuple]] = {}
        tags: list[tuple] = []
        events: list[tuple] = []
        inserted = updated = unchanged = 0
        agents = self.agents
        used_agents = self.used_agents
        last_columns: tuple | None = None  # the shape of the last row, and its group
        last_with_customer = False
        group: list[tuple] = []
        used_agents.clear()
        self.reused_customers.clear()

        def flush() -> None:
            nonlocal last_columns
            last_columns = None  # the cached group is about to be written and dropped
            self.flush_customers()
            if complaints:
                # One executemany per shape binds only the columns that have values (binding
                # NULLs costs ~0.5 µs a column a row). Ids ascend within each shape; across
                # shapes order does not matter.
                for (columns, with_customer), rows in complaints.items():
                    names = ("id, import_fingerprint, customer_id, " if with_customer
                             else "id, import_fingerprint, ") + ", ".join(columns)
                    marks = "?, " * (len(columns) + 2 + with_customer)
                    conn.executemany(
                        f"INSERT INTO complaints ({names}, created_at, updated_at, created_by) "
                        f"VALUES ({marks}{self.complaint_constants})", rows)
                conn.executemany("INSERT INTO complaint_tags (complaint_id, tag) VALUES (?, ?)", tags)
                conn.executemany(self.event_sql, events)
                complaints.clear()
                tags.clear()
                events.clear()

        for line, fingerprint, ref, status, columns, values, person, assignee, row_tags, cells in prepared:
            existing = by_ref.get(ref) if ref and by_ref else None
            if existing is None and by_print:
                existing = by_print.get(fingerprint)
                if existing is not None and ref and existing["ref"] and existing["ref"] != ref:
                    existing = None  # same content, different references: two complaints
            pending = None
            contradicts = False
            if existing is None:
                if ref and ref in pending_refs:
                    pending, pending_print = pending_refs[ref]
                    contradicts = pending_print != fingerprint
                elif fingerprint in pending_prints:
                    pid, pref = pending_prints[fingerprint]
                    if not (ref and pref and pref != ref):
                        pending = pid
            if existing is None and pending is None:
                if cells is not None:  # the reader sends the original cells with a duplicate_of
                    dup = _as_dict(columns, values).get("duplicate_of")
                    if dup is not None and not first_id <= dup < next_id and not conn.execute(
                            "SELECT 1 FROM complaints WHERE id = ?", (dup,)).fetchone():
                        raise RowError(f"duplicate_of #{dup} does not exist")
                if assignee is not None:
                    used_agents.add(assignee)
                    if assignee not in agents:
                        self.agent(assignee, line)
                cid = next_id
                next_id += 1
                if columns is not last_columns or (person is not None) is not last_with_customer:
                    # rows of one shape mostly come in runs: look the group up when it changes
                    last_columns, last_with_customer = columns, person is not None
                    group = complaints.get((columns, last_with_customer))
                    if group is None:
                        group = complaints[(columns, last_with_customer)] = []
                group.append((cid, fingerprint, self.customer_id(person), *values) if last_with_customer
                             else (cid, fingerprint, *values))
                for tag in row_tags:
                    tags.append((cid, tag))
                events.append((cid, status, line))
                if ref:
                    pending_refs[ref] = (cid, fingerprint)
                pending_prints[fingerprint] = (cid, ref)
                inserted += 1
                continue
            if not self.update_mode:
                if contradicts or (ref and existing is not None and existing["id"] >= self.first_id
                                   and existing["ref"] == ref and existing["import_fingerprint"] != fingerprint):
                    raise RowError(f"ref {ref!r} appears earlier in this file with other values "
                                   "(with --update the later row updates the earlier one)")
                unchanged += 1
                continue
            if existing is None:  # the same complaint twice in one batch: write the first, then update
                flush()
                existing = conn.execute("SELECT * FROM complaints WHERE id = ?", (pending,)).fetchone()
            changed = self._update(existing, _as_dict(columns, values), person, assignee, row_tags, line)
            if not changed:
                unchanged += 1
                continue
            updated += 1
            flush()
            if ref:
                by_ref[ref] = conn.execute("SELECT * FROM complaints WHERE id = ?", (existing["id"],)).fetchone()
        flush()
        if self.codes is not None:
            self.verify_parents()
        return inserted, updated, unchanged

    def verify_parents(self) -> None:
        """What the foreign keys would have refused, checked once per batch inside its
        transaction: every code the reader accepted, and every customer and agent the batch
        took from the caches, still exist. Only hand-written SQL deletes those, so this
        fails only if someone did while the import ran."""
        from complaintctl.core.taxonomy import KINDS

        checks = [(f"a {kind} code", KINDS[kind].table, "code", list(codes)) for kind, codes in self.codes.items()]
        checks += [("an agent", "agents", "name", list(self.used_agents)),
                   ("a customer", "customers", "id", list(self.reused_customers))]
        for what, table, column, values in checks:
            for i in range(0, len(values), 500):
                chunk = values[i:i + 500]
                found = self.conn.execute(
                    f"SELECT count(*) FROM {table} WHERE {column} IN ({', '.join('?' * len(chunk))})",
                    chunk).fetchone()[0]
                if found != len(chunk):
                    raise _parent_gone(what)

    def _update(self, existing: sqlite3.Row, base: dict, person: tuple | None, assignee: str | None,
                tags: tuple | list, line: int) -> bool:
        updated_at = base.get("source_updated_at")
        if updated_at is not None and existing["source_updated_at"] and updated_at <= existing["source_updated_at"]:
            return False  # the file's row is not newer than what we have
        dup = base.get("duplicate_of")
        if dup is not None and not self.conn.execute("SELECT 1 FROM complaints WHERE id = ?", (dup,)).fetchone():
            raise RowError(f"duplicate_of #{dup} does not exist")
        values = self._values(base, person, assignee, line)
        changes = {k: v for k, v in values.items() if existing[k] != v}
        new_tags = set(tags)
        cid = existing["id"]
        current = {r[0] for r in self.conn.execute(
            "SELECT tag FROM complaint_tags WHERE complaint_id = ?", (cid,))}
        if not changes and new_tags == current:
            return False
        from complaintctl.core.events import record_event

        if changes:
            sets = ", ".join(f"{k} = ?" for k in changes)
            self.conn.execute(
                f"UPDATE complaints SET {sets}, updated_at = ?, source_updated_at = ? WHERE id = ?",
                [*changes.values(), self.at, updated_at or existing["source_updated_at"], cid])
        for name, new in changes.items():
            record_event(self.conn, cid, at=self.at, actor=self.actor, action="imported", field=name,
                         old_value=existing[name], new_value=new, note=self.note(line))
        for tag in sorted(new_tags - current):
            self.conn.execute("INSERT INTO complaint_tags (complaint_id, tag) VALUES (?, ?)", (cid, tag))
            record_event(self.conn, cid, at=self.at, actor=self.actor, action="imported", field="tag",
                         new_value=tag, note=self.note(line))
        for tag in sorted(current - new_tags):
            self.conn.execute("DELETE FROM complaint_tags WHERE complaint_id = ? AND tag = ?", (cid, tag))
            record_event(self.conn, cid, at=self.at, actor=self.actor, action="imported", field="tag",
                         old_value=tag, note=self.note(line))
        if changes:
            from complaintctl.core.dates import from_iso
            from complaintctl.core.tracking import refresh_sla

            refresh_sla(self.conn, cid, from_iso(self.at))
        return True


def _parent_gone(what: str) -> ComplaintError:
    return ComplaintError(f"{what} this import uses was deleted from the database while it ran",
                          hint="rows before that point were imported; run the import again")


def _select_in(conn: sqlite3.Connection, column: str, values: list) -> list[sqlite3.Row]:
    rows: list[sqlite3.Row] = []
    for i in range(0, len(values), 500):
        chunk = values[i:i + 500]
        rows += conn.execute(
            f"SELECT * FROM complaints WHERE {column} IN ({', '.join('?' * len(chunk))})", chunk).fetchall()
    return rows


class _Rejects:
    """The rejects file: line, reason and the original values, opened on the first reject."""

    def __init__(self, path: Path | None, headers: list[str] | None):
        self.path = path
        self.headers = headers
        self.file = None
        self.writer = None
        self.kinds: dict[str, list] = {}  # reason with its values blanked -> [count, first line, first reason]

    def add(self, line: int, reason: str, record: Any) -> None:
        kind = _REASON_VALUES.sub("'…'", reason.split(" (valid:")[0])
        seen = self.kinds.get(kind)
        if seen is None:
            if len(self.kinds) < 1000:
                self.kinds[kind] = [1, line, reason]
        else:
            seen[0] += 1
        if self.path is None:
            return
        if self.file is None:
            import csv

            try:
                self.file = open(self.path, "w", encoding="utf-8-sig", newline="")  # noqa: SIM115
            except OSError as exc:
                raise InvalidInput(f"cannot write the rejects file {self.path}: {exc.strerror}",
                                   hint="choose another place with --rejects PATH") from None
            self.writer = csv.writer(self.file)
            self.writer.writerow(["line", "reason", *(self.headers or ["record"])])
        if isinstance(record, list):
            cells = list(record)
        elif isinstance(record, dict) and self.headers and any(h in record for h in self.headers):
            cells = [record.get(h, "") for h in self.headers]
        else:
            cells = [json.dumps(record, ensure_ascii=False, default=str)]
        self.writer.writerow([line, reason, *cells])

    def close(self) -> None:
        if self.file:
            self.file.close()

    def top_reasons(self, n: int = 5) -> list[dict]:
        """The commonest kinds of rejection, with the first row of each: what to fix first."""
        ranked = sorted(self.kinds.values(), key=lambda k: (-k[0], k[1]))[:n]
        return [{"rows": count, "first_line": line, "reason": reason} for count, line, reason in ranked]


_REASON_VALUES = re.compile(r"'[^']*'")


def import_records(conn: sqlite3.Connection, source: Source, *, options: ImportOptions,
                   map_overrides: dict[str, str] | None = None,
                   file_overrides: dict[str, str] | None = None, actor: str,
                   now: datetime | None = None) -> ImportSummary:
    """Import every record of ``source``. Returns the counts; raises only for whole-file
    problems (unreadable, malformed CSV, interrupted), after committing finished batches."""
    from complaintctl.core.dates import now_utc

    now = now or now_utc()
    at = to_iso(now)
    summary = ImportSummary(source.name, source.format, source.encoding, source.delimiter,
                            dry_run=options.dry_run, sheet=source.sheet)
    one_transaction = options.dry_run or options.strict
    tabular = source.format in ("csv", "xlsx")  # a header row and cells, rather than JSON objects
    plans = plan_columns(source.headers, map_overrides, file_overrides) if tabular else []
    for line, text in source.skipped:
        summary.warnings.append(f"line {line} is above the header row and was skipped: {text[:60]!r}")
    if source.wrapper_key is not None:
        summary.warnings.append(f"the records are the object's {source.wrapper_key!r} list; "
                                "their positions in it stand for line numbers")
    subjects = subject_source(plans) if tabular else "subject"
    if subjects == "description":
        summary.warnings.append("no subject column: each complaint's subject is the start of its description")
    elif subjects is None:
        source.close()
        shown = ", ".join(source.headers[:12]) + (", ..." if len(source.headers) > 12 else "")
        raise InvalidInput(f"{source.name}: no column is read as the subject or the description "
                           f"(headers: {shown})",
                           hint="map one with --map \"HEADER=subject\"; `complaintctl import --show-mapping "
                           "FILE` shows how each header is read")
    for p in plans:
        if p.how.startswith("duplicate"):
            summary.warnings.append(f"column {p.header!r} repeats a field; kept in extra as {p.extra_key!r}")
    reader = RowReader(conn, plans, options, now)
    rejects = _Rejects(options.rejects_path, source.headers if tabular else None)
    prepare = _BatchPreparer(source, reader, options.batch_size, map_overrides, file_overrides)
    batches = _in_worker(prepare) if _worth_a_worker(source, options) else prepare.batches()
    # A bigger page cache for the length of the import: inserts land all over a dozen indexes,
    # and SQLite's default 2 MB cache makes large imports slow down as the file grows. 16 MB:
    # 32 MB was no faster (bench/import.py) and cost 18 MB of peak memory.
    old_cache = conn.execute("PRAGMA cache_size").fetchone()[0]
    conn.execute("PRAGMA cache_size = -16384")
    # Checkpoint the WAL less often while importing: pages rewritten by several batches are
    # copied into the database once, not once per batch.
    old_checkpoint = conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0]
    conn.execute("PRAGMA wal_autocheckpoint = 16384")
    # Batches are committed without waiting for the disk (in WAL mode a crash of the
    # machine can lose the last batches, never consistency; a re-run brings them back);
    # the final commit, which marks the import finished, is a full one again.
    old_sync = conn.execute("PRAGMA synchronous").fetchone()[0]
    # Foreign keys cost a third of each complaint insert; a plain import checks the same
    # parents once per batch instead (_Writer.verify_parents). --update keeps them, as its
    # UPDATEs are not covered by that check.
    old_foreign_keys = conn.execute("PRAGMA foreign_keys").fetchone()[0]
    check_parents = not options.update
    if check_parents:
        conn.execute("PRAGMA foreign_keys = OFF")
    if not one_transaction:
        conn.execute("PRAGMA synchronous = NORMAL")
    # Rows make millions of short-lived dicts and tuples but no reference cycles, while the
    # customer cache keeps growing: with the default thresholds the cycle collector re-scans
    # that cache every few thousand rows. Collect rarely while importing (reader process too).
    gc_thresholds = gc.get_threshold()
    gc.set_threshold(100_000, 50, 100)
    conn.execute("BEGIN IMMEDIATE")
    try:
        if not options.dry_run:
            summary.import_id = conn.execute(
                "INSERT INTO imports (source, format, encoding, delimiter, actor, started_at, update_mode) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                (source.name, source.format, source.encoding, source.delimiter, actor, at, int(options.update)),
            ).lastrowid
        writer = _Writer(conn, actor, at, summary.import_id, Path(source.name).name, summary, options.update,
                         codes={kind: set(t.values()) for kind, t in reader.codes.items()} if check_parents else None)
        bulk = None  # decided on the first batch, when the file's rows per byte are known
        uncommitted = 0
        batch_iter = iter(batches)
        while True:
            try:
                prepared, rejected, read, bytes_read = next(batch_iter)
            except StopIteration:
                break
            except ComplaintError:
                # The file went bad (bytes not in its encoding, malformed CSV) after the rows
                # already written: keep them, whole and indexed, before saying so.
                if not one_transaction:
                    from complaintctl.store.bulk import rebuild_indexes

                    _record_counts(conn, summary)
                    conn.execute("COMMIT")
                    conn.execute("BEGIN IMMEDIATE")
                    rebuild_indexes(conn)
                    conn.execute("COMMIT")
                raise
            if bulk is None:
                bulk = _bulk_load(conn, source, options, read, bytes_read)
                if bulk:
                    from complaintctl.store.bulk import DEFERRABLE_TABLES, defer_indexes

                    # customers' indexes too while the writer matches from its complete cache
                    tables = DEFERRABLE_TABLES + (("customers",) if writer.customers_complete else ())
                    defer_indexes(conn, import_id=summary.import_id, at=at, tables=tables)
            summary.read += read
            uncommitted += read
            for line, reason, record in rejected:
                summary.rejected += 1
                rejects.add(line, reason, record)
            writer.write_batch(prepared, rejects)
            # A bulk load commits every BULK_COMMIT_ROWS rows rather than every batch: each
            # commit rewrites the pages of the indexes still kept, wherever the batch touched them.
            if not one_transaction and (not bulk or uncommitted >= BULK_COMMIT_ROWS):
                _record_counts(conn, summary)
                conn.execute("COMMIT")
                conn.execute("BEGIN IMMEDIATE")
                uncommitted = 0
            if options.progress:
                options.progress(bytes_read, summary.read)
        if options.dry_run or (options.strict and summary.rejected):
            conn.execute("ROLLBACK")
            summary.aborted = bool(options.strict and summary.rejected and not options.dry_run)
            if summary.aborted:
                summary.import_id = None
        else:
            from complaintctl.store.bulk import rebuild_indexes

            if not one_transaction:  # a full commit last: it syncs the batches before it too
                conn.execute("COMMIT")
                conn.execute(f"PRAGMA synchronous = {old_sync}")
                conn.execute("BEGIN IMMEDIATE")
            rebuild_indexes(conn)  # this import's deferred indexes, or those of one killed before
            _record_counts(conn, summary, finished=at)
            conn.execute("COMMIT")
            conn.execute("PRAGMA optimize")  # fresh statistics after a bulk change keep report queries fast
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    finally:
        if hasattr(batches, "close"):
            batches.close()
        rejects.close()
        source.close()
        conn.execute(f"PRAGMA cache_size = {old_cache}")
        conn.execute(f"PRAGMA wal_autocheckpoint = {old_checkpoint}")
        conn.execute(f"PRAGMA synchronous = {old_sync}")
        conn.execute(f"PRAGMA foreign_keys = {old_foreign_keys}")
        gc.set_threshold(*gc_thresholds)
    if rejects.file is not None:
        summary.rejects_path = str(options.rejects_path)
    summary.reject_reasons = rejects.top_reasons()
    return summary


BULK_MIN_ROWS = 20_000
BULK_COMMIT_ROWS = 20_000


def _bulk_load(conn: sqlite3.Connection, source: Source, options: ImportOptions, read: int,
               bytes_read: int) -> bool:
    """Whether to defer the secondary indexes (store/bulk.py): a plain import expected to bring
    at least BULK_MIN_ROWS rows and more than the table already holds, where one rebuild at the
    end is cheaper than keeping every index up to date row by row. Not for --update, whose
    change events are replayed per complaint through those indexes."""
    if options.update or options.dry_run or not read or not bytes_read or not source.size:
        return False
    expected = read * source.size / bytes_read
    if expected < BULK_MIN_ROWS:
        return False
    return conn.execute("SELECT count(*) FROM complaints").fetchone()[0] < expected


class _BatchPreparer:
    """Reads, converts and validates records a batch at a time: the CPU-bound half of an import,
    which needs no database and so can run in a process of its own beside the writer."""

    def __init__(self, source: Source, reader: RowReader, batch_size: int,
                 map_overrides: dict[str, str] | None, file_overrides: dict[str, str] | None):
        self.source = source
        self.reader = reader
        self.batch_size = batch_size
        self.map_overrides = map_overrides
        self.file_overrides = file_overrides

    def batches(self) -> Iterator[tuple[list, list, int, int]]:
        """(prepared rows, rejected (line, reason, record), rows read, bytes read) per batch."""
        records = self.source.records()
        reader = self.reader
        dict_plans: dict[tuple, list[ColumnPlan]] = {}
        size = min(self.batch_size, FIRST_BATCH)  # a short first batch sets the writer going sooner
        while True:
            batch: list = []
            stop = None
            try:
                batch.extend(islice(records, size))  # keeps the records read before an error
            except InvalidInput as exc:  # undecodable bytes, malformed CSV: end after this batch
                stop = exc
            size = self.batch_size
            if not batch:
                if stop is not None:
                    raise stop
                return
            prepared = []
            rejected = []
            for line, record in batch:
                try:
                    if record.__class__ is list:
                        row, fingerprint = reader.row_from_cells(record)
                    elif isinstance(record, dict):
                        row, fingerprint = reader.row(
                            _values_from_dict(record, dict_plans, self.map_overrides, self.file_overrides))
                    elif isinstance(record, Exception):
                        raise RowError(str(record))
                    else:
                        raise RowError("not a JSON object")
                    prepared.append(reader.prepare(line, row, fingerprint, record))
                except RowError as exc:
                    rejected.append((line, str(exc), record if not isinstance(record, Exception) else ""))
                    continue
            yield prepared, rejected, len(batch), self.source.bytes_read
            if stop is not None:
                raise stop


WORKER_MIN_BYTES = 4 << 20
FIRST_BATCH = 1000


def _worth_a_worker(source: Source, options: ImportOptions) -> bool:
    """A reader process pays off from a few MB up, where it halves the time; below that, or
    where processes cannot be forked, everything runs in this one."""
    import os
    import sys

    # fork is safe only where the system's libraries expect it (not macOS, not Windows)
    can_fork = hasattr(os, "fork") and sys.platform.startswith("linux")
    if options.workers is not None:
        return options.workers > 0 and can_fork
    return can_fork and (os.cpu_count() or 1) > 1 and (source.size or 0) >= WORKER_MIN_BYTES


def _in_worker(prepare: _BatchPreparer) -> Iterator[tuple[list, list, int, int]]:
    """Run ``prepare.batches()`` in a forked process and yield what it sends. The pipe holds
    about one batch, so the reader stays at most a batch or two ahead and memory stays flat."""
    import multiprocessing
    import sys
    import warnings

    for stream in (sys.stdout, sys.stderr):
        stream.flush()
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    process = context.Process(target=_worker_main, args=(prepare, sender, receiver), daemon=True,
                              name="complaintctl-import-reader")
    with warnings.catch_warnings():
        # the progress bar's refresh thread: the reader never prints, so it cannot deadlock on it
        warnings.simplefilter("ignore", DeprecationWarning)
        process.start()
    sender.close()
    import marshal
    import pickle

    try:
        while True:
            try:
                message = receiver.recv_bytes()
            except EOFError:
                raise ComplaintError("the import's reader process ended unexpectedly",
                                     hint="rows before that point were imported; run the import again") from None
            kind, payload = message[:1], memoryview(message)[1:]
            if kind == b"M":
                yield marshal.loads(payload)
            elif kind == b"P":
                yield pickle.loads(payload)
            elif kind == b"E":
                raise pickle.loads(payload)
            else:
                return
    finally:
        receiver.close()
        if process.is_alive():
            process.terminate()
        process.join()


def _worker_main(prepare: _BatchPreparer, sender, receiver) -> None:
    """Send each batch to the writer: marshal (about a quarter cheaper than pickle both ways
    for these plain tuples, lists and strings; both ends are this same interpreter), pickle
    for anything marshal refuses and for errors. One tag byte says which."""
    import contextlib
    import marshal
    import os
    import pickle
    import signal

    # The writer's end of the pipe, inherited through fork: closed, so that a send fails
    # (and this process ends) once the writer is gone, even if it was killed outright.
    receiver.close()
    writer_pid = os.getppid()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the writer's to handle
    try:
        for batch in prepare.batches():
            if os.getppid() != writer_pid:
                break  # the writer was killed: nobody will read what is left
            try:
                message = b"M" + marshal.dumps(batch)
            except ValueError:
                message = b"P" + pickle.dumps(batch, pickle.HIGHEST_PROTOCOL)
            sender.send_bytes(message)
        sender.send_bytes(b"D")
    except (BrokenPipeError, EOFError):
        pass  # the writer has stopped listening
    except BaseException as exc:  # noqa: BLE001 - every failure is reported to the writer
        try:
            message = b"E" + pickle.dumps(exc)
        except Exception:  # noqa: BLE001 - the error itself would not pickle
            message = b"E" + pickle.dumps(ComplaintError(f"import reader failed: {exc}"))
        with contextlib.suppress(OSError):  # unless the writer has stopped listening
            sender.send_bytes(message)
    finally:
        sender.close()
        # leave without flushing stdio or running exit handlers: they belong to the writer
        os._exit(0)


def _record_counts(conn: sqlite3.Connection, summary: ImportSummary, finished: str | None = None) -> None:
    if summary.import_id is None:
        return
    conn.execute(
        "UPDATE imports SET read = ?, inserted = ?, updated = ?, unchanged = ?, rejected = ?, "
        "finished_at = ? WHERE id = ?",
        (summary.read, summary.inserted, summary.updated, summary.unchanged, summary.rejected,
         finished, summary.import_id),
    )


_LEAF_IS_PARENT = ("name", "code", "value", "label", "text")


def flatten_record(record: dict) -> dict:
    """Nested objects of a JSON record read as columns: {"customer": {"name": .., "phone": ..}}
    gives customer.name and customer.phone (read as customer and phone, as customer_name and
    customer_phone are), {"status": {"code": "closed"}} gives status; a nested key that names
    nothing is kept in extra under its dotted name. An object none of whose keys names a field,
    under a key that names none either, is kept whole in extra, as it was."""
    out: dict[str, Any] = {}
    for key, value in record.items():
        name = str(key)
        if value.__class__ is not dict or normalize_header(name) == "extra":
            out.setdefault(name, value)
            continue
        flat: dict[str, Any] = {}
        _flatten_into(flat, name, value)
        parent = header_field(name)
        known = {k: header_field(k) for k in flat}
        if parent is None and not any(known.values()):
            out.setdefault(name, value)
            continue
        for k, v in flat.items():
            if known[k] is None and parent is not None and k.rsplit(".", 1)[1].lower() in _LEAF_IS_PARENT \
                    and name not in out:
                k = name
            out.setdefault(k, v)
    return out


def _flatten_into(flat: dict, prefix: str, value: dict) -> None:
    for k, v in value.items():
        key = f"{prefix}.{k}"
        if v.__class__ is dict and v:
            _flatten_into(flat, key, v)
        else:
            flat[key] = v


def _values_from_dict(record: dict, plans: dict, map_overrides, file_overrides) -> dict:
    for value in record.values():
        if value.__class__ is dict:
            record = flatten_record(record)
            break
    keys = tuple(record)
    plan = plans.get(keys)
    if plan is None:  # records of one file nearly always share their keys: plan once per key set
        plan = plan_columns([str(k) for k in keys], map_overrides, file_overrides)
        if len(plans) < 1000:
            plans[keys] = plan
    values: dict[str, Any] = {}
    extra: dict[str, Any] = {}
    for column, value in zip(plan, record.values(), strict=True):
        if column.field == IGNORED or value is None:
            continue
        if column.field == EXTRA:
            if column.extra_key is None:
                values["extra"] = value
            else:
                extra[column.extra_key] = value
        elif isinstance(value, (str, list)):
            values[column.field] = value
        elif isinstance(value, dict):  # a field's value cannot be an object: keep it, as it is
            extra[column.header] = value
        else:
            values[column.field] = str(value).lower() if isinstance(value, bool) else str(value)
    if extra:
        values["_extra_columns"] = extra
    return values
