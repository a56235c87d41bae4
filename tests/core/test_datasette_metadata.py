"""The Datasette metadata is checked against the schema, so it cannot drift from it."""

import json
import sqlite3

import pytest

from complaintctl.core.insight.datasette_metadata import TABLES, datasette_config, datasette_metadata, describe

# Datasette opens an SQLite file; the schema it describes is the same on PostgreSQL by construction
# (tests/core/test_postgresql_schema.py holds the tables and columns to it)
pytestmark = pytest.mark.sqlite_only


def _schema(conn):
    objects = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view') "
                                          "AND name NOT LIKE 'sqlite_%' ORDER BY name")]
    return {t: [r[1] for r in conn.execute(f"PRAGMA table_xinfo({t})") if r[6] in (0, 2, 3)] for t in objects}


def test_every_table_view_and_column_is_described(conn):
    schema = _schema(conn)
    undescribed = [t for t in schema if not TABLES.get(t, ("",))[0]]
    assert not undescribed, f"add these tables to TABLES in core/insight/datasette_metadata.py: {undescribed}"
    columns = [f"{t}.{c}" for t, cols in schema.items() for c, text in describe(t, cols).items() if not text]
    assert not columns, f"describe these columns in core/insight/datasette_metadata.py: {columns}"


def test_nothing_described_that_the_schema_does_not_have(conn):
    schema = _schema(conn)
    assert set(TABLES) <= set(schema), set(TABLES) - set(schema)
    stale = [f"{t}.{c}" for t, (_d, cols) in TABLES.items() for c in cols if c not in schema[t]]
    assert not stale, f"these columns are described but do not exist: {stale}"


def test_labels_facets_and_sorts_name_real_columns(conn):
    schema = _schema(conn)
    data = datasette_metadata(conn, name="complaints", lang="zh")
    tables = data["databases"]["complaints"]["tables"]
    assert set(tables) == set(schema)
    for table, entry in tables.items():
        for column in entry.get("facets", []) + [entry.get("label_column"), entry.get("sort_desc")]:
            assert column is None or column in schema[table], (table, column)
        assert set(entry["columns"]) == set(schema[table]) and all(entry["columns"].values())
    assert tables["categories"]["label_column"] == "label_zh" and tables["agents"]["label_column"] == "full_name"
    assert tables["webhooks"]["hidden"] is True  # credentials are not on the front page


@pytest.fixture
def sample(conn):
    from complaintctl.core.desk.complaints import NewComplaint, close, log_complaint, update
    from complaintctl.core.people.agents import add_agent
    from complaintctl.core.record.dates import now_utc, to_iso
    from complaintctl.store.db import transaction

    with transaction(conn):
        add_agent(conn, "li.wei", full_name="李伟", email=None, is_lead=False, actor="t", at=to_iso(now_utc()))
    for subject, severity in (("洗衣机漏水", "high"), ("快递三天没到", "critical"), ("发票错误", None)):
        log_complaint(conn, NewComplaint(subject=subject, email="wf@example.cn", channel="phone", severity=severity,
                                         category="product_quality"), actor="t")
    update(conn, 1, status="acknowledged", actor="t")
    close(conn, 2, outcome="resolved", resolution="补发", actor="t")
    return conn


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_canned_query_runs_and_answers(sample, db_path, lang):
    queries = datasette_metadata(sample, name="complaints", lang=lang)["databases"]["complaints"]["queries"]
    assert len(queries) >= 8
    reader = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    answered = {}
    for key, query in queries.items():
        assert query["title"] and query["description"], key
        answered[key] = reader.execute(query["sql"], {"words": "漏水", "id": 1}).fetchall()
    def label(table, code):
        return reader.execute(f"SELECT label_{lang} FROM {table} WHERE code = ?", (code,)).fetchone()[0]

    assert [r[:2] for r in answered["open_by_assignee"]] == [("(unassigned)", 1), ("(unassigned)", 3)]
    assert [(r[0], r[2], r[3]) for r in answered["search"]] == [(1, label("statuses", "acknowledged"), "洗衣机漏水")]
    assert [r[0] for r in answered["by_category_30_days"]] == [label("categories", "product_quality")]
    assert answered["repeat_customers"][0][4] == 3 and len(answered["timeline"]) >= 2


def test_datasette_itself_reads_it(sample, db_path, tmp_path):
    """With Datasette installed (it is not a dependency), the metadata loads and a canned query runs."""
    pytest.importorskip("datasette")
    import asyncio

    from datasette.app import Datasette

    metadata = datasette_metadata(sample, name=db_path.stem, lang="zh")
    try:  # Datasette 1.0 reads canned queries and table settings from its configuration
        ds = Datasette([str(db_path)], metadata=metadata, config=datasette_config(metadata))
    except TypeError:  # 0.x reads everything from the metadata
        ds = Datasette([str(db_path)], metadata=metadata)

    async def fetch():
        await ds.invoke_startup()
        table = await ds.client.get(f"/{db_path.stem}/complaints.json?_shape=objects&_labels=on")
        query = await ds.client.get(f"/{db_path.stem}/search.json?words=漏水&_shape=objects")
        return table, query

    table, query = asyncio.run(fetch())
    assert table.status_code == 200 and query.status_code == 200, (table.text[:300], query.text[:300])
    rows = table.json()["rows"]
    assert {"value": "high", "label": "高"} in [r["severity"] for r in rows]  # codes come with their labels
    assert [r["subject"] for r in query.json()["rows"]] == ["洗衣机漏水"]
    json.dumps(metadata, ensure_ascii=False)
