"""After a command's change has committed: send what it queued, within the team's deadline, and
say what did not go (and that it waits for `notify retry`)."""

from __future__ import annotations

from complaintctl.cli.common import STATE, err

WHAT = {"ack": "acknowledgement e-mail", "decision": "decision e-mail", "test": "test message",
        "critical": "critical-complaint message", "escalated": "escalation message", "overdue": "overdue message",
        "reply": "reply"}


def send_queued(*, quiet=None):
    """Send the messages this command queued (and any others still pending); the Delivery, or
    None when nothing was queued. ``quiet(result)``: a message the command reports itself."""
    from complaintctl.core import notify

    if not notify.queued():
        return None
    from complaintctl.core.notify.deliver import send_pending

    delivery = send_pending(STATE.connect())
    report(delivery, quiet=quiet)
    return delivery


def on_terminal() -> bool:
    """Whether a person reads stderr: cron mails whatever a job prints, so success is said only here."""
    import sys

    return hasattr(sys.stderr, "isatty") and sys.stderr.isatty()


def describe(result: dict) -> str:
    return f"{WHAT.get(result['trigger'], result['trigger'])} to {result['target']}" + (
        f" about #{result['complaint_id']}" if result["complaint_id"] else "")


def report(delivery, *, always: bool = False, quiet=None) -> None:
    """Each failure (always), each message sent (on a terminal, or ``always``), and what is still
    queued because the time to send ran out."""
    for r in delivery.results:
        if quiet is not None and quiet(r):
            continue
        if r["sent"]:
            if always or on_terminal():
                err(f"Sent the {describe(r)}.")
        elif r["unfinished"]:
            err(f"warning: the {describe(r)} is not sent yet: {r['error']}. The change is saved; the message stays in "
                f"the outbox (#{r['id']}): `complaintctl notify retry` sends it again once its lease has run out, "
                "with the same Message-ID, so a copy can be told apart.")
        else:
            err(f"warning: the {describe(r)} was not sent: {r['error']}. The change is saved; the message is kept in the "
                f"outbox (#{r['id']}): `complaintctl notify retry` sends it again.")
    if delivery.left:
        err(f"{delivery.left} message(s) not sent within {delivery.seconds:g} s stay queued: `complaintctl notify "
            "retry` (from cron) sends them.")
