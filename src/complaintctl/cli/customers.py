"""customers: list, show, edit, merge. A customer is a record of its own; editing one
complaint never changes another complaint's customer."""

from __future__ import annotations

import sys

import typer

from complaintctl.cli.common import FORMAT_HELP, FORMAT_OPTION, STATE, err, handle_errors, parse_id, warn
from complaintctl.i18n import N_, _, clauses, joined, ngettext
from complaintctl.render.output import Format

customers_app = typer.Typer(help="Customers: list, show their history, edit their details, merge duplicates.",
                            no_args_is_help=True, rich_markup_mode=None)


@customers_app.command("list")
@handle_errors
def customers_list(
    text: str = typer.Option(None, "--text", "-q", help="Name or company contains, or exact email/phone, or #ID."),
    all_: bool = typer.Option(False, "--all", help="Also the records merged into another customer."),
    limit: int = typer.Option(None, "--limit", "-n", help="At most this many [default: 100 for tables, "
                              "all otherwise]; 0 for all."),
    fmt: Format = FORMAT_OPTION,
) -> None:
    """List customers with their complaints (open ones too), the most recently heard from first."""
    from complaintctl.core.people.customers import LIST_COLUMNS, list_customers
    from complaintctl.core.record.dates import to_local_text
    from complaintctl.render.output import write_records

    shown = limit if limit is not None else (100 if fmt == Format.table else 0)
    rows = list_customers(STATE.connect(), text=text, include_merged=all_, limit=shown)
    write_records(rows, LIST_COLUMNS, fmt,
                  table_columns=["id", "name", "email", "phone", "company", "complaints", "open_complaints",
                                 "last_received_at"],
                  headers={"id": N_("ID"), "name": N_("Name"), "email": N_("Email"), "phone": N_("Phone"),
                           "company": N_("Company"), "complaints": N_("Complaints"), "open_complaints": N_("Open"),
                           "last_received_at": N_("Last")},
                  table_values=lambda r: {**r, "id": f"#{r['id']}" + (f"→#{r['merged_into']}" if r["merged_into"]
                                                                       else ""),
                                          "last_received_at": to_local_text(r["last_received_at"])},
                  flexible=["name", "email", "company"], droppable=["company", "last_received_at", "email"])
    if fmt == Format.table:
        if not rows:
            err(_("No customers match."))
        elif limit is None and len(rows) == shown:
            err(_("Showing the first {n}; use --limit 0 for all.", n=shown))


@customers_app.command("show")
@handle_errors
def customers_show(
    customer_id: str = typer.Argument(..., metavar="ID", help="Customer id (#12 or 12)."),
    fmt: Format = typer.Option(Format.table, "--format", "-f", help=FORMAT_HELP + " csv and ndjson: the "
                               "complaints."),
) -> None:
    """A customer's details, the records merged into them, their complaints (open ones first)
    and the changes to their record."""
    from complaintctl.core.people.customers import HISTORY_COLUMNS, customer_history
    from complaintctl.render.output import check_excel

    check_excel(fmt.value)
    data = customer_history(STATE.connect(), parse_id(customer_id, N_("customer id")))
    if fmt == Format.table:
        from complaintctl.render.customer import render_customer

        sys.stdout.write(render_customer(data) + "\n")
    elif fmt == Format.json:
        from complaintctl.render.output import write_json

        write_json(data)
    else:
        from complaintctl.render.output import write_records

        write_records(data["complaints"], HISTORY_COLUMNS, fmt)


@customers_app.command("edit")
@handle_errors
def customers_edit(
    customer_id: str = typer.Argument(..., metavar="ID", help="Customer id."),
    name: str = typer.Option(None, "--name", help="New name; 'none' clears."),
    email: str = typer.Option(None, "--email", help="New email; 'none' clears."),
    phone: str = typer.Option(None, "--phone", help="New phone; 'none' clears."),
    company: str = typer.Option(None, "--company", help="New company; 'none' clears."),
) -> None:
    """Change a customer's details, for all their complaints (an event each)."""
    from complaintctl.core.people.customers import edit_customer

    cid = parse_id(customer_id, N_("customer id"))
    changes, warnings = edit_customer(STATE.connect(), cid, {"name": name, "email": email, "phone": phone,
                                                             "company": company}, actor=STATE.who())
    for warning in warnings:
        warn(warning)
    if not changes:
        err(_("No change to customer #{id}.", id=cid))
        return
    from complaintctl.render.changes import change_text

    err(_("Updated customer #{id}: {changes}.", id=cid, changes=clauses(change_text(c.field, c.old, c.new)
                                                                         for c in changes)))


@customers_app.command("merge")
@handle_errors
def customers_merge(
    keep: str = typer.Argument(..., metavar="KEEP", help="The customer record to keep."),
    others: list[str] = typer.Argument(..., metavar="OTHER...", help="Records of the same person, merged into "
                                       "KEEP."),
    note: str = typer.Option(None, "--note", help="Why, for the timeline."),
) -> None:
    """Merge records that are the same person: their complaints move to KEEP, details KEEP lacks
    are filled in, and each merged record stays as an alias (its email and phone still find KEEP)."""
    from complaintctl.core.people.customers import merge_customers

    keep_id = parse_id(keep, N_("customer id"))
    result = merge_customers(STATE.connect(), keep_id, [parse_id(o, N_("customer id")) for o in others],
                             actor=STATE.who(), note=note)
    from complaintctl.i18n.words import word

    moved = ngettext("{n} complaint moved", "{n} complaints moved", result["complaints_moved"])
    if result["filled"]:
        moved = clauses([moved, _("filled in {fields}", fields=joined(word("field", f) for f in result["filled"]))])
    err(_("Merged {merged} into #{id}: {moved}.", merged=joined(f"#{i}" for i in result["merged"]), id=keep_id,
          moved=moved))
