"""The output rule of overdue, sla status and followups (and list): a table shows at most 100
rows and says how many more there are; json, ndjson and csv give everything unless --limit."""

import json
from datetime import timedelta

import pytest

from complaintctl.core.desk import complaints as core
from complaintctl.core.record.dates import now_utc
from complaintctl.store.db import connect

LATE = 103      # open critical complaints received days ago: all overdue
RESOLVED = 104  # resolved complaints with no survey, one a day back from now


@pytest.fixture(scope="module")
def busy_db(tmp_path_factory, template_db):
    """A desk with more overdue complaints and more follow-ups than a table shows."""
    import shutil

    path = tmp_path_factory.mktemp("caps") / "busy.db"
    shutil.copy(template_db, path)
    conn = connect(path)
    now = now_utc()
    for i in range(LATE):
        received = now - timedelta(days=3, minutes=i)  # the lower the id, the later: most urgent are the highest ids
        core.log_complaint(conn, core.NewComplaint(f"late {i}", severity="critical", received=received),
                           actor="t", now=received)
    for i in range(RESOLVED):
        received = now - timedelta(days=i + 1, hours=2)
        cid = core.log_complaint(conn, core.NewComplaint(f"done {i}", severity="low", received=received),
                                 actor="t", now=received).id
        core.update(conn, cid, status="resolved", actor="t", now=received + timedelta(hours=1))
    conn.close()
    return path


@pytest.fixture
def busy(busy_db, tmp_path):
    import shutil

    from conftest import Cli

    path = tmp_path / "busy.db"
    shutil.copy(busy_db, path)
    return Cli(path)


def table_rows(out: str) -> list[str]:
    return [line for line in out.splitlines() if "#" in line]


def test_overdue_table_shows_the_100_most_urgent_and_says_how_many_more(busy):
    result = busy("overdue")
    rows = table_rows(result.stdout)
    assert len(rows) == 100
    assert "3 more not shown (100 of 103); use --limit N for more, --limit 0 for all." in result.stderr
    assert "103 overdue." in result.stderr
    # the three left out are the least late: the first three logged (received latest)
    assert not any(f"#{i} " in line for line in rows for i in (1, 2, 3))
    assert any("#103 " in line for line in rows)


def test_overdue_machine_formats_give_everything_unless_limited(busy):
    assert len(json.loads(busy("overdue", "-f", "json").stdout)) == LATE
    assert len(busy("overdue", "-f", "ndjson").stdout.splitlines()) == LATE
    assert len(busy("overdue", "-f", "csv").stdout.splitlines()) == LATE + 1
    limited = json.loads(busy("overdue", "-f", "json", "--limit", "5").stdout)
    assert sorted(r["id"] for r in limited) == [99, 100, 101, 102, 103]
    all_rows = busy("overdue", "--limit", "0")
    assert len(table_rows(all_rows.stdout)) == LATE and "more not shown" not in all_rows.stderr


def test_sla_status_caps_its_table_due_soonest_first(busy):
    result = busy("sla", "status")
    rows = table_rows(result.stdout)
    assert len(rows) == 100 and rows[0].lstrip().startswith("#103 ")
    assert "3 more not shown (100 of 103)" in result.stderr
    assert len(json.loads(busy("sla", "status", "-f", "json").stdout)) == LATE
    assert len(table_rows(busy("sla", "status", "-n", "7").stdout)) == 7


def test_followups_show_the_recent_window_most_urgent_first(busy):
    rows = json.loads(busy("followups", "-f", "json").stdout)
    # resolved 1..14 days ago (the 14th is just outside: resolved 14 days and an hour ago)
    assert [r["days_since_resolved"] for r in rows][:2] == [13.0, 12.0]
    assert len(rows) == 13 and rows[-1]["days_since_resolved"] == 1.0
    assert len(json.loads(busy("followups", "--days", "30", "-f", "json").stdout)) == 29
    everything = busy("followups", "--days", "0")
    assert len(table_rows(everything.stdout)) == 100
    assert "4 more not shown (100 of 104)" in everything.stderr
    assert len(json.loads(busy("followups", "--days", "0", "-f", "json").stdout)) == RESOLVED


def test_followups_empty_window_says_how_to_look_further(cli):
    result = cli("followups")
    assert "No follow-ups waiting in the last 14 days. --days 0 looks back to the first day." in result.stderr
    assert cli("followups", "--days", "-1", expect=2).stderr.startswith("error: --days must be 0")


def test_a_negative_limit_is_bad_usage(cli):
    for command in (["overdue"], ["sla", "status"], ["followups"], ["list"]):
        assert "--limit must be 0 (no limit) or more" in cli(*command, "--limit", "-1", expect=2).stderr
