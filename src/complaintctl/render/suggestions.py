"""Suggestions as text: per complaint, per field, the top codes with their confidence and the
words that drove them; and `suggest evaluate`'s figures. Fed plain data by cli/suggest.py."""

from __future__ import annotations


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{100 * value:.1f}%"


def suggestion_lines(item: dict) -> list[str]:
    """Lines for one complaint's suggestions: `category  billing_error 0.87 (扣费, 两次)  ...`."""
    lines = [f"#{item['id']} {item['subject']}"]
    unavailable: dict[str, list[str]] = {}
    for field, entry in item["fields"].items():
        current = item.get("current", {}).get(field)
        now = f" [now {current}]" if current else ""
        if "suggestions" not in entry:
            unavailable.setdefault(entry["unavailable"], []).append(field)
            continue
        parts = []
        for s in entry["suggestions"]:
            why = ", ".join(s["reasons"]) if s["reasons"] else "no words for it here: how common it is"
            source = f" by rule #{s['rule']['id']}, which wins over the model" if "rule" in s else ""
            parts.append(f"{s['code']} {s['confidence']:.2f} ({why}){source}")
        lines.append(f"  {field:<12}" + "   ".join(parts) + now)
    for why, fields in unavailable.items():
        lines.append(f"  {', '.join(fields)}: {why}")
    models = {e["model"]["id"]: e["model"] for e in item["fields"].values() if "model" in e}
    if models:
        lines.append("  " + "; ".join(f"model {m['id']}: {m['method']} v{m['version']}, trained {m['trained_at']}"
                                      for m in models.values()))
    return lines


def evaluation_lines(results: list[dict]) -> list[str]:
    lines = []
    for r in results:
        if not r["enough"]:
            lines.append(f"{r['field']}: {r['reason']}")
            continue
        lines.append(f"{r['field']}: top-1 {_pct(r['top1'])}, top-3 {_pct(r['top3'])} on {r['test']:,} held-out "
                     f"complaints (trained on {r['train']:,}, {r['method']}); always {r['majority']}: "
                     f"{_pct(r['majority_top1'])}")
        width = max(len(x["code"]) for x in r["labels"])
        lines.append(f"  {'code':<{width}}  examples  precision  recall")
        for x in r["labels"]:
            lines.append(f"  {x['code']:<{width}}  {x['examples']:>8}  {_pct(x['precision']):>9}  {_pct(x['recall']):>6}")
    return lines
