"""What a person reads for a code, a field name and a length of time, in their language.

Codes stay codes wherever a machine reads them (JSON, NDJSON, CSV, the database); people read
words. Two kinds of code:
- the taxonomy's (status, category, severity, channel, ...): each has an English and a Chinese
  label in the database, which a team may add to; ``label(kind, code)`` shows the label in
  Chinese and the code in English (the code is what an English user types);
- the fixed codes of the tool itself (an event's action, a clock, an outbox state, a check's
  result): ``word(kind, code)`` shows its English phrase, or that phrase's translation.
``duration(minutes)`` says a length of time as people say it: ``2h 15m``, ``95 天 21 小时``.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import overload

from complaintctl.i18n import N_, _, lang

# an event's action (events.action)
ACTIONS = {
    "logged": N_("logged"), "imported": N_("imported"), "assigned": N_("assigned"), "claimed": N_("claimed"),
    "status_changed": N_("status changed"), "classified": N_("classified"), "tagged": N_("tag added"),
    "untagged": N_("tag removed"), "edited": N_("edited"), "note": N_("note"), "replied": N_("reply sent"),
    "reply_recorded": N_("reply recorded"), "escalated": N_("escalated"), "closed": N_("closed"),
    "reopened": N_("reopened"), "surveyed": N_("follow-up"), "removed": N_("removed"),
    "customer_created": N_("customer created"), "customer_edited": N_("customer edited"),
    "customer_merged": N_("customers merged"), "customer_removed": N_("customer removed"),
    "import_undone": N_("import undone"), "agent_added": N_("agent added"),
    "agent_deactivated": N_("agent deactivated"), "agent_reactivated": N_("agent reactivated"),
    "alias_added": N_("alias taught"), "alias_removed": N_("alias forgotten"),
    "taxonomy_added": N_("code added"), "sla_changed": N_("SLA target changed"),
    "setting_changed": N_("setting changed"), "calendar_changed": N_("calendar changed"),
    "calendar_day_removed": N_("calendar day removed"), "calendar_region_loaded": N_("holidays loaded"),
    "notify_changed": N_("notifications changed"), "reply_added": N_("reply template added"),
    "reply_edited": N_("reply template changed"), "reply_removed": N_("reply template removed"),
    "suggest_rule_added": N_("suggestion rule added"), "suggest_rule_removed": N_("suggestion rule removed"),
}

# the fields of a complaint and a customer an event or a change names
FIELDS = {
    "status": N_("status"), "assignee": N_("assignee"), "severity": N_("severity"), "category": N_("category"),
    "cause": N_("cause"), "channel": N_("channel"), "remedy": N_("remedy"), "personality": N_("personality"),
    "motive": N_("motive"), "outcome": N_("outcome"), "tag": N_("tag"), "tags": N_("tags"), "subject": N_("subject"),
    "description": N_("description"), "resolution": N_("resolution"), "received_at": N_("received at"),
    "customer": N_("customer"), "customer_id": N_("customer"), "name": N_("name"), "email": N_("email"),
    "phone": N_("phone"), "company": N_("company"), "score": N_("score"), "note": N_("note"), "ref": N_("ref"),
    "told_via": N_("told via"), "duplicate_of": N_("duplicate of"), "customer_accepted": N_("customer acceptance"),
    "reply": N_("reply"), "merged_into": N_("merged into"), "first_response_at": N_("first response"),
    "resolved_at": N_("resolved at"), "closed_at": N_("closed at"), "escalation_count": N_("escalations"),
    "notes": N_("notes"), "other": N_("other fields"), "received_time": N_("received time of day"),
    "resolved_late": N_("resolved late"), "updated_at": N_("updated at"), "reopened_count": N_("times reopened"),
    # fields only an import reads (`--map HEADER=FIELD`): lengths of time, surveys, a reopen's time
    "first_response_after": N_("time to first response"), "first_response_minutes": N_("minutes to first response"),
    "first_response_hours": N_("hours to first response"), "first_response_days": N_("days to first response"),
    "resolved_after": N_("time to resolution"), "resolved_minutes": N_("minutes to resolution"),
    "resolved_hours": N_("hours to resolution"), "resolved_days": N_("days to resolution"),
    "satisfaction": N_("satisfaction score"), "satisfaction_at": N_("surveyed at"), "reopened_at": N_("reopened at"),
}

# the SLA's two clocks, and where one stands
CLOCKS = {"respond": N_("first response"), "resolve": N_("resolution"), "none": N_("no SLA clock")}
CLOCK_STATES = {"overdue": N_("overdue"), "due_soon": N_("due soon"), "on_time": N_("on time"),
                "paused": N_("paused"), "no_target": N_("no SLA clock")}

# the outbox: what a message is for, and where it stands
TRIGGERS = {"ack": N_("acknowledgement e-mail"), "decision": N_("decision e-mail"), "test": N_("test message"),
            "critical": N_("critical-complaint message"), "escalated": N_("escalation message"),
            "overdue": N_("overdue message"), "reply": N_("reply")}
OUTBOX_STATES = {"pending": N_("pending"), "sending": N_("sending"), "sent": N_("sent"), "failed": N_("failed")}
# what an outbox message goes by
OUTBOX_CHANNELS = {"email": N_("e-mail"), "webhook": N_("webhook")}

# `check`: what each check looks at, and its result
CHECKS = {"integrity": N_("integrity"), "schema version": N_("schema version"), "schema objects": N_("schema objects"),
          "deferred indexes": N_("deferred indexes"), "references": N_("references"), "audit trail": N_("audit trail"),
          "stated facts": N_("stated facts"), "timestamps": N_("timestamps"), "lifecycle": N_("lifecycle"),
          "file permissions": N_("file permissions"), "holiday calendar": N_("holiday calendar"), "SLA clocks": N_("SLA clocks")}
RESULTS = {"ok": N_("ok"), "warning": N_("warning"), "problem": N_("problem")}

# the business calendar: a special day's kind, and where a year's holidays come from
DAY_KINDS = {"holiday": N_("holiday"), "workday": N_("make-up working day")}
YEAR_BASES = {"published": N_("published"), "rules": N_("by fixed rules"), "estimated": N_("estimated")}

# what a chat webhook is, and what it is told about
CHAT_KINDS = {"wecom": N_("WeCom"), "dingtalk": N_("DingTalk"), "feishu": N_("Feishu"), "slack": N_("Slack"),
              "json": N_("JSON receiver")}
WEBHOOK_EVENTS = {"critical": N_("critical complaints"), "escalated": N_("escalated complaints"),
                  "overdue": N_("overdue complaints")}
# an e-mail template: which e-mail it is
EMAIL_EVENTS = {"ack": N_("acknowledgement e-mail"), "decision": N_("decision e-mail")}
# a language a reply, a template or a webhook is written in
LANGUAGES = {"zh": N_("Chinese"), "en": N_("English")}

WORDS: dict[str, dict[str, str]] = {
    "action": ACTIONS, "field": FIELDS, "clock": CLOCKS, "clock_state": CLOCK_STATES, "trigger": TRIGGERS,
    "outbox_state": OUTBOX_STATES, "outbox_channel": OUTBOX_CHANNELS, "check": CHECKS, "result": RESULTS, "day_kind": DAY_KINDS,
    "year_basis": YEAR_BASES, "language": LANGUAGES, "chat": CHAT_KINDS, "webhook_event": WEBHOOK_EVENTS,
    "email_event": EMAIL_EVENTS,
}


@overload
def word(kind: str, code: str) -> str: ...


@overload
def word(kind: str, code: None) -> None: ...


@overload
def word(kind: str, code: str | None) -> str | None: ...


def word(kind: str, code: str | None) -> str | None:
    """The fixed code ``code`` of ``kind`` (WORDS) as people read it; an unknown code as it is."""
    if code is None:
        return None
    phrase = WORDS[kind].get(code)
    return _(phrase) if phrase is not None else code


# --- the taxonomy's labels ----------------------------------------------------------------------

# the kinds of the taxonomy, and the columns and fields that hold one of their codes
TAXONOMY_KINDS = ("category", "severity", "cause", "channel", "remedy", "personality", "motive", "status", "outcome")
KIND_OF_FIELD = {**{k: k for k in TAXONOMY_KINDS}, "told_via": "channel"}

def use_labels(loader: Callable[[], dict[tuple[str, str], str]] | None) -> None:
    """Where this run's taxonomy labels come from: ``loader()`` gives {(kind, code): Chinese
    label} from the database in use (a team's own codes have labels too); asked once, and only
    when a label is shown in Chinese. None: the seeded labels alone (a run with no database).
    Kept on the run (complaintctl/context.py), so it ends with it."""
    from complaintctl.context import current

    run = current()
    run.labels_loader, run.labels = loader, None


def _seeded() -> dict[tuple[str, str], str]:
    from complaintctl import seed

    table = {}
    for name, rows in (("category", seed.CATEGORIES), ("severity", seed.SEVERITIES), ("cause", seed.CAUSES),
                       ("channel", seed.CHANNELS), ("remedy", seed.REMEDIES), ("personality", seed.PERSONALITIES),
                       ("motive", seed.MOTIVES), ("status", seed.STATUSES), ("outcome", seed.OUTCOMES)):
        table.update({(name, row[0]): row[2] for row in rows})
    return table


@overload
def label(kind: str, code: str) -> str: ...


@overload
def label(kind: str, code: None) -> None: ...


@overload
def label(kind: str, code: str | None) -> str | None: ...


def label(kind: str, code: str | None) -> str | None:
    """A taxonomy code as people read it: its Chinese label in Chinese (Traditional characters
    in zh-Hant), the code itself in English. An unknown code is shown as it is."""
    if not code or lang() == "en":
        return code
    from complaintctl.context import current

    run = current()
    if run.labels is None:
        run.labels = _seeded()
        if run.labels_loader is not None:
            with contextlib.suppress(Exception):  # a label is never worth a failed command: the seeded ones remain
                run.labels.update(run.labels_loader())
    text = run.labels.get((kind, code))
    return code if text is None else script(text)


def script(text: str) -> str:
    """A Chinese label from the database (written in Simplified characters) in the script of
    the language in force: zh-Hant reads it through its catalogue's table of labels."""
    from complaintctl.i18n import _active

    catalogue = _active()
    return getattr(catalogue, "LABELS", {}).get(text, text) if catalogue is not None else text


def field_value(field: str, value: object) -> object:
    """A value of ``field`` as people read it: a code as its label, nothing as '-'."""
    if value is None or value == "":
        return "-"
    kind = KIND_OF_FIELD.get(field)
    return label(kind, str(value)) if kind else value


# --- lengths of time ---------------------------------------------------------------------------

def duration(minutes: float, *, rounded: bool = False) -> str:
    """A length of time as people say it: ``45m``, ``2h 15m``, ``3d 4h`` (``45 分钟``, ``2 小时 15 分钟``,
    ``3 天 4 小时``). ``rounded``: a figure in a report, where ``12h`` says more than ``12h 5m``
    (minutes dropped from 10 hours, hours from 10 days)."""
    from complaintctl.numbers import round_half_up

    total = int(round_half_up(abs(minutes)))
    if total < 60:
        return _("{m}m", m=total)
    if total < 24 * 60:
        hours, mins = divmod(total, 60)
        if rounded and hours >= 10:
            return _("{h}h", h=int(round_half_up(total / 60)))
        return _("{h}h {m}m", h=hours, m=mins) if mins else _("{h}h", h=hours)
    whole_hours = int(round_half_up(total / 60)) if rounded else total // 60
    days, hours = divmod(whole_hours, 24)
    if rounded and days >= 10:
        return _("{d}d", d=int(round_half_up(total / 1440)))
    return _("{d}d {h}h", d=days, h=hours) if hours else _("{d}d", d=days)


def target(text: str | None) -> str | None:
    """An SLA target or a window as typed (``4h``, ``90m``, ``1bd``: units m h d w, business bm bh
    bd) in words: as written in English (what people type), ``4 小时``, ``1 个工作日`` in Chinese."""
    import re

    found = re.fullmatch(r"(\d+(?:\.\d+)?)(m|h|d|w|bm|bh|bd)", text or "")
    if found is None or lang() == "en":
        return text
    n, unit = found.groups()
    said = {"m": N_("{m}m"), "h": N_("{h}h"), "d": N_("{d}d"), "w": N_("{n}w"), "bm": N_("{n}bm"),
            "bh": N_("{n}bh"), "bd": N_("{n}bd")}[unit]
    return _(said, **{{"m": "m", "h": "h", "d": "d"}.get(unit, "n"): n})
