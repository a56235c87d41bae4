"""The checks of a complaint's typed fields, by the limits of core/record/limits.py: below `log`,
`update`, `close`, the interactive questions and `list --tag`, which all apply them."""

from __future__ import annotations

from complaintctl.core.record.limits import MAX_AGENT_NAME, MAX_SHORT, MAX_SUBJECT, MAX_TAG, MAX_TEXT
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


def check_one_line(value: str | None, what: str, most: int = MAX_SHORT) -> str | None:
    """A short value of one line (a reference, a name): at most ``most`` characters, and no
    control character (a newline, an escape, a NUL would break every list and log it is shown in)."""
    import unicodedata

    value = clean(value)
    if value is None:
        return None
    bad = next((c for c in value if unicodedata.category(c) == "Cc"), None)
    if bad is not None:
        raise InvalidInput(f"{what} {value[:40]!r} holds a control character (U+{ord(bad):04X})",
                           hint="one line of printable text")
    if len(value) > most:
        raise InvalidInput(f"{what} too long ({len(value):,} characters, at most {most})")
    return value


def check_actor(name: str) -> str:
    """Who an event is recorded as: one line, at most MAX_AGENT_NAME characters."""
    checked = check_one_line(name, "actor", MAX_AGENT_NAME)
    if checked is None:
        raise InvalidInput("an empty actor", hint="--actor NAME or COMPLAINTCTL_ACTOR")
    return checked
