"""export: complaints out as CSV, JSON, NDJSON or a workbook."""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path

import typer

from complaintctl.cli.common import (
    STATE,
    err,
    warn,
)
from complaintctl.cli.filters import complaint_filters
from complaintctl.errors import InvalidInput
from complaintctl.i18n import _, ngettext


@complaint_filters(before="limit")
def export(
    output: Path = typer.Option(None, "--output", "-o", help="Write to this file (atomically) instead of stdout."),
    fmt: str = typer.Option(None, "--format", "-f", metavar="csv|json|ndjson|xlsx",
                            help="csv, json, ndjson or xlsx [default: from --output, else csv]; csv for Excel: "
                            "add --excel (a BOM and CRLF line ends)."),
    columns: str = typer.Option(None, "--columns", help="Comma-separated columns to export [default: all]."),
    no_formula_guard: bool = typer.Option(False, "--no-formula-guard",
                                          help="Do not prefix cells starting with = + - @ with '."),
    labels: str = typer.Option(None, "--labels", metavar="en|zh",
                               help="Codes as their English or Chinese labels, for people (zh: Chinese column "
                               "headers in CSV and xlsx too); import reads them back."),
    limit: int = typer.Option(None, "--limit", "-n", help="At most this many."),
    *,
    filters=None,
) -> None:
    """Export complaints (the same filters as list) to CSV, JSON, NDJSON or an Excel workbook, for other tools or
    for import into another database."""
    from complaintctl.core.insight.export import export_complaints
    from complaintctl.render.export import export_format, write_export
    from complaintctl.render.output import check_excel

    fmt = export_format(fmt, output)
    check_excel(fmt)
    if fmt == "xlsx" and output is None and sys.stdout.isatty():
        raise InvalidInput(_("a workbook is not for the terminal"), hint=_("give --output FILE.xlsx, or redirect stdout"))
    filters.limit = limit or 0
    done = export_complaints(STATE.connect(), filters, columns=columns, labels=labels)
    with _export_target(output, None if fmt == "xlsx" else "utf-8") as stream:  # --excel: the BOM is CSV's
        count, cut = write_export(done.rows, done.columns, fmt, stream, formula_guard=not no_formula_guard,
                                  headers=done.headers)
    if cut:
        from complaintctl.render.xlsx import EXCEL_MAX_CELL

        warn(ngettext("{n} cell was longer than Excel's {most:,} characters and was cut (CSV and JSON exports keep it "
                      "whole)", "{n} cells were longer than Excel's {most:,} characters and were cut (CSV and JSON "
                      "exports keep them whole)", cut, most=EXCEL_MAX_CELL))
    err(ngettext("Exported {n} complaint to {path}.", "Exported {n} complaints to {path}.", count, path=output) if output
        else ngettext("Exported {n} complaint.", "Exported {n} complaints.", count))


@contextlib.contextmanager
def _export_target(output: Path | None, encoding: str | None):
    """Where an export goes: ``output``, written atomically, or stdout; a text stream in
    ``encoding``, or a binary one when it is None (a workbook)."""
    if output is not None:
        from complaintctl.render.files import atomic_open

        with atomic_open(output, encoding=encoding) as stream:
            yield stream
    elif encoding is None:
        yield sys.stdout.buffer
    else:
        import io

        from complaintctl.render.terminal import safe_stream

        stream = io.TextIOWrapper(sys.stdout.buffer, encoding=encoding, newline="", write_through=False)
        try:
            yield safe_stream(stream)  # control characters escaped on a terminal, exact in a pipe
            stream.flush()
        finally:
            stream.detach()  # stdout itself stays open for the messages after
