"""report (weekly, agents, sla, trends, causes) and demo."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path

import typer

from complaintctl.cli.common import STATE, err, handle_errors, parse_date_option
from complaintctl.errors import ExitCode, InvalidInput


class ReportFormat(str, Enum):
    text = "text"
    markdown = "markdown"
    html = "html"
    json = "json"
    csv = "csv"


report_app = typer.Typer(help="Reports for people and for cron: weekly, agents, sla, trends, causes.",
                         no_args_is_help=True, rich_markup_mode=None)

WEEK = typer.Option(None, "--week", help="ISO week, e.g. 2026-W47 [default: the last full week, local time].")
FROM = typer.Option(None, "--from", help="Start of the period (instead of --week).")
TO = typer.Option(None, "--to", help="End of the period, exclusive; a bare date includes that day.")
FORMAT = typer.Option(ReportFormat.text, "--format", "-f", help="text, markdown, html, json or csv.")
OUTPUT = typer.Option(None, "--output", "-o", help="Write to this file (atomically) instead of stdout; {week}, "
                      "{start} and {end} are the reported period's ISO week and first and last day, e.g. "
                      "reports/{week}.html. Silent on success when stderr is not a terminal (cron).")
SECTION = typer.Option(None, "--section", help="CSV: only this section (e.g. category, agents).")


class Lang(str, Enum):
    en = "en"
    zh = "zh"


LANG = typer.Option(None, "--lang", help="Language of the report: en or zh [default: $COMPLAINTCTL_LANG, else "
                    "a zh LANG, else en].")


def _period(week, start, end):
    from complaintctl.core.insight.periods import period
    from complaintctl.core.record.dates import now_utc

    return period(week=week, start=parse_date_option(start, "--from"),
                  end=parse_date_option(end, "--to", end_of_day=True), now=now_utc())


def emit(data: dict, fmt: ReportFormat, output: Path | None, section: str | None = None,
         lang: Lang | None = None) -> None:
    """Render a report's data in ``fmt`` (in ``lang``) to stdout or atomically to ``output``."""
    from complaintctl.i18n import set_lang
    from complaintctl.render import report as render
    from complaintctl.render.output import check_excel

    if lang is not None:
        set_lang(lang.value)

    if section and fmt != ReportFormat.csv:
        raise InvalidInput("--section goes with --format csv")
    check_excel(fmt.value)
    blocks = render.blocks_for(data, machine=fmt == ReportFormat.csv)
    if fmt == ReportFormat.json:
        from complaintctl.render.output import json_text

        text = json_text(data) + "\n"
    elif fmt == ReportFormat.markdown:
        from complaintctl.render.report_text import render_markdown

        text = render_markdown(data, blocks)
    elif fmt == ReportFormat.html:
        from complaintctl.render.report_html import render_html

        text = render_html(data, blocks)
    elif fmt == ReportFormat.csv:
        from complaintctl.render.report_text import render_csv

        text = render_csv(blocks, section, data)
    else:
        from complaintctl.render.report_text import render_text
        from complaintctl.render.table import terminal_width, use_color

        to_terminal = output is None
        text = render_text(data, blocks, color=to_terminal and use_color(),
                                  width=(terminal_width() if to_terminal else None) or 100)
    if output is None:
        from complaintctl.render.terminal import safe_stream

        # text is drawn with its own escapes (colour); the machine formats' control characters are
        # escaped on a terminal, exact in a pipe
        (sys.stdout if fmt == ReportFormat.text else safe_stream(sys.stdout)).write(text)
    else:
        from complaintctl.core.insight.periods import output_name
        from complaintctl.render.files import atomic_open

        output = Path(output_name(str(output), data.get("period")))
        with atomic_open(output) as stream:
            stream.write(text)
        if sys.stderr.isatty():  # cron mails whatever a job prints: nothing on success
            err(f"Wrote {output}.")


@report_app.command("weekly")
@handle_errors
def weekly(week: str = WEEK, start: str = FROM, end: str = TO, fmt: ReportFormat = FORMAT, lang: Lang = LANG,
           output: Path = OUTPUT, section: str = SECTION,
           fail_below: float = typer.Option(None, "--fail-if-sla-below", metavar="PCT",
                                            help=f"Exit {ExitCode.SLA_BELOW:d} when response or resolution "
                                            "compliance is below PCT (for monitoring).")) -> None:
    """The weekly report: volume, breakdowns, backlog ageing, handling times, SLA, satisfaction,
    agents, repeat complainers, top tags and subjects, each against the previous period."""
    data = _kept("weekly", *_period(week, start, end))
    emit(data, fmt, output, section, lang)
    _fail_if_below(data, fail_below)


def _kept(kind: str, start, end, label: str) -> dict:
    """A period's report, kept when the period is finished (core/insight/reported.py)."""
    from complaintctl.core.insight.reports import period_report

    data = period_report(STATE.connect(), kind, start, end, label, actor=STATE.who())
    reason = (data.get("kept") or {}).get("not_saved")
    if reason and sys.stderr.isatty():  # cron mails what a job prints: the report is what it wants
        err(f"This report was not kept (cannot write to the database: {reason}); "
            "a later run cannot say what changed since.")
    return data


def _fail_if_below(data: dict, threshold: float | None) -> None:
    """--fail-if-sla-below: exit ExitCode.SLA_BELOW, naming the figures below it."""
    from complaintctl.core.insight.reports import sla_shortfalls

    low = sla_shortfalls(data, threshold) if threshold is not None else []
    if low:
        err(f"SLA below {threshold:g}%: " + ", ".join(low))
        raise typer.Exit(ExitCode.SLA_BELOW)


@report_app.command("agents")
@handle_errors
def agents(week: str = WEEK, start: str = FROM, end: str = TO, fmt: ReportFormat = FORMAT, output: Path = OUTPUT,
           lang: Lang = LANG,
           section: str = SECTION) -> None:
    """Agent performance over a period: assigned, resolved, median resolution time, SLA, satisfaction."""
    emit(_kept("agents", *_period(week, start, end)), fmt, output, section, lang)


@report_app.command("sla")
@handle_errors
def sla(week: str = WEEK, start: str = FROM, end: str = TO, fmt: ReportFormat = FORMAT, output: Path = OUTPUT,
           lang: Lang = LANG,
        section: str = SECTION,
        weeks: int = typer.Option(None, "--weeks", help="The last N full weeks instead of one."),
        fail_below: float = typer.Option(None, "--fail-if-sla-below", metavar="PCT",
                                         help=f"Exit {ExitCode.SLA_BELOW:d} when overall compliance is below PCT.")) -> None:
    """SLA compliance by severity and by week."""
    from complaintctl.core.insight.periods import last_weeks
    from complaintctl.core.record.dates import now_utc

    s, e, label = last_weeks(weeks, now_utc()) if weeks else _period(week, start, end)
    data = _kept("sla", s, e, label)
    emit(data, fmt, output, section, lang)
    _fail_if_below(data, fail_below)


@report_app.command("trends")
@handle_errors
def trends(weeks: int = typer.Option(12, "--weeks", help="How many full weeks."), fmt: ReportFormat = FORMAT,
           lang: Lang = LANG,
           output: Path = OUTPUT, section: str = SECTION) -> None:
    """Volume and top categories week by week, with a chart."""
    from complaintctl.core.insight.reports import trends_report
    from complaintctl.core.record.dates import now_utc

    emit(trends_report(STATE.connect(), weeks, now_utc()), fmt, output, section, lang)


@report_app.command("causes")
@handle_errors
def causes(week: str = WEEK, start: str = FROM, end: str = TO, fmt: ReportFormat = FORMAT, output: Path = OUTPUT,
           lang: Lang = LANG,
           section: str = SECTION,
           weeks: int = typer.Option(None, "--weeks",
                                     help="The last N full weeks [default: 12 when no period is given].")) -> None:
    """Root-cause Pareto: which causes make up 80% of complaints, for prevention."""
    from complaintctl.core.insight.periods import last_weeks
    from complaintctl.core.record.dates import now_utc

    s, e, label = _period(week, start, end) if week or start or end else last_weeks(weeks or 12, now_utc())
    emit(_kept("causes", s, e, label), fmt, output, section, lang)


class DiffFormat(str, Enum):
    text = "text"
    json = "json"


@report_app.command("diff")
@handle_errors
def diff(week: str = WEEK, start: str = FROM, end: str = TO,
         report: str = typer.Option("weekly", "--report", help="weekly, agents, sla or causes."),
         against: str = typer.Option("first", "--against", help="The kept report to compare with: first, last, "
                                     "or its id in the reports table."),
         fmt: DiffFormat = typer.Option(DiffFormat.text, "--format", "-f", help="text or json.")) -> None:
    """What changed in a finished period's report since it was first reported (or --against a
    later one), figure by figure, and why: the late data about the period recorded since."""
    from complaintctl.core.insight.reports import report_diff

    found = report_diff(STATE.connect(), report, *_period(week, start, end), since=against)
    if fmt == DiffFormat.json:
        from complaintctl.render.output import json_text
        from complaintctl.render.terminal import safe_stream

        safe_stream(sys.stdout).write(json_text(found) + "\n")
        return
    from complaintctl.render.report_diff import render_diff
    from complaintctl.render.table import use_color

    sys.stdout.write(render_diff(found, color=use_color()))


def demo(
    force: bool = typer.Option(False, "--force", help="Fill the --db database even if it already has complaints."),
    seed: int = typer.Option(7, "--seed", help="Random seed: the same seed gives the same history."),
    weeks: int = typer.Option(8, "--weeks", help="How many weeks of history."),
    fmt: ReportFormat = typer.Option(ReportFormat.text, "--format", "-f", help="Format of the report printed after."),
) -> None:
    """Fill a demo database with a realistic history, then print the weekly report.
    Without --db it uses demo.db beside the default database, never your real data."""
    from complaintctl.core.demo import make_demo
    from complaintctl.core.record.dates import now_utc

    done = make_demo(STATE.db, force=force, seed=seed, weeks=weeks, now=now_utc(),
                     on_start=lambda path: err(f"Filling {path} with {weeks} weeks of demo history..."))
    err(f"Demo database: {done['database']} ({done['complaints']} complaints, {done['surveys']} surveys). "
        f"Try: complaintctl --db {done['database']} list --open")
    emit(done["report"], fmt, None)
