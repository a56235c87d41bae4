"""What needs doing about time: overdue, escalate, survey, followups, sweep (`sla` is cli/sla.py)."""

from __future__ import annotations

import typer

from complaintctl.cli.common import (
    CHANGE_FORMAT_OPTION,
    COMPLAINT_HELP,
    FORMAT_OPTION,
    LIMIT_OPTION,
    STATE,
    err,
    parse_date_option,
    row_limit,
    say_more,
    which_complaint,
)
from complaintctl.errors import ExitCode, InvalidInput
from complaintctl.i18n import N_, _, ngettext
from complaintctl.render.output import Format

OVERDUE_COLUMNS = ["id", "assignee", "severity", "status", "clock", "due_at", "state", "minutes_left", "subject",
                   "customer_name", "received_at", "respond_due_at", "resolve_due_at"]
CLOCK_HEADERS = {"assignee": N_("Assignee"), "id": N_("ID"), "severity": N_("Severity"), "status": N_("Status"),
                 "clock": N_("Clock"), "due_at": N_("Due"), "left": N_("Left"), "subject": N_("Subject")}


def overdue(
    within: str = typer.Option(None, "--within", help="Also list what falls due within this long: 4h, 2d, "
                               "or business time 4bh, 2bd (counted on the SLA calendar)."),
    as_of: str = typer.Option(None, "--as-of", help="What was late at that moment (replayed from the event log)."),
    exit_code: bool = typer.Option(False, "--exit-code", help="Exit 1 when anything is overdue (for monitoring)."),
    mine: bool = typer.Option(False, "--mine", help="Only complaints assigned to me (the agent named by --actor)."),
    notify: bool = typer.Option(False, "--notify", help="Also tell the team's overdue webhooks about the late ones "
                                "not told before (for cron; see `notify`)."),
    limit: int = LIMIT_OPTION,
    fmt: Format = FORMAT_OPTION,
) -> None:
    """Open complaints past a due time (and due soon with --within): the most urgent, by assignee."""
    from complaintctl.core.insight.worklists import overdue as find_overdue
    from complaintctl.core.record.dates import now_utc, to_iso, to_local_text
    from complaintctl.core.sla.clock import due_standing, parse_duration
    from complaintctl.render.output import write_records

    window = parse_duration(within, "--within") if within else None
    moment = parse_date_option(as_of, "--as-of")
    if notify and moment is not None:
        raise InvalidInput(_("--notify tells about what is late now, not --as-of a past moment"))
    found = find_overdue(STATE.connect(), within=window, as_of=moment, mine=STATE.who() if mine else None,
                         limit=row_limit(limit, fmt))
    rows = found["rows"]
    now = moment or now_utc()
    if fmt == Format.table:
        from complaintctl.i18n.words import target, word
        from complaintctl.render.clocks import standing_text

        def cells(r: dict) -> dict:
            standing, minutes = due_standing(r["due_at"], now, r["status"], r.get("paused_since"))
            return {**r, "id": f"#{r['id']}", "assignee": r["assignee"] or _("(unassigned)"),
                    "due_at": to_local_text(r["due_at"]), "clock": word("clock", r["clock"]) or "-",
                    "left": standing_text(standing, minutes, raw=r["due_at"] or "")}

        write_records(rows, OVERDUE_COLUMNS, fmt, table_columns=["assignee", "id", "severity", "clock", "due_at",
                                                                 "left", "subject"],
                      headers=CLOCK_HEADERS, table_values=cells, flexible=["subject"], floors={"subject": 20},
                      droppable=["due_at"])
        say_more(len(rows), found["total"])
        late, soon = found["overdue"], found["total"] - found["overdue"]
        when = to_local_text(to_iso(moment)) if moment else None
        if within and moment:
            err(_("{late:,} overdue, {soon:,} due within {window} as of {when}.", late=late, soon=soon,
                  window=target(str(window)), when=when))
        elif within:
            err(_("{late:,} overdue, {soon:,} due within {window}.", late=late, soon=soon,
                  window=target(str(window))))
        elif moment:
            err(_("{late:,} overdue as of {when}.", late=late, when=when))
        else:
            err(_("{late:,} overdue.", late=late))
        if found.get("no_sla"):
            err(ngettext("{n:,} open complaint has no SLA clock (no severity): classify it, or time it by a default "
                         "with `complaintctl sla default SEVERITY`.",
                         "{n:,} open complaints have no SLA clock (no severity): classify them, or time them by a "
                         "default with `complaintctl sla default SEVERITY`.", found["no_sla"]))
    else:
        write_records(rows, OVERDUE_COLUMNS, fmt)
    if notify:
        _notify_overdue(mine)
    if exit_code and found["overdue"]:
        raise typer.Exit(ExitCode.FAILED)


def _notify_overdue(mine: bool) -> None:
    """Off a terminal (cron) only a failed send is printed."""
    from complaintctl.cli.sending import on_terminal, send_queued
    from complaintctl.core.notify.outbox import tell_overdue

    told = tell_overdue(STATE.connect(), mine=STATE.who() if mine else None)
    if on_terminal():
        err(_("Telling {hooks} about {complaints} newly overdue.",
              hooks=ngettext("{n} webhook", "{n} webhooks", told["messages"]),
              complaints=ngettext("{n} complaint", "{n} complaints", len(told["told"])))
            if told["told"] else _("No complaint newly overdue to tell the webhooks about."))
    send_queued()


def escalate(
    complaint_id: str = typer.Argument(..., metavar="ID", help=COMPLAINT_HELP),
    to: str = typer.Option(None, "--to", help="Hand it over to this agent (usually a lead)."),
    reason: str = typer.Option(..., "--reason", help="Why it is escalated."),
    severity: str = typer.Option(None, "--severity", help="Set this severity [default: one step up]."),
    keep_severity: bool = typer.Option(False, "--keep-severity", help="Only hand over; leave the severity."),
    fmt: Format = CHANGE_FORMAT_OPTION,
) -> None:
    """Escalate: raise the severity (one step by default) and/or hand over to a lead."""
    from complaintctl.cli.complaints import print_changes
    from complaintctl.core.desk.tracking import escalate as do_escalate

    cid = which_complaint(complaint_id)
    changes = do_escalate(STATE.connect(), cid, to=to, reason=reason, severity=severity,
                          raise_severity=not keep_severity, actor=STATE.who())
    print_changes(cid, changes, N_("Escalated complaint #{id}: {changes}."), fmt)
    from complaintctl.cli.sending import send_queued

    send_queued()


def survey(
    complaint_id: str = typer.Argument(..., metavar="ID", help=COMPLAINT_HELP),
    score: int = typer.Option(..., "--score", min=1, max=5, help="Satisfaction from 1 (very unhappy) to 5."),
    comment: str = typer.Option(None, "--comment", help="What the customer said."),
    reopen: bool = typer.Option(False, "--reopen", help="Reopen the complaint: the customer is not satisfied."),
    fmt: Format = CHANGE_FORMAT_OPTION,
) -> None:
    """Record the customer's satisfaction after resolution (resolved or closed complaints)."""
    from complaintctl.core.desk.tracking import survey as do_survey

    cid = which_complaint(complaint_id)
    result = do_survey(STATE.connect(), cid, score=score, comment=comment, reopen=reopen, actor=STATE.who())
    if fmt != Format.table:
        from complaintctl.cli.complaints import print_complaint

        print_complaint(cid, fmt)  # the survey is in its surveys and its timeline
        return
    err(_("Survey recorded for #{id}: {score}/5; reopened.", id=cid, score=score) if result["reopened"]
        else _("Survey recorded for #{id}: {score}/5.", id=cid, score=score))


def followups(
    days: int = typer.Option(None, "--days", metavar="DAYS", help="Resolved within the last DAYS days "
                             "[default: 14]; 0 for every resolved complaint that never had a follow-up."),
    limit: int = LIMIT_OPTION,
    fmt: Format = FORMAT_OPTION,
) -> None:
    """Resolved complaints waiting for a satisfaction follow-up, most urgent (longest waiting) first."""
    from complaintctl.core.insight.worklists import FOLLOWUP_DAYS
    from complaintctl.core.insight.worklists import followups as find
    from complaintctl.core.record.dates import to_local_text
    from complaintctl.render.output import write_records

    found = find(STATE.connect(), days=FOLLOWUP_DAYS if days is None else days, limit=row_limit(limit, fmt))
    rows, days = found["rows"], found["days"]
    cols = ["id", "resolved_at", "days_since_resolved", "status", "assignee", "customer_name", "customer_phone",
            "customer_email", "subject"]
    write_records(rows, cols, fmt, table_values=lambda r: {**r, "id": f"#{r['id']}",
                                                            "resolved_at": to_local_text(r["resolved_at"])},
                  table_columns=["id", "resolved_at", "days_since_resolved", "assignee", "customer_name",
                                 "customer_phone", "subject"],
                  headers={"id": N_("ID"), "resolved_at": N_("Resolved"), "days_since_resolved": N_("Days"),
                           "assignee": N_("Assignee"), "customer_name": N_("Customer"), "customer_phone": N_("Phone"),
                           "subject": N_("Subject")},
                  flexible=["subject", "customer_name"], floors={"subject": 16},
                  droppable=["resolved_at", "assignee"])
    if fmt == Format.table:
        say_more(len(rows), found["total"])
        if not rows:
            err(_("No follow-ups waiting in the last {days} days. --days 0 looks back to the first day.", days=days)
                if days else _("No follow-ups waiting."))


def sweep(
    close_after: int = typer.Option(None, "--close-after", metavar="DAYS",
                                    help="Close resolved complaints with no follow-up after this many days "
                                    "[default: the saved setting, 14]."),
    save: bool = typer.Option(False, "--save", help="Save --close-after as the default."),
    dry_run: bool = typer.Option(False, "--dry-run", help="Only list what would be closed."),
    fmt: Format = FORMAT_OPTION,
) -> None:
    """Housekeeping for cron: close resolved complaints nobody followed up. Idempotent."""
    from complaintctl.core.desk.tracking import set_sweep_days, sweep_days
    from complaintctl.core.desk.tracking import sweep as do_sweep
    from complaintctl.render.output import write_records

    conn = STATE.connect()
    if save:
        if close_after is None:
            raise InvalidInput(_("--save needs --close-after DAYS"))
        set_sweep_days(conn, close_after, actor=STATE.who())
    days = close_after if close_after is not None else sweep_days(conn)
    rows = do_sweep(conn, days=days, dry_run=dry_run, actor=STATE.who())
    if fmt != Format.table or rows:
        write_records(rows, ["id", "resolved_at", "subject"], fmt,
                      headers={"id": N_("ID"), "resolved_at": N_("Resolved"), "subject": N_("Subject")})
    if dry_run:
        err(ngettext("sweep: would close {n} resolved complaint with no follow-up for {days} days.",
                     "sweep: would close {n} resolved complaints with no follow-up for {days} days.", len(rows),
                     days=days))
    else:
        err(ngettext("sweep: closed {n} resolved complaint with no follow-up for {days} days.",
                     "sweep: closed {n} resolved complaints with no follow-up for {days} days.", len(rows), days=days))
