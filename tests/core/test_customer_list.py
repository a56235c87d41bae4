"""`customers list`: its first page, found from the newest complaints, is the full list's first rows."""

from datetime import datetime, timedelta, timezone

import pytest

from complaintctl.core.desk import complaints as core
from complaintctl.core.people.customers import list_customers, merge_customers
from complaintctl.core.people.matching import create_customer
from complaintctl.store.db import transaction

pytestmark = pytest.mark.postgresql_ci  # in CI's PostgreSQL run (.ci/run)

T0 = datetime(2026, 11, 1, 9, 0, tzinfo=timezone.utc)


def test_every_first_page_is_the_full_lists_first_rows(conn):
    # ties on the newest complaint, repeat complainers, merged records, customers never heard from
    hours = [0, 5, 5, 5, 3, 9, 9, 1, 2, 7, 7, 7, 4, 0, 6]
    for i, h in enumerate(hours):
        at = T0 + timedelta(hours=h)
        core.log_complaint(conn, core.NewComplaint(subject=f"c{i}", received=at, customer=f"客户{i % 11}",
                                                   phone=f"1390000{i % 11:04d}"), actor="t", now=at)
    with transaction(conn):
        for k in range(3):
            create_customer(conn, {"name": f"silent {k}"}, at="2026-11-01T00:00:00Z", actor="t")
    merge_customers(conn, 2, [5], actor="t")
    for merged in (False, True):
        everyone = list_customers(conn, include_merged=merged, limit=0)
        assert len(everyone) == (14 if merged else 13)
        for limit in range(1, len(everyone) + 2):
            assert list_customers(conn, include_merged=merged, limit=limit) == everyone[:limit], (merged, limit)


def test_a_customer_text_is_a_plain_substring_in_any_case(conn, monkeypatch):
    from complaintctl.core.insight import queries
    from complaintctl.core.insight.queries import ListFilters, count_complaints, list_complaints

    people = [("Alice_Smith", None), ("ALICE", None), ("AliceXSmith", None), ("王伟", "100% 棉业"),
              ("Bob", "Back\\slash Ltd")]
    for i, (name, company) in enumerate(people):
        at = T0 + timedelta(hours=i)
        core.log_complaint(conn, core.NewComplaint(subject=f"c{i}", received=at, customer=name, company=company,
                                                   phone=f"1380000{i:04d}"), actor="t", now=at)
    found = {text: sorted(r["name"] for r in list_customers(conn, text=text, limit=0))
             for text in ("alice", "e_s", "100%", "%", "_", "k\\s", "王", "13800000003")}
    assert found == {"alice": ["ALICE", "AliceXSmith", "Alice_Smith"], "e_s": ["Alice_Smith"], "100%": ["王伟"],
                     "%": ["王伟"], "_": ["Alice_Smith"], "k\\s": ["Bob"], "王": ["王伟"], "13800000003": ["王伟"]}
    for listed_at_most in (5000, 1):  # the matching customers listed, or (too many) a subquery
        monkeypatch.setattr(queries, "CUSTOMERS_LISTED", listed_at_most)
        for text, names in [*found.items(), ("nobody", [])]:
            filters = ListFilters(customer=text, limit=0)
            listed = list_complaints(conn, filters)
            assert sorted(r["customer_name"] for r in listed) == names, text
            assert count_complaints(conn, filters) == len(names), text
