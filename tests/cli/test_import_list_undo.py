"""`import list` and `import undo` as a user runs them, and `import FILE` still importing."""

import json

from conftest import query

CSV = ("编号,投诉时间,客户,手机,标题,标签\n"
       "A1,2026-11-01 09:00,王芳,13800000001,洗衣机漏水,vip\n"
       "A2,2026-11-02 09:00,李雷,13800000002,快递没到,\n"
       "A3,2026-11-03 09:00,王芳,13800000001,又漏水了,\n")


def imported(cli, tmp_path, name="a.csv"):
    path = tmp_path / name
    path.write_text(CSV, encoding="utf-8")
    assert cli("import", path).stdout.startswith("read 3, inserted 3, updated 0, unchanged 0,")
    return path


def test_list_then_undo_keeps_what_was_worked_on_and_says_why(cli, db_path, tmp_path):
    path = imported(cli, tmp_path)
    cli("update", "2", "--note", "已联系客户")
    listed = cli("import", "list")
    assert "#1" in listed.stdout and "a.csv" in listed.stdout and "Still there" in listed.stdout
    row = json.loads(cli("import", "list", "-f", "json").stdout)[0]
    assert (row["id"], row["source"], row["inserted"], row["complaints_now"], row["undone_at"]) == (1, str(path), 3, 3,
                                                                                                     None)
    dry = cli("import", "undo", "#1", "--dry-run")
    said = "removed 2 complaints (#1, #3) and 1 customer; kept 1 complaint and 1 customer"
    assert dry.stdout.strip() == f"import #1 ({path}): would " + said.replace("removed", "remove", 1)
    assert "dry run: nothing was changed" in dry.stderr
    assert query(db_path, "SELECT count(*) FROM complaints") == [(3,)]
    done = cli("import", "undo", "1")
    assert done.stdout.strip() == f"import #1 ({path}): " + said
    assert "kept complaint #2: changed since: note by tester at " in done.stderr
    assert "kept customer #2: complaint #2 names it" in done.stderr
    assert query(db_path, "SELECT id FROM complaints") == [(2,)]
    gone = cli("show", "3", expect=1).stderr
    assert "no complaint #3: it was removed at " in gone and "by tester (undo of import #1)" in gone
    row = json.loads(cli("import", "list", "-f", "json").stdout)[0]
    assert (row["complaints_now"], row["undone_by"]) == (1, "tester") and row["undone_at"]
    from conftest import on_server

    if on_server(cli.db_path):  # there the stated facts are compared in part: their warning, nothing else
        findings = json.loads(cli("check", "-f", "json").stdout)
        assert [(f["check"], f["result"]) for f in findings if f["result"] != "ok"] == [("stated facts", "warning")]
    else:
        assert "all checks passed" in cli("check").stderr
    again = cli("import", "undo", "1", expect=1)
    assert "error: import #1 was undone at" in again.stderr and "by tester" in again.stderr
    assert "no import #9" in cli("import", "undo", "9", expect=1).stderr
    assert "import id" in cli("import", "undo", "abc", expect=2).stderr


def test_undo_as_json_lists_every_id(cli, tmp_path):
    imported(cli, tmp_path)
    result = json.loads(cli("import", "undo", "1", "-f", "json").stdout)[0]
    assert result["removed_complaints"] == [1, 2, 3] and result["removed_customers"] == [1, 2]
    assert result["kept_complaints"] == [] and result["dry_run"] is False


def test_a_file_named_like_a_subcommand_is_imported_by_its_path(cli, db_path, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "list").write_text(CSV, encoding="utf-8")
    assert cli("import", "./list").stdout.startswith("read 3, inserted 3")
    assert cli("import", "files", "list").stdout.startswith("read 3, inserted 0, updated 0, unchanged 3,")
    assert "No imports yet." not in cli("import", "list").stderr


def test_import_help_names_the_subcommands_and_import_alone_still_wants_a_file(cli):
    shown = cli("import", "--help").stdout
    assert "list" in shown and "undo" in shown and "files" in shown
    assert "FILE" in cli("import", "files", "--help").stdout
    assert "Missing argument" in cli("import", expect=2).stderr


def test_listing_imports_creates_no_database(tmp_path):
    from conftest import Cli

    missing = tmp_path / "nowhere" / "desk.db"
    result = Cli(missing)("import", "list", expect=1)
    assert str(missing) in result.stderr and not missing.exists()


def test_an_unfinished_import_is_listed_so_and_undone_with_a_note(cli, db_path, tmp_path):
    from conftest import execute

    imported(cli, tmp_path)
    execute(db_path, "UPDATE imports SET finished_at = NULL")  # as a killed import leaves it
    assert "unfinished" in cli("import", "list").stdout
    done = cli("import", "undo", "1")
    assert "removed 3 complaints (#1-#3) and 2 customers" in done.stdout
    assert "note: import #1 had not finished (it stopped part-way or was killed" in done.stderr


def test_undo_of_an_update_import_says_the_updates_stay(cli, db_path, tmp_path):
    """An --update import changes complaints another import created: its undo removes nothing of
    them and says so, instead of a bare 'removed 0, kept 0'."""
    imported(cli, tmp_path)
    newer = tmp_path / "b.csv"
    newer.write_text(CSV.replace("洗衣机漏水", "洗衣机漏水（已上门）").replace("快递没到", "快递还没到"), encoding="utf-8")
    assert cli("import", newer, "--update").stdout.startswith("read 3, inserted 0, updated 2, unchanged 1,")
    done = cli("import", "undo", "2")
    assert done.stdout.strip() == (f"import #2 ({newer}): removed 0 complaints and 0 customers; kept 0 complaints and "
                                   "0 customers; not undone: its updates of 2 complaints (#1-#2), which keep the values "
                                   "it wrote")
    assert "it does not put back what an import changed (`--update`)" in done.stderr
    assert query(db_path, "SELECT subject FROM complaints ORDER BY id") == [("洗衣机漏水（已上门）",), ("快递还没到",),
                                                                           ("又漏水了",)]
    assert json.loads(cli("import", "undo", "1", "--dry-run", "-f", "json").stdout)[0]["updated_not_undone"] == []


def test_list_shows_every_count_a_read_is_made_of(cli, tmp_path):
    path = tmp_path / "d.csv"
    path.write_text(CSV + "A3,2026-11-03 09:00,王芳,13800000001,又漏水了,\n", encoding="utf-8")
    cli("import", path)
    cli("import", path)
    listed = cli("import", "list").stdout
    header = listed.splitlines()[0].split()
    counts = ["Read", "Inserted", "Updated", "Unchanged", "Duplicates", "Grouped", "Rejected"]
    assert [h for h in header if h in counts] == counts
    for row in json.loads(cli("import", "list", "-f", "json").stdout):
        assert row["read"] == sum(row[k] for k in ("inserted", "updated", "unchanged", "duplicates", "grouped",
                                                   "rejected"))
