"""Inputs that used to end in "internal error": each is now one clear line and exit 1 or 2."""

from __future__ import annotations

import os

import pytest


def _clear(result, code: int) -> str:
    assert result.exit_code == code, (result.exit_code, result.stderr)
    assert "internal error" not in result.stderr and "Traceback" not in result.stderr
    assert result.stderr.startswith("error: ") and result.stderr.count("\n") == 1
    return result.stderr


@pytest.mark.parametrize("data", ["SELECT '投诉'".encode("gbk"), b"SELECT '\xff\xfe'", b"SELECT 1 -- \xc3"])
def test_text_on_stdin_that_is_not_utf8_is_refused_clearly(cli, data):
    stderr = _clear(cli("sql", "-", input=data, expect=None), 2)
    assert "the query on standard input is not UTF-8 text (byte 0x" in stderr and "iconv" in stderr


def test_a_note_on_stdin_that_is_not_utf8_is_refused_and_nothing_changes(cli):
    cid = cli.log("--subject", "Leaking machine")
    stderr = _clear(cli("update", cid, "--note", "-", input="已致电客户".encode("gb18030"), expect=None), 2)
    assert "not UTF-8 text" in stderr
    assert "已致电" not in cli("show", cid).stdout


def test_utf8_with_a_byte_order_mark_on_stdin_is_read(cli):
    assert "1" in cli("sql", "-", input="\ufeffSELECT 1 AS one".encode()).stdout


@pytest.mark.parametrize("args", [("show", "99999999999999999999"), ("show", "²"), ("assign", "9" * 40, "--to", "x"),
                                  ("overdue", "--within", "99999999999999999999d"), ("overdue", "--within", "9" * 400 + "h"),
                                  ("sla", "set", "high", "--respond", "999999999w"), ("list", "--since", "5"),
                                  ("list", "--until", "2026"), ("list", "--since", "99999999999 days ago"),
                                  ("list", "--since", "9999-12-31T23:59:59-12:00")])
def test_huge_numbers_and_bare_numbers_are_bad_input(cli, args):
    _clear(cli(*args, expect=None), 2)


def test_a_bare_number_is_not_read_as_a_date(cli):
    assert "a bare number is not a date" in cli("list", "--since", "5", expect=2).stderr
    assert "'5 days ago'" in cli("list", "--since", "5", expect=2).stderr
    cli("list", "--since", "5 days ago")


def test_a_time_out_of_range_in_one_cell_rejects_that_row_only(cli, tmp_path):
    source = tmp_path / "calls.csv"
    source.write_text("subject,received\nfine,2026-11-03 14:05\nfar,9999-12-31T23:59:59-12:00\nalso fine,2026-11-04\n",
                      encoding="utf-8")
    result = cli("import", str(source), expect=3)
    assert "inserted 2" in result.stdout and "rejected 1" in result.stdout
    assert "internal error" not in result.stderr
    assert "9999-12-31" in (tmp_path / "calls.rejects.csv").read_text(encoding="utf-8-sig")


def test_a_full_disk_during_export_is_said_plainly(cli, tmp_path, monkeypatch):
    """The disk fills as the export is flushed (/dev/full, a device, is no longer an output)."""
    import errno

    def full(fd):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    cli.log("--subject", "big", "--description", "x" * 5000)
    target = tmp_path / "out" / "all.csv"
    target.parent.mkdir()
    target.write_text("yesterday's export")
    monkeypatch.setattr(os, "fsync", full)
    stderr = _clear(cli("export", "-o", str(target), expect=None), 1)
    assert "No space left on device" in stderr
    assert os.listdir(target.parent) == ["all.csv"] and target.read_text() == "yesterday's export"


def test_json_nested_too_deeply_is_rejected_not_a_crash(cli, tmp_path):
    deep = '{"a": ' * 980 + "1" + "}" * 980
    lines = tmp_path / "calls.ndjson"
    lines.write_text(f'{{"subject": "fine"}}\n{{"subject": "deep", "extra": {deep}}}\n', encoding="utf-8")
    result = cli("import", "--received-now", str(lines), expect=None)
    assert result.exit_code in (0, 3) and "internal error" not in result.stderr
    assert "inserted 1" in result.stdout or "inserted 2" in result.stdout
