"""Similar complaints at intake: the same or near-same text from any customer within a window."""

from __future__ import annotations

from datetime import timedelta

from tests.conftest import NOW

from complaintctl.core.desk.complaints import NewComplaint, log_complaint
from complaintctl.core.insight.queries import show_complaint
from complaintctl.core.insight.suggest.similar import overlap, similar_complaints, similar_to, words

LETTER = ("我家的洗衣机用了三天就开始漏水，地板全湿了，联系售后三次都没有人上门，"
          "要求尽快更换新机并赔偿损失。订单号2026110301。")
OTHER = [("Parcel late", "The parcel has not arrived after two weeks and tracking shows nothing."),
         ("屏幕有坏点", "新买的电视屏幕出现坏点，要求退货。"),
         ("Charged twice", "My card was charged twice for the same order; please refund one payment.")]


def seed(conn):
    first = log_complaint(conn, NewComplaint("洗衣机漏水", description=LETTER, customer="王伟"), actor="a", now=NOW).id
    for subject, description in OTHER * 3:
        log_complaint(conn, NewComplaint(subject, description=description), actor="a", now=NOW)
    return first


def test_words_are_latin_words_and_chinese_pairs():
    assert words("Charged TWICE, 漏水了") == {"charged", "twice", "漏水", "水了"}
    assert overlap({"a", "b"}, {"a", "c"}) == 1 / 3 and overlap(set(), {"a"}) == 0


def test_a_resubmission_by_another_customer_is_found_first(conn):
    first = seed(conn)
    resent = LETTER.replace("三次", "好几次").replace("地板全湿了，", "")
    again = log_complaint(conn, NewComplaint("洗衣机又漏水", description=resent, customer="李娜"), actor="b",
                          now=NOW + timedelta(days=2), find_similar=True)
    assert [s["id"] for s in again.similar] == [first]
    assert 0.5 <= again.similar[0]["similarity"] < 1
    assert show_complaint(conn, first, now=NOW)["similar"][0]["id"] == again.id


def test_outside_the_window_or_unlike_is_not_similar(conn):
    seed(conn)
    late = log_complaint(conn, NewComplaint("洗衣机漏水", description=LETTER), actor="b", now=NOW + timedelta(days=45))
    assert similar_to(conn, late.id) == []
    assert similar_to(conn, late.id, window_days=60)[0]["similarity"] == 1.0
    assert similar_complaints(conn, "打印机卡纸", "打印机一直卡纸，换了纸也不行") == []
    assert log_complaint(conn, NewComplaint("x"), actor="b", now=NOW).similar == []  # only when asked
