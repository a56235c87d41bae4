"""The writer's half of an import: prepared rows -> complaints, customers, agents, tags and
one event each, a batch at a time; --update's rows are compared and written by updating.py."""

from __future__ import annotations

from typing import Any

from complaintctl.core.intake.batches import batch_note, undone_by_now
from complaintctl.core.intake.cells import RowError
from complaintctl.core.intake.customer_cache import (
    CustomerCache,
    _keep_name_as_given,
)
from complaintctl.core.intake.options import ImportSummary
from complaintctl.core.intake.prepared import PreparedRow
from complaintctl.core.intake.sameness import Earlier, differences, person_of, said
from complaintctl.core.intake.updating import update_complaint
from complaintctl.core.record.ids import next_complaint_id, next_customer_id
from complaintctl.core.record.seal import RowSealer
from complaintctl.errors import ComplaintError
from complaintctl.i18n import L_
from complaintctl.i18n.said import Input
from complaintctl.store.chain import imported_events, writing_version
from complaintctl.store.engine import Connection, IntegrityError, Row
from complaintctl.store.search import indexed_once


def _as_dict(columns: tuple, values: tuple) -> dict[str, Any]:
    """A prepared row's complaint columns by name (for the rare paths that need them so)."""
    return dict(zip(columns, values, strict=True))


def _sql_text(value: str) -> str:
    """A string as an SQL literal, for constants written into a statement run per row."""
    return "'" + value.replace("'", "''") + "'"


class Writer(CustomerCache):
    """Writes validated rows a batch at a time: complaints, tags and events with executemany;
    customers and agents cached for the length of one import."""

    def __init__(self, conn: Connection, actor: str, at: str, import_id: int | None,
                 source: str, summary: ImportSummary, update: bool,
                 codes: dict[str, set[str]] | None = None):
        self.conn = conn
        # With foreign keys off for the import, what they would check is checked per batch
        # instead (verify_parents): the codes the reader resolved against, and the customers
        # and agents taken from the caches.
        self.codes = codes
        self.reused_customers: set[int] = set()
        self.used_agents: set[str] = set()
        self.actor = actor
        self.at = at
        self.summary = summary
        self.update_mode = update
        self.agents: set[str] = {r[0] for r in conn.execute("SELECT name FROM agents")}
        self.inactive: set[str] = {r[0] for r in conn.execute("SELECT name FROM agents WHERE active = 0")}
        self.source_note = f"{batch_note(import_id) if import_id else 'import from '}{source}"
        self.note_prefix = f"{self.source_note} line "
        self._start_customer_cache()
        # Per-row constants are written into the statements rather than bound on every row.
        self.import_id = import_id
        self.complaint_constants = ", ".join(_sql_text(v) for v in (at, at, actor)) + f", {import_id or 'NULL'}"
        self.event_sql, self.chain_events = imported_events(conn, at, actor, self.note_prefix)
        self.sealers: dict[tuple, RowSealer] = {}  # by the rows' shape: each event seals its row
        self.seen_repeats = False  # a row of this file repeated an earlier one (its ref, or all of it)
        self.outcomes: list[tuple] = []
        self.facts: list[tuple] = []  # (complaint id, line, facts) of this attempt's new complaints (facts.py)
        self.chain_version = writing_version(conn)

    def note(self, line: int) -> str:
        return f"{self.note_prefix}{line}"

    def agent(self, name: str | None, line: int, written: str | None = None) -> str | None:
        """The agent ``name``, created when new, with the name as the file wrote it as its display name."""
        if name is None or name in self.agents:
            return name
        from complaintctl.core.record.events import record_event

        self.conn.execute("INSERT INTO agents (name, full_name, active, created_at) VALUES (?, ?, 1, ?)",
                          (name, written or name.replace(".", " "), self.at))
        record_event(self.conn, None, at=self.at, actor=self.actor, action="agent_added",
                     field="agents.name", new_value=name, note=f"created by {self.note(line)}")
        self.agents.add(name)
        self.summary.agents_created += 1
        return name

    def write_batch(self, prepared: list[PreparedRow], rejects) -> None:
        """Insert new rows, update or skip known ones. On a database refusal the batch is
        retried row by row so only the offending rows are rejected."""
        if self.import_id is not None:
            self._check_not_undone(prepared)
        self._bound_customer_cache()
        self.conn.execute("SAVEPOINT batch")
        self.new_keys.clear()
        self.created_in_attempt = 0
        self.facts.clear()
        agents_before = set(self.agents)
        try:
            results = self._write(prepared)
        except (IntegrityError, RowError):
            self.conn.execute("ROLLBACK TO batch")
            self.conn.execute("RELEASE batch")
            self._forget_new_customers()
            self.agents = agents_before
            for item in prepared:
                self.conn.execute("SAVEPOINT one")
                agents_before = set(self.agents)
                try:
                    self._count(self._write([item]), rejects)
                except (IntegrityError, RowError) as exc:
                    self.conn.execute("ROLLBACK TO one")
                    self._forget_new_customers()
                    self.agents = agents_before
                    self.summary.rejected += 1
                    reason = exc.reason if isinstance(exc, RowError) else L_("refused by the database: {why}", why=str(exc))
                    rejects.add(item.line, reason, item.cells if item.cells is not None else _as_dict(item.columns, item.values))
                finally:
                    self.conn.execute("RELEASE one")
                self.new_keys.clear()
                self.created_in_attempt = 0
                self.facts.clear()
            return
        self.conn.execute("RELEASE batch")
        self._count(results, rejects)

    def _check_not_undone(self, prepared: list[PreparedRow]) -> None:
        """An import undone while it runs (`import undo` between two of its batches) stops."""
        if self.import_id is None:  # write_batch asks only for a recorded import
            return
        undone = undone_by_now(self.conn, self.import_id)
        if undone is not None:
            line = f" at line {prepared[0].line}" if prepared else ""
            raise ComplaintError(f"import #{self.import_id} was undone by {undone[1]} at {undone[0]} while it ran: "
                                 f"it stopped{line}, and nothing from there on was imported",
                                 hint="the rows before were imported and then removed by the undo, unless someone "
                                      "had touched them (`complaintctl import list`)")

    def _count(self, results: tuple[int, int, int], rejects) -> None:
        inserted, updated, unchanged = results
        summary = self.summary
        summary.inserted += inserted
        summary.updated += updated
        summary.unchanged += unchanged
        for line, reason, record, kind in self.outcomes:
            if kind == "conflict":
                summary.rejected += 1
                rejects.add(line, reason, record)
                continue
            summary.duplicates += 1
            if kind == "differing":
                summary.duplicates_differing += 1
                rejects.add(line, reason, record, rejected=False)

    def _write(self, prepared: list[PreparedRow]) -> tuple[int, int, int]:
        """(inserted, updated, unchanged) for ``prepared``; raises to have the batch retried."""
        conn = self.conn
        by_ref, by_print = self._known(prepared)
        next_id = next_complaint_id(conn)
        if self.customers_complete:
            self._refresh_customers()
        self.next_customer_id = next_customer_id(conn)
        pending_refs: dict[str, int] = {}  # ref -> id
        first_id = next_id  # ids from here to next_id are this attempt's
        pending_prints: dict[int, tuple[int, str | None]] = {}
        pending: dict[int, Earlier] = {}  # this attempt's new complaints as written, once rows repeat
        # complaint rows grouped by (columns from the reader, has a customer)
        complaints: dict[tuple, list[tuple]] = {}
        tags: list[tuple] = []
        events: list[tuple] = []
        raw_labels: list[tuple] = []  # (complaint id, field, label) of labels that named no code
        unplaced: list[tuple] = []  # counted in the summary once the batch is written
        inactive_rows: dict[str, int] = {}  # deactivated agent -> rows of this batch assigned to them
        self.outcomes = []  # (line, reason, record, kind) of the rows not written: duplicates and conflicts
        inserted = updated = unchanged = 0
        agents = self.agents
        used_agents = self.used_agents
        last_columns: tuple | None = None  # the shape of the last row, and its group
        last_with_customer = False
        group: list[tuple] = []
        used_agents.clear()
        self.reused_customers.clear()
        self.renamed.clear()

        def flush() -> None:
            nonlocal last_columns
            last_columns = None  # the cached group is about to be written and dropped
            self._insert_new(complaints, tags, events, raw_labels)

        for line, fingerprint, ref, status, columns, values, person, assignee, row_tags, cells, raw, earlier, \
                assignee_name, facts in prepared:
            if ref:
                self.summary.ref_rows += 1
                self.summary.ref_repeats += earlier is not None
            existing = by_ref.get(ref) if ref and by_ref else None
            if existing is None and by_print:
                existing = by_print.get(fingerprint)
                if existing is not None and ref and existing["ref"] and existing["ref"] != ref:
                    existing = None  # same content, different references: two complaints
            known: Any = None  # the id of a complaint this attempt wrote, then what it holds
            if existing is None:
                if ref and ref in pending_refs:
                    known = pending_refs[ref]
                elif fingerprint in pending_prints:
                    pid, pref = pending_prints[fingerprint]
                    if not (ref and pref and pref != ref):
                        known = pid
            if existing is None and known is None:
                if cells is not None:  # the reader sends the original cells with a duplicate_of
                    dup = _as_dict(columns, values).get("duplicate_of")
                    if dup is not None and not first_id <= dup < next_id and not conn.execute(
                            "SELECT 1 FROM complaints WHERE id = ?", (dup,)).fetchone():
                        raise RowError(L_("duplicate_of #{id} does not exist", id=dup))
                if assignee is not None:
                    used_agents.add(assignee)
                    if assignee in self.inactive:
                        inactive_rows[assignee] = inactive_rows.get(assignee, 0) + 1
                    if assignee not in agents:
                        self.agent(assignee, line, assignee_name)
                cid = next_id
                next_id += 1
                customer = None
                if person is not None:
                    customer = self.customer_id(person)
                    if self.name_differs is not None:  # keep the row's name with the complaint, and say so
                        columns, values = _keep_name_as_given(columns, values, person[1])
                        self.renamed.append((line, person[1], customer, self.name_differs))
                        self.name_differs = None
                if columns is not last_columns or (person is not None) is not last_with_customer:
                    # rows of one shape mostly come in runs: look the group up when it changes
                    last_columns, last_with_customer = columns, person is not None
                    group = complaints.setdefault((columns, last_with_customer), [])
                    sealer = self._sealer(columns)
                group.append((cid, fingerprint, customer, *values) if last_with_customer
                             else (cid, fingerprint, *values))
                for tag in row_tags:
                    tags.append((cid, tag))
                events.append((cid, status, line, sealer.seal(values, customer, row_tags)))
                if raw:
                    raw_labels.extend((cid, name, label) for name, label in raw)
                    unplaced.append((raw, line))
                if facts:
                    self.facts.append((cid, line, facts))
                if ref:
                    pending_refs[ref] = cid
                pending_prints[fingerprint] = (cid, ref)
                if self.seen_repeats:  # kept only once the file has shown that its rows repeat
                    pending[cid] = Earlier(cid, _as_dict(columns, values), row_tags, person_of(person))
                inserted += 1
                continue
            if earlier is not None:
                self.seen_repeats = True
            if known is not None and known not in pending:  # written before the file showed repeats
                flush()
                row = conn.execute("SELECT * FROM complaints WHERE id = ?", (known,)).fetchone()
                assert row is not None  # this attempt wrote it, in this transaction
                known = Earlier.stored(conn, row)
            elif known is not None:
                known = pending[known]
            elif existing is not None and (earlier is not None or not self.update_mode):  # (a new row went on above)
                known = Earlier.stored(conn, existing)
            if known is not None and (earlier is not None or not self.update_mode):
                found = differences(known, _as_dict(columns, values), row_tags, person, self.at)
                if earlier is not None and (not found or not self.update_mode):
                    self.outcomes.append((line, _repeats(earlier, ref, found), cells or _as_dict(columns, values),
                                          "differing" if found else "same"))
                    continue
                if not self.update_mode:
                    if found:
                        self.outcomes.append((line, _conflict(known.id, ref, found, self.seen_repeats),
                                              cells or _as_dict(columns, values), "conflict"))
                    else:
                        unchanged += 1
                    continue
            if existing is None:  # the same complaint twice in one batch: write the first, then update
                flush()
                existing = conn.execute("SELECT * FROM complaints WHERE id = ?", (known.id,)).fetchone()
            changed = update_complaint(self, existing, _as_dict(columns, values), person, assignee, row_tags, line, raw)
            if raw:
                unplaced.append((raw, line))
            if not changed:
                unchanged += 1
                continue
            updated += 1
            flush()
            if ref:
                by_ref[ref] = conn.execute("SELECT * FROM complaints WHERE id = ?", (existing["id"],)).fetchone()
        flush()
        if self.codes is not None:
            self.verify_parents()
        for raw, line in unplaced:
            self.summary.unplaced(raw, line)
        for name, n in inactive_rows.items():
            self.summary.inactive_assignees[name] = self.summary.inactive_assignees.get(name, 0) + n
        if self.renamed:
            self.summary.add_other_names(self.renamed)
        return inserted, updated, unchanged

    def _sealer(self, columns: tuple) -> RowSealer:
        sealer = self.sealers.get(columns)
        if sealer is None:
            sealer = RowSealer(columns, self.chain_version)
            if len(self.sealers) < 64:  # a file has a handful of shapes; a hostile one, no more
                self.sealers[columns] = sealer
        return sealer

    def _known(self, prepared: list[PreparedRow]) -> tuple[dict[str, Row], dict[int, Row]]:
        """The complaints already in the database that the batch's refs and fingerprints name."""
        refs = list({item.ref for item in prepared if item.ref})
        by_ref = {r["ref"]: r for r in _select_in(self.conn, "ref", refs)}
        by_print: dict[int, Row] = {}
        for r in _select_in(self.conn, "import_fingerprint", list({item.fingerprint for item in prepared})):
            by_print.setdefault(r["import_fingerprint"], r)
        return by_ref, by_print

    def _insert_new(self, complaints: dict[tuple, list[tuple]], tags: list[tuple], events: list[tuple],
                    raw_labels: list[tuple]) -> None:
        """Write the new customers, then the rows gathered so far (emptied once written)."""
        self.flush_customers()
        if not complaints:
            return
        conn = self.conn
        # Each new complaint is indexed for search once, after its row, tags and notes (the
        # triggers would refresh it per row, per tag and per note: most of an import's time
        # with descriptions of real length). Its id is new: nothing of it is indexed yet.
        with indexed_once(conn, events[0][0], events[-1][0]):
            # One executemany per shape binds only the columns that have values (binding NULLs
            # costs ~0.5 µs a column a row). Ids ascend within each shape; across shapes order
            # does not matter.
            for (columns, with_customer), rows in complaints.items():
                names = ("id, import_fingerprint, customer_id, " if with_customer
                         else "id, import_fingerprint, ") + ", ".join(columns)
                marks = "?, " * (len(columns) + 2 + with_customer)
                conn.executemany(
                    f"INSERT INTO complaints ({names}, created_at, updated_at, created_by, import_id) "
                    f"VALUES ({marks}{self.complaint_constants})", rows)
            conn.executemany("INSERT INTO complaint_tags (complaint_id, tag) VALUES (?, ?)", tags)
            conn.executemany(self.event_sql, self.chain_events(events))
            if raw_labels:
                conn.executemany("INSERT INTO raw_labels (complaint_id, field, label) VALUES (?, ?, ?)", raw_labels)
            if self.facts:
                self._write_facts()
        complaints.clear()
        tags.clear()
        events.clear()
        raw_labels.clear()

    def _write_facts(self) -> None:
        """The events (and surveys) of what the new complaints' rows said beyond their columns: a
        note per grouped row, a reopen at its time, a time derived from a duration, a survey
        (facts.py). Each note begins as the batch's own events do, so `import undo` knows them."""
        from complaintctl.store.chain import insert_events

        events, surveys = [], []
        for cid, line, facts in self.facts:
            for action, at, field, old, new, tail, own_line in facts:
                events.append((cid, at or self.at, self.actor, action, field, old, new,
                               f"{self.note(own_line or line)}: {tail}", None))
                if action == "surveyed":
                    surveys.append((cid, at, self.actor, int(new)))
        self.facts.clear()
        insert_events(self.conn, events)
        if surveys:
            self.conn.executemany("INSERT INTO surveys (complaint_id, at, actor, score) VALUES (?, ?, ?, ?)", surveys)

    def verify_parents(self) -> None:
        """What the foreign keys would have refused, checked once per batch inside its
        transaction: every code the reader accepted, and every customer and agent the batch
        took from the caches, still exist. Only hand-written SQL deletes those, so this
        fails only if someone did while the import ran."""
        from complaintctl.core.taxonomy.kinds import KINDS

        checks: list[tuple[str, str, str, list]] = [
            (f"a {kind} code", KINDS[kind].table, "code", list(codes)) for kind, codes in (self.codes or {}).items()]
        checks += [("an agent", "agents", "name", list(self.used_agents)),
                   ("a customer", "customers", "id", list(self.reused_customers))]
        for what, table, column, values in checks:
            for i in range(0, len(values), 500):
                chunk = values[i:i + 500]
                found = self.conn.execute(
                    f"SELECT count(*) FROM {table} WHERE {column} IN ({', '.join('?' * len(chunk))})",
                    chunk).fetchone()[0]
                if found != len(chunk):
                    raise _parent_gone(what)


def _repeats(earlier: int, ref: str | None, found: list[str]) -> str:
    """Why a row that repeats an earlier one of the file was not written."""
    what = L_("ref {ref!r} of line {line}", ref=ref, line=earlier) if ref else \
        L_("line {line} (the same subject, time, customer and text)", line=earlier)
    if not found:
        return L_("repeats {what}", what=what)
    return L_("repeats {what} with other values ({differences}): not imported", what=what, differences=said(found))


def _conflict(cid: int, ref: str | None, found: list[str], repeating: bool) -> str:
    """Why a row that names a complaint already in the database, with other values, was not written."""
    what = L_("ref {ref!r} is complaint #{id}", ref=ref, id=cid) if ref else L_("the same complaint is #{id}", id=cid)
    how = "" if repeating else L_("; {update} takes this row's", update=Input("update"))  # never for a ref repeated in the file
    return L_("{what}, already in the database with other values ({differences}; the database's first): not "
              "changed{how}", what=what, differences=said(found), how=how)


def _parent_gone(what: str) -> ComplaintError:
    return ComplaintError(f"{what} this import uses was deleted from the database while it ran",
                          hint="rows before that point were imported; run the import again")


def _select_in(conn: Connection, column: str, values: list) -> list[Row]:
    rows: list[Row] = []
    for i in range(0, len(values), 500):
        chunk = values[i:i + 500]
        rows += conn.execute(
            f"SELECT * FROM complaints WHERE {column} IN ({', '.join('?' * len(chunk))})", chunk).fetchall()
    return rows


