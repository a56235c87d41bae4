"""Writing one complaint's row inside the caller's transaction: its columns (times that would
contradict each other refused), its updated time, and a reply sent to the customer. Below the
use cases in complaints.py and closing.py alike."""

from __future__ import annotations

from complaintctl.core.record import lifecycle
from complaintctl.core.record.events import Change, record_event
from complaintctl.errors import InvalidInput
from complaintctl.i18n import L_
from complaintctl.store.engine import Connection


def set_columns(conn: Connection, complaint_id: int, values: dict) -> None:
    """Write columns of one complaint; times that would contradict each other are refused."""
    times = [name for name, _ in lifecycle.TIME_ORDER]
    if any(name in values for name in times):
        row = conn.execute(f"SELECT {', '.join(times)} FROM complaints WHERE id = ?", (complaint_id,)).fetchone()
        problem = lifecycle.time_order_problem({**dict(zip(times, row, strict=True)), **values})
        if problem:
            raise InvalidInput(L_("complaint #{id}: {problem}", id=complaint_id, problem=problem),
                               hint=L_("times run received <= first response <= resolution <= closing"))
    sets = ", ".join(f"{k} = ?" for k in values)
    conn.execute(f"UPDATE complaints SET {sets} WHERE id = ?", [*values.values(), complaint_id])


def touch(conn: Connection, complaint_id: int, at: str) -> None:
    conn.execute("UPDATE complaints SET updated_at = ? WHERE id = ?", (at, complaint_id))


def record_reply(conn: Connection, complaint_id: int, text: str, *, template: str | None, at: str,
                 actor: str) -> Change:
    """A message the customer was sent, inside the caller's transaction: a `replied` event (the
    template's NAME:LANG as its value), and the first response if there was none."""
    conn.execute("UPDATE complaints SET first_response_at = coalesce(first_response_at, ?) WHERE id = ?",
                 (at, complaint_id))
    record_event(conn, complaint_id, at=at, actor=actor, action="replied", field="reply", new_value=template,
                 note=text)
    return Change("reply", None, template or "note")


def reply_delivery(conn: Connection, complaint_id: int, text: str, template: str | None, at: str) -> dict:
    """A reply from a template, queued to the customer's e-mail when e-mail is set up:
    {"outbox_id", "to"}, else {"outbox_id": None, "why"} (core/notify decides)."""
    from complaintctl.core import notify
    from complaintctl.core.notify.replies import written_in

    lang = template.rpartition(":")[2] if template and ":" in template else written_in(text)
    return notify.on_replied(conn, complaint_id, text, lang, at)


def record_reply_outcome(conn: Connection, complaint_id: int, text: str, *, template: str | None, delivery: dict,
                         told: bool, at: str, actor: str) -> list[Change]:
    """The reply on the timeline: `replied` when the customer is told (its e-mail queued, or
    ``told`` another way: their first response), with where it went; else `reply_recorded`,
    not sent, and why."""
    if told:
        changes = [record_reply(conn, complaint_id, text, template=template, at=at, actor=actor)]
        if delivery.get("outbox_id") is not None:
            changes.append(Change("reply_to", None, delivery["to"]))
        return changes
    record_event(conn, complaint_id, at=at, actor=actor, action="reply_recorded", field="reply", new_value=template,
                 note=text)
    return [Change("reply_not_sent", template, delivery["why"])]
