"""What an import decided and met, as the lines printed under its summary, in the reader's
language (the summary's JSON keeps core's English words and codes)."""

from __future__ import annotations

from complaintctl.i18n import _, clauses, joined, ngettext, shown
from complaintctl.i18n.said import Code
from complaintctl.i18n.words import word


def field_name(name: str) -> str:
    """A field as people read it: an import's own (``received``, ``closed``) as the column it fills."""
    from complaintctl.i18n.said import Field

    return Field(name).said() if name in Field.COLUMNS else word("field", name) or name


def _counts(counts: dict) -> str:
    """``assignee 1,200, phone 3`` (the commonest first)."""
    return joined(f"{field_name(name)} {n:,}" for name, n in sorted(counts.items(), key=lambda kv: -kv[1]))


def evidence_lines(summary) -> list[str]:
    """What the import decided and met, beyond the counts: date orders, values read as empty,
    rows stamped with the import time."""
    lines = []
    if summary.guessed:
        lines.append(_("guessed from header words (--show-mapping has the evidence; --map overrides): {guesses}",
                       guesses=clauses(f"{field_name(name)} <- {shown(how)}" for name, how in summary.guessed.items())))
    if summary.by_values:
        lines.append(_("decided from the values, no header naming them (--map overrides): {guesses}",
                       guesses=clauses(f"{field_name(name)} <- {shown(how)}" for name, how in summary.by_values.items())))
    if summary.replies:
        lines.append(_("replies: {why}", why=shown(summary.replies)))
    if summary.answered_by_reply:
        lines.append(ngettext("{n:,} complaint has its first response time from the company's reply to it in the "
                              "file (the earliest that answers it)", "{n:,} complaints have their first response time "
                              "from the company's reply to them in the file (the earliest that answers each)",
                              summary.answered_by_reply))
    if summary.follow_ups:
        lines.append(ngettext(
            "{n:,} row is a customer's follow-up in the thread their complaint opened (it answers the company's reply, "
            "the chain of answers leads back to that customer's complaint): a note on that complaint, counted as "
            "grouped, not a new complaint (--follow-ups-as-complaints imports each as one)",
            "{n:,} rows are customers' follow-ups in the threads their complaints opened (each answers the company's "
            "reply, the chain of answers leads back to that customer's complaint): notes on those complaints, counted "
            "as grouped, not new complaints (--follow-ups-as-complaints imports each as one)", summary.follow_ups))
    if summary.snapshots:
        lines.append(_("snapshots: {why}", why=shown(summary.snapshots)))
    lines += [_("dates: {field} {order}", field=field_name(name), order=shown(order))
              for name, order in summary.date_orders.items()]
    if summary.times_zone:
        lines.append(_("dates: a time written without a zone is {zone} time (`complaintctl --tz ZONE import ...` reads "
                       "it in another)", zone=summary.times_zone))
    if summary.empty_values:
        lines.append(_("read as empty (?, N/A, - ...): {counts}", counts=_counts(summary.empty_values)))
    if summary.never_dates:
        lines.append(_("read as no date (1900-01-01, 0000-00-00, Excel's day zero, the Unix epoch: what systems write "
                       "for \"not yet\"): {counts}", counts=_counts(summary.never_dates)))
    for what, n in sorted(summary.set_aside_values.items(), key=lambda kv: -kv[1]):
        if what.startswith("~"):  # what the lifecycle made the import assume
            lines.append(ngettext("{n:,} row {what}", "{n:,} rows {what}", n, what=_(what[1:])))
        else:
            where = joined(summary.set_aside_as.get(what) or ["extra"])
            lines.append(ngettext("{n:,} row: {what}, kept as given in {where}; the complaint imported",
                                  "{n:,} rows: {what}, kept as given in {where}; the complaints imported", n,
                                  what=shown(what), where=where))
    for name, seen in summary.read_by_part.items():
        lines.append(ngettext(
            "{n:,} {field} cell named a code by one of its parts, the others saying something else (first: {text!r} "
            "read as {code}): the whole text kept in extra as {key}",
            "{n:,} {field} cells named a code by one of their parts, the others saying something else (first: "
            "{text!r} read as {code}): each whole text kept in extra as {key}", seen["cells"], field=field_name(name),
            text=seen["first"], code=Code("channel" if name == "told_via" else name, seen["read_as"]), key=f"{name}_as_given"))
    if summary.stamped_now:
        lines.append(ngettext("{n:,} row had no received time and got the import time (--received-now)",
                              "{n:,} rows had no received time and got the import time (--received-now)",
                              summary.stamped_now))
    if summary.subject_from_category:
        lines.append(ngettext("{n:,} row had neither subject nor description: its subject is its category as the file "
                              "wrote it", "{n:,} rows had neither subject nor description: each one's subject is its "
                              "category as the file wrote it", summary.subject_from_category))
    if summary.subject_from_ref:
        lines.append(ngettext("{n:,} row had no subject, description or category: its subject is \"(no subject)\" and "
                              "its ref", "{n:,} rows had no subject, description or category: each one's subject is "
                              "\"(no subject)\" and its ref", summary.subject_from_ref))
    lines += [_unclassified_line(item) for item in summary.unclassified[:10]]
    if len(summary.unclassified) > 10:
        lines.append(_("... and {n} more unknown labels (-f json lists them all)", n=len(summary.unclassified) - 10))
    lines += _people_lines(summary)
    lines += _repeat_lines(summary)
    return lines


def _unclassified_line(item: dict) -> str:
    code = item["suggestion"] or _("CODE")
    field = item["field"]
    kind = "channel" if field == "told_via" else field
    how = {"status": _("the status read from the row's own times (closed, resolved, acknowledged, else new)"),
           "outcome": _("the outcome left to the status's default")}.get(field, _("imported unclassified"))
    return ngettext("{n:,} row: {field} {label!r} unknown, {how} (first: line {line}); `complaintctl taxonomy alias "
                    "{kind} {quoted} {code}` maps it",
                    "{n:,} rows: {field} {label!r} unknown, {how} (first: line {line}); `complaintctl taxonomy alias "
                    "{kind} {quoted} {code}` maps it", item["rows"], field=field_name(field), label=item["label"],
                    how=how, line=item["first_line"], kind=kind, quoted=quoted(item["label"]), code=code)


def _people_lines(summary) -> list[str]:
    lines = []
    for name, n in summary.inactive_assignees.items():
        lines.append(_("warning: {message}", message=ngettext(
            "{n:,} row assigned to {name}, who is deactivated (`complaintctl agents list`; reassign with "
            "`complaintctl assign ID --to NAME`)", "{n:,} rows assigned to {name}, who is deactivated "
            "(`complaintctl agents list`; reassign with `complaintctl assign ID --to NAME`)", n, name=name)))
    if summary.other_names:
        first = summary.other_names_first[0]
        lines.append(_("warning: {message}", message=ngettext(
            "{n:,} row names someone other than the known customer with that email or phone (first: line {line}, "
            "{name!r} for customer #{id} {customer}): filed under that customer, the row's name kept in "
            "extra.customer_as_given; `complaintctl update ID --customer NAME --new-customer` records one as another "
            "person",
            "{n:,} rows name someone other than the known customer with that email or phone (first: line {line}, "
            "{name!r} for customer #{id} {customer}): filed under that customer, the row's name kept in "
            "extra.customer_as_given; `complaintctl update ID --customer NAME --new-customer` records one as another "
            "person", summary.other_names, line=first["line"], name=first["name"], id=first["customer_id"],
            customer=first["customer"])))
    return lines


def _repeat_lines(summary) -> list[str]:
    lines = []
    if summary.superseded:
        lines.append(ngettext("{n:,} row is an earlier snapshot of a ticket whose newest row was imported: counted as "
                              "a duplicate, not imported", "{n:,} rows are earlier snapshots of tickets whose newest "
                              "rows were imported: counted as duplicates, not imported", summary.superseded))
    repeats = summary.duplicates - summary.superseded
    if repeats:
        differing = summary.duplicates_differing
        same = repeats - differing
        lines.append(ngettext("{n:,} row repeats an earlier row of the file (the same ref, or without one the same "
                              "content): {same:,} the same, {differing:,} with other values{written}; not imported again",
                              "{n:,} rows repeat an earlier row of the file (the same ref, or without one the same "
                              "content): {same:,} the same, {differing:,} with other values{written}; not imported again",
                              repeats, same=same, differing=differing,
                              written=_(" (each written to the rejects file with what differed)") if differing else ""))
    lines += several_rows_lines(summary)
    for how, n in summary.mojibake_repaired.items():
        lines.append(ngettext("{n:,} row held text garbled by a wrong encoding ({how}): repaired exactly (undoing the "
                              "repair gives back the text as found)",
                              "{n:,} rows held text garbled by a wrong encoding ({how}): repaired exactly (undoing the "
                              "repair gives back the text as found)", n, how=_(how)))
    if summary.lost_text:
        first = summary.lost_text_first[0] if summary.lost_text_first else {"line": "?", "column": "?", "value": ""}
        lines.append(_("warning: {message}", message=ngettext(
            "{n:,} row holds text lost before this file was made: runs of '?' where characters were (first: line "
            "{line}, column {column!r}: {value!r}); imported as it is and marked (extra.text_lost), but those "
            "characters are not in the file and cannot be recovered from it: export again from the source system "
            "in UTF-8 to keep them",
            "{n:,} rows hold text lost before this file was made: runs of '?' where characters were (first: line "
            "{line}, column {column!r}: {value!r}); imported as they are and marked (extra.text_lost), but those "
            "characters are not in the file and cannot be recovered from it: export again from the source system "
            "in UTF-8 to keep them", summary.lost_text, line=first["line"], column=first["column"],
            value=first["value"])))
    if summary.repeated_headers:
        lines.append(ngettext("{n:,} line inside the file repeats the header row: skipped, not read",
                              "{n:,} lines inside the file repeat the header row: skipped, not read",
                              summary.repeated_headers))
    if summary.rejected_known_ref:
        lines.append(ngettext("{n:,} of the rejected rows has the ref of a complaint in the database (another row of "
                              "the file, or an earlier import): another version of it, such as an event log's earlier "
                              "snapshot, not a complaint lost",
                              "{n:,} of the rejected rows have the ref of a complaint in the database (another row of "
                              "the file, or an earlier import): other versions of it, such as an event log's earlier "
                              "snapshots, not complaints lost", summary.rejected_known_ref))
    return lines


def several_rows_lines(summary) -> list[str]:
    """Rows that share a ref: joined (--group-by-ref), or the option that would join them."""
    lines = []
    joined = summary.grouped - summary.follow_ups  # follow-ups in a thread are said on their own line
    if joined:
        lines.append(ngettext(
            "{n:,} row joined to the row before it with the same ref (--group-by-ref): {rows:,} rows with a ref made "
            "{complaints:,} complaints; what a row says that its complaint does not hold is in a note on the complaint",
            "{n:,} rows joined to the row before them with the same ref (--group-by-ref): {rows:,} rows with a ref made "
            "{complaints:,} complaints; what a row says that its complaint does not hold is in a note on the complaint",
            joined, rows=summary.ref_rows + joined, complaints=summary.ref_rows))
    if summary.ref_repeats and summary.group_by_ref:
        lines.append(ngettext(
            "{n:,} row has the ref of rows that are not next to it: only rows that follow one another are joined; "
            "sort the file by its ref column to join them",
            "{n:,} rows have the ref of rows that are not next to them: only rows that follow one another are joined; "
            "sort the file by its ref column to join them", summary.ref_repeats))
    elif summary.ref_repeats:
        lines.append(_("several rows per complaint: {rows:,} rows hold {refs:,} distinct refs (an event log's "
                       "snapshots, a row per allegation or product): --group-by-ref makes one complaint of each ref's "
                       "rows, the newest saying where it stands, what the others say kept in notes",
                       rows=summary.ref_rows, refs=summary.ref_rows - summary.ref_repeats))
    return lines


def quoted(text: str) -> str:
    """``text`` as one shell word: quoted only when the shell would split or expand it."""
    import re
    import shlex

    return text if re.fullmatch(r"[\w.@%+=:,/-]+", text) else shlex.quote(text)
