"""The audit chain has one definition; its fast paths (an import's events, SQLite's encoding
in check) give exactly the same hashes for any text."""

from __future__ import annotations

import sqlite3

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from complaintctl.core.trust.audit import verify_chain
from complaintctl.store.chain import CHAINED, GENESIS, encode, imported_events_hasher, insert_events, link, sql_encoded

text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40)


@settings(max_examples=150, deadline=None)
@given(at=text, actor=text, prefix=text, rows=st.lists(st.tuples(st.integers(1, 10**12), st.one_of(st.none(), text),
                                                                  st.integers(0, 10**7), st.one_of(st.none(), text)),
                                                        max_size=5))
def test_an_imports_hashes_are_the_chains_own(at, actor, prefix, rows):
    fast = imported_events_hasher(at, actor, prefix)(GENESIS, rows)
    previous = GENESIS
    for (cid, status, line, digest), (*_, hashed) in zip(rows, fast, strict=True):
        previous = link(previous, (cid, at, actor, "imported", "status", None, status, f"{prefix}{line}", None), digest)
        assert hashed == previous


@settings(max_examples=150, deadline=None)
@given(values=st.lists(st.one_of(st.none(), text, st.integers(-10**12, 10**12)), min_size=1, max_size=4))
def test_sqlite_encodes_content_as_the_chain_does(values):
    conn = sqlite3.connect(":memory:")
    columns = [f"c{i}" for i in range(len(values))]
    conn.execute(f"CREATE TABLE t ({', '.join(columns)})")
    conn.execute(f"INSERT INTO t VALUES ({', '.join('?' * len(values))})", values)
    (encoded,) = conn.execute(f"SELECT {' || '.join(sql_encoded(c) for c in columns)} FROM t").fetchone()
    if not any(isinstance(v, str) and "\x00" in v for v in values):  # length() stops at a NUL: check confirms those
        assert encoded == encode(values)


def test_a_nul_in_a_note_is_no_false_alarm(conn):
    from complaintctl.store.engine import POSTGRESQL, engine_of

    if engine_of(conn) == POSTGRESQL:  # text there holds no NUL: refused before it is written, nothing to verify
        from complaintctl.errors import InvalidInput

        with pytest.raises(InvalidInput, match="NUL"), conn:
            insert_events(conn, [(None, "2026-11-24T00:00:00Z", "x", "note", None, None, None, "before\x00after", None)])
        assert verify_chain(conn).checked == 0
        return
    with conn:
        insert_events(conn, [(None, "2026-11-24T00:00:00Z", "x", "note", None, None, None, "before\x00after", None),
                             (None, "2026-11-24T00:00:01Z", "x", "note", None, None, None, "plain", None)])
    report = verify_chain(conn)
    assert report.checked == 2 and report.broken == [] and report.unhashed == []


def test_the_encoding_cannot_be_confused_by_separators():
    assert encode(("a:1", None)) != encode(("a", ":1")) != encode(("a:1-",))
    assert len(CHAINED) == 9
