"""bench/scale_build.py writes what the commands write: a small database built its way passes
every check `complaintctl check` makes (references, the audit trail, lifecycle, SLA clocks
replayed from the events), and looks like a desk's history."""

import sys
from datetime import datetime, timezone
from pathlib import Path

import pytest

from complaintctl.core.trust.health import check_database
from complaintctl.store.db import connect

BENCH = Path(__file__).resolve().parents[1] / "bench"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    sys.path.insert(0, str(BENCH))
    try:
        import scale_build
    finally:
        sys.path.remove(str(BENCH))
    path = tmp_path_factory.mktemp("scale") / "scale.db"
    now = datetime(2026, 11, 30, 2, 0, tzinfo=timezone.utc)
    counts = scale_build.build(path, 1500, now=now, stories=80, seed=16, say=lambda _: None)  # 16: two reopen
    return path, counts


def test_a_built_database_passes_every_check(built):
    path, _ = built
    conn = connect(path, readonly=True)
    findings = [(f.check, f.result, f.detail) for f in check_database(conn) if f.result != "ok"]
    assert findings == [] or all(check == "file permissions" for check, _, _ in findings), findings


def test_it_looks_like_a_desk(built):
    path, counts = built
    conn = connect(path, readonly=True)
    one = lambda sql: conn.execute(sql).fetchone()[0]  # noqa: E731
    assert one("SELECT count(*) FROM complaints") == 1500
    assert 100 < counts["customers"] < 1500  # repeat complainers
    assert one("SELECT count(*) FROM complaints WHERE status NOT IN ('resolved', 'closed')") > 10  # a backlog
    assert one("SELECT count(*) FROM complaints WHERE status = 'closed'") > 900
    assert one("SELECT count(*) FROM events WHERE complaint_id IS NOT NULL") > 1500 * 4
    assert one("SELECT count(*) FROM surveys") > 100
    assert one("SELECT max(received_at) FROM complaints") < "2026-11-30T02:00:00Z"
    assert one("SELECT min(received_at) FROM complaints") > "2024-11-29"
    assert one("SELECT count(*) FROM complaints WHERE subject GLOB '*[a-z]*'") > 150  # English
    assert one("SELECT count(*) FROM complaints_fts") == 1500
    assert one("SELECT count(*) FROM complaints_fts WHERE complaints_fts MATCH '\"洗衣机\"'") > 0


def test_what_a_reopen_cleared_is_shifted_with_its_story(built):
    """A reopen keeps the resolution time it clears: copied to another time, that value moves
    with the story, and still names the moment of the resolution it undid."""
    path, _ = built
    conn = connect(path, readonly=True)
    cleared = conn.execute("SELECT e.complaint_id, e.old_value FROM events e WHERE e.action = 'reopened' "
                           "AND e.field = 'resolved_at'").fetchall()
    assert cleared
    for cid, when in cleared:
        assert conn.execute("SELECT count(*) FROM events WHERE complaint_id = ? AND field = 'status' "
                            "AND new_value = 'resolved' AND at = ?", (cid, when)).fetchone()[0] == 1
