"""Suggestions as text: per complaint, per field, the top codes with their confidence and the
words that drove them; and `suggest evaluate`'s figures. Fed plain data by cli/suggest.py."""

from __future__ import annotations

from complaintctl.i18n import _, clauses, joined, shown
from complaintctl.i18n.words import label, word
from complaintctl.render.table import pad, text_width


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{100 * value:.1f}%"


def _field(name: str) -> str:
    return word("field", name) or name


def suggestion_lines(item: dict) -> list[str]:
    """Lines for one complaint's suggestions: `category  billing_error 0.87 (扣费, 两次)  ...`; in
    another language than English the codes are shown as their labels."""
    fields, models = suggestion_parts(item)
    return [f"#{item['id']} {item['subject']}", *fields, *([models] if models else [])]


def suggestion_parts(item: dict) -> tuple[list[str], str | None]:
    """(a line per field, the line naming the models or None)."""
    lines: list[str] = []
    unavailable: dict[str, list[str]] = {}
    width = max(12, *(text_width(_field(f)) + 1 for f in item["fields"]))
    for field, entry in item["fields"].items():
        current = item.get("current", {}).get(field)
        if "suggestions" not in entry:
            unavailable.setdefault(entry["unavailable"], []).append(field)
            continue
        parts = []
        for s in entry["suggestions"]:
            why = joined(s["reasons"]) if s["reasons"] else _("no words for it here: how common it is")
            said = _("{code} {confidence:.2f} ({why})", code=label(field, s["code"]), confidence=s["confidence"], why=why)
            if "rule" in s:
                said = _("{suggestion} by rule #{id}, which wins over the model", suggestion=said, id=s["rule"]["id"])
            parts.append(said)
        line = "  " + pad(_field(field), width) + "   ".join(parts)
        lines.append(_("{line} [now {code}]", line=line, code=label(field, current)) if current else line)
        if entry.get("weak") is not None:
            lines.append("  " + pad("", width) + _("not to be accepted: {why}", why=shown(entry["weak"])))
    for why, fields in unavailable.items():
        lines.append(f"  {joined(_field(f) for f in fields)}: {shown(why)}")
    models = {e["model"]["id"]: e["model"] for e in item["fields"].values() if "model" in e}
    about_models = "  " + clauses(_("model {id}: {method} v{version}, trained {when}", id=m["id"], method=m["method"],
                            version=m["version"], when=m["trained_at"]) for m in models.values()) if models else None
    return lines, about_models


def evaluation_lines(results: list[dict]) -> list[str]:
    lines = []
    for r in results:
        if not r["enough"]:
            lines.append(f"{_field(r['field'])}: {shown(r['reason'])}")
            continue
        lines.append(_("{field}: top-1 {top1}, top-3 {top3} on {test:,} held-out complaints (trained on {train:,}, "
                       "{method}); always {majority}: {majority_top1}", field=_field(r["field"]), top1=_pct(r["top1"]),
                       top3=_pct(r["top3"]), test=r["test"], train=r["train"], method=r["method"],
                       majority=label(r["field"], r["majority"]), majority_top1=_pct(r["majority_top1"])))
        codes = [label(r["field"], x["code"]) for x in r["labels"]]
        heads = [_("code"), _("examples"), _("precision"), _("recall")]
        widths = [max([text_width(heads[0]), *map(text_width, codes)]), *(max(text_width(h), 9) for h in heads[1:])]
        lines.append("  " + "  ".join(pad(h, w) for h, w in zip(heads, widths, strict=True)).rstrip())
        for code, x in zip(codes, r["labels"], strict=True):
            cells = [code, str(x["examples"]), _pct(x["precision"]), _pct(x["recall"])]
            lines.append("  " + "  ".join(pad(c, w, "left" if i == 0 else "right")
                                          for i, (c, w) in enumerate(zip(cells, widths, strict=True))))
    return lines
