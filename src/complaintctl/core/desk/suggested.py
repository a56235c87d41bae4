"""Accepting suggestions: a person's `classify ID --accept`, or `--apply --min-confidence P` for
many at once. Each accepted code is written as `classify` writes one, with an event whose note
says it was suggested, by which model or rule, with what confidence."""

from __future__ import annotations

from datetime import datetime

from complaintctl.core.desk.complaints import classify
from complaintctl.core.insight.suggest import describe_source, refresh_models, suggest_complaints
from complaintctl.core.record.dates import now_utc
from complaintctl.errors import InvalidInput
from complaintctl.i18n import L_
from complaintctl.store.engine import Connection


def accept(conn: Connection, complaint_id: int, *, fields: list[str] | None = None, actor: str,
           min_confidence: float = 0.0, overwrite: bool = False, now: datetime | None = None) -> dict:
    """Write the top suggestion of each field that has one (and is not set yet, unless
    ``overwrite``) at ``min_confidence`` or more; return {id, changes, skipped}."""
    if not 0.0 <= min_confidence <= 1.0:
        raise InvalidInput(L_("a confidence is between 0 and 1, not {value}", value=min_confidence))
    now = now or now_utc()
    (found,) = suggest_complaints(conn, [complaint_id], fields)
    codes, notes, skipped = {}, {}, []
    for field, entry in found["fields"].items():
        if not entry.get("suggestions"):
            skipped.append({"field": field, "why": entry.get("unavailable", "no suggestion")})
            continue
        best = entry["suggestions"][0]
        if found["current"][field] is not None and not overwrite:
            if found["current"][field] != best["code"]:
                skipped.append({"field": field, "why": f"already {found['current'][field]} (suggested {best['code']})"})
            continue
        if entry.get("weak") is not None and "rule" not in best:  # a team's rule is the team's word
            skipped.append({"field": field, "why": entry["weak"]})
            continue
        if best["confidence"] < min_confidence:
            skipped.append({"field": field, "why": f"{best['code']} at confidence {best['confidence']:.2f}, "
                                                   f"below {min_confidence:.2f}"})
            continue
        codes[field] = best["code"]
        notes[field] = describe_source(best, entry.get("model"))
    changes = classify(conn, complaint_id, codes=codes, actor=actor, now=now, notes=notes) if codes else []
    return {"id": complaint_id, "changes": changes, "skipped": skipped}


def apply_many(conn: Connection, ids: list[int], *, min_confidence: float, actor: str,
               fields: list[str] | None = None, now: datetime | None = None) -> list[dict]:
    """`classify --suggest --unclassified --apply --min-confidence P`: accept() for each of ``ids``,
    each complaint its own transaction, so that a later one failing keeps the ones before."""
    now = now or now_utc()
    return [accept(conn, complaint_id, fields=fields, actor=actor, min_confidence=min_confidence, now=now)
            for complaint_id in ids]


__all__ = ["accept", "apply_many", "refresh_models"]
