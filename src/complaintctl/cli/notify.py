"""notify: e-mails to customers and webhooks to the team's chat, configured in the database."""

from __future__ import annotations

import sys

import typer

from complaintctl.cli.common import (
    FORMAT_OPTION,
    STATE,
    creates_database,
    err,
    handle_errors,
    parse_id,
    which_complaint,
)
from complaintctl.cli.text_input import EDIT_HELP, text_from
from complaintctl.errors import ExitCode, InvalidInput
from complaintctl.i18n import N_, _, joined, ngettext
from complaintctl.i18n.words import word
from complaintctl.render.output import Format

notify_app = typer.Typer(help="Tell people: an e-mail to the customer when a complaint is logged and when it is "
                         "closed, and the team's chat (WeCom, DingTalk, Feishu, Slack) when a critical complaint "
                         "arrives, one is escalated, or `overdue --notify` finds late ones. Off until `notify on`.",
                         no_args_is_help=True, rich_markup_mode=None)
# the mail server's settings, as `notify smtp` names what it set
SMTP_FIELDS = {"host": N_("host"), "port": N_("port"), "security": N_("security"), "user": N_("user"),
               "password_env": N_("password variable"), "sender": N_("sender")}
webhook_app = typer.Typer(help="The team's chat webhooks.", no_args_is_help=True, rich_markup_mode=None)
notify_app.add_typer(webhook_app, name="webhook")


@notify_app.command("show")
@handle_errors
def notify_show(fmt: Format = typer.Option(Format.table, "--format", "-f", help="table or json.")) -> None:
    """Show what is set up: the switches, the mail server, the webhooks, the e-mail templates, the outbox."""
    from complaintctl.core.notify.outbox import overview

    data = overview(STATE.connect())
    if fmt != Format.table:
        from complaintctl.render.output import write_json

        write_json(data)
        return
    from complaintctl.render.table import render_pairs

    on = {True: _("on"), False: _("off")}
    pairs = [(_("notifications"), on[data["enabled"]]),
             (_("e-mail on log"), _("{on} (acknowledgement to the customer)", on=on[data["ack"]])),
             (_("e-mail on close"), _("{on} (the decision, to the customer)", on=on[data["decision"]])),
             (_("mail server"), _mail_server(data["smtp"])),
             (_("deadline"), _("{n} s of sending per command (`notify deadline`)", n=data["deadline_seconds"]))]
    for hook in data["webhooks"]:
        said = _("{name}: {kind}, {events}, in {language}", name=hook["name"], kind=word("chat", hook["kind"]),
                 events=joined(word("webhook_event", e) for e in hook["events"].split(",")),
                 language=word("language", hook["lang"]))
        pairs.append((_("webhook"), _("{webhook}, signed", webhook=said) if hook["signed"] else said))
    if not data["webhooks"]:
        pairs.append((_("webhooks"), _("(none: `notify webhook add NAME --kind wecom --url URL`)")))
    for t in data["templates"]:
        words = {"event": word("email_event", t["event"]), "language": word("language", t["lang"]), "subject": t["subject"]}
        pairs.append((_("template"), _("{event} in {language} (yours): {subject}", **words) if t["custom"]
                      else _("{event} in {language} (default): {subject}", **words)))
    counts = data["outbox"]
    pairs.append((_("outbox"), joined(f"{n} {word('outbox_state', status)}" for status, n in sorted(counts.items()))
                  or _("empty")))
    sys.stdout.write(render_pairs(pairs) + "\n")


def _mail_server(smtp: dict) -> str:
    if not smtp["host"]:
        return _("(none set: `notify smtp --host HOST --sender ADDRESS`)")
    said = _("{host}:{port} {security}, from {sender}", host=smtp["host"], port=smtp["port"] or _("(default port)"),
             security=smtp["security"] or _("(STARTTLS if offered)"), sender=smtp["sender"] or _("(no sender set)"))
    if smtp["user"]:
        said = _("{server}, user {user} (password from ${variable})", server=said, user=smtp["user"],
                 variable=smtp["password_env"])
    return said


def _switch(**values: bool | None) -> None:
    from complaintctl.core.notify.config import set_switches

    changed = set_switches(STATE.connect(), values, actor=STATE.who())
    err(_("Turned {switches}.", switches=joined(changed)) if changed else _("No change."))


@notify_app.command("on")
@handle_errors
@creates_database
def notify_on() -> None:
    """Turn notifications on (the e-mails and webhooks that are set up start going out)."""
    _switch(enabled=True)


@notify_app.command("off")
@handle_errors
def notify_off() -> None:
    """Turn every notification off; nothing is queued while off."""
    _switch(enabled=False)


@notify_app.command("email")
@handle_errors
@creates_database
def notify_email(
    ack: bool = typer.Option(None, "--ack/--no-ack", help="E-mail the customer an acknowledgement when a "
                             "complaint with their address is logged."),
    decision: bool = typer.Option(None, "--decision/--no-decision", help="E-mail the customer the decision when "
                                  "their complaint is closed as resolved or rejected."),
) -> None:
    """Choose the e-mails customers get (their language: the one the complaint is written in)."""
    if ack is None and decision is None:
        raise InvalidInput(_("give --ack/--no-ack or --decision/--no-decision"))
    _switch(ack=ack, decision=decision)


@notify_app.command("smtp")
@handle_errors
@creates_database
def notify_smtp(
    host: str = typer.Option(None, "--host", help="The mail server, e.g. smtp.exmail.qq.com."),
    port: int = typer.Option(None, "--port", help="[default: 465 with ssl, 587 with starttls, else 25]"),
    security: str = typer.Option(None, "--security", help="starttls, ssl or none [default: ssl on port 465, "
                                 "else STARTTLS when the server offers it]."),
    user: str = typer.Option(None, "--user", help="The login, if the server wants one."),
    password_env: str = typer.Option(None, "--password-env", metavar="VAR", help="The environment variable that "
                                     "holds the password (read when sending; never stored)."),
    sender: str = typer.Option(None, "--sender", help='The From address, e.g. "客服中心 <support@example.cn>".'),
) -> None:
    """Set the mail server the customer e-mails go through ('' clears a value)."""
    from complaintctl.core.notify.config import set_smtp

    changed = set_smtp(STATE.connect(), actor=STATE.who(), host=host, port=port, security=security, user=user,
                       password_env=password_env, sender=sender)
    err(_("Mail server: set {fields}.", fields=joined(_(SMTP_FIELDS.get(f, f)) for f in changed)) if changed
        else _("No change to the mail server."))


@notify_app.command("template")
@handle_errors
@creates_database
def notify_template(
    event: str = typer.Argument(..., help="ack (the e-mail on log) or decision (on close)."),
    lang: str = typer.Option(..., "--lang", help="zh or en."),
    subject: str = typer.Option(None, "--subject", help="The subject line."),
    text: str = typer.Option(None, "--text", help="The text; placeholders as in `replies`, plus {resolution} "
                             "and {outcome}; '-' reads stdin."),
    edit: bool = typer.Option(False, "--edit", "-e", help=f"The text: {EDIT_HELP} The current text is the draft."),
    reset: bool = typer.Option(False, "--reset", help="Back to the default text."),
) -> None:
    """Show an e-mail template, or change it."""
    from complaintctl.core.notify.templates import email_template, set_email_template

    conn = STATE.connect()
    if subject is None and text is None and not edit and not reset:
        t = email_template(conn, event, lang)
        sys.stdout.write(_("Subject: {subject}", subject=t["subject"]) + f"\n\n{t['body']}\n")
        return
    if edit and text is None:
        text = email_template(conn, event, lang)["body"]
    body = text_from(text, what=N_("e-mail"), edit=edit,
                     header=_("Placeholders as in `replies`, plus {resolution} and {outcome}", resolution="{resolution}",
                              outcome="{outcome}"))
    t = set_email_template(conn, event, lang, subject=subject, body=body, reset=reset, actor=STATE.who())
    said = {"event": word("email_event", t["event"]), "language": word("language", t["lang"])}
    err(_("The {event} in {language} is reset to the default.", **said) if reset
        else _("The {event} in {language} is changed.", **said))


@webhook_app.command("add")
@handle_errors
@creates_database
def webhook_add(
    name: str = typer.Argument(..., help="A name for it, e.g. team-wecom."),
    kind: str = typer.Option(..., "--kind", help="wecom, dingtalk, feishu, slack, or json (your own receiver)."),
    url: str = typer.Option(..., "--url", help="The webhook address the chat gave you."),
    on: list[str] = typer.Option(None, "--on", help="critical, escalated, overdue; repeatable or comma-separated "
                                 "[default: all three]."),
    lang: str = typer.Option(None, "--lang", help="zh or en [default: zh for WeCom, DingTalk and Feishu, else en]."),
    secret: str = typer.Option(None, "--secret", help="DingTalk or Feishu signing secret (kept in the database, "
                               "like the URL's token)."),
) -> None:
    """Add a webhook the team's chat gives a group robot."""
    from complaintctl.core.notify.config import add_webhook

    hook = add_webhook(STATE.connect(), name, kind=kind, url=url, events=list(on or []), lang=lang, secret=secret,
                       actor=STATE.who())
    err(_("Webhook {name} ({kind}, in {language}) for {events}; `complaintctl notify test --webhook {name}` tries it.",
          name=hook["name"], kind=word("chat", hook["kind"]), language=word("language", hook["lang"]),
          events=joined(word("webhook_event", e) for e in hook["events"])))


@webhook_app.command("rm")
@handle_errors
def webhook_rm(name: str = typer.Argument(..., help="The webhook's name.")) -> None:
    """Remove a webhook."""
    from complaintctl.core.notify.config import remove_webhook

    remove_webhook(STATE.connect(), name, actor=STATE.who())
    err(_("Removed webhook {name}.", name=name))


@notify_app.command("test")
@handle_errors
def notify_test(
    email: str = typer.Option(None, "--email", help="Send a test e-mail to this address."),
    webhook: str = typer.Option(None, "--webhook", help="Send a test message to this webhook."),
) -> None:
    """Send a test message now (even while notifications are off); exit 1 if it does not go."""
    from complaintctl.cli.sending import report
    from complaintctl.core.notify.deliver import send_pending
    from complaintctl.core.notify.outbox import queue_test

    conn = STATE.connect()
    queue_test(conn, email=email, webhook=webhook, actor=STATE.who())
    delivery = send_pending(conn)
    report(delivery, always=True)
    if not delivery.results or not all(r["sent"] for r in delivery.results):
        raise typer.Exit(ExitCode.FAILED)


@notify_app.command("outbox")
@handle_errors
def notify_outbox(
    unsent: bool = typer.Option(False, "--unsent", help="Only the messages not sent (failed, pending)."),
    complaint: str = typer.Option(None, "--complaint", metavar="ID", help="Only those about this complaint."),
    limit: int = typer.Option(50, "--limit", "-n", help="At most this many, newest first; 0 for all."),
    fmt: Format = FORMAT_OPTION,
) -> None:
    """The messages queued, sent and failed, newest first."""
    from complaintctl.core.notify.outbox import COLUMNS, outbox_rows
    from complaintctl.core.record.dates import to_local_text
    from complaintctl.render.output import write_records

    rows = outbox_rows(STATE.connect(), unsent=unsent, limit=limit,
                       complaint_id=which_complaint(complaint) if complaint is not None else None)
    write_records(rows, COLUMNS, fmt, table_columns=["id", "created_at", "complaint_id", "trigger", "target", "status",
                                                     "attempts", "error"],
                  headers={"id": N_("ID"), "created_at": N_("Queued"), "complaint_id": N_("Complaint"),
                           "trigger": N_("For"), "target": N_("Recipient"), "status": N_("Status"), "attempts": N_("Tries"),
                           "error": N_("Error")},
                  words={"trigger": lambda t: word("trigger", t), "status": lambda s: word("outbox_state", s)},
                  table_values=lambda r: {**r, "created_at": to_local_text(r["created_at"]),
                                          "complaint_id": f"#{r['complaint_id']}" if r["complaint_id"] else ""},
                  flexible=["error", "target"])
    if not rows and fmt == Format.table:
        err(_("The outbox is empty.") if not unsent else _("Nothing unsent."))


@notify_app.command("retry")
@handle_errors
def notify_retry(
    ids: list[str] = typer.Argument(None, metavar="[ID]...", help="Only these messages [default: every one "
                                    "not sent]."),
    within: float = typer.Option(60, "--within", metavar="SECONDS", help="Send for at most this long (1 to 600); "
                                 "what is left waits for the next run."),
) -> None:
    """Send what is not sent: failed messages, pending ones a killed command left, and those whose
    sender died mid-send (once their lease has run out: a send in progress is never taken). Two
    runs at once never send one message twice; a message cut off after the server had it goes
    again with the same Message-ID. Exit 1 if some still fail. Off a terminal (cron) it prints
    only the failures."""
    from complaintctl.cli.sending import on_terminal, report
    from complaintctl.core.notify.deliver import retry

    if not 1 <= within <= 600:
        raise InvalidInput(_("--within {seconds:g} is not possible: from 1 to 600 seconds", seconds=within))
    delivery = retry(STATE.connect(), [parse_id(i, N_("message id")) for i in ids] if ids else None, seconds=within)
    report(delivery)
    if not delivery.results and on_terminal():  # silent in cron when there is nothing to say
        err(_("Nothing to retry."))
    elif not all(r["sent"] for r in delivery.results):
        raise typer.Exit(ExitCode.FAILED)


@notify_app.command("deadline")
@handle_errors
def notify_deadline(seconds: int = typer.Argument(None, metavar="[SECONDS]", help="1 to 60 [default: 5].")) -> None:
    """Show or set how long a command (log, close, escalate, ...) spends sending the messages it
    queued, after its change is saved: what is not sent by then stays queued for `notify retry`
    (from cron), and the command says so. A slow or silent server never holds a command longer."""
    from complaintctl.core.notify.config import deadline_seconds, set_deadline

    conn = STATE.connect()
    if seconds is None:
        typer.echo(f"{deadline_seconds(conn)}")
        return
    changed = set_deadline(conn, seconds, actor=STATE.who())
    err(ngettext("Commands send for at most {n} s.", "Commands send for at most {n} s.", seconds) if changed
        else _("No change."))
