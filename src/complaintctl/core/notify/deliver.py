"""Sending what the outbox holds, after the change that queued it has committed: at least once.

A message is claimed in a short transaction of its own with a lease (`claimed_by`, `lease_until`):
nobody else takes it while the lease runs, so two commands never send it at once, and a send in
progress is never taken by a retry. It is sent with no transaction open (a slow server never
holds the write lock) and its result written in another short transaction, only by its claimer.

Every attempt carries the message's key, made when it was queued (the e-mail's Message-ID, the
webhook's Idempotency-Key header, and `idempotency_key` in a json webhook's body): a send cut
off after the server had the message (a killed command, a connection dropped before the answer)
is sent again once its lease has run out, and the receiver can tell it is the same message.
Delivery is at least once, never at most once.

Sending is bounded in time: each message in a thread of its own, abandoned (its lease left to
run out) when it takes longer than the time left, whatever the server does (no answer at all, or
a byte every few seconds); a command spends at most the team's deadline (`notify deadline`) on
sending, and what it did not get to stays queued for `notify retry`.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from complaintctl.core import notify
from complaintctl.core.notify import config, shapes
from complaintctl.core.record.dates import now_utc, to_iso
from complaintctl.store.db import transaction
from complaintctl.store.engine import Connection

TIMEOUT_SECONDS = 15  # one network operation at most (connect, one read)
# After a command's time to send is over it ends at once; a lease runs this much longer, so a
# claimed message is never taken while its claimer could still be sending it.
LEASE_MARGIN = timedelta(seconds=60)
RETRY_SECONDS = 60  # what `notify retry` spends on sending unless told
CLAIMABLE_BY_COMMANDS = "status = 'pending'"
CLAIMABLE_BY_RETRY = "(status IN ('pending', 'failed') OR (status = 'sending' AND coalesce(lease_until, '') < :now))"


class DeliveryError(Exception):
    """Why a message did not go: one line for the outbox and the user."""


@dataclass
class Delivery:
    """What one round of sending did: each message's result, and how many are still waiting."""

    results: list[dict] = field(default_factory=list)
    left: int = 0  # messages this round could have sent and did not get to (time ran out)
    seconds: float = 0.0  # the time it was given


def send_pending(conn: Connection, *, seconds: float | None = None, now: datetime | None = None) -> Delivery:
    """Send the pending messages (those a command just queued, and any a killed command left),
    within the team's deadline (``seconds``); the rest stay queued for `notify retry`."""
    notify.queued(False)
    return _deliver(conn, CLAIMABLE_BY_COMMANDS, None, seconds or config.deadline_seconds(conn), now)


def retry(conn: Connection, ids: list[int] | None = None, *, seconds: float | None = None,
          now: datetime | None = None) -> Delivery:
    """Send the failed and pending messages (those of ``ids``), and those whose sender died
    (`sending` with its lease run out), within ``seconds``."""
    return _deliver(conn, CLAIMABLE_BY_RETRY, ids, seconds or RETRY_SECONDS, now)


def _deliver(conn: Connection, claimable: str, ids: list[int] | None, seconds: float,
             now: datetime | None) -> Delivery:
    import os
    import secrets
    import socket

    owner = f"{socket.gethostname()}:{os.getpid()}:{secrets.token_hex(4)}"
    started = time.monotonic()
    each = config.deadline_seconds(conn)  # one message's send, at most
    run = Delivery(seconds=seconds)
    after = 0  # each message once a round, in order: one that fails waits for the next round
    while True:
        left = seconds - (time.monotonic() - started)
        if left <= 0:
            break
        moment = now or now_utc()
        row = _claim(conn, claimable, ids, after, owner, moment, moment + timedelta(seconds=left) + LEASE_MARGIN)
        if row is None:
            break
        after = row["id"]
        run.results.append(_send(conn, row, owner, min(left, each)))
    where, params = _claimable_where(claimable, ids, after, now or now_utc())
    run.left = conn.execute(f"SELECT count(*) FROM outbox WHERE {where}", params).fetchone()[0]
    return run


def _claimable_where(claimable: str, ids: list[int] | None, after: int, now: datetime) -> tuple[str, dict]:
    """The messages a round may take: ``claimable``, among ``ids`` if given, past ``after``."""
    params: dict = {"now": to_iso(now), "after": after}
    where = f"{claimable} AND id > :after"
    if ids is not None:
        params.update({f"id{i}": v for i, v in enumerate(ids)})
        where += f" AND id IN ({', '.join(f':id{i}' for i in range(len(ids)))})"
    return where, params


def _claim(conn: Connection, claimable: str, ids: list[int] | None, after: int, owner: str, now: datetime,
           lease_until: datetime):
    """The next message nobody holds, taken with a lease in one short transaction; None if none."""
    where, params = _claimable_where(claimable, ids, after, now)
    with transaction(conn):
        row = conn.execute(f"SELECT * FROM outbox WHERE {where} ORDER BY id LIMIT 1", params).fetchone()
        if row is None:
            return None
        conn.execute("UPDATE outbox SET status = 'sending', attempts = attempts + 1, last_attempt_at = ?, "
                     "claimed_by = ?, lease_until = ? WHERE id = ?",
                     (to_iso(now), owner, to_iso(lease_until), row["id"]))
    return row


def _send(conn: Connection, row, owner: str, seconds: float) -> dict:
    """Send one claimed message, for at most ``seconds``; write its result while it is still ours."""
    result = {"id": row["id"], "trigger": row["trigger"], "channel": row["channel"], "target": row["target"],
              "complaint_id": row["complaint_id"], "sent": False, "error": None, "unfinished": False}
    try:
        send = _sender(conn, row)
    except DeliveryError as exc:
        send = None
        result["error"] = str(exc)
    if send is not None:
        outcome: list = []
        worker = threading.Thread(target=_attempt, args=(send, outcome), daemon=True,
                                  name=f"complaintctl-send-{row['id']}")
        worker.start()
        worker.join(seconds)
        if not outcome:  # no answer in time: left claimed; its lease runs out, and `notify retry` sends it
            result["unfinished"] = True
            result["error"] = f"no answer within {seconds:.0f} s"
            with transaction(conn):
                conn.execute("UPDATE outbox SET error = ? WHERE id = ? AND claimed_by = ?",
                             (f"{result['error']}; sent again after {to_iso(now_utc() + LEASE_MARGIN)} at the "
                              "earliest, with the same key", row["id"], owner))
            return result
        result["error"] = outcome[0]
    result["sent"] = result["error"] is None
    at = to_iso(now_utc())
    with transaction(conn):
        conn.execute("UPDATE outbox SET status = ?, sent_at = ?, error = ?, claimed_by = NULL, lease_until = NULL "
                     "WHERE id = ? AND claimed_by = ?",
                     ("sent" if result["sent"] else "failed", at if result["sent"] else None, result["error"],
                      row["id"], owner))
    return result


def _attempt(send, outcome: list) -> None:
    """Run one send (in its own thread); its error, or None, in ``outcome``."""
    try:
        send()
        outcome.append(None)
    except DeliveryError as exc:
        outcome.append(str(exc))
    except Exception as exc:  # a network library's surprise must not lose the record of this message
        outcome.append(f"{type(exc).__name__}: {exc}")


def _sender(conn: Connection, row):
    """What sending ``row`` takes, read from the database now (the send itself runs elsewhere)."""
    key, target, subject, body = row["message_key"], row["target"], row["subject"], row["body"]
    if row["channel"] == "email":
        smtp = config.settings(conn)["smtp"]
        return lambda: send_email(smtp, target, subject, body, key=key)
    hook = conn.execute("SELECT * FROM webhooks WHERE name = ?", (target,)).fetchone()
    if hook is None:
        raise DeliveryError(f"webhook {target!r} was removed")
    kind, url, secret = hook["kind"], hook["url"], hook["secret"]
    return lambda: send_webhook(kind, url, body, secret, key=key)


def message_id(key: str, sender: str | None) -> str:
    """The e-mail's Message-ID: the message's key at the sender's domain, the same on every attempt."""
    from email.utils import parseaddr

    domain = parseaddr(sender or "")[1].rpartition("@")[2] or "complaintctl.invalid"
    return f"<complaintctl.{key}@{domain}>"


def send_email(smtp: dict, to: str, subject: str, body: str, *, key: str) -> None:
    """One plain-text UTF-8 e-mail through the configured server."""
    import os
    import smtplib
    from email.message import EmailMessage
    from email.utils import formatdate

    if not smtp.get("host") or not smtp.get("sender"):
        raise DeliveryError("no mail server set: the notify settings have no SMTP host or no sender")
    security = smtp.get("security") or ("ssl" if smtp.get("port") == "465" else None)
    port = int(smtp.get("port") or {"ssl": 465, "starttls": 587}.get(security or "", 25))
    message = EmailMessage()
    message["From"], message["To"], message["Subject"] = smtp["sender"], to, subject
    message["Date"] = formatdate(localtime=True)
    message["Message-ID"] = message_id(key, smtp["sender"])
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
                server.login(smtp["user"], password or "")
            server.send_message(message)
    except smtplib.SMTPException as exc:
        raise DeliveryError(f"mail server {smtp['host']}:{port}: {exc}") from None
    except OSError as exc:  # refused, unreachable, timed out
        raise DeliveryError(f"cannot reach mail server {smtp['host']}:{port}: {exc.strerror or exc}") from None


def send_webhook(kind: str, url: str, body: str, secret: str | None, *, key: str) -> None:
    """POST one message with its key; a 2xx the chat still refused (errcode) is a failure too."""
    import urllib.error
    import urllib.parse
    import urllib.request

    target, data = shapes.signed(kind, url, shapes.with_key(kind, body, key), secret, int(time.time()))
    request = urllib.request.Request(target, data=data, method="POST",
                                     headers={"Content-Type": "application/json; charset=utf-8",
                                              "Idempotency-Key": key})
    host = urllib.parse.urlparse(url).netloc
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
