"""Similar complaints at intake: the same or near-same text (a templated letter, a re-post, the
same fault reported by many customers) received within a window, from any customer.

Candidates come from the search index (store/search.py, trigrams of the subject and description),
with a bounded number of index reads each cut at RARE_AT matches, so a lookup costs about the same
at 1,000 complaints as at 1,000,000: the text's trigrams found in few complaints vote for those
complaints (a rarer one weighs more); a text made only of common trigrams (a short English message)
votes through bands instead, groups of its trigrams from across the text, each narrowed by one more
trigram until few complaints hold it. The best-voted are re-ranked by how many of their words (Latin
words, and pairs of Chinese characters) they share with the text; those sharing at least SIMILAR_AT
are shown. A long letter is compared by its opening and its end, where templated letters differ.
Measured in bench/suggest.py: planted re-submissions found first, and the cost of one lookup, at
100,000 complaints.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from datetime import timedelta

from complaintctl.core.insight.suggest.features import normalize
from complaintctl.store import search as index
from complaintctl.store.engine import Connection
from complaintctl.timetext import from_iso, to_iso

WINDOW_DAYS = 30      # before and after the complaint's received time
SIMILAR_AT = 0.5      # share of words in common (Jaccard) to call two texts near-same
HEAD_CHARS, TAIL_CHARS = 700, 300  # what of a long letter is compared: its opening and its end
PROBES = 60           # trigrams of the text asked of the index, spread over it
RARE_AT = 300         # a trigram (or band) held by at most this many complaints votes for them
RARE_USED = 12        # the rarest trigrams that vote
BANDS, BAND_WIDTH, BAND_MOST = 6, 3, 5  # for a text of common trigrams: bands of 3 to 5 of them
CANDIDATES = 100      # best-voted complaints re-ranked by words in common
FILL = 0.01           # the vote of a band too common to choose by: below any other


def clipped(text: str) -> str:
    """What of a text is compared: all of it, or a long one's first HEAD_CHARS and last TAIL_CHARS."""
    if len(text) <= HEAD_CHARS + TAIL_CHARS:
        return text
    return text[:HEAD_CHARS] + "\n" + text[-TAIL_CHARS:]


def words(text: str) -> set[str]:
    """The words of a text to compare: Latin and digit words, and each pair of CJK characters."""
    text = normalize(clipped(text))
    out = set(re.findall(r"[a-z0-9]{2,}", text))
    for run in re.findall(r"[\u3400-\u9fff\uf900-\ufaff]+", text):
        out.update(run[i:i + 2] for i in range(max(1, len(run) - 1)))
    return out


def overlap(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def _trigrams(text: str) -> list[str]:
    text = normalize(clipped(text))
    seen = dict.fromkeys(text[i:i + 3] for i in range(len(text) - 2))
    return [t for t in seen if t.strip() == t and sum(ch.isalnum() for ch in t) >= 2]


def _spread(items: list, count: int) -> list:
    """At most ``count`` of ``items``, evenly spread from first to last."""
    if len(items) <= count:
        return items
    step = len(items) / count
    return [items[int(i * step)] for i in range(count)]


def _band_holders(conn: Connection, band: list[str]) -> list[int]:
    """The complaints holding the first BAND_WIDTH trigrams of ``band``, one more at a time until
    at most RARE_AT do (RARE_AT + 1 of them when even all of ``band`` is common)."""
    held: list[int] = []
    for width in range(BAND_WIDTH, len(band) + 1):
        held = index.holding(conn, band[:width], RARE_AT + 1)
        if len(held) <= RARE_AT:
            break
    return held


def candidates(conn: Connection, text: str) -> list[int]:
    """The ids of the complaints most likely to hold ``text`` again, best first (CANDIDATES at most)."""
    counted = [(index.how_many_hold(conn, [gram], RARE_AT + 1), gram) for gram in _spread(_trigrams(text), PROBES)]
    rare = sorted((n, gram) for n, gram in counted if 0 < n <= RARE_AT)[:RARE_USED]
    lists = [index.holding(conn, [gram], RARE_AT) for _, gram in rare]
    bands: list[list[str]] = []
    if len(rare) < RARE_USED:
        picks = _spread([gram for n, gram in counted if n > RARE_AT], BANDS * BAND_MOST)
        many = min(BANDS, len(picks) // BAND_WIDTH)
        bands = [picks[b::many][:BAND_MOST] for b in range(many)]
        lists += [_band_holders(conn, band) for band in bands]
    votes: dict[int, float] = defaultdict(float)
    for ids in lists:
        if 0 < len(ids) <= RARE_AT:
            weight = math.log(2 * RARE_AT / len(ids))
            for complaint_id in ids:
                votes[complaint_id] += weight
    # a band held by more even at its widest (a letter sent by hundreds): its newest fill what is left
    for band, ids in zip(bands, lists[len(rare):], strict=True):
        if len(ids) > RARE_AT:
            for complaint_id in index.holding(conn, band, RARE_AT, newest=True):
                votes[complaint_id] += FILL
    return sorted(votes, key=votes.__getitem__, reverse=True)[:CANDIDATES]  # ties: first voted first


def similar_complaints(conn: Connection, subject: str, description: str | None, *, received_at: str | None = None,
                       exclude: int | None = None, window_days: int = WINDOW_DAYS, limit: int = 5) -> list[dict]:
    """Complaints whose text is the same or near-same as this one's, received within ``window_days``
    of ``received_at`` (any time when None), best first: {id, subject, received_at, customer_id, similarity}."""
    text = f"{subject}\n{description or ''}"
    mine = words(text)
    ids = [i for i in candidates(conn, text) if i != exclude] if mine else []
    if not ids:
        return []
    marks = ", ".join("?" * len(ids))
    where, args = "", []
    if received_at is not None:
        at = from_iso(received_at)
        where = " AND received_at BETWEEN ? AND ?"
        args = [to_iso(at - timedelta(days=window_days)), to_iso(at + timedelta(days=window_days))]
    out = []
    for row in conn.execute(f"SELECT id, subject, description, received_at, customer_id FROM complaints "
                            f"WHERE id IN ({marks}){where}", [*ids, *args]):
        score = overlap(mine, words(f"{row['subject']}\n{row['description'] or ''}"))
        if score >= SIMILAR_AT:
            out.append({"id": row["id"], "subject": row["subject"], "received_at": row["received_at"],
                        "customer_id": row["customer_id"], "similarity": round(score, 2)})
    out.sort(key=lambda r: (-r["similarity"], -r["id"]))
    return out[:limit]


def similar_to(conn: Connection, complaint_id: int, **options) -> list[dict]:
    """similar_complaints() for a complaint already recorded (itself left out)."""
    row = conn.execute("SELECT subject, description, received_at FROM complaints WHERE id = ?",
                       (complaint_id,)).fetchone()
    if row is None:
        return []
    return similar_complaints(conn, row["subject"], row["description"], received_at=row["received_at"],
                              exclude=complaint_id, **options)


# an import's complaints looked up, the first ones (10-30 ms each; its summary shows 20): 0.4 s of CPU,
# against 7 s for an import of 20,000 rows (bench/import.py); beyond, `show ID` finds them for any one
IMPORT_LOOKUPS = 20


def imported_ids(conn: Connection, import_id: int) -> list[int]:
    """The complaints import #``import_id`` inserted (each carries its import's id)."""
    return [r[0] for r in conn.execute("SELECT id FROM complaints WHERE import_id = ? ORDER BY id", (import_id,))]


def similar_in_import(conn: Connection, import_id: int, most: int | None = None) -> dict:
    """For an import's summary: which of its complaints are like others (earlier ones or each other).
    {inserted, checked, found: [{id, subject, similar: [...]}]}; past ``most`` complaints (IMPORT_LOOKUPS),
    not looked for: what an import's summary costs stays a fraction of a second."""
    most = IMPORT_LOOKUPS if most is None else most
    ids = imported_ids(conn, import_id)
    found = []
    for complaint_id in ids[:most]:
        others = similar_to(conn, complaint_id, limit=3)
        if others:
            subject = conn.execute("SELECT subject FROM complaints WHERE id = ?", (complaint_id,)).fetchone()[0]
            found.append({"id": complaint_id, "subject": subject, "similar": others})
    return {"inserted": len(ids), "checked": min(len(ids), most), "found": found}
