"""Agents: the people complaints are assigned to."""

from __future__ import annotations

import re
from datetime import datetime

from complaintctl.core.record.events import record_event
from complaintctl.core.record.lifecycle import OPEN_SQL, OPEN_SQL_C
from complaintctl.core.record.limits import AGENT_NAME_PATTERN
from complaintctl.errors import InvalidInput, NotFound, Refused
from complaintctl.i18n import L_, Message, nL_
from complaintctl.i18n.said import Input, Listed, Step, either
from complaintctl.store.engine import Connection


def register_agent(conn: Connection, name: str, *, full_name: str | None, email: str | None,
                   is_lead: bool, actor: str, now: datetime) -> dict:
    """The use case `agents add`: add an agent, or reactivate an inactive one, in one transaction."""
    from complaintctl.core.record.dates import to_iso
    from complaintctl.store.db import transaction

    with transaction(conn):
        return add_agent(conn, name, full_name=full_name, email=email, is_lead=is_lead, actor=actor, at=to_iso(now))


def add_agent(conn: Connection, name: str, *, full_name: str | None, email: str | None,
              is_lead: bool, actor: str, at: str) -> dict:
    name = name.strip()
    if not name or not re.match(AGENT_NAME_PATTERN, name):
        raise InvalidInput(L_("invalid agent name {name!r}", name=name), hint=L_("one word, e.g. li.wei or alice"))
    row = conn.execute("SELECT active FROM agents WHERE name = ?", (name,)).fetchone()
    if row is not None:
        if row["active"]:
            raise Refused(L_("agent {name!r} already exists", name=name))
        conn.execute("UPDATE agents SET active = 1, full_name = coalesce(?, full_name), "
                     "email = coalesce(?, email) WHERE name = ?", (full_name, email, name))
        record_event(conn, None, at=at, actor=actor, action="agent_reactivated",
                     field="agents.name", new_value=name)
    else:
        conn.execute(
            "INSERT INTO agents (name, full_name, email, is_lead, active, created_at) "
            "VALUES (?, ?, ?, ?, 1, ?)", (name, full_name, email, int(is_lead), at),
        )
        record_event(conn, None, at=at, actor=actor, action="agent_added",
                     field="agents.name", new_value=name, note=full_name)
    return get_agent(conn, name)


def active_agent_names(conn: Connection) -> list[str]:
    return [r[0] for r in conn.execute("SELECT name FROM agents WHERE active = 1 ORDER BY name")]


def get_agent(conn: Connection, name: str) -> dict:
    row = conn.execute("SELECT * FROM agents WHERE name = ?", (name.strip(),)).fetchone()
    if row is None:
        known = active_agent_names(conn)
        hint = L_("active agents: {names}", names=Listed(known)) if known else L_(
            "add one with {step}", step=Step("agents add", L_("NAME")))
        raise NotFound(L_("no agent named {name!r}", name=name), hint=hint)
    return dict(row)


def deactivate_agent(conn: Connection, name: str, *, actor: str, at: str | None = None,
                     reassign_to: str | None = None, unassign: bool = False, keep_assigned: bool = False) -> dict:
    """Deactivate an agent, in one transaction. Their open complaints are handed to
    ``reassign_to``, returned to the queue (``unassign``) or left with them (``keep_assigned``);
    with none of these, an agent who still has open complaints is refused, naming them.
    An inactive agent's leftover open complaints can still be handed over."""
    from complaintctl.core.record.dates import now_utc, to_iso
    from complaintctl.store.db import transaction

    if sum((reassign_to is not None, unassign, keep_assigned)) > 1:
        raise InvalidInput(L_("give one of {inputs}", inputs=either("reassign_to", "unassign", "keep_assigned")))
    at = at or to_iso(now_utc())
    with transaction(conn):
        agent = get_agent(conn, name)
        held = open_complaints_of(conn, agent["name"])
        target = None
        if reassign_to is not None:
            target = get_agent(conn, reassign_to)
            if not target["active"] or target["name"] == agent["name"]:
                raise Refused(L_("cannot hand {name}'s complaints to {target!r}: {why}", name=agent["name"],
                                 target=target["name"], why=L_("the same agent") if target["name"] == agent["name"]
                                 else L_("inactive")), hint=L_("give an active colleague"))
        if not agent["active"] and target is None and not unassign:
            raise Refused(L_("agent {name!r} is already inactive and still has {held}", name=agent["name"],
                             held=_held_text(held)) if held else L_("agent {name!r} is already inactive", name=agent["name"]),
                          hint=L_("hand them over with {step}", step=Step("agents deactivate", agent["name"],
                                                                           reassign_to=L_("NAME"))) if held else None)
        if held and target is None and not unassign and not keep_assigned:
            raise Refused(L_("{name} still has {held}", name=agent["name"], held=_held_text(held)),
                          hint=L_("{reassign_to} AGENT hands them over, {unassign} returns them to the queue, "
                                  "{keep_assigned} leaves them", reassign_to=Input("reassign_to"),
                                  unassign=Input("unassign"), keep_assigned=Input("keep_assigned")))
        if agent["active"]:
            conn.execute("UPDATE agents SET active = 0 WHERE name = ?", (agent["name"],))
            record_event(conn, None, at=at, actor=actor, action="agent_deactivated",
                         field="agents.name", old_value=agent["name"])
        moved = [] if keep_assigned else held
        new = target["name"] if target else None
        for c in moved:
            conn.execute("UPDATE complaints SET assignee = ?, updated_at = ? WHERE id = ?", (new, at, c["id"]))
            record_event(conn, c["id"], at=at, actor=actor, action="assigned" if new else "unassigned",
                         field="assignee", old_value=agent["name"], new_value=new,
                         note=f"{agent['name']} deactivated")
    return {"name": agent["name"], "was_active": bool(agent["active"]), "open": held,
            "moved": [c["id"] for c in moved], "to": new}


def open_complaints_of(conn: Connection, name: str) -> list[dict]:
    """The open complaints assigned to an agent, oldest first."""
    return [dict(r) for r in conn.execute(
        f"SELECT id, status, severity, subject FROM complaints WHERE assignee = ? AND {OPEN_SQL} "
        "ORDER BY received_at, id", (name,))]


def _held_text(held: list[dict], shown: int = 10) -> Message:
    ids = ", ".join(f"#{c['id']}" for c in held[:shown])
    if len(held) > shown:
        ids = L_("{ids} and {n} more", ids=ids, n=len(held) - shown)
    return nL_("{n} open complaint ({ids})", "{n} open complaints ({ids})", len(held), ids=ids)


def list_agents(conn: Connection, include_inactive: bool = False) -> list[dict]:
    where = "" if include_inactive else "WHERE a.active = 1"
    return [
        dict(r)
        for r in conn.execute(
            f"""
            SELECT a.name, a.full_name, a.email, a.is_lead, a.active, coalesce(o.n, 0) AS open_complaints
            FROM agents a LEFT JOIN (
                -- the open complaints, from the partial index that holds only them ('+': not
                -- through the assignee index, which would read every complaint ever assigned)
                SELECT +c.assignee AS assignee, count(*) AS n FROM complaints c WHERE {OPEN_SQL_C} GROUP BY 1
            ) o ON o.assignee = a.name
            {where} ORDER BY a.name
            """
        )
    ]


def agent_of_actor(conn: Connection, actor: str, *, active: bool = True) -> str:
    """The agent the person running the command is (their actor name): what `claim` and
    `--mine` mean by "me". Refused when the actor is no agent, or (``active``) an inactive one."""
    row = conn.execute("SELECT name, active FROM agents WHERE name = ?", (actor.strip(),)).fetchone()
    if row is None:
        raise NotFound(L_("you are {actor!r}, who is not an agent", actor=actor),
                       hint=L_("add yourself with {step}, or say who you are with {option} NAME or COMPLAINTCTL_ACTOR",
                               step=Step("agents add", actor), option=Input("actor")))
    if active and not row["active"]:
        raise Refused(L_("agent {name!r} is inactive", name=row["name"]),
                      hint=L_("reactivate with {step}", step=Step("agents add", row["name"])))
    return row["name"]
