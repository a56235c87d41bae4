"""Finding complaints by the words in them, through the full-text index (store/search.py).

A term of three or more characters is one FTS5 phrase: the trigram tokenizer finds it as a
substring, Chinese without word segmentation, Latin letters in any case. A term of one or
two characters has no trigram of its own; it is found through the index all the same: every
indexed column ends with two spaces, so each occurrence of the term starts some three-
character token, and the term stands for all the tokens in the index's vocabulary that
begin with it (``漏水`` -> ``漏水了 OR 漏水， OR ...``). That is exact, and costs a range
read of the vocabulary plus a merge of those tokens' lists: cheap for a rare term, more for
a common character (measured in bench/scale.py).

A term is looked for in every way the record may hold it (see ``spellings``): its NFKC form and
as typed, its ASCII in full width, and for a phone number every way the customers with that
number wrote it, so that search reads full-width letters and phones as customer matching does.

Ranking is BM25 (subject weighted most), among the newest RANKED matches; a table shows the
best of them first.
"""

from __future__ import annotations

from complaintctl.errors import InvalidInput
from complaintctl.store.engine import Connection

# What a text search looks in, in the index's column order, and how much a match there weighs.
COLUMNS = ("subject", "description", "resolution", "customer", "tags", "notes", "other")
WEIGHTS = (10.0, 4.0, 3.0, 6.0, 6.0, 2.0, 2.0)
SEARCHED = ["subject", "description", "resolution", "customer name, company, email and phone", "tags",
            "notes people wrote on its timeline", "ref and the columns an import kept in extra"]
RANKED = 2000  # how many of the newest matches are ranked; beyond, newest first
_VOCAB = "temp.complaints_fts_terms"


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


def _phrase(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


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


def _prefix_tokens(conn: Connection, term: str) -> list[str]:
    """The index's tokens that begin with a one- or two-character ``term``."""
    conn.execute(f"CREATE VIRTUAL TABLE IF NOT EXISTS {_VOCAB} USING fts5vocab(main, complaints_fts, 'row')")
    upper = term[:-1] + chr(ord(term[-1]) + 1)
    return [r[0] for r in conn.execute(f"SELECT term FROM {_VOCAB} WHERE term >= ? AND term < ?", (term, upper))]


def match_expression(conn: Connection, terms: list[str], any_term: bool = False) -> str | None:
    """The FTS5 query for ``terms`` (all of them, or any with ``any_term``); None when nothing
    can match (a short term the index has never seen)."""
    parts = []
    for term in terms:
        phrases, whole = [], True
        for spelling in spellings(conn, term):
            whole = whole and len(spelling) >= 3
            phrases += [spelling] if len(spelling) >= 3 else _prefix_tokens(conn, spelling)
        if phrases:
            phrases = list(dict.fromkeys(phrases))
            parts.append(_phrase(phrases[0]) if whole and len(phrases) == 1 else
                         "(" + " OR ".join(_phrase(t) for t in phrases) + ")")
        elif not any_term:
            return None
    if not parts:
        return None
    return (" OR " if any_term else " AND ").join(parts)


def text_clause(conn: Connection, text: str, any_term: bool = False) -> tuple[str, list]:
    """A WHERE term on ``c.id`` for `list --text`: complaints whose text holds the words."""
    expression = match_expression(conn, search_terms(text), any_term)
    if expression is None:
        return "0", []
    return "c.id IN (SELECT rowid FROM complaints_fts WHERE complaints_fts MATCH ?)", [expression]


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
    expression = match_expression(conn, terms, filters.any_term)
    if expression is None:
        return {"rows": [], "total": 0}
    rest = copy.copy(filters)
    rest.text = None
    where, params = _where(conn, rest)
    # the complaints (and customers) are read only for the filters: a join costs a lookup per match
    source = "FROM complaints_fts" + (" JOIN complaints c ON c.id = complaints_fts.rowid" if where else "") + (
        " LEFT JOIN customers cu ON cu.id = c.customer_id" if "cu." in where else "")
    cond = "complaints_fts MATCH ?" + (" AND " + where.removeprefix("WHERE ") if where else "")
    args = [expression, *params]
    limit = filters.limit or 0
    if where:
        # one pass over the matches that reads each one's complaint for the filters
        matches = [r[0] for r in conn.execute(
            f"SELECT complaints_fts.rowid {source} WHERE {cond} ORDER BY complaints_fts.rowid DESC", args)]
        total, newest, older = len(matches), matches[:RANKED], matches[RANKED:]
    else:
        newest = [r[0] for r in conn.execute(
            f"SELECT rowid FROM complaints_fts WHERE complaints_fts MATCH ? ORDER BY rowid DESC LIMIT {RANKED}",
            [expression])]
        total = len(newest) if len(newest) < RANKED else conn.execute(
            "SELECT count(*) FROM complaints_fts WHERE complaints_fts MATCH ?", [expression]).fetchone()[0]
        older = None
    if not newest:
        return {"rows": [], "total": 0}
    ids = _ranked(conn, expression, newest, limit, every_match=not where)
    if total > len(newest) and (not limit or len(ids) < limit):
        more = limit - len(ids) if limit else None
        if older is not None:
            ids += older[:more] if more else older
        else:
            ids += [r[0] for r in conn.execute(
                "SELECT rowid FROM complaints_fts WHERE complaints_fts MATCH ? AND rowid < ? ORDER BY rowid DESC"
                + (f" LIMIT {int(more)}" if more else ""), [expression, newest[-1]])]
    return {"rows": _with_snippets(conn, _list_rows(conn, ids, list_complaints), _marked(conn, terms)),
            "total": total}


def _marked(conn: Connection, terms: list[str]) -> list[str]:
    """What a snippet marks: every spelling of every term."""
    return list(dict.fromkeys(s.lower() for term in terms for s in spellings(conn, term)))


def _ranked(conn: Connection, expression: str, ids: list[int], limit: int, every_match: bool) -> list[int]:
    """``ids`` (the newest matches of ``expression``, newest first) best first by BM25. When
    they are ``every_match`` from the oldest of them on, a rowid range selects them; else a
    temporary table does (FTS5 evaluates the whole query again for each value of an IN list)."""
    weights = ", ".join(str(w) for w in WEIGHTS)
    order = "ORDER BY score, f.rowid DESC" + (f" LIMIT {int(limit)}" if limit else "")
    if every_match:
        return [r[0] for r in conn.execute(
            f"SELECT f.rowid, bm25(complaints_fts, {weights}) AS score FROM complaints_fts f "
            f"WHERE complaints_fts MATCH ? AND f.rowid >= ? {order}", [expression, ids[-1]])]
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS search_window (id INTEGER PRIMARY KEY)")
    conn.execute("DELETE FROM temp.search_window")
    conn.executemany("INSERT INTO temp.search_window VALUES (?)", [(i,) for i in ids])
    return [r[0] for r in conn.execute(
        # CROSS JOIN keeps the index outside: one pass over its matches, each looked up in the window
        f"SELECT f.rowid, bm25(complaints_fts, {weights}) AS score FROM complaints_fts f "
        f"CROSS JOIN temp.search_window w ON w.id = f.rowid WHERE complaints_fts MATCH ? {order}", [expression])]


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
        marks = ", ".join("?" * len(chunk))
        texts = {r[0]: dict(zip(COLUMNS, r[1:], strict=True)) for r in conn.execute(
            f"SELECT rowid, {', '.join(COLUMNS)} FROM complaints_fts WHERE rowid IN ({marks})",
            [r["id"] for r in chunk])}
        for row in chunk:
            row["matched_in"], row["snippet"] = snippet(texts.get(row["id"], {}), terms)
    return rows
