"""notify: e-mails and webhooks, tested against a mail server and a web server on 127.0.0.1."""

import base64
import hashlib
import hmac
import json
import urllib.parse

import pytest

from conftest import query
from local_servers import HttpServer, SmtpServer

pytestmark = pytest.mark.postgresql_ci  # in CI's PostgreSQL run (.ci/run)


@pytest.fixture
def smtp():
    server = SmtpServer()
    yield server
    server.close()


@pytest.fixture
def web(monkeypatch):
    monkeypatch.setenv("no_proxy", "127.0.0.1,localhost")
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    server = HttpServer()
    yield server
    server.close()


@pytest.fixture
def desk(cli, smtp, web):
    """Notifications on: both e-mails through the local mail server, a WeCom-shaped webhook."""
    cli("notify", "smtp", "--host", "127.0.0.1", "--port", smtp.port, "--security", "none",
        "--sender", "客服中心 <support@example.cn>")
    cli("notify", "email", "--ack", "--decision")
    cli("notify", "webhook", "add", "team", "--kind", "wecom", "--url", f"{web.url}/cgi-bin/webhook/send?key=K123")
    cli("notify", "on")
    return cli


def outbox(db_path):
    return query(db_path, "SELECT trigger, channel, target, status, attempts, error FROM outbox ORDER BY id")


def test_nothing_is_told_until_turned_on(cli, db_path, smtp, web):
    cli("notify", "smtp", "--host", "127.0.0.1", "--port", smtp.port, "--sender", "s@example.cn")
    cli("notify", "email", "--ack")
    cli("notify", "webhook", "add", "team", "--kind", "slack", "--url", web.url)
    cli("log", "-s", "洗衣机漏水", "--email", "wf@example.cn", "--severity", "critical")
    assert outbox(db_path) == [] and smtp.messages == [] and web.requests == []


def test_acknowledgement_email_in_the_language_of_the_complaint(desk, db_path, smtp):
    result = desk("log", "-s", "洗衣机漏水", "--customer", "王芳", "--email", "wf@example.cn", "--received",
                  "2026-11-20 09:30")
    assert result.stderr.strip() == "Logged complaint #1 (new customer)."  # sent: nothing more to say off a tty
    desk("log", "-s", "Washer leaks", "--customer", "Ann", "--email", "ann@example.com")
    zh, en = smtp.messages
    assert zh["to"] == ["wf@example.cn"] and zh["from"] == "support@example.cn"
    assert zh["message"]["Subject"] == "已收到您的投诉（编号 1）"
    assert str(zh["message"]["From"]) == "客服中心 <support@example.cn>"
    body = zh["message"].get_content()
    assert body.startswith("王芳您好：") and "2026-11-20 09:30" in body and "「洗衣机漏水」" in body
    assert en["message"]["Subject"] == "We have received your complaint (no. 2)"
    assert en["message"].get_content().startswith("Dear Ann,")
    assert [r[:4] for r in outbox(db_path)] == [("ack", "email", "wf@example.cn", "sent"),
                                                 ("ack", "email", "ann@example.com", "sent")]
    # an automatic acknowledgement is not the first response: a person has not answered yet
    assert query(db_path, "SELECT count(*) FROM complaints WHERE first_response_at IS NOT NULL") == [(0,)]


def test_decision_email_on_close_for_resolved_and_rejected_only(desk, db_path, smtp):
    desk("log", "-s", "快递没到", "--customer", "王芳", "--email", "wf@example.cn")
    desk("log", "-s", "快递又没到", "--email", "wf@example.cn")
    desk("close", "1", "--outcome", "resolved", "-r", "已补发，运费退回")
    desk("close", "2", "--outcome", "duplicate", "--duplicate-of", "1")
    decisions = [m for m in smtp.messages if "处理结果" in m["message"]["Subject"]]
    assert len(decisions) == 1
    assert decisions[0]["message"]["Subject"] == "您的投诉（编号 1）处理结果"
    assert "已补发，运费退回" in decisions[0]["message"].get_content()


def _wecom_text(request):
    return request["json"]["text"]["content"]


def test_critical_arrival_goes_to_the_chat(desk, web):
    desk("log", "-s", "燃气灶漏气", "--customer", "李雷", "--channel", "phone", "--severity", "high")
    assert web.requests == []  # only the top severity
    desk("log", "-s", "热水器冒烟", "--customer", "李雷", "--channel", "phone", "--severity", "critical")
    (request,) = web.requests
    assert request["path"] == "/cgi-bin/webhook/send?key=K123"
    assert request["json"]["msgtype"] == "text"
    text = _wecom_text(request)
    assert text.startswith("【紧急投诉】#2 热水器冒烟") and "客户：李雷" in text and "渠道：电话" in text


@pytest.mark.parametrize("kind", ["dingtalk", "feishu", "slack", "json"])
def test_each_chat_gets_its_own_shape_and_signature(cli, db_path, web, kind):
    web.answer = (200, "ok") if kind == "slack" else (200, {"code": 0, "msg": "success"} if kind == "feishu"
                                                            else {"errcode": 0, "errmsg": "ok"})
    cli("notify", "webhook", "add", "chat", "--kind", kind, "--url", f"{web.url}/hook?access_token=T",
        "--secret", "SEC")
    cli("notify", "on")
    cli("log", "-s", "Gas smell in kitchen", "--severity", "critical")
    (request,) = web.requests
    body = request["json"]
    if kind == "dingtalk":
        assert body["msgtype"] == "text" and body["text"]["content"].startswith("【紧急投诉】#1")  # zh by default
        params = urllib.parse.parse_qs(urllib.parse.urlsplit(request["path"]).query)
        stamp = params["timestamp"][0]
        expected = base64.b64encode(hmac.new(b"SEC", f"{stamp}\nSEC".encode(), hashlib.sha256).digest()).decode()
        assert params["sign"] == [expected] and params["access_token"] == ["T"]
    elif kind == "feishu":
        assert body["msg_type"] == "text" and body["content"]["text"].startswith("【紧急投诉】#1")
        expected = base64.b64encode(hmac.new(f"{body['timestamp']}\nSEC".encode(), b"", hashlib.sha256).digest())
        assert body["sign"] == expected.decode()
    elif kind == "slack":
        assert body == {"text": body["text"]} and body["text"].startswith("[Critical complaint] #1 Gas smell")
    else:
        assert body["event"] == "critical" and body["complaints"][0]["id"] == 1
    assert query(db_path, "SELECT status FROM outbox") == [("sent",)]


def test_escalation_goes_to_the_chat(desk, web):
    desk("agents", "add", "amy", "--lead")
    desk("log", "-s", "退款三次未到账", "--severity", "high")
    desk("escalate", "1", "--to", "amy", "--reason", "客户要求主管处理")
    text = _wecom_text(web.requests[-1])
    assert text.startswith("【投诉升级】#1 退款三次未到账")
    assert "严重度 high → critical" in text and "处理人 - → amy" in text and "原因：客户要求主管处理" in text


def test_overdue_notify_tells_each_lateness_once(desk, db_path, web):
    desk("log", "-s", "空调不制冷", "--severity", "high", "--received", "3 days ago")
    desk("log", "-s", "冰箱异响", "--severity", "low")  # not late
    web.requests.clear()  # the critical hook is not involved; start from nothing
    result = desk("overdue", "--notify", "-f", "json")  # as cron runs it: silent when all went
    assert result.stderr == "" and [r["id"] for r in json.loads(result.stdout)] == [1]
    (request,) = web.requests
    text = _wecom_text(request)
    assert text.startswith("【超时投诉】1 件：\n#1 空调不制冷（未分配，") and "超时" in text
    desk("overdue", "--notify")
    assert len(web.requests) == 1
    assert query(db_path, "SELECT complaint_id FROM overdue_notices") == [(1,)]


def test_overdue_notify_needs_notifications_and_a_webhook(cli):
    assert "notifications are off" in cli("overdue", "--notify", expect=1).stderr
    cli("notify", "on")
    assert "no webhook listens for overdue" in cli("overdue", "--notify", expect=1).stderr
    assert "not --as-of" in cli("overdue", "--notify", "--as-of", "yesterday", expect=2).stderr


def test_a_failed_send_keeps_the_change_and_retry_sends_it(desk, db_path, smtp, web):
    smtp.refuse_recipients = True
    web.answer = (200, {"errcode": 93000, "errmsg": "invalid webhook url"})
    result = desk("log", "-s", "热水器冒烟", "--email", "wf@example.cn", "--severity", "critical")
    assert result.stdout.strip() == "1"  # logged: exit 0, the id on stdout
    assert "warning: the acknowledgement e-mail to wf@example.cn about #1 was not sent" in result.stderr
    assert "notify retry" in result.stderr
    assert query(db_path, "SELECT subject FROM complaints") == [("热水器冒烟",)]
    rows = outbox(db_path)
    assert [r[:5] for r in rows] == [("ack", "email", "wf@example.cn", "failed", 1),
                                     ("critical", "webhook", "team", "failed", 1)]
    assert "550" in rows[0][5] and rows[1][5] == "wecom answered code 93000: invalid webhook url"
    assert "2 failed" in desk("notify", "show").stdout
    unsent = json.loads(desk("notify", "outbox", "--unsent", "-f", "json").stdout)
    assert [r["id"] for r in unsent] == [2, 1]
    assert "was not sent" in desk("notify", "retry", expect=1).stderr  # still failing: exit 1
    smtp.refuse_recipients = False
    web.answer = (200, {"errcode": 0, "errmsg": "ok"})
    desk("notify", "retry")
    assert [r[3:5] for r in outbox(db_path)] == [("sent", 3), ("sent", 3)]
    assert len(smtp.messages) == 1 and desk("notify", "retry").stderr == ""  # cron: nothing to say


def test_mail_server_down_is_recorded_not_fatal(cli, db_path, smtp):
    port = smtp.port
    smtp.close()
    cli("notify", "smtp", "--host", "127.0.0.1", "--port", port, "--sender", "s@example.cn")
    cli("notify", "email", "--ack")
    cli("notify", "on")
    result = cli("log", "-s", "x", "--email", "a@example.cn")
    assert "cannot reach mail server 127.0.0.1" in result.stderr
    assert query(db_path, "SELECT count(*) FROM complaints") == [(1,)]
    assert query(db_path, "SELECT status FROM outbox") == [("failed",)]


def test_templates_changed_and_a_placeholder_without_value_fails_the_message_only(desk, db_path, smtp):
    desk("notify", "template", "ack", "--lang", "zh", "--subject", "投诉 {id} 已受理",
         "--text", "{customer}，我们将在 {due} 前答复。")
    assert desk("notify", "template", "ack", "--lang", "zh").stdout.startswith("Subject: 投诉 {id} 已受理\n\n")
    desk("log", "-s", "漏水", "--customer", "王芳", "--email", "wf@example.cn", "--severity", "high")
    desk("log", "-s", "又漏水", "--customer", "王芳", "--email", "wf@example.cn")  # no severity: no {due}
    assert smtp.messages[0]["message"]["Subject"] == "投诉 1 已受理"
    assert smtp.messages[0]["message"].get_content().startswith("王芳，我们将在 20")
    assert len(smtp.messages) == 1
    failed = query(db_path, "SELECT complaint_id, status, attempts, error FROM outbox WHERE status = 'failed'")
    assert failed == [(2, "failed", 0, "not written: the reply uses {due}, which this complaint does not have")]
    assert "unknown placeholder {due_at}" in desk("notify", "template", "ack", "--lang", "en", "--text", "{due_at}",
                                                  expect=2).stderr
    desk("notify", "template", "ack", "--lang", "zh", "--reset")
    assert "(default)" in desk("notify", "show").stdout.splitlines()[6]


def test_configuration_changes_are_events_without_secrets(cli, db_path):
    cli("notify", "webhook", "add", "ding", "--kind", "dingtalk", "--secret", "SECRET-X",
        "--url", "https://oapi.dingtalk.com/robot/send?access_token=TOKEN-Y", "--on", "critical,overdue")
    cli("notify", "smtp", "--host", "smtp.example.cn", "--user", "bot", "--password-env", "SMTP_PASSWORD")
    cli("notify", "on")
    cli("notify", "webhook", "rm", "ding")
    events = query(db_path, "SELECT field, old_value, new_value, note FROM events WHERE action = 'notify_changed'")
    text = json.dumps(events, ensure_ascii=False)
    assert "SECRET-X" not in text and "TOKEN-Y" not in text
    assert ("webhooks", None, "ding", "dingtalk https://oapi.dingtalk.com/robot/send?… for critical, overdue in zh") \
        in events
    assert ("notify_smtp_password_env", None, "SMTP_PASSWORD", None) in events
    assert ("notify_enabled", None, "1", None) in events  # off until set: no row


def test_bad_configuration_is_refused(cli):
    assert "unknown webhook kind 'teams'" in cli("notify", "webhook", "add", "x", "--kind", "teams", "--url",
                                                 "https://x", expect=2).stderr
    assert "invalid webhook URL" in cli("notify", "webhook", "add", "x", "--kind", "slack", "--url", "x.com",
                                        expect=2).stderr
    assert "unknown event 'late'" in cli("notify", "webhook", "add", "x", "--kind", "slack", "--url", "https://x",
                                         "--on", "late", expect=2).stderr
    assert "unknown security" in cli("notify", "smtp", "--security", "tls", expect=2).stderr
    assert "the NAME of the variable" in cli("notify", "smtp", "--password-env", "hunter 2", expect=2).stderr


def test_notify_test_sends_now_and_says_when_it_fails(cli, smtp, web):
    cli("notify", "smtp", "--host", "127.0.0.1", "--port", smtp.port, "--sender", "s@example.cn")
    assert "Sent the test message to me@example.cn" in cli("notify", "test", "--email", "me@example.cn").stderr
    cli("notify", "webhook", "add", "team", "--kind", "feishu", "--url", web.url)
    web.answer = (200, {"code": 19021, "msg": "sign match fail"})
    result = cli("notify", "test", "--webhook", "team", expect=1)
    assert "feishu answered code 19021: sign match fail" in result.stderr
    assert smtp.messages[0]["message"]["Subject"] == "complaintctl: test e-mail / 测试邮件"


def test_on_a_terminal_each_message_sent_is_said(desk, smtp, monkeypatch):
    import complaintctl.cli.sending as sending

    monkeypatch.setattr(sending, "on_terminal", lambda: True)
    result = desk("log", "-s", "洗衣机漏水", "--email", "wf@example.cn")
    assert "Sent the acknowledgement e-mail to wf@example.cn about #1." in result.stderr
    assert "Nothing to retry." in desk("notify", "retry").stderr
