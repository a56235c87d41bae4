"""What words of a search mean in the record: the terms of a query, each in every spelling the
record may hold it (see ``spellings``), and the WHERE term of `list --text`.

Below both search.py (the search command) and queries.py (list's filters), which use it.
"""

from __future__ import annotations

from complaintctl.errors import InvalidInput
from complaintctl.store import search as index
from complaintctl.store.engine import Connection


def search_terms(text: str) -> list[str]:
    """'洗衣机 "no water"' -> ['洗衣机', 'no water']: words, or phrases in double quotes; a text
    that is a phone number as a whole ('+86 138 0013 8000') is one term, however it is spaced."""
    import shlex

    if _looks_like_phone(text.strip()):
        return [text.strip().lower()]

    try:
        words = shlex.split(text)
    except ValueError:  # an unbalanced quote: take the text as it is
        words = text.split()
    words = [w.lower() for w in words if w.strip()]
    if not words:
        raise InvalidInput("nothing to search for", hint='give words, e.g. complaintctl search 漏水 "no water"')
    return words


_FULL_WIDTH = {c: c + 0xFEE0 for c in range(0x21, 0x7F)}  # ASCII ! .. ~ -> ！ .. ～ (FF01 .. FF5E)


def spellings(conn: Connection, term: str, *, every: bool = False) -> list[str]:
    """The ways ``term`` may be written in the record, as customer matching reads them: its NFKC
    form (full-width ＡＰＰ is app), the term as typed, its ASCII in full width (app finds
    ＡＰＰ too: the index keeps text as it was written), for a mobile number its digits in the
    groups people write (138 0013 8000, 138-0013-8000), and for a phone number or an e-mail every
    way the customers with it (normalised: +86 138 0013 8000 is 13800138000) and the customers
    they were merged into wrote theirs. With ``every``, also those another spelling finds already
    (what a snippet marks: '[+86 138 0013 8000]' whole, not '+86 [138 0013 8000]')."""
    import unicodedata

    from complaintctl.core.people.matching import normalize_phone

    plain = unicodedata.normalize("NFKC", term).lower()
    found = [plain, term, plain.translate(_FULL_WIDTH)]
    if _looks_like_phone(plain):
        digits = normalize_phone(plain)
        if digits:
            found.append(digits)
            if len(digits) == 11 and digits.startswith("1"):  # a mobile as people write it: 139 1234 5678
                found += [f"{digits[:3]}{sep}{digits[3:7]}{sep}{digits[7:]}" for sep in (" ", "-")]
            found += _contact_spellings(conn, "phone", digits)
    elif _looks_like_email(plain):
        found += _contact_spellings(conn, "email", plain)
    # one of each (the index folds case, full-width letters too); and a spelling that holds another
    # is found by it already (a phrase matches inside longer text): '+86 13800138000' would cost a
    # second pass over the index for nothing when '13800138000' is there
    one_each: dict[str, str] = {}
    for spelling in found:
        if spelling and spelling.strip():
            one_each.setdefault(spelling.lower(), spelling)
    found = list(one_each.values())
    if every:
        return found
    return [s for s in found if not any(o.lower() != s.lower() and o.lower() in s.lower() for o in found)]


def _contact_spellings(conn: Connection, column: str, normalized: str) -> list[str]:
    """How the customers with this normalised phone or e-mail wrote theirs, and how the customers
    they were merged into wrote theirs: a merged record's phone finds the customer it was merged
    into, whose complaints the index holds under the kept record's details."""
    return [v.lower() for (v,) in conn.execute(
        f"SELECT m.{column} FROM customers m WHERE m.{column}_normalized = ? AND m.{column} IS NOT NULL "
        f"UNION SELECT k.{column} FROM customers m JOIN customers k ON k.id = m.merged_into "
        f"WHERE m.{column}_normalized = ? AND k.{column} IS NOT NULL", (normalized, normalized))]


def _looks_like_email(text: str) -> bool:
    return "@" in text and not any(c.isspace() for c in text)


def _looks_like_phone(text: str) -> bool:
    """Digits with a phone's punctuation only, seven or more of them."""
    return sum(c.isdigit() for c in text) >= 7 and all(c.isdigit() or c in "+-() ." for c in text)


def match_expression(conn: Connection, terms: list[str], any_term: bool = False) -> str | None:
    """The FTS5 query for ``terms`` on SQLite, each in all its spellings (store/search.py)."""
    return index.match_expression(conn, [spellings(conn, term) for term in terms], any_term)


def match(conn: Connection, terms: list[str], any_term: bool) -> index.Match | None:
    return index.match(conn, [spellings(conn, term) for term in terms], any_term)


def text_clause(conn: Connection, text: str, any_term: bool = False) -> tuple[str, list]:
    """A WHERE term on ``c.id`` for `list --text`: complaints whose text holds the words."""
    found = match(conn, search_terms(text), any_term)
    if found is None:
        return "0 = 1", []
    return index.id_condition(found)
