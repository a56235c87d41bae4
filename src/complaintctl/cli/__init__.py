"""The Typer app: global options, and one module per group of commands."""

from __future__ import annotations

import typer

from complaintctl import __version__
from complaintctl.cli.common import STATE

app = typer.Typer(
    name="complaintctl",
    help="A command-line complaint desk on one SQLite file: log, classify, assign, update, "
    "close and report customer complaints.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
    rich_markup_mode=None,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"complaintctl {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    ctx: typer.Context,
    db: str = typer.Option(None, "--db", metavar="PATH",
                           help="Database file [default: $COMPLAINTCTL_DB, else the per-user file; "
                           "see `complaintctl info`]"),
    actor: str = typer.Option(None, "--actor", metavar="NAME",
                              help="Who is making the change [default: $COMPLAINTCTL_ACTOR, "
                              "else the login name]"),
    debug: bool = typer.Option(False, "--debug", help="Show tracebacks on errors."),
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                 help="Print the version and exit."),
) -> None:
    STATE.db = db
    STATE.actor = actor
    STATE.debug = debug
    STATE._conn = None
    ctx.call_on_close(STATE.close)


from complaintctl.cli import admin, complaints  # noqa: E402  (commands register on import)

complaints.register(app)
admin.register(app)


def main() -> None:
    app(prog_name="complaintctl")
