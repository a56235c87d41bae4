"""Similar complaints at intake: the same or near-same text from any customer within a window."""

from __future__ import annotations

from datetime import timedelta

import pytest
from tests.conftest import NOW

from complaintctl.core.desk.complaints import NewComplaint, log_complaint
from complaintctl.core.insight.queries import show_complaint
from complaintctl.core.insight.suggest.similar import (
    HEAD_CHARS,
    TAIL_CHARS,
    clipped,
    overlap,
    similar_complaints,
    similar_to,
    words,
)

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


@pytest.mark.postgresql_ci  # store/search.py's trigram reads on PostgreSQL (pg_trgm) find what FTS5 finds
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


def test_a_long_letter_is_compared_by_its_opening_and_end():
    opening, middle, end = "开头" * 400, "中间" * 300, "结尾" * 200
    letter = opening + middle + end
    assert len(clipped(letter)) == HEAD_CHARS + 1 + TAIL_CHARS
    # templated letters: the same opening, their own ends; a change in the middle goes unseen
    assert words(opening + "不同" * 300 + end) == words(letter)
    assert "署名" in words(opening + middle + "署名" * 200) and words(letter) != words(opening + middle + "署名" * 200)
    assert clipped("short letter") == "short letter"


@pytest.mark.postgresql_ci  # bands: several trigrams held at once, on both engines
def test_a_short_message_of_common_words_is_found_through_bands(conn, monkeypatch):
    """A short English message whose every trigram many complaints hold is found through bands
    of its trigrams narrowed until few hold them (RARE_AT made small to stand for 100,000 complaints)."""
    from complaintctl.core.insight.suggest import similar
    from complaintctl.store import search

    monkeypatch.setattr(similar, "RARE_AT", 4)
    phrases = ["my flight was delayed again today", "the agent was rude to me again today",
               "my bag was lost on the flight today", "still waiting for a refund of my ticket",
               "the flight was cancelled and no one told me"]
    for i in range(30):
        a, b = phrases[i % 5], phrases[(i * 2 + 1) % 5]
        log_complaint(conn, NewComplaint(f"{a} {b}"[:40], description=f"{a}, {b} #{i}"), actor="a", now=NOW)
    target = log_complaint(conn, NewComplaint("flight", description="my bag was lost on the flight today and the "
                           "agent was rude to me about it, still waiting for a refund"), actor="a", now=NOW).id
    asked = []
    holding = search.holding
    monkeypatch.setattr(search, "holding", lambda c, grams, most, **how: asked.append(len(grams)) or holding(
        c, grams, most, **how))
    found = similar_complaints(conn, "flight", "my bag was lost on the flight today and the agent was rude "
                               "to me about it, still waiting for a refund!!")
    assert found[0]["id"] == target and found[0]["similarity"] >= 0.8
    assert max(asked) >= 3  # bands asked, not single trigrams alone
    assert all(n <= similar.BAND_MOST for n in asked)


def test_a_lookup_reads_a_bounded_number_of_matches(conn, monkeypatch):
    """Every read of the index is cut: a trigram held by every complaint costs RARE_AT + 1 ids."""
    from complaintctl.core.insight.suggest import similar
    from complaintctl.store import search

    monkeypatch.setattr(similar, "RARE_AT", 3)
    for i in range(12):
        log_complaint(conn, NewComplaint(f"洗衣机漏水 {i}", description=LETTER), actor="a", now=NOW)
    limits = []
    for name in ("holding", "how_many_hold"):
        real = getattr(search, name)
        monkeypatch.setattr(search, name, lambda c, g, most, real=real, **how: limits.append(most) or real(c, g, most, **how))
    # every trigram and band is held by all 12 (a letter sent by many): the newest RARE_AT are compared
    found = similar_to(conn, 1, limit=20)
    assert {s["id"] for s in found} == {10, 11, 12}
    assert (found[0]["id"], found[0]["similarity"]) == (10, 1.0)  # subject '洗衣机漏水 9': no word more
    assert limits and max(limits) == 4
