"""Issue 21's "done when", through the CLI as a team does it: a finished week's reports are
printed, then complaints of that week are reopened, re-classified and re-assigned (and
escalated, tagged, resolved again) the week after, and every report of the week prints the
same figures in every format. Only what is the team's now (needs attention, the goal) moves."""

import csv
import io
import json
from datetime import datetime, timedelta, timezone

import pytest

from complaintctl.core.desk import complaints as core
from complaintctl.core.people.agents import add_agent
from complaintctl.store.db import transaction

MON = datetime(2026, 11, 9, tzinfo=timezone.utc)  # Monday of 2026-W46 (TZ=UTC in tests)
WEEK = ("--week", "2026-W46")
NOW_KEYS = ("needs_attention", "sla_goal", "kept", "changed_since_first_reported")


def _at(day, hour):
    return MON + timedelta(days=day, hours=hour)


@pytest.fixture
def week(conn, cli):
    """W46: eight complaints, classified, assigned and tagged; four resolved (one of them
    surveyed), two of those closed, one closed as rejected; three still open at its end."""
    with transaction(conn):
        for name in ("li", "amy", "bo"):
            add_agent(conn, name, full_name=None, email=None, is_lead=False, actor="t", at="2026-11-01T00:00:00Z")
    ids = []
    for i in range(8):
        when = _at(i % 5, 8 + i)
        cid = core.log_complaint(conn, core.NewComplaint(
            subject=f"洗衣机 {i % 3}", severity=["high", "medium", "low", None][i % 4],
            category=["product_quality", "billing_error"][i % 2], channel=["phone", "email", "web"][i % 3],
            tags=["vip"] if i % 3 == 0 else [], customer=f"客户{i % 4}", email=f"c{i % 4}@x.cn",
            received=when), actor="t", now=when).id
        core.assign(conn, cid, ["li", "amy"][i % 2], actor="t", now=when + timedelta(hours=1))
        core.update(conn, cid, status="acknowledged", actor="t", now=when + timedelta(hours=2))
        ids.append(cid)
    for cid in ids[:4]:
        core.update(conn, cid, status="resolved", actor="t", now=_at(5, 9 + cid))
    core.classify(conn, ids[1], codes={"cause": "product_quality"}, actor="t", now=_at(5, 20))
    core.close(conn, ids[0], outcome="resolved", resolution="换新", actor="t", now=_at(6, 10))
    core.close(conn, ids[2], outcome="resolved", resolution="退款", actor="t", now=_at(6, 10))
    core.close(conn, ids[4], outcome="rejected", resolution="不符合", actor="t", now=_at(6, 11))
    from complaintctl.core.desk.tracking import survey

    survey(conn, ids[3], score=4, comment=None, actor="t", now=_at(6, 12))
    conn.close()
    return ids


def _reports(cli) -> dict:
    """Every report of the week in every format a script or a reader takes, as printed."""
    out = {}
    for kind in ("weekly", "agents", "sla", "causes"):
        data = json.loads(cli("report", kind, *WEEK, "-f", "json").stdout)
        out[f"{kind} json"] = {k: v for k, v in data.items() if k not in NOW_KEYS}
        rows = csv.reader(io.StringIO(cli("report", kind, *WEEK, "-f", "csv").stdout))
        out[f"{kind} csv"] = [r for r in rows if r[0] not in ("needs_attention", "sla_targets", "changed")]
    text = cli("report", "weekly", *WEEK, "-f", "markdown").stdout
    out["weekly markdown"] = text[:text.index("## Needs attention")] + text[text.index("## Week by week"):]
    return out


def test_a_finished_weeks_reports_are_unchanged_by_reopening_reclassifying_and_reassigning(cli, week):
    ids = week
    before = _reports(cli)
    totals = before["weekly json"]["totals"]
    assert (totals["resolved"]["value"], totals["closed"]["value"], totals["backlog"]["value"]) == (4, 3, 3)
    assert {a["agent"]: a["resolved"] for a in before["agents json"]["agents"]} == {"amy": 2, "li": 2}
    # the week after, as the team works (every command through the CLI, at today's time)
    cli("reopen", str(ids[0]), "--reason", "坏了")                # resolved and closed in W46
    cli("reopen", str(ids[1]), "--reason", "客户不满意")          # resolved in W46
    cli("reopen", str(ids[4]), "--reason", "新证据")              # closed as rejected in W46
    cli("classify", str(ids[0]), "--category", "price", "--severity", "critical", "--cause", "system")
    cli("classify", str(ids[1]), "--category", "none", "--severity", "none", "--cause", "service_level",
        "--untag", "vip", "--tag", "媒体")
    cli("classify", str(ids[6]), "--category", "other", "--severity", "high", "--tag", "vip")
    cli("assign", str(ids[0]), "--to", "bo")
    cli("assign", str(ids[1]), "--unassign")
    cli("assign", str(ids[6]), "--to", "bo")
    cli("escalate", str(ids[7]), "--reason", "媒体曝光")
    cli("update", str(ids[1]), "--status", "resolved")
    cli("close", str(ids[0]), "--outcome", "resolved", "--resolution", "再次换新")
    after = _reports(cli)
    for name, figures in before.items():
        assert after[name] == figures, name
    assert "changed since first reported" not in cli("report", "weekly", *WEEK).stdout
    for kind in ("weekly", "agents", "sla", "causes"):
        assert "No figure changed" in cli("report", "diff", *WEEK, "--report", kind).stdout
