"""search: complaints by the words in them, best match first, with `list`'s filters."""

from __future__ import annotations

import typer

from complaintctl.cli.common import (
    FORMAT_OPTION,
    LIMIT_OPTION,
    STATE,
    err,
    row_limit,
    say_more,
)
from complaintctl.cli.filters import complaint_filters
from complaintctl.i18n import N_, _
from complaintctl.i18n.words import word
from complaintctl.render.output import Format

SEARCH_TABLE = ["id", "received_at", "status", "severity", "subject", "found"]
SEARCH_HEADERS = {"id": N_("ID"), "received_at": N_("Received"), "status": N_("Status"), "severity": N_("Severity"),
                  "subject": N_("Subject"), "found": N_("Found")}


@complaint_filters(before="sort", words_option=False)
def search(
    words: list[str] = typer.Argument(..., metavar="WORDS...", help="Words or \"quoted phrases\"; every one must "
                                      "appear (with --any, one is enough)."),
    any_word: bool = typer.Option(False, "--any", help="Complaints with any of the words, not all of them."),
    sort: str = typer.Option("rank", "--sort", help="rank (best match first), or as `list`: received, updated, id, "
                             "severity, status, assignee, customer or age; add :asc or :desc."),
    limit: int = LIMIT_OPTION,
    fmt: Format = FORMAT_OPTION,
    *,
    filters=None,
) -> None:
    """Find complaints by the words in them: subject, description, resolution, customer, tags, the notes
    on their timeline, ref and imported extra columns. Chinese words of any length and English words
    or phrases, in any case; best match first, with the part that matched."""
    import shlex

    from complaintctl.core.insight.queries import LIST_COLUMNS
    from complaintctl.core.insight.search import search_complaints
    from complaintctl.render.output import write_records

    filters.sort = sort if sort.strip().lower() != "rank" else "received"
    filters.text, filters.any_term = " ".join(shlex.quote(w) for w in words), any_word
    filters.limit = row_limit(limit, fmt)
    found = search_complaints(STATE.connect(), filters, ranked=sort.strip().lower() == "rank")
    rows, total = found["rows"], found["total"]
    columns = [*LIST_COLUMNS, "matched_in", "snippet"]
    if fmt != Format.table:
        write_records(rows, columns, fmt)
        return
    from complaintctl.core.record.dates import to_local_text

    def cells(r: dict) -> dict:
        where = r.get("matched_in")
        found = r.get("snippet") or ""
        return {**r, "id": f"#{r['id']}", "received_at": to_local_text(r["received_at"]),
                "found": found if where in (None, "subject") else f"{word('field', where)}{_(': ')}{found}"}

    write_records(rows, columns, fmt, table_columns=SEARCH_TABLE, headers=SEARCH_HEADERS, table_values=cells,
                  flexible=["found", "subject"], floors={"subject": 16, "found": 24},
                  droppable=["received_at", "severity", "subject"])
    if not rows:
        err(_("No complaints match.") if any_word or len(words) == 1
            else _("No complaints match; --any finds those with any one of the words."))
    say_more(len(rows), total)
