"""The audit trail: one append-only row per change, written in the change's transaction."""

from __future__ import annotations

from complaintctl.store.engine import Connection


def record_event(
    conn: Connection,
    complaint_id: int | None,
    *,
    at: str,
    actor: str,
    action: str,
    field: str | None = None,
    old_value: object = None,
    new_value: object = None,
    note: str | None = None,
    customer_id: int | None = None,
    digest: str | None = None,
) -> None:
    """One event, chained to the one before (store/chain.py); ``customer_id`` names the
    customer record a customer event changed; ``digest`` seals facts (core/record/seal.py)."""
    from complaintctl.store.chain import insert_events

    insert_events(conn, [(
        complaint_id, at, actor, action, field,
        None if old_value is None else str(old_value),
        None if new_value is None else str(new_value),
        note, customer_id, digest,
    )])


def events_for(conn: Connection, complaint_id: int) -> list[dict]:
    return [
        dict(r)
        for r in conn.execute(
            "SELECT id, at, actor, action, field, old_value, new_value, note FROM events "
            "WHERE complaint_id = ? ORDER BY id",
            (complaint_id,),
        )
    ]


class Change:
    """One field's change: what it was, what it is."""

    __slots__ = ("field", "old", "new")

    def __init__(self, field: str, old: object, new: object):
        self.field = field
        self.old = old
        self.new = new

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Change) and (self.field, self.old, self.new) == (other.field, other.old, other.new)

    def __repr__(self) -> str:
        return f"Change({self.field!r}, {self.old!r}, {self.new!r})"
