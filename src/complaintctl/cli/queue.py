"""Working the queue: claim."""

from __future__ import annotations

import typer

from complaintctl.cli.common import CHANGE_FORMAT_OPTION, COMPLAINT_HELP, STATE, err, which_complaint
from complaintctl.i18n import _
from complaintctl.render.output import Format


def claim(
    complaint_id: str = typer.Argument(..., metavar="ID", help=COMPLAINT_HELP),
    force: bool = typer.Option(False, "--force", help="Take it over even if someone else has it (said so on "
                               "the timeline)."),
    note: str = typer.Option(None, "--note", help="Why, for the timeline."),
    fmt: Format = CHANGE_FORMAT_OPTION,
) -> None:
    """Take a complaint for yourself (the agent named by --actor) if nobody has it; refused, naming who
    has it, if someone does (--force takes it over)."""
    from complaintctl.core.desk.queue import claim as do_claim

    cid = which_complaint(complaint_id)
    change = do_claim(STATE.connect(), cid, actor=STATE.who(), force=force, note=note)
    if fmt != Format.table:
        from complaintctl.cli.complaints import print_complaint

        print_complaint(cid, fmt, [change] if change else [])
    elif change is None:
        err(_("Complaint #{id} is already yours.", id=cid))
    elif change.field == "note":
        err(_("Complaint #{id} is already yours; the note is added.", id=cid))
    elif change.old:
        err(_("Took over complaint #{id} from {name}; it is yours now.", id=cid, name=change.old))
    else:
        err(_("Claimed complaint #{id}; it is yours now.", id=cid))
