"""Tab completion of option values (taxonomy codes, agents), read from the database the command
line being completed names. Completion must never print a traceback into the shell, nor create a
database: a failure, or no database yet, completes nothing."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import typer

from complaintctl.cli.common import STATE


def _read(ctx: typer.Context | None, read: Callable[[Any], list]) -> list:
    """``read(conn)`` on a read-only connection to the database named on the command line being
    completed (group callbacks do not run during completion); [] when there is none, or on any error."""
    try:
        from complaintctl.core.trust.database import database_path, open_for_completion

        root = ctx.find_root() if ctx is not None else None
        conn = open_for_completion(database_path((root.params.get("db") if root is not None else None) or STATE.db))
        if conn is None:
            return []
        try:
            return read(conn)
        finally:
            conn.close()
    except Exception:  # noqa: BLE001 - completion must never print a traceback into the shell
        return []


def complete_codes(kind: str):
    """Tab completion of a taxonomy's codes, with their labels as help."""

    def complete(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
        from complaintctl.core.taxonomy.codes import code_labels

        rows = _read(ctx, lambda conn: code_labels(conn, kind))
        return [(code, help_) for code, help_ in rows if code.startswith(incomplete)]

    return complete


def complete_agents(ctx: typer.Context, incomplete: str) -> list[str]:
    """Tab completion of the active agents' names."""
    from complaintctl.core.people.agents import active_agent_names

    return [n for n in _read(ctx, active_agent_names) if n.startswith(incomplete)]
