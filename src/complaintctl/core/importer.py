"""Batch import: every row validated, bad rows to a rejects file, good rows written in
batches, re-runs recognise what is already there (by ref, else by a content fingerprint)."""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from complaintctl.core.customers import normalize_email, normalize_phone
from complaintctl.core.dates import parse_when, to_iso
from complaintctl.core.import_mapping import EXTRA, IGNORED, VALUE_ALIASES, ColumnPlan, plan_columns
from complaintctl.core.import_source import Source
from complaintctl.errors import ComplaintError, InvalidInput

UTC = timezone.utc
CODE_FIELDS = {"channel": "channel", "remedy": "remedy", "category": "category",
               "severity": "severity", "cause": "cause", "personality": "personality",
               "motive": "motive", "status": "status", "outcome": "outcome", "told_via": "channel"}
DATE_FIELDS = {"received": "received_at", "closed": "closed_at", "first_response_at": "first_response_at",
               "resolved_at": "resolved_at", "updated_at": "updated_at"}
TEXT_FIELDS = ("ref", "customer", "email", "phone", "company", "subject", "description",
               "resolution")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
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
    batch_size: int = 1000
    value_aliases: dict[str, dict[str, str]] = field(default_factory=dict)
    rejects_path: Path | None = None
    progress: Callable[[int, int], None] | None = None


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

    def as_dict(self) -> dict:
        return {k: v for k, v in self.__dict__.items()}


def _strip_formula_guard(text: str) -> str:
    # export prefixes cells a spreadsheet would run with ' ; take it off again
    if len(text) > 1 and text[0] == "'" and text[1] in FORMULA_START:
        return text[1:]
    return text


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
    """Turns the cells of one record into a validated ImportRow, or raises RowError."""

    def __init__(self, conn: sqlite3.Connection, plans: list[ColumnPlan], options: ImportOptions,
                 now: datetime):
        from complaintctl.core.import_models import ImportRow

        self.model = ImportRow
        self.plans = plans
        self.width = len(plans)
        self.codes = _code_tables(conn, options.value_aliases)
        self.dayfirst = options.dayfirst
        self.now = now
        self.latest = now + timedelta(minutes=5)
        self.fields = [(p.index, p.field, p.extra_key) for p in plans if p.field != IGNORED]

    def _date(self, name: str, text: str) -> datetime:
        iso = text[:-1] + "+00:00" if text.endswith(("Z", "z")) else text
        try:
            moment = datetime.fromisoformat(iso)
            if moment.tzinfo is None:
                moment = moment.astimezone()
            moment = moment.astimezone(UTC).replace(microsecond=0)
        except ValueError:
            try:
                moment = parse_when(text, now=self.now, dayfirst=self.dayfirst, what=name)
            except ComplaintError as exc:
                raise RowError(exc.message) from None
        if moment > self.latest:
            raise RowError(f"{name} {text!r} is in the future")
        return moment

    def values_from_cells(self, cells: list[str]) -> dict[str, Any]:
        if len(cells) > self.width and any(c.strip() for c in cells[self.width:]):
            raise RowError(f"row has {len(cells)} fields but the header has {self.width} "
                           "(an unquoted delimiter inside a value?)")
        values: dict[str, Any] = {}
        extra: dict[str, Any] = {}
        n = len(cells)
        for index, name, extra_key in self.fields:
            if index >= n:
                continue
            cell = cells[index]
            if name == EXTRA:
                if extra_key is None:
                    values["extra"] = cell
                elif cell.strip():
                    extra[extra_key] = cell
            else:
                values[name] = cell
        if extra:
            values["_extra_columns"] = extra
        return values

    def row(self, values: dict[str, Any]):
        data: dict[str, Any] = {}
        extra: dict[str, Any] = dict(values.pop("_extra_columns", None) or {})
        for name, raw in values.items():
            if raw is None:
                continue
            if name == "extra":
                if isinstance(raw, dict):
                    extra = {**raw, **extra}
                elif isinstance(raw, str) and raw.strip():
                    try:
                        parsed = json.loads(raw)
                    except json.JSONDecodeError:
                        parsed = None
                    if isinstance(parsed, dict):
                        extra = {**parsed, **extra}
                    else:
                        extra["extra"] = raw
                continue
            if name == "tags":
                items = raw if isinstance(raw, list) else re.split(r"[,;，；、|]", str(raw))
                tags = []
                for t in items:
                    t = " ".join(str(t).split()).lower()
                    if t and t not in tags:
                        tags.append(t)
                data["tags"] = sorted(tags)
                continue
            text = raw if isinstance(raw, str) else str(raw)
            text = text.replace("\x00", "").strip()
            if not text:
                continue
            text = _strip_formula_guard(text)
            if name in CODE_FIELDS:
                kind = CODE_FIELDS[name]
                table = self.codes[kind]
                code = table.get(text.lower()) or table.get(text.lower().replace("-", "_").replace(" ", "_"))
                if code is None:
                    shown = ", ".join(sorted(set(table.values())))
                    raise RowError(f"unknown {name} {text!r} (valid: {shown})")
                data[name] = code
            elif name in DATE_FIELDS:
                data[DATE_FIELDS[name]] = self._date(name, text)
            elif name == "customer_accepted":
                word = text.lower()
                if word in TRUE_WORDS:
                    data[name] = True
                elif word in FALSE_WORDS:
                    data[name] = False
                else:
                    raise RowError(f"customer_accepted {text!r} is not yes/no")
            elif name in ("duplicate_of", "reopened_count"):
                number = text.lstrip("#")
                if not number.isdigit():
                    raise RowError(f"{name} {text!r} is not a number")
                data[name] = int(number)
            elif name == "assignee":
                data[name] = ".".join(text.split())
            elif name == "subject":
                data[name] = " ".join(text.split())
            else:
                data[name] = text
        if extra:
            data["extra"] = extra
        if "subject" not in data:
            raise RowError("subject is empty")
        fingerprint_date = data.get("received_at")
        if fingerprint_date is None:
            data["received_at"] = self.now
        from pydantic import ValidationError

        try:
            row = self.model.model_validate(data)
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(p) for p in first["loc"]) or "row"
            message = first["msg"].removeprefix("Value error, ")
            if first["type"] == "string_pattern_mismatch":
                message = f"invalid value {first.get('input')!r}"
            elif first["type"] == "string_too_long":
                message = f"too long ({len(first.get('input') or ''):,} characters)"
            raise RowError(f"{where}: {message}" if where != "row" else message) from None
        parts = [row.subject, to_iso(fingerprint_date) if fingerprint_date else "",
                 normalize_email(row.email) or "", normalize_phone(row.phone) or "",
                 row.customer or "", row.description or "", row.channel or ""]
        fingerprint = hashlib.blake2b("\x1f".join(parts).encode("utf-8"), digest_size=16).hexdigest()
        return row, fingerprint


class _Writer:
    """Writes validated rows; caches customers and agents for the length of one import."""

    def __init__(self, conn: sqlite3.Connection, actor: str, at: str, import_id: int | None,
                 source: str, summary: ImportSummary):
        self.conn = conn
        self.actor = actor
        self.at = at
        self.import_id = import_id
        self.source = source
        self.summary = summary
        self.customers: dict[tuple, int] = {}
        self.agents: set[str] = {r[0] for r in conn.execute("SELECT name FROM agents")}

    def note(self, line: int) -> str:
        run = f"import #{self.import_id}" if self.import_id else "import"
        return f"{run} from {self.source} line {line}"

    def customer_id(self, row) -> int | None:
        if not (row.customer or row.email or row.phone or row.company):
            return None
        email_n, phone_n = normalize_email(row.email), normalize_phone(row.phone)
        keys = []
        if email_n:
            keys.append(("e", email_n))
        if phone_n:
            keys.append(("p", phone_n))
        if not keys:
            keys.append(("n", row.customer or "", row.company or ""))
        for key in keys:
            if key in self.customers:
                return self.customers[key]
        from complaintctl.core.customers import match_or_create_customer

        cid, created = match_or_create_customer(
            self.conn, name=row.customer, email=row.email, phone=row.phone, company=row.company,
            at=self.at, actor=self.actor)
        if created:
            self.summary.customers_created += 1
        if len(self.customers) > 200_000:  # keep memory flat on huge imports
            self.customers.clear()
        for key in keys:
            self.customers[key] = cid
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

    def _check_duplicate_of(self, row) -> None:
        if row.duplicate_of is not None and not self.conn.execute(
                "SELECT 1 FROM complaints WHERE id = ?", (row.duplicate_of,)).fetchone():
            raise RowError(f"duplicate_of #{row.duplicate_of} does not exist")

    def _values(self, row, customer_id: int | None, line: int) -> dict[str, Any]:
        return {
            "received_at": to_iso(row.received_at), "channel": row.channel,
            "customer_id": customer_id, "subject": row.subject, "description": row.description,
            "remedy": row.remedy, "category": row.category, "severity": row.severity,
            "cause": row.cause, "personality": row.personality, "motive": row.motive,
            "status": row.status, "assignee": self.agent(row.assignee, line),
            "first_response_at": to_iso(row.first_response_at) if row.first_response_at else None,
            "resolved_at": to_iso(row.resolved_at) if row.resolved_at else None,
            "closed_at": to_iso(row.closed_at) if row.closed_at else None,
            "outcome": row.outcome, "resolution": row.resolution, "duplicate_of": row.duplicate_of,
            "told_via": row.told_via,
            "customer_accepted": None if row.customer_accepted is None else int(row.customer_accepted),
            "reopened_count": row.reopened_count,
            "extra": json.dumps(row.extra, ensure_ascii=False, sort_keys=True) if row.extra else None,
        }

    def insert(self, row, fingerprint: str, line: int) -> None:
        self._check_duplicate_of(row)
        values = self._values(row, self.customer_id(row), line)
        values.update(ref=row.ref, import_fingerprint=fingerprint,
                      source_updated_at=to_iso(row.updated_at) if row.updated_at else None,
                      created_at=self.at, updated_at=self.at, created_by=self.actor)
        cols = ", ".join(values)
        marks = ", ".join("?" * len(values))
        cur = self.conn.execute(f"INSERT INTO complaints ({cols}) VALUES ({marks})", list(values.values()))
        cid = cur.lastrowid
        if row.tags:
            self.conn.executemany("INSERT INTO complaint_tags (complaint_id, tag) VALUES (?, ?)",
                                  [(cid, t) for t in row.tags])
        self.conn.execute(
            "INSERT INTO events (complaint_id, at, actor, action, field, new_value, note) "
            "VALUES (?, ?, ?, 'imported', 'status', ?, ?)",
            (cid, self.at, self.actor, row.status, self.note(line)),
        )

    def update(self, existing: sqlite3.Row, row, line: int) -> bool:
        if (row.updated_at is not None and existing["source_updated_at"]
                and to_iso(row.updated_at) <= existing["source_updated_at"]):
            return False  # the file's row is not newer than what we have
        self._check_duplicate_of(row)
        values = self._values(row, self.customer_id(row), line)
        changes = {k: v for k, v in values.items() if existing[k] != v}
        tags = set(row.tags)
        current = {r[0] for r in self.conn.execute(
            "SELECT tag FROM complaint_tags WHERE complaint_id = ?", (existing["id"],))}
        if not changes and tags == current:
            return False
        from complaintctl.core.events import record_event

        cid = existing["id"]
        if changes:
            sets = ", ".join(f"{k} = ?" for k in changes)
            self.conn.execute(
                f"UPDATE complaints SET {sets}, updated_at = ?, source_updated_at = ? WHERE id = ?",
                [*changes.values(), self.at,
                 to_iso(row.updated_at) if row.updated_at else existing["source_updated_at"], cid])
        for name, new in changes.items():
            record_event(self.conn, cid, at=self.at, actor=self.actor, action="imported", field=name,
                         old_value=existing[name], new_value=new, note=self.note(line))
        for tag in sorted(tags - current):
            self.conn.execute("INSERT INTO complaint_tags (complaint_id, tag) VALUES (?, ?)", (cid, tag))
            record_event(self.conn, cid, at=self.at, actor=self.actor, action="imported", field="tag",
                         new_value=tag, note=self.note(line))
        for tag in sorted(current - tags):
            self.conn.execute("DELETE FROM complaint_tags WHERE complaint_id = ? AND tag = ?", (cid, tag))
            record_event(self.conn, cid, at=self.at, actor=self.actor, action="imported", field="tag",
                         old_value=tag, note=self.note(line))
        return True


class _Rejects:
    """The rejects file: line, reason and the original values, opened on the first reject."""

    def __init__(self, path: Path | None, headers: list[str] | None):
        self.path = path
        self.headers = headers
        self.file = None
        self.writer = None

    def add(self, line: int, reason: str, record: Any) -> None:
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
        elif isinstance(record, dict) and self.headers:
            cells = [record.get(h, "") for h in self.headers]
        else:
            cells = [json.dumps(record, ensure_ascii=False, default=str)]
        self.writer.writerow([line, reason, *cells])

    def close(self) -> None:
        if self.file:
            self.file.close()


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
                            dry_run=options.dry_run)
    one_transaction = options.dry_run or options.strict
    plans = plan_columns(source.headers, map_overrides, file_overrides) if source.format == "csv" else []
    dict_plans: dict[str, ColumnPlan] = {}
    reader = RowReader(conn, plans, options, now)
    rejects = _Rejects(options.rejects_path, source.headers if source.format == "csv" else None)
    if source.format == "csv":
        for p in plans:
            if p.how.startswith("duplicate"):
                summary.warnings.append(f"column {p.header!r} repeats a field; kept in extra as {p.extra_key!r}")
    conn.execute("BEGIN IMMEDIATE")
    try:
        if not options.dry_run:
            cur = conn.execute(
                "INSERT INTO imports (source, format, encoding, delimiter, actor, started_at, update_mode) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                (source.name, source.format, source.encoding, source.delimiter, actor, at, int(options.update)),
            )
            summary.import_id = cur.lastrowid
        writer = _Writer(conn, actor, at, summary.import_id, Path(source.name).name, summary)
        in_batch = 0
        for line, record in source.records():
            summary.read += 1
            try:
                if isinstance(record, Exception):
                    raise RowError(str(record))
                if isinstance(record, list):
                    values = reader.values_from_cells(record)
                elif isinstance(record, dict):
                    values = _values_from_dict(record, dict_plans, map_overrides, file_overrides)
                else:
                    raise RowError("not a JSON object")
                row, fingerprint = reader.row(values)
                existing = None
                if row.ref:
                    existing = conn.execute("SELECT * FROM complaints WHERE ref = ?", (row.ref,)).fetchone()
                if existing is None:
                    existing = conn.execute(
                        "SELECT * FROM complaints WHERE import_fingerprint = ? LIMIT 1", (fingerprint,)
                    ).fetchone()
                    if existing is not None and row.ref and existing["ref"] and existing["ref"] != row.ref:
                        existing = None  # same content, different references: two complaints
                conn.execute("SAVEPOINT row")
                try:
                    if existing is None:
                        writer.insert(row, fingerprint, line)
                        summary.inserted += 1
                    elif options.update and writer.update(existing, row, line):
                        summary.updated += 1
                    else:
                        summary.unchanged += 1
                except sqlite3.IntegrityError as exc:
                    conn.execute("ROLLBACK TO row")
                    raise RowError(f"refused by the database: {exc}") from None
                finally:
                    conn.execute("RELEASE row")
            except RowError as exc:
                summary.rejected += 1
                rejects.add(line, str(exc), record if not isinstance(record, Exception) else "")
            in_batch += 1
            if in_batch >= options.batch_size:
                in_batch = 0
                if not one_transaction:
                    _record_counts(conn, summary)
                    conn.execute("COMMIT")
                    conn.execute("BEGIN IMMEDIATE")
                if options.progress:
                    options.progress(source.bytes_read, summary.read)
        if options.dry_run or (options.strict and summary.rejected):
            conn.execute("ROLLBACK")
            summary.aborted = bool(options.strict and summary.rejected and not options.dry_run)
            summary.import_id = None if summary.aborted else summary.import_id
        else:
            _record_counts(conn, summary, finished=at)
            conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    finally:
        rejects.close()
        source.close()
    if options.progress:
        options.progress(source.bytes_read, summary.read)
    if rejects.file is not None:
        summary.rejects_path = str(options.rejects_path)
    return summary


def _record_counts(conn: sqlite3.Connection, summary: ImportSummary, finished: str | None = None) -> None:
    if summary.import_id is None:
        return
    conn.execute(
        "UPDATE imports SET read = ?, inserted = ?, updated = ?, unchanged = ?, rejected = ?, "
        "finished_at = ? WHERE id = ?",
        (summary.read, summary.inserted, summary.updated, summary.unchanged, summary.rejected,
         finished, summary.import_id),
    )


def _values_from_dict(record: dict, plans: dict[str, ColumnPlan], map_overrides, file_overrides) -> dict:
    values: dict[str, Any] = {}
    extra: dict[str, Any] = {}
    for key, value in record.items():
        plan = plans.get(key)
        if plan is None:
            plan = plan_columns([str(key)], map_overrides, file_overrides)[0]
            plans[key] = plan
        if plan.field == IGNORED or value is None:
            continue
        if plan.field == EXTRA:
            if plan.extra_key is None:
                values["extra"] = value
            else:
                extra[plan.extra_key] = value
        elif plan.field in values:
            extra[str(key)] = value
        else:
            values[plan.field] = value if isinstance(value, (str, list, dict)) else (
                "" if value is None else (str(value).lower() if isinstance(value, bool) else str(value)))
    if extra:
        values["_extra_columns"] = extra
    return values
