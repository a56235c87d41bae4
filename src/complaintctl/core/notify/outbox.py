"""The outbox as the user sees it: what was sent and what failed, the test message, the overdue
round for cron, and the whole configuration at a glance."""

from __future__ import annotations

from datetime import datetime

from complaintctl.core.notify import compose, config
from complaintctl.core.record.dates import now_utc, to_iso
from complaintctl.errors import InvalidInput, NotFound, Refused
from complaintctl.i18n import L_
from complaintctl.i18n.said import Input, Step
from complaintctl.store.db import transaction
from complaintctl.store.engine import Connection
from complaintctl.store.paging import limit_clause

COLUMNS = ["id", "created_at", "complaint_id", "trigger", "channel", "target", "subject", "status", "attempts",
           "last_attempt_at", "sent_at", "error", "message_key", "claimed_by", "lease_until"]


def outbox_rows(conn: Connection, *, unsent: bool = False, complaint_id: int | None = None,
                limit: int | None = 50) -> list[dict]:
    """The newest messages first (only those not sent, with ``unsent``)."""
    clauses, params = [], []
    if unsent:
        clauses.append("status <> 'sent'")
    if complaint_id is not None:
        clauses.append("complaint_id = ?")
        params.append(complaint_id)
    where = ("WHERE " + " AND ".join(clauses)) if clauses else ""
    sql = f"SELECT {', '.join(COLUMNS)} FROM outbox {where} ORDER BY id DESC{limit_clause(limit)}"
    return [dict(r) for r in conn.execute(sql, params)]


def overview(conn: Connection) -> dict:
    """The switches, mail server (no password), webhooks (no secrets), templates and outbox counts."""
    from complaintctl.core.notify.templates import email_template

    data = config.settings(conn)
    data["webhooks"] = config.webhooks(conn)
    data["templates"] = [{k: t[k] for k in ("event", "lang", "subject", "custom")} for t in
                         (email_template(conn, e, lang) for e in ("ack", "decision") for lang in ("zh", "en"))]
    data["outbox"] = dict(conn.execute("SELECT status, count(*) FROM outbox GROUP BY status").fetchall())
    return data


def tell_overdue(conn: Connection, *, mine: str | None = None, now: datetime | None = None) -> dict:
    """Queue one message to the overdue webhooks about the complaints late now (the actor's, with
    ``mine``) that were not told before: {"told": [ids], "messages": N}."""
    from complaintctl.core.insight.worklists import overdue

    now = now or now_utc()
    with transaction(conn):
        if not config.settings(conn)["enabled"]:
            raise Refused(L_("notifications are off"), hint=L_("{step} (after setting up a webhook)", step=Step("notify on")))
        if not config.webhooks(conn, "overdue"):
            raise Refused(L_("no webhook listens for overdue complaints"),
                          hint=L_("add one with {step}", step=Step("notify webhook add", L_("NAME"), kind="wecom",
                                                                    url=L_("URL"), on="overdue")))
        rows = overdue(conn, now=now, mine=mine)["rows"]
        return compose.overdue(conn, rows, to_iso(now))


def queue_test(conn: Connection, *, email: str | None, webhook: str | None, actor: str) -> int:
    """A test message to an address or a webhook, queued to be sent at once (even while off)."""
    if (email is None) == (webhook is None):
        raise InvalidInput(L_("give {email} ADDRESS or {webhook} NAME", email=Input("email"), webhook=Input("webhook")))
    at = to_iso(now_utc())
    with transaction(conn):
        if email is not None:
            from complaintctl.core.people.matching import validate_contact

            validate_contact(email, None)
            return compose.queue(conn, at=at, complaint_id=None, trigger="test", channel="email", target=email.strip(),
                                 subject="complaintctl: test e-mail / 测试邮件",
                                 body=f"This is a test e-mail from complaintctl, sent by {actor}.\n"
                                      f"这是 complaintctl 的测试邮件，由 {actor} 发送。")
        hook = conn.execute("SELECT * FROM webhooks WHERE name = ?", ((webhook or "").strip().lower(),)).fetchone()
        if hook is None:
            raise NotFound(L_("no webhook named {name!r}", name=webhook), hint=L_("see {step}", step=Step("notify show")))
        from complaintctl.core.notify.shapes import payload

        text = {"zh": f"complaintctl 测试消息（{actor} 发送）", "en": f"complaintctl test message (sent by {actor})"}
        return compose.queue(conn, at=at, complaint_id=None, trigger="test", channel="webhook", target=hook["name"],
                             body=payload(hook["kind"], "test", text[hook["lang"]], []))
