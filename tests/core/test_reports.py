"""The weekly report on a known dataset: every figure, every format, and the documented SQL."""

import csv
import io
import json
import re
from datetime import datetime, timezone
from pathlib import Path

import pytest

from complaintctl.core.desk import complaints as core
from complaintctl.core.desk import tracking
from complaintctl.core.insight import reports
from complaintctl.core.people.agents import add_agent
from complaintctl.core.record.dates import to_iso
from complaintctl.store.db import transaction

pytestmark = pytest.mark.postgresql_ci  # in CI's PostgreSQL run (.ci/run)

UTC = timezone.utc
DOCS = Path(__file__).resolve().parents[2] / "docs"


def t(day, hour, minute=0):
    return datetime(2026, 11, day, hour, minute, tzinfo=UTC)


def new(conn, at, **kw):
    return core.log_complaint(conn, core.NewComplaint(**kw, received=at), actor="t", now=at).id


@pytest.fixture
def known(conn, cli):
    with transaction(conn):
        for name in ("li", "amy"):
            add_agent(conn, name, full_name=None, email=None, is_lead=False, actor="t", at="2026-11-01T00:00:00Z")
    c1 = new(conn, t(3, 9), subject="洗衣机漏水", severity="high", category="product_quality", channel="phone",
             customer="王芳", email="a@x.cn")
    core.assign(conn, c1, "li", actor="t", now=t(3, 9, 30))
    core.update(conn, c1, status="acknowledged", actor="t", now=t(3, 10))
    core.update(conn, c1, status="resolved", actor="t", now=t(10, 9))
    core.close(conn, c1, outcome="resolved", resolution="换新", actor="t", now=t(10, 10))
    c2 = new(conn, t(10, 8), subject="重复扣费", severity="critical", category="billing_error", channel="email",
             email="a@x.cn", tags=["vip"])
    core.assign(conn, c2, "amy", actor="t", now=t(10, 8, 5))
    core.update(conn, c2, status="acknowledged", actor="t", now=t(10, 8, 30))
    core.update(conn, c2, status="resolved", actor="t", now=t(10, 20))
    tracking.survey(conn, c2, score=5, comment=None, actor="t", now=t(11, 9))
    c3 = new(conn, t(11, 12), subject="发票金额错误", severity="medium", category="billing_error", channel="web",
             customer="赵丽", tags=["vip"])
    core.assign(conn, c3, "li", actor="t", now=t(11, 13))
    core.update(conn, c3, status="acknowledged", actor="t", now=t(13, 12))
    c4 = new(conn, t(12, 9), subject="发票金额错误", severity="low", channel="chat")
    c5 = new(conn, t(14, 10), subject="屏幕碎了", severity="high", category="product_quality", channel="phone",
             customer="周杰", phone="135 8888 9999")
    core.assign(conn, c5, "amy", actor="t", now=t(14, 10, 10))
    core.update(conn, c5, status="acknowledged", actor="t", now=t(14, 11))
    core.update(conn, c5, status="resolved", actor="t", now=t(15, 11))
    tracking.survey(conn, c5, score=1, comment="还是坏的", reopen=True, actor="t", now=t(15, 13))
    assert [c1, c2, c3, c4, c5] == [1, 2, 3, 4, 5]
    return conn


EXPECTED = {
    # resolved: #5's resolution on the 15th counts, though its survey reopened it two hours later
    "totals": {"received": (4, 1), "acknowledged": (3, 1), "resolved": (3, 0), "closed": (1, 0), "reopened": (1, 0),
               "backlog": (3, 1)},
    "category": {"billing_error": 2, "product_quality": 1, None: 1},
    "channel": {"phone": 1, "email": 1, "web": 1, "chat": 1},
    "severity": {"critical": 1, "high": 1, "medium": 1, "low": 1},
    "ageing": [0, 1, 2, 0, 0],
}


def week(conn):
    return reports.weekly(conn, *reports.week_period("2026-W46"))


def test_every_figure_of_the_weekly_report(known):
    data = week(known)
    assert data["period"] == {"label": "2026-W46", "start": "2026-11-09T00:00:00Z", "end": "2026-11-16T00:00:00Z",
                              "previous_start": "2026-11-02T00:00:00Z", "previous_end": "2026-11-09T00:00:00Z",
                              "timezone": "UTC", "running": None}
    assert {k: (v["value"], v["previous"]) for k, v in data["totals"].items()} == EXPECTED["totals"]
    assert data["totals"]["received"]["change"] == 3 and data["totals"]["received"]["change_pct"] == 300.0
    for kind in ("category", "channel", "severity"):
        assert {r["code"]: r["count"] for r in data["breakdowns"][kind]} == EXPECTED[kind]
    assert data["breakdowns"]["cause"] == [{"code": None, "label_en": "(none)", "label_zh": "(未分类)", "count": 4}]
    assert [b["count"] for b in data["backlog_ageing"]] == EXPECTED["ageing"]
    assert data["times"] == {"first_response_hours": {"count": 3, "median": 1.0, "p90": 48.0},
                             "resolution_hours": {"count": 3, "median": 25.0, "p90": 168.0}}
    assert data["sla"] == {"response": {"total": 3, "met": 2, "pct": 66.7},
                           "resolution": {"total": 3, "met": 2, "pct": 66.7}}
    assert data["satisfaction"] == {"responses": 2, "average": 3.0,
                                    "distribution": {"1": 1, "2": 0, "3": 0, "4": 0, "5": 1},
                                    "resolved": 3, "resolved_surveyed": 2, "response_rate": 66.7}
    assert data["agents"] == [
        {"agent": "amy", "full_name": None, "assigned": 2, "resolved": 2, "median_resolution_hours": 18.5,
         "sla_pct": 100.0, "satisfaction": 3.0},
        {"agent": "li", "full_name": None, "assigned": 1, "resolved": 1, "median_resolution_hours": 168.0, "sla_pct": 0.0,
         "satisfaction": None}]
    assert [(r["name"], r["complaints"], r["in_period"]) for r in data["repeat_customers"]] == [("王芳", 2, 1)]
    assert data["top_tags"] == [{"tag": "vip", "count": 2}]
    assert data["top_subjects"] == [{"subject": "发票金额错误", "count": 2}]


def doc_queries() -> dict[str, str]:
    text = (DOCS / "reports.md").read_text(encoding="utf-8")
    return dict(re.findall(r"```sql (\w+)\n(.*?)```", text, flags=re.S))


def test_the_backlog_is_its_definition_whatever_the_times(known):
    """The backlog is counted from the unfinished complaints and those finished since (an index
    each) less those reopened since; the documented SQL reads every complaint and every finish.
    Same count at every moment, including times only plain SQL writes (closed without a
    resolution, closed before resolved)."""
    from complaintctl.core.insight import history

    odd = [("2026-11-12T10:00:00Z", None, "2026-11-13T00:00:00Z"), (None, None, "2026-11-12T00:00:00Z"),
           ("2026-11-16T00:00:00Z", "2026-11-12T12:00:00Z", None), ("2026-11-12T11:00:00Z", None, None),
           (None, "2026-11-14T00:00:00Z", None)]
    for resolved, closed, received in odd:
        cid = new(known, t(11, 1), subject="odd")
        known.execute("UPDATE complaints SET resolved_at = ?, closed_at = ?, received_at = coalesce(?, received_at) "
                      "WHERE id = ?", (resolved, closed, received, cid))
    definition = doc_queries()["backlog"]
    moments = sorted({v for row in known.execute("SELECT received_at, resolved_at, closed_at FROM complaints")
                      for v in row if v} | {"2026-11-01T00:00:00Z", "2026-12-31T00:00:00Z", "2026-11-15T13:00:00Z"})
    for moment in moments + [m.replace(":00Z", ":01Z") for m in moments]:
        expected = known.execute(definition, {"end": moment}).fetchone()[0]
        assert len(history.backlog(known, moment)) == history.backlog_at(known, moment).count == expected, moment
    trends = reports.trends_report(known, 4, t(24, 12))
    last_end = to_iso(reports.last_full_week(t(24, 12))[1])
    assert [w["backlog"] for w in trends["weeks"]] == [
        known.execute(definition, {"end": end}).fetchone()[0]
        for end in [w["start"] for w in trends["weeks"][1:]] + [last_end]]
    assert sum(w["received"] for w in trends["weeks"]) == known.execute(
        "SELECT count(*) FROM complaints WHERE received_at >= ? AND received_at < ?",
        (trends["weeks"][0]["start"], last_end)).fetchone()[0]


def test_each_figure_equals_the_documented_sql(known):
    from test_report_facts import assert_every_figure_is_its_sql

    assert_every_figure_is_its_sql(known, *reports.week_period("2026-W46"), data=week(known))


def test_weekly_in_every_format(known, cli, db_path, tmp_path):
    # the CLI on the same file, same figures
    known.close()
    out = json.loads(cli("report", "weekly", "--week", "2026-W46", "-f", "json").stdout)
    assert out["totals"]["received"]["value"] == 4 and out["sla"]["response"]["pct"] == 66.7
    text = cli("report", "weekly", "--week", "2026-W46").stdout
    assert "2026-W46" in text and "66.7" in text and "发票金额错误" in text and "\x1b[" not in text
    md = cli("report", "weekly", "--week", "2026-W46", "-f", "markdown").stdout
    assert "| Received 受理 | 4 | 1 | +3 (+300%) |" in md
    assert "| First response 首次响应 | 2 | 3 | **66.7 ▼** | 90.0 |" in md  # below the default goal of 90%
    html = tmp_path / "w.html"
    cli("report", "weekly", "--week", "2026-W46", "-f", "html", "-o", html)
    page = html.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "<svg" in page and "http" not in page.split("</style>")[0]
    assert "66.7" in page and "@media print" in page
    rows = list(csv.DictReader(io.StringIO(cli("report", "weekly", "--week", "2026-W46", "-f", "csv").stdout)))
    assert {"section": "totals", "item": "Received 受理", "measure": "This period", "value": "4"} in rows
    section = cli("report", "weekly", "--week", "2026-W46", "-f", "csv", "--section", "channel").stdout
    assert section.splitlines()[0] == "Channel,中文,Code,Complaints"
    assert "unknown section" in cli("report", "weekly", "-f", "csv", "--section", "nope", expect=2).stderr
    cli("report", "weekly", "--week", "2026-W46", "--fail-if-sla-below", "70", expect=4)
    cli("report", "weekly", "--week", "2026-W46", "--fail-if-sla-below", "40")
    same = json.loads(cli("report", "weekly", "--from", "2026-11-09", "--to", "2026-11-15", "-f", "json").stdout)
    assert same["totals"] == out["totals"]
    assert "cannot read week" in cli("report", "weekly", "--week", "W99", expect=2).stderr


def test_text_report_fits_a_narrow_terminal_without_folding_codes(known, cli, monkeypatch):
    """The bar charts take only the width the figures leave: at 80 columns a code such as
    billing_error used to be folded over two lines to make room for a 24-block bar."""
    from complaintctl.render.table import text_width

    known.close()
    data = json.loads(cli("report", "weekly", "--week", "2026-W46", "-f", "json").stdout)
    codes = [r["code"] for r in data["breakdowns"]["category"] if r["code"]]
    assert codes
    for columns in (80, 60):
        monkeypatch.setenv("COLUMNS", str(columns))
        text = cli("report", "weekly", "--week", "2026-W46").stdout
        assert max(text_width(line) for line in text.splitlines()) <= columns
        assert all(code in text for code in codes)
        if columns == 80:
            assert "█" in text  # at 80 columns the bars still fit beside the figures


def test_no_escape_sequence_from_the_data_reaches_the_terminal(cli):
    for _ in range(2):  # twice, so that it is among the top subjects
        cli("log", "-s", "evil \x1b[2J\x1b[31mRED\x07 bell", "--received", "2026-11-10 10:00")
    for fmt in ("text", "markdown"):
        out = cli("report", "weekly", "--week", "2026-W46", "-f", fmt).stdout
        assert "evil ?[2J?[31mRED? bell" in out and "\x1b" not in out and "\x07" not in out


def test_other_reports(known, cli):
    known.close()
    agents = json.loads(cli("report", "agents", "--week", "2026-W46", "-f", "json").stdout)
    assert [a["agent"] for a in agents["agents"]] == ["amy", "li"]
    sla = json.loads(cli("report", "sla", "--from", "2026-11-02", "--to", "2026-11-15", "-f", "json").stdout)
    assert [w["week"] for w in sla["by_week"]] == ["2026-W45", "2026-W46"]
    # #5 (high) was resolved on the 15th, and a survey reopened it: the resolution stays made
    assert {r["severity"]: r["resolution_total"] for r in sla["by_severity"]} == {"critical": 1, "high": 2, "medium": 0}
    causes = json.loads(cli("report", "causes", "--week", "2026-W46", "-f", "json").stdout)
    assert causes["without_cause"] == 4 and causes["causes"] == []
    trends = cli("report", "trends", "--weeks", "4", "-f", "markdown").stdout
    assert "| Week |" in trends


def test_pareto_marks_the_vital_few(conn):
    for i, cause in enumerate(["data"] * 6 + ["system"] * 3 + ["price"]):
        cid = new(conn, t(10, 1, i), subject=f"s{i}")
        core.classify(conn, cid, codes={"cause": cause}, actor="t", now=t(10, 2))
    data = reports.causes_report(conn, *reports.week_period("2026-W46"))
    assert [(r["code"], r["cumulative_pct"], r["vital_few"]) for r in data["causes"]] == [
        ("data", 60.0, True), ("system", 90.0, True), ("price", 100.0, False)]


def test_default_period_is_last_full_week():
    start, end, label = reports.last_full_week(datetime(2026, 11, 24, 3, tzinfo=UTC))  # a Tuesday
    assert label == "2026-W47" and start == t(16, 0) and end == t(23, 0)
    start, end, label = reports.last_full_week(datetime(2027, 1, 4, 12, tzinfo=UTC))  # Monday of W01
    assert label == "2026-W53"


def test_weekly_summary_view(known):
    rows = {r[0]: r[2:] for r in known.execute("SELECT * FROM weekly_summary")}
    assert rows["2026-W46"][:4] == (4, 3, 3, 1)  # received, responded, resolved (made, #5's too), closed
    assert rows["2026-W45"][:4] == (1, 1, 0, 0)


def test_csv_is_the_same_in_every_language_and_changes_are_numbers(known, cli, monkeypatch):
    """A cron job parsing `-f csv` must not break when LANG changes, and a change is two numbers,
    not the text "-6 (-13%)" that the formula guard wrote as "'-6 (-13%)"."""
    known.close()
    english = cli("report", "weekly", "--week", "2026-W46", "-f", "csv").stdout
    for env in ({"LANG": "zh_CN.UTF-8"}, {"COMPLAINTCTL_LANG": "zh"}):
        for name, value in env.items():
            monkeypatch.setenv(name, value)
        assert cli("report", "weekly", "--week", "2026-W46", "-f", "csv").stdout == english
        assert cli("report", "weekly", "--week", "2026-W46", "-f", "csv", "--lang", "zh").stdout == english
        assert "受理时间" not in cli("report", "weekly", "--week", "2026-W46", "-f", "csv", "--section", "totals").stdout
    assert "'" not in english
    rows = list(csv.DictReader(io.StringIO(english)))
    totals = {(r["item"], r["measure"]): r["value"] for r in rows if r["section"] == "totals"}
    assert totals[("Received 受理", "Change")] == "3" and totals[("Received 受理", "Change %")] == "300.0"
    assert totals[("Open backlog 未结", "Change")] == "2" and totals[("Reopened 重开", "Change %")] == ""
    period = {r["measure"]: r["value"] for r in rows if r["section"] == "period"}
    assert period == {"start": "2026-11-09T00:00:00Z", "end": "2026-11-16T00:00:00Z", "timezone": "UTC",
                      "running": "no", "elapsed %": ""}
    table = list(csv.reader(io.StringIO(cli("report", "weekly", "--week", "2026-W46", "-f", "csv", "--section",
                                            "totals").stdout)))
    assert table[0][:5] == ["Measure", "This period", "Previous", "Change", "Change %"]
    assert table[1][:5] == ["Received 受理", "4", "1", "3", "300.0"]


def test_a_running_period_has_no_change_in_any_format(known, cli):
    known.close()
    out = json.loads(cli("report", "weekly", "--from", "2026-11-09", "--to", "2099-01-01", "-f", "json").stdout)
    assert out["period"]["running"]["elapsed_pct"] < 100
    assert {(v["change"], v["change_pct"]) for v in out["totals"].values()} == {(None, None)}
    rows = list(csv.DictReader(io.StringIO(cli("report", "weekly", "--from", "2026-11-09", "--to", "2099-01-01",
                                               "-f", "csv").stdout)))
    assert {r["value"] for r in rows if r["section"] == "totals" and r["measure"].startswith("Change")} == {""}
    assert {r["measure"]: r["value"] for r in rows if r["section"] == "period"}["running"] == "yes"
    for fmt in ("text", "markdown", "html"):
        page = cli("report", "weekly", "--from", "2026-11-09", "--to", "2099-01-01", "-f", fmt).stdout
        assert "still running" in page and "%)" not in page.split("Reopened")[0].split("Received")[-1]


def test_a_month_is_titled_by_the_teams_days(conn, monkeypatch):
    """In Shanghai November starts at 16:00 UTC on 31 October: the title said 2026-10-31."""
    import time as clock

    from complaintctl.core.insight.periods import period
    from complaintctl.core.record.dates import parse_when

    monkeypatch.setenv("TZ", "Asia/Shanghai")
    clock.tzset()
    start = parse_when("2026-11-01", now=t(24, 0))
    end = parse_when("2026-11-30", now=t(24, 0), end_of_day=True)
    _, _, label = period(week=None, start=start, end=end, now=t(24, 0))
    assert label == "2026-11-01 – 2026-11-30"
    assert reports.weekly(conn, start, end, label)["period"]["start"] == "2026-10-31T16:00:00Z"


def test_the_previous_period_across_a_daylight_saving_change(conn, monkeypatch):
    """Berlin's week 2026-W43 is 169 hours long (summer time ends on 25 October): the week before
    it starts on Monday 00:00 local time, not an hour earlier."""
    import time as clock

    monkeypatch.setenv("TZ", "Europe/Berlin")
    clock.tzset()
    data = reports.weekly(conn, *reports.week_period("2026-W43"))
    assert (data["period"]["start"], data["period"]["end"]) == ("2026-10-18T22:00:00Z", "2026-10-25T23:00:00Z")
    assert (data["period"]["previous_start"], data["period"]["previous_end"]) == (
        "2026-10-11T22:00:00Z", "2026-10-18T22:00:00Z")
    after = reports.weekly(conn, *reports.week_period("2026-W44"))
    assert after["period"]["previous_start"] == "2026-10-18T22:00:00Z"
    agents = reports.agents_report(conn, *reports.week_period("2026-W44"))
    assert agents["period"]["previous_start"] == "2026-10-18T22:00:00Z"
