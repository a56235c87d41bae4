"""Whether a reference column whose values repeat still names one complaint per value, judged with
the other columns: the rows that share a value of a reference of several rows per complaint (an
event log's snapshots, a row per allegation or product) came in at one time. When most values
repeated in the sample come with different received times, the column numbers something else
(GitHub's issue numbers, unique only within each of several repositories) and reading it as the
reference would set different complaints aside as duplicates of one."""

from __future__ import annotations

from complaintctl.core.intake.mapping import EXTRA, ColumnPlan
from complaintctl.i18n import L_, Message
from complaintctl.i18n.said import Input


def ref_of_several_complaints(plans: list[ColumnPlan], sample: list[tuple[int, object]]) -> Message | None:
    """Set a guessed reference aside (kept in extra) when the sampled rows sharing its values were
    received at different times; the warning that says so, when it was set aside."""
    ref = next((p for p in plans if p.field == "ref" and p.rank > 0), None)
    received = next((p for p in plans if p.field == "received"), None)
    if ref is None or received is None:
        return None
    groups: dict[str, set[str]] = {}
    counts: dict[str, int] = {}
    for _, record in sample:  # by row, not by line: a JSON array on one line is all line 1
        if record.__class__ is not list or max(ref.index, received.index) >= len(record):
            continue
        value, time = str(record[ref.index]).strip(), str(record[received.index]).strip()
        if value and time:
            counts[value] = counts.get(value, 0) + 1
            groups.setdefault(value, set()).add(time)
    repeated = [value for value, n in counts.items() if n > 1]
    differing = sum(1 for value in repeated if len(groups[value]) > 1)
    if not repeated or differing * 2 <= len(repeated):
        return None
    evidence = L_("{differing} of its {repeated} repeated values come with different received times: a reference "
                  "names one complaint", differing=differing, repeated=len(repeated))
    ref.field = EXTRA
    ref.evidence = evidence
    ref.how = L_("set aside: {reason} (kept in extra)", reason=evidence)
    return L_("column {column!r} looked like the reference, but rows sharing its values were received at different "
              "times ({evidence}): kept in extra, every row is a complaint of its own. {map} \"{column}=ref\" reads "
              "it as the reference anyway", column=ref.header, evidence=evidence, map=Input("map"))
