"""How many rows a query returns: the one rule for every LIMIT the code builds.

A limit of None or 0 is no limit (the CLI's ``--limit 0``); a positive one is ``LIMIT n``; a
negative one is refused, never passed to the engine (SQLite reads ``LIMIT -1`` as no limit,
PostgreSQL refuses it: one meaning on both).
"""

from __future__ import annotations

from complaintctl.errors import InvalidInput
from complaintctl.i18n import _


def checked_limit(limit: int | None) -> int | None:
    """``limit`` as a number of rows (None: every row), or InvalidInput when it is negative."""
    if limit is None or limit == 0:
        return None
    if limit < 0:
        raise InvalidInput(_("a number of rows must be 0 (no limit) or more, not {n}", n=limit))
    return int(limit)


def limit_clause(limit: int | None) -> str:
    """`` LIMIT n`` to end a query with (a leading space), or '' for no limit."""
    rows = checked_limit(limit)
    return "" if rows is None else f" LIMIT {rows}"
