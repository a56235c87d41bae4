"""`log` on a terminal without a subject asks for the main fields, one at a time: each answer
is checked as it is given and asked again when it is wrong."""

from __future__ import annotations

import typer

from complaintctl.errors import ComplaintError


def ask(conn, field: str, question: str, *, default: str | None = None):
    """One question, asked until the answer passes `check_answer`; blank keeps ``default``."""
    from complaintctl.core.desk.answers import check_answer

    def check(text: str):
        try:
            return check_answer(conn, field, text)
        except ComplaintError as exc:
            raise typer.BadParameter(str(exc)) from None

    # On stderr: stdout carries the new id (`id=$(complaintctl log)`).
    return typer.prompt(question, default=default or "", show_default=bool(default), value_proc=check, err=True)


def ask_intake(conn, given: dict) -> dict:
    """Answers for what ``given`` lacks: subject, customer, channel, severity, description."""
    from complaintctl.core.desk.answers import choices, default_severity

    answers = dict(given)
    answers["subject"] = ask(conn, "subject", "Subject")
    if not any(given.get(k) for k in ("customer", "email", "phone")):
        answers["customer"] = ask(conn, "customer", "Customer name (blank: anonymous)")
        answers["email"] = ask(conn, "email", "Customer email (blank: none)")
        answers["phone"] = ask(conn, "phone", "Customer phone (blank: none)")
    if given.get("channel") is None:
        answers["channel"] = ask(conn, "channel", f"Channel ({', '.join(choices(conn, 'channel'))}; blank: none)")
    if given.get("severity") is None:
        answers["severity"] = ask(conn, "severity", f"Severity ({', '.join(choices(conn, 'severity'))}; none)",
                                  default=default_severity(conn))
    if given.get("description") is None:
        answers["description"] = ask(conn, "description", "Description (blank: none)")
    return answers
