"""SQL written for SQLite, as PostgreSQL (through psycopg) reads it: the few spellings the two
engines do not share, rewritten token by token outside string literals, once per statement.

- placeholders: ``?`` and ``:name`` become ``%s`` and ``%(name)s`` (and a literal ``%`` is doubled);
- ``x IS y`` / ``x IS NOT y`` (y not NULL, TRUE or FALSE): SQLite's null-safe comparison,
  ``IS [NOT] DISTINCT FROM``;
- ``LIKE``: SQLite's LIKE ignores case, as ``ILIKE`` does;
- ``x [NOT] GLOB 'pattern'``: the ``glob(pattern, x)`` function (store/postgresql/functions.sql);
- ``char(n)``: ``chr(n)``;
- a unary ``+`` before a column (SQLite's way to keep an index out of a plan) goes;
- ``x IN (SELECT value FROM json_each(?))`` (a list passed as one JSON text) is ``x = ANY(?)``,
  and the connection binds that parameter as the array the JSON holds (``json_params``);
- ``BEGIN IMMEDIATE`` (and DEFERRED, EXCLUSIVE): a BEGIN, which the connection takes its lock with.

Everything else is sent as written: the code uses the spellings both engines accept
(``INSERT ... ON CONFLICT``, ``RETURNING``, ``coalesce``), and SQLite's functions exist on
PostgreSQL under their own names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_TOKEN = re.compile(r"""'(?:[^']|'')*'|"(?:[^"]|"")*"|--[^\n]*|/\*.*?\*/|\?|(?<!:):[A-Za-z_]\w*|%|[A-Za-z_]\w*|\s+|.""",
                    re.S)
_BEGIN = re.compile(r"\s*BEGIN(\s+(IMMEDIATE|DEFERRED|EXCLUSIVE))?(\s+TRANSACTION)?\s*;?\s*$", re.I)
_BEFORE_AN_OPERAND = {"AND", "OR", "WHERE", "ON", "NOT", "(", ",", "SELECT", "BY", "WHEN", "THEN", "ELSE"}
_AFTER_IS = {"NULL", "TRUE", "FALSE", "UNKNOWN", "NOT", "DISTINCT"}  # IS's own words, not a value
_CACHE: dict[str, Statement] = {}
_CACHE_SIZE = 2000


@dataclass(frozen=True)
class Statement:
    bound: str  # to run with parameters (psycopg's placeholders, % doubled)
    plain: str  # to run without any
    kind: str  # "begin", "pragma" or "sql"
    json_params: tuple = ()  # positions (of ?) or names (of :name) of parameters bound as arrays


def translate(sql: str) -> Statement:
    found = _CACHE.get(sql)
    if found is None:
        found = _translate(sql)
        if len(_CACHE) >= _CACHE_SIZE:
            _CACHE.clear()
        _CACHE[sql] = found
    return found


def _is_space(token: str) -> bool:
    return token.isspace() or token.startswith(("--", "/*"))


def _translate(sql: str) -> Statement:
    if _BEGIN.match(sql):
        return Statement("BEGIN", "BEGIN", "begin")
    if sql.lstrip()[:6].upper() == "PRAGMA":
        return Statement(sql, sql, "pragma")
    tokens = _TOKEN.findall(sql)
    _rewrite_glob(tokens)
    json_params = _rewrite_json_lists(tokens)
    bound: list[str] = []
    plain: list[str] = []
    previous = ""  # the last token that is not white space, upper-cased
    before = ""  # the one before it
    for i, token in enumerate(tokens):
        upper = token.upper()
        b = p = token
        if token == "?":
            b = "%s"
        elif token.startswith(":") and len(token) > 1:
            b = f"%({token[1:]})s"
        elif token == "%":
            b = "%%"
        elif token.startswith("'") and "%" in token:
            b = token.replace("%", "%%")
        elif upper == "LIKE":
            b = p = "ILIKE"
        elif upper == "CHAR" and _next(tokens, i) == "(":
            b = p = "chr"
        elif token == "+" and previous in _BEFORE_AN_OPERAND and re.fullmatch(r"[A-Za-z_]\w*", _next(tokens, i)):
            b = p = ""
        if not _is_space(token) and upper not in _AFTER_IS and previous in ("IS", "NOT") and (
                previous == "IS" or before == "IS"):
            _distinct(bound, plain, negate=previous == "NOT")
        bound.append(b)
        plain.append(p)
        if not _is_space(token):
            previous, before = upper, previous
    return Statement("".join(bound), "".join(plain), "sql", json_params)


def _next(tokens: list[str], i: int) -> str:
    for token in tokens[i + 1:]:
        if not _is_space(token):
            return token
    return ""


def _distinct(bound: list[str], plain: list[str], *, negate: bool) -> None:
    """Turn the IS (or IS NOT) just written into IS [NOT] DISTINCT FROM, before a placeholder."""
    for out in (bound, plain):
        j = len(out) - 1
        while _is_space(out[j]):
            j -= 1
        if negate:  # ... IS NOT ?  ->  ... IS DISTINCT FROM ?
            k = j - 1
            while _is_space(out[k]):
                k -= 1
            out[k:j + 1] = ["IS DISTINCT FROM"]
        else:  # ... IS ?  ->  ... IS NOT DISTINCT FROM ?
            out[j] = "IS NOT DISTINCT FROM"


_JSON_LIST = ["IN", "(", "SELECT", "VALUE", "FROM", "JSON_EACH", "(", None, ")", ")"]


def _rewrite_json_lists(tokens: list[str]) -> tuple:
    """``IN (SELECT value FROM json_each(P))`` -> ``= ANY(P)``, in place; returns which
    parameters (the position of a ``?``, or a name) P were."""
    found = []
    i = 0
    while i < len(tokens):
        if tokens[i].upper() != "IN":
            i += 1
            continue
        positions: list[int] = []
        j, matched = i, True
        for expected in _JSON_LIST:
            while j < len(tokens) and _is_space(tokens[j]):
                j += 1
            if j >= len(tokens) or (expected is not None and tokens[j].upper() != expected) or (
                    expected is None and not (tokens[j] == "?" or tokens[j].startswith(":"))):
                matched = False
                break
            positions.append(j)
            j += 1
        if not matched:
            i += 1
            continue
        parameter = tokens[positions[7]]
        found.append(parameter[1:] if parameter.startswith(":") else sum(1 for t in tokens[:positions[7]] if t == "?"))
        tokens[i:positions[-1] + 1] = ["= ANY(", parameter, ")"]
        i += 3
    return tuple(found)


def _rewrite_glob(tokens: list[str]) -> None:
    """``operand [NOT] GLOB pattern`` -> ``[NOT] glob(pattern, operand)``, in place; the operand
    is a column (``c.at``), the pattern a string or a placeholder."""
    i = 0
    while i < len(tokens):
        if tokens[i].upper() != "GLOB":
            i += 1
            continue
        j = i - 1
        while _is_space(tokens[j]):
            j -= 1
        negate = tokens[j].upper() == "NOT"
        if negate:
            j -= 1
            while _is_space(tokens[j]):
                j -= 1
        start = j  # the operand: name(.name)*
        while start >= 2 and tokens[start - 1] == "." and re.fullmatch(r"[A-Za-z_]\w*", tokens[start - 2]):
            start -= 2
        k = i + 1
        while _is_space(tokens[k]):
            k += 1
        operand = "".join(tokens[start:j + 1])
        pattern = tokens[k]
        tokens[start:k + 1] = [("NOT " if negate else "") + "glob(", pattern, ", ", operand, ")"]
        i = start + 5


def redacted(url: str) -> str:
    """A database URL without its password, to show."""
    return re.sub(r"(://[^:/@]+):[^@/]*@", r"\1:***@", url)


def newest_of_each(conn, table: str, group: str, columns: str, where: str) -> str:
    """SQL for the newest row (highest id) of ``table`` in each ``group`` (columns, comma
    separated) among those ``where`` holds: ``group``, ``columns`` and the id. SQLite reads the
    other columns of max(id)'s row in one grouped pass; PostgreSQL says it with DISTINCT ON."""
    if getattr(conn, "engine", "sqlite") == "postgresql":
        return (f"SELECT DISTINCT ON ({group}) {group}, {columns}, id FROM {table} WHERE {where} "
                f"ORDER BY {group}, id DESC")
    return f"SELECT {group}, {columns}, max(id) FROM {table} WHERE {where} GROUP BY {group}"
