"""After a command's change has committed: send what it queued, within the team's deadline, and
say what did not go (and that it waits for `notify retry`)."""

from __future__ import annotations

from complaintctl.cli.common import STATE, err, warn
from complaintctl.i18n import _, ngettext
from complaintctl.i18n.words import word


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
    """``the reply to li@x.cn about #12``: what a message was, to whom, about which complaint."""
    what = word("trigger", result["trigger"])
    if result["complaint_id"]:
        return _("the {what} to {target} about #{id}", what=what, target=result["target"], id=result["complaint_id"])
    return _("the {what} to {target}", what=what, target=result["target"])


def report(delivery, *, always: bool = False, quiet=None) -> None:
    """Each failure (always), each message sent (on a terminal, or ``always``), and what is still
    queued because the time to send ran out."""
    for r in delivery.results:
        if quiet is not None and quiet(r):
            continue
        if r["sent"]:
            if always or on_terminal():
                err(_("Sent {message}.", message=describe(r)))
        elif r["unfinished"]:
            warn(_("{message} is not sent yet: {why}. The change is saved; the message stays in the outbox (#{id}): "
                   "`complaintctl notify retry` sends it again once its lease has run out, with the same Message-ID, "
                   "so a copy can be told apart.", message=describe(r), why=r["error"], id=r["id"]))
        else:
            warn(_("{message} was not sent: {why}. The change is saved; the message is kept in the outbox (#{id}): "
                   "`complaintctl notify retry` sends it again.", message=describe(r), why=r["error"], id=r["id"]))
    if delivery.left:
        err(ngettext("{n} message not sent within {seconds:g} s stays queued: `complaintctl notify retry` (from cron) "
                     "sends it.", "{n} messages not sent within {seconds:g} s stay queued: `complaintctl notify retry` "
                     "(from cron) sends them.", delivery.left, seconds=delivery.seconds))
