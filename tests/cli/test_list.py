import csv
import io
import json

import pytest

from complaintctl.core.desk import complaints as core


@pytest.fixture
def seeded(cli):
    cli("agents", "add", "li.wei")
    cli("agents", "add", "amy")
    cli.log("-s", "Washer leaks", "--customer", "Alice", "--channel", "phone", "--category",
            "product_quality", "--severity", "high", "--received", "2026-11-01 09:00", "--tag", "washer")
    cli.log("-s", "快递三天没到", "--customer", "王芳", "--company", "芳华有限公司", "--channel", "web",
            "--category", "delivery_delay", "--severity", "low", "--received", "2026-11-05 10:00")
    cli.log("-s", "Rude agent on the phone", "--channel", "phone", "--category", "service_attitude",
            "--severity", "critical", "--received", "2026-11-10 11:00", "--tag", "washer", "--tag", "vip")
    cli("assign", "1", "--to", "li.wei")
    cli("assign", "2", "--to", "amy")
    cli("close", "2", "--outcome", "resolved", "-r", "已送达")
    return cli


def ids(result):
    return [r["id"] for r in json.loads(result.stdout)]


def test_newest_first_by_default(seeded):
    assert ids(seeded("list", "-f", "json")) == [3, 2, 1]


@pytest.mark.parametrize(
    "args, expected",
    [
        (["--open"], [3, 1]),
        (["--closed"], [2]),
        (["--status", "closed"], [2]),
        (["--status", "new", "--status", "closed"], [3, 2, 1]),
        (["--category", "product_quality"], [1]),
        (["--severity", "critical"], [3]),
        (["--assignee", "amy"], [2]),
        (["--unassigned"], [3]),
        (["--customer", "alice"], [1]),
        (["--customer", "芳华"], [2]),
        (["--channel", "phone"], [3, 1]),
        (["--tag", "washer"], [3, 1]),
        (["--tag", "washer", "--tag", "vip"], [3]),
        (["--since", "2026-11-05"], [3, 2]),
        (["--until", "2026-11-05"], [2, 1]),
        (["--since", "2026年11月2日", "--until", "2026/11/9"], [2]),
        (["--sort", "severity"], [3, 1, 2]),
        (["--sort", "received:asc"], [1, 2, 3]),
        (["--sort", "id", "--limit", "2"], [1, 2]),
    ],
)
def test_filters(seeded, args, expected):
    assert ids(seeded("list", *args, "-f", "json")) == expected


def test_bad_filters_are_usage_errors(seeded):
    assert "unknown status" in seeded("list", "--status", "nope", expect=2).stderr
    assert "unknown category" in seeded("list", "--category", "nope", expect=2).stderr
    assert "unknown sort key" in seeded("list", "--sort", "colour", expect=2).stderr
    assert "cannot read --since" in seeded("list", "--since", "someday", expect=2).stderr


def test_table_has_aligned_chinese(seeded):
    out = seeded("list").stdout
    lines = out.splitlines()
    assert lines[0].startswith("ID") and "Subject" in lines[0]
    from complaintctl.render.table import text_width

    # the column after Customer starts at the same display column on every row
    header_col = text_width(lines[0][: lines[0].index("Assignee")])
    row = next(line for line in lines if "王芳" in line)
    assert text_width(row[: row.index("amy")]) == header_col


@pytest.mark.parametrize("columns", [60, 80, 100, 120])
def test_table_never_wider_than_the_terminal(seeded, monkeypatch, columns):
    """A line wider than the terminal wraps and scrambles the table: narrow terminals lose
    the least needed columns (category, assignee, customer, received) before the subject
    gets unreadable."""
    from complaintctl.render.table import text_width

    seeded.log("-s", "A subject long enough to need cutting in any terminal " * 2, "--customer", "王芳芳芳芳",
               "--category", "after_sales", "--severity", "medium")
    monkeypatch.setenv("COLUMNS", str(columns))
    lines = seeded("list").stdout.splitlines()
    assert max(text_width(line) for line in lines) <= columns
    header = lines[0].split()
    assert header[:1] == ["ID"] and "Status" in header and "SLA" in header and header[-1] == "Subject"
    assert ("Category" in header) == (columns >= 120)  # the first to go
    if columns <= 60:
        assert not {"Assignee", "Customer"} & set(header)
    assert any("A subject long enough" in line for line in lines)


def test_csv_and_ndjson_formats(seeded):
    rows = list(csv.DictReader(io.StringIO(seeded("list", "-f", "csv").stdout)))
    assert [r["id"] for r in rows] == ["3", "2", "1"]
    assert rows[1]["customer_name"] == "王芳" and rows[1]["received_at"] == "2026-11-05T10:00:00Z"
    lines = seeded("list", "-f", "ndjson").stdout.splitlines()
    assert [json.loads(line)["id"] for line in lines] == [3, 2, 1]


def test_empty_list_says_so_on_stderr(cli):
    result = cli("list")
    assert "No complaints match" in result.stderr


def test_table_default_limit_mentions_the_rest(cli, conn):
    for i in range(102):  # seeded through core: what is tested is list, not 102 runs of log
        core.log_complaint(conn, core.NewComplaint(f"c{i}"), actor="t")
    result = cli("list")
    assert "2 more not shown (100 of 102); use --limit N for more, --limit 0 for all." in result.stderr
    assert len(json.loads(cli("list", "-f", "json").stdout)) == 102


def test_list_and_export_text_filter_use_the_search_index(seeded):
    seeded("update", "1", "--note", "已联系维修师傅上门")
    seeded.log("-s", "Dryer makes noise", "--description", "The DRUM rattles at night")
    assert ids(seeded("list", "--text", "leaks", "-f", "json")) == [1]
    assert ids(seeded("list", "-q", '"rattles at night"', "-f", "json")) == [4]
    assert ids(seeded("list", "-q", "washer", "-f", "json")) == [3, 1]  # list's order: newest first
    rows = list(csv.DictReader(io.StringIO(seeded("export", "-q", "维修师傅").stdout)))
    assert [r["id"] for r in rows] == ["1"]


def test_list_since_and_until_a_period_as_people_say_it(cli, db_path):
    from datetime import date, timedelta

    today = date.today()
    monday = today - timedelta(days=today.weekday())
    last_week = (monday - timedelta(days=3)).isoformat()
    cli.log("-s", "上周的投诉", "--received", f"{last_week} 10:00")
    cli.log("-s", "两周前", "--received", f"{(monday - timedelta(days=10)).isoformat()} 10:00")
    out = cli("list", "--since", "上周", "--until", "上周", "-f", "json").stdout
    assert [r["subject"] for r in json.loads(out)] == ["上周的投诉"]
