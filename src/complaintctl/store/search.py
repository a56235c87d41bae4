"""The search index, ``complaints_fts``: an FTS5 table (trigram tokenizer) over the view
``complaint_search_text`` (external content: the index holds the words, the view the text),
kept in step by triggers (store/migrations m018). On PostgreSQL a table of the same name holds
the view's rows with a trigram index (pg_trgm) over their text, kept in step by triggers too
(store/postgresql/search.sql).

A writer of many complaints at once indexes them once each (``indexed_once``) instead of
letting the triggers refresh a complaint per row, tag and note; a bulk load may suspend the
triggers and rebuild the whole index at the end, in the same transaction.

What search asks of the index (core/insight/search.py) is asked here, for either engine:
``match`` turns the words into a Match, whose ids come newest first, counted, ranked best
first, or as a condition on a complaint id for `list --text`.
"""

from __future__ import annotations

import contextlib
import sqlite3
from dataclasses import dataclass

from complaintctl.store.engine import POSTGRESQL, Connection, engine_of
from complaintctl.store.migrations.m018_search_external_content import SEARCH_COLUMNS_18 as COLUMNS
from complaintctl.store.paging import limit_clause

TABLE = "complaints_fts"
VIEW = "complaint_search_text"
DOCUMENT = f"SELECT id, {', '.join(COLUMNS)} FROM {VIEW}"  # the rows the index is built from


def triggers(conn: Connection) -> list[tuple[str, str]]:
    """(name, sql) of the triggers that keep the index in step."""
    if engine_of(conn) == POSTGRESQL:
        return []  # they stay: on PostgreSQL a bulk load keeps its index up to date as it goes
    return conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%\\_fts\\_%' ESCAPE '\\' "
        "ORDER BY name").fetchall()


def suspend_triggers(conn: Connection) -> list[tuple[str, str]]:
    """Drop the index's triggers and return them for resume_triggers; inside a write transaction."""
    saved = triggers(conn)
    for name, _ in saved:
        conn.execute(f'DROP TRIGGER "{name}"')
    return saved


def resume_triggers(conn: Connection, saved: list[tuple[str, str]], *, rebuild: bool = True) -> None:
    """Refill the index from the tables (``rebuild``), then recreate the triggers."""
    if rebuild:
        rebuild_index(conn)
    for _, sql in saved:
        conn.execute(sql)


def rebuild_index(conn: Connection) -> int:
    """Refill the whole index from the view and merge it into one segment; return the rows.
    Segments are not merged while it fills (FTS5's automerge off), only once at the end, and are
    written HASH_BYTES at a time (50,000 complaints of real length: 5.3 s of CPU -> 4.4-4.9 s)."""
    if engine_of(conn) == POSTGRESQL:
        conn.execute(f"DELETE FROM {TABLE}")
        return conn.execute(f"INSERT INTO {TABLE} (id, {', '.join(COLUMNS)}) {DOCUMENT}").rowcount
    automerge = conn.execute(f"SELECT v FROM {TABLE}_config WHERE k = 'automerge'").fetchone()
    conn.execute(f"INSERT INTO {TABLE} ({TABLE}, rank) VALUES ('automerge', 0)")
    with _large_hash(conn):
        conn.execute(f"INSERT INTO {TABLE} ({TABLE}) VALUES ('rebuild')")
    conn.execute(f"INSERT INTO {TABLE} ({TABLE}) VALUES ('optimize')")
    conn.execute(f"INSERT INTO {TABLE} ({TABLE}, rank) VALUES ('automerge', ?)",
                 (automerge[0] if automerge else 4,))  # as it was, or FTS5's default
    return conn.execute(f"SELECT count(*) FROM {TABLE}_docsize").fetchone()[0]


@contextlib.contextmanager
def indexed_once(conn: Connection, first_id: int, last_id: int):
    """Write complaints ``first_id``..``last_id``, new ones, with their tags and notes inside the
    block: the triggers leave them alone (search_pending names them), and on leaving each is
    indexed once, from what was written. Inside a write transaction; nobody else sees the
    pending row. If the block fails, what it wrote of them is indexed all the same (the caller
    usually rolls it all back; if not, the index still holds what the tables hold)."""
    if engine_of(conn) == POSTGRESQL:  # its triggers index each complaint as it is written
        yield
        return
    conn.execute("INSERT INTO search_pending (first_id, last_id) VALUES (?, ?)", (first_id, last_id))
    try:
        yield
    except BaseException:
        with contextlib.suppress(sqlite3.Error):
            _index_range(conn, first_id, last_id)
        raise
    _index_range(conn, first_id, last_id)


def _index_range(conn: Connection, first_id: int, last_id: int) -> None:
    conn.execute("DELETE FROM search_pending WHERE first_id = ? AND last_id = ?", (first_id, last_id))
    with _large_hash(conn):
        conn.execute(f"INSERT INTO {TABLE} (rowid, {', '.join(COLUMNS)}) {DOCUMENT} WHERE id BETWEEN ? AND ?",
                     (first_id, last_id))


# FTS5 gathers new entries in memory and writes them out as a segment whenever they exceed its
# hashsize (1 MB unless set), and the segments are then merged into bigger ones: on text of real
# length a 5,000-complaint batch made some twenty segments, each merged several times over.
# Written in 16 MB at a time, the same batch makes one or two (bench/import.py: the index's CPU
# about a third less; the memory is freed when the batch commits).
HASH_BYTES = 16 << 20
FTS5_HASH_BYTES = 1 << 20  # FTS5's own default


@contextlib.contextmanager
def _large_hash(conn: Connection):
    """FTS5's in-memory gathering of new entries at HASH_BYTES for the block (SQLite), then as it
    was, inside the caller's transaction: no other writer ever sees the setting."""
    saved = conn.execute(f"SELECT v FROM {TABLE}_config WHERE k = 'hashsize'").fetchone()
    conn.execute(f"INSERT INTO {TABLE} ({TABLE}, rank) VALUES ('hashsize', ?)", (HASH_BYTES,))
    try:
        yield
    finally:
        conn.execute(f"INSERT INTO {TABLE} ({TABLE}, rank) VALUES ('hashsize', ?)",
                     (saved[0] if saved else FTS5_HASH_BYTES,))
        if saved is None:  # as a fresh index has it: no row, FTS5's default
            conn.execute(f"DELETE FROM {TABLE}_config WHERE k = 'hashsize'")


@contextlib.contextmanager
def removed_once(conn: Connection, ids: list[int]):
    """Delete complaints ``ids``, with their tags, inside the block: each leaves the index once,
    first, and the triggers of the deletes leave them alone (search_pending names them). Inside
    a write transaction; if the block fails, those still there are indexed again."""
    if engine_of(conn) == POSTGRESQL:  # its triggers take each complaint out as it goes
        yield
        return
    runs = _runs(sorted(ids))
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        conn.execute(f"DELETE FROM {TABLE} WHERE rowid IN ({', '.join('?' * len(chunk))})", chunk)
    conn.executemany("INSERT INTO search_pending (first_id, last_id) VALUES (?, ?)", runs)
    try:
        yield
    except BaseException:
        with contextlib.suppress(sqlite3.Error):
            for first_id, last_id in runs:
                _index_range(conn, first_id, last_id)
        raise
    for first_id, last_id in runs:
        _index_range(conn, first_id, last_id)  # indexes nothing: every one of them is gone


def _runs(ids: list[int]) -> list[tuple[int, int]]:
    """Sorted ids as (first, last) runs of consecutive numbers."""
    runs: list[tuple[int, int]] = []
    for i in ids:
        if runs and runs[-1][1] == i - 1:
            runs[-1] = (runs[-1][0], i)
        else:
            runs.append((i, i))
    return runs


# What search looks in, in the index's column order, and how much a match there weighs.
WEIGHTS = (10.0, 4.0, 3.0, 6.0, 6.0, 2.0, 2.0)
_VOCAB = "temp.complaints_fts_terms"


@dataclass(frozen=True)
class Match:
    """What the index is asked for some words: SQL that holds for the index's rows ``f`` that
    have them, with its parameters (an FTS5 query on SQLite; LIKE terms on PostgreSQL)."""

    condition: str
    params: tuple
    terms: tuple[str, ...]


def _phrase(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _prefix_tokens(conn, term: str) -> list[str]:
    """The index's tokens that begin with a one- or two-character ``term`` (SQLite)."""
    conn.execute(f"CREATE VIRTUAL TABLE IF NOT EXISTS {_VOCAB} USING fts5vocab(main, complaints_fts, 'row')")
    upper = term[:-1] + chr(ord(term[-1]) + 1)
    return [r[0] for r in conn.execute(f"SELECT term FROM {_VOCAB} WHERE term >= ? AND term < ?", (term, upper))]


def match_expression(conn, terms: list[list[str]], any_term: bool = False) -> str | None:
    """The FTS5 query for ``terms``, each given in the spellings it may have in the record (all
    the terms, or any with ``any_term``); None when nothing can match (a short term the index
    has never seen). A spelling of three or more characters is one FTS5 phrase: the trigram
    tokenizer finds it as a substring. One of one or two characters has no trigram of its own;
    every indexed column ends with two spaces, so each occurrence of it starts some
    three-character token, and it stands for all the tokens in the index's vocabulary that begin
    with it (``漏水`` -> ``漏水了 OR 漏水， OR ...``): exact, and costs a range read of the
    vocabulary plus a merge of those tokens' lists (measured in bench/scale.py)."""
    parts = []
    for term in terms:
        phrases, whole = [], True
        for spelling in term:
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


def _like(term: str) -> str:
    return "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def match(conn, terms: list[list[str]], any_term: bool = False) -> Match | None:
    """The Match of ``terms``, each given in the spellings it may have in the record (all the
    terms, or any with ``any_term``), or None when nothing can match."""
    spelled = tuple(dict.fromkeys(s.lower() for term in terms for s in term))
    if engine_of(conn) == POSTGRESQL:
        # the index's document is lower-cased; a term found in it is found in some column
        groups = ["(" + " OR ".join(["f.document LIKE ? ESCAPE '\\'"] * len(term)) + ")" for term in terms]
        params = tuple(_like(s.lower()) for term in terms for s in term)
        return Match("(" + (" OR " if any_term else " AND ").join(groups) + ")", params, spelled)
    expression = match_expression(conn, terms, any_term)
    return None if expression is None else Match("complaints_fts MATCH ?", (expression,), spelled)


def id_condition(found: Match, column: str = "c.id") -> tuple[str, list]:
    """SQL that holds for the complaints (``column``) the match finds."""
    if found.condition.startswith("complaints_fts MATCH"):
        return f"{column} IN (SELECT rowid FROM complaints_fts WHERE complaints_fts MATCH ?)", list(found.params)
    return f"{column} IN (SELECT f.id FROM complaints_fts f WHERE {found.condition})", list(found.params)


def _id(conn) -> str:
    return "f.id" if engine_of(conn) == POSTGRESQL else "f.rowid"


def newest(conn, found: Match, limit: int) -> list[int]:
    """The ids of the newest ``limit`` matches, newest first."""
    return [r[0] for r in conn.execute(f"SELECT {_id(conn)} FROM complaints_fts f WHERE {found.condition} "
                                       f"ORDER BY {_id(conn)} DESC" + limit_clause(limit), found.params)]


def count(conn, found: Match) -> int:
    return conn.execute(f"SELECT count(*) FROM complaints_fts f WHERE {found.condition}", found.params).fetchone()[0]


def older(conn, found: Match, below: int, limit: int | None) -> list[int]:
    """The ids of the matches older than complaint ``below``, newest first (``limit`` of them)."""
    return [r[0] for r in conn.execute(
        f"SELECT {_id(conn)} FROM complaints_fts f WHERE {found.condition} AND {_id(conn)} < ? "
        f"ORDER BY {_id(conn)} DESC" + limit_clause(limit), [*found.params, below])]


def filtered(conn, found: Match, where: str, params: list) -> list[int]:
    """The ids of every match that also passes ``where`` (on complaints ``c`` and customers
    ``cu``), newest first: one pass over the matches, each read with its complaint."""
    source = f"FROM complaints_fts f JOIN complaints c ON c.id = {_id(conn)}" + (
        " LEFT JOIN customers cu ON cu.id = c.customer_id" if "cu." in where else "")
    return [r[0] for r in conn.execute(
        f"SELECT {_id(conn)} {source} WHERE {found.condition} AND {where.removeprefix('WHERE ')} "
        f"ORDER BY {_id(conn)} DESC", [*found.params, *params])]


def ranked(conn, found: Match, ids: list[int], limit: int, every_match: bool) -> list[int]:
    """``ids`` (the newest matches, newest first) best first. SQLite: by BM25 with the columns'
    WEIGHTS; when they are ``every_match`` from the oldest of them on, a rowid range selects
    them, else a temporary table does (FTS5 evaluates the whole query again for each value of
    an IN list). PostgreSQL: by the WEIGHTS of the columns each term is found in."""
    cut = limit_clause(limit)
    if engine_of(conn) == POSTGRESQL:
        score = " + ".join(f"(CASE WHEN lower(f.{column} COLLATE \"default\") LIKE ? ESCAPE '\\' THEN {weight} ELSE 0 END)"
                           for _ in found.terms for column, weight in zip(COLUMNS, WEIGHTS, strict=True))
        params = [_like(term) for term in found.terms for _ in COLUMNS]
        return [r[0] for r in conn.execute(
            f"SELECT f.id FROM complaints_fts f WHERE f.id = ANY(?) ORDER BY {score} DESC, f.id DESC{cut}",
            [list(ids), *params])]
    weights = ", ".join(str(w) for w in WEIGHTS)
    order = f"ORDER BY score, f.rowid DESC{cut}"
    expression = found.params[0]
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


def texts(conn, ids: list[int]) -> dict[int, dict[str, str]]:
    """What search looks in, per complaint of ``ids`` (500 at most), by column."""
    marks = ", ".join("?" * len(ids))
    key = "id" if engine_of(conn) == POSTGRESQL else "rowid"
    return {r[0]: dict(zip(COLUMNS, r[1:], strict=True)) for r in conn.execute(
        f"SELECT {key}, {', '.join(COLUMNS)} FROM complaints_fts WHERE {key} IN ({marks})", ids)}


def _holding_sql(conn, grams: list[str]) -> tuple[str, list]:
    """SQL for the ids of complaints whose subject or description hold every one of ``grams``."""
    if engine_of(conn) == POSTGRESQL:
        # the document (every column, lower-cased) holding each gram is what the trigram index
        # answers; the subject or description holding it is checked on the rows it gives. Both
        # sides are lower-cased: ~~ is LIKE as PostgreSQL spells it, which the connection does
        # not make ILIKE as it does SQLite's LIKE (store/sqltext.py), and costs less; its escape
        # character is the backslash _like() writes
        like = "~~ ?"
        condition = " AND ".join([f"f.document {like} AND lower((f.subject || ' ' || f.description) COLLATE "
                                  f"\"default\") {like}"] * len(grams))
        return (f"SELECT f.id FROM complaints_fts f WHERE {condition}",
                [_like(g.lower()) for g in grams for _ in range(2)])
    expression = "{subject description} : (" + " AND ".join(_phrase(g) for g in grams) + ")"
    return f"SELECT f.rowid FROM {TABLE} f WHERE {TABLE} MATCH ?", [expression]


def how_many_hold(conn, grams: list[str], most: int) -> int:
    """In how many complaints the subject or description hold every one of ``grams`` (three
    characters or more each), counted up to ``most``: a common trigram costs no more than a rare one."""
    sql, params = _holding_sql(conn, grams)
    return conn.execute(f"SELECT count(*) FROM ({sql} LIMIT ?) AS held", [*params, most]).fetchone()[0]


def holding(conn, grams: list[str], most: int, *, newest: bool = False) -> list[int]:
    """The ids of the complaints whose subject or description hold every one of ``grams``, ``most``
    at most: the index's first (the oldest, in the order it reads them best), or the ``newest``."""
    sql, params = _holding_sql(conn, grams)
    order = f" ORDER BY {_id(conn)} DESC" if newest else ""
    found = [r[0] for r in conn.execute(f"{sql}{order} LIMIT ?", [*params, most])]
    if engine_of(conn) == POSTGRESQL and not newest and len(found) < most:
        found.sort()  # all of them: in id order, as FTS5 gives them, so that ties fall alike on both engines
    return found
