"""sla: targets per severity, the default severity, the goal, status, check, and the business calendar."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from complaintctl.cli.common import (
    FORMAT_OPTION,
    LIMIT_OPTION,
    STATE,
    creates_database,
    err,
    handle_errors,
    parse_date_option,
    row_limit,
    say_more,
)
from complaintctl.cli.tracking import OVERDUE_COLUMNS
from complaintctl.errors import ExitCode, InvalidInput
from complaintctl.render.output import Format

sla_app = typer.Typer(help="SLA targets per severity, the business calendar, and a consistency check.",
                      no_args_is_help=True, rich_markup_mode=None)
calendar_app = typer.Typer(help="Working days, hours, time zone, holidays and extra working days (调休).",
                           no_args_is_help=True, rich_markup_mode=None)
sla_app.add_typer(calendar_app, name="calendar")


@sla_app.command("show")
@handle_errors
def sla_show(fmt: Format = FORMAT_OPTION) -> None:
    """Show the first-response and resolution targets of each severity, and the calendar."""
    from complaintctl.core.desk.tracking import sla_table
    from complaintctl.core.sla.calendars import calendar_info
    from complaintctl.render.output import write_records

    conn = STATE.connect()
    rows = sla_table(conn)
    write_records(rows, ["severity", "label_en", "label_zh", "respond_target", "resolve_target"], fmt,
                  headers={"severity": "Severity", "label_en": "English", "label_zh": "中文",
                           "respond_target": "Respond within", "resolve_target": "Resolve within"})
    if fmt == Format.table:
        from complaintctl.core.sla.due import default_severity

        default = default_severity(conn)
        err(f"Complaints without a severity are timed as {default}." if default else
            "Complaints without a severity have no SLA clock (set one with `complaintctl sla default SEVERITY`).")
        cal = calendar_info(conn)
        if cal["enabled"]:
            err(f"Business calendar: {cal['workdays']} {cal['day_start']}-{cal['day_end']} {cal['timezone'] or 'UTC'}, "
                f"{len(cal['days'])} special day(s). Targets in bh/bd count working time.")
        else:
            err("No business calendar: bh/bd targets count like h/d. Set one with `complaintctl sla calendar set`.")


@sla_app.command("set")
@handle_errors
@creates_database
def sla_set(
    severity: str = typer.Argument(..., help="critical, high, medium, low (or a team's own)."),
    respond: str = typer.Option(None, "--respond", help="First-response target: 90m, 4h, 1d, or 4bh, 1bd."),
    resolve: str = typer.Option(None, "--resolve", help="Resolution target: 24h, 3d, or 5bd."),
) -> None:
    """Change a severity's targets; the open complaints it times get new due times (of that
    severity, and without one when it is the `sla default`)."""
    from complaintctl.core.desk.tracking import set_targets

    result = set_targets(STATE.connect(), severity, respond, resolve, actor=STATE.who())
    if result["changes"]:
        err(f"SLA for {result['severity']}: " + ", ".join(f"{k.split('_')[0]} {v}" for k, v in result["changes"].items())
            + f"; {result['recomputed']} open complaint(s) recomputed.")
    else:
        err(f"No change to the SLA for {result['severity']}.")


@sla_app.command("default")
@handle_errors
@creates_database
def sla_default(
    severity: str = typer.Argument(..., help="The severity whose targets time complaints that have none, or "
                                   "'none' for no clock (overdue and reports list them as 'no SLA')."),
) -> None:
    """Give complaints without a severity an SLA clock: that severity's targets (their severity
    stays empty). Open ones get due times at once."""
    from complaintctl.core.desk.tracking import set_default_severity

    result = set_default_severity(STATE.connect(), severity, actor=STATE.who())
    code = result["default_severity"]
    if not result["changed"]:
        err(f"No change: the default severity is already {code or 'none'}.")
    elif code:
        err(f"Complaints without a severity are timed as {code}; {result['recomputed']} open complaint(s) "
            "recomputed.")
    else:
        err(f"Complaints without a severity have no SLA clock; {result['recomputed']} open complaint(s) recomputed.")


@sla_app.command("goal")
@handle_errors
@creates_database
def sla_goal(pct: float = typer.Argument(None, metavar="[PCT]", help="The new goal, e.g. 95.")) -> None:
    """Show or set the team's SLA goal: the share of clocks meant to finish on time (reports mark
    figures below it)."""
    from complaintctl.core.insight.briefing import set_sla_goal
    from complaintctl.core.insight.briefing import sla_goal as current

    if pct is None:
        STATE.may_create = False  # showing the goal only reads: no database is created for it
        sys.stdout.write(f"{current(STATE.connect()):g}\n")
        return
    set_sla_goal(STATE.connect(), pct, actor=STATE.who())
    err(f"SLA goal set to {pct:g}%.")


@sla_app.command("check")
@handle_errors
def sla_check(fmt: Format = FORMAT_OPTION) -> None:
    """Recompute SLA state from the event log and compare it with what is stored (exit 1 on drift)."""
    from complaintctl.core.sla.check import check_sla
    from complaintctl.render.output import write_records

    problems = check_sla(STATE.connect())
    if problems or fmt != Format.table:
        write_records(problems, ["id", "field", "stored", "expected"], fmt)
    if problems:
        err(f"error: {len(problems)} SLA value(s) differ from the event log")
        raise typer.Exit(ExitCode.FAILED)
    err("SLA state matches the event log.")


@sla_app.command("status")
@handle_errors
def sla_status(
    as_of: str = typer.Option(None, "--as-of", help="The clocks as they stood at that moment (replayed from events)."),
    limit: int = LIMIT_OPTION,
    fmt: Format = FORMAT_OPTION,
) -> None:
    """Every open complaint's SLA clock, due soonest first: which clock runs, when it is due, time left or over."""
    from complaintctl.core.insight.worklists import sla_status as find
    from complaintctl.core.record.dates import now_utc, to_local_text
    from complaintctl.core.sla.clock import describe_due
    from complaintctl.render.output import write_records

    moment = parse_date_option(as_of, "--as-of")
    conn = STATE.connect()
    found = find(conn, as_of=moment, limit=row_limit(limit, fmt))
    rows = found["rows"]
    now = moment or now_utc()
    _warn_schedule(conn)
    write_records(rows, OVERDUE_COLUMNS, fmt,
                  table_columns=["id", "severity", "status", "clock", "due_at", "left", "assignee", "subject"],
                  headers={"id": "ID", "severity": "Severity", "status": "Status", "clock": "Clock", "due_at": "Due",
                           "left": "Left", "assignee": "Assignee", "subject": "Subject"},
                  table_values=lambda r: {**r, "id": f"#{r['id']}", "due_at": to_local_text(r["due_at"]),
                                          "left": describe_due(r["due_at"], now, r["status"], r.get("paused_since"))},
                  flexible=["subject"], floors={"subject": 20}, droppable=["due_at", "assignee"])
    if fmt == Format.table:
        say_more(len(rows), found["total"])
        if not rows:
            err("No open complaints" + (" at that moment." if moment else "."))


@calendar_app.command("show")
@handle_errors
def calendar_show(fmt: Format = FORMAT_OPTION) -> None:
    """Show the business calendar, where its holidays come from, and its special days."""
    from complaintctl.core.sla.calendars import calendar_info
    from complaintctl.render.output import write_json, write_records

    conn = STATE.connect()
    info = calendar_info(conn)
    if fmt == Format.json:
        write_json(info)
        return
    if fmt == Format.table:
        state = "on" if info["enabled"] else "off (targets count wall-clock time)"
        zone = info["timezone"] or "not set (the calendar counts in UTC; display uses the machine's zone)"
        sys.stdout.write(f"calendar  {state}\ntime zone {zone}\nworkdays  {info['workdays']}\n"
                         f"hours     {info['day_start']}-{info['day_end']}\n")
        if info["region"]:
            years = ", ".join(f"{y['year']} {y['basis']}" for y in info["years"])
            sys.stdout.write(f"holidays  {info['region']}: {years}; known until {info['known_until']}\n")
        _warn_schedule(conn)
    write_records(info["days"], ["day", "kind", "note", "source"], fmt)


def _warn_schedule(conn) -> None:
    from complaintctl.core.record.dates import now_utc
    from complaintctl.core.sla.calendars import schedule_warning

    warning = schedule_warning(conn, now_utc().astimezone().date())
    if warning:
        err(f"warning: {warning}")


@calendar_app.command("use")
@handle_errors
@creates_database
def calendar_use(
    region: str = typer.Argument(..., help="Country or region: CN, HK, TW, SG, US, GB, DE, or COUNTRY-SUBDIVISION "
                                 "such as US-CA or DE-BY."),
    years: str = typer.Option(None, "--years", help="Years to load, e.g. 2026 or 2025..2027 [default: last year to "
                              "the last published one, or to next year where holidays follow fixed rules]."),
    timezone: str = typer.Option(None, "--timezone", help="Also set the team's time zone [default: keep it, or "
                                 "the country's first zone in the tz database when none is set]."),
) -> None:
    """Load a country's public holidays and make-up working days (调休) into the calendar, and turn it on."""
    from complaintctl.core.sla.calendars import parse_years, use_region

    conn = STATE.connect()
    result = use_region(conn, region, years=parse_years(years) if years else None, timezone=timezone,
                        actor=STATE.who())
    years_text = ", ".join(f"{y} {b}" for y, b in result["years"].items())
    err(f"Calendar {result['region']} from {result['source']}: {result['holidays']} holiday(s), "
        f"{result['workdays']} make-up working day(s) ({years_text}); "
        f"known until {result['known_until']}; {result['recomputed']} open complaint(s) recomputed.")
    if result["kept"]:
        err(f"Kept {result['kept']} day(s) set by hand where they differ.")
    if result["timezone_guessed"]:
        err(f"Time zone set to {result['timezone']}, the first zone of {result['region'][:2]} in the tz database; "
            "change it with `complaintctl sla calendar set --timezone ZONE`.")
    elif result["timezone"] is None:
        err("No time zone set: working hours count in UTC; set one with `complaintctl sla calendar set --timezone`.")
    if any(b == "estimated" for b in result["years"].values()):
        err("warning: estimated years are computed from the rules, before their official schedule was published.")
    _warn_schedule(conn)


@calendar_app.command("set")
@handle_errors
@creates_database
def calendar_set(
    timezone: str = typer.Option(None, "--timezone", help="IANA zone, e.g. Asia/Shanghai."),
    workdays: str = typer.Option(None, "--workdays", help="e.g. mon-fri or mon,tue,wed,thu,fri,sat."),
    hours: str = typer.Option(None, "--hours", help="Working hours, e.g. 09:00-18:00."),
    on: bool = typer.Option(None, "--on/--off", help="Use the calendar (on by any change) or stop using it."),
) -> None:
    """Set the business calendar; open complaints get new due times."""
    from complaintctl.core.sla.calendars import set_calendar

    n = set_calendar(STATE.connect(), timezone=timezone, workdays=workdays, hours=hours, enabled=on,
                     actor=STATE.who())
    err(f"Calendar updated; {n} open complaint(s) recomputed.")


def _set_days(text: str, kind: str, note: str | None, remove: bool) -> None:
    from complaintctl.core.sla.calendars import date_range, set_calendar_days

    dates = date_range(text)
    n = set_calendar_days(STATE.connect(), [(d, kind, note) for d in dates], actor=STATE.who(), remove=remove)
    err(f"{len(dates)} day(s) {'removed' if remove else 'set as ' + kind}; {n} open complaint(s) recomputed.")


DAYS_HELP = "One day or a range, e.g. 2026-10-01..2026-10-07."
REMOVE = typer.Option(False, "--remove", help="Remove these days instead.")


@calendar_app.command("holiday")
@handle_errors
@creates_database
def calendar_holiday(days: str = typer.Argument(..., metavar="DATE[..DATE]", help=DAYS_HELP),
                     note: str = typer.Option(None, "--note", help="e.g. 国庆节"), remove: bool = REMOVE) -> None:
    """Mark days as holidays (no working time)."""
    _set_days(days, "holiday", note, remove)


@calendar_app.command("workday")
@handle_errors
@creates_database
def calendar_workday(days: str = typer.Argument(..., metavar="DATE[..DATE]", help=DAYS_HELP),
                     note: str = typer.Option(None, "--note", help="e.g. 国庆调休"), remove: bool = REMOVE) -> None:
    """Mark days as extra working days, e.g. a weekend day moved around a public holiday (调休)."""
    _set_days(days, "workday", note, remove)


@calendar_app.command("import")
@handle_errors
@creates_database
def calendar_import(file: Path = typer.Argument(..., help="Lines: DATE[..DATE] holiday|workday [note]")) -> None:
    """Import holidays and extra working days from a simple text file."""
    from complaintctl.core.sla.calendars import read_calendar_file, set_calendar_days

    try:
        text = file.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise InvalidInput(f"cannot read {file}: {exc.strerror}") from None
    days = read_calendar_file(text)
    n = set_calendar_days(STATE.connect(), days, actor=STATE.who())
    err(f"{len(days)} day(s) imported; {n} open complaint(s) recomputed.")
