"""What `notify` is told: the switch, the mail server, which e-mails customers get, their
templates, and the team's webhooks. Every change is an event (`notify_changed`), without secrets."""

from __future__ import annotations

import re
from datetime import datetime

from complaintctl.core.notify.shapes import DEFAULT_LANG, KINDS
from complaintctl.core.record.dates import now_utc, to_iso
from complaintctl.core.record.events import record_event
from complaintctl.errors import InvalidInput, NotFound, Refused
from complaintctl.i18n import L_, N_
from complaintctl.i18n.said import Step
from complaintctl.store.db import transaction
from complaintctl.store.engine import Connection

SWITCHES = {"enabled": "notify_enabled", "ack": "notify_email_ack", "decision": "notify_email_decision"}
SWITCH_NAMES = {"enabled": N_("notifications"), "ack": N_("acknowledgement e-mail"), "decision": N_("decision e-mail")}
SMTP = ("host", "port", "security", "user", "password_env", "sender")
SECURITY = ("starttls", "ssl", "none")
WEBHOOK_EVENTS = ("critical", "escalated", "overdue")
_NAME = re.compile(r"^[a-z0-9][a-z0-9_.-]*$")
_ENV = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def settings(conn: Connection) -> dict:
    """{'enabled': bool, 'ack': bool, 'decision': bool, 'smtp': {host, port, ...}} as stored."""
    stored = dict(conn.execute("SELECT key, value FROM settings WHERE key LIKE 'notify\\_%' ESCAPE '\\'"))
    out: dict = {name: stored.get(key) == "1" for name, key in SWITCHES.items()}
    out["smtp"] = {name: stored.get(f"notify_smtp_{name}") for name in SMTP}
    out["deadline_seconds"] = int(stored[DEADLINE_KEY]) if str(stored.get(DEADLINE_KEY, "")).isdigit() \
        else DEADLINE_DEFAULT
    return out


DEADLINE_KEY = "notify_deadline_seconds"
DEADLINE_DEFAULT = 5  # seconds a command spends on sending after its change; the rest waits for `notify retry`
DEADLINE_RANGE = (1, 60)


def deadline_seconds(conn: Connection) -> int:
    """How long a command may spend sending what it queued (and one message's send at most)."""
    row = conn.execute("SELECT value FROM settings WHERE key = ?", (DEADLINE_KEY,)).fetchone()
    return int(row[0]) if row and str(row[0]).isdigit() else DEADLINE_DEFAULT


def set_deadline(conn: Connection, seconds: int, *, actor: str, now: datetime | None = None) -> bool:
    """The time a command spends on sending (``seconds``, 1 to 60); returns whether it changed."""
    low, high = DEADLINE_RANGE
    if not low <= seconds <= high:
        raise InvalidInput(L_("a deadline of {seconds} s is not possible: from {low} to {high} seconds", seconds=seconds,
                              low=low, high=high),
                           hint=L_("a few seconds: what is not sent by then waits for {step}", step=Step("notify retry")))
    with transaction(conn):
        return _put(conn, DEADLINE_KEY, str(seconds), at=to_iso(now or now_utc()), actor=actor)


def _put(conn: Connection, key: str, value: str | None, *, at: str, actor: str) -> bool:
    old = conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
    old = old[0] if old else None
    if old == value:
        return False
    if value is None:
        conn.execute("DELETE FROM settings WHERE key = ?", (key,))
    else:
        conn.execute("INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = "
                     "excluded.value", (key, value))
    record_event(conn, None, at=at, actor=actor, action="notify_changed", field=key, old_value=old, new_value=value)
    return True


def set_switches(conn: Connection, switches: dict[str, bool | None], *, actor: str,
                 now: datetime | None = None) -> list:
    """Turn notifications (``enabled``), the acknowledgement e-mail (``ack``) and the decision
    e-mail (``decision``) on or off; returns what changed (Messages: said in the reader's language)."""
    at = to_iso(now or now_utc())
    changed = []
    with transaction(conn):
        for name, value in switches.items():
            if value is not None and _put(conn, SWITCHES[name], "1" if value else "0", at=at, actor=actor):
                changed.append(L_("{what} on", what=L_(SWITCH_NAMES[name])) if value
                               else L_("{what} off", what=L_(SWITCH_NAMES[name])))
    return changed


def set_smtp(conn: Connection, *, actor: str, now: datetime | None = None, **values: str | int | None) -> list[str]:
    """The mail server: host, port, security (starttls, ssl, none), user, password_env (the name of
    the environment variable that holds the password: it is read when sending, never stored),
    sender (the From address). '' clears a value."""
    at = to_iso(now or now_utc())
    checked: dict[str, str | None] = {k: (None if v == "" else str(v).strip()) for k, v in values.items() if v is not None}
    port, password_env, sender = checked.get("port"), checked.get("password_env"), checked.get("sender")
    if checked.get("security") and checked["security"] not in SECURITY:
        raise InvalidInput(f"unknown security {checked['security']!r}", hint="starttls, ssl or none")
    if port and not (port.isdigit() and 0 < int(port) < 65536):
        raise InvalidInput(f"invalid port {checked['port']!r}", hint="e.g. 587 (starttls), 465 (ssl) or 25")
    if password_env and not _ENV.match(password_env):
        raise InvalidInput(f"invalid environment variable name {checked['password_env']!r}",
                           hint="the NAME of the variable that holds the password, e.g. SMTP_PASSWORD")
    if checked.get("sender"):
        from email.utils import parseaddr

        if "@" not in parseaddr(sender or "")[1]:
            raise InvalidInput(f"invalid sender {checked['sender']!r}", hint='e.g. "客服中心 <support@example.cn>"')
    with transaction(conn):
        return [name for name, value in checked.items()
                if _put(conn, f"notify_smtp_{name}", value, at=at, actor=actor)]


def _redacted(url: str) -> str:
    """A webhook's URL for the audit trail: its tokens (query, long path parts) left out."""
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    path = "/".join(p if len(p) < 20 else "…" for p in parts.path.split("/"))
    return f"{parts.scheme}://{parts.netloc}{path}" + ("?…" if parts.query else "")


def add_webhook(conn: Connection, name: str, *, kind: str, url: str, events: list[str], lang: str | None,
                secret: str | None, actor: str, now: datetime | None = None) -> dict:
    """A chat webhook for some of critical, escalated and overdue; its language defaults to the chat's."""
    name = name.strip().lower()
    if not _NAME.match(name):
        raise InvalidInput(L_("invalid webhook name {name!r}", name=name), hint=L_("one word, e.g. team-wecom"))
    kind = kind.strip().lower()
    if kind not in KINDS:
        raise InvalidInput(f"unknown webhook kind {kind!r}", hint="one of: " + ", ".join(KINDS))
    url = url.strip()
    if not url.startswith(("https://", "http://")):
        raise InvalidInput(f"invalid webhook URL {url!r}", hint="the https://... address the chat gave you")
    wanted = [e.strip().lower() for part in events for e in part.split(",") if e.strip()] or list(WEBHOOK_EVENTS)
    unknown = [e for e in wanted if e not in WEBHOOK_EVENTS]
    if unknown:
        raise InvalidInput(f"unknown event {unknown[0]!r}", hint="critical, escalated, overdue")
    lang = (lang or DEFAULT_LANG[kind]).strip().lower()
    if lang not in ("zh", "en"):
        raise InvalidInput(f"unknown language {lang!r}", hint="zh or en")
    at = to_iso(now or now_utc())
    with transaction(conn):
        if conn.execute("SELECT 1 FROM webhooks WHERE name = ?", (name,)).fetchone():
            raise Refused(L_("webhook {name!r} already exists", name=name),
                          hint=L_("remove it first: {step}", step=Step("notify webhook rm", name)))
        conn.execute("INSERT INTO webhooks (name, kind, url, events, lang, secret, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                     (name, kind, url, ",".join(dict.fromkeys(wanted)), lang, secret or None, at))
        record_event(conn, None, at=at, actor=actor, action="notify_changed", field="webhooks", new_value=name,
                     note=f"{kind} {_redacted(url)} for {', '.join(dict.fromkeys(wanted))} in {lang}")
    return {"name": name, "kind": kind, "events": list(dict.fromkeys(wanted)), "lang": lang}


def remove_webhook(conn: Connection, name: str, *, actor: str, now: datetime | None = None) -> None:
    with transaction(conn):
        row = conn.execute("SELECT * FROM webhooks WHERE name = ?", (name.strip().lower(),)).fetchone()
        if row is None:
            raise NotFound(L_("no webhook named {name!r}", name=name), hint=L_("see {step}", step=Step("notify show")))
        conn.execute("DELETE FROM webhooks WHERE name = ?", (row["name"],))
        record_event(conn, None, at=to_iso(now or now_utc()), actor=actor, action="notify_changed", field="webhooks",
                     old_value=row["name"], note=f"{row['kind']} {_redacted(row['url'])}")


def webhooks(conn: Connection, event: str | None = None) -> list[dict]:
    """The webhooks (those listening for ``event``), without their secrets."""
    rows = [dict(r) for r in conn.execute("SELECT * FROM webhooks WHERE active = 1 ORDER BY name")]
    for r in rows:
        r["signed"] = bool(r.pop("secret"))
    return [r for r in rows if event is None or event in r["events"].split(",")]
