"""Commands that carry a complaint through its life: log, classify, assign, update, close,
reopen (show and list are cli/views.py). Each parses, calls one core function, prints."""

from __future__ import annotations

import sys

import typer

from complaintctl.cli.common import (
    CHANGE_FORMAT_OPTION,
    COMPLAINT_HELP,
    DATE_HELP,
    STATE,
    creates_database,
    err,
    parse_date_option,
    stdin_is_tty,
    warn,
    which_complaint,
)
from complaintctl.cli.completion import complete_agents, complete_codes
from complaintctl.cli.text_input import EDIT_HELP, check_one_stdin, text_from
from complaintctl.errors import InvalidInput
from complaintctl.i18n import N_, _, clauses
from complaintctl.render.output import Format


def send_queued(*, quiet=None):
    """Send what the command queued (core.notify is already loaded by the use cases); the
    Delivery, or None when nothing was queued. ``quiet(result)``: what the command says itself."""
    from complaintctl.core import notify
    if notify.queued():
        from complaintctl.cli.sending import send_queued as send

        return send(quiet=quiet)
    return None
NEW_CUSTOMER = typer.Option(False, "--new-customer", help="A different person from the customer the email or "
                            "phone belongs to (a family, a switchboard): record a new customer.")
REPLY_HELP = ("Send this reply template (`replies list`), filled in for the complaint, to the customer's e-mail "
              "when e-mail is set up (`notify smtp`); otherwise it is recorded, not sent, and is not their first "
              "response unless --to-customer says you told them yourself; :zh or :en picks the language "
              "[default: the complaint's].")


@creates_database
def log(
    subject: str = typer.Option(None, "--subject", "-s",
                                help="What the complaint is about (required)."),
    customer: str = typer.Option(None, "--customer", "-c", help="Customer's name, or #ID of a known customer."),
    email: str = typer.Option(None, "--email", help="Customer's email (used to match repeat customers)."),
    phone: str = typer.Option(None, "--phone", help="Customer's phone (used to match repeat customers)."),
    company: str = typer.Option(None, "--company", help="Customer's company."),
    new_customer: bool = NEW_CUSTOMER,
    channel: str = typer.Option(None, "--channel", autocompletion=complete_codes("channel"),
                                help="How it came in: phone, email, web, social, "
                                "store, chat, letter, other."),
    description: str = typer.Option(None, "--description", "-d",
                                    help="The full text; '-' reads it from standard input."),
    edit: bool = typer.Option(False, "--edit", "-e", help=f"The description: {EDIT_HELP}"),
    remedy: str = typer.Option(None, "--remedy", autocompletion=complete_codes("remedy"),
                               help="What the customer asks for: refund, replacement, "
                               "repair, compensation, apology, explanation, other."),
    received: str = typer.Option(None, "--received",
                                 help=f"When it was received [default: now]. {DATE_HELP}."),
    category: str = typer.Option(None, "--category", autocompletion=complete_codes("category"),
                                 help="What it is about (see `taxonomy list category`)."),
    severity: str = typer.Option(None, "--severity", autocompletion=complete_codes("severity"),
                                 help="critical, high, medium or low."),
    ref: str = typer.Option(None, "--ref", help="Unique external reference (ticket number, form id)."),
    tag: list[str] = typer.Option(None, "--tag", "-t", help="A free tag; repeat for more."),
    suggest: bool = typer.Option(False, "--suggest", help="Also say what the team's history suggests for its "
                                 "category and other codes (on stderr; with -f json, under suggestions); "
                                 "writes nothing (`classify ID --accept` does)."),
    fmt: Format = typer.Option(Format.table, "--format", "-f", help="table prints the id; json or ndjson the "
                               "whole complaint (as `show -f json`); csv its row as `list` prints it."),
    resume: bool = typer.Option(False, "--resume", help="At a terminal: offer the calls whose logging failed "
                                "after their questions (kept as drafts), and log the one chosen."),
) -> None:
    """Record a new complaint and print its id. At a terminal without --subject, ask for it."""
    from complaintctl.core.desk.complaints import NewComplaint, log_complaint

    typed = {"subject": subject, "customer": customer, "email": email, "phone": phone, "company": company,
             "new_customer": new_customer, "channel": channel, "description": description, "remedy": remedy,
             "received": received, "category": category, "severity": severity, "ref": ref, "tags": tag}
    if resume or subject is None or not subject.strip():
        if not stdin_is_tty():
            raise InvalidInput(_("--resume asks which call to log: run it at a terminal") if resume else
                               _("a subject is required"), hint=_('--subject "what the complaint is about"'))
        from complaintctl.cli import prompts

        if resume:
            if any(v for k, v in typed.items()) or edit:
                raise InvalidInput(_("--resume logs a call as it was typed: give no other field with it"))
            result = prompts.resume(STATE.connect())
        else:
            from complaintctl.core.record.dates import to_iso

            moment = parse_date_option(received, "--received")
            typed.update(description=text_from(description, what=N_("description"), edit=edit), tags=list(tag or []),
                         received=to_iso(moment) if moment else None)
            result = prompts.ask_and_log(STATE.connect(), typed)
    else:
        new = NewComplaint(
            subject=subject, customer=customer, email=email, phone=phone, company=company,
            channel=channel, description=text_from(description, what=N_("description"), edit=edit,
                                                   header=_("New complaint: {subject}", subject=subject)), remedy=remedy,
            received=parse_date_option(received, "--received"), category=category, severity=severity,
            ref=ref, tags=list(tag or []), new_customer=new_customer,
        )
        result = log_complaint(STATE.connect(), new, actor=STATE.who(), find_similar=True)
    for warning in result.warnings:
        warn(warning)
    suggested = None
    if suggest:
        from complaintctl.cli.suggest import suggestions_after_log

        suggested = suggestions_after_log(result.id, fmt)
    if fmt == Format.table:
        sys.stdout.write(f"{result.id}\n")
        if result.customer_created:
            err(_("Logged complaint #{id} (new customer).", id=result.id))
        elif result.customer_id:
            err(_("Logged complaint #{id} (customer #{customer}).", id=result.id, customer=result.customer_id))
        else:
            err(_("Logged complaint #{id} (anonymous).", id=result.id))
        if result.similar:
            from complaintctl.render.complaint import similar_line

            for other in result.similar:
                err(_("Similar: {complaint}", complaint=similar_line(other)))
    else:
        print_complaint(result.id, fmt, extra=suggested)
    send_queued()


UPDATED = N_("Updated complaint #{id}: {changes}.")


def print_changes(complaint_id: int, changes, said: str = UPDATED, fmt: Format = Format.table,
                   delivery=None) -> None:
    """What a change command did: a message (table), or the complaint after it with its changes.
    ``said``: the message id (``Classified complaint #{id}: {changes}.``). ``delivery``: what was
    sent after it, so that a reply is called sent only when it went."""
    from complaintctl.render.changes import change_text

    if fmt != Format.table:
        print_complaint(complaint_id, fmt, changes)
        return
    if not changes:
        err(_("No change to complaint #{id}.", id=complaint_id))
        return
    parts = []
    reply_to = next((c.new for c in changes if c.field == "reply_to"), None)
    for c in changes:
        if c.field == "note":
            parts.append(_("note added"))
        elif c.field == "reply":
            parts.append(_reply_words(complaint_id, c.new, reply_to, delivery))
        elif c.field == "reply_not_sent":
            parts.append(_("reply recorded, not sent ({label}): {why}; it is not the customer's first response "
                           "(add --to-customer if you told them yourself)", label=c.old, why=c.new))
        elif c.field == "reply_to":
            continue
        elif c.field == "tag":
            parts.append(_("tag +{tag}", tag=c.new) if c.new else _("tag -{tag}", tag=c.old))
        else:
            parts.append(change_text(c.field, c.old, c.new))
    err(_(said, id=complaint_id, changes=clauses(parts)))


def _reply_words(complaint_id: int, label: str, reply_to: str | None, delivery) -> str:
    """"sent" only when the message went; "queued" when it waits in the outbox."""
    if reply_to is None:  # --to-customer: told another way, nothing sent by us
        return _("reply recorded as told to the customer by you ({label}; nothing was sent from here)", label=label)
    went = next((r for r in (delivery.results if delivery else []) if _is_reply(r, complaint_id, reply_to)), None)
    if went is not None and went["sent"]:
        return _("reply sent to {to} ({label})", to=reply_to, label=label)
    if went is None:
        return _("reply queued for {to} ({label}), not sent yet: the time to send ran out; `complaintctl notify "
                 "retry` sends it", to=reply_to, label=label)
    return _("reply queued for {to} ({label}), not sent yet: {why}; `complaintctl notify retry` sends it (outbox "
             "#{outbox})", to=reply_to, label=label, why=went["error"], outbox=went["id"])


def _is_reply(result: dict, complaint_id: int, to: str) -> bool:
    return result["complaint_id"] == complaint_id and result["trigger"] in ("reply", "decision") and result["target"] == to


def reply_is_quiet(complaint_id: int, changes):
    """A reply's delivery is said in the change's own words, not again as a warning."""
    to = next((c.new for c in changes if c.field == "reply_to"), None)
    return (lambda r: _is_reply(r, complaint_id, to)) if to else None


def print_complaint(complaint_id: int, fmt: Format, changes=None, extra: dict | None = None) -> None:
    """One complaint as data: json/ndjson the whole of it (as `show -f json`, with ``changes``
    when a command changed it), csv its row as `list` prints it."""
    if fmt == Format.csv:
        from complaintctl.core.insight.queries import LIST_COLUMNS, ListFilters, list_complaints
        from complaintctl.render.output import write_records

        write_records(list_complaints(STATE.connect(), ListFilters(ids=[complaint_id])), LIST_COLUMNS, fmt)
        return
    from complaintctl.core.insight.queries import show_complaint
    from complaintctl.render.output import write_json

    data = show_complaint(STATE.connect(), complaint_id)
    if changes is not None:
        data["changes"] = [{"field": c.field, "old": c.old, "new": c.new} for c in changes]
    data.update(extra or {})
    write_json(data, lines=fmt == Format.ndjson)


def classify(
    complaint_id: str = typer.Argument(None, metavar="[ID]", help="Complaint id (42, #42) or reference "
                                       "(ref:INC0012, H1); none with --unclassified."),
    category: str = typer.Option(None, "--category", autocompletion=complete_codes("category"),
                                 help="What it is about; 'none' clears."),
    severity: str = typer.Option(None, "--severity", autocompletion=complete_codes("severity"),
                                 help="critical, high, medium, low; 'none' clears."),
    cause: str = typer.Option(None, "--cause", autocompletion=complete_codes("cause"), help="Root cause found by investigation."),
    personality: str = typer.Option(None, "--personality", autocompletion=complete_codes("personality"),
                                    help="perfectionist, forceful, lively or peaceful."),
    motive: str = typer.Option(None, "--motive", autocompletion=complete_codes("motive"),
                               help="venting, revenge, seeking_respect, "
                               "seeking_compensation or wants_fix."),
    tag: list[str] = typer.Option(None, "--tag", "-t", help="Add a tag; repeatable."),
    untag: list[str] = typer.Option(None, "--untag", help="Remove a tag; repeatable."),
    suggest: bool = typer.Option(False, "--suggest", help="Print what the team's history suggests (top three "
                                 "codes per field, confidence, the words that drove them); writes nothing."),
    accept: bool = typer.Option(False, "--accept", help="Write the top suggestion of each field not yet set, "
                                "its event saying which model or rule suggested it, with what confidence."),
    unclassified: bool = typer.Option(False, "--unclassified", help="With --suggest: every complaint without a "
                                      "category, oldest first."),
    apply: bool = typer.Option(False, "--apply", help="With --suggest --unclassified: accept the suggestions at "
                               "--min-confidence or more."),
    min_confidence: float = typer.Option(None, "--min-confidence", metavar="P", help="With --apply: the "
                                         "confidence (0-1) a suggestion needs to be written."),
    limit: int = typer.Option(None, "--limit", "-n", help="With --unclassified: at most this many complaints."),
    fmt: Format = CHANGE_FORMAT_OPTION,
) -> None:
    """Set the category, severity, cause, customer personality, motive and tags; or see and accept
    what the team's history suggests (--suggest, --accept)."""
    from complaintctl.core.desk.complaints import classify as do_classify

    if suggest or accept or unclassified or apply or min_confidence is not None:
        from complaintctl.cli.suggest import classify_suggested

        if any(v is not None for v in (category, severity, cause, personality, motive)) or tag or untag:
            raise InvalidInput(_("give codes, or take suggestions (--suggest, --accept), not both"))
        classify_suggested(complaint_id, suggest=suggest, accept=accept, unclassified=unclassified, apply=apply,
                           min_confidence=min_confidence, limit=limit, fmt=fmt)
        return
    if complaint_id is None:
        raise InvalidInput(_("which complaint?"), hint=_("complaintctl classify ID --category CODE"))
    cid = which_complaint(complaint_id)
    changes = do_classify(
        STATE.connect(), cid,
        codes={"category": category, "severity": severity, "cause": cause,
               "personality": personality, "motive": motive},
        add_tags=list(tag or []), remove_tags=list(untag or []), actor=STATE.who(),
    )
    print_changes(cid, changes, N_("Classified complaint #{id}: {changes}."), fmt)


def assign(
    complaint_id: str = typer.Argument(..., metavar="ID", help=COMPLAINT_HELP),
    to: str = typer.Option(None, "--to", autocompletion=complete_agents, help="The agent to assign it to (an active agent)."),
    unassign: bool = typer.Option(False, "--unassign", help="Clear the assignee."),
    note: str = typer.Option(None, "--note", help="Why, for the timeline."),
    fmt: Format = CHANGE_FORMAT_OPTION,
) -> None:
    """Assign a complaint to an agent, or --unassign it."""
    from complaintctl.core.desk.complaints import assign as do_assign

    if (to is None) == (not unassign):
        raise InvalidInput(_("give either --to AGENT or --unassign"))
    cid = which_complaint(complaint_id)
    change = do_assign(STATE.connect(), cid, None if unassign else to, actor=STATE.who(), note=note)
    print_changes(cid, [change] if change else [], N_("Assigned complaint #{id}: {changes}."), fmt)


def update(
    complaint_id: str = typer.Argument(..., metavar="ID", help=COMPLAINT_HELP),
    status: str = typer.Option(None, "--status", autocompletion=complete_codes("status"),
                               help="acknowledged, investigating, waiting, resolved."),
    note: str = typer.Option(None, "--note", "-n", help="Investigation note or reply; '-' reads stdin."),
    edit: bool = typer.Option(False, "--edit", "-e", help=f"The note or reply: {EDIT_HELP}"),
    reply: str = typer.Option(None, "--reply", metavar="NAME[:LANG]", help=REPLY_HELP),
    to_customer: bool = typer.Option(False, "--to-customer", help="The note is a message the customer was sent "
                                     "(their first response)."),
    subject: str = typer.Option(None, "--subject", help="New subject."),
    description: str = typer.Option(None, "--description", help="New description; '-' reads stdin."),
    received: str = typer.Option(None, "--received", help=f"Corrected received time. {DATE_HELP}."),
    customer: str = typer.Option(None, "--customer", help="File this complaint under this customer: a name "
                                 "(matched with --email/--phone as log does, else a new customer) or #ID."),
    email: str = typer.Option(None, "--email", help="The customer's email: added if they have none."),
    phone: str = typer.Option(None, "--phone", help="The customer's phone: added if they have none."),
    company: str = typer.Option(None, "--company", help="The customer's company: added if they have none."),
    new_customer: bool = NEW_CUSTOMER,
    fmt: Format = CHANGE_FORMAT_OPTION,
) -> None:
    """Move a complaint through its lifecycle, add a note, or edit its fields. Customer options
    change this complaint only; `customers edit` changes a customer's record."""
    from complaintctl.core.desk.complaints import update as do_update

    cid = which_complaint(complaint_id)
    check_one_stdin(note=note, description=description)
    template = None
    if reply is not None:
        if note is not None:
            raise InvalidInput(_("give --note or --reply, not both"), hint=_("--reply NAME -e to change the reply first"))
        from complaintctl.cli.replies import reply_text

        note, template = reply_text(cid, reply, edit=edit)
    else:
        note = text_from(note, what=N_("note"), edit=edit, header=_("Note on complaint #{id}", id=cid))
    changes = do_update(
        STATE.connect(), cid, status=status, note=note, to_customer=to_customer, send_reply=reply is not None,
        template=template,
        edits={"subject": subject, "description": text_from(description, what=N_("description")),
               "received_at": parse_date_option(received, "--received")},
        customer_edits={"name": customer, "email": email, "phone": phone, "company": company},
        new_customer=new_customer, actor=STATE.who(),
    )
    delivery = send_queued(quiet=reply_is_quiet(cid, changes))
    print_changes(cid, changes, fmt=fmt, delivery=delivery)


def close(
    complaint_id: str = typer.Argument(..., metavar="ID", help=COMPLAINT_HELP),
    outcome: str = typer.Option(..., "--outcome", autocompletion=complete_codes("outcome"),
                                help="resolved, rejected, withdrawn or duplicate."),
    resolution: str = typer.Option(None, "--resolution", "-r", help="What was decided and done; '-' reads stdin."),
    edit: bool = typer.Option(False, "--edit", "-e", help=f"The resolution (the reply, with --reply): {EDIT_HELP}"),
    reply: str = typer.Option(None, "--reply", metavar="NAME[:LANG]", help=REPLY_HELP + " It is also the "
                              "resolution unless -r gives one."),
    duplicate_of: str = typer.Option(None, "--duplicate-of", metavar="ID",
                                     help="With --outcome duplicate: the original complaint (id or reference)."),
    told_via: str = typer.Option(None, "--told-via", autocompletion=complete_codes("channel"), metavar="CHANNEL",
                                 help="How the decision reached the customer [default: intake channel]."),
    accepted: bool = typer.Option(None, "--accepted/--not-accepted",
                                  help="Whether the customer accepted the decision."),
    fmt: Format = CHANGE_FORMAT_OPTION,
) -> None:
    """Close a complaint with its outcome and resolution."""
    from complaintctl.core.desk.complaints import close as do_close
    from complaintctl.i18n.words import field_value

    cid = which_complaint(complaint_id)
    dup = which_complaint(duplicate_of, N_("--duplicate-of id")) if duplicate_of is not None else None
    sent = template = None
    if reply is not None:
        from complaintctl.cli.replies import reply_text

        sent, template = reply_text(cid, reply, edit=edit)
        resolution = text_from(resolution, what=N_("resolution")) or sent
    else:
        resolution = text_from(resolution, what=N_("resolution"), edit=edit,
                               header=_("Resolution of complaint #{id} (outcome: {outcome})", id=cid,
                                        outcome=field_value("outcome", outcome)))
    changes = do_close(STATE.connect(), cid, outcome=outcome, resolution=resolution,
                       duplicate_of=dup, told_via=told_via, accepted=accepted, actor=STATE.who(),
                       reply=sent, template=template)
    delivery = send_queued(quiet=reply_is_quiet(cid, changes))
    print_changes(cid, changes, N_("Closed complaint #{id}: {changes}."), fmt, delivery=delivery)


def reopen(
    complaint_id: str = typer.Argument(..., metavar="ID", help=COMPLAINT_HELP),
    reason: str = typer.Option(..., "--reason", help="Why it is reopened; '-' reads stdin."),
    fmt: Format = CHANGE_FORMAT_OPTION,
) -> None:
    """Reopen a resolved or closed complaint (back to investigating)."""
    from complaintctl.core.desk.complaints import reopen as do_reopen

    cid = which_complaint(complaint_id)
    change = do_reopen(STATE.connect(), cid, reason=text_from(reason, what=N_("reason")), actor=STATE.who())
    print_changes(cid, [change], N_("Reopened complaint #{id}: {changes}."), fmt)
