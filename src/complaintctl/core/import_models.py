"""Pydantic models at the import edge: one validated row, and a TOML mapping file."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

Short = Annotated[str, StringConstraints(min_length=1, max_length=200)]
Code = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$")]
Text = Annotated[str, StringConstraints(max_length=10 * 1024 * 1024)]


class ImportRow(BaseModel):
    """One complaint as read from a file, after codes and dates were resolved."""

    model_config = ConfigDict(extra="forbid")

    ref: Short | None = None
    received_at: datetime
    customer: Short | None = None
    email: Annotated[str, StringConstraints(pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$",
                                            max_length=320)] | None = None
    phone: Annotated[str, StringConstraints(pattern=r"^[^\n]*\d{3,}[^\n]*$", max_length=60)] | None = None
    company: Short | None = None
    channel: Code | None = None
    subject: Annotated[str, StringConstraints(min_length=1, max_length=500)]
    description: Text | None = None
    remedy: Code | None = None
    category: Code | None = None
    severity: Code | None = None
    cause: Code | None = None
    personality: Code | None = None
    motive: Code | None = None
    tags: list[Annotated[str, StringConstraints(min_length=1, max_length=64)]] = Field(default_factory=list)
    status: Code = "new"
    assignee: Annotated[str, StringConstraints(pattern=r"^[^\s,]+$", max_length=100)] | None = None
    resolution: Text | None = None
    outcome: Code | None = None
    closed_at: datetime | None = None
    first_response_at: datetime | None = None
    resolved_at: datetime | None = None
    told_via: Code | None = None
    customer_accepted: bool | None = None
    duplicate_of: Annotated[int, Field(gt=0)] | None = None
    reopened_count: Annotated[int, Field(ge=0)] = 0
    updated_at: datetime | None = None
    extra: dict[str, Any] | None = None

    @model_validator(mode="after")
    def consistent(self) -> ImportRow:
        if self.status == "closed":
            if self.outcome is None:
                self.outcome = "duplicate" if self.duplicate_of else "resolved"
            if self.closed_at is None:
                self.closed_at = self.resolved_at or self.updated_at or self.received_at
        elif self.closed_at is not None and self.status != "closed":
            raise ValueError(f"has a closed time but status {self.status}")
        if self.outcome == "duplicate" and self.duplicate_of is None:
            raise ValueError("outcome duplicate needs duplicate_of")
        if self.status == "resolved" and self.resolved_at is None:
            self.resolved_at = self.updated_at or self.received_at
        if self.outcome == "resolved" and self.resolved_at is None:
            self.resolved_at = self.closed_at
        for name in ("closed_at", "first_response_at", "resolved_at"):
            moment = getattr(self, name)
            if moment is not None and moment < self.received_at:
                raise ValueError(f"{name} is before the received time")
        return self


class MappingFile(BaseModel):
    """A TOML file that says how to read a team's exports.

    [columns]            "Header" = "field"  (or "ignore", "extra")
    [values.channel]     "400热线" = "phone"
    encoding, delimiter, dayfirst, format at the top level.
    """

    model_config = ConfigDict(extra="forbid")

    columns: dict[str, str] = Field(default_factory=dict)
    values: dict[str, dict[str, str]] = Field(default_factory=dict)
    encoding: str | None = None
    delimiter: Annotated[str, StringConstraints(min_length=1, max_length=2)] | None = None
    dayfirst: bool = False
    format: str | None = None
