"""One row ready for the writer: what the reader made of a record (values.py, `RowReader.prepare`)
and the writer takes (writer.py), by name instead of by position. Everything in it was worked out
without the database, so the reader can run in a process of its own; a batch of them crosses to
the writer pickled."""

from __future__ import annotations

from typing import Any, NamedTuple


class PreparedRow(NamedTuple):
    line: int  # the record's line in the file
    fingerprint: int  # what recognises the row on a re-run when it has no ref
    ref: str | None  # the source system's reference
    status: str
    columns: tuple[str, ...]  # the complaint columns the row has values for; rows of one shape share the tuple
    values: tuple  # their values, in the order of ``columns``
    person: tuple | None  # the customer: (cache keys, name, email, phone, company, email and phone normalised)
    assignee: str | None
    tags: Any  # the row's tags
    cells: Any  # the original values, only where the writer may still reject the row (a duplicate_of, a repeat)
    raw: tuple | None  # raw labels no code matched: ((field, label), ...)
    earlier: int | None  # the line of an earlier row of the file with the same ref (without one, fingerprint)
    assignee_name: str | None  # the assignee's name as written, when it is not their one-word name
    facts: tuple | None  # durations, scores and reopens the row states (intake/facts.py)
