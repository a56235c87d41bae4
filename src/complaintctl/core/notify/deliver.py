"""Sending what the outbox holds, after the change that queued it has committed.

Each message is claimed in a short transaction of its own (pending -> sending), sent with no
transaction open, and its result written in another short one; two commands never send the same
message twice, and a slow server never holds the write lock. A failure is recorded on the row
(`failed`, the error, the attempts) for `notify retry`.
"""

from __future__ import annotations

from datetime import timedelta

from complaintctl.core import notify
from complaintctl.core.notify import config, shapes
from complaintctl.core.record.dates import now_utc, to_iso
from complaintctl.store.db import transaction
from complaintctl.store.engine import Connection, Row

TIMEOUT_SECONDS = 15
# A message still `sending` after this long was being sent by a command that died: retry takes it.
STALE = timedelta(minutes=10)


class DeliveryError(Exception):
    """Why a message did not go: one line for the outbox and the user."""


def send_pending(conn: Connection) -> list[dict]:
    """Send every pending message; return each one's result."""
    notify.QUEUED["any"] = False
    ids = [r[0] for r in conn.execute("SELECT id FROM outbox WHERE status = 'pending' ORDER BY id")]
    return [r for r in (_send(conn, i, ("pending",)) for i in ids) if r is not None]


def retry(conn: Connection, ids: list[int] | None = None) -> list[dict]:
    """Send again the failed messages (those of ``ids``), and those stuck `sending`."""
    stale = to_iso(now_utc() - STALE)
    rows = conn.execute("SELECT id, status, last_attempt_at FROM outbox WHERE status IN ('failed', 'sending') ORDER BY id")
    wanted = [r["id"] for r in rows if (r["status"] == "failed" or (r["last_attempt_at"] or "") < stale)
              and (ids is None or r["id"] in ids)]
    return [r for r in (_send(conn, i, ("failed", "sending")) for i in wanted) if r is not None]


def _claim(conn: Connection, outbox_id: int, statuses: tuple[str, ...]) -> Row | None:
    with transaction(conn):
        row = conn.execute(f"SELECT * FROM outbox WHERE id = ? AND status IN ({', '.join('?' for _ in statuses)})",
                           (outbox_id, *statuses)).fetchone()
        if row is not None:
            conn.execute("UPDATE outbox SET status = 'sending', attempts = attempts + 1, last_attempt_at = ? "
                         "WHERE id = ?", (to_iso(now_utc()), outbox_id))
    return row


def _send(conn: Connection, outbox_id: int, statuses: tuple[str, ...]) -> dict | None:
    row = _claim(conn, outbox_id, statuses)
    if row is None:  # another command took it
        return None
    try:
        if row["channel"] == "email":
            send_email(config.settings(conn)["smtp"], row["target"], row["subject"], row["body"])
        else:
            hook = conn.execute("SELECT * FROM webhooks WHERE name = ?", (row["target"],)).fetchone()
            if hook is None:
                raise DeliveryError(f"webhook {row['target']!r} was removed")
            send_webhook(hook["kind"], hook["url"], row["body"], hook["secret"])
        error = None
    except DeliveryError as exc:
        error = str(exc)
    except Exception as exc:  # a network library's surprise must not lose the record of this message
        error = f"{type(exc).__name__}: {exc}"
    at = to_iso(now_utc())
    with transaction(conn):
        conn.execute("UPDATE outbox SET status = ?, sent_at = ?, error = ? WHERE id = ?",
                     ("failed" if error else "sent", None if error else at, error, outbox_id))
    return {"id": outbox_id, "trigger": row["trigger"], "channel": row["channel"], "target": row["target"],
            "complaint_id": row["complaint_id"], "sent": error is None, "error": error}


def send_email(smtp: dict, to: str, subject: str, body: str) -> None:
    """One plain-text UTF-8 e-mail through the configured server."""
    import os
    import smtplib
    from email.message import EmailMessage
    from email.utils import formatdate, make_msgid, parseaddr

    if not smtp.get("host") or not smtp.get("sender"):
        raise DeliveryError("no mail server set: `complaintctl notify smtp --host HOST --sender ADDRESS`")
    security = smtp.get("security") or ("ssl" if smtp.get("port") == "465" else None)
    port = int(smtp.get("port") or {"ssl": 465, "starttls": 587}.get(security or "", 25))
    message = EmailMessage()
    message["From"], message["To"], message["Subject"] = smtp["sender"], to, subject
    message["Date"] = formatdate(localtime=True)
    message["Message-ID"] = make_msgid(domain=parseaddr(smtp["sender"])[1].rpartition("@")[2] or None)
    message.set_content(body)
    password = None
    if smtp.get("user"):
        password = os.environ.get(smtp.get("password_env") or "")
        if password is None:
            raise DeliveryError(f"the SMTP password is read from ${smtp.get('password_env') or '(not set)'}, which "
                                "is not set for this command")
    try:
        opener = smtplib.SMTP_SSL if security == "ssl" else smtplib.SMTP
        with opener(smtp["host"], port, timeout=TIMEOUT_SECONDS) as server:
            server.ehlo()
            if security == "starttls" or (security is None and server.has_extn("starttls")):
                server.starttls()
                server.ehlo()
            if smtp.get("user"):
                server.login(smtp["user"], password)
            server.send_message(message)
    except smtplib.SMTPException as exc:
        raise DeliveryError(f"mail server {smtp['host']}:{port}: {exc}") from None
    except OSError as exc:  # refused, unreachable, timed out
        raise DeliveryError(f"cannot reach mail server {smtp['host']}:{port}: {exc.strerror or exc}") from None


def send_webhook(kind: str, url: str, body: str, secret: str | None) -> None:
    """POST one message; a 2xx the chat still refused (errcode) is a failure too."""
    import time
    import urllib.error
    import urllib.request

    target, data = shapes.signed(kind, url, body, secret, int(time.time()))
    request = urllib.request.Request(target, data=data, method="POST",
                                     headers={"Content-Type": "application/json; charset=utf-8"})
    host = urllib.request.urlparse(url).netloc
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:
            answer = response.read(65536).decode("utf-8", "replace")
    except urllib.error.HTTPError as exc:
        raise DeliveryError(f"{host} answered HTTP {exc.code} {exc.reason}") from None
    except (urllib.error.URLError, OSError) as exc:
        raise DeliveryError(f"cannot reach {host}: {getattr(exc, 'reason', exc)}") from None
    refused = shapes.refusal(kind, answer)
    if refused:
        raise DeliveryError(refused)
