"""Interactive intake: each answer checked as it is given, by the same rules `log_complaint`
applies to the whole, so a bad email or an unknown channel is asked again, not thrown away
with everything typed before it."""

from __future__ import annotations

from complaintctl.core.desk.complaints import CLEAR_WORDS, check_ref_free
from complaintctl.core.people.matching import validate_contact
from complaintctl.core.record.fields import check_one_line, check_subject
from complaintctl.core.taxonomy import codes as taxonomy
from complaintctl.store.engine import Connection

CODED = ("channel", "severity", "category", "remedy")
# What pressing Enter at the severity question means, shown in the question: the team's
# `sla default` (what a complaint without one is timed by anyway), else medium, the middle of
# the seeded scale; a team with neither gets no default.
PROMPT_SEVERITY = "medium"


def check_answer(conn: Connection, field: str, text: str | None) -> str | None:
    """The value to keep for one answer (None for a blank one), or InvalidInput saying why not."""
    text = (text or "").strip()
    if field == "subject":
        return check_subject(text)
    if not text:
        return None
    if field == "email":
        validate_contact(text, None)
    elif field == "phone":
        validate_contact(None, text)
    elif field in CODED:
        if text.lower() in CLEAR_WORDS:
            return None
        return taxonomy.validate_code(conn, field, text)
    return text


def check_given(conn: Connection, given: dict) -> None:
    """Before the questions: what was given with the command (``--category``, ``--ref``, ...)
    and would be refused at the end, said now, while nothing has been typed to lose."""
    validate_contact(given.get("email"), given.get("phone"))
    for kind in CODED:
        if given.get(kind) is not None:
            taxonomy.validate_code(conn, kind, given[kind])
    check_ref_free(conn, check_one_line(given.get("ref"), "ref"))


def choices(conn: Connection, kind: str) -> list[str]:
    """The active codes a question offers."""
    return taxonomy.codes(conn, kind)


def default_severity(conn: Connection) -> str | None:
    from complaintctl.core.sla.due import default_severity as sla_default

    active = taxonomy.codes(conn, "severity")
    return next((code for code in (sla_default(conn), PROMPT_SEVERITY) if code in active), None)
