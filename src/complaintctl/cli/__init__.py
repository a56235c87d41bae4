"""The Typer app: global options, and one module per group of commands.

Typer turns every registered function into a click command on each run (~2 ms
per command here). ``main()`` therefore registers only the command named on
the command line; help, completion and unknown names get the full app.
``app`` (the full app) is built on first access, for tests and tools.
"""

from __future__ import annotations

import sys

import typer
from typer.core import TyperGroup

from complaintctl import __version__
from complaintctl.cli.common import STATE
from complaintctl.errors import ExitCode

HELP = ("A command-line complaint desk on one SQLite file: log, classify, assign, update, close and "
        "report customer complaints.")

# command name -> (module, attribute); groups are Typer apps, the rest functions.
COMMANDS: dict[str, tuple[str, str]] = {
    "log": ("complaintctl.cli.complaints", "log"),
    "classify": ("complaintctl.cli.complaints", "classify"),
    "assign": ("complaintctl.cli.complaints", "assign"),
    "claim": ("complaintctl.cli.queue", "claim"),
    "replies": ("complaintctl.cli.replies", "replies_app"),
    "notify": ("complaintctl.cli.notify", "notify_app"),
    "datasette-metadata": ("complaintctl.cli.datasette", "datasette_metadata"),
    "update": ("complaintctl.cli.complaints", "update"),
    "close": ("complaintctl.cli.complaints", "close"),
    "reopen": ("complaintctl.cli.complaints", "reopen"),
    "show": ("complaintctl.cli.views", "show"),
    "list": ("complaintctl.cli.views", "list_"),
    "search": ("complaintctl.cli.search", "search"),
    "overdue": ("complaintctl.cli.tracking", "overdue"),
    "escalate": ("complaintctl.cli.tracking", "escalate"),
    "survey": ("complaintctl.cli.tracking", "survey"),
    "followups": ("complaintctl.cli.tracking", "followups"),
    "sweep": ("complaintctl.cli.tracking", "sweep"),
    "sla": ("complaintctl.cli.sla", "sla_app"),
    "report": ("complaintctl.cli.reports", "report_app"),
    "demo": ("complaintctl.cli.reports", "demo"),
    "import": ("complaintctl.cli.import_batches", "import_app"),
    "export": ("complaintctl.cli.exports", "export"),
    "init": ("complaintctl.cli.admin", "init"),
    "info": ("complaintctl.cli.admin", "info"),
    "sql": ("complaintctl.cli.admin", "sql"),
    "check": ("complaintctl.cli.trust", "check"),
    "backup": ("complaintctl.cli.trust", "backup"),
    "restore": ("complaintctl.cli.trust", "restore"),
    "migrate-to": ("complaintctl.cli.trust", "migrate_to"),
    "audit": ("complaintctl.cli.trust", "audit_app"),
    "agents": ("complaintctl.cli.admin", "agents_app"),
    "customers": ("complaintctl.cli.customers", "customers_app"),
    "taxonomy": ("complaintctl.cli.admin", "taxonomy_app"),
    "suggest": ("complaintctl.cli.suggest", "suggest_app"),
}
GLOBAL_OPTIONS_WITH_VALUE = {"--db", "--actor", "--tz"}


def _version(value: bool) -> None:
    if value:
        typer.echo(f"complaintctl {__version__}")
        raise typer.Exit()


def main_options(
    ctx: typer.Context,
    db: str = typer.Option(None, "--db", metavar="PATH",
                           help="Database file [default: $COMPLAINTCTL_DB, else the per-user file; "
                           "see `complaintctl info`]"),
    actor: str = typer.Option(None, "--actor", metavar="NAME",
                              help="Who is making the change [default: $COMPLAINTCTL_ACTOR, "
                              "else the database role on PostgreSQL, else the login name]"),
    tz: str = typer.Option(None, "--tz", metavar="ZONE",
                           help="Show, read and report times in this time zone [default: $TZ, else the team's "
                           "(`sla calendar set --timezone`), else the machine's]"),
    excel: bool = typer.Option(False, "--excel", help="CSV for Excel, from any command (also after it): UTF-8 "
                               "with a byte order mark and CRLF line ends."),
    debug: bool = typer.Option(False, "--debug", help="Show tracebacks on errors (also after the command)."),
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                 help="Print the version and exit."),
) -> None:
    from complaintctl.context import RunContext, begin
    from complaintctl.i18n import _

    if tz is not None:
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

        try:
            ZoneInfo(tz)
        except (ZoneInfoNotFoundError, ValueError):
            raise typer.BadParameter(_("unknown time zone {zone!r} (e.g. Asia/Shanghai, UTC)", zone=tz),
                                     param_hint="--tz") from None
    # this run's settings, in force until Click closes the command (then the connection closes too)
    from complaintctl.cli.spelling import spell

    # core names inputs and steps; this run says them as flags and commands (spell)
    end = begin(RunContext(db=db, actor=actor, debug=debug, excel=excel, tz=tz, team_zone=STATE.team_zone,
                           spelling=spell))

    def close() -> None:
        STATE.close()
        end()

    ctx.call_on_close(close)


# global flags also accepted after the command: `complaintctl list -f csv --excel --debug`
ANYWHERE_FLAGS = ("--debug", "--excel")


def hoist_flags(args: list[str]) -> list[str]:
    """``args`` with the flags in ANYWHERE_FLAGS moved to the front, where the group reads them
    (never past a ``--``, after which everything is an argument)."""
    end = args.index("--") if "--" in args else len(args)
    found = [a for a in args[:end] if a in ANYWHERE_FLAGS]
    if not found:
        return args
    return list(dict.fromkeys(found)) + [a for a in args[:end] if a not in ANYWHERE_FLAGS] + args[end:]


class _Group(TyperGroup):
    """The root command group: --debug works after the subcommand too, and Click's own words
    (help pages, usage errors) are in the user's language (cli/usage_text.py)."""

    def parse_args(self, ctx, args: list[str]) -> list[str]:
        return super().parse_args(ctx, hoist_flags(list(args)))

    def make_context(self, info_name, args, parent=None, **extra):
        from complaintctl.cli.usage_text import is_click_error, translate_tree, translating

        translate_tree(self)
        try:
            return super().make_context(info_name, args, parent=parent, **extra)
        except Exception as exc:
            raise (translating(exc) if is_click_error(exc) else exc) from None

    def invoke(self, ctx):
        from complaintctl.cli.usage_text import is_click_error, show_aborted, translating

        try:
            return super().invoke(ctx)
        except typer.Abort:
            show_aborted()
            raise typer.Exit(ExitCode.FAILED) from None
        except Exception as exc:
            if is_click_error(exc):
                raise translating(exc) from None
            raise


def build_app(only: str | None = None) -> typer.Typer:
    """The Typer app with every command, or with just ``only``."""
    import importlib

    from complaintctl.cli.common import handle_errors

    application = typer.Typer(
        name="complaintctl", help=HELP, no_args_is_help=True, pretty_exceptions_enable=False,
        context_settings={"help_option_names": ["-h", "--help"]}, rich_markup_mode=None, cls=_Group,
    )
    application.callback()(main_options)
    for name, (module, attribute) in COMMANDS.items():
        if only is not None and name != only:
            continue
        target = getattr(importlib.import_module(module), attribute)
        if isinstance(target, typer.Typer):
            application.add_typer(target, name=name)
        else:
            application.command(name)(handle_errors(target))
    return application


def invoked_command(argv: list[str]) -> str | None:
    """The command named on the command line, if it is one of ours."""
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg in GLOBAL_OPTIONS_WITH_VALUE:
            i += 2
            continue
        if arg.startswith("-"):
            if arg in ("-h", "--help", "--version") or arg.startswith(("--install", "--show")):
                return None
            i += 1
            continue
        return arg if arg in COMMANDS else None
    return None


def __getattr__(name: str):
    if name == "app":
        full = build_app()
        globals()["app"] = full
        return full
    raise AttributeError(name)


def main() -> None:
    import os

    completing = any(k.startswith("_COMPLAINTCTL_COMPLETE") for k in os.environ)
    only = None if completing else invoked_command(sys.argv[1:])
    build_app(only)(prog_name="complaintctl")
