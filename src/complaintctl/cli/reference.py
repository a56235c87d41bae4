"""The CLI reference (docs/cli.md), generated from the app so it cannot drift from --help.

    python -m complaintctl.cli.reference > docs/cli.md

A test fails when docs/cli.md differs from what this prints.
"""

from __future__ import annotations


def reference_markdown() -> str:
    import typer
    from typer.cli import get_docs_for_click

    from complaintctl.cli import build_app

    command = typer.main.get_command(build_app())
    ctx = typer.Context(command, info_name="complaintctl")
    docs = get_docs_for_click(obj=command, ctx=ctx, name="complaintctl", title="complaintctl command reference")
    return docs.strip() + "\n"


if __name__ == "__main__":
    import sys

    sys.stdout.write(reference_markdown())
