"""Working the queue: claiming a complaint without stepping on a colleague."""

from __future__ import annotations

from datetime import datetime

from complaintctl.core.desk.writes import touch
from complaintctl.core.people.agents import agent_of_actor
from complaintctl.core.record.dates import now_utc, to_iso, to_local_text
from complaintctl.core.record.events import Change, record_event
from complaintctl.core.record.fields import check_text
from complaintctl.errors import Refused
from complaintctl.i18n import L_, Message
from complaintctl.i18n.said import Step
from complaintctl.store.db import transaction
from complaintctl.store.engine import Connection


def claim(conn: Connection, complaint_id: int, *, actor: str, force: bool = False,
          note: str | None = None, now: datetime | None = None):
    """Take a complaint for the actor's agent if nobody has it. Someone else's is refused,
    naming them, unless ``force`` (a takeover, said so on the timeline). Returns the Change,
    or None when it was already the actor's (with ``note``: the note, added as a note is; it is
    never dropped). Read and write happen in one BEGIN IMMEDIATE transaction, so of two agents
    claiming at once exactly one wins."""
    from complaintctl.core.insight.queries import get_complaint_row

    note = check_text(note, "note")
    at = to_iso(now or now_utc())
    with transaction(conn):
        me = agent_of_actor(conn, actor)
        row = get_complaint_row(conn, complaint_id)
        if row["status"] == "closed":
            raise Refused(L_("complaint #{id} is closed", id=complaint_id),
                          hint=L_("reopen it first with {step}", step=Step("reopen", L_("ID"), reason=L_("TEXT"))))
        holder = row["assignee"]
        if holder == me:
            if note is None:
                return None
            record_event(conn, complaint_id, at=at, actor=actor, action="note", note=note)
            touch(conn, complaint_id, at)
            return Change("note", None, note)
        if holder is not None and not force:
            raise Refused(_holder_text(conn, complaint_id, holder),
                          hint=L_("take it over with {step}", step=Step("claim", complaint_id, force=True)))
        conn.execute("UPDATE complaints SET assignee = ?, updated_at = ? WHERE id = ?", (me, at, complaint_id))
        taken = f"taken over from {holder}" if holder else None
        record_event(conn, complaint_id, at=at, actor=actor, action="claimed", field="assignee",
                     old_value=holder, new_value=me, note="; ".join(t for t in (taken, note) if t) or None)
        return Change("assignee", holder, me)


def _holder_text(conn: Connection, complaint_id: int, holder: str) -> Message:
    """"complaint #7 is li.wei's (李伟) since 2026-11-29 10:00": who has it, and since when."""
    full = conn.execute("SELECT full_name FROM agents WHERE name = ?", (holder,)).fetchone()
    since = conn.execute("SELECT max(at) FROM events WHERE complaint_id = ? AND field = 'assignee'",
                         (complaint_id,)).fetchone()[0]
    at = to_local_text(since) if since else None
    if full and full[0]:
        if at:
            return L_("complaint #{id} is {name}'s ({full_name}) since {at}", id=complaint_id, name=holder,
                      full_name=full[0], at=at)
        return L_("complaint #{id} is {name}'s ({full_name})", id=complaint_id, name=holder, full_name=full[0])
    if at:
        return L_("complaint #{id} is {name}'s since {at}", id=complaint_id, name=holder, at=at)
    return L_("complaint #{id} is {name}'s", id=complaint_id, name=holder)
