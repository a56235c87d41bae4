"""How one cell becomes a field's value: the conversion steps, the small converters
(yes/no, numbers, JSON extra, a subject from a description) and the lifecycle rules a
complaint's history must keep."""

from __future__ import annotations

import json
import re
from typing import Any, cast

from complaintctl.core.people.matching import split_mailbox
from complaintctl.core.record.lifecycle import time_order_problem
from complaintctl.i18n import L_, N_
from complaintctl.i18n.said import Code, Field

CODE_FIELDS = {"channel": "channel", "remedy": "remedy", "category": "category",
               "severity": "severity", "cause": "cause", "personality": "personality",
               "motive": "motive", "status": "status", "outcome": "outcome", "told_via": "channel"}
# Codes that are facts of the lifecycle: one that cannot be read is kept raw (raw_labels) like any
# other label, and the row's own times say where the complaint stands (_make_consistent).
LIFECYCLE_CODES = ("status", "outcome")
DATE_FIELDS = {"received": "received_at", "closed": "closed_at", "first_response_at": "first_response_at",
               "resolved_at": "resolved_at", "updated_at": "updated_at",
               # times that make facts of their own (intake/facts.py), not columns of the complaint
               "satisfaction_at": "_satisfaction_at", "reopened_at": "_reopened_at"}
# Fields read into facts (intake/facts.py): lengths of time from received, a satisfaction score.
FACT_FIELDS = ("first_response_after", "first_response_minutes", "first_response_hours", "first_response_days",
               "resolved_after", "resolved_minutes", "resolved_hours", "resolved_days", "satisfaction")
TAG_SEPARATORS = re.compile(r"[,;，；、|]")
MEMO_LIMIT = 20_000  # entries per reader memo: a few MB each at most
TRUE_WORDS = {"1", "true", "yes", "y", "是", "接受", "已接受", "满意", "同意"}
FALSE_WORDS = {"0", "false", "no", "n", "否", "不接受", "未接受", "不满意", "不同意"}


# Cells that say "no value" (compared in lower case): read as empty in every field. A mapping
# file's `empty = [...]` adds to them. docs/import.md lists them.
EMPTY_MARKERS = frozenset({"?", "??", "-", "--", "---", "—", "n/a", "na", "n.a.", "#n/a", "null", "none", "nil",
                           "nan", "unknown", "unspecified", "not provided", "无", "（空）", "(空)", "空", "/", "\\",
                           "暂无", "不详", "未知", "未填", "未填写", "#"})


def empty_spellings(more: list[str] | tuple = ()) -> frozenset[str]:
    """Every spelling of the empty markers a cell is compared with as it is (no lower() per cell)."""
    words = {w.strip().lower() for w in (*EMPTY_MARKERS, *more) if w.strip()}
    return frozenset(s for w in words for s in (w, w.upper(), w.capitalize(), w.title()))


class ReadStats:
    """What the reader saw that the summary reports: values read as empty (per field), "never"
    dates read as empty (per field), rows stamped with the import time, rows titled by their
    category or ref, and what was set aside to keep a row whole. Travels with each batch from the
    reader process."""

    def __init__(self):
        self.empties: dict[str, int] = {}
        self.never: dict[str, int] = {}
        self.asides: dict[str, int] = {}
        self.kept: dict[str, list[str]] = {}  # what was set aside -> where its values as given are kept
        self.stamped = 0
        self.from_category = 0  # rows with neither subject nor description, titled by their category
        self.from_ref = 0  # rows with no subject, description or category: "(no subject)" and the ref
        self.grouped = 0  # rows joined to the row before them with the same ref (--group-by-ref)
        self.repeated_headers = 0  # lines repeating the header row: skipped, not read
        self.repaired: dict[str, int] = {}  # rows whose garbled text (mojibake) was repaired, per how
        self.lost = 0  # rows with text lost to `?` before the file was made (intake/losttext.py)
        self.superseded = 0  # an event log's earlier snapshots of a ref, not imported (intake/snapshots.py)
        self.follow_ups = 0  # customers' follow-ups made notes on the complaints their threads began with
        self.answered = 0  # complaints whose first response is the company's reply to them (intake/answers.py)
        self.lost_first: list[dict] = []  # the first few: {line, column, value}
        self.parts: dict[str, list] = {}  # field -> [cells read by one part of several, first text, its code]

    def empty(self, field: str) -> None:
        self.empties[field] = self.empties.get(field, 0) + 1

    def never_date(self, field: str) -> None:
        self.never[field] = self.never.get(field, 0) + 1

    def aside(self, what: str, kept: str | None = None) -> None:
        """Count ``what`` (set aside or assumed); ``kept`` says where the value as given is kept
        (`extra.email_as_given`), for the summary to name the real place."""
        self.asides[what] = self.asides.get(what, 0) + 1
        if kept is not None:
            places = self.kept.setdefault(what, [])
            if kept not in places and len(places) < 20:
                places.append(kept)

    def by_part(self, field: str, text: str, code: str) -> None:
        seen = self.parts.get(field)
        if seen is None:
            self.parts[field] = [1, text, code]
        else:
            seen[0] += 1

    def lost_text(self, line: int, columns: list[str], record: list | dict, headers: list[str]) -> None:
        self.lost += 1
        if len(self.lost_first) < 3:
            key = headers.index(columns[0]) if record.__class__ is list and columns[0] in headers else columns[0]
            try:
                value = cast(Any, record)[key]
            except (IndexError, KeyError, TypeError):
                value = ""
            value = str(value)
            at = max(0, value.find("??") - 12)
            self.lost_first.append({"line": line, "column": columns[0], "value": value[at:at + 40]})

    def take(self) -> dict:
        """The counts since the last take, as plain data (reset)."""
        out = {"empties": self.empties, "never": self.never, "asides": self.asides, "stamped": self.stamped,
               "from_category": self.from_category, "from_ref": self.from_ref, "grouped": self.grouped,
               "repeated_headers": self.repeated_headers, "repaired": self.repaired, "lost": self.lost,
               "lost_first": self.lost_first, "superseded": self.superseded, "answered": self.answered,
               "follow_ups": self.follow_ups, "parts": self.parts, "kept": self.kept}
        self.empties, self.never, self.asides, self.stamped, self.from_category, self.from_ref = {}, {}, {}, 0, 0, 0
        self.grouped, self.repeated_headers, self.repaired, self.lost, self.lost_first = 0, 0, {}, 0, []
        self.superseded = self.answered = self.follow_ups = 0
        self.parts, self.kept = {}, {}
        return out


class RowError(Exception):
    """Why one row cannot be imported: ``reason``, a Message (its English text goes into the rejects
    file, whatever the language; the summary says it in the reader's)."""

    @property
    def reason(self) -> str:
        return self.args[0] if self.args else ""


class NeverDate(Exception):
    """A date that systems write for "not yet" (1900-01-01, 0000-00-00, Excel's day zero, the Unix
    epoch): read as empty, and counted."""


# Dates (as UTC text, the first ten characters) that stand for "no date": Excel's day zero and the
# days around it, the first day of 1900 some help desks write for "not solved", .NET's smallest date,
# the Unix epoch in any zone, and the largest dates written for "never ends".
_NEVER_DAYS = ("1899-12-30", "1899-12-31", "1900-01-01", "0001-01-01", "0001-01-02", "1969-12-31", "1970-01-01")


def is_never(iso: str) -> bool:
    """Whether a time read from a file is one of the placeholders systems write for no date."""
    return iso[:10] in _NEVER_DAYS or iso >= "9999-12-30"


def is_zero_date(text: str) -> bool:
    """`0000-00-00`, `00/00/0000 00:00`, `0`: a date column's zero, MySQL's and Excel's "no date"."""
    return not text.strip("0-/.: ") and "0" in text


# How a field's value is converted; the first five are text, stripped first (see RowReader._convert).
_TEXT, _CODE, _DATE, _SUBJECT, _SPECIAL, _TAGS, _EXTRA, _EXTRA_COLUMN, _SKIP = range(9)
DISPATCH: dict[str, tuple[int, str | None]] = {
    **{name: (_TEXT, None) for name in ("ref", "customer", "email", "phone", "company", "description",
                                        "resolution")},
    **{name: (_CODE, kind) for name, kind in CODE_FIELDS.items()},
    **{name: (_DATE, column) for name, column in DATE_FIELDS.items()},
    "subject": (_SUBJECT, None),
    "received_time": (_TEXT, None),  # a received date's time of day, in a column of its own (timeofday.py)
    **{name: (_SPECIAL, None) for name in ("customer_accepted", "duplicate_of", "reopened_count", "assignee",
                                           *FACT_FIELDS)},
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


# Several people in one cell: GLPI writes "Jean Coelho <br>Roger Lauermann", others a line per name.
_PEOPLE_BREAK = re.compile(r"\s*(?:<br\s*/?>|[\r\n;|]|&lt;br\s*/?&gt;)\s*", re.IGNORECASE)


def agent_names(text: str) -> tuple[str, str, list[str]]:
    """(the agent's one-word name, the name as written, the other people named in the cell). The
    name as written (`Gallinari, Isabella`, `Flávia Machado`) is the agent's display name; the
    one-word name drops the spaces and commas an agent name cannot hold (`Gallinari.Isabella`)."""
    names = [n for n in _PEOPLE_BREAK.split(text) if n.strip()] or [text]
    written = " ".join(names[0].split())
    return ".".join(written.replace(",", " ").split()), written, names[1:]


def _special(name: str, text: str) -> Any:
    if name == "customer_accepted":
        word = text.lower()
        if word in TRUE_WORDS:
            return True
        if word in FALSE_WORDS:
            return False
        raise RowError(L_("customer_accepted {text!r} is not yes/no", text=text))
    if name == "assignee":
        return ".".join(text.split())
    number = text.lstrip("#")
    if not number.isdigit():
        raise RowError(L_("{name} {text!r} is not a number", name=Field(name), text=text))
    return int(number)


def _first_error(exc) -> str:
    """A row's first validation error in the reader's words, by its kind (pydantic's own words only
    for a kind no row of ImportRow can meet)."""
    first = exc.errors()[0]
    loc = first["loc"]
    where: Any = L_("row") if not loc else Code("field", str(loc[0])) if len(loc) == 1 else \
        ".".join(str(p) for p in loc)
    kind = first["type"]
    value = first.get("input")
    ctx = first.get("ctx") or {}
    if kind == "string_pattern_mismatch" and where == "ref":
        bad = next(c for c in value if ord(c) < 0x20 or 0x7f <= ord(c) <= 0x9f)
        message = L_("{value!r} holds a control character (U+{code:04X})", value=value[:40], code=ord(bad))
    elif kind == "string_pattern_mismatch":
        message = L_("invalid value {value!r}", value=value)
    elif kind in ("string_too_long", "too_long"):
        message = L_("too long ({n:,} characters, at most {most:,})", n=len(value or ""), most=ctx.get("max_length", 0))
    elif kind in ("string_too_short", "too_short"):
        message = L_("empty")
    elif kind == "extra_forbidden":
        message = L_("not a known field")
    elif kind == "missing":
        message = L_("missing")
    elif kind == "greater_than":
        message = L_("{value!r} is too small: it must be more than {limit}", value=value, limit=ctx.get("gt"))
    elif kind == "greater_than_equal":
        message = L_("{value!r} is too small: it must be {limit} or more", value=value, limit=ctx.get("ge"))
    elif kind.endswith(("_type", "_parsing")):
        message = L_("{value!r} is not a value of this field", value=value)
    else:
        message = L_("not valid: {detail}", detail=first["msg"])  # pydantic's own words, for a kind not foreseen
    return L_("{where}: {message}", where=where, message=message)


# What the lifecycle makes the import assume, said in the summary (a closed complaint needs a closed time).
ANSWERED = "~" + N_("had no status but an answer (a resolution and the time of the first response): resolved at that "
                    "time (a status column, or a status for every row, says otherwise)")
ASSUMED_CLOSED = "~" + N_("closed with no closed time in the file: closed at its last update time")
ASSUMED_CLOSED_RECEIVED = "~" + N_("closed with no closed or update time in the file: closed at its received time")
ASSUMED_RESOLVED = "~" + N_("resolved with no resolution time in the file: resolved at its last update time")
ASSUMED_RESOLVED_RECEIVED = "~" + N_("resolved with no resolution or update time in the file: resolved at its received time")


def _make_consistent(row: dict, raw: dict | None = None) -> list[tuple[str, str | None]]:
    """History from other desks is messy; fill what the lifecycle implies, refuse what it forbids.
    A status the file did not give (or gave in words nobody knows) is read from the row's own
    times: a closed time says closed, a resolution time resolved, else the complaint is new.
    Returns what was set aside or assumed to keep the row whole, each with where the value as given
    is kept (None for what was assumed), for the summary."""
    aside: list[tuple[str, str | None]] = []
    status = row.get("status")
    if status is None:
        if "closed_at" not in row and "resolved_at" not in row and "first_response_at" in row and row.get("resolution"):
            # answered (a message board's reply, with its time): the answer is the resolution
            row["resolved_at"] = row["first_response_at"]
            aside.append((ANSWERED, None))
        status = row["status"] = ("closed" if "closed_at" in row else "resolved" if "resolved_at" in row
                                  else "acknowledged" if "first_response_at" in row else "new")
    received = row["received_at"]
    updated = row.get("updated_at")
    if updated is not None and updated < received:
        updated = None  # a last update before receipt (a time typed by hand) says nothing of when it ended
    if status == "closed":
        if "outcome" not in row:
            row["outcome"] = "duplicate" if row.get("duplicate_of") else "resolved"
        if "closed_at" not in row:
            row["closed_at"] = row.get("resolved_at") or updated or received
            if "resolved_at" not in row:
                aside.append((ASSUMED_CLOSED if updated else ASSUMED_CLOSED_RECEIVED, None))
    elif "closed_at" in row:
        # an open status with a closed time (a reopened ticket keeps its old one): the status is
        # where it stands now; the time is kept with the complaint, not dropped
        row.setdefault("extra", {})["closed_at_as_given"] = row.pop("closed_at")
        aside.append((L_("closed time of a complaint whose status is not closed"), "extra.closed_at_as_given"))
    if row.get("outcome") == "duplicate" and "duplicate_of" not in row:
        # "Duplicate" without the complaint it repeats: the word is kept raw, the outcome is the default
        if raw is not None:
            raw.setdefault("outcome", "duplicate")
        row["outcome"] = "resolved"
        aside.append((L_("outcome duplicate without duplicate_of"), "raw_labels (outcome)"))
    if status == "resolved" and "resolved_at" not in row:
        row["resolved_at"] = updated or received
        aside.append((ASSUMED_RESOLVED if updated else ASSUMED_RESOLVED_RECEIVED, None))
    if row.get("outcome") == "resolved" and "resolved_at" not in row:
        row["resolved_at"] = row["closed_at"]
    problem = time_order_problem(row)  # the rule `update` and `close` keep too
    moved = _within_a_minute(row) if problem else []
    if moved:
        aside.append((L_("time less than a minute before the time it must follow (the two written to other "
                         "precisions): read as that time"), ", ".join(f"extra.{key}" for key in moved)))
        problem = time_order_problem(row)
    if problem and "first_response_at" in row:
        # a later optional time (a reviewer's note after solving) is no first response: kept, not the row lost
        first = row.pop("first_response_at")
        if time_order_problem(row) is None:
            row.setdefault("extra", {})["first_response_at_as_given"] = first
            aside.append((L_("first response time after the row's resolution or closing"),
                          "extra.first_response_at_as_given"))
            problem = None
        else:
            row["first_response_at"] = first
    if problem:
        raise RowError(problem)
    return aside


def _within_a_minute(row: dict) -> list[str]:
    """Move each time that is less than a minute before the time it must follow up to it (Autotask's
    `completedDate` 23:43:20.987 before its `resolvedDateTime` 23:43:21.000: clocks of other precisions,
    not a contradiction), keeping the time as given in extra; the extra keys of those moved."""
    from datetime import datetime

    from complaintctl.core.record.lifecycle import TIME_ORDER

    moved: list[str] = []
    given = [name for name, _ in TIME_ORDER if isinstance(row.get(name), str)]
    for earlier, later in zip(given, given[1:], strict=False):
        a, b = row[earlier], row[later]
        if b < a and b[:4] == a[:4]:
            try:
                gap = (datetime.fromisoformat(a.replace("Z", "+00:00")) -
                       datetime.fromisoformat(b.replace("Z", "+00:00"))).total_seconds()
            except ValueError:
                continue
            if gap < 60:
                row.setdefault("extra", {})[f"{later}_as_given"] = b
                row[later] = a
                moved.append(f"{later}_as_given")
    return moved


# The writer's customer cache, in keys (an email and a phone per customer, ~135 bytes each):
# about 20 MB at most, so that memory stays flat however many customers a file brings.


def sort_contacts(data: dict, extra: dict | None) -> dict | None:
    """An email in the phone column moves to email; 'Name <mail>' splits into the customer's name
    and the address, further addresses kept in extra. Returns extra."""
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
    return extra
