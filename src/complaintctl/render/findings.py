"""`check`'s findings for a person: one block per check, the detail wrapped, never cut."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

from complaintctl.render.table import pad, style

RESULT_STYLES = {"ok": "green", "warning": "yellow", "problem": "bold red"}


def render_findings(findings: Sequence, *, color: bool = False, width: int | None = None) -> str:
    """``ok       integrity    SQLite integrity_check: ok``, then the detail's further lines and
    the fix (``-> ...``) indented under the detail, wrapped to ``width`` when it is given."""
    name_width = max((len(f.check) for f in findings), default=0)
    indent = 7 + 2 + name_width + 2
    room = max(30, (width or 10_000) - indent)
    lines = []
    for f in findings:
        body = textwrap.wrap(f.detail, room) or [""]
        if f.fix:
            body += textwrap.wrap(f"-> {f.fix}", room, subsequent_indent="   ")
        head = style(pad(f.result, 7), RESULT_STYLES.get(f.result), color) + "  " + pad(f.check, name_width)
        lines.append(f"{head}  {body[0]}")
        lines.extend(" " * indent + more for more in body[1:])
    return "\n".join(lines)
