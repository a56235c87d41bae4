"""A past period's report is a fact: what happened in the period, from the event log, as
docs/reports.md defines each figure in SQL. Reopening, reclassifying, reassigning, retagging
or escalating later changes nothing; every figure equals its documented SQL, recomputed
independently, on histories full of such changes."""

import re
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from complaintctl.core.desk import complaints as core
from complaintctl.core.desk import tracking
from complaintctl.core.insight import history, reports
from complaintctl.core.people.agents import add_agent
from complaintctl.core.record.dates import to_iso
from complaintctl.store.db import transaction

UTC = timezone.utc
DOCS = Path(__file__).resolve().parents[2] / "docs"
MON = datetime(2026, 11, 9, tzinfo=UTC)  # Monday of 2026-W46 (TZ=UTC in tests)
NOW_KEYS = ("needs_attention", "sla_goal")  # the team's as the report is made, not the period's


def doc_queries() -> dict[str, str]:
    text = (DOCS / "reports.md").read_text(encoding="utf-8")
    return dict(re.findall(r"```sql (\w+)\n(.*?)```", text, flags=re.S))


DOC = doc_queries()


def at(day, hour=9, minute=0):
    return MON + timedelta(days=day, hours=hour, minutes=minute)


def new(conn, when, **kw):
    return core.log_complaint(conn, core.NewComplaint(subject=kw.pop("subject", "s"), received=when, **kw),
                              actor="t", now=when).id


def period_figures(data: dict) -> dict:
    """The report without what is the team's as it is made (needs attention, the goal, targets)."""
    out = {k: v for k, v in data.items() if k not in NOW_KEYS}
    out["sla_by_severity"] = [{k: v for k, v in r.items() if not k.endswith("_target")} for r in data["sla_by_severity"]]
    return out


@pytest.fixture
def week(conn):
    """A week of work: resolved, closed, classified, assigned and tagged by its end (W46)."""
    with transaction(conn):
        for name in ("li", "amy", "bo"):
            add_agent(conn, name, full_name=None, email=None, is_lead=False, actor="t", at="2026-11-01T00:00:00Z")
    ids = []
    for i in range(8):
        cid = new(conn, at(i % 5, 8 + i), subject=f"问题 {i % 3}", severity=["high", "medium", "low", None][i % 4],
                  category=["product_quality", "billing_error"][i % 2], channel=["phone", "email", "web"][i % 3],
                  tags=["vip"] if i % 3 == 0 else [], customer=f"客户{i % 4}", email=f"c{i % 4}@x.cn")
        core.assign(conn, cid, ["li", "amy"][i % 2], actor="t", now=at(i % 5, 9 + i))
        core.update(conn, cid, status="acknowledged", actor="t", now=at(i % 5, 10 + i))
        ids.append(cid)
    for cid in ids[:5]:
        core.update(conn, cid, status="resolved", actor="t", now=at(5, 9 + cid))
    core.close(conn, ids[0], outcome="resolved", resolution="换新", actor="t", now=at(6, 10))
    core.close(conn, ids[5], outcome="rejected", resolution="不符合", actor="t", now=at(6, 11))
    core.classify(conn, ids[1], codes={"cause": "product_quality"}, actor="t", now=at(5, 20))
    tracking.survey(conn, ids[2], score=4, comment=None, actor="t", now=at(6, 8))
    return conn, ids


def change_everything_after(conn, ids):
    """What a team does the week after: reopen (by hand and by a survey), reclassify, reassign,
    escalate, tag and untag, resolve again, set a default severity."""
    nxt = MON + timedelta(weeks=1)
    core.reopen(conn, ids[0], reason="坏了", actor="t", now=nxt + timedelta(hours=1))
    core.reopen(conn, ids[5], reason="新证据", actor="t", now=nxt + timedelta(hours=2))
    tracking.survey(conn, ids[3], score=1, comment="没修好", reopen=True, actor="t", now=nxt + timedelta(hours=3))
    core.classify(conn, ids[1], codes={"category": "price", "cause": "service_level", "severity": "critical"},
                  add_tags=["媒体"], remove_tags=[], actor="t", now=nxt + timedelta(hours=4))
    core.classify(conn, ids[3], codes={"severity": "low", "category": "none"}, remove_tags=["vip"], actor="t",
                  now=nxt + timedelta(hours=5))
    core.assign(conn, ids[2], "bo", actor="t", now=nxt + timedelta(hours=6))
    core.assign(conn, ids[6], None, actor="t", now=nxt + timedelta(hours=7))
    tracking.escalate(conn, ids[7], to="bo", reason="媒体", severity="critical", actor="t", now=nxt + timedelta(hours=8))
    core.update(conn, ids[0], status="resolved", actor="t", now=nxt + timedelta(hours=9))
    tracking.set_default_severity(conn, "low", actor="t", now=nxt + timedelta(hours=10))


def test_reopening_reclassifying_and_reassigning_later_changes_nothing(week, cli):
    conn, ids = week
    w46 = reports.week_period("2026-W46")
    before = reports.weekly(conn, *w46, now=MON + timedelta(weeks=1))
    assert before["totals"]["resolved"]["value"] == 5 and before["totals"]["backlog"]["value"] == 2
    others = (reports.agents_report, reports.sla_report, reports.causes_report)
    others_before = [report(conn, *w46) for report in others]
    change_everything_after(conn, ids)
    after = reports.weekly(conn, *w46, now=MON + timedelta(weeks=2))
    assert period_figures(after) == period_figures(before)
    assert after["needs_attention"] != before["needs_attention"]  # the part that is now did move
    assert [report(conn, *w46) for report in others] == others_before
    # and the next week sees what happened in it: three reopens, one resolution made again
    w47 = reports.weekly(conn, *reports.week_period("2026-W47"), now=MON + timedelta(weeks=2))
    assert (w47["totals"]["reopened"]["value"], w47["totals"]["resolved"]["value"]) == (3, 1)
    assert_every_figure_is_its_sql(conn, *w46)
    assert_every_figure_is_its_sql(conn, *reports.week_period("2026-W47"))


def test_the_other_reports_of_a_finished_week_are_unchanged(week):
    conn, ids = week
    w46 = reports.week_period("2026-W46")
    before = [f(conn, *w46) for f in (reports.agents_report, reports.sla_report, reports.causes_report)]
    trend = reports.trends_report(conn, 3, MON + timedelta(weeks=1, days=1))
    change_everything_after(conn, ids)
    assert [f(conn, *w46) for f in (reports.agents_report, reports.sla_report, reports.causes_report)] == before
    assert reports.trends_report(conn, 3, MON + timedelta(weeks=1, days=1)) == trend


def test_late_data_about_the_period_changes_it(week):
    """A complaint recorded later with a received time in the week, a corrected received time:
    data about the period, which the report counts (and says so: test_report_record.py)."""
    conn, ids = week
    w46 = reports.week_period("2026-W46")
    before = reports.weekly(conn, *w46)
    late = new(conn, at(2, 12), subject="补录", category="price")
    conn.execute("UPDATE complaints SET created_at = ? WHERE id = ?", (to_iso(MON + timedelta(weeks=2)), late))
    core.update(conn, ids[7], edits={"received_at": MON - timedelta(days=2)}, actor="t", now=MON + timedelta(weeks=2))
    after = reports.weekly(conn, *w46)
    assert after["totals"]["received"]["value"] == before["totals"]["received"]["value"]  # one in, one out
    assert {r["code"]: r["count"] for r in after["breakdowns"]["category"]}.get("price") == 1
    assert after["totals"]["received"]["previous"] == before["totals"]["received"]["previous"] + 1


# --- every figure is its documented SQL -------------------------------------------------------

def _sql(conn, name, p, **fmt):
    sql = DOC[name]
    for old, new_ in fmt.items():
        sql = sql.replace(old, new_)
    return conn.execute(sql, p).fetchall()


def assert_every_figure_is_its_sql(conn, start, end, label="w", data=None):
    data = data or reports.weekly(conn, start, end, label)
    p = {"start": to_iso(start), "end": to_iso(end)}
    prev = {"start": data["period"]["previous_start"], "end": data["period"]["previous_end"]}
    for name in reports.TOTALS:
        assert _sql(conn, name, p)[0][0] == data["totals"][name]["value"], name
        assert _sql(conn, name, prev)[0][0] == data["totals"][name]["previous"], name
    for kind, table in reports.BREAKDOWNS.items():
        rows = _sql(conn, "by_category", p, category=kind, categories=table)
        assert [(r[0], r[-1]) for r in rows] == [(r["code"], r["count"]) for r in data["breakdowns"][kind]], kind
    assert [r[1] for r in _sql(conn, "backlog_ageing", p)] == [b["count"] for b in data["backlog_ageing"]]
    for name in ("first_response_hours", "resolution_hours"):
        values = [r[0] for r in _sql(conn, name, p)]
        assert (len(values), reports.percentile(values, 50), reports.percentile(values, 90)) == tuple(
            data["times"][name][k] for k in ("count", "median", "p90")), name
    for kind in ("response", "resolution"):
        assert tuple(_sql(conn, f"sla_{kind}", p)[0]) == tuple(data["sla"][kind][k] for k in ("total", "met", "pct"))
    by_severity = {(r[0], r[1]): (r[2], r[3]) for r in _sql(conn, "sla_by_severity", p)}
    for r in data["sla_by_severity"]:
        for clock in ("response", "resolution"):
            assert by_severity.get((r["severity"], clock), (0, 0)) == (r[f"{clock}_total"], r[f"{clock}_met"])
    untimed = _sql(conn, "sla_untimed", p)[0]
    assert dict(zip(("responses", "resolutions", "open"), untimed, strict=True)) == data["sla_untimed"]
    average, responses = _sql(conn, "satisfaction", p)[0]
    assert (average, responses) == (data["satisfaction"]["average"], data["satisfaction"]["responses"])
    resolved, surveyed = _sql(conn, "survey_rate", p)[0]
    assert (resolved, surveyed) == (data["satisfaction"]["resolved"], data["satisfaction"]["resolved_surveyed"])
    agents = {r[0]: tuple(r[1:]) for r in _sql(conn, "agents", p)}
    assert [a["agent"] for a in data["agents"]] == [a for a, v in agents.items() if v[0] or v[1] or v[3] is not None]
    for a in data["agents"]:
        assert agents[a["agent"]] == (a["assigned"], a["resolved"], a["sla_pct"], a["satisfaction"]), a["agent"]
    assert [r[0] for r in _sql(conn, "repeat_customers", p)] == [r["customer_id"] for r in data["repeat_customers"]]
    assert [tuple(r) for r in _sql(conn, "top_tags", p)] == [(r["tag"], r["count"]) for r in data["top_tags"]]
    assert [tuple(r) for r in _sql(conn, "top_subjects", p)] == [(r["subject"], r["count"]) for r in data["top_subjects"]]
    causes = reports.causes_report(conn, start, end, "w")
    rows = _sql(conn, "by_category", p, category="cause", categories="causes")
    assert [(r[0], r[-1]) for r in rows if r[0] is not None] == [(c["code"], c["count"]) for c in causes["causes"]]
    assert causes["without_cause"] == sum(r[-1] for r in rows if r[0] is None)
    sla = reports.sla_report(conn, start, end, "w")
    for r in sla["by_severity"]:
        code = None if r["severity"] == "(none)" else r["severity"]
        for clock in ("response", "resolution"):
            assert by_severity.get((code, clock), (0, 0)) == (r[f"{clock}_total"], r[f"{clock}_met"])
    for w in data["trend"]:
        begin, stop, _ = reports.week_period(w["week"])
        q = {"start": to_iso(begin), "end": to_iso(stop)}
        assert (w["received"], w["resolved"], w["backlog"]) == tuple(
            _sql(conn, name, q)[0][0] for name in ("received", "resolved", "backlog")), w["week"]
        assert w["resolution_pct"] == _sql(conn, "sla_resolution", q)[0][2], w["week"]
        assert w["response_pct"] == _sql(conn, "sla_response", q)[0][2], w["week"]


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """Twelve weeks of demo history (reopened by unhappy surveys, escalated, classified over
    weeks), then a week of changes to complaints of every week: module-scoped, read only."""
    import random

    from complaintctl.core.demo import fill_demo
    from complaintctl.store.db import connect

    conn = connect(tmp_path_factory.mktemp("demo") / "demo.db")
    end = datetime(2026, 11, 30, tzinfo=UTC)
    fill_demo(conn, seed=5, weeks=12, per_week=12, now=end)
    rnd = random.Random(3)
    later = end + timedelta(days=1)
    finished = [r[0] for r in conn.execute("SELECT id FROM complaints WHERE status IN ('resolved', 'closed')")]
    for i, cid in enumerate(rnd.sample(finished, 12)):
        core.reopen(conn, cid, reason="again", actor="t", now=later + timedelta(minutes=i))
    for i, cid in enumerate(rnd.sample(range(1, 140), 30)):
        when = later + timedelta(hours=1, minutes=i)
        core.classify(conn, cid, codes={"category": rnd.choice(["price", "other", "none"]),
                                        "cause": rnd.choice(["data", "system", "none"])},
                      add_tags=[rnd.choice(["vip", "later"])], actor="t", now=when)
        status = conn.execute("SELECT status FROM complaints WHERE id = ?", (cid,)).fetchone()[0]
        if status != "closed":
            core.assign(conn, cid, rnd.choice(["amy", "li.na", None]), actor="t", now=when)
    yield conn
    conn.close()


def test_every_figure_is_its_documented_sql_week_after_week(demo):
    assert demo.execute("SELECT count(*) FROM finishes WHERE reopened_at IS NOT NULL").fetchone()[0] >= 12
    moved = 0
    for back in range(1, 9):
        start, end, label = reports.last_full_week(datetime(2026, 11, 30, tzinfo=UTC) - timedelta(weeks=back - 1))
        data = reports.weekly(demo, start, end, label)
        assert_every_figure_is_its_sql(demo, start, end, label, data)
        standing = demo.execute(
            "SELECT count(*) FROM complaints WHERE received_at < ? AND (resolved_at IS NULL OR resolved_at >= ?) "
            "AND (closed_at IS NULL OR closed_at >= ?)", (to_iso(end),) * 3).fetchone()[0]
        moved += standing != data["totals"]["backlog"]["value"]
    assert moved  # the reopens moved some week's backlog away from the standing times: the check compared something


def test_the_backlog_is_its_definition_at_every_moment(demo):
    """Counted from three index ranges and the reopens since, defined by a read of every complaint
    and every finish: the same count at every moment the history has."""
    moments = sorted({v for row in demo.execute("SELECT c.received_at, f.resolved_at, f.closed_at FROM finishes f "
                                                "JOIN complaints c ON c.id = f.complaint_id") for v in row if v}
                     | {r[0] for r in demo.execute("SELECT at FROM events WHERE action = 'reopened'")})
    for moment in moments[::7] + [m.replace(":00Z", ":01Z") for m in moments[::11]]:
        expected = demo.execute(DOC["backlog"], {"end": moment}).fetchone()[0]
        assert len(history.backlog(demo, moment)) == history.backlog_at(demo, moment).count == expected, moment


def test_weekly_summary_counts_the_teams_weeks(conn, cli, monkeypatch):
    """In Shanghai, Monday 00:30 is Sunday 16:30 UTC: the view counted it in the week before."""
    import time as clock

    from complaintctl.store.db import connect

    monkeypatch.setenv("TZ", "Asia/Shanghai")
    clock.tzset()
    conn.close()
    conn = connect(cli.db_path)  # as a command opens it in the zone: a PostgreSQL session takes it at connect
    for day, hour in ((15, 16), (15, 17), (17, 9), (22, 15)):  # UTC times, all in Shanghai's 2026-W47
        cid = new(conn, datetime(2026, 11, day, hour, 30, tzinfo=UTC))
        core.update(conn, cid, status="resolved", actor="t", now=datetime(2026, 11, day, hour, 40, tzinfo=UTC))
    core.reopen(conn, 1, reason="x", actor="t", now=datetime(2026, 11, 25, tzinfo=UTC))
    data = reports.weekly(conn, *reports.week_period("2026-W47"))
    row = conn.execute("SELECT received, resolved FROM weekly_summary WHERE week = '2026-W47'").fetchone()
    assert tuple(row) == (data["totals"]["received"]["value"], data["totals"]["resolved"]["value"]) == (4, 4)
    conn.close()
    out = cli("--tz", "Asia/Shanghai", "sql", "SELECT week, received FROM weekly_summary", "-f", "json").stdout
    assert '"received": 4' in out and "2026-W47" in out and "2026-W46" not in out


def test_recent_changes_are_read_by_the_index_of_field_changes(conn):
    """A report of a recent period reads the changes since its end from one index range (migration
    24), written with the very term history.py queries by: a drift between them is a full scan."""
    from complaintctl.store.engine import POSTGRESQL, engine_of

    where = f"e.{history.CHANGED_FIELDS_SQL} AND e.field IN (?) AND e.at >= ?"
    if engine_of(conn) != POSTGRESQL:  # SQLite's plan; PostgreSQL's planner reads an empty table whole, as it should
        plan = " ".join(r[3] for r in conn.execute(
            f"EXPLAIN QUERY PLAN SELECT e.complaint_id FROM events e WHERE {where}", ("cause", "2026-11-01")))
        assert "USING INDEX events_field_changes" in plan or "USING COVERING INDEX events_field_changes" in plan
    # both ways of reading the changes give the same values: by time (few since) and complaint by complaint
    cid = new(conn, at(0))
    core.classify(conn, cid, codes={"cause": "data"}, actor="t", now=at(8))
    core.classify(conn, cid, codes={"cause": "system"}, actor="t", now=at(9))
    by_time = history.values_at(conn, to_iso(at(7)), [cid], ("cause",))
    many = list(range(1, 4000)) + [cid]  # more complaints than changes since: read by time too
    assert by_time == history.values_at(conn, to_iso(at(7)), many, ("cause",)) == {"cause": {cid: None}}
    for n in range(1100):  # more changes since than the complaints asked about: read complaint by complaint
        core.classify(conn, cid, codes={"cause": ["data", "system"][n % 2]}, actor="t", now=at(10, 0, n % 60))
    assert history.values_at(conn, to_iso(at(7)), [cid], ("cause",)) == {"cause": {cid: None}}
    assert history.values_at(conn, to_iso(at(8, 30)), [cid], ("cause",)) == {"cause": {cid: "data"}}
