"""What the model and the team's rules suggest for a complaint: per field the top three codes,
each with its confidence and the words or characters that drove it. A suggestion is never
written here: a person accepts it (core/desk/suggested.py)."""

from __future__ import annotations

from datetime import datetime

from complaintctl.core.insight.suggest.features import complaint_text, counts, normalize
from complaintctl.core.insight.suggest.rules import list_rules, matching_rule
from complaintctl.core.insight.suggest.tables import load_model, model_header
from complaintctl.core.insight.suggest.training import check_fields, learnable, stale_reason, train
from complaintctl.errors import NotFound
from complaintctl.i18n import L_
from complaintctl.i18n.said import Step
from complaintctl.store.engine import Connection
from complaintctl.store.paging import limit_clause

TOP = 3


def refresh_models(conn: Connection, fields: list[str], *, actor: str, now: datetime) -> list[dict]:
    """Train the fields whose model is missing (and whose history is enough) or stale; return what
    was trained and why, for the command to say."""
    due = {}
    for field in fields:
        if model_header(conn, field) is None:
            _, short = learnable(history_labels(conn, field))
            if short is None:
                due[field] = "no model yet"
        else:
            reason = stale_reason(conn, field)
            if reason:
                due[field] = reason
    if not due:
        return []
    done = train(conn, list(due), actor=actor, now=now)
    return [{**row, "why": due[row["field"]]} for row in done if row["trained"]]


def no_better_than_guessing(check: dict | None):
    """Why a model's suggestions are not to be accepted (None when they may be): its held-out check
    (learn.note_held_out) says it put no more codes first right than always guessing the commonest code."""
    if not check or check["model"] > check["commonest"]:
        return None
    return L_("the model is no better than always guessing the commonest code on held-out history "
              "({model:.1f}% against {commonest:.1f}% put first right)", model=check["model"],
              commonest=check["commonest"])


def history_labels(conn: Connection, field: str) -> list[str]:
    return [r[0] for r in conn.execute(f"SELECT {field} FROM complaints WHERE {field} IS NOT NULL")]


def suggest_text(conn: Connection, text: str, fields: list[str] | None = None, *, rules=None,
                 top: int = TOP) -> dict[str, dict]:
    """field -> {suggestions: [{code, confidence, reasons}], model, rule?} or {unavailable: why}."""
    grams = counts(text)
    normalized = normalize(text)
    rules = list_rules(conn) if rules is None else rules
    out: dict[str, dict] = {}
    for field in check_fields(fields):
        rule = matching_rule(rules, field, text)
        model = load_model(conn, field, grams)
        entry: dict = {"field": field}
        if model is not None:
            entry["model"] = {"id": model.id, "version": model.details.get("version"), "method": model.method,
                              "trained_at": model.trained_at}
            entry["suggestions"] = model.rank(grams, top, normalized)
            weak = no_better_than_guessing(model.details.get("held_out_check"))
            if weak is not None:
                entry["weak"] = weak
        if rule is not None:
            first = {"code": rule["code"], "confidence": 1.0, "reasons": [rule["found"]],
                     "basis": "rule", "rule": {"id": rule["id"], "pattern": rule["pattern"]}}
            rest = [s for s in entry.get("suggestions", []) if s["code"] != rule["code"]]
            entry["suggestions"] = [first, *rest][:top]
        if "suggestions" not in entry:
            _, short = learnable(history_labels(conn, field))
            entry["unavailable"] = short or L_("no model yet: run {step}", step=Step("suggest train"))
        out[field] = entry
    return out


def suggest_complaints(conn: Connection, ids: list[int], fields: list[str] | None = None,
                       top: int = TOP) -> list[dict]:
    """Suggestions for each of ``ids``: {id, subject, current: {field: code}, fields: suggest_text(...)}."""
    fields = check_fields(fields)
    rules = list_rules(conn)
    out = []
    for complaint_id in ids:
        row = conn.execute(f"SELECT id, subject, description, {', '.join(fields)} FROM complaints WHERE id = ?",
                           (complaint_id,)).fetchone()
        if row is None:
            raise NotFound(f"complaint #{complaint_id} not found")
        text = complaint_text(row["subject"], row["description"])
        out.append({"id": row["id"], "subject": row["subject"], "current": {f: row[f] for f in fields},
                    "fields": suggest_text(conn, text, fields, rules=rules, top=top)})
    return out


def unclassified_ids(conn: Connection, fields: list[str] | None = None, limit: int | None = None,
                     among: list[int] | None = None) -> list[int]:
    """Complaints with any of ``fields`` not set (category alone by default), oldest first; only
    those of ``among`` when it is given."""
    fields = check_fields(fields or ["category"])
    where = " OR ".join(f"{f} IS NULL" for f in fields)
    if among is not None:
        wanted = set(among)
        found = [r[0] for r in conn.execute(f"SELECT id FROM complaints WHERE id BETWEEN ? AND ? AND ({where}) "
                                            "ORDER BY id", (min(among, default=0), max(among, default=0)))]
        return [i for i in found if i in wanted][:limit or None]
    sql = f"SELECT id FROM complaints WHERE {where} ORDER BY id" + limit_clause(limit)
    return [r[0] for r in conn.execute(sql)]


def describe_source(suggestion: dict, model: dict | None) -> str:
    """Who suggested it, for the event a person's acceptance writes: the rule, or model M and its confidence."""
    if "rule" in suggestion:
        rule = suggestion["rule"]
        return f"suggested by rule #{rule['id']} ({rule['pattern']}), matched {suggestion['reasons'][0]!r}"
    if model is None:  # a suggestion that names no rule came from a model
        raise ValueError("describe_source: a model's suggestion needs its model")
    label = f"model {model['id']} ({model['method']} v{model['version']}, trained {model['trained_at']})"
    return f"suggested by {label}, confidence {suggestion['confidence']:.2f}"
