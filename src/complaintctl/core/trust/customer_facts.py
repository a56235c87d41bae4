"""Stated facts of customers: each customer record against the events that state its details and
its merge, and against what it was created with, sealed by its `customer_created` event or, with
the records of its batch, by an import's `customers_imported` event."""

from __future__ import annotations

from complaintctl.core.record.seal import CUSTOMER, customer_seal, customers_seal
from complaintctl.core.trust.disagreements import Disagreement, EventVersions, FactsReport, by_id, merged_by_id
from complaintctl.store.engine import Connection


def customer_disagreements(conn: Connection, report: FactsReport, versions: EventVersions) -> list[Disagreement]:
    """Each customer record against the events that state its details (created, edited, filled
    in) and its merge, and against what it was created with: sealed by its `customer_created`
    event, or with the records of its batch by an import's `customers_imported` event. One pass
    over the customers beside their events (in the order of the index that holds them)."""
    rows = ((r[0], r[1:]) for r in conn.execute(f"SELECT id, {', '.join(CUSTOMER)}, merged_into FROM customers "
                                                 "ORDER BY id"))
    events = by_id(conn.execute(
        "SELECT customer_id, id, action, field, old_value, new_value, digest FROM events "
        "WHERE customer_id IS NOT NULL ORDER BY customer_id, id"), 7)
    stated_merges = {int(cid): int(keep) for cid, keep, _ in conn.execute(
        "SELECT customer_id, new_value, max(id) FROM events WHERE customer_id IS NOT NULL AND field = 'merged_into' "
        "AND action = 'customer_merged' GROUP BY customer_id") if keep is not None}
    batches = iter(sorted((int(first), int(last), event, digest) for event, first, last, digest in conn.execute(
        "SELECT id, old_value, new_value, digest FROM events WHERE action = 'customers_imported' "
        "AND digest IS NOT NULL")))
    batch = next(batches, None)
    records: list[tuple] = []
    # a batch one of whose records `import undo` removed since cannot be compared whole
    removed = {r[0] for r in conn.execute("SELECT customer_id FROM events WHERE action = 'customer_removed' "
                                          "AND customer_id IS NOT NULL")}
    found = []
    for cid, row, (mine,) in merged_by_id(rows, events):
        while batch is not None and cid > batch[1]:
            found += _batch_sealed(batch, records, removed, versions)
            batch, records = next(batches, None), []
        record = dict(zip(CUSTOMER, row, strict=False))
        created = next(((e, d) for e, action, *_, d in mine if action == "customer_created"), None)
        in_batch = batch is not None and batch[0] <= cid
        report.customers += 1
        report.customers_unsealed += not in_batch and (created is None or created[1] is None)
        one = _customer(cid, record, row[-1], mine, stated_merges, created, versions)
        if one is not None:
            found.append(one)
        if in_batch:
            records.append(tuple(_created_values(record, mine).values()))
    while batch is not None:
        found += _batch_sealed(batch, records, removed, versions)
        batch, records = next(batches, None), []
    return found


def _batch_sealed(batch: tuple, records: list[tuple], removed: set[int], versions: EventVersions) -> list[Disagreement]:
    first, last, event, digest = batch
    version = versions.of(event)
    if version is None or customers_seal(records, version) == digest or any(first <= cid <= last for cid in removed):
        return []
    return [Disagreement("sealed records", "customers", first, event, last)]


def _created_values(record: dict, events: list) -> dict:
    """A customer record worked back to what it was created with: the old value of the first
    event that changed each detail since, else the detail as it is."""
    first_old: dict[str, str | None] = {}
    for _, action, field, old_value, _, _ in events:
        name = field[len("customer."):] if field and field.startswith("customer.") else None
        if name is not None and name in record and action != "customer_created" and name not in first_old:
            first_old[name] = old_value
    return {name: first_old.get(name, record[name]) for name in CUSTOMER}


def _customer(cid: int, record: dict, merged_into: int | None, events: list, merges: dict[int, int],
              created: tuple | None, versions: EventVersions) -> Disagreement | None:
    """The first disagreement of one customer record with its events, or None."""
    last: dict[str, tuple[int, str | None]] = {}
    for event, _, field, _, new_value, _ in events:
        name = field[len("customer."):] if field and field.startswith("customer.") else None
        if name is not None and name in record:
            last[name] = (event, new_value)
    for name in CUSTOMER:
        if name in last and record[name] != last[name][1]:
            return Disagreement(name, "customers", cid, last[name][0], record[name], last[name][1])
    expected, seen = merges.get(cid), set()
    while expected in merges and expected not in seen:  # merged into a record merged on since
        seen.add(expected)
        expected = merges[expected]
    if merged_into != expected:
        event = next((e for e, action, field, *_ in reversed(events) if field == "merged_into"), None)
        return Disagreement("merged_into", "customers", cid, event, merged_into, expected)
    if created is None or created[1] is None:  # created by an import's batch, or before seals
        return None
    version = versions.of(created[0])
    if version is not None and customer_seal(_created_values(record, events), version) != created[1]:
        return Disagreement("sealed record", "customers", cid, created[0])
    return None
