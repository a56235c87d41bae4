"""The human view of one customer: details, merged records, complaints and timeline."""

from __future__ import annotations

from complaintctl.render.table import render_pairs, render_table, style, terminal_width, use_color
from complaintctl.timetext import to_local_text


def render_customer(data: dict) -> str:
    color = use_color()
    width = terminal_width()
    pairs: list[tuple[str, object]] = [("Customer", f"#{data['id']}")]
    if data.get("merged_from"):
        pairs[0] = ("Customer", f"#{data['id']}  (#{data['merged_from']} was merged into it)")
    pairs += [(label, data.get(key) or "-") for label, key in
              (("Name", "name"), ("Email", "email"), ("Phone", "phone"), ("Company", "company"))]
    pairs.append(("Since", to_local_text(data.get("created_at"))))
    pairs.append(("Complaints", f"{len(data['complaints'])} ({data['open_complaints']} open)"))
    for alias in data["aliases"]:
        bits = [alias.get(k) for k in ("name", "email", "phone", "company") if alias.get(k)]
        pairs.append(("Merged record", f"#{alias['id']} " + ", ".join(bits)))
    out = [render_pairs(pairs, color=color)]
    if data["complaints"]:
        out += ["", style("Complaints (open first)", "bold", color)]
        out.append(render_table(
            ["ID", "Received", "Status", "Severity", "Assignee", "Subject"],
            [[f"#{c['id']}", to_local_text(c["received_at"]), c["status"], c["severity"] or "", c["assignee"] or "",
              c["subject"]] for c in data["complaints"]],
            width=width, color=color, flexible=[5]))
    out += ["", style(f"Timeline ({len(data['events'])} events)", "bold", color)]
    rows = []
    for e in data["events"]:
        change = f"{e['field'] or ''}: {e['old_value'] or '-'} -> {e['new_value'] or '-'}" if e["field"] else ""
        rows.append([to_local_text(e["at"]), e["actor"], e["action"], change, e["note"] or ""])
    out.append(render_table(["When", "Who", "Action", "Change", "Note"], rows, width=width, color=color,
                            flexible=[4, 3]))
    return "\n".join(out)
