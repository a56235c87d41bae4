"""What an `import undo` did (or would do), as the lines it prints."""

from __future__ import annotations

SHOWN = 20  # kept complaints and customers named one per line; the rest counted


def id_ranges(ids: list[int], limit: int = 12) -> str:
    """'#3-#7, #9' for sorted ids; at most ``limit`` runs, then how many more ids."""
    runs: list[list[int]] = []
    for i in ids:
        if runs and runs[-1][1] == i - 1:
            runs[-1][1] = i
        else:
            runs.append([i, i])
    text = ", ".join(f"#{a}" if a == b else f"#{a}-#{b}" for a, b in runs[:limit])
    rest = sum(b - a + 1 for a, b in runs[limit:])
    return text + (f" and {rest:,} more" if rest else "")


def _count(n: int, one: str) -> str:
    return f"{n:,} {one}" + ("" if n == 1 else "s")


def undo_lines(result: dict) -> tuple[str, list[str]]:
    """(the summary, for stdout; the details: what was kept and why, for stderr)."""
    verb = "would remove" if result["dry_run"] else "removed"
    removed, customers = result["removed_complaints"], result["removed_customers"]
    kept, kept_customers = result["kept_complaints"], result["kept_customers"]
    summary = (f"import #{result['import_id']} ({result['source']}): {verb} {_count(len(removed), 'complaint')}"
               + (f" ({id_ranges(removed)})" if removed else "") + f" and {_count(len(customers), 'customer')}; "
               f"kept {_count(len(kept), 'complaint')} and {_count(len(kept_customers), 'customer')}")
    details = []
    for item in kept[:SHOWN]:
        details.append(f"kept complaint #{item['id']}: {item['why']}")
    if len(kept) > SHOWN:
        details.append(f"... and {len(kept) - SHOWN:,} more complaints kept (-f json lists them all)")
    for item in kept_customers[:SHOWN]:
        details.append(f"kept customer #{item['id']}: {item['why']}")
    if len(kept_customers) > SHOWN:
        details.append(f"... and {len(kept_customers) - SHOWN:,} more customers kept (-f json lists them all)")
    if not result["customers_recorded"]:
        details.append("note: this import ran before imports recorded the customers they create, so none of its "
                       "customers were removed (`complaintctl customers list` shows any left without complaints)")
    if not result["finished"]:
        details.append(f"note: import #{result['import_id']} had not finished (it stopped part-way or was killed; or it "
                       "is still running, and then stops at its next batch)")
    if result["dry_run"]:
        details.append("dry run: nothing was changed")
    return summary, details
