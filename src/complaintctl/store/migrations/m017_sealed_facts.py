"""Migration 017: sealed facts. Released: never edit; a change is a new migration."""

from __future__ import annotations

from complaintctl.store.engine import Connection


def apply(conn: Connection) -> None:
    """Events may carry a digest of the facts they seal (what a complaint was logged or imported
    with, what a customer was created with: core/record/seal.py), covered by the audit chain;
    events written before have none and hash as they did. ``audit_chain`` says which version of
    the chain (store/chain.py) the events use from which event on: version 1 from the first."""
    conn.execute("ALTER TABLE events ADD COLUMN digest TEXT CHECK (digest IS NULL OR digest <> '')")
    conn.execute(
        """
        CREATE TABLE audit_chain (
            version INTEGER PRIMARY KEY,
            from_event INTEGER NOT NULL UNIQUE,
            since TEXT NOT NULL
        ) STRICT
        """
    )
    conn.execute("INSERT INTO audit_chain (version, from_event, since) "
                 "VALUES (1, 1, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))")
    for verb in ("UPDATE", "DELETE"):
        conn.execute(f"CREATE TRIGGER audit_chain_no_{verb.lower()} BEFORE {verb} ON audit_chain "
                     f"BEGIN SELECT RAISE(ABORT, 'the audit chain''s versions are append-only: {verb} refused'); END")
