"""Reply templates, and sending one to the customer: "sent" only when it went."""

import json
import threading

import pytest

from conftest import query
from local_servers import SmtpServer

ZH = "{customer}您好，您的投诉（编号 {id}）已收到，我们将在 {due} 前处理完毕。{agent}"
EN = "Dear {customer}, we received complaint #{id} and will resolve it by {due}. {agent}"


@pytest.fixture
def smtp():
    server = SmtpServer()
    yield server
    server.close()


@pytest.fixture
def desk(cli, smtp):
    """Two complaints of customers with e-mail addresses, replies by e-mail through a local server."""
    cli("agents", "add", "li.wei", "--full-name", "李伟")
    cli("log", "-s", "快递三天没到", "--customer", "王芳", "--email", "wf@example.cn", "--severity", "high",
        "--category", "delivery_delay")
    cli("log", "-s", "Parcel three days late", "--customer", "Ann Lee", "--email", "ann@example.com",
        "--severity", "high")
    cli("replies", "add", "late", "--category", "delivery_delay", "--text", ZH)
    cli("replies", "add", "late:en", "--text", EN)
    cli("notify", "smtp", "--host", "127.0.0.1", "--port", smtp.port, "--security", "none",
        "--sender", "客服中心 <support@example.cn>")
    cli("notify", "on")
    cli.smtp = smtp
    return cli


def smtp_messages(desk) -> list:
    return desk.smtp.messages


def due_text(db_path, cid):
    from complaintctl.core.record.dates import to_local_text

    return to_local_text(query(db_path, "SELECT resolve_due_at FROM complaints WHERE id = ?", cid)[0][0])


def test_add_guesses_the_language_from_the_text_and_says_so(cli):
    result = cli("replies", "add", "thanks", "--text", "感谢您的耐心等待")
    assert "Added reply 'thanks:zh' (the language its text is written in" in result.stderr
    listed = json.loads(cli("replies", "list", "-f", "json").stdout)
    assert [(r["name"], r["lang"]) for r in listed] == [("thanks", "zh")]


def test_list_by_category_and_show(desk):
    rows = json.loads(desk("replies", "list", "--category", "delivery_delay", "-f", "json").stdout)
    assert [(r["name"], r["lang"], r["category"]) for r in rows] == [("late", "en", None),
                                                                     ("late", "zh", "delivery_delay")]
    assert json.loads(desk("replies", "list", "--category", "price", "-f", "json").stdout)[0]["lang"] == "en"
    shown = desk("replies", "show", "late").stdout
    assert "# late:en\n" + EN in shown and "# late:zh (for delivery_delay)\n" + ZH in shown


def test_update_reply_fills_the_template_in_the_complaints_language(desk, db_path):
    result = desk("--actor", "li.wei", "update", "1", "--reply", "late")
    assert "reply 'late' in Chinese (the complaint is written in Chinese; late:en for English)" in result.stderr
    assert "status: new -> acknowledged; reply sent to wf@example.cn (late:zh)" in result.stderr
    sent = query(db_path, "SELECT actor, new_value, note, at FROM events WHERE action = 'replied'")
    filled = f"王芳您好，您的投诉（编号 1）已收到，我们将在 {due_text(db_path, 1)} 前处理完毕。李伟"
    assert sent[0][:3] == ("li.wei", "late:zh", filled)
    (mail,) = smtp_messages(desk)
    assert mail["to"] == ["wf@example.cn"] and mail["message"]["Subject"] == "关于您的投诉（编号 1）"
    assert mail["message"].get_content().strip() == filled
    # the customer heard from us: that is the first response, and acknowledges the complaint
    assert query(db_path, "SELECT status, first_response_at FROM complaints WHERE id = 1") == [
        ("acknowledged", sent[0][3])]


def test_english_complaint_gets_english_and_lang_can_be_forced(desk, db_path):
    desk("update", "2", "--reply", "late")
    desk("update", "1", "--status", "investigating")
    result = desk("update", "1", "--reply", "late:en")
    assert "note:" not in result.stderr and "status" not in result.stderr  # investigating stays
    notes = [r[0] for r in query(db_path, "SELECT note FROM events WHERE action = 'replied' ORDER BY id")]
    assert notes[0].startswith("Dear Ann Lee, we received complaint #2")
    assert notes[1].startswith("Dear 王芳, we received complaint #1") and notes[1].endswith("tester")


def test_close_reply_is_the_resolution_and_the_first_response(desk, db_path):
    desk("replies", "add", "refunded", "--text", "{customer}您好，退款已原路退回，请注意查收。")
    result = desk("close", "1", "--outcome", "resolved", "--reply", "refunded")
    assert "reply sent to wf@example.cn (refunded:zh)" in result.stderr
    row = query(db_path, "SELECT resolution, first_response_at, closed_at FROM complaints WHERE id = 1")[0]
    assert row[0] == "王芳您好，退款已原路退回，请注意查收。" and row[1] == row[2]
    desk("replies", "add", "decided:en", "--text", "Dear {customer}, we will replace the parcel.")
    desk("close", "2", "--outcome", "resolved", "-r", "Resent by courier", "--reply", "decided")
    assert query(db_path, "SELECT resolution FROM complaints WHERE id = 2") == [("Resent by courier",)]
    assert query(db_path, "SELECT note FROM events WHERE complaint_id = 2 AND action = 'replied'") == [
        ("Dear Ann Lee, we will replace the parcel.",)]


def test_a_note_marked_to_customer_is_a_reply_without_template(desk, db_path):
    desk("update", "2", "--note", "Called back, parcel is on its way", "--to-customer")
    assert query(db_path, "SELECT new_value, note FROM events WHERE action = 'replied'") == [
        (None, "Called back, parcel is on its way")]
    assert query(db_path, "SELECT first_response_at IS NOT NULL, status FROM complaints WHERE id = 2") == [
        (1, "acknowledged")]
    desk("update", "1", "--note", "内部：查物流")  # an ordinary note is not a response
    assert query(db_path, "SELECT first_response_at FROM complaints WHERE id = 1") == [(None,)]


def test_placeholders_are_checked_when_added_and_when_filled(desk, db_path):
    result = desk("replies", "add", "typo", "--text", "Hi {custmer}", expect=2)
    assert "unknown placeholder {custmer}" in result.stderr and "{customer}" in result.stderr
    desk("log", "-s", "没有等级的投诉")  # no severity: no due time
    result = desk("update", "3", "--reply", "late", expect=1)
    assert "uses {due}, which this complaint does not have" in result.stderr
    assert query(db_path, "SELECT count(*) FROM events WHERE complaint_id = 3") == [(1,)]
    desk("replies", "add", "braces:en", "--text", "Ref {{{id}}} for {subject}")
    desk("update", "3", "--reply", "braces")  # an anonymous complaint: recorded, not sent
    assert query(db_path, "SELECT action, note FROM events WHERE field = 'reply'") == [
        ("reply_recorded", "Ref {3} for 没有等级的投诉")]


def test_category_mismatch_is_said_and_unknown_names_listed(desk):
    desk("classify", "2", "--category", "price")
    result = desk("update", "2", "--reply", "late:zh")
    assert "reply 'late' is for delivery_delay; #2 is price" in result.stderr
    assert "no reply template 'nope' (replies: late)" in desk("update", "2", "--reply", "nope", expect=1).stderr
    assert "not both" in desk("update", "2", "--reply", "late", "--note", "x", expect=2).stderr


def test_edit_and_rm_write_events(desk, db_path):
    assert "has en and zh versions" in desk("replies", "edit", "late", "--text", "x", expect=2).stderr
    desk("replies", "edit", "late:en", "--text", "Dear {customer}, sorry for the wait.", "--category", "delivery_delay")
    assert query(db_path, "SELECT body, category FROM reply_templates WHERE lang = 'en'") == [
        ("Dear {customer}, sorry for the wait.", "delivery_delay")]
    desk("replies", "rm", "late:en")
    assert "Removed reply late:zh" in desk("replies", "rm", "late").stderr
    assert query(db_path, "SELECT count(*) FROM reply_templates") == [(0,)]
    actions = [r[0] for r in query(db_path, "SELECT action FROM events WHERE field = 'reply_templates' ORDER BY id")]
    assert actions == ["reply_added", "reply_added", "reply_edited", "reply_removed", "reply_removed"]
    assert "no reply template 'late'" in desk("replies", "show", "late", expect=1).stderr


def test_show_for_a_complaint_previews_the_reply(desk, db_path):
    shown = desk("replies", "show", "late", "--for", "2").stdout
    assert shown == f"# late:en\nDear Ann Lee, we received complaint #2 and will resolve it by {due_text(db_path, 2)}. tester\n"
    assert query(db_path, "SELECT count(*) FROM events WHERE action = 'replied'") == [(0,)]


def test_reply_edited_before_it_is_sent_and_template_edited_from_its_text(desk, db_path, editor):
    editor.writes("另：已为您申请10元补偿。\n")
    desk("update", "1", "--reply", "late", "-e")
    assert editor.draft().startswith("王芳您好，您的投诉（编号 1）")  # the filled reply is the draft
    note = query(db_path, "SELECT note FROM events WHERE action = 'replied'")[0][0]
    assert note.startswith("另：已为您申请10元补偿。\n王芳您好") and "{" not in note
    editor.writes("P.S. ")
    desk("replies", "edit", "late:en", "-e")
    assert editor.draft().startswith(EN)
    assert query(db_path, "SELECT body FROM reply_templates WHERE lang = 'en'") == [("P.S. " + EN,)]


@pytest.mark.parametrize(("setup", "why"), [
    (("notify", "smtp", "--host", ""), "no e-mail configured: `complaintctl notify smtp --host HOST --sender ADDRESS`"),
    (("notify", "off"), "notifications are off: `complaintctl notify on`"),
])
def test_a_reply_that_cannot_go_is_recorded_not_sent_and_is_no_first_response(desk, db_path, setup, why):
    """`update 12 --reply late` printed "reply sent" and counted as the first response; nothing went."""
    desk(*setup)
    result = desk("update", "1", "--reply", "late")
    assert f"reply recorded, not sent (late:zh): {why}" in result.stderr and "reply sent" not in result.stderr
    assert "add --to-customer if you told them yourself" in result.stderr
    assert query(db_path, "SELECT action FROM events WHERE field = 'reply'") == [("reply_recorded",)]
    assert query(db_path, "SELECT status, first_response_at FROM complaints WHERE id = 1") == [("new", None)]
    assert desk.smtp.messages == []
    told = desk("update", "1", "--reply", "late", "--to-customer")  # told them another way: it counts
    assert "reply recorded as told to the customer by you (late:zh; nothing was sent from here)" in told.stderr
    assert query(db_path, "SELECT status, first_response_at IS NOT NULL FROM complaints WHERE id = 1") == [
        ("acknowledged", 1)]


def test_a_customer_without_an_address_gets_no_e_mail_and_it_is_said(desk, db_path):
    desk("log", "-s", "电话投诉：空调不制冷", "--customer", "李雷", "--phone", "13800138000")
    desk("replies", "add", "call", "--text", "{customer}您好，我们已安排上门。")
    result = desk("update", "3", "--reply", "call")
    assert "not sent (call:zh): the customer has no e-mail address: `complaintctl update 3 --email ADDRESS`" \
        in result.stderr


def test_a_reply_the_server_is_slow_to_take_is_queued_not_called_sent(desk, db_path):
    desk("notify", "deadline", "1")
    desk.smtp.held.hold()
    threading.Timer(3, desk.smtp.held.release.set).start()
    result = desk("update", "2", "--reply", "late")
    assert "reply queued for ann@example.com (late:en), not sent yet: no answer within 1 s; `complaintctl notify " \
           "retry` sends it" in result.stderr
    assert "reply sent" not in result.stderr and "warning" not in result.stderr  # said once, in its own words
    assert query(db_path, "SELECT trigger, status FROM outbox") == [("reply", "sending")]


def test_close_with_the_decision_e_mail_on_sends_the_reply_once(desk, db_path):
    desk("notify", "email", "--decision")
    desk("replies", "add", "refunded", "--text", "{customer}您好，退款已原路退回，请注意查收。")
    result = desk("close", "1", "--outcome", "resolved", "--reply", "refunded")
    assert "reply sent to wf@example.cn (refunded:zh)" in result.stderr
    (mail,) = desk.smtp.messages  # the decision e-mail carries the reply: one e-mail, not two
    assert "王芳您好，退款已原路退回，请注意查收。" in mail["message"].get_content()
    assert query(db_path, "SELECT trigger FROM outbox") == [("decision",)]
