"""Migration 027: json_extract reads SQLite's whole JSON path on PostgreSQL desks made before it
did. Released: never edit; a change is a new migration."""

from __future__ import annotations

from complaintctl.store.engine import Connection

# functions.sql's json_extract as a desk made from 7 December 2026, 13:07 on has it (a6eca03). One
# made before read only '$.a.b': a quoted key ('$."Location Type"', an import's header with a space)
# and an array's item ('$.tags[0]') came back NULL, in the docs' queries and in import --update.
JSON_EXTRACT = r"""
CREATE OR REPLACE FUNCTION json_extract(t text, path text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN path = '$' THEN t
                ELSE (t::jsonb) #>> ARRAY(SELECT coalesce(m[1], m[2], m[3])
                                          FROM regexp_matches(path, '\."([^"]*)"|\.([^."[]+)|\[([0-9]+)\]', 'g')
                                               WITH ORDINALITY AS step(m, n) ORDER BY n) END
$$
"""


def apply(conn: Connection) -> None:
    """Nothing on SQLite: its json_extract is its own."""


def apply_postgresql(conn) -> None:
    """The function replaced in place: the views and queries that call it by name read the new one
    (a view holds the function, not its text), and nothing else changes."""
    conn.raw.execute(JSON_EXTRACT)
