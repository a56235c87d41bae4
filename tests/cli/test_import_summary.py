"""import's summary is literally true: in-file duplicates counted apart (the same or differing), a
re-run says what it imported, a clean re-run leaves no stale rejects file, a dry run writes nothing
anywhere, and an import that stops before its first row leaves no database behind."""

import csv
import json

from conftest import query


def write(path, text, encoding="utf-8"):
    path.write_bytes(text.encode(encoding))
    return path


def counts(result):
    return json.loads(result.stdout)[0]


# One row per allegation, as a police complaints workbook exports them: the ref repeats.
ALLEGATIONS = ("Complaint ID,Received,Subject,Allegation\n"
               "C-1,2026-03-02,Stopped without cause,Unlawful stop\n"
               "C-1,2026-03-02,Stopped without cause,Unlawful stop\n"
               "C-1,2026-03-02,Stopped without cause,Excessive force\n"
               "C-2,2026-03-05,Rude officer,Discourtesy\n")


def test_rows_repeating_a_ref_are_duplicates_even_in_an_empty_database(cli, db_path, tmp_path):
    f = write(tmp_path / "allegations.csv", ALLEGATIONS)
    result = cli("import", f, expect=3)  # a differing duplicate is set aside in the rejects file
    assert result.stdout.strip() == "read 4, inserted 2, updated 0, unchanged 0, duplicates 2, rejected 0"
    assert ("2 rows repeat an earlier row of the file (the same ref, or without one the same content): 1 the "
            "same, 1 with other values (each written to the rejects file with what differed)") in result.stderr
    assert "--update" not in result.stderr  # never for a ref column whose values repeat
    rows = list(csv.reader((tmp_path / "allegations.rejects.csv").read_text(encoding="utf-8-sig").splitlines()))
    assert rows[0] == ["line", "reason", "Complaint ID", "Received", "Subject", "Allegation"]
    assert rows[1][:2] == ["4", "repeats ref 'C-1' of line 2 with other values (Allegation 'Unlawful stop' vs "
                                "'Excessive force'): not imported"]
    assert rows[1][2:] == ["C-1", "2026-03-02", "Stopped without cause", "Excessive force"]
    assert query(db_path, "SELECT count(*), sum(duplicates) FROM complaints, imports") == [(2, 4)]


def test_a_json_array_on_one_line_has_its_repeated_refs_counted_as_duplicates(cli, db_path, tmp_path):
    # an API dump (JSON.stringify) writes the whole array on one line, so every record starts on line 1:
    # its repeated refs are in-file duplicates, not rows "already in the database" offered --update
    records = [{"number": 7, "title": "App crashes on start", "date": "2024-05-01T10:00:00Z"},
               {"number": 8, "title": "Login fails", "date": "2024-05-02T10:00:00Z"},
               {"number": 7, "title": "App crashes on start", "date": "2024-05-01T10:00:00Z"},
               {"number": 8, "title": "Export is empty", "date": "2024-06-03T09:00:00Z"}]
    f = write(tmp_path / "issues.json", json.dumps(records))
    assert "\n" not in f.read_text(encoding="utf-8")
    result = cli("import", f, "--map", "number=ref", expect=3)
    assert result.stdout.strip() == "read 4, inserted 2, updated 0, unchanged 0, duplicates 2, rejected 0"
    assert ("2 rows repeat an earlier row of the file (the same ref, or without one the same content): 1 the "
            "same, 1 with other values") in result.stderr
    assert "already in the database" not in result.stderr and "--update" not in result.stderr
    assert query(db_path, "SELECT ref, subject FROM complaints ORDER BY ref") == [
        ("7", "App crashes on start"), ("8", "Login fails")]


def test_a_re_run_reports_what_it_imported_and_removes_the_stale_rejects_file(cli, db_path, tmp_path):
    f = write(tmp_path / "calls.csv", "ref,subject,received\nA1,Leak,2026-11-03\nA2,Noise,2026-02-30\n")
    first = cli("import", f, expect=3)
    assert first.stdout.strip() == "read 2, inserted 1, updated 0, unchanged 0, duplicates 0, rejected 1"
    rejects = tmp_path / "calls.rejects.csv"
    assert rejects.exists()
    write(f, "ref,subject,received\nA1,Leak,2026-11-03\nA2,Noise,2026-02-28\n")  # the bad row fixed
    fixed = cli("import", f)
    assert fixed.stdout.strip() == "read 2, inserted 1, updated 0, unchanged 1, duplicates 0, rejected 0"
    assert f"the rejects file of an earlier run, {rejects}, was removed" in fixed.stderr
    assert not rejects.exists()
    # a file of someone else's at that path is not ours to remove
    rejects.write_text("my notes\n", encoding="utf-8")
    assert "was removed" not in cli("import", f).stderr and rejects.exists()


def test_a_re_run_never_calls_a_row_that_says_otherwise_unchanged(cli, db_path, tmp_path):
    f = write(tmp_path / "calls.csv", "ref,subject,received,status\nA1,Leak,2026-11-03,new\n")
    cli("import", f)
    write(f, "ref,subject,received,status\nA1,Leak,2026-11-03,closed\n")
    result = cli("import", f, expect=3)
    assert result.stdout.strip() == "read 1, inserted 0, updated 0, unchanged 0, duplicates 0, rejected 1"
    assert "status 'new' vs 'closed'" in result.stderr and "--update takes this row's" in result.stderr
    assert cli("import", f, "--update").stdout.strip() == \
        "read 1, inserted 0, updated 1, unchanged 0, duplicates 0, rejected 0"
    assert query(db_path, "SELECT status FROM complaints") == [("closed",)]


def test_a_dry_run_writes_nothing_anywhere(cli, db_path, tmp_path):
    f = write(tmp_path / "calls.csv", "ref,subject,received\nA1,Leak,2026-11-03\nA2,Noise,2026-02-30\n")
    result = cli("import", f, "--dry-run", expect=3)
    assert "would be inserted 1" in result.stdout and "rejected 1" in result.stdout
    assert "1 x cannot read received" in result.stderr  # the reasons are still summed up
    database = [] if str(db_path).startswith("postgresql:") else [db_path.name]  # a file beside it, or a server's
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["calls.csv", *database])
    assert query(db_path, "SELECT count(*) FROM imports") == [(0,)]


def test_an_import_that_stops_before_its_first_row_creates_no_database(tmp_path):
    from tests.conftest import Cli

    cli = Cli(tmp_path / "new.db")
    f = write(tmp_path / "undated.csv", "subject,customer\nLeak,王芳\n")
    result = cli("import", f, expect=2)
    assert "no column is read as the received time" in result.stderr
    assert "New database" not in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["undated.csv"]
    good = write(tmp_path / "dated.csv", "subject,received\nLeak,2026-11-03\n")
    assert "New database" in cli("import", good).stderr
    assert (tmp_path / "new.db").exists()


def test_rows_of_one_ref_are_said_and_grouped_with_the_option_or_the_mapping_file(cli, db_path, tmp_path):
    f = write(tmp_path / "allegations.csv", ALLEGATIONS)
    plain = cli("import", f, "--dry-run", expect=3)
    assert "4 rows hold 2 distinct refs" in plain.stderr and "--group-by-ref" in plain.stderr
    result = cli("import", f, "--group-by-ref")  # nothing rejected, nothing differing: exit 0
    assert "read 4, inserted 2, updated 0, unchanged 0, duplicates 0, grouped 2, rejected 0" in result.stdout
    assert "2 rows joined to the row before them with the same ref" in result.stderr
    assert query(db_path, "SELECT ref, json_extract(extra, '$.Allegation') FROM complaints ORDER BY id") == [
        ("C-1", "Excessive force"), ("C-2", "Discourtesy")]
    notes = [n for (n,) in query(db_path, "SELECT note FROM events WHERE action = 'note' ORDER BY id")]
    assert len(notes) == 2 and all("Allegation 'Unlawful stop'" in n for n in notes)  # lines 2 and 3
    mapping = write(tmp_path / "allegations.toml", "group_by_ref = true\n")
    again = counts(cli("import", f, "--mapping", mapping, "-f", "json"))
    assert (again["inserted"], again["unchanged"], again["grouped"], again["rejected"]) == (0, 2, 2, 0)
