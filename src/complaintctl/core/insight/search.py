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

from complaintctl.errors import InvalidInput
from complaintctl.store import search as index
from complaintctl.store.engine import Connection

COLUMNS = index.COLUMNS
WEIGHTS = index.WEIGHTS
SEARCHED = ["subject", "description", "resolution", "customer name, company, email and phone", "tags",
            "notes people wrote on its timeline", "ref and the columns an import kept in extra"]
RANKED = 2000  # how many of the newest matches are ranked; beyond, newest first


def search_terms(text: str) -> list[str]:
    """'洗衣机 "no water"' -> ['洗衣机', 'no water']: words, or phrases in double quotes."""
    import shlex

    try:
        words = shlex.split(text)
    except ValueError:  # an unbalanced quote: take the text as it is
        words = text.split()
    words = [w.lower() for w in words if w.strip()]
    if not words:
        raise InvalidInput("nothing to search for", hint='give words, e.g. complaintctl search 漏水 "no water"')
    return words


_FULL_WIDTH = {c: c + 0xFEE0 for c in range(0x21, 0x7F)}  # ASCII ! .. ~ -> ！ .. ～ (FF01 .. FF5E)


def spellings(conn: Connection, term: str) -> list[str]:
    """The ways ``term`` may be written in the record, as customer matching reads them: its NFKC
    form (full-width ＡＰＰ is app), the term as typed, its ASCII in full width (app finds
    ＡＰＰ too: the index keeps text as it was written), and for a phone number every way the
    customers with that number (normalised: +86 138 0013 8000 is 13800138000) wrote it."""
    import unicodedata

    from complaintctl.core.people.matching import normalize_phone

    plain = unicodedata.normalize("NFKC", term).lower()
    found = [plain, term, plain.translate(_FULL_WIDTH)]
    if _looks_like_phone(plain):
        digits = normalize_phone(plain)
        found.append(digits)
        found += [p.lower() for (p,) in conn.execute(
            "SELECT DISTINCT phone FROM customers WHERE phone_normalized = ? AND phone IS NOT NULL", (digits,))]
    # one of each (the index folds case, full-width letters too); and a spelling that holds another
    # is found by it already (a phrase matches inside longer text): '+86 13800138000' would cost a
    # second pass over the index for nothing when '13800138000' is there
    one_each: dict[str, str] = {}
    for spelling in found:
        if spelling and spelling.strip():
            one_each.setdefault(spelling.lower(), spelling)
    found = list(one_each.values())
    return [s for s in found if not any(o.lower() != s.lower() and o.lower() in s.lower() for o in found)]


def _looks_like_phone(text: str) -> bool:
    """Digits with a phone's punctuation only, seven or more of them."""
    return sum(c.isdigit() for c in text) >= 7 and all(c.isdigit() or c in "+-() ." for c in text)


def match_expression(conn: Connection, terms: list[str], any_term: bool = False) -> str | None:
    """The FTS5 query for ``terms`` on SQLite, each in all its spellings (store/search.py)."""
    return index.match_expression(conn, [spellings(conn, term) for term in terms], any_term)


def _match(conn: Connection, terms: list[str], any_term: bool) -> index.Match | None:
    return index.match(conn, [spellings(conn, term) for term in terms], any_term)


def text_clause(conn: Connection, text: str, any_term: bool = False) -> tuple[str, list]:
    """A WHERE term on ``c.id`` for `list --text`: complaints whose text holds the words."""
    found = _match(conn, search_terms(text), any_term)
    if found is None:
        return "0 = 1", []
    return index.id_condition(found)


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

    from complaintctl.core.insight.queries import _where, count_complaints, list_complaints

    terms = search_terms(filters.text or "")
    if not ranked:
        rows = list_complaints(conn, filters)
        total = count_complaints(conn, filters) if filters.limit and len(rows) == filters.limit else len(rows)
        return {"rows": _with_snippets(conn, rows, _marked(conn, terms)), "total": total}
    found = _match(conn, terms, filters.any_term)
    if found is None:
        return {"rows": [], "total": 0}
    rest = copy.copy(filters)
    rest.text = None
    where, params = _where(conn, rest)
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
    return list(dict.fromkeys(s.lower() for term in terms for s in spellings(conn, term)))


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
