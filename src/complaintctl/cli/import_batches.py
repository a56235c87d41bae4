"""import: `import FILE...` (cli/imports.py), and the imports made so far: `import list`,
`import undo ID`. The first word after `import` names a subcommand only when it is one;
anything else is a file to import."""

from __future__ import annotations

import typer
from typer.core import TyperGroup

from complaintctl.cli.common import FORMAT_OPTION, STATE, err, handle_errors, parse_id
from complaintctl.cli.imports import import_
from complaintctl.i18n import N_, _
from complaintctl.render.output import Format

FILES = "files"  # the subcommand that imports, and what `import FILE...` means


class _ImportGroup(TyperGroup):
    """`import FILE...` is `import files FILE...`; `import list` and `import undo` are themselves."""

    def parse_args(self, ctx, args: list[str]) -> list[str]:
        if not args or (args[0] not in self.commands and args[0] not in ctx.help_option_names):
            args = [FILES, *args]
        return super().parse_args(ctx, args)


import_app = typer.Typer(
    cls=_ImportGroup, rich_markup_mode=None, subcommand_metavar="FILE... | COMMAND [ARGS]...",
    help="Import complaints from files (`complaintctl import FILE...`), list the imports made (`import list`), "
         "undo one (`import undo ID`). A file named list, undo or files: write it as ./list.")
import_app.command(FILES)(handle_errors(import_))


@import_app.command("list")
@handle_errors
def import_list(
    limit: int = typer.Option(None, "--limit", "-n", help="The newest N [default: all]."),
    fmt: Format = FORMAT_OPTION,
) -> None:
    """Every import made into this database, the newest first: its id (for `import undo`), when,
    the file, who, its counts, how many of the complaints it created are still there, and
    whether it was undone."""
    from complaintctl.core.intake import IMPORT_LIST_COLUMNS, list_imports
    from complaintctl.core.record.dates import to_local_text
    from complaintctl.render.output import write_records

    rows = list_imports(STATE.connect(), limit=limit)
    write_records(
        rows, IMPORT_LIST_COLUMNS, fmt,
        # every count the read is made of, so that a row adds up on screen as in JSON
        table_columns=["id", "started_at", "source", "actor", "read", "inserted", "updated", "unchanged", "duplicates",
                       "grouped", "rejected", "complaints_now", "undone_at"],
        headers={"id": N_("ID"), "started_at": N_("Started"), "source": N_("File"), "actor": N_("By"),
                 "read": N_("Read"), "inserted": N_("Inserted"), "updated": N_("Updated"),
                 "unchanged": N_("Unchanged"), "duplicates": N_("Duplicates"), "grouped": N_("Grouped"),
                 "rejected": N_("Rejected"),
                 "complaints_now": N_("Still there"), "undone_at": N_("Undone")},
        table_values=lambda r: {**r, "id": f"#{r['id']}", "started_at": to_local_text(r["started_at"]),
                                "undone_at": (_("{when} by {who}", when=to_local_text(r["undone_at"]), who=r["undone_by"])
                                              if r["undone_at"] else "" if r["finished_at"] else _("unfinished"))},
        flexible=["source"], droppable=["actor"])
    if fmt == Format.table and not rows:
        err(_("No imports yet."))


@import_app.command("undo")
@handle_errors
def import_undo(
    import_id: str = typer.Argument(..., metavar="ID", help="The import's id, as `import list` shows it (#3 or 3)."),
    dry_run: bool = typer.Option(False, "--dry-run", help="Say what would be removed and kept; change nothing."),
    fmt: Format = FORMAT_OPTION,
) -> None:
    """Remove the complaints and customers an import created that nobody has touched since, in
    one transaction, and say what was kept and why. Kept: a complaint with any change, note,
    reply, survey or message since, or that another complaint is a duplicate of; a customer a
    remaining complaint names, or changed since. Every removal is an event in the audit trail
    (`complaintctl check` accounts for it); the events themselves stay."""
    from complaintctl.core.intake import undo_import
    from complaintctl.render.import_batches import undo_lines

    result = undo_import(STATE.connect(), parse_id(import_id, N_("import id")), actor=STATE.who(), dry_run=dry_run)
    if fmt != Format.table:
        from complaintctl.render.output import write_records

        write_records([result], list(result), fmt)
        return
    summary, details = undo_lines(result)
    typer.echo(summary)
    for line in details:
        err(line)
