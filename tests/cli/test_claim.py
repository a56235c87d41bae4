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


@pytest.fixture
def held(team):
    as_(team, "li.wei", "claim", "1")
    as_(team, "li.wei", "claim", "2")
    as_(team, "li.wei", "claim", "3")
    team("update", "3", "--status", "resolved")  # resolved is not open: it stays theirs
    return team


def test_deactivating_an_agent_with_open_complaints_is_refused_naming_them(held, db_path):
    result = held("agents", "deactivate", "li.wei", expect=1)
    assert "li.wei still has 2 open complaints (#1, #2)" in result.stderr
    assert "--reassign-to AGENT" in result.stderr and "--unassign" in result.stderr
    assert query(db_path, "SELECT active FROM agents WHERE name = 'li.wei'") == [(1,)]


def test_deactivate_reassign_to_hands_open_complaints_over_in_one_go(held, db_path):
    result = held("agents", "deactivate", "li.wei", "--reassign-to", "amy")
    assert "Agent li.wei is inactive; 2 open complaints reassigned to amy: #1, #2." in result.stderr
    assert query(db_path, "SELECT id, assignee FROM complaints ORDER BY id") == [(1, "amy"), (2, "amy"), (3, "li.wei")]
    assert query(db_path, "SELECT complaint_id, action, old_value, new_value, note FROM events "
                          "WHERE action = 'assigned' ORDER BY id") == [
        (1, "assigned", "li.wei", "amy", "li.wei deactivated"), (2, "assigned", "li.wei", "amy", "li.wei deactivated")]
    assert query(db_path, "SELECT active FROM agents WHERE name = 'li.wei'") == [(0,)]


def test_deactivate_unassign_or_keep_and_leftovers_handed_over_later(held, db_path):
    held("agents", "add", "bob")
    assert "2 open complaints stay assigned" in held("agents", "deactivate", "li.wei", "--keep-assigned").stderr
    assert "already inactive and still has 2 open complaints" in held("agents", "deactivate", "li.wei", expect=1).stderr
    result = held("agents", "deactivate", "li.wei", "--unassign")
    assert "inactive (already); 2 open complaints returned to the queue: #1, #2" in result.stderr
    assert query(db_path, "SELECT count(*) FROM complaints WHERE assignee IS NULL") == [(2,)]
    assert query(db_path, "SELECT count(*) FROM events WHERE action = 'agent_deactivated'") == [(1,)]


def test_deactivate_reassign_needs_an_active_colleague(held, db_path):
    assert "the same agent" in held("agents", "deactivate", "li.wei", "--reassign-to", "li.wei", expect=1).stderr
    held("agents", "add", "bob")
    held("agents", "deactivate", "bob")
    assert "inactive" in held("agents", "deactivate", "li.wei", "--reassign-to", "bob", expect=1).stderr
    assert "no agent named 'zed'" in held("agents", "deactivate", "li.wei", "--reassign-to", "zed", expect=1).stderr
    assert "one of" in held("agents", "deactivate", "li.wei", "--unassign", "--keep-assigned", expect=2).stderr
    assert query(db_path, "SELECT active FROM agents WHERE name = 'li.wei'") == [(1,)]
