"""`log` on a terminal without a subject asks for the main fields, one at a time: each answer
is checked as it is given and asked again when it is wrong; what the answers cannot settle alone
(a name that is not the name of the customer the phone belongs to) is asked too, and a call that
still cannot be logged is kept as a draft (cli/log_drafts.py) for `log --resume`."""

from __future__ import annotations

import typer

from complaintctl.errors import ComplaintError, InvalidInput
from complaintctl.i18n import _, joined, ngettext
from complaintctl.i18n.words import label, word


def prompt(question: str, *, check, default: str | None = None):
    """Ask ``question`` until ``check(answer)`` takes it; a wrong answer is said, in the user's
    language, and asked again. On stderr: stdout carries the new id (`id=$(complaintctl log)`)."""
    from complaintctl.cli.common import error_line

    while True:
        text = typer.prompt(question, default=default or "", show_default=bool(default), err=True,
                            prompt_suffix=_(": "))
        try:
            return check(text)
        except ComplaintError as exc:
            error_line(exc)


def ask(conn, field: str, question: str, *, default: str | None = None):
    """One question, asked until the answer passes `check_answer`; blank keeps ``default``."""
    from complaintctl.core.desk.answers import check_answer

    return prompt(question, check=lambda text: check_answer(conn, field, text), default=default)


def ask_intake(conn, given: dict) -> dict:
    """Answers for what ``given`` lacks: subject, customer, channel, severity, description. The
    choices are offered as the user reads codes (labels in Chinese), and read back either way."""
    from complaintctl.core.desk.answers import choices, default_severity

    def offered(kind: str) -> str:
        return joined(label(kind, code) for code in choices(conn, kind))

    answers = dict(given)
    answers["subject"] = ask(conn, "subject", _("Subject"))
    if not any(given.get(k) for k in ("customer", "email", "phone")):
        answers["customer"] = ask(conn, "customer", _("Customer name (blank: anonymous)"))
        answers["email"] = ask(conn, "email", _("Customer email (blank: none)"))
        answers["phone"] = ask(conn, "phone", _("Customer phone (blank: none)"))
    if given.get("channel") is None:
        answers["channel"] = ask(conn, "channel", _("Channel ({choices}; blank: none)", choices=offered("channel")))
    if given.get("severity") is None:
        answers["severity"] = ask(conn, "severity", _("Severity ({choices}; none)", choices=offered("severity")),
                                  default=label("severity", default_severity(conn)))
    if given.get("description") is None:
        answers["description"] = ask(conn, "description", _("Description (blank: none)"))
    return answers


# --- logging what was answered: a refusal becomes a question, a failure keeps a draft ----------------

def ask_and_log(conn, given: dict):
    """`log` at a terminal without a subject: ask for what ``given`` lacks, then log it (see log_answers)."""
    from complaintctl.cli import log_drafts
    from complaintctl.cli.common import STATE, err
    from complaintctl.core.desk.answers import check_given
    from complaintctl.core.record.dates import now_utc, to_iso

    check_given(conn, given)  # a flag that cannot be logged is said before the questions, not after them
    waiting = log_drafts.kept(STATE.db_path)
    if waiting:
        err(ngettext("note: {n} call typed earlier was not logged: `complaintctl log --resume` offers it.",
                     "note: {n} calls typed earlier were not logged: `complaintctl log --resume` offers them.",
                     len(waiting)))
    answers = ask_intake(conn, given)
    typed_at = to_iso(now_utc())
    answers["received"] = answers.get("received") or typed_at  # the call came in as it was typed
    return log_answers(conn, answers, typed_at=typed_at)


def resume(conn):
    """`log --resume`: offer the drafts kept for this database, newest first, and log the one chosen."""
    from complaintctl.cli import log_drafts
    from complaintctl.cli.common import STATE, err
    from complaintctl.errors import NotFound

    drafts = log_drafts.kept(STATE.db_path)
    if not drafts:
        raise NotFound(_("no call kept as a draft for {path}", path=STATE.db_path),
                       hint=_("a draft is kept when `log` at a terminal fails after its questions"))
    err(_("Calls typed but not logged:"))
    for number, (_path, data) in enumerate(drafts, start=1):
        err(f"  {number}  {log_drafts.describe(data)}")
    choice = prompt(_("Log which one? (its number; 0 for none)"), default="1", check=_number_up_to(len(drafts)))
    if choice == 0:
        from complaintctl.errors import ExitCode

        raise typer.Exit(ExitCode.OK)
    path, data = drafts[choice - 1]
    answers = data["answers"]
    from complaintctl.core.record.dates import to_local_text

    err(_("Received {when} (when it was typed, unless it was given).", when=to_local_text(answers.get("received"))))
    return log_answers(conn, answers, typed_at=data["typed_at"], draft=path)


def _number_up_to(most: int, least: int = 0):
    def check(text: str) -> int:
        text = text.strip()
        if not (text.isascii() and text.isdigit()) or not least <= int(text) <= most:
            raise InvalidInput(_("a number from {least} to {most}", least=least, most=most))
        return int(text)

    return check


def log_answers(conn, answers: dict, *, typed_at: str, draft=None):
    """Log the answers. A name that is not the name of the customer its phone or email belongs to
    is a question (that customer, or another person on the same contact?), not the end; any
    failure (a refusal, an error of the disk or the database, Ctrl-C) keeps the answers as a
    draft that `log --resume` offers, and says where."""
    from complaintctl.cli import log_drafts
    from complaintctl.cli.common import STATE, err

    try:
        result = _log_settling_conflicts(conn, answers)
    except BaseException as exc:
        reason = str(exc) or (_("interrupted") if isinstance(exc, KeyboardInterrupt) else type(exc).__name__)
        path = log_drafts.save(STATE.db_path, answers, reason=reason, typed_at=typed_at)
        if draft is not None and draft != path:
            draft.unlink(missing_ok=True)
        err(_("Not logged. Your answers are kept in {path}: `complaintctl log --resume` offers them again.", path=path))
        raise
    if draft is not None:
        draft.unlink(missing_ok=True)
    return result


def _log_settling_conflicts(conn, answers: dict):
    from complaintctl.cli.common import STATE
    from complaintctl.core.desk.complaints import NewComplaint, log_complaint
    from complaintctl.core.people.matching import CustomerConflict
    from complaintctl.core.record.dates import from_iso
    from complaintctl.errors import Refused

    while True:
        fields = {k: v for k, v in answers.items() if k not in ("received", "tags", "subject")}
        new = NewComplaint(answers["subject"], received=from_iso(answers["received"]) if answers.get("received")
                           else None, tags=list(answers.get("tags") or []), **fields)
        try:
            return log_complaint(conn, new, actor=STATE.who())
        except CustomerConflict as conflict:
            kind, _sep, value = conflict.contact.partition(" ")  # "phone 138...": what the name met, and its value
            said = {"email": _("the email {value}", value=value), "phone": _("the phone {value}", value=value)}
            choice = prompt(_("{contact} belongs to customer #{id} {customer}, not {name}.\n"
                              "  1  file it under {customer} (#{id})\n"
                              "  2  record {name} as another person with that {kind}\n"
                              "  3  keep it as a draft, not logged now\nWhich one",
                              contact=said.get(kind, conflict.contact), id=conflict.customer_id,
                              customer=conflict.customer_name, name=conflict.name, kind=word("field", kind)),
                            check=_number_up_to(3, least=1))
            if choice == 1:
                answers["customer"] = f"#{conflict.customer_id}"
            elif choice == 2:
                answers["new_customer"] = True
            else:
                raise Refused(_("kept as a draft, as asked")) from None
