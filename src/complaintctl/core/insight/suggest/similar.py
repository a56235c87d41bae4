"""Similar complaints at intake: the same or near-same text (a templated letter, a re-post, the
same fault reported by many customers) received within a window, from any customer.

Candidates come from the search index (store/search.py): the text's rarest trigrams in the subject
and description columns, best by BM25 (on PostgreSQL, by how many of them they hold). They are
then re-ranked by how many of their words (Latin words, and pairs of Chinese characters) they
share with the text; those sharing at least SIMILAR_AT are shown. Measured in bench/suggest.py:
planted re-submissions found first, and the cost of one lookup, at 100,000 complaints.
"""

from __future__ import annotations

import re
from datetime import timedelta

from complaintctl.core.insight.suggest.features import normalize
from complaintctl.store import search as index
from complaintctl.store.engine import Connection
from complaintctl.timetext import from_iso, to_iso

WINDOW_DAYS = 30      # before and after the complaint's received time
SIMILAR_AT = 0.5      # share of words in common (Jaccard) to call two texts near-same
QUERY_TRIGRAMS = 12   # the rarest trigrams asked of the index
CANDIDATES = 30       # best BM25 matches re-ranked by words in common
TEXT_CHARS = 1000     # how much of a long letter is compared
LOOKUPS = 120         # trigrams whose frequency is read, spread over the text


def words(text: str) -> set[str]:
    """The words of a text to compare: Latin and digit words, and each pair of CJK characters."""
    text = normalize(text)[:TEXT_CHARS]
    out = set(re.findall(r"[a-z0-9]{2,}", text))
    for run in re.findall(r"[\u3400-\u9fff\uf900-\ufaff]+", text):
        out.update(run[i:i + 2] for i in range(max(1, len(run) - 1)))
    return out


def overlap(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def _trigrams(text: str) -> list[str]:
    text = normalize(text)[:TEXT_CHARS]
    seen = dict.fromkeys(text[i:i + 3] for i in range(len(text) - 2))
    return [t for t in seen if t.strip() == t and sum(ch.isalnum() for ch in t) >= 2 and '"' not in t]


def _spread(items: list[str], count: int) -> list[str]:
    """At most ``count`` of ``items``, evenly spread from first to last."""
    if len(items) <= count:
        return items
    step = len(items) / count
    return [items[int(i * step)] for i in range(count)]


def _rarest(conn: Connection, grams: list[str]) -> list[str]:
    """The ``QUERY_TRIGRAMS`` of ``grams`` found in the fewest complaints (and in at least one)."""
    found = [(n, gram) for gram, n in index.trigram_counts(conn, grams).items()]
    return [g for _, g in sorted(found)[:QUERY_TRIGRAMS]]


def similar_complaints(conn: Connection, subject: str, description: str | None, *, received_at: str | None = None,
                       exclude: int | None = None, window_days: int = WINDOW_DAYS, limit: int = 5) -> list[dict]:
    """Complaints whose text is the same or near-same as this one's, received within ``window_days``
    of ``received_at`` (any time when None), best first: {id, subject, received_at, customer_id, similarity}."""
    text = f"{subject}\n{description or ''}"
    mine = words(text)
    grams = _rarest(conn, _spread(_trigrams(text), LOOKUPS))
    if not grams or not mine:
        return []
    ids = [i for i in index.best_with_any(conn, grams, CANDIDATES) if i != exclude]
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



IMPORT_LOOKUPS = 2000  # an import's complaints looked up one by one; beyond, `show ID` finds them


def imported_ids(conn: Connection, import_id: int) -> list[int]:
    """The complaints import #``import_id`` inserted, by their `imported` status events."""
    row = conn.execute("SELECT started_at FROM imports WHERE id = ?", (import_id,)).fetchone()
    if row is None:
        return []
    return [r[0] for r in conn.execute(
        "SELECT complaint_id FROM events WHERE action = 'imported' AND at = ? AND field = 'status' AND note LIKE ? "
        "ORDER BY complaint_id", (row[0], f"import #{import_id} from %"))]


def similar_in_import(conn: Connection, import_id: int, most: int = IMPORT_LOOKUPS) -> dict:
    """For an import's summary: which of its complaints are like others (earlier ones or each other).
    {inserted, checked, found: [{id, subject, similar: [...]}]}; past ``most`` complaints, not looked for."""
    ids = imported_ids(conn, import_id)
    found = []
    for complaint_id in ids[:most]:
        others = similar_to(conn, complaint_id, limit=3)
        if others:
            subject = conn.execute("SELECT subject FROM complaints WHERE id = ?", (complaint_id,)).fetchone()[0]
            found.append({"id": complaint_id, "subject": subject, "similar": others})
    return {"inserted": len(ids), "checked": min(len(ids), most), "found": found}
