"""`check` compares every fact an event states, and every fact an event seals, with the row it
describes: each way of changing a value with plain sqlite3 that no event records is named, with
the row and the event (issue 22: seven stated kinds; issue 21: the intake no event restates)."""

from __future__ import annotations

import json
import shutil
import sqlite3
from datetime import datetime, timedelta, timezone

import pytest

from conftest import Cli

# the tampering under test is plain sqlite3 on the file (on PostgreSQL, check says it does not
# compare stated facts yet)
pytestmark = pytest.mark.sqlite_only
T0 = datetime(2026, 11, 2, 1, 0, tzinfo=timezone.utc)


def _seed(path) -> None:
    """A small desk through the core functions, a clock of its own: #1 logged with its customer,
    tags and classification, re-classified, assigned, closed and surveyed; #2 logged and never
    touched again; #3 closed, reopened and closed again; #4 and #5 imported (#4 finished, with its
    outcome; #5 open, assigned, tagged); customer Bob's email edited."""
    from complaintctl.core.desk import closing, tracking
    from complaintctl.core.desk import complaints as desk
    from complaintctl.core.people import agents, customers
    from complaintctl.core.people.matching import get_customer
    from complaintctl.store.db import connect, transaction

    conn = connect(path)
    at = lambda hours: T0 + timedelta(hours=hours)  # noqa: E731
    with transaction(conn):
        agents.add_agent(conn, "li.wei", full_name="李伟", email=None, is_lead=False, actor="lead", at="2026-11-01T00:00:00Z")
    one = desk.log_complaint(conn, desk.NewComplaint(
        "洗衣机漏水", customer="王芳", phone="13800138000", email="wang@example.cn", channel="phone", remedy="refund",
        category="product_quality", severity="high", tags=["vip"], received=at(0)), actor="agent", now=at(0)).id
    desk.classify(conn, one, codes={"category": "after_sales"}, add_tags=["later"], actor="agent", now=at(1))
    desk.assign(conn, one, "li.wei", actor="lead", now=at(2))
    desk.update(conn, one, status="acknowledged", actor="li.wei", now=at(3))
    closing.close(conn, one, outcome="resolved", resolution="Refunded in full", told_via="email", accepted=True,
                  actor="li.wei", now=at(4))
    tracking.survey(conn, one, score=2, comment="slow", actor="li.wei", now=at(5))
    desk.log_complaint(conn, desk.NewComplaint(
        "Late delivery", description="Three days late", channel="email", remedy="apology", category="delivery_delay",
        severity="low", customer="Zhao", phone="13900000002", received=at(6)), actor="agent", now=at(6))
    three = desk.log_complaint(conn, desk.NewComplaint("Wrong invoice", customer="Bob", email="bob@example.com",
                                                       received=at(7)), actor="agent", now=at(7)).id
    closing.close(conn, three, outcome="rejected", resolution="Invoice was right", actor="agent", now=at(8))
    closing.reopen(conn, three, reason="customer sent the bill", actor="agent", now=at(9))
    closing.close(conn, three, outcome="withdrawn", resolution="Customer withdrew", accepted=False, actor="agent",
                  now=at(10))
    customers.edit_customer(conn, get_customer(conn, 3)["id"], {"email": "bob@example.org"}, actor="agent", now=at(11))
    conn.close()


@pytest.fixture(scope="module")
def seeded(tmp_path_factory, template_db):
    folder = tmp_path_factory.mktemp("stated")
    path = folder / "complaints.db"
    shutil.copy(template_db, path)
    with pytest.MonkeyPatch.context() as mp:
        from conftest import _isolate

        _isolate(mp, folder)
        _seed(path)
        source = folder / "finished.csv"
        source.write_text(
            "ref,subject,received,status,customer,phone,resolved,closed,outcome,resolution,assignee,tags\n"
            "H-4,Billing twice,2026-11-01 08:00,closed,Qian,13700000004,2026-11-02 09:00,2026-11-03 10:00,resolved,"
            "Refunded twice,,\n"
            "H-5,Router dead,2026-11-01 09:00,investigating,Sun,13700000005,,,,,li.wei,\"hardware,urgent\"\n",
            encoding="utf-8")
        Cli(path)("import", str(source))
    return path


@pytest.fixture
def desk(seeded, tmp_path) -> Cli:
    path = tmp_path / "complaints.db"
    shutil.copy(seeded, path)
    return Cli(path)


def _findings(cli, *args, expect=0) -> dict:
    return {f["check"]: f for f in json.loads(cli("check", "-f", "json", *args, expect=expect).stdout)}


def _sql(cli, *statements: str) -> None:
    raw = sqlite3.connect(cli.db_path, isolation_level=None)  # a sqlite3 shell
    for statement in statements:
        raw.execute(statement)
    raw.close()


def _event(cli, where: str) -> int:
    raw = sqlite3.connect(cli.db_path)
    try:
        return raw.execute(f"SELECT id FROM events WHERE {where} ORDER BY id DESC LIMIT 1").fetchone()[0]
    finally:
        raw.close()


def test_the_seeded_desk_passes_and_says_what_is_sealed(desk):
    facts = _findings(desk)["stated facts"]
    assert facts["result"] == "ok"
    assert facts["detail"] == ("5 complaints and 5 customers agree with the events that state their facts; "
                               "the intake of 5 is sealed")
    assert "stated facts" not in _findings(desk, "--quick")  # a full check's comparison


# Issue 22: seven kinds of stated facts rewritten; each passed `check` and `check --against`.
STATED = [
    ("survey score", "UPDATE surveys SET score = 5 WHERE score <= 2",
     "complaint #1: its survey score is '5' where event #{surveyed} says '2'"),
    ("outcome", "UPDATE complaints SET outcome = 'rejected' WHERE id = 1",
     "complaint #1: its outcome is 'rejected' where event #{closed} says 'resolved'"),
    ("resolution", "UPDATE complaints SET resolution = 'We did nothing' WHERE id = 3",
     "complaint #3: its resolution is 'We did nothing' where event #{reclosed} says 'Customer withdrew'"),
    ("told via", "UPDATE complaints SET told_via = 'phone' WHERE id = 1",
     "complaint #1: its told via is 'phone' where event #{closed} says 'email'"),
    ("accepted", "UPDATE complaints SET customer_accepted = 1 WHERE id = 3",
     "complaint #3: its customer accepted is '1' where event #{reclosed} says '0'"),
    ("tags deleted", "DELETE FROM complaint_tags WHERE complaint_id = 1",
     "complaint #1: its tag 'later' is missing, though event #{tagged} added it"),
    ("customer's name and email", "UPDATE customers SET name = 'Mallory', email = 'm@evil.example' WHERE id = 3",
     "customer #3: its name is 'Mallory' where event #{bob} says 'Bob'"),
]


@pytest.mark.parametrize("statement, named", [s[1:] for s in STATED], ids=[s[0] for s in STATED])
def test_a_stated_fact_rewritten_is_named_with_its_event(desk, statement, named):
    head = desk("audit", "head").stdout.strip()
    events = {"surveyed": _event(desk, "action = 'surveyed'"),
              "closed": _event(desk, "complaint_id = 1 AND action = 'closed' AND field = 'outcome'"),
              "reclosed": _event(desk, "complaint_id = 3 AND action = 'closed' AND field = 'outcome'"),
              "tagged": _event(desk, "action = 'tagged'"),
              "bob": _event(desk, "customer_id = 3 AND action = 'customer_created'")}
    if "resolution" in statement:
        events["reclosed"] = _event(desk, "complaint_id = 3 AND action = 'closed' AND field = 'status'")
    _sql(desk, statement)
    facts = _findings(desk, expect=1)["stated facts"]
    assert facts["result"] == "problem"
    assert f"the first: {named.format(**events)}" in facts["detail"]
    assert _findings(desk, "--against", head, expect=1)["stated facts"]["result"] == "problem"
    assert _findings(desk, "--quick", expect=0)  # the quick check does not compare them


@pytest.mark.parametrize("statement, named", [
    ("DELETE FROM surveys", "complaint #1: its surveys are not what its surveyed events say"),
    ("INSERT INTO surveys (complaint_id, at, actor, score, comment) VALUES (3, '2026-11-03T00:00:00Z', 'x', 5, NULL)",
     "complaint #3: its surveys are not what its surveyed events say"),
    ("UPDATE surveys SET comment = 'fast'", "complaint #1: its survey comment is 'fast' where event #"),
    ("UPDATE complaints SET outcome = 'duplicate', duplicate_of = 2 WHERE id = 3",
     "complaint #3: its outcome is 'duplicate' where event #"),
    ("UPDATE complaints SET resolution = 'Sorted' WHERE id = 2",  # never closed: logged without one
     "complaint #2: its resolution is 'Sorted' where event #"),
    ("INSERT INTO complaint_tags VALUES (3, 'vip')", "complaint #3: what it came in with is not what event #"),
    ("UPDATE customers SET email = 'wang@evil.example' WHERE id = 1",
     "customer #1: what the record was created with is not what event #"),
    ("UPDATE customers SET email = 'bob@example.com' WHERE id = 3",
     "customer #3: its email is 'bob@example.com' where event #"),
    ("UPDATE customers SET merged_into = 1 WHERE id = 2", "customer #2: its merge is '1', and no event says so"),
    ("UPDATE customers SET name = 'Mallory', email = 'm@evil.example' WHERE id = 4",
     "customers #4 to #5: what the records were created with is not what event #"),
    ("DELETE FROM customers WHERE id = 5", "customers #4 to #5: what the records were created with is not what event #"),
], ids=["survey deleted", "survey inserted", "survey comment", "duplicate", "resolution of an open complaint",
        "tag added", "customer email", "edited email put back", "merge", "imported customer", "imported customer gone"])
def test_other_stated_facts_rewritten_are_named(desk, statement, named):
    _sql(desk, statement)
    assert named in _findings(desk, expect=1)["stated facts"]["detail"]


# Issue 21 (and 22's eight intake kinds): what a complaint came in with and no event restates.
INTAKE = [
    ("subject", 2, "UPDATE complaints SET subject = 'Nothing happened' WHERE id = 2"),
    ("description", 2, "UPDATE complaints SET description = NULL WHERE id = 2"),
    ("received time", 2, "UPDATE complaints SET received_at = '2026-11-01T00:00:00Z' WHERE id = 2"),
    ("channel", 2, "UPDATE complaints SET channel = 'web' WHERE id = 2"),
    ("remedy", 2, "UPDATE complaints SET remedy = 'refund' WHERE id = 2"),
    ("first category", 2, "UPDATE complaints SET category = 'price' WHERE id = 2"),
    ("first severity", 2, "UPDATE complaints SET severity = 'critical' WHERE id = 2"),
    ("customer", 2, "UPDATE complaints SET customer_id = 1 WHERE id = 2"),
    ("tag given at intake", 1, "DELETE FROM complaint_tags WHERE complaint_id = 1 AND tag = 'vip'"),
    ("ref of an import", 4, "UPDATE complaints SET ref = 'H-9' WHERE id = 4"),
    ("assignee of an import", 5, "UPDATE complaints SET assignee = NULL WHERE id = 5"),
    ("tags of an import", 5, "DELETE FROM complaint_tags WHERE complaint_id = 5 AND tag = 'urgent'"),
]


@pytest.mark.parametrize("cid, statement", [s[1:] for s in INTAKE], ids=[s[0] for s in INTAKE])
def test_what_a_complaint_came_in_with_is_sealed(desk, cid, statement):
    _sql(desk, statement)
    sealed = _event(desk, f"complaint_id = {cid} AND action IN ('logged', 'imported')")
    detail = _findings(desk, expect=1)["stated facts"]["detail"]
    assert f"the first: complaint #{cid}: what it came in with is not what event #{sealed} sealed" in detail


def test_an_imported_outcome_is_sealed_until_an_event_moves_the_complaint_on(desk):
    _sql(desk, "UPDATE complaints SET resolution = 'Nothing refunded' WHERE id = 4")
    detail = _findings(desk, expect=1)["stated facts"]["detail"]
    assert "complaint #4: the outcome it came in with is not what event #" in detail
    _sql(desk, "UPDATE complaints SET resolution = 'Refunded twice' WHERE id = 4")
    desk("reopen", "4", "--reason", "charged again")
    desk("close", "4", "--outcome", "resolved", "--resolution", "Refunded again")
    assert _findings(desk)["stated facts"]["result"] == "ok"  # the events since state the outcome
    _sql(desk, "UPDATE complaints SET resolution = 'Nothing refunded' WHERE id = 4")
    assert "complaint #4: its resolution is 'Nothing refunded' where event #" in \
        _findings(desk, expect=1)["stated facts"]["detail"]


def test_an_outcome_given_to_a_complaint_never_closed_is_named_after_it_moved_on(desk):
    desk("update", "5", "--status", "waiting")  # the imported complaint moves on: its seal's outcome part is moot
    _sql(desk, "UPDATE complaints SET outcome = 'resolved', told_via = 'phone' WHERE id = 5")
    sealed = _event(desk, "complaint_id = 5 AND action = 'imported'")
    assert f"complaint #5: its outcome is 'resolved' where event #{sealed} says empty" in \
        _findings(desk, expect=1)["stated facts"]["detail"]


def test_honest_work_after_the_seal_keeps_the_desk_clean(desk):
    """Every command that changes what a complaint came in with says so in an event: the intake
    worked back through them still gives the seal."""
    desk("update", "2", "--subject", "Very late delivery", "--received", "2026-11-02 05:00")
    desk("classify", "2", "--category", "price", "--severity", "high", "--untag", "none", "--tag", "new-tag")
    desk("classify", "5", "--untag", "urgent")
    desk("assign", "5", "--to", "li.wei")
    desk("update", "2", "--customer", "李雷", "--phone", "13500000009", "--new-customer")
    desk("customers", "edit", "1", "--name", "王 芳", "--phone", "13800138001")
    desk("customers", "merge", "1", "2")
    assert _findings(desk)["stated facts"]["result"] == "ok"


def test_a_desk_from_before_seals_still_verifies_and_its_kept_head_still_proves(tmp_path):
    """A database made by an earlier version: its logged events carry no digest. After the upgrade
    its chain holds, a head kept before still proves, what events state is still compared, and
    check says plainly that the intake of those complaints is not sealed."""
    from complaintctl.store import migrations
    from complaintctl.store.chain import insert_events

    path = tmp_path / "old.db"
    path.touch(mode=0o600)
    raw = sqlite3.connect(path, isolation_level=None)
    migrations.migrate(raw, target=16)
    raw.execute("INSERT INTO complaints (received_at, subject, status, closed_at, outcome, resolution, created_at, "
                "updated_at, created_by) VALUES ('2026-11-01T00:00:00Z', 'old', 'closed', '2026-11-02T00:00:00Z', "
                "'resolved', 'Fixed', '2026-11-01T00:00:00Z', '2026-11-02T00:00:00Z', 'x')")
    raw.execute("BEGIN")
    insert_events(raw, [(1, "2026-11-01T00:00:00Z", "x", "logged", "status", None, "new", "anonymous", None),
                        (1, "2026-11-02T00:00:00Z", "x", "closed", "status", "new", "closed", "Fixed", None),
                        (1, "2026-11-02T00:00:00Z", "x", "closed", "outcome", None, "resolved",
                         "told via unknown channel; customer acceptance unknown", None)])
    raw.execute("COMMIT")
    head = "{}:{}".format(*raw.execute("SELECT id, hash FROM events ORDER BY id DESC LIMIT 1").fetchone())
    raw.close()
    old = Cli(path)
    old("init")  # brought up to date
    found = _findings(old, "--against", head)
    assert found["audit trail"]["result"] == "ok" and "nothing at or before the kept head #3" in \
        found["audit trail"]["detail"]
    assert found["stated facts"]["detail"] == (
        "1 complaint and 0 customers agree with the events that state their facts; the intake of 0 is sealed "
        "(1 came in before seals: what no event restates is not covered)")
    new = old.log("--subject", "after the upgrade")
    assert "the intake of 1 is sealed (1 came in before seals" in _findings(old)["stated facts"]["detail"]
    _sql(old, "UPDATE complaints SET resolution = 'Never fixed' WHERE id = 1",
         f"UPDATE complaints SET subject = 'changed' WHERE id = {new}")
    detail = _findings(old, expect=1)["stated facts"]["detail"]
    assert "complaint #1: its resolution is 'Never fixed' where event #2 says 'Fixed'" in detail
    assert f"sealed intake: #{new}" in detail


def test_a_chain_version_this_complaintctl_does_not_know_is_said_not_misread(desk):
    _sql(desk, "INSERT INTO audit_chain (version, from_event, since) "
               "VALUES (9, (SELECT max(id) FROM events), '2030-01-01T00:00:00Z')")
    audit = _findings(desk, expect=1)["audit trail"]
    assert "use version 9 of the audit chain, which this complaintctl does not know" in audit["detail"]
    assert audit["fix"] == "upgrade complaintctl"
