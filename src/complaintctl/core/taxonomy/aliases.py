"""Aliases the team teaches: `taxonomy alias KIND LABEL CODE` stores a label in the database, so
that import and every command that takes a code read it from then on, and classifies the
complaints an import kept unclassified with that raw label (each with its event)."""

from __future__ import annotations

from datetime import datetime

from complaintctl.core.record.events import record_event
from complaintctl.core.taxonomy.codes import kind_named
from complaintctl.core.taxonomy.labels import VALUE_ALIASES, LabelResolver, label_key
from complaintctl.errors import InvalidInput, Refused
from complaintctl.i18n import L_
from complaintctl.i18n.said import Code, Step
from complaintctl.store.engine import Connection, Row

# The complaint fields whose raw labels a kind's alias can place.
FIELDS_OF_KIND = {"channel": ("channel", "told_via")}
CLASSIFIABLE = ("category", "severity", "cause", "channel", "remedy", "personality", "motive", "told_via")


def teach_alias(conn: Connection, kind: str, label: str, code: str, *, actor: str,
                now: datetime) -> dict:
    """Store ``label`` as an alias of ``code`` and classify the complaints imported with that raw
    label and nothing in the field. One transaction; returns what was done."""
    from complaintctl.core.record.dates import to_iso
    from complaintctl.store.db import transaction

    k = kind_named(kind)
    text = " ".join(label.split())
    if not text:
        raise InvalidInput("the label is empty")
    at = to_iso(now)
    with transaction(conn):
        resolver = LabelResolver(conn)
        if code not in resolver.valid(k.name):
            target = resolver.code(k.name, code)
            if target is None:
                raise InvalidInput(f"unknown {k.name} {code!r}", hint="valid: " + ", ".join(resolver.valid(k.name)))
            code = target
        already = resolver.code(k.name, text)
        if already == code:
            raise Refused(L_("{text!r} already reads as {kind} {code}", text=text, kind=Code("field", k.name),
                             code=Code(k.name, code)))
        if already is not None:
            raise Refused(L_("{text!r} already reads as {kind} {code}", text=text, kind=Code("field", k.name),
                             code=Code(k.name, already)),
                          hint=L_("remove that alias first ({step})", step=Step("taxonomy unalias", k.name, repr(text)))
                          if _taught(conn, k.name, text) else L_("it is that code's own label or a built-in alias"))
        conn.execute("INSERT INTO label_aliases (kind, label, code, created_at, created_by) VALUES (?, ?, ?, ?, ?)",
                     (k.name, text, code, at, actor))
        record_event(conn, None, at=at, actor=actor, action="alias_added", field=k.name, new_value=code,
                     note=text)
        classified = _classify_raw(conn, k.name, code, LabelResolver(conn), actor=actor, now=now)
    return {"kind": k.name, "label": text, "code": code, "classified": classified}


def forget_alias(conn: Connection, kind: str, label: str, *, actor: str, now: datetime) -> dict:
    """Remove a taught alias (complaints it classified keep their codes)."""
    from complaintctl.core.record.dates import to_iso
    from complaintctl.store.db import transaction

    k = kind_named(kind)
    with transaction(conn):
        row = _taught(conn, k.name, label)
        if row is None:
            raise Refused(L_("no taught {kind} alias {label!r}", kind=Code("field", k.name), label=label),
                          hint=L_("see {step}", step=Step("taxonomy aliases", k.name)))
        conn.execute("DELETE FROM label_aliases WHERE kind = ? AND label = ?", (k.name, row["label"]))
        record_event(conn, None, at=to_iso(now), actor=actor, action="alias_removed", field=k.name,
                     old_value=row["code"], note=row["label"])
    return {"kind": k.name, "label": row["label"], "code": row["code"]}


def _taught(conn: Connection, kind: str, label: str) -> Row | None:
    key = label_key(label)
    return next((r for r in conn.execute("SELECT * FROM label_aliases WHERE kind = ?", (kind,))
                 if label_key(r["label"]) == key), None)


def _classify_raw(conn: Connection, kind: str, code: str, resolver: LabelResolver, *, actor: str,
                  now: datetime) -> int:
    """Classify the complaints whose raw label in a field of ``kind`` now reads as ``code``."""
    from complaintctl.core.record.dates import to_iso
    from complaintctl.core.sla.due import refresh_sla

    at = to_iso(now)
    done = 0
    for field in FIELDS_OF_KIND.get(kind, (kind,)):
        if field not in CLASSIFIABLE:
            continue
        rows = conn.execute(
            f"SELECT r.complaint_id, r.label FROM raw_labels r JOIN complaints c ON c.id = r.complaint_id "
            f"WHERE r.field = ? AND c.{field} IS NULL ORDER BY r.complaint_id", (field,)).fetchall()
        reads: dict[str, str | None] = {}
        for complaint_id, label in rows:
            if label not in reads:
                reads[label] = resolver.code(kind, label)
            if reads[label] != code:
                continue
            conn.execute(f"UPDATE complaints SET {field} = ?, updated_at = ? WHERE id = ?", (code, at, complaint_id))
            record_event(conn, complaint_id, at=at, actor=actor, action="classified", field=field, new_value=code,
                         note=f"taxonomy alias: {label!r} is {kind} {code}")
            if field == "severity":
                refresh_sla(conn, complaint_id, now)
            done += 1
    return done


def list_aliases(conn: Connection, kind: str | None = None) -> list[dict]:
    """Every alias, taught ones first, then the built-in starting set."""
    kinds = [kind_named(kind).name] if kind else None
    rows = [{"kind": r["kind"], "label": r["label"], "code": r["code"], "source": "taught",
             "created_at": r["created_at"], "created_by": r["created_by"]}
            for r in conn.execute("SELECT * FROM label_aliases ORDER BY kind, label") if not kinds or r["kind"] in kinds]
    for k, table in VALUE_ALIASES.items():
        if kinds and k not in kinds:
            continue
        rows += [{"kind": k, "label": label, "code": code, "source": "built-in", "created_at": None,
                  "created_by": None} for label, code in table.items()]
    return rows


def unplaced_labels(conn: Connection) -> list[dict]:
    """The raw labels imports could not place and that still leave complaints unclassified."""
    out = []
    for field in CLASSIFIABLE:
        for label, n in conn.execute(
                f"SELECT r.label, count(*) FROM raw_labels r JOIN complaints c ON c.id = r.complaint_id "
                f"WHERE r.field = ? AND c.{field} IS NULL GROUP BY r.label ORDER BY count(*) DESC", (field,)):
            out.append({"field": field, "label": label, "complaints": n})
    return out
