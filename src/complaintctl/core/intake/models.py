"""Pydantic models at the import edge: one validated row, and a TOML mapping file.

The row model keeps every check on the Rust side of pydantic (types, lengths,
patterns): ~2 µs a row, where Python validators would cost several times that in
a loop that must run at a quarter of raw executemany speed (bench/import.py).
Values arrive already converted (codes resolved, times as canonical UTC text).
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, TypeAdapter
from typing_extensions import NotRequired, TypedDict

from complaintctl.core.record.limits import (
    AGENT_NAME_PATTERN,
    EMAIL_PATTERN,
    MAX_AGENT_NAME,
    MAX_CODE,
    MAX_EMAIL,
    MAX_PHONE,
    MAX_SHORT,
    MAX_SUBJECT,
    MAX_TAG,
    MAX_TEXT,
    PHONE_PATTERN,
)

Short = Annotated[str, StringConstraints(min_length=1, max_length=MAX_SHORT)]
# A reference is one line, as `log --ref` takes it: a control character (a newline, an escape)
# would break every list and log it is shown in. Checked in Rust, on the rows that have one.
ONE_LINE = r"^[^\x00-\x1f\x7f-\x9f]*$"
Ref = Annotated[str, StringConstraints(min_length=1, max_length=MAX_SHORT, pattern=ONE_LINE)]
# Codes and times are produced by the importer's own lookups and formatting, so the
# model checks their type and size only; patterns here would double the cost of a row.
Code = Annotated[str, StringConstraints(min_length=1, max_length=MAX_CODE)]
Text = Annotated[str, StringConstraints(max_length=MAX_TEXT)]
Moment = Annotated[str, StringConstraints(min_length=20, max_length=20)]
Email = Annotated[str, StringConstraints(pattern=EMAIL_PATTERN, max_length=MAX_EMAIL)]
Phone = Annotated[str, StringConstraints(pattern=PHONE_PATTERN, max_length=MAX_PHONE)]
AgentName = Annotated[str, StringConstraints(pattern=AGENT_NAME_PATTERN, max_length=MAX_AGENT_NAME)]
Tag = Annotated[str, StringConstraints(min_length=1, max_length=MAX_TAG)]


class ImportRow(TypedDict):
    """One complaint as read from a file. Only subject and received_at are required."""

    __pydantic_config__ = ConfigDict(extra="forbid")  # type: ignore[misc]

    subject: Annotated[str, StringConstraints(min_length=1, max_length=MAX_SUBJECT)]
    received_at: Moment
    ref: NotRequired[Ref]
    customer: NotRequired[Short]
    email: NotRequired[Email]
    phone: NotRequired[Phone]
    company: NotRequired[Short]
    channel: NotRequired[Code]
    description: NotRequired[Text]
    remedy: NotRequired[Code]
    category: NotRequired[Code]
    severity: NotRequired[Code]
    cause: NotRequired[Code]
    personality: NotRequired[Code]
    motive: NotRequired[Code]
    tags: NotRequired[list[Tag]]
    status: NotRequired[Code]
    assignee: NotRequired[AgentName]
    resolution: NotRequired[Text]
    outcome: NotRequired[Code]
    closed_at: NotRequired[Moment]
    first_response_at: NotRequired[Moment]
    resolved_at: NotRequired[Moment]
    updated_at: NotRequired[Moment]
    told_via: NotRequired[Code]
    customer_accepted: NotRequired[bool]
    duplicate_of: NotRequired[Annotated[int, Field(gt=0)]]
    reopened_count: NotRequired[Annotated[int, Field(ge=0)]]
    extra: NotRequired[dict[str, Any]]


ROW_ADAPTER = TypeAdapter(ImportRow)


class MappingFile(BaseModel):
    """A TOML file that says how to read a team's exports.

    [columns]            "Header" = "field"  (or "ignore", "extra")
    [values.channel]     "400热线" = "phone"
    [defaults]           channel = "phone"   (for rows that have none)
    encoding, delimiter, dayfirst, format, empty = ["未填"], group_by_ref = true, header_row = 3
    (0: no header row) at the top level.
    """

    model_config = ConfigDict(extra="forbid")

    columns: dict[str, str] = Field(default_factory=dict)
    values: dict[str, dict[str, str]] = Field(default_factory=dict)
    defaults: dict[str, str] = Field(default_factory=dict)
    encoding: str | None = None
    delimiter: Annotated[str, StringConstraints(min_length=1, max_length=3)] | None = None
    dayfirst: bool | None = None  # unset: each date column's order is decided from its values
    empty: list[str] = Field(default_factory=list)  # more cells that mean "no value" ("未填", "TBD")
    format: str | None = None
    group_by_ref: bool = False  # rows of one ref that follow one another are one complaint (--group-by-ref)
    header_row: Annotated[int, Field(ge=0)] | None = None  # the line that names the columns; 0: none
