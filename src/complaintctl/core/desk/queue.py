"""Working the queue: claiming a complaint without stepping on a colleague."""

from __future__ import annotations

from datetime import datetime

from complaintctl.core.desk.writes import touch
from complaintctl.core.people.agents import agent_of_actor
from complaintctl.core.record.dates import now_utc, to_iso, to_local_text
from complaintctl.core.record.events import Change, record_event
from complaintctl.core.record.fields import check_text
from complaintctl.errors import Refused
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
            raise Refused(f"complaint #{complaint_id} is closed",
                          hint="reopen it first with `complaintctl reopen ID --reason TEXT`")
        holder = row["assignee"]
        if holder == me:
            if note is None:
                return None
            record_event(conn, complaint_id, at=at, actor=actor, action="note", note=note)
            touch(conn, complaint_id, at)
            return Change("note", None, note)
        if holder is not None and not force:
            raise Refused(f"complaint #{complaint_id} is {_holder_text(conn, complaint_id, holder)}",
                          hint=f"take it over with `complaintctl claim {complaint_id} --force`")
        conn.execute("UPDATE complaints SET assignee = ?, updated_at = ? WHERE id = ?", (me, at, complaint_id))
        taken = f"taken over from {holder}" if holder else None
        record_event(conn, complaint_id, at=at, actor=actor, action="claimed", field="assignee",
                     old_value=holder, new_value=me, note="; ".join(t for t in (taken, note) if t) or None)
        return Change("assignee", holder, me)


def _holder_text(conn: Connection, complaint_id: int, holder: str) -> str:
    """"li.wei's (李伟) since 2026-11-29T02:00:00Z": who has it, and since when."""
    full = conn.execute("SELECT full_name FROM agents WHERE name = ?", (holder,)).fetchone()
    since = conn.execute("SELECT max(at) FROM events WHERE complaint_id = ? AND field = 'assignee'",
                         (complaint_id,)).fetchone()[0]
    return (f"{holder}'s" + (f" ({full[0]})" if full and full[0] else "")
            + (f" since {to_local_text(since)}" if since else ""))
