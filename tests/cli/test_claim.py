"""Working the queue: claim, --mine."""

import json

import pytest

from conftest import query


@pytest.fixture
def team(cli):
    cli("agents", "add", "li.wei", "--full-name", "李伟")
    cli("agents", "add", "amy")
    for subject in ("洗衣机漏水", "invoice wrong", "快递没到"):
        cli.log("-s", subject, "--severity", "high")
    return cli


def as_(cli, who, *args, expect=0):
    return cli("--actor", who, *args, expect=expect)


def test_claim_takes_a_free_complaint_with_an_event(team, db_path):
    result = as_(team, "li.wei", "claim", "1")
    assert "Claimed complaint #1" in result.stderr
    assert query(db_path, "SELECT assignee FROM complaints WHERE id = 1") == [("li.wei",)]
    assert query(db_path, "SELECT action, actor, old_value, new_value FROM events WHERE field = 'assignee'") == [
        ("claimed", "li.wei", None, "li.wei")]


def test_claim_of_someone_elses_is_refused_naming_them(team, db_path):
    as_(team, "li.wei", "claim", "1")
    result = as_(team, "amy", "claim", "1", expect=1)
    assert "#1 is li.wei's (李伟) since" in result.stderr and "--force" in result.stderr
    assert query(db_path, "SELECT assignee FROM complaints WHERE id = 1") == [("li.wei",)]
    assert query(db_path, "SELECT count(*) FROM events WHERE field = 'assignee'") == [(1,)]


def test_claim_force_takes_over_and_says_so(team, db_path):
    as_(team, "li.wei", "claim", "1")
    result = as_(team, "amy", "claim", "1", "--force", "--note", "li.wei is off sick")
    assert "Took over complaint #1 from li.wei" in result.stderr
    assert query(db_path, "SELECT assignee FROM complaints WHERE id = 1") == [("amy",)]
    last = query(db_path, "SELECT action, old_value, new_value, note FROM events WHERE field = 'assignee' "
                          "ORDER BY id DESC LIMIT 1")[0]
    assert last == ("claimed", "li.wei", "amy", "taken over from li.wei; li.wei is off sick")


def test_claiming_your_own_again_changes_nothing(team, db_path):
    as_(team, "li.wei", "claim", "1")
    assert "already yours" in as_(team, "li.wei", "claim", "#1").stderr
    assert query(db_path, "SELECT count(*) FROM events WHERE field = 'assignee'") == [(1,)]


def test_claim_needs_an_active_agent_and_an_open_complaint(team, db_path):
    result = as_(team, "stranger", "claim", "1", expect=1)
    assert "'stranger', who is not an agent" in result.stderr and "agents add stranger" in result.stderr
    team("agents", "deactivate", "amy")
    assert "inactive" in as_(team, "amy", "claim", "1", expect=1).stderr
    team("close", "2", "--outcome", "withdrawn", "-r", "客户撤回")
    assert "closed" in as_(team, "li.wei", "claim", "2", expect=1).stderr
    assert "no complaint #9" in as_(team, "li.wei", "claim", "9", expect=1).stderr
    assert query(db_path, "SELECT count(*) FROM complaints WHERE assignee IS NOT NULL") == [(0,)]


def test_list_and_overdue_mine(team, db_path):
    as_(team, "li.wei", "claim", "1")
    as_(team, "li.wei", "claim", "3")
    as_(team, "amy", "claim", "2")
    mine = json.loads(as_(team, "li.wei", "list", "--mine", "-f", "json").stdout)
    assert sorted(r["id"] for r in mine) == [1, 3]
    # overdue --mine, with a window wide enough for every due time: only li.wei's
    rows = json.loads(as_(team, "li.wei", "overdue", "--mine", "--within", "1000000d", "-f", "json").stdout)
    assert sorted(r["id"] for r in rows) == [1, 3]
    everyone = json.loads(as_(team, "li.wei", "overdue", "--within", "1000000d", "-f", "json").stdout)
    assert sorted(r["id"] for r in everyone) == [1, 2, 3]


def test_mine_for_someone_who_is_not_an_agent_says_so(team):
    assert "not an agent" in as_(team, "stranger", "list", "--mine", expect=1).stderr
    assert "not an agent" in as_(team, "stranger", "overdue", "--mine", expect=1).stderr
    assert "--mine goes without" in as_(team, "amy", "list", "--mine", "--unassigned", expect=2).stderr
