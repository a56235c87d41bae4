"""`import undo` beside other processes on the same file, and killed half-way: one transaction,
so another writer waits for it (or it for them) and finds either all of it or none of it."""

import os
import signal
import subprocess
import sys
import textwrap

import pytest
from test_import_undo import LATER, problems, rows_of, run_import, write_csv

from complaintctl.core.desk import complaints as desk
from complaintctl.core.intake import undo_import
from complaintctl.errors import NotFound
from complaintctl.store.db import connect


@pytest.fixture
def desk_file(db_path, tmp_path):
    conn = connect(db_path)
    run_import(conn, write_csv(tmp_path / "a.csv", rows_of(0, 10, customers=5)))
    conn.close()
    return db_path


def start(script: str, db) -> subprocess.Popen:
    """A process of its own on ``db``, running ``script``; it prints a line when it holds the lock."""
    return subprocess.Popen([sys.executable, "-c", textwrap.dedent(script), str(db)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def wait_for(proc: subprocess.Popen, word: str) -> None:
    line = proc.stdout.readline()
    assert line.strip() == word, f"{line!r}; stderr: {proc.stderr.read()}"


def test_the_undo_waits_for_a_writer_and_keeps_what_it_changed(desk_file):
    writer = start("""
        import sys, time
        from complaintctl.core.desk import complaints as desk
        from complaintctl.store.db import connect
        written = desk.record_event
        def hold(*args, **kwargs):  # the note is written; the transaction stays open a while
            written(*args, **kwargs)
            print("holding", flush=True)
            time.sleep(1.5)
        desk.record_event = hold
        desk.update(connect(sys.argv[1]), 2, note="已电话联系", actor="li")
        """, desk_file)
    wait_for(writer, "holding")
    conn = connect(desk_file)
    result = undo_import(conn, 1, actor="lead")  # waits for the writer's commit, then sees its note
    assert writer.wait(30) == 0
    assert [k["id"] for k in result["kept_complaints"]] == [2]
    assert result["kept_complaints"][0]["why"].startswith("changed since: note by li")
    assert [r[0] for r in conn.execute("SELECT id FROM complaints")] == [2]
    assert problems(conn) == []


def test_a_writer_waits_for_the_undo_then_finds_the_complaint_gone(desk_file):
    undo = start("""
        import sys, time
        from complaintctl.core.intake import batches, undo_import
        from complaintctl.store.db import connect
        decided = batches._Batch.decide
        def hold(self):  # decided what goes, nothing removed yet, the lock held
            decided(self)
            print("holding", flush=True)
            time.sleep(1.5)
        batches._Batch.decide = hold
        print(undo_import(connect(sys.argv[1]), 1, actor="lead")["removed_complaints"], flush=True)
        """, desk_file)
    wait_for(undo, "holding")
    conn = connect(desk_file)
    with pytest.raises(NotFound, match="no complaint #3"):
        desk.update(conn, 3, note="太晚了", actor="li", now=LATER)  # waited for the undo's commit
    assert undo.wait(30) == 0
    assert undo.stdout.read().strip() == str(list(range(1, 11)))
    assert conn.execute("SELECT count(*) FROM complaints").fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM events WHERE note = '太晚了'").fetchone()[0] == 0
    assert problems(conn) == []


def test_an_undo_killed_half_way_leaves_everything_as_it_was(desk_file):
    conn = connect(desk_file)
    index = "complaints_fts" if str(desk_file).startswith("postgresql:") else "complaints_fts_docsize"  # a row a complaint
    before = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
              for t in ("complaints", "customers", "complaint_tags", "events", index)}
    conn.close()
    undo = start("""
        import sys, time
        from complaintctl.store import chain
        from complaintctl.core.intake import undo_import
        from complaintctl.store.db import connect
        written = chain.insert_events
        def hold(*args, **kwargs):  # every row deleted, every event written: not yet committed
            written(*args, **kwargs)
            print("written", flush=True)
            time.sleep(60)
        chain.insert_events = hold
        undo_import(connect(sys.argv[1]), 1, actor="lead")
        """, desk_file)
    wait_for(undo, "written")
    os.kill(undo.pid, signal.SIGKILL)
    undo.wait(30)
    conn = connect(desk_file)
    after = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in before}
    assert after == before
    assert conn.execute("SELECT undone_at FROM imports WHERE id = 1").fetchone()[0] is None
    assert problems(conn) == []
    result = undo_import(conn, 1, actor="lead")  # and it can be done again, whole
    assert result["removed_complaints"] == list(range(1, 11)) and problems(conn) == []
