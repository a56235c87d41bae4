"""The human view of one complaint: fields with labels, advice, and the timeline, in the reader's
language (codes as their labels in Chinese; what people typed as they typed it)."""

from __future__ import annotations

from complaintctl.i18n import N_, _, lang, ngettext
from complaintctl.i18n.words import label, script, word
from complaintctl.render.event_notes import event_note
from complaintctl.render.table import render_pairs, render_table, style, terminal_width, use_color
from complaintctl.timetext import to_local_text


def _label(data: dict, column: str, kind: str | None = None) -> str:
    """A code of the complaint: in English the code with both labels, in Chinese its label."""
    code = data.get(column)
    if not code:
        return "-"
    names = (data.get("labels") or {}).get(column)
    if lang() != "en":
        return script(names["zh"]) if names else (label(kind or column, code) or code)
    return f"{code} ({names['en']} / {names['zh']})" if names else code


def _clock_pair(clock: dict) -> tuple[str, object]:
    from complaintctl.render.clocks import standing_text

    if clock["clock"] == "none":
        return _("SLA"), _("no SLA clock: no severity (classify it, or set `complaintctl sla default SEVERITY`)")
    standing = clock.get("standing")
    if standing == "not_recorded":
        state = _("no first response recorded") if clock["clock"] == "respond" else _("no resolution time recorded")
    else:
        state = standing_text(str(standing), clock.get("minutes"), raw=clock.get("state") or "")
    key = _("Respond by") if clock["clock"] == "respond" else _("Resolve by")
    return key, _("{when}  ({state})", when=to_local_text(clock["due_at"]), state=state)


def _sla_pairs(data: dict) -> list[tuple[str, object]]:
    """The clocks as core judged them (queries.sla_clocks), then escalations and surveys."""
    out = [_clock_pair(clock) for clock in data.get("sla_clocks") or []]
    if data.get("escalation_count"):
        out.append((_("Escalated"), ngettext("{n} time, last {when}", "{n} times, last {when}",
                                             data["escalation_count"], when=to_local_text(data.get("escalated_at")))))
    for s in data.get("surveys") or []:
        said = _("{score}/5 on {when}", score=s["score"], when=to_local_text(s["at"]))
        out.append((_("Satisfaction"), f"{said}: {s['comment']}" if s["comment"] else said))
    return out


def render_complaint(data: dict) -> str:
    """Every field with its label, the clocks, advice and description, then the timeline."""
    color = use_color()
    return "\n".join([render_pairs(_field_pairs(data), color=color), "", _timeline(data.get("events") or [], color)])


def _customer(data: dict) -> str:
    customer = data.get("customer")
    if not customer:
        return _("anonymous")
    bits = [customer.get("name") or _("(no name)")]
    bits += [customer[k] for k in ("email", "phone", "company") if customer.get(k)]
    return _("{who}  [customer #{id}, {complaints}]", who=", ".join(bits), id=customer["id"],
             complaints=ngettext("{n} complaint", "{n} complaints", customer["complaints"]))


def _field_pairs(data: dict) -> list[tuple[str, object]]:
    assignee = data.get("assignee")
    if assignee and data.get("assignee_name"):
        assignee = f"{assignee} ({data['assignee_name']})"
    pairs: list[tuple[str, object]] = [
        (_("Complaint"), f"#{data['id']}" + ("  " + _("ref {ref}", ref=data["ref"]) if data.get("ref") else "")),
        (_("Subject"), data["subject"]),
        (_("Status"), _label(data, "status")),
        (_("Received"), _("{when} via {channel}", when=to_local_text(data["received_at"]),
                          channel=_label(data, "channel"))),
        (_("Customer"), _customer(data)),
        (_("Asks for"), _label(data, "remedy")),
        (_("Category"), _label(data, "category")),
        (_("Severity"), _label(data, "severity")),
        (_("Cause"), _label(data, "cause")),
        (_("Personality"), _label(data, "personality")),
        (_("Motive"), _label(data, "motive")),
        (_("Tags"), ", ".join(data.get("tags") or []) or "-"),
        (_("Assignee"), assignee or "-"),
        (_("First response"), to_local_text(data.get("first_response_at")) or "-"),
    ]
    pairs += _sla_pairs(data)
    if data.get("resolved_at"):
        pairs.append((_("Resolved"), to_local_text(data["resolved_at"])))
    if data.get("closed_at"):
        pairs += _closed_pairs(data)
    if data.get("reopened_count"):
        pairs.append((_("Reopened"), ngettext("{n} time", "{n} times", data["reopened_count"])))
    advice = data.get("personality_advice")
    if advice:
        pairs.append((_("Handling advice"), script(advice["zh"]) if lang() != "en" else f"{advice['en']}\n{advice['zh']}"))
    if data.get("description"):
        pairs.append((_("Description"), data["description"]))
    for other in data.get("similar") or []:
        pairs.append((_("Similar"), similar_line(other)))
    return pairs


def similar_line(other: dict) -> str:
    """One similar complaint: `#91 洗衣机漏水 (59% same words, received 2026-12-07 10:00; complaintctl show 91)`."""
    return _("#{id} {subject} ({pct}% same words, received {when}; complaintctl show {id})", id=other["id"],
             subject=other["subject"], pct=round(100 * other["similarity"]), when=to_local_text(other["received_at"]))


ACCEPTED = {1: N_("customer accepted"), 0: N_("customer did not accept")}


def _closed_pairs(data: dict) -> list[tuple[str, object]]:
    outcome = _label(data, "outcome")
    if data.get("duplicate_of"):
        outcome = _("{outcome} of #{id}", outcome=outcome, id=data["duplicate_of"])
    accepted = ACCEPTED.get(data.get("customer_accepted", -1))
    return [
        (_("Closed"), to_local_text(data["closed_at"])),
        (_("Outcome"), outcome),
        (_("Resolution"), data.get("resolution") or "-"),
        (_("Told via"), _("{channel}; {accepted}", channel=_label(data, "told_via", "channel"),
                          accepted=_(accepted) if accepted else _("customer acceptance unknown"))),
    ]


TIMELINE = (N_("When"), N_("Who"), N_("Action"), N_("Change"), N_("Note"))


def timeline_change(event: dict) -> str:
    """What an event changed: ``status: new -> acknowledged``, or the field it is about."""
    from complaintctl.render.changes import change_text

    if event["field"] and (event["old_value"] is not None or event["new_value"] is not None):
        return change_text(event["field"], event["old_value"], event["new_value"])
    return word("field", event["field"]) or ""


def _timeline(events: list[dict], color: bool) -> str:
    out = [style(ngettext("Timeline ({n} event)", "Timeline ({n} events)", len(events)), "bold", color)]
    rows = [[to_local_text(e["at"]), e["actor"], word("action", e["action"]), timeline_change(e), event_note(e)]
            for e in events]
    out.append(render_table([_(h) for h in TIMELINE], rows, width=terminal_width(), color=color, flexible=[4, 3]))
    return "\n".join(out)

