"""Telling people: an e-mail to the customer when a complaint is logged and when it is closed,
and a webhook to the team's chat when a critical complaint arrives, one is escalated, or
`overdue --notify` finds late ones. Off by default, configured in the database.

The use cases call these hooks inside their transaction: the message is queued in the
`outbox` with the change, all or nothing. It is sent after the commit (`deliver.send_pending`),
never inside the write transaction, so a slow mail server cannot hold the write lock; a failed
send is recorded on its row, and `notify retry` sends it again. The change stands either way.

This module is imported by `log`, so it only checks the switch; composing is imported when on.
"""

from __future__ import annotations

from complaintctl.store.engine import Connection

__all__ = ["config", "deliver", "outbox", "replies", "templates", "enabled", "queued", "on_logged", "on_closed", "on_escalated",
           "on_replied"]



def queued(value: bool | None = None) -> bool:
    """Whether this run queued a message (the command then sends what is pending after its commit);
    ``value`` sets it."""
    from complaintctl.context import current

    run = current()
    if value is not None:
        run.queued = value
    return run.queued


def enabled(conn: Connection) -> bool:
    row = conn.execute("SELECT value FROM settings WHERE key = 'notify_enabled'").fetchone()
    return row is not None and row[0] == "1"


def on_logged(conn: Connection, complaint_id: int, at: str, actor: str) -> None:
    """A complaint arrived: the acknowledgement e-mail, and the webhooks for critical ones."""
    if enabled(conn):
        from complaintctl.core.notify import compose

        compose.logged(conn, complaint_id, at, actor)


def on_closed(conn: Connection, complaint_id: int, at: str, actor: str) -> int | None:
    """A complaint was closed: the decision e-mail to the customer (its outbox id, if one goes)."""
    if enabled(conn):
        from complaintctl.core.notify import compose

        return compose.closed(conn, complaint_id, at, actor)
    return None


def on_replied(conn: Connection, complaint_id: int, text: str, lang: str, at: str) -> dict:
    """A reply to the customer (`update --reply`): queued to their e-mail when e-mail is set up,
    {"outbox_id", "to"}; else {"outbox_id": None, "why"}. It is sent after the commit, like the rest."""
    from complaintctl.core.notify import compose

    return compose.reply(conn, complaint_id, text, lang, at)


def on_escalated(conn: Connection, complaint_id: int, at: str, *, reason: str, changes: list) -> None:
    """A complaint was escalated: the webhooks that listen for escalations."""
    if enabled(conn):
        from complaintctl.core.notify import compose

        compose.escalated(conn, complaint_id, at, reason=reason, changes=changes)
