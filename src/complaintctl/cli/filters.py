"""The filters of every command that reads a set of complaints (`list`, `search`, `export`),
declared once and applied as a decorator, as sqlite-utils applies its option sets: a filter added
here is a filter of all three, and tests/cli/test_filters.py holds that each has every one."""

from __future__ import annotations

import functools
import inspect

import typer

from complaintctl.cli.common import DATE_HELP, STATE, parse_date_option
from complaintctl.cli.completion import complete_agents, complete_codes

# name -> (type, option), in the order --help lists them
FILTERS: dict[str, tuple[object, object]] = {
    "status": (list[str], typer.Option(None, "--status", autocompletion=complete_codes("status"),
                                       help="Only these statuses; repeatable.")),
    "open_": (bool, typer.Option(None, "--open/--closed", help="Only open (new, acknowledged, investigating, "
                                 "waiting: not resolved, not closed) or only closed.")),
    "category": (str, typer.Option(None, "--category", autocompletion=complete_codes("category"),
                                   help="Only this category (a code, its label or a taught alias).")),
    "severity": (str, typer.Option(None, "--severity", autocompletion=complete_codes("severity"),
                                   help="Only this severity.")),
    "assignee": (str, typer.Option(None, "--assignee", autocompletion=complete_agents,
                                   help="Assigned to this agent.")),
    "unassigned": (bool, typer.Option(False, "--unassigned", help="Only complaints nobody has.")),
    "mine": (bool, typer.Option(False, "--mine", help="Only complaints assigned to me (the agent named by "
                                "--actor).")),
    "escalated": (bool, typer.Option(False, "--escalated", help="Only complaints that were escalated.")),
    "customer": (str, typer.Option(None, "--customer", help="Name or company contains, or exact email/phone "
                                   "(a merged record's too), or #ID.")),
    "channel": (str, typer.Option(None, "--channel", autocompletion=complete_codes("channel"),
                                  help="Only complaints that came in by this channel.")),
    "tag": (list[str], typer.Option(None, "--tag", "-t", help="Has this tag; repeat to require all.")),
    "since": (str, typer.Option(None, "--since", help=f"Received on or after. {DATE_HELP}.")),
    "until": (str, typer.Option(None, "--until", help="Received before (a bare date includes that day).")),
    "text": (str, typer.Option(None, "--text", "-q", help="Words that must all appear in the subject, description, "
                               "resolution, ref, customer, tags or notes; \"quote a phrase\".")),
}
WORDS = ("text",)  # what `search` takes as its arguments instead


def complaint_filters(*, before: str, words_option: bool = True):
    """Give a command every filter of FILTERS, listed before its option ``before`` (``--text``
    only with ``words_option``: `search` has its words as arguments). The command receives
    them as one ``filters`` argument, a ListFilters with the dates read and ``--mine`` turned
    into the actor."""
    names = [n for n in FILTERS if words_option or n not in WORDS]

    def decorate(command):
        signature = inspect.signature(command, eval_str=True)
        # keyword-only, all of them: Typer passes every parameter by name, and so they may be in any order
        own = [p.replace(kind=inspect.Parameter.KEYWORD_ONLY) for p in signature.parameters.values()
               if p.name != "filters"]
        added = [inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=FILTERS[name][1],
                                   annotation=FILTERS[name][0]) for name in names]
        at = [p.name for p in own].index(before)

        @functools.wraps(command)
        def with_filters(*args, **kwargs):
            given = {name: kwargs.pop(name) for name in names}
            return command(*args, filters=_list_filters(**given), **kwargs)

        with_filters.__signature__ = signature.replace(parameters=own[:at] + added + own[at:])
        return with_filters

    return decorate


def _list_filters(*, status, open_, category, severity, assignee, unassigned, mine, escalated, customer, channel,
                  tag, since, until, text=None):
    """ListFilters from the options as typed (dates read as typed, --mine as the actor)."""
    from complaintctl.core.insight.queries import ListFilters

    return ListFilters(
        statuses=list(status or []), open=open_, category=category, severity=severity, assignee=assignee,
        unassigned=unassigned, mine=STATE.who() if mine else None, escalated=escalated, customer=customer,
        channel=channel, tags=list(tag or []), since=parse_date_option(since, "--since"),
        until=parse_date_option(until, "--until", end_of_day=True), text=text)
