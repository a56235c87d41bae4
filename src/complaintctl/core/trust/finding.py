"""What one of `check`'s checks finds (a ``Finding``: its result, what it saw, what to do about
it) and the wording every check shares: counts, a few ids quoted, several fixes as one."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass

from complaintctl.i18n import L_
from complaintctl.store.engine import Connection

OK, WARNING, PROBLEM = "ok", "warning", "problem"
EXAMPLES = 5  # ids or messages quoted in a finding's detail


@dataclass(frozen=True)
class Finding:
    """One check's finding, as `check` prints it and its JSON keeps it."""

    check: str
    result: str  # ok, warning or problem
    detail: str
    fix: str = ""

    def as_dict(self) -> dict:
        return asdict(self)


def quoted_ids(ids: list) -> str:
    """'#3, #7, ...': the first EXAMPLES of ``ids`` (a name as it is: a setting's key)."""
    return ", ".join(f"#{i}" if isinstance(i, int) else str(i) for i in ids[:EXAMPLES]) + (", ..." if len(ids) > EXAMPLES else "")


def id_list(conn: Connection, sql: str) -> list[int]:
    """The first column of ``sql``'s rows: the ids a check found."""
    return [r[0] for r in conn.execute(sql)]


def one_fix(fixes: Sequence[str]) -> str:
    """Several fixes as one, each said in the reader's language (a str join would say a Message's
    command lines in plain English)."""
    unique = list(dict.fromkeys(fixes))
    if not unique:
        return ""
    fix = unique[0]
    for more in unique[1:]:
        fix = L_("{fix}; {more}", fix=fix, more=more)
    return fix


def in_one(parts: Sequence[str]) -> str:
    """Several findings of one check as one detail, each said in the reader's language."""
    detail = parts[0]
    for more in parts[1:]:
        detail = L_("{fix}; {more}", fix=detail, more=more)
    return detail
