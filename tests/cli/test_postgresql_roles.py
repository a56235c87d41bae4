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
