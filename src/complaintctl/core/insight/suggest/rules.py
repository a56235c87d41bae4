"""Rules a team writes (`suggest rule add category billing_error '扣费|charged twice'`): a pattern
that, found in a complaint's text, suggests a code. A rule wins over the model, and says so."""

from __future__ import annotations

import re
from datetime import datetime

from complaintctl.core.insight.suggest.training import check_fields
from complaintctl.core.record.dates import to_iso
from complaintctl.core.record.events import record_event
from complaintctl.core.taxonomy.codes import validate_code
from complaintctl.errors import InvalidInput, NotFound
from complaintctl.i18n import L_
from complaintctl.i18n.said import Step
from complaintctl.store.db import transaction
from complaintctl.store.engine import Connection

MAX_PATTERN = 500


def compile_pattern(pattern: str) -> re.Pattern:
    """A rule's pattern: a regular expression, matched ignoring case, on the subject and description."""
    if not pattern or not pattern.strip() or len(pattern) > MAX_PATTERN:
        raise InvalidInput(f"a rule's pattern must be 1-{MAX_PATTERN} characters")
    try:
        compiled = re.compile(pattern, re.IGNORECASE)
    except re.error as exc:
        raise InvalidInput(f"pattern {pattern!r} is not a regular expression: {exc}",
                           hint="alternatives with |, e.g. '扣费|charged twice'") from None
    if compiled.search(""):
        raise InvalidInput(f"pattern {pattern!r} matches any text", hint="give words it must find")
    return compiled


def add_rule(conn: Connection, field: str, code: str, pattern: str, *, actor: str, now: datetime) -> dict:
    """Add a rule; the team's taxonomy must know ``code``. Written with its event."""
    (field,) = check_fields([field])
    compile_pattern(pattern)
    at = to_iso(now)
    with transaction(conn):
        code = validate_code(conn, field, code) or code
        clash = conn.execute("SELECT id FROM suggest_rules WHERE field = ? AND code = ? AND pattern = ?",
                             (field, code, pattern)).fetchone()
        if clash:
            raise InvalidInput(f"that rule is already rule #{clash[0]}")
        rule_id = conn.execute(
            "INSERT INTO suggest_rules (field, code, pattern, created_at, created_by) VALUES (?, ?, ?, ?, ?)",
            (field, code, pattern, at, actor)).lastrowid
        record_event(conn, None, at=at, actor=actor, action="suggest_rule_added", field=field, new_value=code,
                     note=f"rule #{rule_id}: {pattern}")
    return {"id": rule_id, "field": field, "code": code, "pattern": pattern}


def remove_rule(conn: Connection, rule_id: int, *, actor: str, now: datetime) -> dict:
    with transaction(conn):
        row = conn.execute("SELECT * FROM suggest_rules WHERE id = ?", (rule_id,)).fetchone()
        if row is None:
            raise NotFound(L_("no rule #{id}", id=rule_id), hint=L_("see {step}", step=Step("suggest rule list")))
        conn.execute("DELETE FROM suggest_rules WHERE id = ?", (rule_id,))
        record_event(conn, None, at=to_iso(now), actor=actor, action="suggest_rule_removed", field=row["field"],
                     old_value=row["code"], note=f"rule #{rule_id}: {row['pattern']}")
    return dict(row)


def list_rules(conn: Connection) -> list[dict]:
    return [dict(r) for r in conn.execute(
        "SELECT id, field, code, pattern, created_at, created_by FROM suggest_rules ORDER BY field, id")]


def matching_rule(rules: list[dict], field: str, text: str) -> dict | None:
    """The first rule of ``field`` (lowest id) whose pattern is in ``text``, with what it found."""
    for rule in rules:
        if rule["field"] != field:
            continue
        found = compile_pattern(rule["pattern"]).search(text)
        if found:
            return {**rule, "found": found.group(0)}
    return None
