"""Stated team settings compared: each setting and SLA target an event set holds what the last
such event says (`setting_changed` and `notify_changed` name a `settings` key, `sla_changed` a
severity's target). Settings no command has changed since the schema seeded them are stated by
no event and not compared. Reads only; part of `check`'s stated facts (core/trust/facts.py)."""

from __future__ import annotations

from complaintctl.core.sla import clock
from complaintctl.core.trust.disagreements import Disagreement
from complaintctl.store.engine import Connection

# notify_changed events about a list (webhooks, e-mail templates) rather than one settings key
LISTS = ("webhooks", "email_templates")
TARGETS = ("respond_target", "resolve_target")


def settings_disagreements(conn: Connection) -> list[Disagreement]:
    """A disagreement for each setting or SLA target
    that is not what its last event says, settings first (by key), then targets (by severity)."""
    found = []
    stated = conn.execute(
        "SELECT field, max(id), new_value FROM events WHERE complaint_id IS NULL AND customer_id IS NULL "
        f"AND action IN ('setting_changed', 'notify_changed') AND field NOT IN ({', '.join('?' * len(LISTS))}) "
        "GROUP BY field ORDER BY field", LISTS).fetchall()
    held = dict(conn.execute("SELECT key, value FROM settings").fetchall())
    for key, event, value in stated:
        if held.get(key) != value:
            found.append(Disagreement("value", "settings", key, event, held.get(key), value))
    targets = conn.execute(
        "SELECT field, max(id), new_value FROM events WHERE action = 'sla_changed' AND field IS NOT NULL "
        "GROUP BY field ORDER BY field").fetchall()
    for field, event, value in targets:
        code, _, column = field.partition(".")
        if column not in TARGETS or value is None:
            continue
        minutes = column.replace("_target", "_minutes")
        row = conn.execute(f"SELECT {column}, {minutes} FROM severities WHERE code = ?", (code,)).fetchone()
        if row is None:
            continue  # a severity removed is the taxonomy's business: its references are checked
        # the target as typed and its minutes (business_time is one column for both targets: the
        # last one set decides it, so it is not compared with either)
        expected = clock.target_columns(column, value)
        for name, held in zip((column, minutes), row, strict=True):
            if str(held) != str(expected[name]):
                found.append(Disagreement(name, "severities", code, event, held, expected[name]))
                break
    return found
