"""Finding complaints by the words in them, through the full-text index (store/search.py).

A term is found as a substring, Chinese without word segmentation, Latin letters in any case;
a term of one or two characters too (store/search.py says how, on each engine).

A term is looked for in every way the record may hold it (see ``spellings``): its NFKC form and
as typed, its ASCII in full width, and for a phone number every way the customers with that
number wrote it, so that search reads full-width letters and phones as customer matching does.

Ranking is BM25 on SQLite, the weight of the columns a term is found in on PostgreSQL (subject
weighted most), among the newest RANKED matches; a table shows the best of them first.
"""

from __future__ import annotations

from complaintctl.core.insight.search_terms import match, search_terms, spellings
from complaintctl.store import search as index
from complaintctl.store.engine import Connection

COLUMNS = index.COLUMNS
WEIGHTS = index.WEIGHTS
SEARCHED = ["subject", "description", "resolution", "customer name, company, email and phone", "tags",
            "notes people wrote on its timeline", "ref and the columns an import kept in extra"]
RANKED = 2000  # how many of the newest matches are ranked; beyond, newest first


def snippet(texts: dict[str, str], terms: list[str], width: int = 60) -> tuple[str | None, str]:
    """(column, text around the first match) of the first column, in COLUMNS order, holding
    any of ``terms``; each match in [brackets]."""
    for column in COLUMNS:
        text = " ".join((texts.get(column) or "").split())
        folded = text.lower()
        hits = sorted((folded.find(t), t) for t in terms if t in folded)
        if not hits:
            continue
        start = max(0, min(hits[0][0] - width // 3, len(text) - width))
        end = min(len(text), start + width)
        piece = text[start:end]
        marked = _mark(piece, terms)
        return column, ("…" if start else "") + marked + ("…" if end < len(text) else "")
    return None, ""


def _mark(text: str, terms: list[str]) -> str:
    folded = text.lower()
    out, i = [], 0
    while i < len(text):
        term = next((t for t in sorted(terms, key=len, reverse=True) if folded.startswith(t, i)), None)
        if term:
            out.append("[" + text[i:i + len(term)] + "]")
            i += len(term)
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


def search_complaints(conn: Connection, filters, *, ranked: bool = True) -> dict:
    """Complaints holding the words of ``filters.text`` that pass the other filters of `list`
    (core.queries.ListFilters). ``ranked``: best first, by BM25 among the newest RANKED
    matches, older matches after them newest first; else in ``filters.sort`` order. Each row
    is a `list` row with ``matched_in`` and ``snippet``; ``total`` counts every match."""
    import copy

    from complaintctl.core.insight.queries import count_complaints, list_complaints, where_clause

    terms = search_terms(filters.text or "")
    if not ranked:
        rows = list_complaints(conn, filters)
        total = count_complaints(conn, filters) if filters.limit and len(rows) == filters.limit else len(rows)
        return {"rows": _with_snippets(conn, rows, _marked(conn, terms)), "total": total}
    found = match(conn, terms, filters.any_term)
    if found is None:
        return {"rows": [], "total": 0}
    rest = copy.copy(filters)
    rest.text = None
    where, params = where_clause(conn, rest)
    limit = filters.limit or 0
    if where:
        # one pass over the matches that reads each one's complaint for the filters (the
        # complaints are read only for them: a join costs a lookup per match)
        matches = index.filtered(conn, found, where, params)
        total, newest, older = len(matches), matches[:RANKED], matches[RANKED:]
    else:
        newest = index.newest(conn, found, RANKED)
        total = len(newest) if len(newest) < RANKED else index.count(conn, found)
        older = None
    if not newest:
        return {"rows": [], "total": 0}
    ids = index.ranked(conn, found, newest, limit, every_match=not where)
    if total > len(newest) and (not limit or len(ids) < limit):
        more = limit - len(ids) if limit else None
        if older is not None:
            ids += older[:more] if more else older
        else:
            ids += index.older(conn, found, newest[-1], more)
    return {"rows": _with_snippets(conn, _list_rows(conn, ids, list_complaints), _marked(conn, terms)),
            "total": total}


def _marked(conn: Connection, terms: list[str]) -> list[str]:
    """What a snippet marks: every spelling of every term."""
    return list(dict.fromkeys(s.lower() for term in terms for s in spellings(conn, term, every=True)))


def _list_rows(conn: Connection, ids: list[int], list_complaints) -> list[dict]:
    """`list` rows of ``ids``, in that order."""
    from complaintctl.core.insight.queries import ListFilters

    rows: list[dict] = []
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        found = {r["id"]: r for r in list_complaints(conn, ListFilters(ids=chunk, sort="id"))}
        rows += [found[cid] for cid in chunk]
    return rows


def _with_snippets(conn: Connection, rows: list[dict], terms: list[str]) -> list[dict]:
    for start in range(0, len(rows), 500):
        chunk = rows[start:start + 500]
        texts = index.texts(conn, [r["id"] for r in chunk])
        for row in chunk:
            row["matched_in"], row["snippet"] = snippet(texts.get(row["id"], {}), terms)
    return rows
