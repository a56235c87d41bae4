"""import: complaints in from CSV, JSON, NDJSON and workbooks."""

from __future__ import annotations

import functools
import sys
from pathlib import Path

import typer

from complaintctl.cli.common import (
    STATE,
    creates_database,
    err,
    error_line,
    warn,
)
from complaintctl.errors import ComplaintError, ExitCode, InvalidInput
from complaintctl.i18n import N_, _, ngettext, shown
from complaintctl.render.output import Format


@creates_database
def import_(
    files: list[str] = typer.Argument(..., metavar="FILE...",
                                      help="CSV, JSON array, NDJSON or workbooks (.xlsx, .xls, .xlsb, .ods); '-' for stdin."),
    input_format: str = typer.Option(None, "--input-format", metavar="FORMAT", help="The files' format: csv, json, "
                                     "ndjson or xlsx (any workbook) [default: from the extension]."),
    sheet: str = typer.Option(None, "--sheet", help="Excel: the worksheet to read [default: the first visible one]."),
    encoding: str = typer.Option(None, "--encoding", help="e.g. utf-8, gb18030, utf-16 [default: detected]."),
    delimiter: str = typer.Option(None, "--delimiter", help="CSV delimiter: , ; tab | [default: sniffed]."),
    header_row: int = typer.Option(None, "--header-row", metavar="N", min=1,
                                   help="The line (sheet row) that names the columns; the lines above it are "
                                   "skipped [default: found: the first row, or the one below a title]."),
    no_header: bool = typer.Option(False, "--no-header", help="The file has no header row: every row is a "
                                   "complaint, its columns read by their values (or --map column_N=FIELD)."),
    map_: list[str] = typer.Option(None, "--map", metavar="HEADER=FIELD",
                                   help="Read a column into a field (or 'ignore', 'extra'); repeatable."),
    mapping: Path = typer.Option(None, "--mapping", help="TOML mapping file (columns, value aliases, options)."),
    set_: list[str] = typer.Option(None, "--set", metavar="FIELD=VALUE",
                                   help="A value for rows that have none, e.g. channel=phone; repeatable."),
    dayfirst: bool = typer.Option(None, "--dayfirst/--monthfirst",
                                  help="Read 03/11/2026 as 3 Nov (or 11 Mar) in every date column "
                                  "[default: decided per column from its values; month first if none settles it]."),
    received_now: bool = typer.Option(False, "--received-now",
                                      help="Rows without a received time get the import time (refused otherwise)."),
    group_by_ref: bool = typer.Option(False, "--group-by-ref",
                                      help="Rows of one ref that follow one another are one complaint (an event log's "
                                      "snapshots, a row per allegation or product): what they say otherwise is kept "
                                      "in notes."),
    follow_ups_as_complaints: bool = typer.Option(
        False, "--follow-ups-as-complaints",
        help="A customer's answer to the company's reply in a thread their complaint opened is a complaint of its "
             "own [default: a note on the complaint that opened the thread]."),
    rejects: Path = typer.Option(None, "--rejects", metavar="PATH",
                                 help="Where bad rows go [default: FILE.rejects.csv beside the input, "
                                      "else in the current folder]."),
    dry_run: bool = typer.Option(False, "--dry-run", help="Validate and count; write nothing anywhere (no rejects file either)."),
    strict: bool = typer.Option(False, "--strict", help="Any rejected row aborts the import: nothing written."),
    update: bool = typer.Option(False, "--update", help="Update complaints already imported from newer rows."),
    show_mapping: bool = typer.Option(False, "--show-mapping",
                                      help="Print how each column will be read; write nothing."),
    suggest: bool = typer.Option(False, "--suggest", help="After the import, what the team's history suggests for "
                                 "the imported complaints without a category (writes nothing; "
                                 "`classify --suggest --unclassified --apply` does)."),
    batch_size: int = typer.Option(5000, "--batch-size", help="Rows per committed batch (1 to 100,000)."),
    out_format: Format = typer.Option(Format.table, "--format", "-f",
                                      help="The summary: as text (table), or json, ndjson or csv."),
    old_out_format: Format = typer.Option(None, "--output-format", hidden=True,
                                          help="The old spelling of --format (deprecated)."),
) -> None:
    """Import complaints from CSV, JSON, NDJSON or Excel exports. Exit 0: all rows imported or already
    there; 3: some rows rejected or repeating an earlier row with other values (see the rejects file);
    1: --strict with rows rejected (nothing written), or stopped by a failure (a full disk, a lock held too
    long: the rows saved before it are said); 2: bad input.
    Several files are imported one after another, each on its own; the exit code is the worst."""
    from complaintctl.core.intake import check_batch_size, load_mapping_file, parse_map_options, parse_set_options

    if old_out_format is not None:
        err(_("note: --output-format is now -f/--format, as in every command (the files' format is --input-format)"))
        out_format = old_out_format
    file_map = load_mapping_file(mapping) if mapping else None
    if no_header and header_row is not None:
        raise InvalidInput(_("--header-row and --no-header contradict each other"), hint=_("give one of them"))
    header = 0 if no_header else header_row
    if header is None and file_map is not None:
        header = file_map.header_row
    overrides = parse_map_options(list(map_ or []))
    defaults = parse_set_options(list(set_ or []), file_map.defaults if file_map else None)
    check_batch_size(batch_size)
    if len(files) > 1 and "-" in files:
        raise InvalidInput(_("- (stdin) cannot be one of several files"))
    if len(files) > 1 and rejects is not None:
        raise InvalidInput(_("--rejects goes with one file"), hint=_("each file's rejects go beside it by default"))
    run = functools.partial(
        _import_file, fmt=input_format, encoding=encoding, delimiter=delimiter, sheet=sheet, header_row=header,
        file_map=file_map,
        overrides=overrides, rejects=rejects, dry_run=dry_run, strict=strict, update=update, dayfirst=dayfirst,
        batch_size=batch_size, show_mapping=show_mapping, out_format=out_format, several=len(files) > 1,
        defaults=defaults, received_now=received_now, suggest=suggest,
        group_by_ref=group_by_ref or bool(file_map and file_map.group_by_ref),
        follow_ups_as_complaints=follow_ups_as_complaints)
    codes: list[int] = []
    summaries: list[dict] = []
    try:
        for file in files:
            try:
                code, summary = run(file)
            except ComplaintError as exc:
                if len(files) == 1:
                    raise  # a file that cannot be read ends the command with its own error
                error_line(exc)  # the next file may be fine: say so and carry on
                code, summary = exc.exit_code, None
            codes.append(code)
            if summary is not None:
                summaries.append(summary)
    finally:
        if summaries and out_format != Format.table:  # one document for all the files
            from complaintctl.render.output import write_records

            write_records(summaries, list(summaries[0]), out_format)
    code = next((c for c in (ExitCode.USAGE, ExitCode.FAILED, ExitCode.REJECTED) if c in codes), ExitCode.OK)
    if code:
        raise typer.Exit(code)


def _import_file(file: str, *, fmt, encoding, delimiter, sheet, header_row, file_map, overrides, rejects, dry_run, strict,
                 update, dayfirst, batch_size, show_mapping, out_format, several: bool,
                 defaults: dict[str, str], received_now: bool, suggest: bool = False,
                 group_by_ref: bool = False, follow_ups_as_complaints: bool = False) -> tuple[int, dict | None]:
    """Import one file and print its messages; return its exit code and its summary. Raises for
    a file that cannot be read at all."""
    from complaintctl.core.intake import open_source

    source = open_source(
        file, fmt=fmt or (file_map.format if file_map else None),
        encoding=encoding or (file_map.encoding if file_map else None),
        delimiter=delimiter or (file_map.delimiter if file_map else None), sheet=sheet, header_row=header_row,
    )
    from complaintctl.core.intake import ImportOptions, import_records

    if rejects is None:
        from complaintctl.core.intake import default_rejects_path

        rejects = default_rejects_path(file)
    options = ImportOptions(
        dry_run=dry_run, strict=strict, update=update,
        dayfirst=dayfirst if dayfirst is not None else (file_map.dayfirst if file_map else None),
        batch_size=batch_size, value_aliases=file_map.values if file_map else {}, rejects_path=rejects,
        defaults=defaults, received_now=received_now, empty_markers=file_map.empty if file_map else [],
        group_by_ref=group_by_ref, follow_ups_as_complaints=follow_ups_as_complaints,
    )
    conn = STATE.connect(scratch_if_missing=dry_run or show_mapping, announce=False)
    if show_mapping:
        _print_mapping(conn, source, options, overrides, file_map, out_format)
        return 0, None
    from complaintctl.render.progress import ImportProgress

    progress = ImportProgress(source.size) if sys.stderr.isatty() else None
    options.progress = progress.update if progress else None
    try:
        summary = import_records(conn, source, options=options, map_overrides=overrides,
                                 file_overrides=file_map.columns if file_map else None, actor=STATE.who())
    except KeyboardInterrupt:
        if progress:
            progress.stop()
        STATE.announce_new_database()
        err(_("interrupted: finished batches are saved; run the same import again to finish (imported rows are "
              "recognised, nothing is doubled)"))
        raise typer.Exit(ExitCode.INTERRUPTED) from None
    except ComplaintError:
        if summary_written(conn):
            STATE.announce_new_database()
        else:  # stopped before its first row: a database this command created is not left behind
            STATE.discard_new_database()
        raise
    finally:
        if progress:
            progress.stop()
    STATE.announce_new_database()
    code, data = _say_summary(summary, out_format, several=several, dry_run=dry_run)
    if summary.import_id is not None and not summary.aborted:
        from complaintctl.cli.suggest import after_import

        data.update(after_import(summary.import_id, suggest=suggest, fmt=out_format))
    return code, data


def summary_written(conn) -> bool:
    """Whether an import wrote anything to the database (a run recorded)."""
    from complaintctl.core.intake import imports_recorded

    return imports_recorded(conn)


def _say_summary(summary, out_format: Format, *, several: bool, dry_run: bool) -> tuple[int, dict]:
    """The counts on stdout (table), what was decided and rejected on stderr; the exit code."""
    for warning in summary.warnings:
        warn(warning)
    if out_format == Format.table:
        read = _read_as(summary.source, summary.sheet, summary.encoding, summary.delimiter)
        err(_("{read}  (dry run: nothing written to the database)", read=read) if dry_run else read)
        counts = {"read": summary.read, "inserted": summary.inserted, "updated": summary.updated,
                  "unchanged": summary.unchanged, "duplicates": summary.duplicates, "rejected": summary.rejected}
        if summary.grouped:  # --group-by-ref: the rows joined to the row before them, a count of their own
            line = (_("read {read}, would be inserted {inserted}, would be updated {updated}, unchanged {unchanged}, "
                      "duplicates {duplicates}, grouped {grouped}, rejected {rejected}", grouped=summary.grouped,
                      **counts) if dry_run else
                    _("read {read}, inserted {inserted}, updated {updated}, unchanged {unchanged}, duplicates "
                      "{duplicates}, grouped {grouped}, rejected {rejected}", grouped=summary.grouped, **counts))
        else:
            line = (_("read {read}, would be inserted {inserted}, would be updated {updated}, unchanged {unchanged}, "
                      "duplicates {duplicates}, rejected {rejected}", **counts) if dry_run else
                    _("read {read}, inserted {inserted}, updated {updated}, unchanged {unchanged}, duplicates "
                      "{duplicates}, rejected {rejected}", **counts))
        sys.stdout.write((f"{summary.source}: " if several else "") + line + "\n")
        sys.stdout.flush()
    from complaintctl.render.import_summary import evidence_lines

    for line in evidence_lines(summary):
        err(line)
    if summary.rejects_path:
        differing = summary.duplicates_differing
        rows = ngettext("{n} rejected row", "{n} rejected rows", summary.rejected)
        if differing:
            rows = _("{rows} and {duplicates}", rows=rows, duplicates=ngettext(
                "{n} differing duplicate", "{n} differing duplicates", differing))
        err(_("{rows} written to {path}", rows=rows, path=summary.rejects_path))
    if summary.rejects_removed:
        err(_("nothing rejected: the rejects file of an earlier run, {path}, was removed", path=summary.rejects_removed))
    if summary.rejected and out_format == Format.table:
        for kind in summary.reject_reasons:  # what to fix first
            err(_("  {n:>6,} x {reason} (first: line {line})", n=kind["rows"], reason=shown(kind["reason"]),
                  line=kind["first_line"]))
    if summary.aborted:
        error_line(_("--strict: rows were rejected, so nothing was written"))
        return ExitCode.FAILED, summary.as_dict()
    if summary.read == 0:
        warn(_("the file has a header but no rows"))
    return (ExitCode.REJECTED if summary.rejected or summary.duplicates_differing else ExitCode.OK), summary.as_dict()


def _print_mapping(conn, source, options, overrides, file_map, out_format: Format) -> None:
    from complaintctl.core.intake import explain_mapping
    from complaintctl.render.output import write_json, write_records

    shown = explain_mapping(conn, source, options, overrides, file_map.columns if file_map else None)
    if out_format != Format.table:
        write_json(shown)  # escaped on a terminal, exact in a pipe
        return
    err(_read_as(shown["source"], shown["sheet"], shown["encoding"], shown["delimiter"], fmt=shown["format"]))
    for skipped in shown["skipped_lines"]:
        err(_("line {line} is above the header row and will be skipped: {text!r}", line=skipped["line"],
              text=skipped["text"]))
    from complaintctl.i18n import shown as said
    from complaintctl.render.import_summary import field_name

    write_records(shown["columns"], ["column", "header", "field", "how", "evidence", "first_value"], Format.table,
                  flexible=["first_value", "header", "how"],
                  headers={"column": N_("Column"), "header": N_("Header"), "field": N_("Field"), "how": N_("How"),
                           "evidence": N_("Evidence"), "first_value": N_("First value")},
                  table_values=lambda c: {**c, "field": _field_word(c["field"]), "how": said(c["how"]),
                                          "evidence": said(c["evidence"])})
    for name, order in shown["date_orders"].items():
        err(_("dates: {field} {order}", field=field_name(name), order=said(order)))
    for warning in shown["warnings"]:
        warn(warning)


# what --show-mapping says for a column read into no field
FIELD_WORDS = {"extra": N_("extra (kept)"), "ignore": N_("not imported")}


def _field_word(field: str) -> str:
    """The field a column is read into: its code, what `--map HEADER=FIELD` takes (with its name
    in a language other than English)."""
    from complaintctl.i18n import lang
    from complaintctl.i18n.said import Field

    if lang() == "en":
        return field
    return _("{word} ({code})", word=_(FIELD_WORDS[field]) if field in FIELD_WORDS else Field(field).said(), code=field)


def _read_as(source: str, sheet: str | None, encoding: str | None, delimiter: str | None, fmt: str | None = None) -> str:
    """How a file is read: ``calls.csv: gb18030, delimiter ';'``, ``book.xlsx: Excel workbook, sheet '2026'``."""
    if sheet:
        how = _("Excel workbook, sheet {sheet!r}", sheet=sheet)
    elif fmt is not None:
        how = _("{format}, encoding {encoding}", format=fmt, encoding=encoding)
    else:
        how = encoding or ""
    if delimiter:
        how = _("{how}, delimiter {delimiter!r}", how=how, delimiter=delimiter)
    return f"{source}: {how}"
