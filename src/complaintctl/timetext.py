"""Stored times as text, below core and render alike: the stored form (ISO-8601 in UTC with a
``Z``) and the local wall time shown to people. core/record/dates.py reads what people type."""

from __future__ import annotations

from datetime import datetime, timezone

from complaintctl.context import local_zone

UTC = timezone.utc
ISO_FORMAT = "%Y-%m-%dT%H:%M:%SZ"


def to_iso(moment: datetime) -> str:
    """Aware datetime -> stored text (UTC, seconds, Z)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=local_zone())  # naive means local time
    return moment.astimezone(UTC).strftime(ISO_FORMAT)


def from_iso(text: str) -> datetime:
    """Stored text -> aware UTC datetime."""
    if text.endswith("Z"):
        text = text[:-1] + "+00:00"
    moment = datetime.fromisoformat(text)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment


def to_local_text(stored: str | None, seconds: bool = False) -> str:
    """Stored UTC text -> local wall time for display (``2026-11-24 11:34``). Text that is not
    ISO (edited by hand, say; `check` reports it) is shown as it is, not turned into an error."""
    if not stored:
        return ""
    try:
        local = from_iso(stored).astimezone(local_zone())
    except (ValueError, TypeError):
        return str(stored)
    return local.strftime("%Y-%m-%d %H:%M:%S" if seconds else "%Y-%m-%d %H:%M")


def zone_name() -> str:
    """The local time zone's name as people know it (``Asia/Shanghai``, or ``CST`` from the system)."""
    from complaintctl.context import zone_key

    return zone_key()
