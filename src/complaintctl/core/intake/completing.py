"""The completing half of a row's reading (a mixin of RowReader, intake/values.py): the received time
and subject filled in, the lifecycle made consistent, the facts the row implies added, the row
validated and fingerprinted for in-file duplicates and re-runs."""

from __future__ import annotations

import hashlib
from typing import Any

from complaintctl.core.intake.cells import (
    MEMO_LIMIT,
    NeverDate,
    ReadStats,
    RowError,
    _make_consistent,
    _remember,
    subject_from_description,
)
from complaintctl.core.intake.facts import dated_facts, derive_times
from complaintctl.core.intake.whole import validated_whole
from complaintctl.core.people.matching import looks_scientific, normalize_phone
from complaintctl.i18n import L_

# A row's values that make facts once its times are final (intake/facts.py), apart from its columns.
DATED = ("_satisfaction", "_satisfaction_at", "_reopened_at")


class RowCompletion:
    """The completing half of RowReader (a mixin: it uses the reader's validator, memos and stats,
    declared here, set by RowReader.__init__)."""

    validate: Any
    validation_error: Any
    stats: ReadStats
    received_now: bool
    now_iso: str
    latest_iso: str
    _phones: dict[str, str | None]
    reply_times: dict[str, str | tuple[str, ...]]
    _moment: Any

    def complete(self, data: dict) -> tuple[dict, int]:
        """(validated row, fingerprint) from converted values: the received time and subject
        filled in, the lifecycle made consistent, the facts the row implies added."""
        received_given = data.get("received_at")
        time_of_day = data.pop("received_time", None)
        if time_of_day is not None and received_given is not None:
            from complaintctl.context import local_zone
            from complaintctl.core.intake.timeofday import with_time_of_day

            data["received_at"] = with_time_of_day(received_given, time_of_day, local_zone())
        self._fill_required(data)
        if self.reply_times and received_given is not None and "first_response_at" not in data:
            self._answered(data)
        derive_times(data, self.stats, received_given is None, self.latest_iso)
        return self._validated(data, received_given)

    def _answered(self, data: dict) -> None:
        """The first response time of a complaint the company answered in the same file (answers.py)."""
        from complaintctl.core.intake.answers import ref_key

        ref = data.get("ref")
        written = self.reply_times.get(ref_key(ref)) if ref else None
        if written is None:
            return
        received = data["received_at"]
        first = None
        for when in ((written,) if written.__class__ is str else written):
            try:
                at = self._moment("received", when)
            except (RowError, NeverDate, OverflowError):
                continue
            if at >= received and (first is None or at < first):  # the earliest by time, not by line
                first = at
        if first is not None:
            data["first_response_at"] = first
            self.stats.answered += 1

    def _fill_required(self, data: dict) -> None:
        """A received time (the import's own only when asked) and a subject (from the description,
        else the category cell as written)."""
        if data.get("received_at") is None:
            if not self.received_now:
                raise RowError(L_("no received time (never filled in with the import time unless asked: "
                                  "--received-now, or --set received=TIME)"))
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
            elif data.get("ref"):  # a help desk's ticket with no text exported: still a ticket
                data["subject"] = f"(no subject) {data['ref']}"
                self.stats.from_ref += 1
            else:
                raise RowError(L_("no text: no subject, description, category or ref says what this complaint is"))

    def _validated(self, data: dict, received_given: str | None) -> tuple[dict, int]:
        """The validated row with its normalised email and phone (for matching), and its fingerprint."""
        raw = data.pop("_raw", None)
        written = data.pop("_assignee_name", None)
        facts = data.pop("_facts", None)
        dated = {key: data.pop(key) for key in DATED if key in data}
        row = validated_whole(self.validate, self.validation_error, data, self.stats)
        if raw is None and row.get("outcome") == "duplicate":
            raw = {}
        for aside, kept in _make_consistent(row, raw):
            self.stats.aside(aside, kept)
        if facts:
            row["_facts"] = facts
        if dated or row.get("reopened_count"):
            dated_facts(row, dated, self.stats)
        facts = row.pop("_facts", None)
        if raw:
            row["_raw"] = raw
        if written:
            row["_assignee_name"] = written
        if facts:
            row["_facts"] = facts
        email = row.get("email")
        phone = row.get("phone")
        row["_email"] = email_n = email.strip().lower() if email else None
        if phone:
            phone_n = self._phones.get(phone)
            if phone_n is None and looks_scientific(phone):
                # a spreadsheet wrote it in scientific notation and its digits are lost: matching on
                # what remains would file the complaint under a stranger; kept as written, unmatched
                row.setdefault("extra", {})["phone_as_given"] = row.pop("phone")
                self.stats.aside(L_("phone written in scientific notation (its digits are lost)"),
                                 "extra.phone_as_given")
                phone = None
            elif phone_n is None:
                phone_n = _remember(self._phones, phone, normalize_phone(phone), MEMO_LIMIT)
        if not phone:
            phone_n = None
        row["_phone"] = phone_n
        digest = hashlib.blake2b("\x1f".join((
            row["subject"], received_given or "", email_n or "", phone_n or "", row.get("customer", ""),
            row.get("description", ""), row.get("channel", ""),
        )).encode("utf-8"), digest_size=8).digest()
        return row, int.from_bytes(digest, "big", signed=True)
