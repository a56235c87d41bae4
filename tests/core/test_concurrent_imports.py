"""Imports next to other writers: customers are matched at write time, and a finished import
is a success whatever happens after its last commit."""

from __future__ import annotations

import sqlite3

import pytest

from complaintctl.core.intake import ImportOptions, import_records
from complaintctl.core.intake.source import open_source
from complaintctl.core.people.matching import match_or_create_customer
from complaintctl.store.db import DeskConnection, connect

PHONES = [f"1380013{i:04d}" for i in range(40)]


def _calls(path, name: str, rows: int = 160) -> None:
    lines = ["ref,received,customer,phone,subject"]
    lines += [f"{name}-{i},2026-11-{1 + i % 28:02d} 10:00,客户{i % 40},{PHONES[i % 40]},{name} call {i}"
              for i in range(rows)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_customers_another_writer_creates_during_an_import_are_matched_not_doubled(db_path, tmp_path):
    """Between two of an import's batches, staff log complaints from callers further down the
    file (creating their customer records): the import matches them rather than doubling them."""
    source = tmp_path / "calls.csv"
    _calls(source, "web", rows=120)
    batches = []
    conn = connect(db_path)

    def between_batches(done_bytes: int, rows: int) -> None:
        # The import has committed its first batch. What another process would write now, before
        # the import's next batch, is written on the import's own connection (it holds the lock):
        # the customers of callers the import has not reached yet (rows 30-39, 70-79, ...).
        batches.append(rows)
        if len(batches) == 1:
            for phone in PHONES[30:]:
                match_or_create_customer(conn, name="访客", email=None, phone=phone, company=None,
                                         at="2026-11-30T00:00:00Z", actor="staff")

    summary = import_records(conn, open_source(str(source)), options=ImportOptions(batch_size=8,
                             progress=between_batches), actor="cron")
    assert summary.inserted == 120 and len(batches) > 2
    doubled = conn.execute("SELECT phone_normalized, count(*) FROM customers GROUP BY phone_normalized "
                           "HAVING count(*) > 1").fetchall()
    assert doubled == []
    assert conn.execute("SELECT count(*) FROM customers").fetchone()[0] == 40


class _BusyAfterCommit(DeskConnection):
    """A connection whose PRAGMA optimize meets a busy database, as a neighbour's lock can make it."""

    def execute(self, sql, *args):
        if sql.strip().upper() == "PRAGMA OPTIMIZE":
            raise sqlite3.OperationalError("database is locked")
        return super().execute(sql, *args)


@pytest.mark.sqlite_only  # SQLite's PRAGMA optimize after an import, and a file's lock
def test_a_busy_database_after_the_last_commit_does_not_fail_a_finished_import(db_path, tmp_path, monkeypatch):
    source = tmp_path / "calls.csv"
    _calls(source, "web", rows=30)
    monkeypatch.setattr("complaintctl.store.db.DeskConnection", _BusyAfterCommit)
    conn = connect(db_path)
    assert isinstance(conn, _BusyAfterCommit)
    summary = import_records(conn, open_source(str(source)), options=ImportOptions(), actor="cron")
    assert summary.inserted == 30
    started, finished = conn.execute("SELECT started_at, finished_at FROM imports").fetchone()
    assert finished is not None and finished >= started
