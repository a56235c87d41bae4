"""The audit trail: one append-only row per change, written in the change's transaction."""

from __future__ import annotations

import sqlite3


def record_event(
    conn: sqlite3.Connection,
    complaint_id: int | None,
    *,
    at: str,
    actor: str,
    action: str,
    field: str | None = None,
    old_value: object = None,
    new_value: object = None,
    note: str | None = None,
) -> None:
    conn.execute(
        "INSERT INTO events (complaint_id, at, actor, action, field, old_value, new_value, note) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (
            complaint_id, at, actor, action, field,
            None if old_value is None else str(old_value),
            None if new_value is None else str(new_value),
            note,
        ),
    )


def events_for(conn: sqlite3.Connection, complaint_id: int) -> list[dict]:
    return [
        dict(r)
        for r in conn.execute(
            "SELECT id, at, actor, action, field, old_value, new_value, note FROM events "
            "WHERE complaint_id = ? ORDER BY id",
            (complaint_id,),
        )
    ]
