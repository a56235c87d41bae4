"""The app as a click command, built once, and a runner that invokes it in isolation.

Typer's ``CliRunner.invoke`` turns the Typer app into its click command on every call (about
60 ms for the whole app). The built command holds no per-run state (a run's settings live in
complaintctl.context for that run only), so the tests build it once with Typer's public
``typer.main.get_command`` and give it to click's runner, which isolates stdin, stdout, stderr
and the environment per invoke.
"""

from __future__ import annotations

from collections.abc import Sequence

import typer.main
from click.testing import CliRunner, Result  # noqa: TID251 - click's test runner, the one typer's wraps

from complaintctl.cli import app

COMMAND = typer.main.get_command(app)


def invoke(args: Sequence[str], *, input: str | None = None, env: dict[str, str] | None = None,
           runner: CliRunner | None = None) -> Result:
    """Run the app with ``args`` as a user's shell would pass them; never raises what the app raised
    (it is on the result, as Typer's runner keeps it)."""
    return (runner or CliRunner()).invoke(COMMAND, [str(a) for a in args], input=input, env=env,
                                          prog_name="complaintctl")
