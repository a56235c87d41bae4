"""show and list: reading complaints, one in full or many filtered."""

from __future__ import annotations

import sys

import typer

from complaintctl.cli.common import (
    COMPLAINT_HELP,
    FORMAT_OPTION,
    LIMIT_OPTION,
    STATE,
    err,
    row_limit,
    say_more,
    which_complaint,
)
from complaintctl.cli.filters import complaint_filters
from complaintctl.core.record.lifecycle import is_open
from complaintctl.i18n import N_, _
from complaintctl.render.output import Format


def show(
    complaint_id: str = typer.Argument(..., metavar="ID", help=COMPLAINT_HELP),
    fmt: Format = FORMAT_OPTION,
) -> None:
    """Show every field of a complaint, handling advice and its timeline."""
    from complaintctl.core.insight.queries import show_complaint
    from complaintctl.render.output import check_excel

    check_excel(fmt.value)
    data = show_complaint(STATE.connect(), which_complaint(complaint_id))
    if fmt == Format.table:
        from complaintctl.render.complaint import render_complaint

        sys.stdout.write(render_complaint(data) + "\n")
    elif fmt == Format.json:
        from complaintctl.render.output import write_json

        write_json(data)
    elif fmt == Format.ndjson:
        from complaintctl.render.output import write_json

        write_json(data, lines=True)
    else:  # csv: the timeline, one event a row
        from complaintctl.render.output import write_records

        cols = ["id", "complaint_id", "at", "actor", "action", "field", "old_value", "new_value", "note"]
        write_records([{**e, "complaint_id": data["id"]} for e in data["events"]], cols, fmt)


SEVERITY_STYLES = {"critical": "bold red", "high": "yellow"}


def _list_styles(cells: dict) -> dict[str, str]:
    from complaintctl.render.clocks import LATE

    styles = {}
    if cells.get("severity") in SEVERITY_STYLES:
        styles["severity"] = SEVERITY_STYLES[cells["severity"]]
    standing = cells.get("standing") or ""
    if standing in LATE:
        styles["due"] = "red"
    elif standing == "paused" or not is_open(cells.get("status") or ""):
        styles["due"] = "dim"
        styles["status"] = "dim"
    return styles


LIST_TABLE = ["id", "received_at", "status", "severity", "due", "category", "customer_name", "assignee",
              "subject"]
LIST_HEADERS = {"id": N_("ID"), "received_at": N_("Received"), "status": N_("Status"), "severity": N_("Severity"),
                "category": N_("Category"), "customer_name": N_("Customer"), "assignee": N_("Assignee"),
                "subject": N_("Subject"), "due": N_("SLA")}
SORT_OPTION = typer.Option("received", "--sort", help="received, updated, id, severity, status, "
                           "assignee, customer or age; add :asc or :desc.")


@complaint_filters(before="sort")
def list_(
    sort: str = SORT_OPTION,
    limit: int = LIMIT_OPTION,
    fmt: Format = FORMAT_OPTION,
    *,
    filters=None,
) -> None:
    """List complaints, newest first, with filters."""
    filters.sort, filters.limit = sort, row_limit(limit, fmt)
    _print_list(filters, fmt)


def _print_list(filters, fmt: Format) -> None:
    from complaintctl.core.insight.queries import LIST_COLUMNS, count_complaints, list_complaints
    from complaintctl.render.output import write_records

    conn = STATE.connect()
    rows = list_complaints(conn, filters)
    if fmt == Format.table:
        from complaintctl.core.record.dates import now_utc, to_local_text
        from complaintctl.core.sla.clock import current_clock, due_standing
        from complaintctl.render.clocks import standing_text

        now = now_utc()

        def cells(r: dict) -> dict:
            _clock, due = current_clock(r["first_response_at"], r["respond_due_at"], r["resolve_due_at"])
            standing, minutes = due_standing(due, now, r["status"], r["paused_since"])
            return {**r, "id": f"#{r['id']}", "received_at": to_local_text(r["received_at"]),
                    "due": standing_text(standing, minutes, raw=due or ""), "standing": standing}

        write_records(rows, LIST_COLUMNS, fmt, table_columns=LIST_TABLE, headers=LIST_HEADERS,
                      table_values=cells, table_styles=_list_styles, flexible=["subject", "customer_name", "category"],
                      # an 80-column terminal keeps id, status, severity, SLA and a readable subject
                      floors={"subject": 20}, droppable=["category", "assignee", "customer_name", "received_at"])
        if not rows:
            err(_("No complaints match."))
        elif len(rows) == filters.limit:
            say_more(len(rows), count_complaints(conn, filters))
    else:
        write_records(rows, LIST_COLUMNS, fmt)
