"""Reply templates: the answers a team gives again and again, per language and category, with
placeholders filled from the complaint (`update ID --reply NAME`, `close ID --reply NAME`)."""

from __future__ import annotations

import re
from datetime import datetime

from complaintctl.core.record.dates import now_utc, to_iso, to_local_text
from complaintctl.core.record.events import record_event
from complaintctl.core.taxonomy import codes as taxonomy
from complaintctl.errors import InvalidInput, NotFound, Refused
from complaintctl.i18n import L_, N_
from complaintctl.i18n.said import Code, Input, Step, either
from complaintctl.store.db import transaction
from complaintctl.store.engine import Connection, Row

LANGS = ("zh", "en")
LANG_NAMES = {"zh": N_("Chinese"), "en": N_("English")}
PLACEHOLDERS = {
    "customer": N_("the customer's name (客户 / customer when unknown)"),
    "id": N_("the complaint's number"),
    "subject": N_("the complaint's subject"),
    "received": N_("when it was received (local time)"),
    "due": N_("when it is due to be resolved (local time)"),
    "agent": N_("the full name of the agent sending it"),
    "ref": N_("the complaint's external reference"),
}
UNKNOWN_CUSTOMER = {"zh": "客户", "en": "customer"}
_NAME = re.compile(r"^[a-z0-9][a-z0-9_.-]*$")
_FIELD = re.compile(r"\{\{|\}\}|\{([^{}]*)\}")
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def written_in(text: str) -> str:
    """'zh' when the text has Chinese characters, else 'en': the evidence for a reply's language."""
    return "zh" if _CJK.search(text or "") else "en"


def parse_spec(spec: str) -> tuple[str, str | None]:
    """'late' -> ('late', None); 'late:en' -> ('late', 'en')."""
    name, _, lang = spec.strip().lower().partition(":")
    if not _NAME.match(name):
        raise InvalidInput(L_("invalid reply name {name!r}", name=name),
                           hint=L_("lowercase letters, digits, '_', '.', '-', e.g. delivery-late; add :zh or :en for one "
                                   "language"))
    if lang and lang not in LANGS:
        raise InvalidInput(L_("unknown reply language {lang!r}", lang=lang), hint=L_("zh or en, e.g. delivery-late:en"))
    return name, lang or None


def check_body(body: str | None, known: dict[str, str] = PLACEHOLDERS, what: str = L_("a reply")) -> str:
    """A template's text, with only ``known`` placeholders ({{ and }} for literal braces)."""
    body = (body or "").replace("\x00", "").strip()
    if not body:
        raise InvalidInput(L_("{what} needs its text", what=what),
                           hint=L_("{text} TEXT, {text} - (stdin) or {editor} (your editor)", text=Input("text"),
                                   editor=Input("editor")))
    unknown = sorted({m.group(1) for m in _FIELD.finditer(body) if m.group(1) is not None
                      and m.group(1) not in known})
    if unknown:
        raise InvalidInput(f"unknown placeholder {', '.join('{' + u + '}' for u in unknown)}",
                           hint="known: " + ", ".join("{" + p + "}" for p in known) + "; {{ and }} for braces")
    return body


def fill(body: str, values: dict[str, str | None]) -> str:
    """The body with its placeholders replaced; a placeholder without a value is refused."""
    def one(match: re.Match) -> str:
        if match.group(1) is None:
            return match.group(0)[0]
        value = values.get(match.group(1))
        if value is None:
            raise Refused(L_("the reply uses {{{name}}}, which this complaint does not have", name=match.group(1)),
                          hint=L_("fill it in yourself with {editor}, or use {note}", editor=Input("editor"),
                                  note=Input("note")))
        return value

    return _FIELD.sub(one, body)


def _variants(conn: Connection, name: str) -> dict[str, Row]:
    return {r["lang"]: r for r in conn.execute("SELECT * FROM reply_templates WHERE name = ?", (name,))}


def _missing(conn: Connection, name: str, lang: str | None) -> NotFound:
    names = [r[0] for r in conn.execute("SELECT DISTINCT name FROM reply_templates ORDER BY name")]
    what = f"{name}:{lang}" if lang else name
    hint = L_("replies: {names}", names=", ".join(names)) if names else \
        L_("add one with {step}", step=Step("replies add", L_("NAME"), editor=True))
    return NotFound(L_("no reply template {what!r}", what=what), hint=hint)


def get_replies(conn: Connection, spec: str) -> list[dict]:
    """The template's variants (one language with NAME:LANG)."""
    name, lang = parse_spec(spec)
    rows = [dict(r) for code, r in sorted(_variants(conn, name).items()) if lang in (None, code)]
    if not rows:
        raise _missing(conn, name, lang)
    return rows


def get_reply(conn: Connection, spec: str) -> dict:
    """One variant: NAME:LANG, or NAME when it has only one language."""
    return dict(_pick_variant(conn, *parse_spec(spec)))


def list_replies(conn: Connection, *, category: str | None = None, lang: str | None = None) -> list[dict]:
    """Templates, by name; with ``category``, those for it and those for any category."""
    clauses, params = [], []
    if category:
        clauses.append("(category = ? OR category IS NULL)")
        params.append(taxonomy.validate_code(conn, "category", category))
    if lang:
        clauses.append("lang = ?")
        params.append(parse_spec(f"x:{lang}")[1])
    where = ("WHERE " + " AND ".join(clauses)) if clauses else ""
    return [dict(r) for r in conn.execute(f"SELECT * FROM reply_templates {where} ORDER BY name, lang", params)]


def add_reply(conn: Connection, spec: str, body: str, *, category: str | None = None, actor: str,
              now: datetime | None = None) -> dict:
    """A new template; its language is NAME:LANG, else the language its text is written in."""
    name, lang = parse_spec(spec)
    body = check_body(body)
    guessed = lang is None
    lang = lang or written_in(body)
    at = to_iso(now or now_utc())
    with transaction(conn):
        code = taxonomy.validate_code(conn, "category", category) if category else None
        if lang in _variants(conn, name):
            raise Refused(L_("reply template '{name}:{lang}' already exists", name=name, lang=lang),
                          hint=L_("change it with {step}", step=Step("replies edit", f"{name}:{lang}")))
        conn.execute("INSERT INTO reply_templates (name, lang, category, body, created_at, created_by, updated_at) "
                     "VALUES (?, ?, ?, ?, ?, ?, ?)", (name, lang, code, body, at, actor, at))
        record_event(conn, None, at=at, actor=actor, action="reply_added", field="reply_templates",
                     new_value=f"{name}:{lang}", note=body)
    return {"name": name, "lang": lang, "lang_guessed": guessed, "category": code}


def edit_reply(conn: Connection, spec: str, *, body: str | None = None, category: str | None = None,
               actor: str, now: datetime | None = None) -> dict:
    """Change a template's text and/or category ('none' clears it)."""
    name, lang = parse_spec(spec)
    if body is None and category is None:
        raise InvalidInput(L_("nothing to change"), hint=L_("give {inputs}", inputs=either("text", "editor", "category")))
    body = check_body(body) if body is not None else None
    at = to_iso(now or now_utc())
    with transaction(conn):
        rows = _pick_variant(conn, name, lang)
        code = rows["category"]
        if category is not None:
            code = None if category.strip().lower() in ("none", "-") else taxonomy.validate_code(conn, "category", category)
        new_body = body if body is not None else rows["body"]
        conn.execute("UPDATE reply_templates SET body = ?, category = ?, updated_at = ? WHERE name = ? AND lang = ?",
                     (new_body, code, at, name, rows["lang"]))
        record_event(conn, None, at=at, actor=actor, action="reply_edited", field="reply_templates",
                     old_value=f"{name}:{rows['lang']}", new_value=f"{name}:{rows['lang']}",
                     note=new_body if new_body != rows["body"] else f"category: {rows['category']} -> {code}")
    return {"name": name, "lang": rows["lang"], "category": code, "changed": new_body != rows["body"]
            or code != rows["category"]}


def _pick_variant(conn: Connection, name: str, lang: str | None) -> Row:
    variants = _variants(conn, name)
    if lang is None and len(variants) > 1:
        raise InvalidInput(f"reply template {name!r} has {' and '.join(sorted(variants))} versions",
                           hint=f"say which: {name}:zh or {name}:en")
    row = variants.get(lang) if lang else next(iter(variants.values()), None)
    if row is None:
        raise _missing(conn, name, lang)
    return row


def remove_reply(conn: Connection, spec: str, *, actor: str, now: datetime | None = None) -> list[str]:
    """Remove a template (every language, or NAME:LANG); the events keep what it said."""
    name, lang = parse_spec(spec)
    at = to_iso(now or now_utc())
    with transaction(conn):
        rows = [r for code, r in sorted(_variants(conn, name).items()) if lang in (None, code)]
        if not rows:
            raise _missing(conn, name, lang)
        for r in rows:
            conn.execute("DELETE FROM reply_templates WHERE name = ? AND lang = ?", (name, r["lang"]))
            record_event(conn, None, at=at, actor=actor, action="reply_removed", field="reply_templates",
                         old_value=f"{name}:{r['lang']}", note=r["body"])
    return [f"{name}:{r['lang']}" for r in rows]


def fill_reply(conn: Connection, complaint_id: int, spec: str, *, actor: str) -> dict:
    """The template filled in for a complaint: {"label": "late:zh", "text": ..., "notes": [...]}, the
    notes saying which language was chosen and why, and a category that does not match."""
    from complaintctl.core.insight.queries import get_complaint_row

    name, lang = parse_spec(spec)
    row = get_complaint_row(conn, complaint_id)
    variants = _variants(conn, name)
    if not variants or (lang and lang not in variants):
        raise _missing(conn, name, lang)
    notes = []
    spoken = written_in(f"{row['subject']} {row['description'] or ''}")
    if lang is None:
        lang = spoken if spoken in variants else sorted(variants)[0]
        why = (L_("the complaint is written in {language}", language=L_(LANG_NAMES[spoken])) if lang == spoken
               else L_("it has no {language} version", language=L_(LANG_NAMES[spoken])))
        others = [L_("{name}:{code} for {language}", name=name, code=code, language=L_(LANG_NAMES[code]))
                  for code in sorted(variants) if code != lang]
        notes.append(L_("reply '{name}' in {language} ({why})", name=name, language=L_(LANG_NAMES[lang]),
                        why=(why, *others)))
    template = variants[lang]
    if template["category"] and row["category"] and template["category"] != row["category"]:
        notes.append(L_("reply '{name}' is for {category}; #{id} is {other}", name=name,
                        category=Code("category", template["category"]), id=complaint_id,
                        other=Code("category", row["category"])))
    text = fill(template["body"], placeholder_values(conn, row, lang, actor))
    return {"name": name, "lang": lang, "label": f"{name}:{lang}", "text": text, "notes": notes}


def placeholder_values(conn: Connection, row: Row, lang: str, actor: str) -> dict[str, str | None]:
    customer = None
    if row["customer_id"] is not None:
        customer = conn.execute("SELECT name FROM customers WHERE id = ?", (row["customer_id"],)).fetchone()[0]
    agent = conn.execute("SELECT full_name FROM agents WHERE name = ?", (actor,)).fetchone()
    return {
        "customer": customer or UNKNOWN_CUSTOMER[lang],
        "id": str(row["id"]),
        "subject": row["subject"],
        "received": to_local_text(row["received_at"]),
        "due": to_local_text(row["resolve_due_at"]) if row["resolve_due_at"] else None,
        "agent": (agent[0] if agent and agent[0] else actor),
        "ref": row["ref"],
    }
