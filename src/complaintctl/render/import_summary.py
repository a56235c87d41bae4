"""What an import decided and met, as the lines printed under its summary."""

from __future__ import annotations


def evidence_lines(summary) -> list[str]:
    """What the import decided and met, beyond the counts: date orders, values read as empty,
    rows stamped with the import time."""
    lines = []
    if summary.guessed:
        lines.append("guessed from header words (--show-mapping has the evidence; --map overrides): " + "; ".join(
            f"{name} <- {how}" for name, how in summary.guessed.items()))
    if summary.by_values:
        lines.append("decided from the values, no header naming them (--map overrides): " + "; ".join(
            f"{name} <- {how}" for name, how in summary.by_values.items()))
    lines += [f"dates: {name} {order}" for name, order in summary.date_orders.items()]
    if summary.times_zone:
        lines.append(f"dates: a time written without a zone is {summary.times_zone} time "
                     "(`complaintctl --tz ZONE import ...` reads it in another)")
    if summary.empty_values:
        lines.append("read as empty (?, N/A, - ...): " + ", ".join(
            f"{name} {n:,}" for name, n in sorted(summary.empty_values.items(), key=lambda kv: -kv[1])))
    if summary.never_dates:
        lines.append("read as no date (1900-01-01, 0000-00-00, Excel's day zero, the Unix epoch: what systems write "
                     "for \"not yet\"): " + ", ".join(
                         f"{name} {n:,}" for name, n in sorted(summary.never_dates.items(), key=lambda kv: -kv[1])))
    for what, n in sorted(summary.set_aside_values.items(), key=lambda kv: -kv[1]):
        if what.startswith("~"):  # what the lifecycle made the import assume
            lines.append(f"{n:,} row(s) {what[1:]}")
        else:
            lines.append(f"{n:,} row(s): {what}, kept in extra as FIELD_as_given; the complaint imported")
    if summary.stamped_now:
        lines.append(f"{summary.stamped_now:,} row(s) had no received time and got the import time (--received-now)")
    if summary.subject_from_category:
        lines.append(f"{summary.subject_from_category:,} row(s) had neither subject nor description: "
                     "each one's subject is its category as the file wrote it")
    if summary.subject_from_ref:
        lines.append(f"{summary.subject_from_ref:,} row(s) had no subject, description or category: each one's "
                     "subject is \"(no subject)\" and its ref")
    for item in summary.unclassified[:10]:
        code = item["suggestion"] or "CODE"
        how = {"status": "the status read from the row's own times (closed, resolved, else new)",
               "outcome": "the outcome left to the status's default"}.get(item["field"], "imported unclassified")
        lines.append(f"{item['rows']:,} row(s): {item['field']} {item['label']!r} unknown, {how} "
                     f"(first: line {item['first_line']}); `complaintctl taxonomy alias "
                     f"{'channel' if item['field'] == 'told_via' else item['field']} {quoted(item['label'])} {code}` "
                     "maps it")
    if len(summary.unclassified) > 10:
        lines.append(f"... and {len(summary.unclassified) - 10} more unknown labels (-f json lists them all)")
    for name, n in summary.inactive_assignees.items():
        lines.append(f"warning: {n:,} row(s) assigned to {name}, who is deactivated "
                     f"(`complaintctl agents list`; reassign with `complaintctl assign ID --to NAME`)")
    if summary.other_names:
        first = summary.other_names_first[0]
        lines.append(
            f"warning: {summary.other_names:,} row(s) name someone other than the known customer with that email or "
            f"phone (first: line {first['line']}, {first['name']!r} for customer #{first['customer_id']} "
            f"{first['customer']}): filed under that customer, the row's name kept in extra.customer_as_given; "
            "`complaintctl update ID --customer NAME --new-customer` records one as another person")
    if summary.duplicates:
        differing = summary.duplicates_differing
        lines.append(f"{summary.duplicates:,} row(s) repeat an earlier row of the file (the same ref, or without one "
                     f"the same content): {summary.duplicates - differing:,} the same, {differing:,} with other values"
                     + (" (each written to the rejects file with what differed)" if differing else "")
                     + "; not imported again")
    if summary.repeated_headers:
        lines.append(f"{summary.repeated_headers:,} line(s) inside the file repeat the header row: skipped, not read")
    if summary.rejected_known_ref:
        lines.append(f"{summary.rejected_known_ref:,} of the rejected rows have the ref of a complaint in the "
                     "database (another row of the file, or an earlier import): other versions of it, "
                     "such as an event log's earlier snapshots, not complaints lost")
    return lines


def quoted(text: str) -> str:
    """``text`` as one shell word: quoted only when the shell would split or expand it."""
    import re
    import shlex

    return text if re.fullmatch(r"[\w.@%+=:,/-]+", text) else shlex.quote(text)
