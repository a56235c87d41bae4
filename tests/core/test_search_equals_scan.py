"""Search finds exactly what a brute-force scan of the text finds, after every way the text is
written: an import (indexed once per complaint per batch), an import with --update, log,
notes, tags added and removed, an edited subject and customer, a customer merge."""

import csv
import random
from datetime import datetime, timedelta, timezone

import pytest

from complaintctl.core.desk import complaints as desk
from complaintctl.core.insight import search
from complaintctl.core.insight.queries import ListFilters
from complaintctl.core.intake import ImportOptions, import_records
from complaintctl.core.intake.source import open_source
from complaintctl.store.db import connect
from complaintctl.store.search import COLUMNS

pytestmark = pytest.mark.postgresql_ci  # in CI's PostgreSQL run (.ci/run)

T0 = datetime(2026, 11, 2, 8, 0, tzinfo=timezone.utc)
WORDS_ZH = ["洗衣机", "漏水", "快递", "没到", "发票", "金额", "错误", "客服", "态度", "退款", "空调", "不制冷", "噪音"]
WORDS_EN = ["washer", "leaks", "parcel", "late", "invoice", "wrong", "agent", "rude", "refund", "noisy", "Fan"]


def _text(rnd: random.Random, n: int) -> str:
    words = [rnd.choice(WORDS_ZH if rnd.random() < 0.6 else WORDS_EN) for _ in range(n)]
    return "".join(w if "\u4e00" <= w[0] <= "\u9fff" else f" {w} " for w in words).strip()


def _import(db, path, rnd, rows, start, update=False):
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["编号", "投诉时间", "客户", "手机", "标题", "问题描述", "标签", "备注字段"])
        for i in range(start, start + rows):
            w.writerow([f"R{i:04d}", f"2026-10-{1 + i % 28:02d} 09:00", f"客户{i % 7}", f"1390000{i % 7:04d}",
                        _text(rnd, 2), _text(rnd, rnd.randrange(3, 30)), rnd.choice(["", "vip", "vip,媒体", "复购"]),
                        _text(rnd, 2)])
    conn = connect(db)
    try:
        import_records(conn, open_source(str(path)), actor="t", now=T0,
                       options=ImportOptions(received_now=True, update=update, batch_size=7))
    finally:
        conn.close()


def _scan(conn, terms: list[str]) -> list[int]:
    """Ids whose text holds every term, by reading every row of the text (ASCII case folded)."""
    found = []
    for row in conn.execute(f"SELECT id, {', '.join(COLUMNS)} FROM complaint_search_text ORDER BY id"):
        columns = [(text or "").lower() for text in row[1:]]
        if all(any(term.lower() in text for text in columns) for term in terms):
            found.append(row[0])
    return found


@pytest.fixture(scope="module")
def desk_db(tmp_path_factory):
    """One desk written every way there is, shared by the module's read-only checks."""
    folder = tmp_path_factory.mktemp("search-scan")
    db = folder / "desk.db"
    rnd = random.Random(20)
    _import(db, folder / "a.csv", rnd, 40, 0)
    _import(db, folder / "b.csv", rnd, 30, 20, update=True)  # 20 of them again, changed
    conn = connect(db)
    at = T0 + timedelta(days=1)
    for k in range(10):
        cid = desk.log_complaint(conn, desk.NewComplaint(_text(rnd, 2), description=_text(rnd, 8),
                                                         customer=f"客户{k % 7}", phone=f"1390000{k % 7:04d}",
                                                         tags=["vip"] if k % 2 else [], received=at),
                                 actor="a", now=at).id
        desk.update(conn, cid, note=_text(rnd, 4), actor="a", now=at)
    for cid in (3, 12, 45, 58):
        desk.classify(conn, cid, codes={}, add_tags=["加急"], remove_tags=["vip"], actor="a", now=at)
        desk.update(conn, cid, edits={"subject": _text(rnd, 3)}, note=_text(rnd, 3), actor="a", now=at)
    conn.execute("UPDATE customers SET name = 'Noisy Fan 客户', company = '洗衣机厂' WHERE id = 2")
    conn.close()
    return db


def _terms(conn, rnd: random.Random) -> list[list[str]]:
    texts = [t for row in conn.execute(f"SELECT {', '.join(COLUMNS)} FROM complaint_search_text")
             for t in row if t and t.strip()]
    picked = []
    for _ in range(120):
        text = rnd.choice(texts).strip()
        size = rnd.choice([1, 2, 3, 4, 6])
        if len(text) < size:
            continue
        start = rnd.randrange(len(text) - size + 1)
        term = text[start:start + size]
        if term.strip() == term and '"' not in term:
            picked.append([term])
    picked += [["洗衣机", "漏水"], ["rude", "退款"], ["Noisy Fan"], ["加急"], ["vip"], ["鑫"], ["zzz"], ["R0021"]]
    return picked


def test_search_finds_what_a_scan_of_the_text_finds(desk_db):
    conn = connect(desk_db)
    try:
        assert conn.execute("SELECT count(*) FROM complaints").fetchone()[0] == 60  # 50 imported, 10 logged
        misses = []
        for terms in _terms(conn, random.Random(7)):
            text = " ".join(f'"{t}"' if " " in t else t for t in terms)
            got = sorted(r["id"] for r in search.search_complaints(conn, ListFilters(text=text))["rows"])
            if got != _scan(conn, terms):
                misses.append((terms, got, _scan(conn, terms)))
        assert misses == []
    finally:
        conn.close()


def test_the_index_holds_exactly_the_text(desk_db):
    conn = connect(desk_db)
    try:
        conn.execute("INSERT INTO complaints_fts (complaints_fts, rank) VALUES ('integrity-check', 1)")
        assert conn.execute("SELECT count(*) FROM search_pending").fetchone()[0] == 0
    finally:
        conn.close()
