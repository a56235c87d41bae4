"""`report diff` for a person: the figures of a kept report that changed since, as they were and
as they are, and the late data about the period recorded since that changed them."""

from __future__ import annotations

from complaintctl.i18n import _, ngettext
from complaintctl.i18n.words import field_value, word
from complaintctl.render.report import figure_text
from complaintctl.render.table import render_table, style, terminal_width
from complaintctl.timetext import to_local_text


def render_diff(found: dict, *, color: bool = False) -> str:
    since, period = found["since"], found["period"]
    changes, why = found["changes"], found["why"]
    head = _("The {report} report of {label} as kept on {when} by {who} (#{id}):", report=found["report"],
             label=period["label"], when=to_local_text(since["made_at"]), who=since["made_by"], id=since["id"])
    lines = [style(head, "bold", color)]
    if not changes:
        lines.append(_("No figure changed since; the figures hash to {hash} as they did.", hash=found["hash_now"]))
        return "\n".join(lines) + "\n"
    lines.append(ngettext("{n} figure changed since.", "{n} figures changed since.", len(changes)))
    lines += ["", render_table([_("Figure"), _("Was"), _("Now")],
                               [[c["figure"], figure_text(c["was"]), figure_text(c["now"])] for c in changes],
                               color=color, right=(1, 2), width=terminal_width())]
    lines.append("")
    if why:
        lines.append(style(_("Why: data about the period recorded since"), "bold", color))
        lines.append(render_table(
            [_("When"), _("Who"), _("Action"), _("Complaint"), _("Field"), _("From"), _("To")],
            [[to_local_text(e["at"]), e["actor"], word("action", e["action"]), f"#{e['complaint_id']}",
              word("field", e["field"]) or "", field_value(e["field"], e["old_value"]) if e["old_value"] else "",
              field_value(e["field"], e["new_value"]) if e["new_value"] else ""] for e in why],
            color=color, width=terminal_width(), flexible=(5, 6)))
    else:
        lines.append(_("No change recorded since explains this: was the database changed outside complaintctl? "
                       "`complaintctl check` says."))
    return "\n".join(lines) + "\n"
