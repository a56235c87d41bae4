"""What an `import undo` did (or would do), as the lines it prints."""

from __future__ import annotations

from complaintctl.i18n import _, ngettext, shown

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
    return _("{ids} and {n:,} more", ids=text, n=rest) if rest else text


def undo_lines(result: dict) -> tuple[str, list[str]]:
    """(the summary, for stdout; the details: what was kept and why, for stderr)."""
    removed, customers = result["removed_complaints"], result["removed_customers"]
    kept, kept_customers = result["kept_complaints"], result["kept_customers"]
    counts = {"complaints": ngettext("{n:,} complaint", "{n:,} complaints", len(removed))
              + (f" ({id_ranges(removed)})" if removed else ""),
              "customers": ngettext("{n:,} customer", "{n:,} customers", len(customers)),
              "kept": ngettext("{n:,} complaint", "{n:,} complaints", len(kept)),
              "kept_customers": ngettext("{n:,} customer", "{n:,} customers", len(kept_customers)),
              "id": result["import_id"], "source": result["source"]}
    summary = (_("import #{id} ({source}): would remove {complaints} and {customers}; kept {kept} and {kept_customers}",
                 **counts) if result["dry_run"] else
               _("import #{id} ({source}): removed {complaints} and {customers}; kept {kept} and {kept_customers}",
                 **counts))
    updated = result.get("updated_not_undone") or []
    if updated:
        summary += _("; not undone: its updates of {updated}, which keep the values it wrote",
                     updated=ngettext("{n:,} complaint", "{n:,} complaints", len(updated)) + f" ({id_ranges(updated)})")
    details = [_("kept complaint #{id}: {why}", id=item["id"], why=shown(item["why"])) for item in kept[:SHOWN]]
    if len(kept) > SHOWN:
        details.append(_("... and {n:,} more complaints kept (-f json lists them all)", n=len(kept) - SHOWN))
    details += [_("kept customer #{id}: {why}", id=item["id"], why=shown(item["why"])) for item in kept_customers[:SHOWN]]
    if len(kept_customers) > SHOWN:
        details.append(_("... and {n:,} more customers kept (-f json lists them all)", n=len(kept_customers) - SHOWN))
    if updated:
        details.append(_("note: an undo removes what an import created; it does not put back what an import changed "
                         "(`--update`): each change is an event with the value before it (`complaintctl show ID`), "
                         "to be set again by hand where it was wrong"))
    if not result["customers_recorded"]:
        details.append(_("note: this import ran before imports recorded the customers they create, so none of its "
                         "customers were removed (`complaintctl customers list` shows any left without complaints)"))
    if not result["finished"]:
        details.append(_("note: import #{id} had not finished (it stopped part-way or was killed; or it is still "
                         "running, and then stops at its next batch)", id=result["import_id"]))
    if result["dry_run"]:
        details.append(_("dry run: nothing was changed"))
    return summary, details
