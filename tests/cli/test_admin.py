import json
import sqlite3
import subprocess
import sys

import pytest
from tests.app_runner import invoke

from conftest import on_server, query, shell


def test_init_is_idempotent_and_info_reports(cli, tmp_path):
    path = tmp_path / "new" / "desk.db"
    first = invoke(["--db", str(path), "init"])
    assert first.exit_code == 0 and "Created" in first.stderr
    again = invoke(["--db", str(path), "init"])
    assert again.exit_code == 0 and "Up to date" in again.stderr
    info = json.loads(invoke(["--db", str(path), "info", "-f", "json"]).stdout)[0]
    assert info["path"] == str(path)
    assert info["schema_version"] == info["latest_schema_version"] >= 1
    assert info["sqlite_version"] == sqlite3.sqlite_version
    assert info["journal_mode"] == "wal"
    assert info["complaints_count"] == 0
    assert info["deferred_indexes"] == 0


def test_init_rebuilds_indexes_a_killed_bulk_import_left_deferred(cli, tmp_path):
    from complaintctl.store.bulk import defer_indexes

    path = tmp_path / "desk.db"
    invoke(["--db", str(path), "init"])
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("BEGIN IMMEDIATE")
    dropped = defer_indexes(conn, import_id=None, at="2026-11-20T12:00:00Z")
    conn.execute("COMMIT")
    info = json.loads(invoke(["--db", str(path), "info", "-f", "json"]).stdout)[0]
    assert info["deferred_indexes"] == len(dropped) > 5
    result = invoke(["--db", str(path), "init"])
    assert result.exit_code == 0 and f"Rebuilt {len(dropped)} indexes" in result.stderr
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type IN ('index', 'trigger')")}
    assert set(dropped) <= names  # the indexes, and the trigger that refuses REPLACE on events
    assert conn.execute("SELECT count(*) FROM deferred_indexes").fetchone()[0] == 0


def test_db_found_from_env_then_default(cli, tmp_path, monkeypatch):
    env_db = tmp_path / "env.db"
    monkeypatch.setenv("COMPLAINTCTL_DB", str(env_db))
    invoke(["log", "-s", "first"])  # a first write creates the file
    out = invoke(["info", "-f", "json"])
    assert json.loads(out.stdout)[0]["path"] == str(env_db)
    monkeypatch.delenv("COMPLAINTCTL_DB")
    default = tmp_path / "xdg" / "complaintctl" / "complaints.db"
    out = invoke(["info", "-f", "json"])  # reads only: says which file, creates nothing
    assert out.exit_code == 1 and f"no database at {default}" in out.stderr and "complaintctl init" in out.stderr
    assert not default.parent.exists()
    invoke(["log", "-s", "first"])
    out = invoke(["info", "-f", "json"])
    assert json.loads(out.stdout)[0]["path"] == str(default)


def test_actor_from_option_env_and_login(cli, db_path, monkeypatch):
    cli("--actor", "boss", "log", "-s", "a")
    monkeypatch.setenv("COMPLAINTCTL_ACTOR", "script")
    cli("log", "-s", "b")
    monkeypatch.delenv("COMPLAINTCTL_ACTOR")
    cli("log", "-s", "c")
    actors = [r[0] for r in query(db_path, "SELECT actor FROM events ORDER BY id")]
    assert actors[:2] == ["boss", "script"] and actors[2] not in ("", None)


def test_agents_add_list_deactivate(cli, db_path):
    cli("agents", "add", "li.wei", "--full-name", "李伟", "--email", "li@x.cn")
    assert "already exists" in cli("agents", "add", "li.wei", expect=1).stderr
    assert "invalid agent name" in cli("agents", "add", "two words", expect=2).stderr
    rows = json.loads(cli("agents", "list", "-f", "json").stdout)
    assert rows == [{"name": "li.wei", "full_name": "李伟", "email": "li@x.cn", "is_lead": 0,
                     "active": 1, "open_complaints": 0}]
    cli("agents", "deactivate", "li.wei")
    assert json.loads(cli("agents", "list", "-f", "json").stdout) == []
    assert len(json.loads(cli("agents", "list", "--all", "-f", "json").stdout)) == 1
    assert "no agent named" in cli("agents", "deactivate", "ghost", expect=1).stderr
    cli("agents", "add", "li.wei")  # reactivates
    assert json.loads(cli("agents", "list", "-f", "json").stdout)[0]["active"] == 1
    actions = [r[0] for r in query(db_path, "SELECT action FROM events ORDER BY id")]
    assert actions == ["agent_added", "agent_deactivated", "agent_reactivated"]


def test_taxonomy_list_and_add(cli):
    rows = json.loads(cli("taxonomy", "list", "personality", "-f", "json").stdout)
    assert [r["code"] for r in rows] == ["perfectionist", "forceful", "lively", "peaceful"]
    assert [r["label_zh"] for r in rows] == ["完美型", "力量型", "活泼型", "和平型"]
    assert all(r["advice_en"] and r["advice_zh"] for r in rows)
    motives = [r["code"] for r in json.loads(cli("taxonomy", "list", "motives", "-f", "json").stdout)]
    assert motives == ["venting", "revenge", "seeking_respect", "seeking_compensation", "wants_fix"]
    everything = json.loads(cli("taxonomy", "list", "-f", "json").stdout)
    assert {r["kind"] for r in everything} == {"category", "severity", "cause", "channel", "remedy",
                                               "personality", "motive", "status", "outcome"}
    cli("taxonomy", "add", "category", "warranty_claim", "--label-en", "Warranty claim",
        "--label-zh", "保修索赔")
    cli.log("-s", "x", "--category", "warranty_claim")
    assert "already exists" in cli("taxonomy", "add", "category", "warranty_claim", "--label-en", "a",
                                   "--label-zh", "b", expect=1).stderr
    assert "invalid code" in cli("taxonomy", "add", "category", "Bad Code", "--label-en", "a",
                                 "--label-zh", "b", expect=2).stderr
    assert "fixed" in cli("taxonomy", "add", "status", "parked", "--label-en", "a", "--label-zh", "b",
                          expect=1).stderr
    assert "unknown taxonomy kind" in cli("taxonomy", "list", "colour", expect=2).stderr
    cli("taxonomy", "add", "severity", "vip", "--label-en", "VIP", "--label-zh", "贵宾",
        "--respond", "30m", "--resolve", "8h")
    sev = [r for r in json.loads(cli("taxonomy", "list", "severity", "-f", "json").stdout)
           if r["code"] == "vip"][0]
    assert (sev["respond_minutes"], sev["resolve_minutes"]) == (30, 480)
    cli("taxonomy", "add", "severity", "x2", "--label-en", "a", "--label-zh", "b", expect=2)


def test_not_a_database_is_one_line_error(cli, tmp_path):
    bogus = tmp_path / "notes.txt"
    bogus.write_text("hello, this is not sqlite " * 100)
    result = invoke(["--db", str(bogus), "list"])
    assert result.exit_code == 1
    assert "not a complaintctl database" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_directory_as_db_is_refused(cli, tmp_path):
    result = invoke(["--db", str(tmp_path), "list"])
    assert result.exit_code == 1 and "is a directory" in result.stderr


def test_errors_have_no_traceback_unless_debug(tmp_path):
    env_cmd = [sys.executable, "-m", "complaintctl", "--db", str(tmp_path / "d.db")]
    subprocess.run([*env_cmd, "init"], capture_output=True, check=True)
    plain = subprocess.run([*env_cmd, "show", "9"], capture_output=True, text=True)
    assert plain.returncode == 1
    assert plain.stderr.strip() == "error: no complaint #9 (see `complaintctl list`)"
    debug = subprocess.run([sys.executable, "-m", "complaintctl", "--debug", "--db",
                            str(tmp_path / "d.db"), "show", "9"], capture_output=True, text=True)
    assert "Traceback" in debug.stderr


def test_usage_errors_exit_2_and_say_what_was_wrong(cli):
    assert "No such command 'frobnicate'" in cli("frobnicate", expect=2).stderr
    assert "Missing option '--outcome'" in cli("close", "1", expect=2).stderr


def test_help_for_every_command(cli):
    """Each command's own help: its usage line and an option only it has."""
    for cmd, option in [("log", "--subject"), ("classify", "--personality"), ("assign", "--to"),
                        ("update", "--status"), ("close", "--outcome"), ("reopen", "--reason"),
                        ("show", "{ID}"), ("list", "--open"), ("init", "--shared"), ("info", "--format"),
                        ("agents add", "--full-name"), ("taxonomy add", "--label-en")]:
        out = cli(*cmd.split(), "--help").stdout
        assert f"Usage: complaintctl {cmd} " in out and option in out, cmd
    assert cli("--version").stdout.startswith("complaintctl ")


def test_events_are_append_only(cli, db_path):
    cli.log("-s", "x")
    c = shell(db_path)
    try:
        for sql in ("UPDATE events SET actor = 'mallory'", "DELETE FROM events"):
            try:
                c.execute(sql)
            except sqlite3.DatabaseError as exc:  # store/ raises PostgreSQL's errors as sqlite3's classes
                assert "append-only" in str(exc)
            else:
                raise AssertionError(f"{sql} was allowed")
        assert c.execute("SELECT actor FROM events").fetchone()[0] == "tester"
    finally:
        c.close()


def test_tab_completion_of_codes_and_agents(cli, db_path):
    cli("agents", "add", "li.wei")
    cli("agents", "add", "amy")

    def complete(words: str, cword: int) -> list[str]:
        env = {"_COMPLAINTCTL_COMPLETE": "complete_bash", "COMP_WORDS": f"complaintctl --db {db_path} {words}",
               "COMP_CWORD": str(cword)}
        import os

        out = subprocess.run([sys.executable, "-m", "complaintctl"], env={**os.environ, **env},
                             capture_output=True, text=True)
        return out.stdout.split()

    assert complete("classify 1 --category pr", 6) == ["product_quality", "price"]
    assert complete("assign 1 --to l", 6) == ["li.wei"]
    assert complete("update 1 --status wa", 6) == ["waiting"]


def test_demo_uses_its_own_file_and_protects_real_data(cli, db_path, tmp_path):
    result = invoke(["demo", "--weeks", "2"])
    assert result.exit_code == 0, result.stderr
    demo_db = tmp_path / "xdg" / "complaintctl" / "demo.db"
    assert str(demo_db) in result.stderr and "Weekly complaint report" in result.stdout
    assert sqlite3.connect(demo_db).execute("SELECT count(*) FROM complaints").fetchone()[0] == 80
    assert not (tmp_path / "xdg" / "complaintctl" / "complaints.db").exists()  # the real default is untouched
    cli.log("-s", "real complaint")
    refused = cli("demo", expect=2)
    assert "already has 1 complaints" in refused.stderr and "--force" in refused.stderr
    assert query(db_path, "SELECT count(*) FROM complaints") == [(1,)]


def test_sql_runs_read_only_queries_in_every_format(cli, db_path):
    cli("log", "-s", "洗衣机漏水", "--severity", "high")
    cli("log", "-s", "Late parcel", "--severity", "low")
    table = cli("sql", "SELECT id, subject FROM complaints ORDER BY id").stdout.splitlines()
    assert table[0].split() == ["id", "subject"] and "洗衣机漏水" in table[2]
    rows = json.loads(cli("sql", "SELECT * FROM complaint_overview WHERE id = :id", "-p", "id=2",
                          "-f", "json").stdout)
    assert [(r["id"], r["subject"]) for r in rows] == [(2, "Late parcel")]
    assert cli("sql", "SELECT severity, count(*) AS n FROM complaints GROUP BY 1 ORDER BY 1",
               "-f", "csv").stdout == "severity,n\nhigh,1\nlow,1\n"
    # two columns of one name stay apart; BLOBs (bytea) print as hex
    blob = "decode('00ff', 'hex')" if on_server(db_path) else "x'00ff'"
    assert json.loads(cli("sql", f"SELECT 1 AS id, 2 AS id, {blob} AS b", "-f", "json").stdout) == [
        {"id": 1, "id_2": 2, "b": "x'00ff'"}]
    assert cli("sql", "-", input="SELECT count(*) FROM events").stdout.splitlines()[-1].strip() == "2"
    assert "(no rows)" in cli("sql", "SELECT * FROM complaints WHERE id = 99").stderr


def test_sql_cannot_change_anything(cli, db_path, tmp_path):
    cli("log", "-s", "keep me")
    if on_server(db_path):  # the server's own ways of writing
        own = ("CREATE TABLE other (x int)", "SELECT nextval(pg_get_serial_sequence('complaints', 'id'))")
    else:
        own = (f"ATTACH '{tmp_path / 'other.db'}' AS other", "PRAGMA journal_mode = DELETE", "PRAGMA user_version = 1")
    for statement in ("DELETE FROM complaints", "UPDATE complaints SET subject = 'x'",
                      "DROP TABLE events", "INSERT INTO agents (name) VALUES ('x')", *own):
        result = cli("sql", statement, expect=2)
        assert "read-only" in result.stderr and "Traceback" not in result.stderr, statement
    assert not (tmp_path / "other.db").exists()
    assert "one statement at a time" in cli("sql", "SELECT 1; DELETE FROM complaints", expect=2).stderr
    if on_server(db_path):  # the session's read-only setting turned off and a new transaction begun: once deleted all
        escape = "SET default_transaction_read_only = off; COMMIT; DELETE FROM complaints"
        assert "one statement at a time" in cli("sql", escape, expect=2).stderr
    missing = 'relation "nope" does not exist' if on_server(db_path) else "no such table"  # each engine's words
    assert missing in cli("sql", "SELECT * FROM nope", expect=2).stderr
    assert "bad --param" in cli("sql", "SELECT :a", "-p", "a", expect=2).stderr
    assert query(db_path, "SELECT subject FROM complaints") == [("keep me",)]
    if not on_server(db_path):
        assert query(db_path, "PRAGMA journal_mode") == [("wal",)]


@pytest.mark.sqlite_only  # backups are files (PostgreSQL: pg_dump)
def test_backup_copies_consistently_and_prunes_only_its_own_files(cli, db_path, tmp_path):
    for i in range(3):
        cli("log", "-s", f"c{i}")
    # a writer in the middle of a transaction neither blocks the backup nor gets into it
    writer = sqlite3.connect(db_path, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("INSERT INTO agents (name, created_at) VALUES ('half.done', '2026-11-24T00:00:00Z')")
    result = cli("backup")
    writer.execute("ROLLBACK")
    writer.close()
    first = result.stdout.strip()
    assert first.startswith(str(tmp_path / "backups" / "complaints-")) and first.endswith("Z.db")
    assert "3 complaints" in result.stderr
    assert [p.name for p in (tmp_path / "backups").iterdir()] == [first.rsplit("/", 1)[1]]  # nothing beside it
    with sqlite3.connect(first) as copy:
        assert copy.execute("SELECT count(*) FROM complaints").fetchone() == (3,)
        assert copy.execute("SELECT count(*) FROM agents WHERE name = 'half.done'").fetchone() == (0,)
        assert copy.execute("PRAGMA journal_mode").fetchone() == ("wal",)
        assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)

    named = tmp_path / "copy.db"
    data = json.loads(cli("backup", str(named), "-f", "json").stdout)[0]
    assert data["backup"] == str(named) and data["complaints"] == 3 and data["events"] == 3
    assert "a backup never replaces one, even with --force" in cli("backup", str(named), "--force", expect=1).stderr
    assert "replace the database itself" in cli("backup", str(db_path), "--force", expect=1).stderr
    assert "--keep needs a directory" in cli("backup", str(named), "--force", "--keep", "2", expect=2).stderr

    # --keep deletes the oldest dated backups of this database (by the marker inside them), nothing else
    folder = tmp_path / "nightly"
    folder.mkdir()
    made = [cli("backup", str(folder)).stdout.strip() for _ in range(3)]
    for stamp in ("20260101T000000Z", "20260102T000000Z"):
        (folder / f"complaints-{stamp}.db").write_bytes(b"old")  # named like ours, but not a backup of ours
    (folder / "notes.txt").write_text("keep me")
    (folder / "other-20260101T000000Z.db").write_bytes(b"another database's")
    newest = cli("backup", str(folder), "--keep", "2").stdout.strip()
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        ["complaints-20260101T000000Z.db", "complaints-20260102T000000Z.db", made[2].rsplit("/", 1)[1],
         newest.rsplit("/", 1)[1], "notes.txt", "other-20260101T000000Z.db"])
