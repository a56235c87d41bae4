"""The human view of one customer: details, merged records, complaints and timeline, in the
reader's language."""

from __future__ import annotations

from complaintctl.i18n import N_, _, joined, ngettext
from complaintctl.i18n.words import label, word
from complaintctl.render.complaint import TIMELINE, timeline_change
from complaintctl.render.event_notes import event_note
from complaintctl.render.table import render_pairs, render_table, style, terminal_width, use_color
from complaintctl.timetext import to_local_text

DETAILS = ((N_("Name"), "name"), (N_("Email"), "email"), (N_("Phone"), "phone"), (N_("Company"), "company"))
COMPLAINTS = (N_("ID"), N_("Received"), N_("Status"), N_("Severity"), N_("Assignee"), N_("Subject"))


def render_customer(data: dict) -> str:
    color = use_color()
    width = terminal_width()
    who = f"#{data['id']}"
    if data.get("merged_from"):
        who = _("#{id}  (#{other} was merged into it)", id=data["id"], other=data["merged_from"])
    pairs: list[tuple[str, object]] = [(_("Customer"), who)]
    pairs += [(_(name), data.get(key) or "-") for name, key in DETAILS]
    pairs.append((_("Since"), to_local_text(data.get("created_at"))))
    pairs.append((_("Complaints"), ngettext("{n} ({open} open)", "{n} ({open} open)", len(data["complaints"]),
                                            open=data["open_complaints"])))
    for alias in data["aliases"]:
        bits = [alias.get(k) for k in ("name", "email", "phone", "company") if alias.get(k)]
        pairs.append((_("Merged record"), f"#{alias['id']} " + joined(bits)))
    out = [render_pairs(pairs, color=color)]
    if data["complaints"]:
        out += ["", style(_("Complaints (open first)"), "bold", color)]
        out.append(render_table(
            [_(h) for h in COMPLAINTS],
            [[f"#{c['id']}", to_local_text(c["received_at"]), label("status", c["status"]),
              label("severity", c["severity"]) or "", c["assignee"] or "", c["subject"]] for c in data["complaints"]],
            width=width, color=color, flexible=[5]))
    out += ["", style(ngettext("Timeline ({n} event)", "Timeline ({n} events)", len(data["events"])), "bold", color)]
    rows = [[to_local_text(e["at"]), e["actor"], word("action", e["action"]), timeline_change(e), event_note(e)]
            for e in data["events"]]
    out.append(render_table([_(h) for h in TIMELINE], rows, width=width, color=color, flexible=[4, 3]))
    return "\n".join(out)
