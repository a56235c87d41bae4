"""Commands that keep the record trustworthy: check, backup, restore and the audit chain."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from complaintctl.cli.common import FORMAT_OPTION, STATE, err, error_line, handle_errors
from complaintctl.errors import ExitCode
from complaintctl.i18n import _, clauses, ngettext
from complaintctl.render.output import Format


def backup(
    dest: str = typer.Argument(None, metavar="[DEST]", help="A file, or a directory to put a dated file in "
                               "[default: backups/ beside the database]."),
    keep: int = typer.Option(None, "--keep", min=1, help="Then delete all but the newest N dated backups in "
                             "that directory (for cron)."),
    force: bool = typer.Option(False, "--force", help="Replace DEST if it exists (never a database, a backup or "
                               "a read-only file)."),
    mkdir: bool = typer.Option(False, "--mkdir", help="Create DEST's directory if it does not exist (without it, a "
                               "missing directory, say an unmounted disk, is refused)."),
    fmt: Format = FORMAT_OPTION,
) -> None:
    """Copy the database to a backup file, consistently, while others keep working; the copy
    passes SQLite's integrity check before it takes the backup's name. Prints the backup's path."""
    from complaintctl.core.trust.backups import BackupRequest, make_backup

    db = STATE.db_path
    STATE.connect()  # the file exists and its schema is current
    result = make_backup(db, BackupRequest(dest=dest, keep=keep, force=force, mkdir=mkdir))
    if fmt == Format.table:
        typer.echo(result["backup"])
        pruned, abandoned = result["pruned"], result["abandoned_removed"]
        parts = [_("Backed up {path} ({complaints:,} complaints, {events:,} events, {mb:.1f} MB)", path=db,
                   complaints=result["complaints"], events=result["events"], mb=result["bytes"] / 1e6)]
        if pruned:
            parts.append(ngettext("deleted {n} older backup", "deleted {n} older backups", len(pruned)))
        if abandoned:
            parts.append(ngettext("removed {n} file a killed backup left", "removed {n} files a killed backup left",
                                  len(abandoned)))
        err(_("{sentence}.", sentence=clauses(parts)))
    else:
        from complaintctl.render.output import write_records

        write_records([result], list(result), fmt)


def restore(
    backup_file: str = typer.Argument(..., metavar="BACKUP", help="A backup file (`complaintctl backup` wrote it)."),
    fmt: Format = FORMAT_OPTION,
) -> None:
    """Put a backup back in place of the database. Refused while anyone else has the database open;
    what it replaces is kept in backups/ (named ...-before-restore-...); the backup and the result
    are checked."""
    from pathlib import Path

    from complaintctl.core.trust.restores import restore_backup

    STATE.close()  # this process must not hold the database open either
    result = restore_backup(STATE.db_path, Path(backup_file))
    if fmt == Format.table:
        said = _("Restored {path} from {backup} ({complaints:,} complaints, {events:,} events).",
                 path=result["database"], backup=result["restored_from"], complaints=result["complaints"],
                 events=result["events"])
        if result["previous_kept_in"]:
            said += " " + _("What it replaced is kept in {path}.", path=result["previous_kept_in"])
        err(said)
    else:
        from complaintctl.render.output import write_records

        write_records([result], list(result), fmt)


def check(
    quick: bool = typer.Option(False, "--quick", help="SQLite's quick_check instead of the full integrity "
                               "check; verify only the newest 10,000 links of the audit chain; skip replaying "
                               "the events and the SLA clocks."),
    against: str = typer.Option(None, "--against", metavar="HEAD", help="A chain head kept elsewhere (`complaintctl "
                                "audit head` printed it): prove that nothing at or before it changed."),
    fmt: Format = FORMAT_OPTION,
) -> None:
    """Check the database: the file's integrity, its schema, references, the audit trail (the hash
    chain of the events, and that complaints hold what their events say), times, statuses and SLA
    clocks. Reads only. Exit 0 all ok, 1 a problem found (warnings alone exit 0)."""
    from complaintctl.core.trust.audit import parse_head
    from complaintctl.core.trust.database import shown
    from complaintctl.core.trust.health import PROBLEM, check_file, worst

    head = parse_head(against) if against is not None else None
    path = STATE.db_path
    findings = check_file(path, quick=quick, against=head)
    from complaintctl.i18n import english
    from complaintctl.i18n import shown as said

    with english():  # JSON and CSV keep English, in the command line's words (`complaintctl init`, --db)
        records = [{**f.as_dict(), "detail": str(said(f.detail)), "fix": str(said(f.fix))} for f in findings]
    if fmt == Format.table:
        from complaintctl.render.findings import render_findings
        from complaintctl.render.table import terminal_width, use_color

        sys.stdout.write(render_findings(findings, color=use_color(), width=terminal_width()) + "\n")
    else:
        from complaintctl.render.output import write_records

        write_records(records, ["check", "result", "detail", "fix"], fmt)
    overall = worst(findings)
    problems = sum(f.result == PROBLEM for f in findings)
    if overall == PROBLEM:
        error_line(ngettext("{n} check found a problem in {path}", "{n} checks found a problem in {path}", problems,
                            path=shown(path)))
        raise typer.Exit(ExitCode.FAILED)
    err(_("{path}: all checks passed.", path=shown(path)) if overall == "ok"
        else _("{path}: sound, with warnings.", path=shown(path)))


def migrate_to(
    target: str = typer.Argument(..., metavar="TARGET", help="An empty PostgreSQL database "
                                 "(postgresql://USER@HOST/NAME), or the path of a new file."),
    fmt: Format = FORMAT_OPTION,
) -> None:
    """Copy the whole desk to TARGET: every table, every event with its hash; then compare the
    counts and the audit chain's head. Run again after an interruption: it goes on where it
    stopped. The database in use (--db) is only read: stop writing to it while it moves, then point
    everyone at TARGET (COMPLAINTCTL_DB)."""
    from datetime import datetime, timezone

    from complaintctl.core.trust.database import database_path, on_server
    from complaintctl.core.trust.moving import migrate_to as move

    where = database_path(target)
    result = move(STATE.connect(), where if on_server(where) else Path(where).absolute(), now=datetime.now(timezone.utc))
    if fmt == Format.table:
        err(f"Moved {result['complaints']:,} complaints, {result['customers']:,} customers and {result['events']:,} "
            f"events to {result['target']}" + (" (resumed)" if result["resumed"] else "")
            + f"; counts and the audit chain's head ({result['head'] or 'no events'}) are the same on both. "
            f"Use it with --db or COMPLAINTCTL_DB; `complaintctl check` there checks it whole.")
    else:
        from complaintctl.render.output import write_records

        write_records([result], list(result), fmt)


audit_app = typer.Typer(help="The audit chain: every event hashed with the one before it.", no_args_is_help=True,
                        rich_markup_mode=None)


@audit_app.command("head")
@handle_errors
def audit_head(fmt: Format = FORMAT_OPTION) -> None:
    """Print the chain head (ID:HASH of the newest event). Keep it somewhere the database's users cannot
    write (a log, an e-mail, from cron); `complaintctl check --against HEAD` later proves that nothing at
    or before it changed."""
    from complaintctl.core.trust.audit import audit_head as head_of

    data = head_of(STATE.connect())
    if fmt == Format.table:
        if data["head"] is None:
            err(_("No events yet."))
            return
        typer.echo(data["head"])
    else:
        from complaintctl.render.output import write_records

        write_records([data], list(data), fmt)
