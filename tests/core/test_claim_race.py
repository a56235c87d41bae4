"""claim under contention: of several agents claiming the same complaints at once, one wins each."""

import subprocess
import sys
import textwrap

from complaintctl.core.desk.complaints import NewComplaint, log_complaint
from complaintctl.core.people.agents import add_agent
from complaintctl.store.db import transaction

WORKER = textwrap.dedent(
    """
    import random, sys
    from complaintctl.store.db import connect
    from complaintctl.core.desk.queue import claim
    from complaintctl.errors import Refused

    path, me, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
    conn = connect(path)
    ids = list(range(1, n + 1))
    random.shuffle(ids)
    won = 0
    for cid in ids:
        try:
            won += claim(conn, cid, actor=me) is not None
        except Refused:
            pass
    print(won)
    """
)


def test_concurrent_claims_give_each_complaint_to_exactly_one_agent(conn, db_path):
    agents = ["a1", "a2", "a3"]
    with transaction(conn):
        for name in agents:
            add_agent(conn, name, full_name=None, email=None, is_lead=False, actor="setup", at="2026-11-01T00:00:00Z")
    n = 40
    for i in range(n):
        log_complaint(conn, NewComplaint(subject=f"queue {i}"), actor="setup")
    procs = [subprocess.Popen([sys.executable, "-c", WORKER, str(db_path), name, str(n)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for name in agents]
    results = [p.communicate(timeout=120) + (p.returncode,) for p in procs]
    for _out, err, code in results:
        assert code == 0, err
    assert sum(int(out) for out, _err, _code in results) == n
    claims = conn.execute("SELECT complaint_id, count(*), max(new_value) FROM events WHERE action = 'claimed' "
                          "GROUP BY complaint_id").fetchall()
    assert len(claims) == n and all(count == 1 for _cid, count, _who in claims)
    held = dict(conn.execute("SELECT id, assignee FROM complaints"))
    assert all(held[cid] == who for cid, _count, who in claims)
