"""`check`'s references: every code, customer, agent and complaint a row refers to exists, and
every complaint or customer the events name that is gone has its removal recorded (an undone
import's)."""

from __future__ import annotations

from complaintctl.core.trust.finding import OK, PROBLEM, Finding, id_list, in_one, one_fix, quoted_ids
from complaintctl.i18n import L_, nL_
from complaintctl.i18n.said import Step
from complaintctl.store import catalog
from complaintctl.store.engine import Connection

# Events refer to complaints and customers through columns their own indexes hold: the
# distinct ids there are checked against their tables (a million lookups on a desk of
# millions, not one for each of ten million events); only when one is missing are the events
# read row by row, for the finding's row ids.
INDEXED_REFERENCES = {"events": [("complaint_id", "complaints", "removed"), ("customer_id", "customers",
                                                                         "customer_removed")]}


def reference_rows(conn: Connection) -> list[tuple]:
    """PRAGMA foreign_key_check's rows, table by table."""
    rows = []
    for table in catalog.table_names(conn):
        links = INDEXED_REFERENCES.get(table, [])
        if links and not any(conn.execute(
                f"SELECT 1 FROM (SELECT DISTINCT {column} AS referred FROM {table} WHERE {column} IS NOT NULL) d "
                f"WHERE NOT EXISTS (SELECT 1 FROM {parent} p WHERE p.id = d.referred) LIMIT 1").fetchone()
                for column, parent, _ in links):
            continue
        rows += catalog.foreign_key_violations(conn, table)
    return rows


def gone_unrecorded(conn: Connection) -> dict[str, list[int]]:
    """Parent table -> ids the events name that are gone with no event recording their removal
    (an undone import removes complaints and customers and keeps their events: schema 23 on,
    the events' references are not foreign keys, so this is their check)."""
    gone: dict[str, list[int]] = {}
    for table, links in INDEXED_REFERENCES.items():
        for column, parent, removal in links:
            ids = id_list(conn, f"SELECT d.referred FROM (SELECT DISTINCT {column} AS referred FROM {table} "
                                 f"WHERE {column} IS NOT NULL) d WHERE NOT EXISTS (SELECT 1 FROM {parent} p "
                                 f"WHERE p.id = d.referred) AND NOT EXISTS (SELECT 1 FROM {table} r WHERE "
                                 f"r.{column} = d.referred AND r.action = '{removal}') ORDER BY d.referred")
            if ids:
                gone[parent] = ids
    return gone


def check_references(conn: Connection) -> Finding:
    """`check`'s references: every row a foreign key or an event names exists, or its removal is recorded."""
    rows = reference_rows(conn)
    gone = gone_unrecorded(conn)
    if not rows and not gone:
        return Finding("references", OK, L_("every code, customer, agent and complaint referred to exists (or its "
                                            "removal is recorded)"))
    by_link: dict[tuple[str, str], list[int]] = {}
    links: dict[str, dict[int, str]] = {}  # table -> foreign key id -> its column, read once a table
    for table, rowid, parent, fkid in rows:
        if table not in links:
            links[table] = {number: key[0] for number, key in catalog.foreign_key_columns(conn, table).items()}
        link = links[table].get(fkid, "?")
        by_link.setdefault((f"{table}.{link}", parent), []).append(rowid)
    parts = [nL_("{n:,} row of {where} name a missing {parent} row ({ids})",
                 "{n:,} rows of {where} name a missing {parent} row ({ids})", len(ids), where=where, parent=parent,
                 ids=quoted_ids(ids))
             for (where, parent), ids in sorted(by_link.items())]
    parts += [nL_("events name {n:,} complaint that is gone with no removal recorded ({ids})",
                  "events name {n:,} complaints that are gone with no removal recorded ({ids})", len(ids),
                  ids=quoted_ids(ids)) if parent == "complaints" else
              nL_("events name {n:,} customer that is gone with no removal recorded ({ids})",
                  "events name {n:,} customers that are gone with no removal recorded ({ids})", len(ids),
                  ids=quoted_ids(ids))
              for parent, ids in sorted(gone.items())]
    fixes = [L_("written with foreign keys off (plain SQL?): fix the rows, or add the missing codes with {step}",
                step=Step("taxonomy add"))] if rows else []
    if gone:
        fixes.append(L_("deleted around complaintctl (only {undo} removes complaints and customers, and it records "
                        "each): restore them from a backup", undo=Step("import undo")))
    return Finding("references", PROBLEM, in_one(parts), one_fix(fixes))
