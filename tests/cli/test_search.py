"""search: Chinese words of one, two and three or more characters, English words and phrases,
through the full-text index; ranked, with a snippet; --any; list's filters; the index kept in
step with every change."""

import json
import shutil
from datetime import datetime, timedelta, timezone

import pytest

from complaintctl.core.desk import complaints as core
from complaintctl.store.db import connect

T0 = datetime(2026, 11, 2, 8, 0, tzinfo=timezone.utc)


def _log(conn, n, subject, **kw):
    at = T0 + timedelta(hours=n)
    return core.log_complaint(conn, core.NewComplaint(subject, received=at, **kw), actor="t", now=at).id


@pytest.fixture(scope="module")
def desk_db(tmp_path_factory, template_db):
    path = tmp_path_factory.mktemp("search") / "desk.db"
    shutil.copy(template_db, path)
    conn = connect(path)
    _log(conn, 1, "洗衣机漏水", description="客户反映：洗衣机漏水，地板都湿了", severity="high",
         category="product_quality")
    two = _log(conn, 2, "冰箱不制冷", tags=["vip"], severity="low")
    core.update(conn, two, note="已约师傅上门检测", actor="t", now=T0 + timedelta(hours=3))
    _log(conn, 3, "Washing machine leaks", description="No water comes out of the tap", customer="John Smith",
         company="Acme Ltd", phone="+1 555 0100")
    four = _log(conn, 4, "申请退款被拒绝", severity="medium")
    core.update(conn, four, status="resolved", actor="t", now=T0 + timedelta(hours=5))
    core.close(conn, four, outcome="resolved", resolution="已全额退款", actor="t", now=T0 + timedelta(hours=6))
    _log(conn, 5, "快递三天没到", customer="李雷")  # a two-character name, no contact details
    six = _log(conn, 6, "Rude agent on the phone")
    core.update(conn, six, note="Customer asked for a refund", actor="t", now=T0 + timedelta(hours=7))
    _log(conn, 7, "Refund not received")
    _log(conn, 8, "我家的洗衣机又漏水")
    conn.close()
    return path


@pytest.fixture
def desk(desk_db, tmp_path):
    from conftest import Cli

    path = tmp_path / "desk.db"
    shutil.copy(desk_db, path)
    return Cli(path)


def found(cli, *args):
    return [r["id"] for r in json.loads(cli("search", *args, "-f", "json").stdout)]


def test_chinese_words_of_three_or_more_characters(desk):
    assert sorted(found(desk, "洗衣机")) == [1, 8]
    assert found(desk, "地板都湿了") == [1]  # the description


def test_chinese_words_of_two_characters_anywhere_even_at_the_end_of_a_text(desk):
    assert sorted(found(desk, "漏水")) == [1, 8]  # #8 ends with it
    assert found(desk, "李雷") == [5]  # a customer whose whole name is two characters
    assert found(desk, "快递") == [5]


def test_chinese_words_of_one_character(desk):
    assert found(desk, "退") == [4]  # subject and resolution
    assert sorted(found(desk, "家")) == [8]
    assert found(desk, "鑫") == []


def test_english_words_and_phrases_in_any_case(desk):
    assert found(desk, "WASHING") == [3]
    assert found(desk, "no water") == [3]  # one argument is one phrase
    assert found(desk, "water", "tap") == [3]
    assert found(desk, "water tap") == []
    assert found(desk, "acme") == [3]  # the customer's company
    assert found(desk, "555 0100") == [3]  # and phone as given
    assert found(desk, "tv") == []  # a two-letter word
    assert found(desk, "%") == [] and found(desk, "_") == []  # plain characters, not wildcards


def test_every_word_must_appear_unless_any(desk):
    result = desk("search", "漏水", "no water")
    assert "No complaints match; --any finds those with any one of the words." in result.stderr
    assert sorted(found(desk, "漏水", "no water", "--any")) == [1, 3, 8]
    assert found(desk, "洗衣机", "地板") == [1]


def test_notes_and_tags_but_not_the_notes_the_tool_writes(desk):
    assert found(desk, "师傅上门") == [2]
    assert found(desk, "vip") == [2]
    assert found(desk, "new customer") == []  # what `log` notes on its event is not searched


def test_best_match_first_with_the_part_that_matched(desk):
    rows = json.loads(desk("search", "refund", "-f", "json").stdout)
    assert [r["id"] for r in rows] == [7, 6]  # in the subject before in a note, though older
    assert (rows[0]["matched_in"], rows[0]["snippet"]) == ("subject", "[Refund] not received")
    assert (rows[1]["matched_in"], rows[1]["snippet"]) == ("notes", "Customer asked for a [refund]")
    table = desk("search", "退").stdout
    assert "[退]款" in table
    assert found(desk, "refund", "--sort", "received:asc") == [6, 7]


def test_the_filters_of_list(desk):
    assert found(desk, "洗衣机", "--severity", "high") == [1]
    assert found(desk, "洗衣机", "--category", "product_quality") == [1]
    assert found(desk, "退", "--closed") == [4]
    assert found(desk, "退", "--status", "new") == []
    assert found(desk, "洗衣机", "--since", "2026-11-02 15:00") == [8]
    assert found(desk, "快递", "--customer", "李雷") == [5]


def test_a_table_says_how_many_more(desk):
    result = desk("search", "洗衣机", "--limit", "1")
    assert "1 more not shown (1 of 2); use --limit N for more, --limit 0 for all." in result.stderr
    assert len(json.loads(desk("search", "洗衣机", "--limit", "1", "-f", "json").stdout)) == 1


def test_bad_searches(desk):
    assert "nothing to search for" in desk("search", " ", expect=2).stderr
    assert "No complaints match." in desk("search", "zzqqxx").stderr


def test_the_index_follows_every_change(desk):
    desk("update", "3", "--subject", "Dryer makes noise")
    assert found(desk, "washing") == [] and found(desk, "dryer") == [3]
    desk("update", "5", "--note", "客户说包裹被邻居代收")
    assert found(desk, "邻居") == [5]
    desk("classify", "5", "--tag", "媒体")
    assert found(desk, "媒体") == [5]
    desk("classify", "5", "--untag", "媒体")
    assert found(desk, "媒体") == []
    desk("customers", "edit", "#1", "--name", "John Smithers")
    assert found(desk, "smithers") == [3]
    desk("close", "2", "--outcome", "resolved", "-r", "更换压缩机")
    assert found(desk, "压缩机") == [2]


# --- search reads phones and full-width letters as customer matching does (issue 21) ----------------

@pytest.fixture(scope="module")
def spelled(module_cli):
    conn = connect(module_cli.db_path)
    ids = {
        "spaced": _log(conn, 1, "洗衣机漏水", customer="王芳", phone="+86 138 0013 8000"),
        "dashed": _log(conn, 2, "冰箱不制冷", customer="王芳", phone="138-0013-8000", new_customer=True),
        "other": _log(conn, 3, "空调异响", customer="李雷", phone="13900139000"),
        "app": _log(conn, 4, "手机APP闪退"),
        "wide": _log(conn, 5, "ＡＰＰ登录不上", description="客户说ＡＰＰ一直转圈"),
        "in_text": _log(conn, 6, "请回电", description="回电号码 13800138000"),
    }
    conn.close()
    return module_cli, ids


@pytest.mark.parametrize("typed", ["13800138000", "+86 138 0013 8000", "+8613800138000", "138-0013-8000",
                                   "８６１３８００１３８０００"])
def test_search_finds_a_phone_however_it_was_written(spelled, typed):
    cli, ids = spelled
    assert sorted(found(cli, typed)) == sorted([ids["spaced"], ids["dashed"], ids["in_text"]])


@pytest.mark.parametrize("typed, expected", [("ＡＰＰ", ["app", "wide"]), ("APP", ["app", "wide"]),
                                             ("app", ["app", "wide"]), ("ａｐｐ闪退", ["app"])])
def test_search_reads_full_width_letters_as_their_plain_form(spelled, typed, expected):
    cli, ids = spelled
    assert sorted(found(cli, typed)) == sorted(ids[k] for k in expected)


def test_list_text_and_the_snippet_follow_the_same_spellings(spelled):
    cli, ids = spelled
    listed = json.loads(cli("list", "--text", "13800138000", "-f", "json").stdout)
    assert sorted(r["id"] for r in listed) == sorted([ids["spaced"], ids["dashed"], ids["in_text"]])
    rows = {r["id"]: r for r in json.loads(cli("search", "app", "-f", "json").stdout)}
    assert "[ＡＰＰ]" in rows[ids["wide"]]["snippet"] and "[APP]" in rows[ids["app"]]["snippet"]
    rows = {r["id"]: r for r in json.loads(cli("search", "13800138000", "-f", "json").stdout)}
    assert "[+86 138 0013 8000]" in rows[ids["spaced"]]["snippet"]


def test_a_merged_records_phone_and_email_find_the_customer_it_was_merged_into(cli):
    """As `list --customer` and customer matching read them (merge --help: "its email and phone
    still find KEEP"): search with a merged record's phone or e-mail finds the kept customer's
    complaints, those it brought and those the kept customer had."""
    kept = cli.log("-s", "洗衣机漏水", "--customer", "李雷", "--phone", "+86 138 0013 8000", "--email", "li@x.cn")
    moved = cli.log("-s", "冰箱不制冷", "--customer", "李雷", "--phone", "139-0013-9000", "--email", "lei@y.cn")
    cli.log("-s", "空调异响", "--customer", "韩梅梅", "--phone", "13700137000")
    cli("customers", "merge", "#1", "#2")
    for typed in ("13900139000", "+86 139 0013 9000", "LEI@y.cn"):
        assert sorted(found(cli, typed)) == [kept, moved], typed
        listed = json.loads(cli("list", "--text", typed, "-f", "json").stdout)
        assert sorted(r["id"] for r in listed) == [kept, moved], typed
    assert found(cli, "13700137000") == [3]


def test_a_mobile_number_written_in_the_text_in_groups_is_found_by_its_digits(cli):
    """A customer's own number in the description, written as people write a mobile (3-4-4, with
    spaces or dashes, +86 before it), though no customer record has it."""
    spaced = cli.log("-s", "请回电", "-d", "回电号码 +86 139 1234 5678，下午五点后")
    dashed = cli.log("-s", "请回电", "-d", "call me at 139-1234-5678")
    cli.log("-s", "请回电", "-d", "139 1234 567 is not it")
    for typed in ("13912345678", "+86 139 1234 5678", "139-1234-5678"):
        assert sorted(found(cli, typed)) == [spaced, dashed], typed
