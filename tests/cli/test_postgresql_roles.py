"""On PostgreSQL the server enforces who may write: an auditor's role granted SELECT only
(docs/security.md) reads, searches and checks the desk, and every change it tries is refused by
the server with one line and exit 1, nothing written."""

from __future__ import annotations

from itertools import count

import pytest

from complaintctl.store.db import connect
from conftest import Cli, query

pytestmark = pytest.mark.postgresql_ci
_roles = count(1)


def as_role(url: str, role: str) -> str:
    return url.replace("user=complaintctl", f"user={role}")


def test_an_auditor_role_reads_and_checks_but_cannot_change_anything(db_path, tmp_path):
    if not str(db_path).startswith("postgresql:"):
        pytest.skip("database roles are PostgreSQL's: pytest --backend postgresql")
    owner = Cli(db_path, tmp_path)
    cid = owner.log("--subject", "洗衣机漏水", "--customer", "李雷", "--severity", "high")
    role = f"auditor_{next(_roles)}"
    conn = connect(db_path)
    try:  # as docs/security.md says, for the desk's schema
        conn.execute(f"CREATE ROLE {role} LOGIN")
        conn.execute(f"GRANT USAGE ON SCHEMA public TO {role}")
        conn.execute(f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {role}")
    finally:
        conn.close()
    auditor = Cli(as_role(str(db_path), role), tmp_path)
    assert "洗衣机漏水" in auditor("list").stdout
    assert str(cid) in auditor("search", "漏水", "-f", "csv").stdout
    assert "李雷" in auditor("show", str(cid)).stdout and "洗衣机漏水" in auditor("export", "-f", "json").stdout
    assert auditor("audit", "head").stdout == owner("audit", "head").stdout
    auditor("check")
    events = query(db_path, "SELECT count(*) FROM events")
    for change in (("log", "--subject", "not mine to log"), ("update", str(cid), "--note", "x"),
                   ("close", str(cid), "--outcome", "rejected", "-r", "x"),
                   ("taxonomy", "add", "category", "fraud", "--label-en", "Fraud", "--label-zh", "欺诈")):
        result = auditor(*change, expect=1)
        assert "permission denied" in result.stderr and len(result.stderr.strip().splitlines()) == 1, change
    assert query(db_path, "SELECT count(*) FROM events") == events
    assert query(db_path, "SELECT status FROM complaints WHERE id = ?", cid) == [("new",)]


def test_init_roles_on_a_file_is_refused(cli):
    if str(cli.db_path).startswith("postgresql:"):
        pytest.skip("a database file")
    result = cli("init", "--roles", expect=2)
    assert "roles" in result.stderr and len(result.stderr.strip().splitlines()) == 1


def _refused(url: str, sql: str) -> str:
    conn = connect(url, migrate=False)
    try:
        with pytest.raises(Exception) as caught:
            conn.execute(sql)
        return str(caught.value)
    finally:
        conn.close()


def test_init_roles_makes_agents_leads_and_auditors_whom_the_server_holds_to_their_grants(db_path, tmp_path):
    """`init --roles` (docs/security.md): an agent works complaints but cannot change the team's
    settings or taxonomy, nor change, remove or forge an event; a lead changes the taxonomy and
    settings; an auditor changes nothing; the audit chain stays whole through all of it."""
    if not str(db_path).startswith("postgresql:"):
        pytest.skip("database roles are PostgreSQL's: pytest --backend postgresql")
    owner = Cli(db_path, tmp_path)
    owner("agents", "add", "alice", "--full-name", "Alice")
    made = owner("init", "--roles").stderr
    database = query(db_path, "SELECT current_database()")[0][0]
    assert all(f"{database}_{kind}" in made for kind in ("agent", "lead", "auditor")), made
    owner("init", "--roles")  # again: nothing to create, the same grants
    people = {}
    conn = connect(db_path)
    try:
        for kind in ("agent", "lead", "auditor"):
            people[kind] = f"{kind}_{next(_roles)}"
            conn.execute(f"CREATE ROLE {people[kind]} LOGIN IN ROLE {database}_{kind}")
    finally:
        conn.close()
    agent, lead, auditor = (Cli(as_role(str(db_path), people[k]), tmp_path) for k in ("agent", "lead", "auditor"))

    cid = agent.log("--subject", "洗衣机漏水", "--customer", "李雷", "--email", "li@example.com", "--severity", "high")
    agent("classify", str(cid), "--category", "product_quality", "--tag", "leak")
    agent("assign", str(cid), "--to", "alice")
    agent("update", str(cid), "--note", "called the customer")
    agent("close", str(cid), "--outcome", "resolved", "-r", "replaced the hose")
    agent("reopen", str(cid), "--reason", "leaks again")
    other = agent.log("--subject", "Parcel late", "--customer", "Ann")
    agent("claim", str(other), env={"COMPLAINTCTL_ACTOR": "alice"})
    agent("close", str(other), "--outcome", "resolved", "-r", "delivered")
    agent("survey", str(other), "--score", "4")
    (tmp_path / "calls.csv").write_text("ref,subject,received\nA1,Noisy fridge,2026-11-03\n", encoding="utf-8")
    agent("import", str(tmp_path / "calls.csv"))
    assert str(cid) in agent("search", "漏水", "-f", "csv").stdout
    for change in (("taxonomy", "add", "category", "fraud", "--label-en", "Fraud", "--label-zh", "欺诈"),
                   ("sla", "set", "high", "--respond", "2h", "--resolve", "2d")):
        result = agent(*change, expect=1)
        assert "permission denied" in result.stderr, change
    agent_url = as_role(str(db_path), people["agent"])
    for sql in ("UPDATE events SET note = 'nothing happened' WHERE complaint_id IS NOT NULL",
                "DELETE FROM events", "TRUNCATE events",
                "INSERT INTO events (id, at, actor, action, hash) VALUES (999999, '2026-01-01T00:00:00Z', 'x', "
                "'noted', 'ffffffffffffffffffffffffffffffff')",
                "DELETE FROM audit_chain", "DROP TRIGGER events_no_update ON events",
                "SELECT setval('events_id_seq', 1)"):
        assert "permission denied" in _refused(agent_url, sql) or "must be owner" in _refused(agent_url, sql), sql

    lead("taxonomy", "add", "category", "fraud", "--label-en", "Fraud", "--label-zh", "欺诈")
    lead("sla", "set", "high", "--respond", "2h", "--resolve", "2d")
    lead("classify", str(cid), "--category", "fraud")
    assert "permission denied" in auditor("update", str(cid), "--note", "x", expect=1).stderr
    assert "fraud" in auditor("show", str(cid), "-f", "json").stdout
    assert '"received"' in auditor("report", "weekly", "-f", "json").stdout

    actions = [a for (a,) in query(db_path, "SELECT action FROM events WHERE complaint_id = ? ORDER BY id", cid)]
    assert actions[0] == "logged" and "reopened" in actions and actions.count("classified") >= 2, actions
    owner("check")  # the chain whole, every stated fact as its event says


def test_the_actor_is_the_database_role_when_none_is_given(db_path, tmp_path, monkeypatch):
    """On PostgreSQL an event names the role the server authenticated, not the shell's login name,
    when neither --actor nor COMPLAINTCTL_ACTOR says who; either still wins when given."""
    import getpass

    if not str(db_path).startswith("postgresql:"):
        pytest.skip("database roles are PostgreSQL's: pytest --backend postgresql")
    role = f"li_wei_{next(_roles)}"
    conn = connect(db_path)
    try:
        conn.execute(f"CREATE ROLE {role} LOGIN")
        conn.execute(f"GRANT complaintctl TO {role}")  # the owner's privileges, not its superuser
    finally:
        conn.close()
    monkeypatch.delenv("COMPLAINTCTL_ACTOR")
    member = Cli(as_role(str(db_path), role), tmp_path)
    cid = member.log("--subject", "洗衣机漏水")
    member("update", str(cid), "--note", "called back")
    Cli(db_path, tmp_path)("--actor", "zhang.san", "update", str(cid), "--note", "told to")
    monkeypatch.setenv("COMPLAINTCTL_ACTOR", "wang.wu")
    member("update", str(cid), "--note", "said so")
    assert [r[0] for r in query(db_path, "SELECT actor FROM events ORDER BY id")] == [role, role, "zhang.san", "wang.wu"]
    assert getpass.getuser() != role
