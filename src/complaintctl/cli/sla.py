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
    error_line,
    handle_errors,
    parse_date_option,
    row_limit,
    say_more,
    warn,
)
from complaintctl.cli.tracking import CLOCK_HEADERS, OVERDUE_COLUMNS
from complaintctl.context import local_zone
from complaintctl.errors import ExitCode, InvalidInput
from complaintctl.i18n import N_, _, joined, ngettext
from complaintctl.i18n.words import label, target, word
from complaintctl.render.output import Format

sla_app = typer.Typer(help="SLA targets per severity, the business calendar, and a consistency check.",
                      no_args_is_help=True, rich_markup_mode=None)
calendar_app = typer.Typer(help="Working days, hours, time zone, holidays and extra working days (调休).",
                           no_args_is_help=True, rich_markup_mode=None)
sla_app.add_typer(calendar_app, name="calendar")

WEEKDAYS = {"mon": N_("Mon"), "tue": N_("Tue"), "wed": N_("Wed"), "thu": N_("Thu"), "fri": N_("Fri"),
            "sat": N_("Sat"), "sun": N_("Sun")}


def weekdays(codes: str | None) -> str:
    """The calendar's working days (``mon,tue,wed``) as people read them."""
    return joined(_(WEEKDAYS[d]) if d in WEEKDAYS else d for d in (codes or "").split(",") if d)


def recomputed(n: int) -> str:
    return ngettext("{n} open complaint recomputed", "{n} open complaints recomputed", n)


def zh_screen() -> bool:
    """A screen in Chinese: the severity's label is the table's first column, no English one."""
    from complaintctl.i18n import lang

    return lang() != "en"


@sla_app.command("show")
@handle_errors
def sla_show(fmt: Format = FORMAT_OPTION) -> None:
    """Show the first-response and resolution targets of each severity, and the calendar."""
    from complaintctl.core.desk.tracking import sla_table
    from complaintctl.core.sla.calendars import calendar_info
    from complaintctl.render.output import write_records

    conn = STATE.connect()
    rows = sla_table(conn)
    columns = ["severity", "label_en", "label_zh", "respond_target", "resolve_target"]
    write_records(rows, columns, fmt, table_columns=columns if fmt != Format.table or not zh_screen() else
                  ["severity", "respond_target", "resolve_target"],
                  headers={"severity": N_("Severity"), "label_en": N_("English"), "label_zh": N_("Chinese"),
                           "respond_target": N_("Respond within"), "resolve_target": N_("Resolve within")},
                  words={"respond_target": target, "resolve_target": target})
    if fmt == Format.table:
        from complaintctl.core.sla.due import default_severity

        default = default_severity(conn)
        err(_("Complaints without a severity are timed as {severity}.", severity=label("severity", default))
            if default else _("Complaints without a severity have no SLA clock (set one with `complaintctl sla "
                              "default SEVERITY`)."))
        cal = calendar_info(conn)
        if cal["enabled"]:
            err(ngettext("Business calendar: {days} {start}-{end} {zone}, {n} special day. Targets in bh/bd count "
                         "working time.", "Business calendar: {days} {start}-{end} {zone}, {n} special days. "
                         "Targets in bh/bd count working time.", len(cal["days"]), days=weekdays(cal["workdays"]),
                         start=cal["day_start"], end=cal["day_end"], zone=cal["timezone"] or "UTC"))
        else:
            err(_("No business calendar: bh/bd targets count like h/d. Set one with `complaintctl sla calendar set`."))


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
    severity_said = label("severity", result["severity"])
    if result["changes"]:
        said = {"respond_target": N_("first response {target}"), "resolve_target": N_("resolution {target}")}
        err(_("SLA for {severity}: {changes}; {recomputed}.", severity=severity_said,
              changes=joined(_(said[k], target=target(v)) if k in said else f"{k} {v}"
                             for k, v in result["changes"].items()), recomputed=recomputed(result["recomputed"])))
    else:
        err(_("No change to the SLA for {severity}.", severity=severity_said))


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
        err(_("No change: the default severity is already {severity}.", severity=label("severity", code)) if code
            else _("No change: there is no default severity already."))
    elif code:
        err(_("Complaints without a severity are timed as {severity}; {recomputed}.", severity=label("severity", code),
              recomputed=recomputed(result["recomputed"])))
    else:
        err(_("Complaints without a severity have no SLA clock; {recomputed}.",
              recomputed=recomputed(result["recomputed"])))


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
    err(_("SLA goal set to {pct:g}%.", pct=pct))


@sla_app.command("check")
@handle_errors
def sla_check(fmt: Format = FORMAT_OPTION) -> None:
    """Recompute SLA state from the event log and compare it with what is stored (exit 1 on drift)."""
    from complaintctl.core.sla.check import check_sla
    from complaintctl.render.output import write_records

    problems = check_sla(STATE.connect())
    if problems or fmt != Format.table:
        write_records(problems, ["id", "field", "stored", "expected"], fmt,
                      headers={"id": N_("ID"), "field": N_("Field"), "stored": N_("Stored"), "expected": N_("Expected")},
                      words={"field": lambda f: word("field", f)})
    if problems:
        error_line(ngettext("{n} SLA value differs from the event log", "{n} SLA values differ from the event log",
                            len(problems)))
        raise typer.Exit(ExitCode.FAILED)
    err(_("SLA state matches the event log."))


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
    from complaintctl.core.sla.clock import due_standing
    from complaintctl.render.clocks import standing_text
    from complaintctl.render.output import write_records

    moment = parse_date_option(as_of, "--as-of")
    conn = STATE.connect()
    found = find(conn, as_of=moment, limit=row_limit(limit, fmt))
    rows = found["rows"]
    now = moment or now_utc()
    _warn_schedule(conn)
    def cells(r: dict) -> dict:
        standing, minutes = due_standing(r["due_at"], now, r["status"], r.get("paused_since"))
        return {**r, "id": f"#{r['id']}", "due_at": to_local_text(r["due_at"]), "clock": word("clock", r["clock"]),
                "left": standing_text(standing, minutes, raw=r["due_at"] or "")}

    write_records(rows, OVERDUE_COLUMNS, fmt,
                  table_columns=["id", "severity", "status", "clock", "due_at", "left", "assignee", "subject"],
                  headers=CLOCK_HEADERS, table_values=cells,
                  flexible=["subject"], floors={"subject": 20}, droppable=["due_at", "assignee"])
    if fmt == Format.table:
        say_more(len(rows), found["total"])
        if not rows:
            err(_("No open complaints at that moment.") if moment else _("No open complaints."))


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
        from complaintctl.render.table import render_pairs

        pairs = [(_("calendar"), _("on") if info["enabled"] else _("off (targets count wall-clock time)")),
                 (_("time zone"), info["timezone"] or _("not set (the calendar counts in UTC; display uses the "
                                                        "machine's zone)")),
                 (_("workdays"), weekdays(info["workdays"])), (_("hours"), f"{info['day_start']}-{info['day_end']}")]
        if info["region"]:
            years = joined(f"{y['year']} {word('year_basis', y['basis'])}" for y in info["years"])
            pairs.append((_("holidays"), _("{region}: {years}; known until {day}", region=info["region"], years=years,
                                           day=info["known_until"])))
        sys.stdout.write(render_pairs(pairs) + "\n")
        _warn_schedule(conn)
    write_records(info["days"], ["day", "kind", "note", "source"], fmt,
                  headers={"day": N_("Day"), "kind": N_("Kind"), "note": N_("Note"), "source": N_("Source")},
                  words={"kind": lambda k: word("day_kind", k)})


def _warn_schedule(conn) -> None:
    from complaintctl.core.record.dates import now_utc
    from complaintctl.core.sla.calendars import schedule_warning

    warning = schedule_warning(conn, now_utc().astimezone(local_zone()).date())
    if warning:
        warn(warning)


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
    years_text = joined(f"{y} {word('year_basis', b)}" for y, b in result["years"].items())
    err(_("Calendar {region} from {source}: {holidays}, {workdays} ({years}); known until {day}; {recomputed}.",
          region=result["region"], source=result["source"],
          holidays=ngettext("{n} holiday", "{n} holidays", result["holidays"]),
          workdays=ngettext("{n} make-up working day", "{n} make-up working days", result["workdays"]),
          years=years_text, day=result["known_until"], recomputed=recomputed(result["recomputed"])))
    if result["kept"]:
        err(ngettext("Kept {n} day set by hand where it differs.", "Kept {n} days set by hand where they differ.",
                     result["kept"]))
    if result["timezone_guessed"]:
        err(_("Time zone set to {zone}, the first zone of {country} in the tz database; change it with "
              "`complaintctl sla calendar set --timezone ZONE`.", zone=result["timezone"], country=result["region"][:2]))
    elif result["timezone"] is None:
        err(_("No time zone set: working hours count in UTC; set one with `complaintctl sla calendar set --timezone`."))
    if any(b == "estimated" for b in result["years"].values()):
        warn(_("estimated years are computed from the rules, before their official schedule was published."))
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
    err(_("Calendar updated; {recomputed}.", recomputed=recomputed(n)))


def _set_days(text: str, kind: str, note: str | None, remove: bool) -> None:
    from complaintctl.core.sla.calendars import date_range, set_calendar_days

    dates = date_range(text)
    n = set_calendar_days(STATE.connect(), [(d, kind, note) for d in dates], actor=STATE.who(), remove=remove)
    if remove:
        err(ngettext("{n} day removed; {recomputed}.", "{n} days removed; {recomputed}.", len(dates),
                     recomputed=recomputed(n)))
    else:
        err(ngettext("{n} day set as {kind}; {recomputed}.", "{n} days set as {kind}; {recomputed}.", len(dates),
                     kind=word("day_kind", kind), recomputed=recomputed(n)))


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
        raise InvalidInput(_("cannot read {file}: {why}", file=file, why=exc.strerror)) from None
    days = read_calendar_file(text)
    n = set_calendar_days(STATE.connect(), days, actor=STATE.who())
    err(ngettext("{n} day imported; {recomputed}.", "{n} days imported; {recomputed}.", len(days),
                 recomputed=recomputed(n)))
