"""What an import is asked to do (ImportOptions), what it did (ImportSummary), and why a row
was refused (RowError)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from complaintctl.i18n import Message


class RowError(Exception):
    """Why one row cannot be imported."""


class ImportStopped(Exception):
    """An import stopped part-way by a failure of the system (``cause``: a full disk, a lock held
    too long), after saving the batches before it; ``saved`` says how many rows, in words."""

    def __init__(self, cause: Exception, saved: Message):
        super().__init__(f"{cause}; {saved}")
        self.cause = cause
        self.saved = saved


# Rows per committed batch, at most: a batch is held in memory whole (a reader process prepares the next).
BATCH_SIZE_MAX = 100_000


def check_batch_size(size: int) -> int:
    """The rows per batch an import is asked for, if it can be: 1 to BATCH_SIZE_MAX."""
    from complaintctl.errors import InvalidInput

    if not 1 <= size <= BATCH_SIZE_MAX:
        from complaintctl.i18n import L_

        raise InvalidInput(L_("a batch of {size} rows is not possible: from 1 to {most:,} rows", size=size,
                              most=BATCH_SIZE_MAX), hint=L_("the default, 5000, is right for almost every file"))
    return size


@dataclass
class ImportOptions:
    dry_run: bool = False
    strict: bool = False
    update: bool = False
    dayfirst: bool | None = None  # given (--dayfirst/--monthfirst, a mapping file): every column; None: decided
    dayfirst_of: dict[str, bool] = field(default_factory=dict)  # date field -> order decided from its values
    mixed_dates: set[str] = field(default_factory=set)  # date fields whose values prove both orders: read per value
    replies: Any = None  # intake/replies.py's Replies: how to tell the company's replies, set aside
    newest_snapshots: bool = False  # an event log: each ref's newest row only (intake/snapshots.py)
    reply_times: dict[str, str | tuple[str, ...]] = field(default_factory=dict)  # ref -> its replies' times (answers.py)
    threads: Any = None  # threads.Threads: customers' follow-ups, notes on the complaints that opened their threads
    follow_ups_as_complaints: bool = False  # --follow-ups-as-complaints: no follow-up is read as a note
    received_now: bool = False  # --received-now: rows without a received time get the import time
    empty_markers: list[str] = field(default_factory=list)  # a mapping file's words for "no value"
    batch_size: int = 5000  # check_batch_size
    workers: int | None = None  # reader processes: None decides by input size, 0 reads in-process
    value_aliases: dict[str, dict[str, str]] = field(default_factory=dict)
    rejects_path: Path | None = None
    progress: Callable[[int, int], None] | None = None
    defaults: dict[str, str] = field(default_factory=dict)  # field -> value for rows that have none
    group_by_ref: bool = False  # rows of one ref that follow one another are one complaint (grouping.py)


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
    duplicates: int = 0  # rows repeating an earlier row of the file (its ref, or without one all of it)
    rejected: int = 0
    grouped: int = 0  # rows joined to the row before them with the same ref (--group-by-ref)
    ref_rows: int = 0  # rows (or joined groups) with a ref that reached the writer
    ref_repeats: int = 0  # of those, the ones whose ref an earlier one of the file had
    duplicates_differing: int = 0  # of the duplicates, those saying something else (in the rejects file)
    repeated_headers: int = 0  # lines inside the file that repeat the header row: skipped, not read
    mojibake_repaired: dict[str, int] = field(default_factory=dict)  # how text was garbled -> rows repaired exactly
    replies: Any = None  # why rows were taken for the company's replies and set aside (a Message), or None
    snapshots: Any = None  # why the file was read as an event log's snapshots (a Message), or None
    superseded: int = 0  # of the duplicates, earlier snapshots of a ref whose newest row was imported
    follow_ups: int = 0  # customers' follow-ups in a thread their complaint opened: notes on it, counted as grouped
    answered_by_reply: int = 0  # complaints whose first response time is the company's reply to them
    lost_text: int = 0  # rows imported with text lost to `?` before the file was made (marked extra.text_lost)
    lost_text_first: list[dict] = field(default_factory=list)  # the first few: {line, column, value}
    rejects_removed: str | None = None  # a rejects file of an earlier run, removed by this clean one
    import_id: int | None = None
    rejects_path: str | None = None
    dry_run: bool = False
    group_by_ref: bool = False
    aborted: bool = False
    agents_created: int = 0
    customers_created: int = 0
    warnings: list[str] = field(default_factory=list)
    sheet: str | None = None  # the worksheet read, for an Excel workbook
    reject_reasons: list[dict] = field(default_factory=list)  # the commonest, with counts
    date_orders: dict[str, str] = field(default_factory=dict)  # date field -> the order used, and why
    times_zone: str | None = None  # the zone a time written without one was read in
    guessed: dict[str, str] = field(default_factory=dict)  # field -> the column guessed from its header's words
    set_aside: dict[str, str] = field(default_factory=dict)  # column -> why its values kept it from its field
    by_values: dict[str, str] = field(default_factory=dict)  # field -> the column no header named, found by values
    empty_values: dict[str, int] = field(default_factory=dict)  # field -> values read as empty (?, N/A, 无...)
    never_dates: dict[str, int] = field(default_factory=dict)  # field -> "never" dates (1900-01-01...) read as empty
    set_aside_values: dict[str, int] = field(default_factory=dict)  # what was kept in extra to keep a row whole
    set_aside_as: dict[str, list[str]] = field(default_factory=dict)  # of those, where each kept its values as given
    # field -> {cells, first, read_as}: label cells read by one part of several (`道歉赔偿/解释` as
    # explanation), each cell's whole text kept in extra as FIELD_as_given
    read_by_part: dict[str, dict] = field(default_factory=dict)
    stamped_now: int = 0  # rows given the import time as received time (--received-now)
    subject_from_category: int = 0  # rows with neither subject nor description: subject = the category cell
    subject_from_ref: int = 0  # rows with no subject, description or category: "(no subject)" and the ref
    unclassified: list[dict] = field(default_factory=list)  # {field, label, rows, first_line, suggestion}
    inactive_assignees: dict[str, int] = field(default_factory=dict)  # deactivated agent -> rows assigned
    # rows whose name is not that of the known customer their email or phone belongs to: filed under
    # that customer, the row's name kept in extra.customer_as_given; count and the first few
    other_names: int = 0
    other_names_first: list[dict] = field(default_factory=list)  # {line, name, customer_id, customer}
    # rejected rows whose ref is a complaint's now in the database (imported from another row of the
    # file, as an event log's earlier snapshots, or before): another version of it, not a lost complaint
    rejected_known_ref: int = 0
    _unplaced: dict = field(default_factory=dict, repr=False)
    _saved: list = field(default_factory=lambda: [0, 0, 0], repr=False)  # read, inserted, updated when last committed

    def add_stats(self, stats: dict) -> None:
        """Add a batch's ReadStats counts."""
        for counts, into in ((stats["empties"], self.empty_values), (stats["never"], self.never_dates),
                             (stats["asides"], self.set_aside_values)):
            for name, n in counts.items():
                into[name] = into.get(name, 0) + n
        self.stamped_now += stats["stamped"]
        self.subject_from_category += stats["from_category"]
        self.subject_from_ref += stats["from_ref"]
        self.grouped += stats["grouped"]
        self.superseded += stats["superseded"]
        self.answered_by_reply += stats["answered"]
        self.follow_ups += stats["follow_ups"]
        self.duplicates += stats["superseded"]  # rows the file repeats (an earlier snapshot), not imported
        self.repeated_headers += stats["repeated_headers"]
        self.lost_text += stats["lost"]
        self.lost_text_first += stats["lost_first"][:3 - len(self.lost_text_first)]
        for what, places in stats["kept"].items():
            known = self.set_aside_as.setdefault(what, [])
            known += [p for p in places if p not in known]
        for name, (n, text, code) in stats["parts"].items():
            seen = self.read_by_part.setdefault(name, {"cells": 0, "first": text, "read_as": code})
            seen["cells"] += n
        for how, n in stats["repaired"].items():
            self.mojibake_repaired[how] = self.mojibake_repaired.get(how, 0) + n

    def unplaced(self, raw: tuple, line: int) -> None:
        """Count an inserted row's labels that named nothing (kept raw, the field left empty)."""
        for key in raw:
            seen = self._unplaced.get(key)
            if seen is None:
                if len(self._unplaced) < 10_000:
                    self._unplaced[key] = [1, line]
            else:
                seen[0] += 1

    def add_other_names(self, rows: list[tuple]) -> None:
        """Count a written batch's rows that named someone else than their contact's customer."""
        self.other_names += len(rows)
        for line, name, customer_id, known in rows[:max(0, 5 - len(self.other_names_first))]:
            self.other_names_first.append({"line": line, "name": name, "customer_id": customer_id, "customer": known})

    def as_dict(self) -> dict:
        return {k: v for k, v in self.__dict__.items() if not k.startswith("_")}


