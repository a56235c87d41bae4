"""One output option family: -f/--format is what a command prints, everywhere; commands that
change a complaint can print it as JSON."""

import json

import typer.main

from complaintctl.cli import app


def _commands(command, path=()):
    for name, sub in getattr(command, "commands", {}).items():
        yield from _commands(sub, (*path, name))
    if not hasattr(command, "commands"):
        yield " ".join(path), command


def test_f_and_format_are_one_option_everywhere():
    """Wherever -f or --format appears, both name the same option, the output format."""
    seen = 0
    for name, command in _commands(typer.main.get_command(app)):
        for param in command.params:
            spellings = set(param.opts) | set(param.secondary_opts)
            if spellings & {"-f", "--format"}:
                seen += 1
                assert {"-f", "--format"} <= spellings, f"{name}: {sorted(spellings)}"
                assert param.name in ("fmt", "out_format"), f"{name}: -f/--format is {param.name}"
    assert seen > 30  # the scan saw the commands


def test_log_json_is_the_whole_complaint_as_one_object(cli):
    out = cli("log", "-s", "洗衣机漏水", "-d", "第二次了", "-c", "李雷", "-f", "json").stdout
    data = json.loads(out)
    assert isinstance(data, dict)
    assert (data["subject"], data["description"], data["customer"]["name"]) == ("洗衣机漏水", "第二次了", "李雷")
    assert data["events"][0]["action"] == "logged"
    line = cli("log", "-s", "second", "-f", "ndjson").stdout
    assert line.count("\n") == 1 and json.loads(line)["subject"] == "second"


def test_a_change_prints_the_complaint_after_it_with_its_changes(cli):
    cid = cli("log", "-s", "slow reply").stdout.strip()
    data = json.loads(cli("update", cid, "--status", "acknowledged", "-f", "json").stdout)
    assert data["status"] == "acknowledged"
    assert data["changes"] == [{"field": "status", "old": "new", "new": "acknowledged"}]
    data = json.loads(cli("classify", cid, "--severity", "high", "-f", "json").stdout)
    assert data["severity"] == "high" and {"field": "severity", "old": None, "new": "high"} in data["changes"]
    row = cli("close", cid, "--outcome", "resolved", "-r", "fixed", "-f", "csv").stdout.splitlines()
    assert row[0].startswith("id,") and row[1].startswith(f"{cid},")


def test_import_reads_input_format_and_the_old_output_spelling_still_works(cli, tmp_path):
    feed = tmp_path / "feed.txt"
    feed.write_text('{"subject": "from a feed"}\n', encoding="utf-8")
    done = cli("import", "--received-now", str(feed), "--input-format", "ndjson", "-f", "json")
    assert json.loads(done.stdout)[0]["inserted"] == 1
    old = cli("import", "--received-now", str(feed), "--input-format", "ndjson", "--output-format", "json")
    assert json.loads(old.stdout)[0]["unchanged"] == 1
    assert "--output-format is now -f/--format" in old.stderr


def test_claim_and_survey_print_the_complaint_too(cli):
    cid = cli("log", "-s", "no answer").stdout.strip()
    cli("agents", "add", "amy")
    data = json.loads(cli("--actor", "amy", "claim", cid, "-f", "json").stdout)
    assert data["assignee"] == "amy" and data["changes"] == [{"field": "assignee", "old": None, "new": "amy"}]
    cli("close", cid, "--outcome", "resolved", "-r", "called back")
    data = json.loads(cli("survey", cid, "--score", "4", "-f", "json").stdout)
    assert [s["score"] for s in data["surveys"]] == [4]
