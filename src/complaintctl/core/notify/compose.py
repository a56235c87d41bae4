"""Writing the messages into the outbox, inside the transaction of the change they report.

Nothing here may make that change fail: a message that cannot be written (a template with a
placeholder the complaint cannot fill) is queued as failed, with the reason, for a person to see.
"""

from __future__ import annotations

from complaintctl.core import notify
from complaintctl.core.notify import config, shapes
from complaintctl.core.notify.replies import fill, placeholder_values, written_in
from complaintctl.core.notify.templates import email_template
from complaintctl.core.record.dates import format_minutes, from_iso, to_local_text
from complaintctl.errors import ComplaintError
from complaintctl.i18n import L_
from complaintctl.i18n.said import Step
from complaintctl.store.engine import Connection, Row

# The outcomes a customer is sent a decision e-mail for (a duplicate or a withdrawal has none).
DECISION_OUTCOMES = ("resolved", "rejected")
OVERDUE_LINES = 20


def queue(conn: Connection, *, at: str, complaint_id: int | None, trigger: str, channel: str, target: str,
          body: str, subject: str | None = None, error: str | None = None) -> int:
    """One message in the outbox: pending, or failed already with ``error``; its key (Message-ID,
    Idempotency-Key) is made here, once, and sent on every attempt."""
    import secrets

    cur = conn.execute(
        "INSERT INTO outbox (created_at, complaint_id, trigger, channel, target, subject, body, status, error, "
        "message_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        (at, complaint_id, trigger, channel, target, subject, body, "failed" if error else "pending", error,
         secrets.token_hex(16)))
    if not error:
        notify.queued(True)
    return cur.fetchone()[0]


def _complaint(conn: Connection, complaint_id: int) -> Row:
    return conn.execute("SELECT c.*, cu.email AS customer_email, cu.name AS customer_name FROM complaints c "
                        "LEFT JOIN customers cu ON cu.id = c.customer_id WHERE c.id = ?", (complaint_id,)).fetchone()


def email(conn: Connection, row: Row, event: str, at: str, actor: str) -> int:
    """The customer's e-mail for ``event`` (ack, decision), in the language the complaint is written in."""
    lang = written_in(f"{row['subject']} {row['description'] or ''}")
    template = email_template(conn, event, lang)
    values = {**placeholder_values(conn, row, lang, actor), "resolution": row["resolution"], "outcome": row["outcome"]}
    try:
        subject, body, error = fill(template["subject"], values), fill(template["body"], values), None
    except ComplaintError as exc:
        # the fact only: the error's advice is for a person filling in a reply, not for a template
        subject, body, error = template["subject"], template["body"], f"not written: {exc.message}"
    return queue(conn, at=at, complaint_id=row["id"], trigger=event, channel="email", target=row["customer_email"],
                 subject=subject, body=body, error=error)


def to_webhooks(conn: Connection, trigger: str, at: str, texts: dict[str, str], complaints: list[dict],
                complaint_id: int | None = None) -> list[int]:
    """The message (``texts`` by language) to every webhook listening for ``trigger``."""
    return [queue(conn, at=at, complaint_id=complaint_id, trigger=trigger, channel="webhook", target=hook["name"],
                  body=shapes.payload(hook["kind"], trigger, texts[hook["lang"]], complaints))
            for hook in config.webhooks(conn, trigger)]


def logged(conn: Connection, complaint_id: int, at: str, actor: str) -> None:
    row = _complaint(conn, complaint_id)
    switches = config.settings(conn)
    if switches["ack"] and row["customer_email"]:
        email(conn, row, "ack", at, actor)
    top = conn.execute("SELECT code FROM severities WHERE active = 1 ORDER BY rank LIMIT 1").fetchone()
    if row["severity"] and top and row["severity"] == top[0]:
        facts = _facts(conn, row)
        texts = {"zh": f"【紧急投诉】#{row['id']} {row['subject']}\n客户：{facts['customer_zh']}　渠道：{facts['channel_zh']}\n"
                       f"受理：{facts['received']}　处理人：{facts['assignee_zh']}",
                 "en": f"[Critical complaint] #{row['id']} {row['subject']}\nCustomer: {facts['customer_en']}, "
                       f"channel: {facts['channel_en']}\nReceived: {facts['received']}, assignee: {facts['assignee_en']}"}
        to_webhooks(conn, "critical", at, texts, [_summary(row)], complaint_id)


def closed(conn: Connection, complaint_id: int, at: str, actor: str) -> int | None:
    """The decision e-mail, if one goes; its outbox id."""
    row = _complaint(conn, complaint_id)
    if config.settings(conn)["decision"] and row["customer_email"] and row["outcome"] in DECISION_OUTCOMES:
        return email(conn, row, "decision", at, actor)
    return None


REPLY_SUBJECTS = {"zh": "关于您的投诉（编号 {id}）", "en": "About your complaint (no. {id})"}


def reply(conn: Connection, complaint_id: int, text: str, lang: str, at: str) -> dict:
    """A reply to the customer by e-mail, when e-mail is set up: {"outbox_id", "to"}; else
    {"outbox_id": None, "why"}: why it cannot go (notifications off, no mail server, no address)."""
    settings = config.settings(conn)
    row = _complaint(conn, complaint_id)
    if not settings["enabled"]:
        return {"outbox_id": None, "why": L_("notifications are off: {step}", step=Step("notify on"))}
    if not settings["smtp"]["host"] or not settings["smtp"]["sender"]:
        return {"outbox_id": None, "why": L_("no e-mail configured: {step}", step=Step("notify smtp", host=L_("HOST"),
                                                                                  sender=L_("ADDRESS")))}
    if not row["customer_email"]:
        return {"outbox_id": None, "why": L_("the customer has no e-mail address: {step}",
                                             step=Step("update", complaint_id, email=L_("ADDRESS")))}
    subject = REPLY_SUBJECTS.get(lang, REPLY_SUBJECTS["en"]).format(id=complaint_id)
    return {"outbox_id": queue(conn, at=at, complaint_id=complaint_id, trigger="reply", channel="email",
                               target=row["customer_email"], subject=subject, body=text),
            "to": row["customer_email"]}


def escalated(conn: Connection, complaint_id: int, at: str, *, reason: str, changes: list) -> None:
    row = _complaint(conn, complaint_id)
    names = {"severity": ("严重度", "severity"), "assignee": ("处理人", "assignee")}
    moves = {lang: [f"{names[c.field][i]} {c.old or '-'} → {c.new or '-'}" for c in changes if c.field in names]
             for i, lang in enumerate(("zh", "en"))}
    texts = {"zh": f"【投诉升级】#{row['id']} {row['subject']}\n{'；'.join(moves['zh'])}\n原因：{reason}",
             "en": f"[Escalated] #{row['id']} {row['subject']}\n{'; '.join(moves['en'])}\nReason: {reason}"}
    to_webhooks(conn, "escalated", at, texts, [_summary(row)], complaint_id)


def overdue(conn: Connection, rows: list[dict], at: str) -> dict:
    """One message to the overdue webhooks about the late complaints not told before (per clock and
    due time, so a cron job every 15 minutes tells each lateness once)."""
    late = [r for r in rows if r["state"] == "overdue" and not conn.execute(
        "SELECT 1 FROM overdue_notices WHERE complaint_id = ? AND clock = ? AND due_at = ?",
        (r["id"], r["clock"], r["due_at"])).fetchone()]
    if not late:
        return {"told": [], "messages": 0}
    lines: dict[str, list[str]] = {"zh": [], "en": []}
    for r in late[:OVERDUE_LINES]:
        by = format_minutes(int((from_iso(at) - from_iso(r["due_at"])).total_seconds() // 60))
        clock_zh = "响应" if r["clock"] == "respond" else "解决"
        lines["zh"].append(f"#{r['id']} {r['subject']}（{r['assignee'] or '未分配'}，{clock_zh}超时 {by}）")
        lines["en"].append(f"#{r['id']} {r['subject']} ({r['assignee'] or 'unassigned'}, {r['clock']} late by {by})")
    more = len(late) - OVERDUE_LINES
    texts = {"zh": "\n".join([f"【超时投诉】{len(late)} 件："] + lines["zh"] + ([f"……另有 {more} 件"] if more > 0 else [])),
             "en": "\n".join([f"[Overdue] {len(late)} complaint(s):"] + lines["en"]
                             + ([f"... and {more} more"] if more > 0 else []))}
    ids = to_webhooks(conn, "overdue", at, texts, [{k: r.get(k) for k in ("id", "subject", "severity", "status",
                                                                            "assignee", "clock", "due_at")} for r in late])
    for r in late:
        conn.execute("INSERT INTO overdue_notices (complaint_id, clock, due_at, outbox_id) VALUES (?, ?, ?, ?)",
                     (r["id"], r["clock"], r["due_at"], ids[0]))
    return {"told": [r["id"] for r in late], "messages": len(ids)}


def _facts(conn: Connection, row: Row) -> dict:
    channel = conn.execute("SELECT label_zh, label_en FROM channels WHERE code = ?", (row["channel"],)).fetchone()
    assignee = row["assignee"]
    return {"customer_zh": row["customer_name"] or "匿名", "customer_en": row["customer_name"] or "anonymous",
            "channel_zh": channel[0] if channel else "未知", "channel_en": channel[1] if channel else "unknown",
            "assignee_zh": assignee or "未分配", "assignee_en": assignee or "unassigned",
            "received": to_local_text(row["received_at"])}


def _summary(row: Row) -> dict:
    return {k: row[k] for k in ("id", "subject", "severity", "status", "category", "channel", "assignee",
                                "received_at", "customer_name")}
