"""`check`'s findings for a person: one block per check, the detail wrapped, never cut."""

from __future__ import annotations

from collections.abc import Sequence

from complaintctl.render.table import pad, style, text_width, wrap_wide

RESULT_STYLES = {"ok": "green", "warning": "yellow", "problem": "bold red"}


def render_findings(findings: Sequence, *, color: bool = False, width: int | None = None) -> str:
    """``ok       integrity    SQLite integrity_check: ok``, then the detail's further lines and
    the fix (``-> ...``) indented under the detail, wrapped to ``width`` when it is given; in the
    reader's language (the check's name and result as words, a Message detail said in it)."""
    from complaintctl.i18n import shown
    from complaintctl.i18n.words import word

    rows = [(word("result", f.result), word("check", f.check), str(shown(f.detail)), str(shown(f.fix))) for f in findings]
    result_width = max((text_width(r[0]) for r in rows), default=0)
    name_width = max((text_width(r[1]) for r in rows), default=0)
    indent = result_width + 2 + name_width + 2
    room = max(30, (width or 10_000) - indent)
    lines = []
    for f, (result, name, detail, fix) in zip(findings, rows, strict=True):
        body = wrap_wide(detail, room) or [""]
        if fix:
            body += wrap_wide(f"-> {fix}", room, subsequent_indent="   ")
        head = style(pad(result, result_width), RESULT_STYLES.get(f.result), color) + "  " + pad(name, name_width)
        lines.append(f"{head}  {body[0]}")
        lines.extend(" " * indent + more for more in body[1:])
    return "\n".join(lines)
