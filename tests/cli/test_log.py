import json

import pytest

from conftest import row


def test_log_prints_new_id_and_stores_everything(cli, db_path):
    result = cli("log", "--subject", "洗衣机漏水", "--customer", "李雷", "--email", "Li.Lei@Example.com",
                 "--phone", "+86 138-0013-8000", "--company", "韩梅梅贸易", "--channel", "phone",
                 "--description", "第二次漏水了", "--remedy", "repair", "--received", "2026/11/3 14:05",
                 "--category", "product_quality", "--severity", "high", "--ref", "T-1001",
                 "--tag", "洗衣机", "--tag", "Repeat")
    assert result.stdout.strip() == "1"
    assert "Logged complaint #1" in result.stderr
    c = row(db_path, "SELECT * FROM complaints WHERE id = 1")
    assert c["subject"] == "洗衣机漏水"
    assert c["status"] == "new"
    assert c["channel"] == "phone" and c["remedy"] == "repair"
    assert c["category"] == "product_quality" and c["severity"] == "high"
    assert c["ref"] == "T-1001"
    assert c["received_at"] == "2026-11-03T14:05:00Z"  # TZ=UTC in tests
    assert c["created_by"] == "tester"
    cu = row(db_path, "SELECT * FROM customers WHERE id = ?", c["customer_id"])
    assert cu["email_normalized"] == "li.lei@example.com"
    assert cu["phone_normalized"] == "13800138000"
    tags = row(db_path, "SELECT group_concat(tag) FROM complaint_tags")[0]
    assert set(tags.split(",")) == {"洗衣机", "repeat"}
    ev = row(db_path, "SELECT * FROM events WHERE complaint_id = 1")
    assert ev["action"] == "logged" and ev["actor"] == "tester" and ev["new_value"] == "new"


def test_only_subject_is_required_and_anonymous_is_fine(cli, db_path):
    assert cli.log("--subject", "anonymous letter") == 1
    assert row(db_path, "SELECT customer_id FROM complaints")[0] is None


def test_missing_subject_off_a_tty_is_a_usage_error_not_a_prompt(cli):
    result = cli("log", "--customer", "x", expect=2)
    assert "subject is required" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_description_from_stdin(cli, db_path):
    cli("log", "--subject", "s", "--description", "-", input="line one\n第二行\n")
    assert row(db_path, "SELECT description FROM complaints")[0] == "line one\n第二行"


@pytest.mark.parametrize(
    "typed, stored",
    [
        ("2026-11-03T14:05:00Z", "2026-11-03T14:05:00Z"),
        ("2026-11-03 14:05", "2026-11-03T14:05:00Z"),
        ("2026/11/3 14:05", "2026-11-03T14:05:00Z"),
        ("3 Nov 2026", "2026-11-03T00:00:00Z"),
        ("2026年11月3日 14:05", "2026-11-03T14:05:00Z"),
        ("2026年11月3日", "2026-11-03T00:00:00Z"),
        ("2026-11-03T22:05:00+08:00", "2026-11-03T14:05:00Z"),
    ],
)
def test_received_accepts_dates_as_people_type_them(cli, db_path, typed, stored):
    cli("log", "--subject", "s", "--received", typed)
    assert row(db_path, "SELECT received_at FROM complaints")[0] == stored


@pytest.mark.parametrize("bad", ["2026-02-30", "2026年13月1日", "not a date", "2026/11/31 10:00"])
def test_impossible_dates_are_refused_with_exit_2(cli, db_path, bad):
    result = cli("log", "--subject", "s", "--received", bad, expect=2)
    assert "--received" in result.stderr
    assert row(db_path, "SELECT count(*) FROM complaints")[0] == 0


def test_future_received_time_is_refused(cli):
    assert "future" in cli("log", "-s", "s", "--received", "2099-01-01", expect=2).stderr


def test_unknown_code_fails_and_lists_valid_ones(cli, db_path):
    result = cli("log", "--subject", "s", "--category", "nonsense", expect=2)
    assert "unknown category 'nonsense'" in result.stderr
    assert "product_quality" in result.stderr and "billing_error" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert row(db_path, "SELECT count(*) FROM complaints")[0] == 0


def test_codes_accept_case_dashes_and_labels(cli, db_path):
    cli("log", "-s", "a", "--category", "Product-Quality", "--channel", "电话", "--severity", "High")
    c = row(db_path, "SELECT category, channel, severity FROM complaints")
    assert tuple(c) == ("product_quality", "phone", "high")


def test_duplicate_ref_is_refused(cli, db_path):
    cli("log", "-s", "a", "--ref", "X-1")
    result = cli("log", "-s", "b", "--ref", "X-1", expect=1)
    assert "already complaint #1" in result.stderr
    assert row(db_path, "SELECT count(*) FROM complaints")[0] == 1


def test_customer_matched_by_normalised_phone_and_email(cli, db_path):
    cli("log", "-s", "first", "--customer", "王芳", "--phone", "+86 139 1234 5678")
    cli("log", "-s", "second", "--phone", "139-1234-5678")
    cli("log", "-s", "third", "--phone", "008613912345678", "--email", "WF@Example.cn")
    cli("log", "-s", "fourth", "--email", "wf@example.cn ")
    assert row(db_path, "SELECT count(*) FROM customers")[0] == 1
    assert row(db_path, "SELECT count(DISTINCT customer_id) FROM complaints")[0] == 1
    # details missing on the first record are filled in, never overwritten
    assert row(db_path, "SELECT email, name FROM customers")[:] == ("WF@Example.cn", "王芳")


def test_phone_in_scientific_notation_is_refused(cli, db_path):
    result = cli("log", "-s", "x", "--phone", "1.38001E+10", expect=2)
    assert "scientific notation" in result.stderr and "Traceback" not in result.stderr
    assert row(db_path, "SELECT count(*) FROM complaints")[0] == 0


def test_warns_when_same_customer_has_similar_open_complaint(cli):
    cli("log", "-s", "洗衣机漏水", "--email", "a@b.cn")
    result = cli("log", "-s", "洗衣机还是漏水", "--email", "a@b.cn")
    assert "warning" in result.stderr and "#1" in result.stderr
    assert result.stdout.strip() == "2"
    quiet = cli("log", "-s", "invoice is wrong", "--email", "a@b.cn")
    assert "warning" not in quiet.stderr


def test_log_json_output_has_column_names(cli):
    result = cli("log", "-s", "json please", "--severity", "low", "--format", "json")
    data = json.loads(result.stdout)  # one object, the whole complaint (issue 14), not a one-item list
    assert data["id"] == 1 and data["severity"] == "low" and data["status"] == "new"


def test_invalid_email_is_a_usage_error(cli):
    assert "invalid email" in cli("log", "-s", "x", "--email", "not-an-email", expect=2).stderr


def test_huge_subject_refused_but_huge_description_kept(cli, db_path):
    cli("log", "-s", "x" * 600, expect=2)
    big = "长" * 1_000_000
    cli("log", "-s", "big", "--description", "-", input=big)
    assert len(row(db_path, "SELECT description FROM complaints")[0]) == 1_000_000


def test_nul_bytes_are_dropped_from_text(cli, db_path):
    cli("log", "-s", "a\x00b")
    assert row(db_path, "SELECT subject FROM complaints")[0] == "ab"


def test_on_a_tty_log_prompts_for_what_is_missing(cli, db_path, monkeypatch):
    import complaintctl.cli.complaints as commands

    monkeypatch.setattr(commands, "stdin_is_tty", lambda: True)
    result = cli("log", input="打印机卡纸\n赵六\nzl@example.cn\n\nphone\n\n每次打印都卡纸\n")
    c = row(db_path, "SELECT c.subject, c.channel, c.severity, c.description, cu.name, cu.email, cu.phone "
                     "FROM complaints c JOIN customers cu ON cu.id = c.customer_id")
    # Enter at the severity question takes the default it shows
    assert "Severity (critical, high, medium, low; none) [medium]" in result.stderr
    assert tuple(c) == ("打印机卡纸", "phone", "medium", "每次打印都卡纸", "赵六", "zl@example.cn", None)
    assert result.stdout.strip().endswith("1")  # the questions went to stderr; stdout ends with the id


def test_the_severity_question_defaults_to_the_teams_sla_default(cli, db_path, monkeypatch):
    import complaintctl.cli.complaints as commands

    monkeypatch.setattr(commands, "stdin_is_tty", lambda: True)
    cli("sla", "default", "low")
    result = cli("log", input="门锁坏了\n\n\n\n\n\n\n")
    assert "Severity (critical, high, medium, low; none) [low]" in result.stderr
    assert row(db_path, "SELECT severity FROM complaints")[0] == "low"


def test_on_a_tty_a_wrong_answer_is_asked_again_and_nothing_typed_is_lost(cli, db_path, monkeypatch):
    import complaintctl.cli.complaints as commands

    monkeypatch.setattr(commands, "stdin_is_tty", lambda: True)
    answers = ["   ", "空调不制冷",             # a blank subject is asked again
               "钱七", "qian@", "qian@example.cn",  # so is a bad email
               "1.38001E+10", "13800138000",    # and a phone Excel mangled
               "pigeon", "电话",                 # an unknown channel, then a label
               "whenever", "none",              # an unknown severity, then none
               "装好第二天就不制冷了"]
    result = cli("log", input="\n".join(answers) + "\n")
    assert result.stderr.count("error:") == 5
    assert "invalid email 'qian@'" in result.stderr and "unknown channel 'pigeon'" in result.stderr
    c = row(db_path, "SELECT c.subject, c.channel, c.severity, c.description, cu.name, cu.email, cu.phone "
                     "FROM complaints c JOIN customers cu ON cu.id = c.customer_id")
    assert tuple(c) == ("空调不制冷", "phone", None, "装好第二天就不制冷了", "钱七", "qian@example.cn", "13800138000")


def test_colour_only_on_a_tty_and_never_with_no_color(monkeypatch):
    from complaintctl.render.table import use_color

    class Tty:
        def isatty(self):
            return True

    class Pipe:
        def isatty(self):
            return False

    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    assert use_color(Tty()) is True
    assert use_color(Pipe()) is False
    monkeypatch.setenv("NO_COLOR", "1")
    assert use_color(Tty()) is False


def _today_or_yesterday(zone: str, hour: int, minute: int) -> str:
    """The stored form of hour:minute today in ``zone``, or yesterday's if today's is still to come."""
    from datetime import datetime, timedelta
    from zoneinfo import ZoneInfo

    from complaintctl.core.record.dates import CLOCK_SKEW, to_iso

    now = datetime.now(ZoneInfo(zone))
    moment = now.replace(hour=hour, minute=minute, second=0, microsecond=0)
    if moment > now + CLOCK_SKEW:
        moment = (now - timedelta(days=1)).replace(hour=hour, minute=minute, second=0, microsecond=0)
    return to_iso(moment)


@pytest.mark.parametrize("typed", ["15:30", "下午 3:30", "下午3点半"])
def test_a_time_typed_without_a_date_is_today_or_yesterday_in_the_teams_zone(cli, db_path, typed):
    cli("--tz", "Asia/Shanghai", "log", "-s", "s", "--received", typed)
    stored = row(db_path, "SELECT received_at FROM complaints")[0]
    assert stored == _today_or_yesterday("Asia/Shanghai", 15, 30)


def test_update_and_since_read_a_time_without_a_date_the_same_way(cli, db_path):
    cid = cli.log("-s", "s", "--received", "2026-01-01 08:00")
    cli("--tz", "Asia/Shanghai", "update", str(cid), "--received", "9:05")
    assert row(db_path, "SELECT received_at FROM complaints")[0] == _today_or_yesterday("Asia/Shanghai", 9, 5)
    listed = cli("--tz", "Asia/Shanghai", "list", "--since", "9:00", "-f", "json").stdout
    assert f'"id": {cid}' in listed


def test_an_imported_time_without_its_date_is_a_reject_not_1_january(cli, db_path, tmp_path):
    src = tmp_path / "calls.csv"
    src.write_text("subject,received\n洗衣机漏水,2026-11-03 14:05\n冰箱不制冷,15:30\n", encoding="utf-8")
    result = cli("import", str(src), expect=3)
    assert row(db_path, "SELECT count(*) FROM complaints")[0] == 1
    assert "cannot read received '15:30': a time without its date" in result.stderr
