"""docs/security.md's tampering table is what `check` does: each row's statement is run with
plain sqlite3 on a copy of a small desk, and the checks that then report a problem must be
exactly the ones the row names; a row said refused must be refused by the schema, and a row
said not caught must pass `check` and `check --against` alike (issue 22: the table of each
kind of tampering and what catches it)."""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
from pathlib import Path

import pytest
from test_stated_facts import seeded  # noqa: F401  (the desk those tests tamper with)

from conftest import Cli

pytestmark = pytest.mark.sqlite_only  # plain sqlite3 on the file
SECURITY = Path(__file__).parents[2] / "docs" / "security.md"
GUARDED = ("events", "reports", "audit_chain")  # the tables whose triggers "around the triggers" drops
REWRITTEN = "events rewritten and every later hash recomputed"


def _rows() -> list[tuple[str, str, str]]:
    """(what, example, caught by) of each row of the table under "Tampering, kind by kind"."""
    text = SECURITY.read_text(encoding="utf-8")
    section = text[text.index("### Tampering, kind by kind"):]
    section = section[:section.index("\n#", 1)]
    rows = [[cell.strip() for cell in line.strip().strip("|").split(" | ")]
            for line in section.splitlines() if line.startswith("| ") and not line.startswith("| What is")]
    assert len(rows) >= 40 and all(len(r) == 3 for r in rows), rows
    return [tuple(r) for r in rows]


ROWS = _rows()


@pytest.fixture(scope="module")
def team_desk(seeded, tmp_path_factory):  # noqa: F811
    """The stated-facts desk, with the team settings an event states: an SLA target, the goal, a
    notification deadline, an escalation, and a finished week's report kept; a chat webhook and
    a holiday of the team's own."""
    path = tmp_path_factory.mktemp("table") / "complaints.db"
    shutil.copy(seeded, path)
    desk = Cli(path)
    desk("sla", "set", "high", "--resolve", "2d")
    desk("sla", "goal", "95")
    desk("escalate", "2", "--reason", "customer called three times")
    desk("report", "weekly", "--week", "2026-W45", "-f", "json")
    desk("notify", "deadline", "3")
    desk("notify", "webhook", "add", "own", "--kind", "json", "--url", "https://hooks.example.cn/own", "--on",
         "critical")
    desk("sla", "calendar", "holiday", "2026-12-31")
    return path


def _problems(cli, *args) -> set[str]:
    findings = json.loads(cli("check", "-f", "json", *args, expect=None).stdout)
    return {f["check"] for f in findings if f["result"] == "problem"}


def _around_the_triggers(raw: sqlite3.Connection, run) -> None:
    triggers = raw.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN "
                           f"({', '.join('?' * len(GUARDED))})", GUARDED).fetchall()
    for name, _ in triggers:
        raw.execute(f"DROP TRIGGER {name}")
    run()
    for _, sql in triggers:
        raw.execute(sql)


def _rewrite_and_rehash(raw: sqlite3.Connection) -> None:
    """An event's note rewritten, and every hash from it on recomputed as complaintctl would."""
    from complaintctl.store.chain import CHAINED, GENESIS, link

    raw.execute("UPDATE events SET note = 'nothing was promised' WHERE id = 3")
    previous = raw.execute("SELECT hash FROM events WHERE id = 2").fetchone()[0] or GENESIS
    for row in raw.execute(f"SELECT id, {', '.join(CHAINED)}, digest FROM events WHERE id >= 3 ORDER BY id").fetchall():
        previous = link(previous, row[1:-1], row[-1])
        raw.execute("UPDATE events SET hash = ? WHERE id = ?", (previous, row[0]))


@pytest.mark.parametrize("what, example, caught", ROWS, ids=[r[0] for r in ROWS])
def test_each_kind_of_tampering_is_caught_as_the_table_says(team_desk, tmp_path, what, example, caught):
    path = tmp_path / "complaints.db"
    shutil.copy(team_desk, path)
    desk = Cli(path)
    head = desk("audit", "head").stdout.strip()
    assert _problems(desk) == set()
    raw = sqlite3.connect(path, isolation_level=None)  # a sqlite3 shell: foreign keys off
    statement = re.fullmatch(r"`(.+)`", example)
    if what == REWRITTEN:
        run = lambda: _rewrite_and_rehash(raw)  # noqa: E731
    else:
        assert statement, f"the example of {what!r} is not one SQL text"
        run = lambda: raw.executescript(statement.group(1))  # noqa: E731
    if caught == "refused by the schema":
        with pytest.raises(sqlite3.DatabaseError):
            run()
        raw.close()
        assert _problems(desk) == set()
        return
    _around_the_triggers(raw, run) if "around the triggers" in what or what == REWRITTEN else run()
    raw.close()
    if caught == "not caught":
        assert _problems(desk) == set() and _problems(desk, "--against", head) == set()
    elif caught == "`check --against` only":
        assert _problems(desk) == set()
        assert _problems(desk, "--against", head) == {"audit trail"}
    else:
        assert _problems(desk) == set(re.findall(r"`([^`]+)`", caught))


def test_a_team_setting_or_escalation_changed_is_named_with_its_event(team_desk, tmp_path):
    path = tmp_path / "complaints.db"
    shutil.copy(team_desk, path)
    desk = Cli(path)
    raw = sqlite3.connect(path, isolation_level=None)
    goal, target, escalated = (raw.execute(f"SELECT max(id) FROM events WHERE {where}").fetchone()[0] for where in (
        "field = 'sla_goal_pct'", "field = 'high.resolve_target'", "action = 'escalated' AND field IS NULL"))
    raw.execute("UPDATE settings SET value = '50' WHERE key = 'sla_goal_pct'")
    raw.execute("UPDATE severities SET resolve_minutes = 1 WHERE code = 'high'")  # the target text left as it was
    raw.execute("UPDATE complaints SET escalation_count = 0, escalated_at = NULL WHERE id = 2")
    raw.close()
    detail = next(f for f in json.loads(desk("check", "-f", "json", expect=1).stdout)
                  if f["check"] == "stated facts")["detail"]
    assert detail.startswith("not what their events state or sealed: 1 complaint and 2 team settings; the first: "
                             f"complaint #2: its escalation count is '0' where event #{escalated} says '1'"), detail
    assert "value: sla_goal_pct" in detail and "resolve_minutes: high" in detail
    from complaintctl.core.trust.facts import compare_facts
    from complaintctl.store.db import connect

    found = {d.kind: d for d in compare_facts(connect(path, readonly=True)).found}
    assert found["value"].text() == f"setting sla_goal_pct: its value is '50' where event #{goal} says '95'"
    assert found["resolve_minutes"].text() == \
        f"the SLA targets of high: its resolve_minutes is '1' where event #{target} says '2880'"


def test_honest_settings_work_keeps_the_desk_clean(team_desk, tmp_path):
    """Every command that changes a setting or a target states it in its event: targets set
    together (one business-time flag for both), a default set and cleared, a setting saved by sweep."""
    path = tmp_path / "complaints.db"
    shutil.copy(team_desk, path)
    desk = Cli(path)
    desk("sla", "set", "medium", "--respond", "2bd", "--resolve", "3d")
    desk("sla", "set", "high", "--respond", "1bd")
    desk("sla", "default", "medium")
    desk("sla", "default", "none")
    desk("sla", "goal", "97.5")
    desk("sweep", "--close-after", "30", "--save", "--dry-run")
    desk("notify", "on")
    desk("escalate", "2", "--reason", "again", "--severity", "critical")
    assert _problems(desk) == set()
