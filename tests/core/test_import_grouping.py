"""Several rows per complaint (issue 20, item 4): a police complaints workbook has a row per
allegation, an incident event log a row per update of a ticket. The summary says so; with
--group-by-ref the rows of a ref are one complaint, the newest saying where it stands and every
value a row gave that the complaint does not hold kept in a note. Fixtures in the real shapes."""

import csv
import json
from datetime import datetime, timezone

from complaintctl.core.insight import reports
from complaintctl.core.intake import ImportOptions, import_records, undo_import
from complaintctl.core.intake.source import open_source
from complaintctl.render.import_summary import several_rows_lines
from complaintctl.store.db import connect

NOW = datetime(2026, 12, 1, 12, 0, tzinfo=timezone.utc)

# One row per allegation, as police oversight boards publish them (complaint-level columns repeat).
POLICE = [
    ["Complaint No", "Date Received", "Incident Date", "Complainant", "Summary", "Officer", "Allegation", "Finding"],
    ["C-101", "2026-03-02", "2026-02-27", "J. Smith", "Stopped and searched without a reason", "Ofc. Lee",
     "Unlawful stop", "Not sustained"],
    ["C-101", "2026-03-02", "2026-02-27", "J. Smith", "Stopped and searched without a reason", "Ofc. Lee",
     "Discourtesy", "Sustained"],
    ["C-101", "2026-03-02", "2026-02-27", "J. Smith", "Stopped and searched without a reason", "Ofc. Park",
     "Use of force", "Exonerated"],
    ["C-102", "2026-03-05", "2026-03-04", "A. Wong", "Shouted at in the front office", "Ofc. Diaz",
     "Discourtesy", "Unfounded"],
    ["C-103", "2026-03-09", "2026-03-08", "P. Novak", "Property not returned after release", "Ofc. Lee",
     "Property damage", "Sustained"],
    ["C-103", "2026-03-09", "2026-03-08", "P. Novak", "Property not returned after release", "Ofc. Kim",
     "Failure to report", "Not sustained"],
]

# A ServiceNow incident event log (one row per update, `?` for null, day-first times): INC9001 is
# resolved, reopened by the caller, resolved again and closed; INC9002 goes straight through.
LOG_REF = {"number": "ref"}  # the real log's 890 tickets prove it a ref; two of them do not
EVENT_LOG = [
    ["number", "incident_state", "reopen_count", "sys_mod_count", "caller_id", "opened_at", "sys_updated_by",
     "sys_updated_at", "category", "priority", "resolved_at", "closed_at"],
    ["INC9001", "New", "0", "0", "Caller 11", "02-11-2026 08:10", "Updated by 4", "02-11-2026 08:12",
     "Category 7", "3 - Moderate", "?", "?"],
    ["INC9001", "Resolved", "0", "2", "Caller 11", "02-11-2026 08:10", "Updated by 9", "03-11-2026 10:00",
     "Category 7", "3 - Moderate", "03-11-2026 10:00", "?"],
    ["INC9001", "Active", "1", "3", "Caller 11", "02-11-2026 08:10", "Updated by 4", "10-11-2026 08:00",
     "Category 7", "2 - High", "?", "?"],
    ["INC9001", "Resolved", "1", "5", "Caller 11", "02-11-2026 08:10", "Updated by 9", "11-11-2026 12:00",
     "Category 7", "2 - High", "11-11-2026 12:00", "?"],
    ["INC9001", "Closed", "1", "6", "Caller 11", "02-11-2026 08:10", "Updated by 1", "16-11-2026 12:00",
     "Category 7", "2 - High", "11-11-2026 12:00", "16-11-2026 12:00"],
    ["INC9002", "New", "0", "0", "Caller 12", "04-11-2026 09:00", "Updated by 4", "04-11-2026 09:05",
     "Category 3", "4 - Low", "?", "?"],
    ["INC9002", "Resolved", "0", "1", "Caller 12", "04-11-2026 09:00", "Updated by 9", "05-11-2026 09:00",
     "Category 3", "4 - Low", "05-11-2026 09:00", "?"],
]


def write(path, rows):
    with open(path, "w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows(rows)
    return path


def run(db, path, mapped=None, **options):
    conn = connect(db)
    try:
        return import_records(conn, open_source(str(path)),
                              options=ImportOptions(rejects_path=path.with_suffix(".rejects.csv"), workers=0,
                                                    **options), map_overrides=mapped, actor="t", now=NOW)
    finally:
        conn.close()


def arithmetic(s):
    assert s.read == s.inserted + s.updated + s.unchanged + s.duplicates + s.grouped + s.rejected


def notes_of(db, ref):
    conn = connect(db)
    try:
        return [r[0] for r in conn.execute(
            "SELECT e.note FROM events e JOIN complaints c ON c.id = e.complaint_id "
            "WHERE c.ref = ? AND e.action = 'note' ORDER BY e.id", (ref,))]
    finally:
        conn.close()


def test_rows_per_allegation_are_said_and_not_one_complaint_each_without_the_option(db_path, tmp_path):
    path = write(tmp_path / "police.csv", POLICE)
    s = run(db_path, path)
    arithmetic(s)
    assert (s.inserted, s.duplicates, s.grouped) == (3, 3, 0)
    assert (s.ref_rows, s.ref_repeats) == (6, 3)
    line = " ".join(several_rows_lines(s))
    assert "6 rows hold 3 distinct refs" in line and "--group-by-ref" in line


def test_rows_per_allegation_are_one_complaint_keeping_every_allegation(db_path, tmp_path):
    path = write(tmp_path / "police.csv", POLICE)
    s = run(db_path, path, group_by_ref=True)
    arithmetic(s)
    assert (s.inserted, s.grouped, s.duplicates, s.rejected) == (3, 3, 0, 0)
    assert "3 rows joined" in " ".join(several_rows_lines(s))
    conn = connect(db_path)
    extra = {r[0]: json.loads(r[1]) for r in conn.execute("SELECT ref, extra FROM complaints")}
    assert conn.execute("SELECT subject FROM complaints WHERE ref = 'C-101'").fetchone()[0].startswith("Stopped")
    recorded = conn.execute("SELECT grouped FROM imports WHERE id = ?", (s.import_id,)).fetchone()[0]
    conn.close()
    assert recorded == 3
    # every allegation, finding and officer of every row is on its complaint: in extra (the newest
    # row's) or in a note naming its line
    header = POLICE[0]
    for line, row in enumerate(POLICE[1:], start=2):
        ref = row[0]
        notes = notes_of(db_path, ref)
        for column in ("Officer", "Allegation", "Finding"):
            value = row[header.index(column)]
            assert extra[ref].get(column) == value or any(
                f"line {line}:" in n and f"{column} {value!r}" in n for n in notes), (line, column)
    assert len(notes_of(db_path, "C-102")) == 0  # one row: nothing else to keep


def test_a_grouped_file_imported_again_adds_nothing(db_path, tmp_path):
    path = write(tmp_path / "police.csv", POLICE)
    run(db_path, path, group_by_ref=True)
    notes = notes_of(db_path, "C-101")
    again = run(db_path, path, group_by_ref=True)
    arithmetic(again)
    assert (again.inserted, again.updated, again.unchanged, again.grouped) == (0, 0, 3, 3)
    assert len(notes) == 2 and notes_of(db_path, "C-101") == notes  # the newest row needs none; none twice


def test_event_log_snapshots_end_where_the_newest_row_stands_with_the_reopen_at_its_time(db_path, tmp_path):
    path = write(tmp_path / "incident_event_log.csv", EVENT_LOG)
    s = run(db_path, path, LOG_REF, group_by_ref=True)
    arithmetic(s)
    assert (s.inserted, s.grouped, s.rejected) == (2, 5, 0)
    conn = connect(db_path)
    row = conn.execute("SELECT status, severity, resolved_at, closed_at, reopened_count, received_at "
                       "FROM complaints WHERE ref = 'INC9001'").fetchone()
    assert tuple(row) == ("closed", "high", "2026-11-11T12:00:00Z", "2026-11-16T12:00:00Z", 1, "2026-11-02T08:10:00Z")
    reopens = [tuple(r) for r in conn.execute(
        "SELECT e.at, e.field, e.old_value, e.new_value FROM events e JOIN complaints c ON c.id = e.complaint_id "
        "WHERE e.action = 'reopened' ORDER BY e.id")]
    assert reopens == [("2026-11-10T08:00:00Z", "status", "resolved", "investigating"),
                       ("2026-11-10T08:00:00Z", "resolved_at", "2026-11-03T10:00:00Z", None)]
    # the reports count the file's history in its weeks, recomputed here from the rows themselves
    w45, w46 = reports.week_period("2026-W45"), reports.week_period("2026-W46")
    rows = EVENT_LOG[1:]
    state = EVENT_LOG[0].index("incident_state")
    reopened_in = [r[7] for prev, r in zip(rows, rows[1:], strict=False)
                   if prev[0] == r[0] and prev[state] == "Resolved" and r[state] == "Active"]
    resolved_in = {r[10] for r in rows if r[10] != "?"}
    assert reopened_in == ["10-11-2026 08:00"]
    assert resolved_in == {"03-11-2026 10:00", "05-11-2026 09:00", "11-11-2026 12:00"}
    first = reports.weekly(conn, *w45, now=NOW)
    second = reports.weekly(conn, *w46, now=NOW)
    conn.close()
    assert first["totals"]["reopened"]["value"] == 0 and second["totals"]["reopened"]["value"] == 1
    # resolutions made 3 and 5 November (W45), the one a reopen undid included; 11 November (W46)
    assert (first["totals"]["resolved"]["value"], second["totals"]["resolved"]["value"]) == (2, 1)
    assert first["totals"]["received"]["value"] == 2


def test_rows_of_a_ref_apart_in_the_file_are_not_joined_and_the_summary_says_how(db_path, tmp_path):
    rows = [POLICE[0], POLICE[1], POLICE[4], POLICE[2]]
    s = run(db_path, write(tmp_path / "police.csv", rows), group_by_ref=True)
    arithmetic(s)
    assert (s.inserted, s.grouped, s.duplicates) == (2, 0, 1)
    assert "sort the file by its ref column" in " ".join(several_rows_lines(s))


def test_a_ref_whose_rows_cannot_make_one_complaint_rejects_each_of_them(db_path, tmp_path):
    rows = [EVENT_LOG[0], EVENT_LOG[6],
            ["INC9002", "Closed", "0", "2", "Caller 12", "04-11-2026 09:00", "Updated by 1", "05-11-2026 09:00",
             "Category 3", "4 - Low", "?", "01-11-2026 09:00"]]  # closed before it was opened
    s = run(db_path, write(tmp_path / "log.csv", rows), LOG_REF, group_by_ref=True)
    arithmetic(s)
    assert (s.inserted, s.grouped, s.rejected) == (0, 0, 2)
    with open(tmp_path / "log.rejects.csv", encoding="utf-8-sig") as f:
        reasons = [r[1] for r in csv.reader(f)][1:]
    assert len(reasons) == 2 and all("lines 2-3, joined" in r for r in reasons)


def test_a_grouped_import_with_reopens_in_the_past_can_be_undone(db_path, tmp_path):
    s = run(db_path, write(tmp_path / "incident_event_log.csv", EVENT_LOG), LOG_REF, group_by_ref=True)
    conn = connect(db_path)
    try:
        result = undo_import(conn, s.import_id, actor="t", now=NOW)
        assert len(result["removed_complaints"]) == 2, result
        assert conn.execute("SELECT count(*) FROM complaints").fetchone()[0] == 0
    finally:
        conn.close()
