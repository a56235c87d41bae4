"""--group-by-ref: the rows of a file that share a ref and follow one another are one complaint
(an event log's snapshots of one ticket, a police workbook's row per allegation, a row per
product). Their values are joined before the row is completed and validated, so the complaint
is recognised on a re-run like any other row; nothing a row said is dropped: what the complaint
does not hold is written in a note, one per row, and a reopen the snapshots show is a reopen at
the time the file gives it. docs/import.md, "Several rows per complaint"."""

from __future__ import annotations

from typing import Any

from complaintctl.core.record.lifecycle import is_open

# What the complaint is: the first row's value stands; a later row fills in only what it lacks.
IDENTITY = ("ref", "received_at", "subject", "description", "customer", "email", "phone", "company", "channel",
            "category", "cause", "remedy", "personality", "motive", "_category_text")
# Where it stands, as a whole: as the newest row says (a field it leaves empty is empty then).
STANDING = ("status", "closed_at", "resolved_at", "outcome", "resolution", "duplicate_of", "told_via",
            "customer_accepted", "_durations", "_satisfaction", "_satisfaction_at")
# Where it stands, field by field: the newest row's value where it has one.
LATEST = ("assignee", "_assignee_name", "severity", "reopened_count", "updated_at", "_reopened_at")
NOTED = tuple(n for n in (*IDENTITY, *STANDING, *LATEST, "first_response_at") if not n.startswith("_"))
NOTE_LIMIT = 2000  # characters of one row's note; the rest is counted


def join_rows(rows: list[tuple[int, dict]]) -> dict:
    """One complaint's values from the rows of its ref, in file order. The newest row (the
    latest `updated_at` when the rows have one, else the last in the file) says where it stands;
    the first says what it is; the first response is the earliest; tags are every row's. The
    result carries ``_facts``: a note for each row holding what the complaint does not, and a
    reopen for each time a row newer than a resolved or closed one is open again."""
    first = rows[0][1]
    merged = {**first, "tags": list(first.get("tags", ())), "extra": dict(first.get("extra") or {}),
              "_raw": dict(first.get("_raw") or {})}
    newest = first
    reopens: list[tuple] = []
    for line, data in rows[1:]:
        raw = data.get("_raw") or {}
        for name in IDENTITY:
            if name not in merged and name not in merged["_raw"]:
                if name in data:
                    merged[name] = data[name]
                elif name in raw:
                    merged["_raw"][name] = raw[name]
        merged["tags"] = sorted(set(merged["tags"]) | set(data.get("tags", ())))
        answered = data.get("first_response_at")
        if answered is not None and (merged.get("first_response_at") is None or answered < merged["first_response_at"]):
            merged["first_response_at"] = answered
        if _older(data, newest):
            for key, value in (data.get("extra") or {}).items():
                merged["extra"].setdefault(key, value)
            continue
        reopen = _reopen(newest, data, line)
        if reopen is not None:
            reopens.append(reopen)
        for name in STANDING:
            merged.pop(name, None)
            merged["_raw"].pop(name, None)
        for name in STANDING + LATEST:
            if name in data:
                merged[name] = data[name]
            elif name in raw:
                merged.pop(name, None)
                merged["_raw"][name] = raw[name]
        merged["extra"].update(data.get("extra") or {})
        newest = data
    for key in ("tags", "extra", "_raw"):
        if not merged[key]:
            del merged[key]
    facts: list[tuple] = [("reopened", at, "status", old, new, f"reopened: this row of ref {merged.get('ref')!r} is open again "
              "after one that was not", line) for at, old, new, line in reopens]
    facts += _cleared(reopens, rows, merged)
    facts += [("note", None, None, None, None, text, line) for line, text in
              ((line, _note(data, merged, rows[0][0])) for line, data in rows) if text]
    if facts:
        merged["_facts"] = facts
    return merged


def _older(data: dict, newest: dict) -> bool:
    """Whether ``data`` is a row older than ``newest`` by the file's own update times."""
    mine, theirs = data.get("updated_at"), newest.get("updated_at")
    return mine is not None and theirs is not None and mine < theirs


def _reopen(before: dict, after: dict, line: int) -> tuple | None:
    """(when, old status, new status, line) when ``after`` is open again after ``before`` was
    resolved or closed. The time is the file's update time of the row that shows it; a file
    without one gives no time, and no reopen is dated (the count stays in reopened_count)."""
    old, new = before.get("status"), after.get("status")
    if old is None or new is None or is_open(old) or not is_open(new):
        return None
    at = after.get("updated_at")
    return None if at is None else (at, old, new, line)


def _cleared(reopens: list[tuple], rows: list[tuple[int, dict]], merged: dict) -> list[tuple]:
    """A reopen undoes the resolution and closing before it: those times, where they are not the
    complaint's own at the end, are kept in the reopen's events (as `complaintctl reopen` keeps
    them), so that the week they were made in still counts them."""
    out = []
    for at, _old, _new, line in reopens:
        before = [data for row_line, data in rows if row_line < line]
        last = before[-1] if before else {}
        for name in ("resolved_at", "closed_at"):
            value = last.get(name)
            if value is not None and value != merged.get(name) and value <= at:
                out.append(("reopened", at, name, value, None, "cleared by the reopen", line))
    return out


def _note(data: dict, merged: dict, first: int) -> str | None:
    """What a row says that the complaint (joined from rows from line ``first`` on) does not hold, or None."""
    said = []
    raw, kept_raw = data.get("_raw") or {}, merged.get("_raw") or {}
    for name in NOTED:
        value = data.get(name, raw.get(name))
        if value is not None and value != merged.get(name, kept_raw.get(name)):
            said.append(f"{name} {_shown(value)}")
    kept = merged.get("extra") or {}
    for key, value in (data.get("extra") or {}).items():
        if kept.get(key) != value:
            said.append(f"{key} {_shown(value)}")
    if not said:
        return None
    text = "; ".join(said)
    if len(text) > NOTE_LIMIT:
        text = text[:NOTE_LIMIT - 1] + "…"
    return f"grouped by ref {merged.get('ref')!r} with line {first} on: {text}"


def _shown(value: Any) -> str:
    return repr(value if isinstance(value, str) else str(value))
