"""Closing and reopening a complaint: the use cases (`close`, `reopen`) and the steps inside a
caller's transaction that the sweep and `survey --reopen` share (close_row, reopen_row)."""

from __future__ import annotations

from datetime import datetime

from complaintctl.core import notify
from complaintctl.core.desk.writes import record_reply_outcome, reply_delivery, set_columns
from complaintctl.core.insight.queries import get_complaint_row
from complaintctl.core.record import lifecycle
from complaintctl.core.record.dates import now_utc, to_iso
from complaintctl.core.record.events import Change, record_event
from complaintctl.core.record.fields import check_text
from complaintctl.core.sla.due import refresh_sla
from complaintctl.core.taxonomy import codes as taxonomy
from complaintctl.errors import InvalidInput, Refused
from complaintctl.i18n import L_
from complaintctl.i18n.said import Code, Input, Listed, Step
from complaintctl.store.db import transaction
from complaintctl.store.engine import Connection, Row

OUTCOMES = ("resolved", "rejected", "withdrawn", "duplicate")


def close(conn: Connection, complaint_id: int, *, outcome: str, resolution: str | None,
          duplicate_of: int | None = None, told_via: str | None = None,
          accepted: bool | None = None, actor: str, now: datetime | None = None,
          reply: str | None = None, template: str | None = None) -> list[Change]:
    """Close with an outcome, the resolution text, how the customer was told and whether
    they accepted it (ISO 10002 asks for all four); ``reply``, the message that tells them (from
    ``template``): in the decision e-mail when that carries it as the resolution, else queued to
    their e-mail when e-mail is set up, else recorded, not sent."""
    now = now or now_utc()
    at = to_iso(now)
    outcome = (taxonomy.validate_code(conn, "outcome", outcome) or "") if (outcome or "").strip() else ""  # 驳回, Rejected
    if outcome not in OUTCOMES:
        raise InvalidInput(L_("unknown outcome {outcome!r}", outcome=outcome),
                           hint=L_("valid: {codes}", codes=Listed(Code("outcome", o) for o in OUTCOMES)))
    resolution = check_text(resolution, "resolution")
    reply = check_text(reply, "reply")
    if outcome == "duplicate":
        if duplicate_of is None:
            raise InvalidInput(L_("a duplicate needs {option} N", option=Input("duplicate_of")))
        if duplicate_of == complaint_id:
            raise InvalidInput(L_("a complaint cannot be a duplicate of itself"))
        resolution = resolution or f"Duplicate of #{duplicate_of}"
    elif duplicate_of is not None:
        raise InvalidInput(L_("{option} goes with {outcome} duplicate", option=Input("duplicate_of"), outcome=Input("outcome")))
    with transaction(conn):
        row = get_complaint_row(conn, complaint_id)
        if row["status"] == "closed":  # said first: a resolution would not help
            raise Refused(L_("complaint #{id} is already closed", id=complaint_id),
                          hint=L_("reopen it with {step}", step=Step("reopen", L_("ID"), reason=L_("TEXT"))))
        resolution = resolution or row["resolution"]  # a resolved complaint's own, when none is given
        if not resolution:
            raise InvalidInput(L_("a resolution is required"),
                               hint=L_('{resolution} "what was decided and done"', resolution=Input("resolution")))
        if duplicate_of is not None:
            get_complaint_row(conn, duplicate_of)
        via = taxonomy.validate_code(conn, "channel", told_via) if told_via else None
        changes = close_row(conn, row, outcome=outcome, resolution=resolution, duplicate_of=duplicate_of,
                            told_via=via, accepted=accepted, actor=actor, now=now)
        decision = notify.on_closed(conn, complaint_id, at, actor)
        if reply:
            if decision is not None and resolution == reply:  # the decision e-mail carries it
                to = conn.execute("SELECT target FROM outbox WHERE id = ?", (decision,)).fetchone()[0]
                delivery = {"outbox_id": decision, "to": to}
            else:
                delivery = reply_delivery(conn, complaint_id, reply, template, at)
            changes += record_reply_outcome(conn, complaint_id, reply, template=template, delivery=delivery,
                                            told=delivery.get("outbox_id") is not None, at=at, actor=actor)
    return changes


def close_row(conn: Connection, row: Row, *, outcome: str, resolution: str,
              duplicate_of: int | None = None, told_via: str | None = None, accepted: bool | None = None,
              actor: str, now: datetime) -> list[Change]:
    """The close itself, inside the caller's transaction (`close`, and the sweep): the outcome,
    the resolution, how the customer was told (the complaint's channel unless ``told_via``),
    its two events and the SLA clocks stopped."""
    at = to_iso(now)
    via = told_via or row["channel"]
    sets: dict[str, object] = {
        "status": "closed", "closed_at": at, "outcome": outcome, "resolution": resolution,
        "duplicate_of": duplicate_of, "told_via": via,
        "customer_accepted": None if accepted is None else int(accepted), "updated_at": at,
    }
    if row["first_response_at"] is None and row["resolved_at"] is None:
        sets["first_response_at"] = at  # the decision is the first the customer hears; after an
        # earlier resolution (another desk's, imported without a reply time) it would be a time
        # out of order, and when they first heard stays unknown
    if outcome == "resolved" and row["resolved_at"] is None:
        sets["resolved_at"] = at
    set_columns(conn, row["id"], sets)
    record_event(conn, row["id"], at=at, actor=actor, action="closed", field="status",
                 old_value=row["status"], new_value="closed", note=resolution)
    detail = f"told via {via or 'unknown channel'}; customer " + (
        "accepted" if accepted else "did not accept" if accepted is False else "acceptance unknown")
    record_event(conn, row["id"], at=at, actor=actor, action="closed", field="outcome",
                 new_value=outcome if duplicate_of is None else f"duplicate of #{duplicate_of}", note=detail)
    refresh_sla(conn, row["id"], now)
    return [Change("status", row["status"], "closed"), Change("outcome", None, outcome)]


def reopen(conn: Connection, complaint_id: int, *, reason: str | None, actor: str,
           now: datetime | None = None) -> Change:
    """Return a resolved or closed complaint to investigating, with the reason."""
    now = now or now_utc()
    reason = check_text(reason, "reason")
    if not reason:
        raise InvalidInput(L_("a reason is required"), hint=L_('{reason} "why it is reopened"', reason=Input("reason")))
    with transaction(conn):
        row = get_complaint_row(conn, complaint_id)
        if lifecycle.is_open(row["status"]):
            raise Refused(L_("complaint #{id} is {status}, not resolved or closed", id=complaint_id,
                             status=Code("status", row["status"])),
                          hint=L_("only resolved or closed complaints can be reopened"))
        return reopen_row(conn, row, reason=reason, actor=actor, now=now)


# What a reopen clears that a report of a finished period counts: when the complaint was resolved
# and closed, and whether the resolution met its target. Each is kept in a `reopened` event of its
# own (old value, new value NULL), so a resolution made in a week stays made in that week.
CLEARED_FACTS = ("resolved_at", "resolved_late", "closed_at")


def reopen_row(conn: Connection, row: Row, *, reason: str, actor: str, now: datetime) -> Change:
    """The reopen itself, inside the caller's transaction (`reopen`, and `survey --reopen`): the
    status event, then one event for each of CLEARED_FACTS the complaint had."""
    at = to_iso(now)
    set_columns(conn, row["id"], {
        "status": "investigating", "closed_at": None, "resolved_at": None, "outcome": None,
        "resolution": None, "duplicate_of": None, "told_via": None, "customer_accepted": None,
        "reopened_count": row["reopened_count"] + 1, "updated_at": at,
    })
    record_event(conn, row["id"], at=at, actor=actor, action="reopened", field="status",
                 old_value=row["status"], new_value="investigating", note=reason)
    for name in CLEARED_FACTS:
        if row[name] is not None:
            record_event(conn, row["id"], at=at, actor=actor, action="reopened", field=name, old_value=row[name])
    refresh_sla(conn, row["id"], now)
    return Change("status", row["status"], "investigating")
