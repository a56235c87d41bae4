"""Large files, and an import killed half-way."""

import csv
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROWS = 50_000
pytestmark = pytest.mark.large  # run with `python -m pytest -m large` (.ci/run does)


@pytest.fixture(scope="module")
def big_csv(tmp_path_factory):
    path = tmp_path_factory.mktemp("big") / "big.csv"
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["工单号", "受理时间", "客户", "手机", "渠道", "主题", "内容", "优先级", "状态"])
        for i in range(ROWS):
            w.writerow([f"T{i:06d}", f"2026-{1 + i % 10:02d}-{1 + i % 28:02d} {i % 24:02d}:{i % 60:02d}",
                        f"客户{i % 7000}", f"139{i % 7000:08d}", ["电话", "邮件", "网站"][i % 3],
                        f"投诉 {i}", "内容" * (i % 20), ["高", "中", "低"][i % 3], ["新建", "已解决"][i % 2]])
    return path


def count(db):
    c = sqlite3.connect(db)
    try:
        return c.execute("SELECT count(*) FROM complaints").fetchone()[0]
    except sqlite3.OperationalError:
        return 0
    finally:
        c.close()


def test_50000_rows_imported_once(cli, db_path, big_csv):
    assert cli("import", big_csv).stdout.strip() == \
        f"read {ROWS}, inserted {ROWS}, updated 0, unchanged 0, duplicates 0, rejected 0"
    assert cli("import", big_csv).stdout.strip() == \
        f"read {ROWS}, inserted 0, updated 0, unchanged {ROWS}, duplicates 0, rejected 0"
    c = sqlite3.connect(db_path)
    assert c.execute("SELECT count(DISTINCT ref), count(*) FROM complaints").fetchone() == (ROWS, ROWS)
    assert c.execute("SELECT count(*) FROM customers").fetchone()[0] == 7000
    assert c.execute("SELECT count(*) FROM events WHERE action = 'imported'").fetchone()[0] == ROWS


def processes_using(db) -> list[int]:
    """Live processes whose command line names ``db`` (Linux /proc; none elsewhere)."""
    found = []
    for entry in Path("/proc").glob("[0-9]*"):
        try:
            cmdline = (entry / "cmdline").read_bytes()
            state = next((line for line in (entry / "status").read_text().splitlines()
                          if line.startswith("State:")), "")
        except OSError:
            continue
        if str(db).encode() in cmdline and "zombie" not in state:
            found.append(int(entry.name))
    return found


def test_killed_import_then_rerun_finishes_with_every_row_once(tmp_path, big_csv):
    db = tmp_path / "killed.db"
    cmd = [sys.executable, "-m", "complaintctl", "--db", str(db), "import", str(big_csv), "--batch-size", "500"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while count(db) < 3000 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert proc.poll() is None, "the import finished before it could be killed"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    # the reader process, if the import forked one, does not outlive a killed writer
    deadline = time.monotonic() + 10
    while processes_using(db) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not processes_using(db)
    partial = count(db)
    assert 0 < partial < ROWS
    c = sqlite3.connect(db)
    assert c.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    # every committed complaint has its event: batches are whole or absent
    assert c.execute("SELECT count(*) FROM events WHERE action = 'imported'").fetchone()[0] == partial
    assert c.execute("SELECT finished_at FROM imports").fetchone()[0] is None
    # the search index holds exactly the committed complaints: each batch indexed its own
    assert c.execute("SELECT count(*) FROM search_pending").fetchone()[0] == 0
    assert c.execute("SELECT count(*) FROM complaints_fts_docsize").fetchone()[0] == partial
    c.execute("INSERT INTO complaints_fts (complaints_fts, rank) VALUES ('integrity-check', 1)")
    # a bulk load: the secondary indexes were dropped, and the database says which
    deferred = {r[0] for r in c.execute("SELECT name FROM deferred_indexes")}
    assert "complaints_received_at" in deferred
    c.close()
    rerun = subprocess.run(cmd, capture_output=True, text=True)
    assert rerun.returncode == 0, rerun.stderr
    assert f"inserted {ROWS - partial}" in rerun.stdout and f"unchanged {partial}" in rerun.stdout
    c = sqlite3.connect(db)
    assert c.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert c.execute("SELECT count(*), count(DISTINCT ref) FROM complaints").fetchone() == (ROWS, ROWS)
    assert c.execute("SELECT count(*) FROM events WHERE action = 'imported'").fetchone()[0] == ROWS
    c.execute("INSERT INTO complaints_fts (complaints_fts, rank) VALUES ('integrity-check', 1)")
    # ... and the re-run rebuilt every one of them
    assert c.execute("SELECT count(*) FROM deferred_indexes").fetchone()[0] == 0
    present = {r[0] for r in c.execute("SELECT name FROM sqlite_master WHERE type IN ('index', 'trigger')")}
    assert deferred <= present
