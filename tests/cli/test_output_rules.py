"""Rules every command's output keeps: one guarded CSV writer (--excel anywhere), control
characters escaped on a terminal only, --debug after the command, cron-friendly reports."""

import json
import os
import pty
import subprocess
import sys

import pytest

from complaintctl.render.terminal import escape_controls

EVIL = "=HYPERLINK(\"http://x\",\"点我\")"
NASTY = "退款\x1b]0;pwned\x07\u202eabc"  # an OSC that retitles the window, a bell, the RTL override


@pytest.fixture
def desk(cli):
    cli.log("-s", EVIL, "--customer", "+SUM(1)", "--severity", "high", "--tag", "-x")
    cli.log("-s", NASTY, "--customer", "@张三")
    return cli


def cells(text):
    import csv
    import io

    return list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))


@pytest.mark.parametrize("command", [
    ["list", "-f", "csv"], ["search", "HYPERLINK", "-f", "csv"], ["sql", "SELECT subject FROM complaints", "-f", "csv"],
    ["customers", "list", "-f", "csv"], ["customers", "show", "1", "-f", "csv"], ["export"],
    ["report", "weekly", "--from", "today", "--to", "tomorrow", "-f", "csv", "--section", "top_subjects"],
])
def test_every_csv_is_formula_guarded(desk, command):
    out = desk(*command).stdout
    flat = [c for row in cells(out) for c in row]
    assert not [c for c in flat if c.startswith(("=", "+", "@"))], flat
    assert any(c.startswith("'=") or c.startswith("'+") or c.startswith("'@") for c in flat) or "top_subjects" in command


def test_show_csv_and_the_report_csv_are_guarded_too(desk):
    desk("update", "1", "--note", "=1+1")
    assert "'=1+1" in desk("show", "1", "-f", "csv").stdout
    desk.log("-s", EVIL)
    out = desk("report", "weekly", "--from", "today", "--to", "tomorrow", "-f", "csv", "--section", "top_subjects").stdout
    assert cells(out)[1][0] == "'" + EVIL


@pytest.mark.parametrize("where", ["before", "after"])
def test_excel_anywhere_gives_a_bom_and_crlf(desk, where):
    args = ["--excel", "list", "-f", "csv"] if where == "before" else ["list", "-f", "csv", "--excel"]
    out = desk(*args).stdout_bytes  # bytes: .stdout turns CRLF into LF
    assert out.startswith("\ufeffid,".encode()) and out.count(b"\r\n") == 3
    assert desk("list", "-f", "csv").stdout.startswith("id,")  # not sticky: one run only
    assert "--excel goes with CSV" in desk("list", "-f", "json", "--excel", expect=2).stderr
    assert desk("export", "--excel").stdout.startswith("\ufeff")


def test_debug_after_the_subcommand_shows_the_traceback(desk):
    assert desk("show", "99", expect=1).stderr.strip() == "error: no complaint #99 (see `complaintctl list`)"
    result = desk("show", "99", "--debug", expect=None)
    assert type(result.exception).__name__ == "NotFound"  # raised through: the traceback shows
    assert desk("sla", "status", "--debug").exit_code == 0


def test_the_report_file_is_named_by_the_week_it_reports_and_cron_hears_nothing(desk, tmp_path):
    target = tmp_path / "reports" / "{week}.html"
    result = desk("report", "weekly", "--week", "2026-W48", "-f", "html", "-o", str(target))
    assert result.stderr == "" and result.stdout == ""
    assert (tmp_path / "reports" / "2026-W48.html").exists()
    desk("report", "weekly", "--from", "2026-11-01", "--to", "2026-11-30", "-o", str(tmp_path / "{start}_{end}.md"),
         "-f", "markdown")
    assert (tmp_path / "2026-11-01_2026-11-30.md").exists()
    assert "placeholders: {week}, {start}, {end}" in desk("report", "weekly", "-o", str(tmp_path / "{wk}.txt"),
                                                          expect=2).stderr


def test_escaping_keeps_json_valid_and_the_data_the_same():
    text = json.dumps({"s": NASTY}, ensure_ascii=False)
    shown = escape_controls(text)
    assert "\x1b" not in shown and "\u202e" not in shown and "\x07" not in shown
    assert "\\u001b]0;pwned\\u0007\\u202eabc" in shown
    assert json.loads(shown) == {"s": NASTY}
    assert escape_controls("普通的中文 text\tand a tab\n") == "普通的中文 text\tand a tab\n"


def _on_a_terminal(db_path, *args, stream: str = "stdout") -> str:
    """Run the real command with stdout (or stderr) on a pseudo-terminal; what the terminal received."""
    main, child = pty.openpty()
    env = {**os.environ, "COMPLAINTCTL_DB": str(db_path), "NO_COLOR": "1", "COLUMNS": "200"}
    streams = {"stdout": child, "stderr": subprocess.PIPE} if stream == "stdout" else \
        {"stdout": subprocess.PIPE, "stderr": child}
    proc = subprocess.run([sys.executable, "-m", "complaintctl", *args], **streams, env=env, timeout=60)
    os.close(child)
    chunks = []
    while True:
        try:
            data = os.read(main, 65536)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    os.close(main)
    assert proc.returncode == 0, proc.stderr or proc.stdout
    return b"".join(chunks).decode("utf-8")


@pytest.mark.parametrize("args", [["list", "-f", "csv"], ["list", "-f", "json"], ["export"], ["show", "2", "-f", "json"]])
def test_control_characters_are_escaped_on_a_terminal_and_exact_in_a_pipe(desk, db_path, args):
    shown = _on_a_terminal(db_path, *args)
    assert "退款" in shown and "\\u001b]0;pwned\\u0007\\u202eabc" in shown
    assert not {"\x1b", "\x07", "\u202e"} & set(shown)
    piped = desk(*args).stdout
    assert NASTY in piped or json.dumps(NASTY, ensure_ascii=False)[1:-1] in piped


def test_reply_texts_and_messages_naming_the_data_are_escaped_on_a_terminal(desk, db_path, tmp_path):
    desk("replies", "add", "evil:zh", "--text", "您好 " + NASTY)
    shown = _on_a_terminal(db_path, "replies", "show", "evil:zh")
    assert "\\u001b]0;pwned\\u0007" in shown and not {"\x1b", "\x07", "\u202e"} & set(shown)
    assert NASTY in desk("replies", "show", "evil:zh").stdout  # a pipe keeps the text exact

    f = tmp_path / "nasty.csv"  # a label from someone else's file reaches the summary on stderr
    f.write_text(f"subject,received,category\n投诉,2026-11-01,{NASTY}\n", encoding="utf-8")
    told = _on_a_terminal(db_path, "import", str(f), stream="stderr")
    # the progress bar draws with escape sequences of its own; the data's never reach the terminal
    assert "\\u001b]0;pwned" in told and "\x1b]0;pwned" not in told and not {"\x07", "\u202e"} & set(told)


def test_the_csv_line_end_on_a_terminal_is_a_line_end_and_a_bare_carriage_return_is_escaped(desk, db_path):
    desk("update", "2", "--description", "bare\rreturn")
    shown = _on_a_terminal(db_path, "export")  # export writes CRLF, as Excel expects
    lines = [line.rstrip("\r") for line in shown.split("\n") if line]  # the terminal adds its own CR
    assert len(lines) == 3 and not [line for line in lines if line.endswith("\\u000d")], lines[0][-20:]
    assert "bare\\u000dreturn" in shown
    assert escape_controls("a,b\r\n") == "a,b\r\n" and escape_controls("a\rb") == "a\\u000db"
