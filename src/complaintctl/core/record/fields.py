"""The checks of a complaint's typed fields, by the limits of core/record/limits.py: below `log`,
`update`, `close`, the interactive questions and `list --tag`, which all apply them."""

from __future__ import annotations

from complaintctl.core.record.limits import MAX_SUBJECT, MAX_TAG, MAX_TEXT
from complaintctl.errors import InvalidInput


def clean(text: str | None) -> str | None:
    """Text as stored: NULs dropped, ends stripped, empty as None."""
    if text is None:
        return None
    text = text.replace("\x00", "").strip()
    return text or None


def normalize_tag(tag: str) -> str:
    cleaned = " ".join(tag.replace(",", " ").split()).lower()
    if not cleaned:
        raise InvalidInput("empty tag")
    if len(cleaned) > MAX_TAG:
        raise InvalidInput(f"tag too long ({len(cleaned)} characters, at most {MAX_TAG})")
    return cleaned


def check_subject(subject: str | None) -> str:
    subject = clean(subject)
    if not subject:
        raise InvalidInput("a subject is required", hint='--subject "what the complaint is about"')
    subject = " ".join(subject.split())
    if len(subject) > MAX_SUBJECT:
        raise InvalidInput(f"subject too long ({len(subject)} characters, at most {MAX_SUBJECT})",
                           hint="put the detail in --description")
    return subject


def check_text(value: str | None, what: str) -> str | None:
    value = clean(value)
    if value is not None and len(value) > MAX_TEXT:
        raise InvalidInput(f"{what} too long ({len(value):,} characters, at most {MAX_TEXT:,})")
    return value
