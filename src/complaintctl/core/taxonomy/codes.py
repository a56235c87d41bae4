"""The code lists a complaint is classified with, and their validation."""

from __future__ import annotations

import re
from datetime import datetime

from complaintctl.core.record.dates import to_iso
from complaintctl.core.record.events import record_event
from complaintctl.core.sla.clock import target_columns
from complaintctl.core.taxonomy.kinds import KINDS, kind_named
from complaintctl.core.taxonomy.labels import LabelResolver
from complaintctl.errors import InvalidInput, Refused
from complaintctl.i18n import L_
from complaintctl.i18n.said import Code, Input, Step
from complaintctl.store.db import transaction
from complaintctl.store.engine import Connection

CODE_RE = r"^[a-z][a-z0-9_]*$"


def codes(conn: Connection, kind: str, active_only: bool = True) -> list[str]:
    table = KINDS[kind].table
    where = " WHERE active = 1" if active_only else ""
    return [r[0] for r in conn.execute(f"SELECT code FROM {table}{where} ORDER BY position, code")]


def code_labels(conn: Connection, kind: str) -> list[tuple[str, str]]:
    """The active codes of ``kind`` with "English / Chinese" labels, in the taxonomy's order."""
    return [tuple(r) for r in conn.execute(f"SELECT code, label_en || ' / ' || label_zh FROM {KINDS[kind].table} "
                                           "WHERE active = 1 ORDER BY position")]


def chinese_labels(conn: Connection) -> dict[tuple[str, str], str]:
    """{(kind, code): Chinese label} of every code of every kind, the team's own too: what a
    Chinese screen shows for a code."""
    return {(k.name, r[0]): r[1] for k in KINDS.values()
            for r in conn.execute(f"SELECT code, label_zh FROM {k.table}") if r[1]}


def validate_code(conn: Connection, kind: str, value: str | None) -> str | None:
    """The code a typed value names: the code, its English or Chinese label, an alias the team
    taught or a built-in one, read as import reads them (core/taxonomy/labels.py); unknown ones are refused
    with the valid codes."""
    if value is None:
        return None
    text = str(value).strip()
    if text == "":
        return None
    resolver = LabelResolver(conn)
    code = resolver.code(kind, text)
    if code is None:
        valid = ", ".join(resolver.valid(kind))
        raise InvalidInput(L_("unknown {kind} {value!r}", kind=Code("field", kind), value=value),
                           hint=L_("valid: {codes} (or their labels; {step} teaches a new label)", codes=valid,
                                   step=Step("taxonomy alias", kind, L_("LABEL"), L_("CODE"))))
    return code


def list_codes(conn: Connection, kind: str | None = None) -> list[dict]:
    kinds = [kind_named(kind)] if kind else list(KINDS.values())
    rows: list[dict] = []
    for k in kinds:
        for r in conn.execute(f"SELECT * FROM {k.table} ORDER BY position, code"):
            d = dict(r)
            row = {"kind": k.name, "code": d.pop("code"), "label_en": d.pop("label_en"),
                   "label_zh": d.pop("label_zh"), "active": d.pop("active")}
            d.pop("position", None)
            row.update(d)
            rows.append(row)
    return rows


def define_code(conn: Connection, kind: str, code: str, label_en: str, label_zh: str, *, actor: str,
                now: datetime, advice_en: str | None = None, advice_zh: str | None = None,
                respond: str | None = None, resolve: str | None = None) -> dict:
    """The use case `taxonomy add`, in one transaction: a personality code takes handling advice,
    a severity its two SLA targets (minutes derived from them, as `sla set` does)."""
    k = kind_named(kind)
    extra: dict = {}
    if k.name == "personality":
        extra = {"advice_en": advice_en or "", "advice_zh": advice_zh or ""}
    elif advice_en or advice_zh:
        raise InvalidInput(L_("{advice_en}/{advice_zh} go with personality codes", advice_en=Input("advice_en"),
                              advice_zh=Input("advice_zh")))
    if k.name == "severity":
        if not respond or not resolve:
            raise InvalidInput(L_("a severity needs {respond} and {resolve} targets", respond=Input("respond"),
                                  resolve=Input("resolve")),
                               hint=L_("e.g. {respond} 4h {resolve} 3d", respond=Input("respond"), resolve=Input("resolve")))
        respond_cols, resolve_cols = target_columns("respond_target", respond), target_columns("resolve_target", resolve)
        extra = {**respond_cols, **resolve_cols,
                 "business_time": max(respond_cols["business_time"], resolve_cols["business_time"])}
    elif respond or resolve:
        raise InvalidInput(L_("{respond}/{resolve} go with severity codes", respond=Input("respond"), resolve=Input("resolve")))
    with transaction(conn):
        if k.name == "severity":
            extra["rank"] = conn.execute("SELECT coalesce(max(rank), 0) + 1 FROM severities").fetchone()[0]
        return {"kind": k.name, **add_code(conn, k.name, code, label_en, label_zh, actor=actor, at=to_iso(now),
                                           extra=extra)}


def add_code(
    conn: Connection,
    kind: str,
    code: str,
    label_en: str,
    label_zh: str,
    *,
    actor: str,
    at: str,
    extra: dict | None = None,
) -> dict:
    """Add a code to an extendable taxonomy, with its audit event. Caller holds the transaction."""
    k = kind_named(kind)
    if not k.extendable:
        raise Refused(f"{k.name} codes are fixed by the lifecycle and cannot be extended")
    code = code.strip()
    if not re.match(CODE_RE, code):
        raise InvalidInput(
            f"invalid code {code!r}",
            hint="codes are lowercase letters, digits and _ and start with a letter, e.g. warranty_claim",
        )
    if not label_en.strip() or not label_zh.strip():
        raise InvalidInput(L_("both {label_en} and {label_zh} are required", label_en=Input("label_en"),
                              label_zh=Input("label_zh")))
    if conn.execute(f"SELECT 1 FROM {k.table} WHERE code = ?", (code,)).fetchone():
        raise Refused(f"{k.name} {code!r} already exists")
    values = {"code": code, "label_en": label_en.strip(), "label_zh": label_zh.strip()}
    values.update(extra or {})
    values["position"] = conn.execute(
        f"SELECT coalesce(max(position), 0) + 1 FROM {k.table}"
    ).fetchone()[0]
    cols = ", ".join(values)
    marks = ", ".join("?" for _ in values)
    conn.execute(f"INSERT INTO {k.table} ({cols}) VALUES ({marks})", list(values.values()))
    record_event(conn, None, at=at, actor=actor, action="taxonomy_added",
                 field=k.table, new_value=code, note=f"{values['label_en']} / {values['label_zh']}")
    return values
