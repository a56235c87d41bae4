"""The import writer's customers: matched on normalised email, phone, else name and company,
from a cache of every customer while they are few (new ones handed out ids and written with one
executemany), else through the database; a row that names someone other than its contact's
customer is noted (its name kept with the complaint)."""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from complaintctl.core.intake.options import ImportSummary
    from complaintctl.store.chain import ChainVersion
    from complaintctl.store.engine import Connection

CUSTOMER_CACHE_KEYS = 150_000


def customer_keys(name: str | None, company: str | None, email_n: str | None,
                  phone_n: str | None) -> tuple:
    """The writer's customer-cache keys for one customer: normalised email and phone, else
    name and company (what `match_or_create_customer` matches on). Email and phone keys are
    strings with a one-letter prefix (cheaper to hash than tuples); a name-only key is a
    tuple, as a name or company may hold any character."""
    if email_n:
        return ("e" + email_n, "p" + phone_n) if phone_n else ("e" + email_n,)
    if phone_n:
        return ("p" + phone_n,)
    return (("n", name or "", company or ""),)


def _plain_name(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split()).casefold()


def _same_name(known: str, given: str) -> bool:
    """Two spellings of one name: case, spaces and full-width forms aside (王芳 = 王 芳, LI LEI = Li Lei)."""
    return known == given or _plain_name(known) == _plain_name(given)


NAME_AS_GIVEN = "customer_as_given"  # the extra key that keeps a row's own name (see customer_id)


def with_name_as_given(extra: str | None, name: str) -> str:
    import json

    kept = json.loads(extra) if extra else {}
    kept[NAME_AS_GIVEN] = name
    return json.dumps(kept, ensure_ascii=False, sort_keys=True)


def _keep_name_as_given(columns: tuple, values: tuple, name: str) -> tuple[tuple, tuple]:
    """The row's columns and values with its own customer name kept in extra."""
    if "extra" in columns:
        i = columns.index("extra")
        return columns, (*values[:i], with_name_as_given(values[i], name), *values[i + 1:])
    return (*columns, "extra"), (*values, with_name_as_given(None, name))


class CustomerCache:
    """The customer half of the import Writer (a mixin: it shares the Writer's connection,
    actor, time, summary and the set of customers reused by the batch, declared here, set by
    Writer.__init__)."""

    conn: Connection
    actor: str
    at: str
    import_id: int | None
    summary: ImportSummary
    reused_customers: set[int]
    source_note: str  # what the customers_imported events say they were created by
    chain_version: ChainVersion  # the audit chain's version, which seals a batch of customers

    def _start_customer_cache(self) -> None:
        """The customer cache's state, filled with every customer when they are few enough."""
        self.customers: dict[str | tuple, int | None] = {}
        # customer id -> name as compared (see _same_name), to see a row that names someone else
        # than the customer its email or phone belongs to (a family, a switchboard, a typo)
        self.customer_names: dict[int, str] = {}
        self.name_differs: str | None = None  # set by customer_id: the known name the row's differs from
        self.renamed: list[tuple] = []  # this batch's (line, name, customer id, known name), counted once written
        self.new_keys: list[str | tuple] = []  # customer keys cached since the batch began (undone on rollback)
        self.created_in_attempt = 0
        self.new_customers: list[tuple] = []
        self.next_customer_id = 0
        count = self.conn.execute("SELECT count(*) FROM customers").fetchone()[0]
        self.customers_complete = count * 2 <= CUSTOMER_CACHE_KEYS
        # what the cache has seen of the database: refreshed inside each batch's transaction, so
        # that customers another import or a staff `log` created meanwhile are matched, not doubled
        self.seen_customer = self.seen_event = 0
        if self.customers_complete:
            self._refresh_customers()

    def _refresh_customers(self) -> None:
        """Cache the customers created since the last look, and re-read those changed since
        (edited, merged: their events name them). Call inside the batch's write transaction."""
        conn = self.conn
        changed = [r[0] for r in conn.execute(
            "SELECT DISTINCT customer_id FROM events WHERE id > ? AND customer_id IS NOT NULL", (self.seen_event,))]
        self.seen_event = conn.execute("SELECT coalesce(max(id), 0) FROM events").fetchone()[0]
        columns = "id, coalesce(merged_into, id), email_normalized, phone_normalized, name, company"
        # a merged record's email and phone find the customer it was merged into; of two records
        # with one key, the older is matched (ORDER BY id DESC: the oldest is cached last)
        for row_id, cid, email_n, phone_n, name, company in conn.execute(
                f"SELECT {columns} FROM customers WHERE id > ? ORDER BY id DESC", (self.seen_customer,)):
            for key in customer_keys(name, company, email_n, phone_n):
                self.customers[key] = min(cid, self.customers.get(key, cid))
            if row_id == cid and name:
                self.customer_names[cid] = name
            self.seen_customer = max(self.seen_customer, row_id)
        gone = set(changed)
        for chunk in range(0, len(changed), 500):
            ids = changed[chunk:chunk + 500]
            for row_id, cid, email_n, phone_n, name, company in conn.execute(
                    f"SELECT {columns} FROM customers WHERE id IN ({', '.join('?' * len(ids))})", ids):
                gone.discard(row_id)
                for key in customer_keys(name, company, email_n, phone_n):
                    self.customers[key] = cid
                if row_id == cid and name:
                    self.customer_names[cid] = name
        if gone:  # removed since (`import undo` of an earlier import): matched no more
            for key in [key for key, cid in self.customers.items() if cid in gone]:
                del self.customers[key]

    def flush_customers(self) -> None:
        if self.new_customers:
            self.conn.executemany(
                "INSERT INTO customers (id, name, email, phone, company, email_normalized, phone_normalized, "
                f"created_at, import_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, {self.import_id or 'NULL'})",
                self.new_customers)
            self._seal_new_customers()
            self.new_customers.clear()

    def _seal_new_customers(self) -> None:
        """One event for the customer records just created from the cache (their ids run on from
        the first): what they were created with, sealed (core/record/seal.py), as `log` seals
        the record it creates, at the cost of one event a batch rather than one a customer."""
        from complaintctl.core.record.events import record_event
        from complaintctl.core.record.seal import customers_seal

        runs: list[list[tuple]] = []
        for row in self.new_customers:  # runs of consecutive ids (one, as the cache hands them out)
            if runs and row[0] == runs[-1][-1][0] + 1:
                runs[-1].append(row)
            else:
                runs.append([row])
        for run in runs:
            record_event(self.conn, None, at=self.at, actor=self.actor, action="customers_imported",
                         field="customers", old_value=run[0][0], new_value=run[-1][0],
                         note=f"{len(run)} created by {self.source_note}",
                         digest=customers_seal([row[1:5] for row in run], self.chain_version))

    def customer_id(self, person: tuple) -> int | None:
        keys, name, email, phone, company, email_n, phone_n = person
        customers = self.customers
        for key in keys:
            cid = customers.get(key)
            if cid is not None:
                self.reused_customers.add(cid)
                for other in keys:
                    if other not in customers:
                        customers[other] = cid
                        self.new_keys.append(other)
                if name and key.__class__ is str:  # matched by email or phone, not by the name itself
                    known = self.customer_names.get(cid)
                    if known is None and not self.customers_complete:
                        known = self.conn.execute("SELECT name FROM customers WHERE id = ?", (cid,)).fetchone()[0]
                    if known and not _same_name(known, name):
                        self.name_differs = known
                return cid
        if self.customers_complete:
            # We hold the write lock for the batch, so ids can be handed out here and the
            # new customers written with one executemany before the complaints.
            cid = self.next_customer_id
            self.next_customer_id += 1
            self.new_customers.append((cid, name, email, phone, company, email_n, phone_n, self.at))
            if name:
                self.customer_names[cid] = name
            created = True
        else:
            from complaintctl.core.people.matching import match_or_create_customer

            cid, created = match_or_create_customer(self.conn, name=name, email=email, phone=phone,
                                                    company=company, at=self.at, actor=self.actor)
            if created and self.import_id:  # this import's, as those written from the cache are
                self.conn.execute("UPDATE customers SET import_id = ? WHERE id = ?", (self.import_id, cid))
            if not created and name:  # matched a known customer, perhaps by email or phone
                known = self.conn.execute("SELECT name FROM customers WHERE id = ?", (cid,)).fetchone()[0]
                if known and not _same_name(known, name):
                    self.name_differs = known
            if len(customers) > CUSTOMER_CACHE_KEYS:
                customers.clear()
        if created:
            self.summary.customers_created += 1
            self.created_in_attempt += 1
        for key in keys:
            customers[key] = cid
        self.new_keys.extend(keys)
        return cid

    def _bound_customer_cache(self) -> None:
        """Before a batch: stop caching every customer once the cache outgrows its bound."""
        if self.customers_complete and len(self.customers) > CUSTOMER_CACHE_KEYS:
            self._stop_caching_customers()

    def _stop_caching_customers(self) -> None:
        """The cache of every customer has outgrown its bound: from this batch on, customers
        are matched through the database (its indexes rebuilt first if a bulk load deferred
        them), with the cache kept only as a bounded memo."""
        from complaintctl.store.bulk import rebuild_indexes

        rebuild_indexes(self.conn, tables=("customers",))
        self.customers.clear()
        self.customer_names.clear()
        self.customers_complete = False

    def _forget_new_customers(self) -> None:
        """Undo the customer cache and pending inserts of a rolled-back attempt."""
        for key in self.new_keys:
            self.customers.pop(key, None)
        self.new_keys.clear()
        self.new_customers.clear()
        self.summary.customers_created -= self.created_in_attempt
        self.created_in_attempt = 0
