"""The pause rule (a waiting complaint's clock is stopped unless its deadline had passed when the
pause began) is written in Python (sla.clock.pause_holds, with current_clock), in the worklists'
SQL (overdue, sla status) and in the complaint_overview view that SQL users read. The three must
agree on every complaint, whatever its times: checked here on random ones."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from complaintctl.core.insight.worklists import CLOCK_RUNS_SQL, DUE_AT_SQL
from complaintctl.core.sla.clock import current_clock, pause_holds

BASE = datetime(2026, 11, 2, tzinfo=timezone.utc)
times = st.one_of(st.none(), st.integers(0, 40).map(lambda h: (BASE + timedelta(hours=h)).strftime("%Y-%m-%dT%H:%M:%SZ")))
complaint = st.fixed_dictionaries({
    "status": st.sampled_from(["new", "acknowledged", "investigating", "waiting"]),
    "first_response_at": times, "respond_due_at": times, "resolve_due_at": times, "paused_since": times,
})


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cases=st.lists(complaint, min_size=1, max_size=20))
def test_python_the_worklists_and_the_view_agree_on_every_pause(conn, cases):
    conn.execute("DELETE FROM complaints")
    for i, c in enumerate(cases, start=1):
        conn.execute(
            "INSERT INTO complaints (id, received_at, subject, status, created_at, updated_at, created_by, "
            "first_response_at, respond_due_at, resolve_due_at, paused_since) VALUES (?, ?, 's', ?, ?, ?, 't', ?, ?, ?, ?)",
            (i, "2026-11-01T00:00:00Z", c["status"], "2026-11-01T00:00:00Z", "2026-11-01T00:00:00Z",
             c["first_response_at"], c["respond_due_at"], c["resolve_due_at"], c["paused_since"]))
    sql = (f"SELECT c.id, {DUE_AT_SQL}, NOT {CLOCK_RUNS_SQL}, o.sla_state "
           "FROM complaints c JOIN complaint_sla o ON o.id = c.id ORDER BY c.id")
    for (_id, due_sql, paused_sql, state), c in zip(conn.execute(sql), cases, strict=True):
        _, due = current_clock(c["first_response_at"], c["respond_due_at"], c["resolve_due_at"])
        paused = bool(due) and pause_holds(c["status"], c["paused_since"], due)
        assert due_sql == due, c
        if due is None:
            continue  # no clock is running: neither paused nor running (the view says no_target or done)
        assert bool(paused_sql) == paused, c
        assert (state == "paused") == paused, (c, state)
