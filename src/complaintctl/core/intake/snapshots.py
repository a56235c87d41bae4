"""An event log's snapshots: a help desk's audit export (ServiceNow's incident event log, a Jira
history export) writes one row per update of a ticket, the rows of one ticket one after another,
each with its update time. The ticket is where its newest row says it stands: a plain import
keeps each ticket's newest snapshot (the latest update time; the later row on a tie) and counts the
earlier ones as duplicates, so statuses and the open backlog are those of today, not of the day
each ticket was opened. Decided from the values: the rows of a ref follow one another and the file
has an update-time column. --group-by-ref keeps what the earlier rows say, in notes."""

from __future__ import annotations

from complaintctl.core.intake.mapping import ColumnPlan
from complaintctl.i18n import L_
from complaintctl.i18n.said import Input

MIN_PAIRS = 5  # rows repeating the ref of the row before them, in the sample
MIN_SHARE = 0.1  # of the sampled rows
CONTIGUOUS = 0.95  # share of refs whose rows all follow one another


def find_snapshots(plans: list[ColumnPlan], sample: list):
    """Why the file is read as an event log's snapshots (a Message), or None."""
    ref = next((p.index for p in plans if p.field == "ref"), None)
    updated = next((p.index for p in plans if p.field == "updated_at"), None)
    if ref is None or updated is None:
        return None
    rows = [r for _, r in sample if r.__class__ is list and ref < len(r) and r[ref].strip()]
    pairs = moved = 0
    seen: set[str] = set()
    broken = 0
    previous = None
    for record in rows:
        key = record[ref].strip()
        if previous is not None and key == previous[ref].strip():
            pairs += 1
            if updated < len(record) and record[updated].strip() != previous[updated].strip():
                moved += 1
        elif key in seen:
            broken += 1  # a ref met again after others: not one ticket's rows in a run
        seen.add(key)
        previous = record
    if pairs < max(MIN_PAIRS, MIN_SHARE * len(rows)) or broken > (1 - CONTIGUOUS) * len(seen) or moved * 2 < pairs:
        return None
    header = next(p.header for p in plans if p.field == "updated_at")
    return L_("{pairs:,} of the first {rows:,} rows repeat the ref of the row before them with another {header!r} "
              "(an event log: one row per update of a ticket); each ticket is imported as its newest row says it "
              "stands, the earlier rows counted as duplicates ({group} keeps what they say in notes)",
              pairs=pairs, rows=len(rows), header=header, group=Input("group_by_ref"))
