"""Several processes on one database: writers wait their turn, nothing is lost, the audit chain holds."""

import subprocess
import sys
import textwrap

import pytest

from complaintctl.core.desk.complaints import NewComplaint, log_complaint
from complaintctl.core.trust.audit import verify_chain
from complaintctl.store.catalog import integrity_messages

pytestmark = pytest.mark.postgresql_ci

WORKER = textwrap.dedent(
    """
    import sys
    from complaintctl.store.db import connect
    from complaintctl.core.desk import complaints as core
    path, n, own = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    conn = connect(path)
    for i in range(250):
        if i % 3 == 0:      # everyone writes to the same complaint
            core.update(conn, 1, note=f"worker {n} note {i}", actor=f"w{n}")
        elif i % 3 == 1:    # a read-modify-write on the worker's own complaint
            core.classify(conn, own, codes={"severity": "high" if i % 2 else "low"}, actor=f"w{n}")
        else:
            core.update(conn, own, note=f"own {i}", actor=f"w{n}")
    print("done", n)
    """
)


def test_four_writers_1000_changes_exactly_1000_events(conn, db_path):
    for i in range(5):
        log_complaint(conn, NewComplaint(subject=f"shared {i}"), actor="setup")
    base = conn.execute("SELECT count(*) FROM events").fetchone()[0]
    procs = [
        subprocess.Popen([sys.executable, "-c", WORKER, str(db_path), str(n), str(n + 2)],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for n in range(4)
    ]
    results = [p.communicate(timeout=240) + (p.returncode,) for p in procs]
    for _out, err, code in results:
        assert code == 0, err
        assert "locked" not in err
    total = conn.execute("SELECT count(*) FROM events").fetchone()[0] - base
    assert total == 1000
    per_actor = dict(conn.execute("SELECT actor, count(*) FROM events WHERE actor LIKE 'w%' GROUP BY actor"))
    assert per_actor == {"w0": 250, "w1": 250, "w2": 250, "w3": 250}
    shared_notes = conn.execute("SELECT count(*) FROM events WHERE complaint_id = 1 AND action = 'note'")
    assert shared_notes.fetchone()[0] == 4 * 84
    assert integrity_messages(conn, quick=False, limit=10)[1] == ["ok"]
    chain = verify_chain(conn)  # four writers side by side: on PostgreSQL the database links their events
    assert chain.broken == [] and chain.unhashed == [] and chain.checked == base + 1000
