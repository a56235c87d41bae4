"""`migrate-to`: the whole desk copied to another database, a team's file to an empty PostgreSQL
database or back to a new file, with nothing lost: every row of every table of the record with its
id, every event with its hash (the chain goes on from the same head), then the counts and the
head compared. A move that stops half-way (a lost connection, Ctrl-C) is resumed by running it
again: each table goes in batches, each batch one transaction, and a new run goes on after the
rows the target holds.

The target's own triggers rebuild what is derived from the record (the search index); its id
counters are set after the highest copied id; its identity (``database_id``) stays its own. On
PostgreSQL the events written after the move are linked by the database (chain version 2): the
chain's versions say from which event on (store/chain.py), and `check` verifies each stretch.
"""

from __future__ import annotations

from pathlib import Path

from complaintctl.core.trust.database import on_server, open_database, shown
from complaintctl.errors import Refused
from complaintctl.store import moving
from complaintctl.store.catalog import columns
from complaintctl.store.chain import head
from complaintctl.store.db import transaction
from complaintctl.store.engine import POSTGRESQL, Connection, engine_of
from complaintctl.timetext import to_iso

BATCH = 5000  # rows a transaction copies
MARKER = "moving_from"  # settings key: the source's database_id while a move is under way
RECORD = ("complaints", "customers", "events")  # a target holding any of these is not empty


def migrate_to(source: Connection, target: Path | str, *, now, batch: int = BATCH, progress=None) -> dict:
    """Copy the desk on ``source`` into ``target`` (an empty PostgreSQL database's URL, or a file
    that does not exist yet), or go on with a move to it that stopped; verify; return what was
    copied. ``progress(table, rows_copied)`` is called after each batch."""
    if isinstance(target, Path) and target.exists() and target.stat().st_size > 0:
        moving_in = _open_target(target)
        if _marker(moving_in) is None:
            moving_in.close()
            raise Refused(f"{shown(target)} exists: migrate-to writes a new file", hint="give the path of a new file")
    else:
        moving_in = _open_target(target)
    try:
        return _move(source, moving_in, target, now=now, batch=batch, progress=progress)
    finally:
        moving_in.close()


def _open_target(target: Path | str) -> Connection:
    return open_database(target, may_create=True)


def _marker(conn: Connection) -> str | None:
    row = conn.execute("SELECT value FROM settings WHERE key = ?", (MARKER,)).fetchone()
    return None if row is None else row[0]


def _database_id(conn: Connection) -> str:
    return conn.execute("SELECT value FROM settings WHERE key = 'database_id'").fetchone()[0]


def _move(source: Connection, target: Connection, where: Path | str, *, now, batch: int, progress) -> dict:
    source_id = _database_id(source)
    if source_id == _database_id(target):
        raise Refused("the target is the database being moved", hint="give migrate-to another database")
    tables = moving.record_tables(target)
    missing = [t for t in tables if t not in moving.record_tables(source)]
    if missing:
        raise Refused(f"the source has no table {missing[0]}", hint="open it once with this complaintctl to upgrade it")
    marker = _marker(target)
    resumed = marker is not None
    if marker is None:
        held = {t: target.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in RECORD}
        if any(held.values()):
            raise Refused(f"{shown(where)} already holds a desk (complaints: {held['complaints']:,}, "
                          f"events: {held['events']:,}): migrate-to fills an empty database only",
                          hint="give it a new, empty database: docs/guide.md, Running on PostgreSQL")
        with transaction(target):
            moving.clear_seeds(target, tables)
            moving.hold_references(target, tables)
            target.execute("INSERT INTO settings (key, value) VALUES (?, ?)", (MARKER, source_id))
    elif marker != source_id:
        raise Refused(f"{shown(where)} holds a move from another database, not from this one",
                      hint="finish that move, or give migrate-to an empty database")
    copied = {}
    for table in tables:
        copied[table] = _copy_table(source, target, table, batch=batch, progress=progress)
    return _finish(source, target, where, tables, copied, resumed=resumed, now=now)


def _copy_table(source: Connection, target: Connection, table: str, *, batch: int, progress) -> int:
    """Copy the rows of ``table`` the target does not hold yet; return how many went in."""
    names = [c for c in columns(source, table) if c in set(columns(target, table))]
    if table == "settings":
        return _copy_rows(target, table, names, [r for r in source.execute(
            f"SELECT {', '.join(names)} FROM settings WHERE key NOT IN ({', '.join('?' * len(moving.PER_DATABASE_SETTINGS))})",
            moving.PER_DATABASE_SETTINGS) if r[0] != MARKER])
    if not moving.has_integer_id(source, table):  # copied whole, in one transaction
        return _copy_rows(target, table, names, source.execute(f"SELECT {', '.join(names)} FROM {table}").fetchall(),
                          new=target.execute(f"SELECT 1 FROM {table} LIMIT 1").fetchone() is None)
    later = moving.self_references(target, table)
    ahead = " OR ".join(f"{column} > id" for column in later)  # rows naming a later row of their table
    total = 0
    after = target.execute(f"SELECT coalesce(max(id), 0) FROM {table}").fetchone()[0]  # a resumed move
    while True:
        rows = source.execute(f"SELECT {', '.join(names)} FROM {table} WHERE id > ? ORDER BY id LIMIT ?",
                              (after, batch)).fetchall()
        if not rows:
            break
        first, after = after, rows[-1][names.index("id")]
        if ahead:  # held back until the row they name is there (below)
            waiting = {r[0] for r in source.execute(f"SELECT id FROM {table} WHERE id > ? AND id <= ? AND ({ahead})",
                                                     (first, after))}
            rows = [r for r in rows if r[names.index("id")] not in waiting]
        total += _copy_rows(target, table, names, rows, new=True)  # above the target's highest id
        if progress is not None:
            progress(table, total)
    if ahead:
        total += _copy_rows(target, table, names, source.execute(
            f"SELECT {', '.join(names)} FROM {table} WHERE {ahead} ORDER BY id").fetchall())
    return total


def _copy_rows(target: Connection, table: str, names: list[str], rows: list, *, new: bool = False) -> int:
    """``rows`` into the target's ``table`` in one transaction; how many went in. ``new``: the
    target holds none of them (a bulk copy); else a row it holds is passed over."""
    if not rows:
        return 0
    with transaction(target):
        if new:
            return moving.insert_new(target, table, names, rows)
        before = target.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        target.executemany(f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))}) "
                           "ON CONFLICT DO NOTHING", [tuple(r) for r in rows])
        return target.execute(f"SELECT count(*) FROM {table}").fetchone()[0] - before


def _finish(source: Connection, target: Connection, where: Path | str, tables: list[str], copied: dict,
            *, resumed: bool, now) -> dict:
    """Put the foreign keys back (each checks its table whole), compare every table's rows and
    the chain's head; then the target is the desk."""
    with transaction(target):
        moving.restore_references(target)
    counts = {}
    for table in tables:
        mine = source.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        theirs = target.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        if table == "settings":
            mine -= len(moving.PER_DATABASE_SETTINGS)
            theirs -= len(moving.PER_DATABASE_SETTINGS) + 1  # + the move's marker
        if mine != theirs:
            raise Refused(f"{table}: {mine:,} rows here, {theirs:,} in {shown(where)} (the database changed while it "
                          "was being moved?)", hint="run migrate-to again: it goes on where it stopped")
        counts[table] = mine
    source_head, target_head = head(source), head(target)
    if source_head != target_head:
        raise Refused(f"the audit chain's head differs: {source_head} here, {target_head} in {shown(where)}",
                      hint="run migrate-to again: it goes on where it stopped")
    with transaction(target):
        moving.index_all(target)
        moving.set_id_counters(target, tables)
        if engine_of(target) == POSTGRESQL and _last_version(target) != 2:
            # the database links what is written from now on (store/postgresql/chain.sql)
            target.execute("INSERT INTO audit_chain (version, from_event, since) VALUES (2, ?, ?)",
                           ((source_head[0] if source_head else 0) + 1, to_iso(now)))
        target.execute("DELETE FROM settings WHERE key = ?", (MARKER,))
    return {"target": shown(where), "engine": POSTGRESQL if on_server(where) else "sqlite", "resumed": resumed,
            "complaints": counts.get("complaints", 0), "customers": counts.get("customers", 0),
            "events": counts.get("events", 0), "head": None if source_head is None else f"{source_head[0]}:{source_head[1]}",
            "rows_copied": sum(copied.values()), "tables": len(tables)}


def _last_version(conn: Connection) -> int | None:
    row = conn.execute("SELECT version FROM audit_chain ORDER BY from_event DESC LIMIT 1").fetchone()
    return None if row is None else row[0]
