import json
from datetime import date

from conftest import execute, query


def q(db, sql, *params):
    return query(db, sql, *params)


def test_sla_show_set_and_check(cli, db_path):
    rows = json.loads(cli("sla", "show", "-f", "json").stdout)
    assert [(r["severity"], r["respond_target"], r["resolve_target"]) for r in rows] == [
        ("critical", "1h", "24h"), ("high", "4h", "3d"), ("medium", "1bd", "5bd"), ("low", "2bd", "10bd")]
    cli.log("-s", "x", "--severity", "high", "--received", "2026-11-02 08:00")
    result = cli("sla", "set", "high", "--respond", "2h")
    assert "1 open complaint recomputed" in result.stderr
    assert q(db_path, "SELECT respond_due_at FROM complaints") == [("2026-11-02T10:00:00Z",)]
    assert "cannot read SLA target" in cli("sla", "set", "high", "--respond", "soon", expect=2).stderr
    assert "unknown severity" in cli("sla", "set", "whenever", "--respond", "1h", expect=2).stderr
    assert "matches the event log" in cli("sla", "check").stderr
    q(db_path, "SELECT 1")
    execute(db_path, "UPDATE complaints SET respond_due_at = '2031-01-01T00:00:00Z'")
    assert "differ" in cli("sla", "check", expect=1).stderr


def test_sla_set_moves_the_clocks_the_default_runs(cli, db_path):
    """A complaint timed by `sla default medium` follows `sla set medium` (it kept its old due
    time: `sla check` failed and `overdue` called it late a day early; issue 21)."""
    cli("sla", "default", "medium")
    unclassified = cli.log("-s", "x", "--received", "2026-11-02 08:00")
    cli.log("-s", "y", "--severity", "medium", "--received", "2026-11-02 08:00")
    cli.log("-s", "z", "--severity", "high", "--received", "2026-11-02 08:00")
    result = cli("sla", "set", "medium", "--respond", "2d", "--resolve", "9d")
    assert "2 open complaints recomputed" in result.stderr
    assert q(db_path, "SELECT respond_due_at, resolve_due_at FROM complaints WHERE id = ?", unclassified) == [
        ("2026-11-04T08:00:00Z", "2026-11-11T08:00:00Z")]
    assert "matches the event log" in cli("sla", "check").stderr
    late = json.loads(cli("overdue", "--as-of", "2026-11-03 09:00", "-f", "json").stdout)
    assert unclassified not in [r["id"] for r in late]


def test_calendar_commands(cli, db_path, tmp_path):
    cli.log("-s", "x", "--severity", "medium", "--received", "2026-11-06 09:00")  # Friday, TZ=UTC in tests
    cli("sla", "calendar", "set", "--timezone", "Asia/Shanghai", "--workdays", "mon-fri", "--hours", "09:00-18:00")
    cli("sla", "calendar", "holiday", "2026-11-09", "--note", "公司假日")
    cli("sla", "calendar", "workday", "2026-11-08", "--note", "调休")
    f = tmp_path / "cal.txt"
    f.write_text("2026-10-01..2026-10-07 holiday 国庆节\n", encoding="utf-8")
    cli("sla", "calendar", "import", f)
    info = json.loads(cli("sla", "calendar", "show", "-f", "json").stdout)
    assert info["enabled"] == 1 and info["timezone"] == "Asia/Shanghai" and len(info["days"]) == 9
    # Friday 17:00 Shanghai + 1 working day (9h): 1h Friday, Sunday 8th is a working day -> Sunday 17:00
    assert q(db_path, "SELECT respond_due_at FROM complaints") == [("2026-11-08T09:00:00Z",)]
    assert "unknown time zone" in cli("sla", "calendar", "set", "--timezone", "Mars/Base", expect=2).stderr
    cli("sla", "calendar", "set", "--off")
    assert q(db_path, "SELECT respond_due_at FROM complaints") == [("2026-11-07T09:00:00Z",)]


def test_calendar_use_cn(cli, db_path):
    # received Wednesday Sep 30 2026 17:00 Beijing: 1 working hour left, then the Golden Week
    cli.log("-s", "x", "--severity", "medium", "--received", "2026-09-30 09:00")
    result = cli("sla", "calendar", "use", "CN", "--years", "2026")
    assert "Calendar CN from holidays" in result.stderr and "2026 published" in result.stderr
    assert "known until 2026-12-31" in result.stderr
    assert "Time zone set to Asia/Shanghai" in result.stderr
    assert q(db_path, "SELECT respond_due_at FROM complaints") == [("2026-10-08T09:00:00Z",)]
    assert q(db_path, "SELECT kind FROM sla_calendar_days WHERE day IN ('2026-09-20', '2026-10-10', '2026-10-07') "
             "ORDER BY day") == [("workday",), ("holiday",), ("workday",)]
    info = json.loads(cli("sla", "calendar", "show", "-f", "json").stdout)
    assert info["region"] == "CN" and info["years"][0]["basis"] == "published" and info["enabled"] == 1
    shown = cli("sla", "calendar", "show").stdout
    assert "holidays   CN: 2026 published; known until 2026-12-31" in shown
    # the real clock: from November 2026 on, the end of the published 2026 schedule is within 60 days
    if date.today() >= date(2026, 11, 2):
        for command in (["sla", "status"], ["sla", "calendar", "show"]):
            assert "warning: the CN holiday calendar" in cli(*command).stderr
        checked = json.loads(cli("check", "-f", "json").stdout)
        finding = next(f for f in checked if f["check"] == "holiday calendar")
        assert finding["result"] == "warning" and "upgrade the holidays package" in finding["fix"]
    assert "no public holiday calendar for 'XX'" in cli("sla", "calendar", "use", "XX", expect=2).stderr
    assert "cannot read years" in cli("sla", "calendar", "use", "CN", "--years", "next", expect=2).stderr


def test_overdue_command_formats_and_exit_code(cli):
    cli("agents", "add", "li")
    cli.log("-s", "late one", "--severity", "critical", "--received", "2 days ago")
    cli.log("-s", "fine", "--severity", "low")
    cli("assign", "1", "--to", "li")
    out = cli("overdue").stdout
    assert "late one" in out and "over" in out and "fine" not in out
    rows = json.loads(cli("overdue", "-f", "json").stdout)
    assert [(r["id"], r["state"], r["assignee"]) for r in rows] == [(1, "overdue", "li")]
    cli("overdue", "--exit-code", expect=1)
    assert json.loads(cli("overdue", "--within", "3d", "-f", "json").stdout)[1]["state"] == "due_soon"
    # business time reads as the SLA targets read it: without a calendar 2bd counts like 2d
    assert [r["id"] for r in json.loads(cli("overdue", "--within", "4bh", "-f", "json").stdout)] == [1]
    assert [r["id"] for r in json.loads(cli("overdue", "--within", "3bd", "-f", "json").stdout)] == [1, 2]
    assert "cannot read --within 'soon'" in cli("overdue", "--within", "soon", expect=2).stderr
    assert json.loads(cli("overdue", "--as-of", "3 days ago", "-f", "json").stdout) == []
    # waiting on the customer after the deadline passed does not make it on time (docs/sla.md)
    cli("update", "1", "--status", "waiting")
    assert "1d over, waiting" in cli("overdue", "--exit-code", expect=1).stdout
    cli("update", "2", "--status", "waiting")  # paused before its deadline: off the list
    assert [r["id"] for r in json.loads(cli("overdue", "--within", "30d", "-f", "json").stdout)] == [1]


def test_escalate_survey_followups_sweep(cli, db_path):
    cli("agents", "add", "boss", "--lead")
    cli.log("-s", "x", "--severity", "medium")
    assert "severity: medium -> high" in cli("escalate", "1", "--to", "boss", "--reason", "VIP").stderr
    assert [r["id"] for r in json.loads(cli("list", "--escalated", "-f", "json").stdout)] == [1]
    assert "surveys follow a resolution" in cli("survey", "1", "--score", "5", expect=1).stderr
    cli("update", "1", "--status", "resolved")
    assert [r["id"] for r in json.loads(cli("followups", "-f", "json").stdout)] == [1]
    cli("survey", "1", "--score", "6", expect=2)
    assert "reopened" in cli("survey", "1", "--score", "2", "--comment", "不满意", "--reopen").stderr
    assert q(db_path, "SELECT status FROM complaints") == [("investigating",)]
    cli("update", "1", "--status", "resolved")
    assert "would close 0" in cli("sweep", "--dry-run").stderr
    execute(db_path, "UPDATE complaints SET received_at = '2025-12-01T00:00:00Z', first_response_at = "
                     "'2025-12-01T01:00:00Z', resolved_at = '2026-01-01T00:00:00Z'",  # resolved long ago,
            "UPDATE surveys SET at = '2025-12-31T00:00:00Z'")  # its only survey before that
    assert "closed 1" in cli("sweep").stderr
    assert "closed 0" in cli("sweep").stderr
    cli("sweep", "--close-after", "30", "--save")
    assert q(db_path, "SELECT value FROM settings WHERE key = 'sweep_close_resolved_after_days'") == [("30",)]
    assert "Satisfaction" in cli("show", "1").stdout


def test_team_time_zone_for_display_and_report_weeks(cli, monkeypatch):
    """A UTC server, a Shanghai team: times show in Beijing time, weeks start at Beijing midnight."""
    monkeypatch.delenv("TZ")
    cid = cli.log("-s", "x", "--severity", "high", "--received", "2026-11-16T01:30:00Z")
    assert "2026-11-16 01:30" in cli("show", cid).stdout  # no team zone yet: the machine's (UTC here)
    cli("sla", "calendar", "set", "--timezone", "Asia/Shanghai", "--off")
    shown = cli("show", cid).stdout
    assert "2026-11-16 09:30" in shown and "2026-11-16 13:30" in shown  # received, respond by (4h)
    period = json.loads(cli("report", "weekly", "--week", "2026-W47", "-f", "json").stdout)["period"]
    assert (period["start"], period["end"]) == ("2026-11-15T16:00:00Z", "2026-11-22T16:00:00Z")
    assert "Asia/Shanghai" in cli("report", "weekly", "--week", "2026-W47").stdout
    # typed times are the team's too: 09:00 Beijing
    other = cli.log("-s", "y", "--received", "2026-11-17 09:00")
    assert q(cli.db_path, "SELECT received_at FROM complaints WHERE id = ?", other) == [("2026-11-17T01:00:00Z",)]
    # --tz, then $TZ, say otherwise
    assert "2026-11-16 02:30" in cli("--tz", "Europe/Berlin", "show", cid).stdout
    assert "2026-11-16 01:30" in cli("show", cid, env={"TZ": "UTC"}).stdout
    assert "unknown time zone 'Mars/Base'" in cli("--tz", "Mars/Base", "show", cid, expect=2).stderr
    import os

    assert "TZ" not in os.environ  # a command leaves the process's zone as it found it
