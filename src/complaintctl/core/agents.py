"""Agents: the people complaints are assigned to."""

from __future__ import annotations

import re
import sqlite3

from complaintctl.core.events import record_event
from complaintctl.errors import InvalidInput, NotFound, Refused

_AGENT_NAME = r"^[^\s,]+$"


def add_agent(conn: sqlite3.Connection, name: str, *, full_name: str | None, email: str | None,
              is_lead: bool, actor: str, at: str) -> dict:
    name = name.strip()
    if not name or not re.match(_AGENT_NAME, name):
        raise InvalidInput(f"invalid agent name {name!r}", hint="one word, e.g. li.wei or alice")
    row = conn.execute("SELECT active FROM agents WHERE name = ?", (name,)).fetchone()
    if row is not None:
        if row["active"]:
            raise Refused(f"agent {name!r} already exists")
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


def get_agent(conn: sqlite3.Connection, name: str) -> dict:
    row = conn.execute("SELECT * FROM agents WHERE name = ?", (name.strip(),)).fetchone()
    if row is None:
        known = [r[0] for r in conn.execute("SELECT name FROM agents WHERE active = 1 ORDER BY name")]
        hint = ("active agents: " + ", ".join(known)) if known else (
            "add one with `complaintctl agents add NAME`")
        raise NotFound(f"no agent named {name!r}", hint=hint)
    return dict(row)


def deactivate_agent(conn: sqlite3.Connection, name: str, *, actor: str, at: str) -> dict:
    agent = get_agent(conn, name)
    if not agent["active"]:
        raise Refused(f"agent {name!r} is already inactive")
    conn.execute("UPDATE agents SET active = 0 WHERE name = ?", (agent["name"],))
    record_event(conn, None, at=at, actor=actor, action="agent_deactivated",
                 field="agents.name", old_value=agent["name"])
    return get_agent(conn, name)


def list_agents(conn: sqlite3.Connection, include_inactive: bool = False) -> list[dict]:
    where = "" if include_inactive else "WHERE a.active = 1"
    return [
        dict(r)
        for r in conn.execute(
            f"""
            SELECT a.name, a.full_name, a.email, a.is_lead, a.active,
                   (SELECT count(*) FROM complaints c WHERE c.assignee = a.name
                      AND c.status NOT IN ('resolved', 'closed')) AS open_complaints
            FROM agents a {where} ORDER BY a.name
            """
        )
    ]


def agent_of_actor(conn: sqlite3.Connection, actor: str, *, active: bool = True) -> str:
    """The agent the person running the command is (their actor name): what `claim` and
    `--mine` mean by "me". Refused when the actor is no agent, or (``active``) an inactive one."""
    row = conn.execute("SELECT name, active FROM agents WHERE name = ?", (actor.strip(),)).fetchone()
    if row is None:
        raise NotFound(f"you are {actor!r}, who is not an agent",
                       hint=f"add yourself with `complaintctl agents add {actor}`, or say who you are "
                       "with --actor NAME or COMPLAINTCTL_ACTOR")
    if active and not row["active"]:
        raise Refused(f"agent {row['name']!r} is inactive",
                      hint=f"reactivate with `complaintctl agents add {row['name']}`")
    return row["name"]
