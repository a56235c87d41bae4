"""'Open' has one meaning everywhere: new, acknowledged, investigating or waiting."""

import json

from complaintctl.core.record.lifecycle import OPEN_STATUSES


def test_open_is_the_same_set_in_every_command(cli):
    cli("agents", "add", "li")
    for subject in ("new one", "waiting one", "resolved one", "closed one"):
        cli("assign", cli.log("-s", subject), "--to", "li")
    cli("update", "2", "--status", "waiting")
    cli("update", "3", "--status", "resolved")
    cli("close", "4", "--outcome", "resolved", "-r", "done")
    listed = [r["subject"] for r in json.loads(cli("list", "--open", "-f", "json").stdout)]
    assert sorted(listed) == ["new one", "waiting one"]
    assert json.loads(cli("info", "-f", "json").stdout)[0]["open_complaints"] == 2
    assert json.loads(cli("agents", "list", "-f", "json").stdout)[0]["open_complaints"] == 2
    assert json.loads(cli("customers", "list", "-f", "json").stdout) == []  # anonymous
    report = json.loads(cli("report", "weekly", "--from", "today", "--to", "tomorrow", "-f", "json").stdout)
    assert report["totals"]["backlog"]["value"] == 2
    rows = cli("sql", "SELECT code FROM statuses WHERE is_open = 1 ORDER BY position", "-f", "json").stdout
    assert [r["code"] for r in json.loads(rows)] == OPEN_STATUSES
