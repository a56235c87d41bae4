"""The human view of one complaint: fields with labels, advice, and the timeline."""

from __future__ import annotations

from complaintctl import i18n
from complaintctl.i18n import zh
from complaintctl.render.table import render_pairs, render_table, style, terminal_width, use_color
from complaintctl.timetext import to_local_text


def _label(data: dict, column: str) -> str:
    code = data.get(column)
    if not code:
        return "-"
    label = (data.get("labels") or {}).get(column)
    if zh():
        return label["zh"] if label else i18n.code(code)
    return f"{code} ({label['en']} / {label['zh']})" if label else code


_ZH_VALUE_WORDS = [("; customer accepted", "；客户已接受"), ("; customer not accepted", "；客户未接受"),
                   ("; customer unknown", "；客户是否接受未知"), (" via ", " 经 "), ("(met on time)", "（按时完成）"),
                   ("(met late)", "（超时完成）"),
                   ("(no first response recorded)", "（没有首次响应记录）"),
                   ("(no resolution time recorded)", "（没有解决时间记录）"), (" complaint(s)]", " 件投诉]"),
                   ("[customer #", "[客户 #"), (" time(s), last ", " 次，最近 "), (" time(s)", " 次"), (" on ", " 于 "),
                   ("; customer ", "；客户"), ("(no name)", "（无名）")]


def _zh_value(label: str, value) -> object:
    """A value the view wrote (not what people typed) in Chinese."""
    if not isinstance(value, str) or label in ("Subject", "Description", "Resolution", "Tags"):
        return value
    if label == "Handling advice":
        return value.split("\n", 1)[-1]
    if label in ("Respond by", "Resolve by") and "(" in value:
        when, _, rest = value.partition("  (")
        state = "(" + rest
        for en, zh_text in _ZH_VALUE_WORDS:
            state = state.replace(en, zh_text)
        if state.startswith("(") and state.endswith(")"):
            state = "（" + i18n.message(state[1:-1]) + "）"
        return f"{when}  {state}"
    if label == "SLA":
        return "无时限：没有严重程度（请分类，或设置 `complaintctl sla default 严重程度`）"
    for en, zh_text in _ZH_VALUE_WORDS:
        value = value.replace(en, zh_text)
    return i18n.WORDS.get(value, value)


CLOCK_LABELS = {"respond": "Respond by", "resolve": "Resolve by"}


def _sla_pairs(data: dict) -> list[tuple[str, object]]:
    """The clocks as core judged them (queries.sla_clocks), then escalations and surveys."""
    out: list[tuple[str, object]] = []
    for clock in data.get("sla_clocks") or []:
        if clock["clock"] == "none":
            out.append(("SLA", clock["state"]))
        else:
            out.append((CLOCK_LABELS[clock["clock"]], f"{to_local_text(clock['due_at'])}  ({clock['state']})"))
    if data.get("escalation_count"):
        out.append(("Escalated", f"{data['escalation_count']} time(s), last {to_local_text(data.get('escalated_at'))}"))
    for s in data.get("surveys") or []:
        comment = f": {s['comment']}" if s["comment"] else ""
        out.append(("Satisfaction", f"{s['score']}/5 on {to_local_text(s['at'])}{comment}"))
    return out


def render_complaint(data: dict) -> str:
    """Every field with its label, the clocks, advice and description, then the timeline."""
    color = use_color()
    pairs = _field_pairs(data)
    if zh():
        pairs = [(i18n.t(label), _zh_value(label, value)) for label, value in pairs]
    return "\n".join([render_pairs(pairs, color=color), "", _timeline(data.get("events") or [], color)])


def _field_pairs(data: dict) -> list[tuple[str, object]]:
    customer = data.get("customer")
    if customer:
        bits = [customer.get("name") or "(no name)"]
        bits += [customer[k] for k in ("email", "phone", "company") if customer.get(k)]
        who = ", ".join(bits) + f"  [customer #{customer['id']}, {customer['complaints']} complaint(s)]"
    else:
        who = "anonymous"
    assignee = data.get("assignee")
    if assignee and data.get("assignee_name"):
        assignee = f"{assignee} ({data['assignee_name']})"
    pairs: list[tuple[str, object]] = [
        ("Complaint", f"#{data['id']}" + (f"  ref {data['ref']}" if data.get("ref") else "")),
        ("Subject", data["subject"]),
        ("Status", _label(data, "status")),
        ("Received", f"{to_local_text(data['received_at'])} via {_label(data, 'channel')}"),
        ("Customer", who),
        ("Asks for", _label(data, "remedy")),
        ("Category", _label(data, "category")),
        ("Severity", _label(data, "severity")),
        ("Cause", _label(data, "cause")),
        ("Personality", _label(data, "personality")),
        ("Motive", _label(data, "motive")),
        ("Tags", ", ".join(data.get("tags") or []) or "-"),
        ("Assignee", assignee or "-"),
        ("First response", to_local_text(data.get("first_response_at")) or "-"),
    ]
    pairs += _sla_pairs(data)
    if data.get("resolved_at"):
        pairs.append(("Resolved", to_local_text(data["resolved_at"])))
    if data.get("closed_at"):
        accepted = {1: "accepted", 0: "not accepted"}.get(data.get("customer_accepted"), "unknown")
        outcome = _label(data, "outcome")
        if data.get("duplicate_of"):
            outcome += f" of #{data['duplicate_of']}"
        pairs += [
            ("Closed", to_local_text(data["closed_at"])),
            ("Outcome", outcome),
            ("Resolution", data.get("resolution") or "-"),
            ("Told via", f"{_label(data, 'told_via')}; customer {accepted}"),
        ]
    if data.get("reopened_count"):
        pairs.append(("Reopened", f"{data['reopened_count']} time(s)"))
    advice = data.get("personality_advice")
    if advice:
        pairs.append(("Handling advice", f"{advice['en']}\n{advice['zh']}"))
    if data.get("description"):
        pairs.append(("Description", data["description"]))
    for other in data.get("similar") or []:
        pairs.append(("Similar", similar_line(other)))
    return pairs


def similar_line(other: dict) -> str:
    """One similar complaint: `#91 洗衣机漏水 (59% same words, received 2026-12-07 10:00; complaintctl show 91)`."""
    return (f"#{other['id']} {other['subject']} ({round(100 * other['similarity'])}% same words, received "
            f"{to_local_text(other['received_at'])}; complaintctl show {other['id']})")


def _timeline(events: list[dict], color: bool) -> str:
    out = [style(f"时间线（{len(events)} 个事件）" if zh() else f"Timeline ({len(events)} events)", "bold", color)]
    rows = []
    for e in events:
        if e["field"] and (e["old_value"] is not None or e["new_value"] is not None):
            change = f"{e['field']}: {e['old_value'] or '-'} -> {e['new_value'] or '-'}"
        else:
            change = e["field"] or ""
        if zh():
            change = i18n._change_text(change) if " -> " in change else i18n.FIELDS.get(change, change)
        rows.append([to_local_text(e["at"]), e["actor"], i18n.code(e["action"]), change, i18n.message(e["note"] or "")])
    out.append(render_table([i18n.t(h) for h in ("When", "Who", "Action", "Change", "Note")], rows,
                            width=terminal_width(), color=color, flexible=[4, 3]))
    return "\n".join(out)
