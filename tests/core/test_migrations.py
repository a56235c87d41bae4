"""Every earlier schema version upgrades to the latest without losing a row."""

import sqlite3
from pathlib import Path

import pytest
from pinned_schema import PINNED, fresh_schema_text, schema_text

from complaintctl.store import migrations
from complaintctl.store.db import connect


def _open(path):
    # private, as complaintctl makes its files: `check` warns about a file others can read,
    # which is not what these tests are about
    path.touch(mode=0o600)
    conn = sqlite3.connect(path, isolation_level=None)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


def _fill(conn):
    """Rows in every table that exists at this version, written as that version allows."""
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if "complaints" not in tables:
        return
    conn.execute(
        "INSERT INTO agents (name, full_name, created_at) VALUES ('li', '李伟', '2026-01-01T00:00:00Z')"
    )
    conn.execute("INSERT INTO customers (name, email, email_normalized, created_at) "
                 "VALUES ('王芳', 'W@x.cn', 'w@x.cn', '2026-01-01T00:00:00Z')")
    for i in range(1, 6):
        conn.execute(
            "INSERT INTO complaints (received_at, subject, customer_id, severity, category, status, "
            "assignee, created_at, updated_at, created_by) VALUES (?, ?, 1, 'high', 'price', 'new', "
            "'li', ?, ?, 'migr')",
            (f"2026-01-0{i}T00:00:00Z", f"投诉 {i}", "2026-01-01T00:00:00Z", "2026-01-01T00:00:00Z"),
        )
        conn.execute("INSERT INTO complaint_tags VALUES (?, 'vip')", (i,))
        if any(c[1] == "hash" for c in conn.execute("PRAGMA table_info(events)")):  # chained (14 on)
            from complaintctl.store.chain import insert_events

            insert_events(conn, [(i, "2026-01-01T00:00:00Z", "migr", "logged", None, None, None, None, None)])
        else:
            conn.execute("INSERT INTO events (complaint_id, at, actor, action) VALUES (?, ?, 'migr', 'logged')",
                         (i, "2026-01-01T00:00:00Z"))


def _counts(conn):
    tables = [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "AND name <> 'schema_migrations'")]
    return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}


@pytest.mark.parametrize("start", range(0, migrations.LATEST_VERSION))
def test_upgrade_from_every_earlier_version(tmp_path, start):
    path = tmp_path / f"v{start}.db"
    conn = _open(path)
    migrations.migrate(conn, target=start)
    assert migrations.current_version(conn) == start
    _fill(conn)
    before = _counts(conn)
    conn.close()

    upgraded = connect(path)  # what any command does on an old file
    assert migrations.current_version(upgraded) == migrations.LATEST_VERSION
    after = _counts(upgraded)
    names = [name for name, _ in migrations.MIGRATIONS]
    made = {"settings": int(start < names.index("m016_database_identity") + 1)}  # the database's identity
    for table, count in before.items():
        if table.startswith("complaints_fts_"):
            continue  # the search index's own storage, rebuilt by m018 (its rows are checked below)
        assert after[table] == count + made.get(table, 0), table
    if start >= 1:  # every complaint is found by its words
        assert [r[0] for r in upgraded.execute(
            "SELECT rowid FROM complaints_fts WHERE complaints_fts MATCH '\"投诉 \"' ORDER BY rowid")] == [1, 2, 3, 4, 5]
    assert upgraded.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert upgraded.execute("PRAGMA foreign_key_check").fetchall() == []
    names = [r[0] for r in upgraded.execute("SELECT name FROM schema_migrations ORDER BY version")]
    assert names == [name for name, _ in migrations.MIGRATIONS]
    if start >= 1:
        assert upgraded.execute("SELECT count(*) FROM complaint_overview").fetchone()[0] == 5
    # exactly the pinned schema: the same tables, columns, views, indexes and triggers
    assert schema_text(upgraded) == PINNED.read_text(encoding="utf-8")
    from complaintctl.core.trust.health import check_database

    assert [f for f in check_database(upgraded, quick=True) if f.result != "ok"] == []


def test_a_model_trained_before_026_keeps_each_weight_with_its_code(tmp_path):
    conn = _open(tmp_path / "v25.db")
    migrations.migrate(conn, target=25)
    conn.execute("INSERT INTO suggest_models (field, method, version, trained_at, trained_by, examples, labels, "
                 "features, weights, size_bytes, temperature, seconds) VALUES ('category', 'naive_bayes', 1, "
                 "'2026-11-01T00:00:00Z', 'lead', 40, 2, 2, 3, 100, 1.5, 0.1)")
    conn.executemany("INSERT INTO suggest_labels VALUES (1, ?, ?, ?, ?)",
                     [("price", 25, -0.4, -9.0), ("billing_error", 15, -0.9, -8.5)])
    conn.executemany("INSERT INTO suggest_features VALUES (1, ?, 1.0)", [("扣费",), ("price",)])
    conn.executemany("INSERT INTO suggest_weights VALUES (1, ?, ?, ?)",
                     [("扣费", "billing_error", 2.5), ("扣费", "price", 0.5), ("price", "price", 3.0)])
    conn.close()
    upgraded = connect(tmp_path / "v25.db")
    from complaintctl.core.insight.suggest.tables import load_model

    model = load_model(upgraded, "category")
    assert model.labels == {"billing_error": (-0.9, -8.5), "price": (-0.4, -9.0)}
    assert {f: sorted(row) for f, row in model.weights.items()} == {
        "扣费": [("billing_error", 2.5), ("price", 0.5)], "price": [("price", 3.0)]}
    assert [tuple(r) for r in upgraded.execute("SELECT number, label FROM suggest_labels ORDER BY number")] == [
        (1, "billing_error"), (2, "price")]


def test_migrating_twice_does_nothing(tmp_path):
    conn = connect(tmp_path / "a.db")
    assert migrations.migrate(conn) == []


def test_newer_schema_is_refused(tmp_path):
    from complaintctl.errors import ComplaintError

    path = tmp_path / "future.db"
    connect(path).close()
    raw = sqlite3.connect(path)
    raw.execute(f"PRAGMA user_version = {migrations.LATEST_VERSION + 1}")
    raw.close()
    with pytest.raises(ComplaintError, match="newer"):
        connect(path)


def test_failed_migration_leaves_previous_version(tmp_path, monkeypatch):
    path = tmp_path / "b.db"
    conn = _open(path)
    migrations.migrate(conn, target=1)

    def broken(c):
        c.execute("CREATE TABLE half_done (x)")
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(migrations, "MIGRATIONS", [migrations.MIGRATIONS[0], ("m002_broken", broken)])
    with pytest.raises(RuntimeError):
        migrations.migrate(conn)
    assert migrations.current_version(conn) == 1
    assert conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'half_done'").fetchone()[0] == 0


def test_a_fresh_database_has_the_pinned_schema():
    """tests/core/schema.sql is the reviewed schema; a migration that changes it must change the pin
    too (`python tests/core/pinned_schema.py`), so the change is seen in review."""
    assert fresh_schema_text() == PINNED.read_text(encoding="utf-8"), (
        "the schema differs from tests/core/schema.sql: if the change is meant, run "
        "`python tests/core/pinned_schema.py` and review the diff")


def test_processes_opening_a_fresh_file_at_once_apply_each_step_once(tmp_path):
    """Each step re-reads the version inside BEGIN IMMEDIATE: four openers of one new file all
    succeed, and every migration is recorded once (docs/development.md says why this registry
    is ours rather than sqlite-utils' Migrations)."""
    import threading

    path = tmp_path / "fresh.db"
    start = threading.Barrier(4)
    failures: list[BaseException] = []

    def open_it() -> None:
        start.wait()
        try:
            connect(path).close()
        except BaseException as exc:  # noqa: BLE001 - any failure fails the test below
            failures.append(exc)

    threads = [threading.Thread(target=open_it) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not failures
    conn = sqlite3.connect(path)
    versions = [r[0] for r in conn.execute("SELECT version FROM schema_migrations ORDER BY version")]
    conn.close()
    assert versions == list(range(1, migrations.LATEST_VERSION + 1))


def test_each_migration_is_a_file_and_none_passes_400_lines():
    """A new migration is a new file with the next number; the folder never grows one long file."""
    folder = Path(migrations.__file__).parent
    files = sorted(folder.glob("m[0-9][0-9][0-9]_*.py"))
    assert [f.stem for f in files] == [name for name, _ in migrations.MIGRATIONS]
    assert len(files) == migrations.LATEST_VERSION
    for f in [*files, folder / "__init__.py", folder / "shared.py"]:
        assert len(f.read_text(encoding="utf-8").splitlines()) <= 400, f.name
