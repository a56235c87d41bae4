"""Import batches: every import is one (a row of `imports`; its id is on the complaints and
customers it created). `import list` shows them; `import undo` removes what one created that
nobody has touched since, in one transaction, and says what it kept and why.

What an undo may delete: the batch's complaints that nothing but the batch itself wrote about
(each with its tags and the labels kept raw), and the batch's customers that no complaint
names any more and nobody changed. Never an event: the removed complaints' and customers'
events stay, and the undo appends one for each removal and one for the undo itself, so the
hash chain goes on and `check` knows why they are gone.
"""

from __future__ import annotations

from datetime import datetime

from complaintctl.errors import NotFound, Refused
from complaintctl.i18n import L_, N_
from complaintctl.i18n.said import Code
from complaintctl.store.catalog import references_to
from complaintctl.store.engine import Connection, Row
from complaintctl.store.paging import limit_clause

# The rows of these tables are part of a complaint: removed with it. A row of any other table
# that refers to a complaint (a survey, a message queued about it, another complaint marked a
# duplicate of it, whatever later versions add) is something done with it: the complaint stays.
COMPLAINT_PARTS = ("complaint_tags", "raw_labels")
# Events a batch writes about its own customers: created (and filled in, when a later row of
# the same import brings a missing email or phone).
OWN_CUSTOMER_ACTIONS = ("customer_created", "customer_edited")
# Events a batch writes about its own complaints at the time the file gives (a reopen its rows
# show, a survey it holds: intake/facts.py), not at the import's own time.
DATED_ACTIONS = ("reopened", "surveyed")
LIST_COLUMNS = ["id", "started_at", "finished_at", "source", "format", "actor", "read", "inserted", "updated",
                "unchanged", "duplicates", "grouped", "rejected", "update_mode", "complaints_now", "undone_at", "undone_by"]


def batch_note(import_id: int) -> str:
    """How every event an import writes about its complaints begins (the writer's note)."""
    return f"import #{import_id} from "


def list_imports(conn: Connection, limit: int | None = None) -> list[dict]:
    """Every import, the newest first, with how many of the complaints it created are still there."""
    sql = ("SELECT i.*, (SELECT count(*) FROM complaints c WHERE c.import_id = i.id) AS complaints_now "
           "FROM imports i ORDER BY i.id DESC" + limit_clause(limit))
    return [{name: row[name] for name in LIST_COLUMNS} for row in conn.execute(sql)]


def undone_by_now(conn: Connection, import_id: int) -> tuple[str, str] | None:
    """(when, by whom) if import ``import_id`` has been undone: a running import asks before each batch."""
    row = conn.execute("SELECT undone_at, undone_by FROM imports WHERE id = ?", (import_id,)).fetchone()
    return None if row is None or row[0] is None else (row[0], row[1])


class _Batch:
    """What one import created, and which of it must stay; inside the undo's transaction. The
    batch's complaints and customers are listed in temporary tables, each with whether it stays."""

    def __init__(self, conn: Connection, imported: Row):
        self.conn = conn
        self.id = imported["id"]
        self.started_at = imported["started_at"]
        self.actor = imported["actor"]
        for name, table in (("undo_complaints", "complaints"), ("undo_customers", "customers")):
            conn.execute(f"CREATE TEMP TABLE IF NOT EXISTS {name} (id INTEGER PRIMARY KEY, stays INTEGER NOT NULL)")
            conn.execute(f"DELETE FROM {name}")
            conn.execute(f"INSERT INTO {name} SELECT id, 0 FROM {table} WHERE import_id = ?", (self.id,))
        self.kept: dict[int, str] = {}  # complaint id -> why it stays
        self.kept_customers: dict[int, str] = {}

    def _keep(self, rows, why, into: dict[int, str], table: str) -> None:
        """Keep each (id, detail) of ``rows`` for ``why(detail)``, the first reason found."""
        new = [(i, why(detail)) for i, detail in rows if i not in into]
        for i, text in new:
            into.setdefault(i, text)
        self.conn.executemany(f"UPDATE {table} SET stays = 1 WHERE id = ?", [(i,) for i, _ in new])

    def decide(self) -> None:
        """Which of the batch's complaints and customers stay, and why (the first reason found)."""
        self._changed_since()
        self._referred_to()
        self._customers()

    def _changed_since(self) -> None:
        """A complaint with an event the batch did not write was worked on since (updated, noted,
        classified, assigned, closed, re-imported with --update...)."""
        dated = ", ".join(f"'{a}'" for a in DATED_ACTIONS)
        own = f"(e.at = ? OR e.action IN ({dated})) AND e.actor = ? AND substr(coalesce(e.note, ''), 1, ?) = ?"
        prefix = batch_note(self.id)
        rows = self.conn.execute(
            f"SELECT e.complaint_id, e.action, e.field, e.actor, e.at FROM events e "
            f"JOIN undo_complaints b ON b.id = e.complaint_id WHERE NOT ({own}) ORDER BY e.id",
            (self.started_at, self.actor, len(prefix), prefix)).fetchall()
        self._keep([(r[0], r) for r in rows], _changed, self.kept, "undo_complaints")

    def _referred_to(self) -> None:
        """A complaint something else refers to (a survey, a message about it, a complaint marked a
        duplicate of it) stays; and so, in turn, does one a staying complaint of the batch refers to."""
        links = [link for link in references_to(self.conn, "complaints") if link[0] not in COMPLAINT_PARTS]
        while True:
            before = len(self.kept)
            for table, column in links:
                if table == "complaints":  # a complaint that goes with the batch keeps nothing
                    rows = self.conn.execute(
                        f"SELECT t.{column}, t.id FROM complaints t JOIN undo_complaints b ON b.id = t.{column} "
                        "LEFT JOIN undo_complaints g ON g.id = t.id WHERE g.id IS NULL OR g.stays = 1 "
                        "ORDER BY t.id").fetchall()
                    self._keep(rows, lambda other: L_("complaint #{id} is marked a duplicate of it", id=other), self.kept,
                               "undo_complaints")
                    continue
                rows = self.conn.execute(f"SELECT t.{column}, NULL FROM {table} t "
                                         f"JOIN undo_complaints b ON b.id = t.{column}"
                                         + (_NOT_OWN_SURVEY if table == "surveys" else ""),
                                         (self.actor, len(batch_note(self.id)), batch_note(self.id))
                                         if table == "surveys" else ()).fetchall()
                why = _refers(table)
                self._keep(rows, lambda _, why=why: why, self.kept, "undo_complaints")
            if len(self.kept) == before:
                return

    def _customers(self) -> None:
        """A customer of the batch stays while a complaint that stays names it, or when it was
        changed since (an edit, a merge) by anyone but the batch."""
        conn = self.conn
        rows = conn.execute(
            "SELECT c.customer_id, min(c.id) FROM complaints c JOIN undo_customers u ON u.id = c.customer_id "
            "LEFT JOIN undo_complaints g ON g.id = c.id WHERE g.id IS NULL OR g.stays = 1 "
            "GROUP BY c.customer_id").fetchall()
        self._keep(rows, lambda cid: L_("complaint #{id} names it", id=cid), self.kept_customers, "undo_customers")
        actions = ", ".join(f"'{a}'" for a in OWN_CUSTOMER_ACTIONS)
        rows = conn.execute(
            "SELECT e.customer_id, e.action, NULL, e.actor, e.at FROM events e "
            "JOIN undo_customers u ON u.id = e.customer_id "
            f"WHERE NOT (e.action IN ({actions}) AND e.at = ? AND e.actor = ?) ORDER BY e.id",
            (self.started_at, self.actor)).fetchall()
        self._keep([(r[0], r) for r in rows], _changed, self.kept_customers, "undo_customers")
        for table, column in references_to(conn, "customers"):
            if table == "complaints":
                continue  # said above, by the complaints that stay
            rows = conn.execute(f"SELECT t.{column}, NULL FROM {table} t "
                                f"JOIN undo_customers u ON u.id = t.{column}").fetchall()
            why = L_("another customer record was merged into it") if table == "customers" else _refers(table)
            self._keep(rows, lambda _, why=why: why, self.kept_customers, "undo_customers")

    def updated(self) -> list[int]:
        """The complaints the batch changed but did not create (an `--update` import's): the undo
        leaves them as they are now."""
        prefix = batch_note(self.id)
        return [r[0] for r in self.conn.execute(
            "SELECT DISTINCT e.complaint_id FROM events e WHERE e.action = 'imported' AND e.at = ? AND e.actor = ? "
            "AND substr(coalesce(e.note, ''), 1, ?) = ? AND e.complaint_id IS NOT NULL "
            "AND e.complaint_id NOT IN (SELECT id FROM undo_complaints) ORDER BY e.complaint_id",
            (self.started_at, self.actor, len(prefix), prefix))]

    def remove(self, at: str, actor: str) -> tuple[list[int], list[int]]:
        """Delete what goes, with an event for each removal and one for the undo; return the
        removed complaint and customer ids."""
        from complaintctl.store.chain import insert_events
        from complaintctl.store.search import removed_once

        conn = self.conn
        complaints = [r[0] for r in conn.execute("SELECT id FROM undo_complaints WHERE stays = 0 ORDER BY id")]
        customers = [r[0] for r in conn.execute("SELECT id FROM undo_customers WHERE stays = 0 ORDER BY id")]
        note = f"undo of import #{self.id}"
        with removed_once(conn, complaints):
            for table in (*COMPLAINT_PARTS, "surveys"):  # a survey of one that goes is the batch's own
                conn.execute(f"DELETE FROM {table} WHERE complaint_id IN "
                             "(SELECT id FROM undo_complaints WHERE stays = 0)")
            # one statement: a removed complaint may be the duplicate of another (the foreign key
            # is checked at its end)
            conn.execute("DELETE FROM complaints WHERE id IN (SELECT id FROM undo_complaints WHERE stays = 0)")
        conn.execute("DELETE FROM customers WHERE id IN (SELECT id FROM undo_customers WHERE stays = 0)")
        insert_events(conn, [_event(at, actor, action="removed", complaint_id=cid, note=note) for cid in complaints]
                      + [_event(at, actor, action="customer_removed", customer_id=cust, note=note) for cust in customers]
                      + [_event(at, actor, action="import_undone", field="import", new_value=str(self.id),
                                note=f"removed {len(complaints)} complaint(s) and {len(customers)} customer(s); kept "
                                     f"{len(self.kept)} complaint(s) and {len(self.kept_customers)} customer(s)")])
        conn.execute("UPDATE imports SET undone_at = ?, undone_by = ? WHERE id = ?", (at, actor, self.id))
        return complaints, customers


# A survey the batch itself recorded (a score in the file) has the batch's own `surveyed` event.
_NOT_OWN_SURVEY = (" WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.complaint_id = t.complaint_id "
                   "AND e.action = 'surveyed' AND e.at = t.at AND e.new_value = CAST(t.score AS TEXT) AND e.actor = ? "
                   "AND substr(coalesce(e.note, ''), 1, ?) = ?)")


def _event(at: str, actor: str, *, action: str, complaint_id: int | None = None, customer_id: int | None = None,
           field: str | None = None, new_value: str | None = None, note: str | None = None) -> tuple:
    """An event of the undo, in store/chain.py's CHAINED order."""
    return (complaint_id, at, actor, action, field, None, new_value, note, customer_id)


def _changed(event: tuple) -> str:
    _id, action, field, actor, at = event
    if field and field != action:
        return L_("changed since: {action} ({field}) by {actor} at {at}", action=Code("action", action),
                  field=Code("field", field), actor=actor, at=at)
    return L_("changed since: {action} by {actor} at {at}", action=Code("action", action), actor=actor, at=at)


_THING = {"surveys": N_("a survey refers to it"), "outbox": N_("a message queued or sent refers to it"),
          "overdue_notices": N_("an overdue notice refers to it")}


def _refers(table: str):
    return L_(_THING[table]) if table in _THING else L_("a row of {table} refers to it", table=table)


def undo_import(conn: Connection, import_id: int, *, actor: str, now: datetime | None = None,
                dry_run: bool = False) -> dict:
    """Remove the complaints and customers import ``import_id`` created that nobody has touched
    since, in one transaction; return what was removed and what was kept, and why. With
    ``dry_run`` nothing is written: the same answer, rolled back."""
    from complaintctl.core.record.dates import now_utc, to_iso
    from complaintctl.store.db import transaction

    at = to_iso(now or now_utc())
    try:
        with transaction(conn):
            imported = conn.execute("SELECT * FROM imports WHERE id = ?", (import_id,)).fetchone()
            if imported is None:
                raise NotFound(f"no import #{import_id}", hint="see `complaintctl import list`")
            if imported["undone_at"]:
                raise Refused(f"import #{import_id} was undone at {imported['undone_at']} by {imported['undone_by']}",
                              hint="what it created and nobody touched is gone already")
            batch = _Batch(conn, imported)
            batch.decide()
            updated = batch.updated()
            removed, removed_customers = batch.remove(at, actor)
            result = {
                "import_id": import_id, "source": imported["source"], "started_at": imported["started_at"],
                "finished": imported["finished_at"] is not None, "dry_run": dry_run,
                "removed_complaints": removed, "removed_customers": removed_customers,
                "kept_complaints": [{"id": i, "why": why} for i, why in sorted(batch.kept.items())],
                "kept_customers": [{"id": i, "why": why} for i, why in sorted(batch.kept_customers.items())],
                "customers_recorded": bool(imported["customers_recorded"]),
                # complaints of earlier imports (or logged by hand) this one changed (--update): an undo
                # removes what an import created and puts back nothing it changed; each change is an
                # event with its old value
                "updated_not_undone": updated,
            }
            if dry_run:
                raise _DryRun(result)
    except _DryRun as done:
        return done.result
    return result


class _DryRun(Exception):
    """Carries a dry run's answer out of its transaction, which is rolled back."""

    def __init__(self, result: dict):
        super().__init__("dry run")
        self.result = result
