"""After a command's change has committed: send what it queued, and say what did not go."""

from __future__ import annotations

from complaintctl.cli.common import STATE, err

WHAT = {"ack": "acknowledgement e-mail", "decision": "decision e-mail", "test": "test message",
        "critical": "critical-complaint message", "escalated": "escalation message", "overdue": "overdue message"}


def send_queued() -> None:
    """Send the messages this command queued (and any others still pending)."""
    from complaintctl.core import notify
    if notify.QUEUED["any"]:
        from complaintctl.core.notify.deliver import send_pending

        report(send_pending(STATE.connect()))


def on_terminal() -> bool:
    """Whether a person reads stderr: cron mails whatever a job prints, so success is said only here."""
    import sys

    return hasattr(sys.stderr, "isatty") and sys.stderr.isatty()


def report(results: list[dict], *, always: bool = False) -> None:
    """Each failure (always), and each message sent (on a terminal, or ``always``)."""
    for r in results:
        what = f"{WHAT.get(r['trigger'], r['trigger'])} to {r['target']}" + (
            f" about #{r['complaint_id']}" if r["complaint_id"] else "")
        if r["sent"]:
            if always or on_terminal():
                err(f"Sent the {what}.")
        else:
            err(f"warning: the {what} was not sent: {r['error']}. The change is saved; the message is kept in the "
                f"outbox (#{r['id']}): `complaintctl notify retry` sends it again.")
