"""The e-mails customers get, in Chinese and English: the acknowledgement when their complaint is
logged and the decision when it is closed. The texts below are used until a team sets its own."""

from __future__ import annotations

from datetime import datetime

from complaintctl.core.notify.replies import PLACEHOLDERS, check_body
from complaintctl.core.record.dates import now_utc, to_iso
from complaintctl.core.record.events import record_event
from complaintctl.errors import InvalidInput
from complaintctl.i18n import L_
from complaintctl.i18n.said import either
from complaintctl.store.db import transaction
from complaintctl.store.engine import Connection

EVENTS = ("ack", "decision")
EMAIL_PLACEHOLDERS = {**PLACEHOLDERS, "resolution": "the decision (close's resolution)",
                      "outcome": "the outcome (resolved, rejected)"}
DEFAULTS: dict[tuple[str, str], tuple[str, str]] = {
    ("ack", "zh"): ("已收到您的投诉（编号 {id}）",
                    "{customer}您好：\n\n我们已于 {received} 收到您的投诉「{subject}」，编号 {id}。"
                    "我们会尽快处理，并把结果告诉您。\n\n如需补充情况，请直接回复本邮件并注明编号 {id}。"),
    ("ack", "en"): ("We have received your complaint (no. {id})",
                    "Dear {customer},\n\nWe received your complaint \"{subject}\" on {received}; its number is {id}. "
                    "We will look into it and tell you what we decide.\n\nTo add anything, reply to this e-mail "
                    "and quote number {id}."),
    ("decision", "zh"): ("您的投诉（编号 {id}）处理结果",
                         "{customer}您好：\n\n关于您的投诉「{subject}」（编号 {id}），我们的处理结果如下：\n\n"
                         "{resolution}\n\n如对结果有异议，请直接回复本邮件并注明编号 {id}。"),
    ("decision", "en"): ("The outcome of your complaint (no. {id})",
                         "Dear {customer},\n\nAbout your complaint \"{subject}\" (no. {id}), this is what we "
                         "decided:\n\n{resolution}\n\nIf you disagree, reply to this e-mail and quote number {id}."),
}


def _key(event: str, lang: str) -> tuple[str, str]:
    event, lang = event.strip().lower(), lang.strip().lower()
    if event not in EVENTS:
        raise InvalidInput(f"unknown e-mail {event!r}", hint="ack (on log) or decision (on close)")
    if lang not in ("zh", "en"):
        raise InvalidInput(f"unknown language {lang!r}", hint="zh or en")
    return event, lang


def email_template(conn: Connection, event: str, lang: str) -> dict:
    """{'subject', 'body', 'custom'}: the team's text, or the default."""
    event, lang = _key(event, lang)
    row = conn.execute("SELECT subject, body FROM email_templates WHERE event = ? AND lang = ?", (event, lang)).fetchone()
    subject, body = (row["subject"], row["body"]) if row else DEFAULTS[(event, lang)]
    return {"event": event, "lang": lang, "subject": subject, "body": body, "custom": row is not None}


def set_email_template(conn: Connection, event: str, lang: str, *, subject: str | None = None,
                       body: str | None = None, reset: bool = False, actor: str, now: datetime | None = None) -> dict:
    """Change an e-mail's subject and/or text (placeholders as in replies, plus {resolution} and
    {outcome}); ``reset`` goes back to the default."""
    current = email_template(conn, event, lang)
    event, lang = current["event"], current["lang"]
    if reset:
        subject, body = DEFAULTS[(event, lang)]
    elif subject is None and body is None:
        raise InvalidInput(L_("nothing to change"), hint=L_("give {inputs}", inputs=either("subject", "text", "editor", "reset")))
    subject = " ".join(check_body(subject if subject is not None else current["subject"], EMAIL_PLACEHOLDERS,
                                  L_("an e-mail subject")).split())
    body = check_body(body if body is not None else current["body"], EMAIL_PLACEHOLDERS, L_("an e-mail"))
    at = to_iso(now or now_utc())
    with transaction(conn):
        if reset:
            conn.execute("DELETE FROM email_templates WHERE event = ? AND lang = ?", (event, lang))
        else:
            conn.execute("INSERT INTO email_templates (event, lang, subject, body, updated_at, updated_by) "
                         "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (event, lang) DO UPDATE SET subject = excluded.subject, "
                         "body = excluded.body, updated_at = excluded.updated_at, updated_by = excluded.updated_by",
                         (event, lang, subject, body, at, actor))
        record_event(conn, None, at=at, actor=actor, action="notify_changed", field="email_templates",
                     new_value=f"{event}:{lang}", note="reset to the default" if reset else f"{subject}\n\n{body}")
    return email_template(conn, event, lang)
