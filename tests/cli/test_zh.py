"""Chinese all the way: with COMPLAINTCTL_LANG=zh a team's main flows read in Chinese. The walk
collects every line a user reads (tables, the complaint view, messages, errors, reports) and
fails on any English word left in it, other than the data people typed and a few names."""

import re

import pytest

ZH = {"COMPLAINTCTL_LANG": "zh", "COLUMNS": "160"}
# what may stay Latin: ids and names people typed, command names and option words in hints,
# units and symbols, and the product's own name
ALLOWED = {"complaintctl", "li", "wei", "sla", "goal", "default", "list", "subject", "docs", "reports", "md",
           "sql", "utc", "example", "cn", "wf", "tester"}


def english_left(text: str) -> list[str]:
    words = re.findall(r"[A-Za-z][A-Za-z]+", text)
    return sorted({w for w in words if w.lower() not in ALLOWED})


@pytest.fixture
def walk(cli):
    seen = []

    def run(*args, expect=0):
        result = cli(*args, expect=expect, env=ZH)
        seen.append(result.stdout + result.stderr)
        return result

    return run, seen


def test_main_flows_read_in_chinese(walk):
    run, seen = walk
    run("agents", "add", "li.wei", "--full-name", "李伟")
    run("log", "-s", "洗衣机漏水", "--customer", "李雷", "--phone", "+86 138 0013 8000", "--channel", "phone",
        "--severity", "high", "--category", "product_quality", "--received", "2026-11-24 09:00")
    run("log", "-s", "快递三天没到", "--customer", "王芳", "--email", "wf@example.cn", "--channel", "web",
        "--severity", "medium", "--received", "2026-11-25 10:00")
    run("classify", "2", "--category", "delivery_delay")
    run("assign", "1", "--to", "li.wei")
    run("update", "1", "--status", "acknowledged", "--note", "已致电客户")
    run("update", "1", "--status", "investigating")
    run("list")
    run("show", "1")
    run("show", "2")
    run("overdue", "--within", "48h")
    run("sla", "status")
    run("close", "1", "--outcome", "resolved", "--resolution", "换新")
    run("survey", "1", "--score", "5")
    run("show", "1")
    run("update", "1", "--status", "new", expect=1)
    run("show", "99", expect=1)
    for fmt in ("text", "markdown"):
        run("report", "weekly", "--week", "2026-W48", "-f", fmt)
    text = "\n".join(seen)
    assert "已登记投诉 #1" in text and "洗衣机漏水" in text and "错误：" in text and "每周投诉报告" in text
    assert english_left(text) == []


def test_the_lines_around_the_main_flows_read_in_chinese_too(walk, cli, tmp_path):
    # a list cut short, an export, a backup, the goal, a closed complaint refused, a new file
    run, seen = walk
    for n in range(3):
        run("log", "-s", f"漏水 {n}", "--severity", "high", "--received", "2026-11-24 09:00")
    run("list", "--limit", "1")
    run("customers", "list", "--limit", "1")
    run("export", "-o", tmp_path / "all.csv")
    on_server = str(cli.db_path).startswith("postgresql:")
    run("backup", expect=1 if on_server else 0)  # refused on a server, in Chinese
    run("sla", "goal", "95")
    run("close", "1", "--outcome", "resolved", "--resolution", "换新")
    run("escalate", "1", "--reason", "媒体关注", expect=1)
    cli.db_path = tmp_path / "another.db"
    run("log", "-s", "新的")
    missing = run("--db", tmp_path / "nowhere.db", "list", expect=1).stderr
    assert "没有数据库" in missing and "可以创建它" in missing
    text = re.sub(r"/[^\s（）]+", "", "\n".join(seen))  # the paths of the files
    assert "另有 2 条未显示" in text and "已新建数据库" in text
    # what stays Latin here is what a user types: options and command words in the hints
    typed = {"limit", "db", "DB", "COMPLAINTCTL", "info", "reopen", "ID", "reason", "MB", "init"}
    if on_server:  # a backup refused: the server's tools named, and the URL
        assert "备份复制的是数据库文件" in text
        typed |= {"postgresql", "PostgreSQL", "pg", "dump", "basebackup", "complaintctl", "migrate-to", "docs", "guide",
                  "md", "migrate", "to"}
    else:
        assert "已备份" in text
    assert set(english_left(text)) <= typed, set(english_left(text)) - typed


def test_reports_take_lang_and_html_is_chinese(cli, tmp_path):
    cli.log("-s", "洗衣机漏水", "--severity", "high", "--received", "2026-11-24 09:00")
    page = tmp_path / "w.html"
    cli("report", "weekly", "--week", "2026-W48", "-f", "html", "-o", page, "--lang", "zh")
    html = page.read_text(encoding="utf-8")
    from html import unescape

    body = unescape(re.sub(r"<style>.*?</style>|<[^>]+>", " ", html, flags=re.S))
    assert "每周投诉报告" in body and english_left(body) == []
    # --lang en wins over the environment, and a later command is back to the environment's
    english = cli("report", "weekly", "--week", "2026-W48", "--lang", "en", env=ZH).stdout
    assert "Weekly complaint report" in english
    assert "每周投诉报告" in cli("report", "weekly", "--week", "2026-W48", env={"LANG": "zh_CN.UTF-8"}).stdout
    assert "Weekly complaint report" in cli("report", "weekly", "--week", "2026-W48").stdout


def test_english_stays_the_default(cli):
    said = cli("log", "-s", "x", env={"LANG": "en_US.UTF-8"}).stderr
    assert "Logged complaint" in said
    assert english_left(said) == ["Logged", "anonymous", "complaint"]  # the walk's check sees English


def test_clicks_own_words_are_in_chinese_and_english_stays_english(cli):
    """Usage errors, the help page's headings and marks come from Click in English; in Chinese they
    are Chinese, and a run in English afterwards (the same built app) is English again."""
    zh = {"COMPLAINTCTL_LANG": "zh"}
    result = cli("reopen", "1", expect=2, env=zh)
    assert "错误：缺少选项 '--reason'。" in result.stderr and "用法：" in result.stderr
    assert "Missing option" not in result.stderr
    result = cli("list", "--limit", "x", expect=2, env=zh)
    assert "的值无效：'x' 不是数字。" in result.stderr
    assert "没有命令 'lst'。" in cli("lst", expect=2, env=zh).stderr
    page = cli("reopen", "--help", env=zh).stdout
    assert "用法：" in page and "选项" in page and "[必填]" in page and "显示此帮助并退出。" in page
    english = cli("reopen", "--help", env={"COMPLAINTCTL_LANG": "en"}).stdout
    assert "Usage:" in english and "[required]" in english and "必填" not in english
    assert "Error: Missing option '--reason'." in cli("reopen", "1", expect=2, env={"COMPLAINTCTL_LANG": "en"}).stderr
