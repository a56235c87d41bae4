"""The core use cases called directly, with injected time."""

from datetime import datetime, timedelta, timezone

import pytest

from complaintctl.core.desk import complaints as core
from complaintctl.core.insight.queries import ListFilters, list_complaints, show_complaint
from complaintctl.core.people.agents import add_agent
from complaintctl.core.people.matching import normalize_email, normalize_phone
from complaintctl.core.record.lifecycle import TRANSITIONS, check_move
from complaintctl.errors import InvalidInput, NotFound, Refused
from complaintctl.store.db import transaction

pytestmark = pytest.mark.postgresql_ci  # in CI's PostgreSQL run (.ci/run)

T0 = datetime(2026, 11, 2, 9, 0, tzinfo=timezone.utc)


@pytest.mark.parametrize(
    "raw, normalized",
    [
        ("+86 138-0013-8000", "13800138000"),
        ("138 0013 8000", "13800138000"),
        ("(0086) 138.0013.8000", "13800138000"),
        ("8613800138000", "13800138000"),
        ("+1 (555) 123-4567", "15551234567"),
        ("010-6552 9988", "01065529988"),
        # what spreadsheets and phone systems do to numbers
        ("13800138000.0", "13800138000"),
        ("138-0013-8000 转 123", "13800138000"),
        ("010-6552 9988 ext. 12", "01065529988"),
        ("400-800-1234#2", "4008001234"),
        ("1.38001E+10", None),  # its digits are gone: it must not match anyone
        # two numbers in one cell: the first is the one that matches
        ("13800138000/13900139000", "13800138000"),
        ("138 0013 8000；139 0013 9000", "13800138000"),
        ("13800138000 或 010-6552 9988", "13800138000"),
        ("  ", None),
        ("", None),
    ],
)
def test_normalize_phone(raw, normalized):
    assert normalize_phone(raw) == normalized


@pytest.mark.parametrize(
    "cell, expected",
    [
        ("王芳 <WF@Example.cn>", ("WF@Example.cn", "王芳", [])),
        ('"Wang, Fang" <wf@example.cn>', ("wf@example.cn", "Wang, Fang", [])),
        ("<wf@example.cn>", ("wf@example.cn", None, [])),
        ("mailto:wf@example.cn", ("wf@example.cn", None, [])),
        ("wf@example.cn; other@x.cn, third@y.cn", ("wf@example.cn", None, ["other@x.cn", "third@y.cn"])),
        ("not an address", ("not an address", None, [])),  # left for validation to reject
    ],
)
def test_split_mailbox(cell, expected):
    from complaintctl.core.people.matching import split_mailbox

    assert split_mailbox(cell) == expected


def test_normalize_email():
    assert normalize_email("  Li.Lei@Example.COM ") == "li.lei@example.com"
    assert normalize_email("") is None


def test_every_status_has_rules_and_illegal_moves_name_legal_ones():
    assert set(TRANSITIONS) == {"new", "acknowledged", "investigating", "waiting", "resolved", "closed"}
    check_move("investigating", "waiting")
    with pytest.raises(Refused) as info:
        check_move("new", "closed")
    assert "close" in str(info.value)
    with pytest.raises(Refused) as info:
        check_move("waiting", "acknowledged")
    assert "investigating, resolved" in str(info.value)


def test_log_and_lifecycle_with_injected_time(conn):
    result = core.log_complaint(conn, core.NewComplaint(subject="退款未到账", customer="赵六",
                                                         received=T0 - timedelta(hours=2)),
                                actor="a", now=T0)
    cid = result.id
    core.update(conn, cid, status="acknowledged", actor="a", now=T0 + timedelta(minutes=30))
    core.update(conn, cid, status="resolved", actor="a", now=T0 + timedelta(days=1))
    data = show_complaint(conn, cid)
    assert data["received_at"] == "2026-11-02T07:00:00Z"
    assert data["first_response_at"] == "2026-11-02T09:30:00Z"
    assert data["resolved_at"] == "2026-11-03T09:00:00Z"
    assert [e["action"] for e in data["events"]] == ["logged", "status_changed", "status_changed"]


def test_failed_change_writes_nothing(conn):
    cid = core.log_complaint(conn, core.NewComplaint(subject="s"), actor="a", now=T0).id
    before = conn.execute("SELECT count(*) FROM events").fetchone()[0]
    with pytest.raises(InvalidInput):
        core.classify(conn, cid, codes={"category": "price", "severity": "bogus"}, actor="a", now=T0)
    assert conn.execute("SELECT category FROM complaints").fetchone()[0] is None
    assert conn.execute("SELECT count(*) FROM events").fetchone()[0] == before


def test_transaction_rolls_back_on_error(conn):
    with pytest.raises(RuntimeError), transaction(conn):
        conn.execute("INSERT INTO agents (name, created_at) VALUES ('x', 'now')")
        raise RuntimeError("boom")
    assert conn.execute("SELECT count(*) FROM agents").fetchone()[0] == 0
    assert not conn.in_transaction


def test_assign_to_agent_and_not_found(conn):
    with transaction(conn):
        add_agent(conn, "li", full_name=None, email=None, is_lead=False, actor="a", at="2026-11-01T00:00:00Z")
    cid = core.log_complaint(conn, core.NewComplaint(subject="s"), actor="a", now=T0).id
    assert core.assign(conn, cid, "li", actor="a", now=T0).new == "li"
    assert core.assign(conn, cid, "li", actor="a", now=T0) is None
    with pytest.raises(NotFound):
        core.assign(conn, 999, "li", actor="a", now=T0)


def test_schema_refuses_invalid_codes_even_from_plain_sql(conn):
    import sqlite3

    with pytest.raises(sqlite3.IntegrityError):
        conn.execute(
            "INSERT INTO complaints (received_at, subject, severity, created_at, updated_at, created_by) "
            "VALUES ('2026-11-01T00:00:00Z', 's', 'urgent', 'x', 'x', 'x')"
        )
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute("INSERT INTO categories (code, label_en, label_zh) VALUES ('Bad Code', 'a', 'b')")


def test_list_filters_in_core(conn):
    for i, sev in enumerate(["low", "high", "high"]):
        core.log_complaint(conn, core.NewComplaint(subject=f"s{i}", severity=sev,
                                                   received=T0 + timedelta(hours=i)),
                           actor="a", now=T0 + timedelta(days=1))
    rows = list_complaints(conn, ListFilters(severity="high"))
    assert [r["id"] for r in rows] == [3, 2]


def test_similar_subjects():
    assert core.similar("洗衣机漏水", "洗衣机还是漏水")
    assert core.similar("Washer leaks water", "washer leaks water again")
    assert not core.similar("发票金额错误", "洗衣机漏水")
