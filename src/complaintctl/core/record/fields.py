"""The checks of a complaint's typed fields, by the limits of core/record/limits.py: below `log`,
`update`, `close`, the interactive questions and `list --tag`, which all apply them."""

from __future__ import annotations

from complaintctl.core.record.limits import MAX_AGENT_NAME, MAX_SHORT, MAX_SUBJECT, MAX_TAG, MAX_TEXT
from complaintctl.errors import InvalidInput
from complaintctl.i18n import L_
from complaintctl.i18n.said import Code, Input


def clean(text: str | None) -> str | None:
    """Text as stored: NULs dropped, ends stripped, empty as None."""
    if text is None:
        return None
    text = text.replace("\x00", "").strip()
    return text or None


def normalize_tag(tag: str) -> str:
    cleaned = " ".join(tag.replace(",", " ").split()).lower()
    if not cleaned:
        raise InvalidInput(L_("empty tag"))
    if len(cleaned) > MAX_TAG:
        raise InvalidInput(L_("tag too long ({length} characters, at most {most})", length=len(cleaned), most=MAX_TAG))
    return cleaned


def check_subject(subject: str | None) -> str:
    subject = clean(subject)
    if not subject:
        raise InvalidInput(L_("a subject is required"),
                           hint=L_('{subject} "what the complaint is about"', subject=Input("subject")))
    subject = " ".join(subject.split())
    if len(subject) > MAX_SUBJECT:
        raise InvalidInput(L_("subject too long ({length} characters, at most {most})", length=len(subject),
                              most=MAX_SUBJECT), hint=L_("put the detail in {description}", description=Input("description")))
    return subject


def check_text(value: str | None, what: str) -> str | None:
    value = clean(value)
    if value is not None and len(value) > MAX_TEXT:
        raise InvalidInput(L_("{what} too long ({length:,} characters, at most {most:,})", what=Code("field", what),
                              length=len(value), most=MAX_TEXT))
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
        raise InvalidInput(L_("{what} {value!r} holds a control character (U+{code:04X})", what=Code("field", what),
                              value=value[:40], code=ord(bad)), hint=L_("one line of printable text"))
    if len(value) > most:
        raise InvalidInput(L_("{what} too long ({length:,} characters, at most {most:,})", what=Code("field", what),
                              length=len(value), most=most))
    return value


def check_actor(name: str) -> str:
    """Who an event is recorded as: one line, at most MAX_AGENT_NAME characters."""
    checked = check_one_line(name, "actor", MAX_AGENT_NAME)
    if checked is None:
        raise InvalidInput(L_("an empty actor"), hint=L_("{actor} NAME or COMPLAINTCTL_ACTOR", actor=Input("actor")))
    return checked
