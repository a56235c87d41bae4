"""Import speed: complaintctl import against raw sqlite3 and sqlite-utils, same rows, same run.

    python bench/import.py [--rows 50000] [--rounds 3] [--also TREE ...]

Generates a realistic CSV (Chinese and English descriptions of real length, a few hundred
characters: bench/scale_text.py; repeat customers, statuses, assignees, tags) and, in
alternating rounds, times:
  - raw: csv.reader + sqlite3 executemany into a plain table with the file's columns;
  - sqlite-utils: `sqlite-utils insert DB TABLE FILE --csv`;
  - complaintctl: `complaintctl import FILE` into a fresh database (full validation,
    customer matching, agents, events and the search index), and its peak memory;
  - database floor: the rows complaintctl wrote (customers, complaints, tags, events),
    read back into memory and inserted into a fresh database the way the importer
    inserts them (same pragmas, deferred indexes, commits, search index written once per
    complaint per batch, index rebuild), with no reading, converting, validating or
    matching at all. No import can be faster than this on this schema.
With --also TREE (a checkout of another commit, such as a `git worktree` of the one before a
change), that tree's `complaintctl import` is timed too, in the same rounds: before and after in
one run. Prints medians of wall time (rows/s) and of CPU time (user + system, child processes
included), the ratios, and the sizes of the complaints table and the search index. Budget
(issue #20): complaintctl >= 1.5x sqlite-utils in wall time; peak memory < 150 MB. On a
shared machine the wall times move with the load; the CPU times much less.
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from scale_text import long_description

HEADER = ["编号", "投诉时间", "客户名称", "联系电话", "邮箱", "渠道", "标题", "问题描述", "类型", "级别",
          "状态", "处理人", "标签"]


def generate(path: Path, rows: int) -> None:
    rnd = random.Random(42)
    subjects = ["洗衣机漏水", "快递三天没到", "发票金额错误", "客服态度差", "退款迟迟未到账", "App 无法登录",
                "Washer leaks again", "Wrong invoice amount", "Delivery is late", "Rude agent on the phone"]
    channels = ["电话", "邮件", "网站", "微信", "门店", "在线客服"]
    categories = ["产品质量", "服务态度", "交付延迟", "账单错误", "系统故障", "售后服务"]
    severities = ["紧急", "高", "中", "低"]
    statuses = ["新建", "处理中", "等待客户", "已解决", "已关闭"]
    agents = ["张伟", "李娜", "王芳", "liu.yang", "chen.jie", ""]
    customers = rows // 3
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(HEADER)
        for i in range(rows):
            c = rnd.randrange(customers)
            day = rnd.randrange(1, 300)
            w.writerow([
                f"WO-{i:07d}",
                f"2026-{1 + day // 31:02d}-{1 + day % 28:02d} {rnd.randrange(24):02d}:{rnd.randrange(60):02d}",
                f"客户{c}", f"+86 138{c:08d}"[:17], f"c{c}@example.cn", rnd.choice(channels),
                f"{rnd.choice(subjects)} #{i % 500}", long_description(rnd),
                rnd.choice(categories), rnd.choice(severities), rnd.choice(statuses), rnd.choice(agents),
                rnd.choice(["", "vip", "复购", "vip,媒体"]),
            ])


def raw(path: Path, db: Path) -> tuple[float, float]:
    start, cpu = time.perf_counter(), time.process_time()
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute(f"CREATE TABLE t ({', '.join(f'c{i}' for i in range(len(HEADER)))})")
    with open(path, encoding="utf-8", newline="") as f:
        reader = csv.reader(f)
        next(reader)
        conn.executemany(f"INSERT INTO t VALUES ({', '.join('?' * len(HEADER))})", reader)
    conn.commit()
    conn.close()
    return time.perf_counter() - start, time.process_time() - cpu


def database_floor(imported: Path, db: Path, env: dict) -> tuple[float, float]:
    """Seconds (wall, CPU) to write, from memory, exactly the rows an import wrote to ``imported``."""
    from complaintctl.core.intake.run import BULK_COMMIT_ROWS
    from complaintctl.store.bulk import DEFERRABLE_TABLES, defer_indexes, rebuild_indexes
    from complaintctl.store.search import indexed_once

    source = sqlite3.connect(imported)

    def load(table: str, order: str, skip: tuple = ()) -> tuple[str, list[tuple]]:
        columns = [r[1] for r in source.execute(f"PRAGMA table_info({table})") if r[1] not in skip]
        # bind only the columns the import filled, as the importer does
        used = [c for c in columns if source.execute(
            f"SELECT 1 FROM {table} WHERE {c} IS NOT NULL LIMIT 1").fetchone()]
        sql = f"INSERT INTO {table} ({', '.join(used)}) VALUES ({', '.join('?' * len(used))})"
        return sql, source.execute(f"SELECT {', '.join(used)} FROM {table} ORDER BY {order}").fetchall()

    agents = load("agents", "rowid")
    customers = load("customers", "id")
    complaints = load("complaints", "id")
    tags = load("complaint_tags", "complaint_id, tag")
    events = load("events", "id", skip=("id",))
    source.close()
    subprocess.run([sys.executable, "-m", "complaintctl", "--db", str(db), "init"], env=env, check=True,
                   capture_output=True)
    start, cpu = time.perf_counter(), time.process_time()
    conn = sqlite3.connect(db, isolation_level=None)
    for pragma in ("cache_size = -16384", "wal_autocheckpoint = 16384", "synchronous = NORMAL",
                   "foreign_keys = OFF"):
        conn.execute(f"PRAGMA {pragma}")
    conn.execute("BEGIN IMMEDIATE")
    conn.executemany(agents[0], agents[1])
    defer_indexes(conn, import_id=None, at="bench", tables=DEFERRABLE_TABLES + ("customers",))
    rows = complaints[1]
    done = {"customers": 0, "tags": 0, "events": 0}
    for low in range(0, len(rows), BULK_COMMIT_ROWS):
        chunk = rows[low:low + BULK_COMMIT_ROWS]
        last_id = chunk[-1][0]
        with indexed_once(conn, chunk[0][0], last_id):
            for name, (sql, all_rows), key in (("customers", customers, None), ("complaints", complaints, None),
                                               ("tags", tags, 0), ("events", events, 0)):
                if name == "complaints":
                    conn.executemany(sql, chunk)
                    continue
                end = done[name]
                if key is None:  # customers: in step with the complaints, the rest at the end
                    end = min(len(all_rows), round(len(all_rows) * (low + len(chunk)) / len(rows)))
                else:
                    while end < len(all_rows) and (all_rows[end][key] or 0) <= last_id:
                        end += 1
                conn.executemany(sql, all_rows[done[name]:end])
                done[name] = end
        conn.execute("COMMIT")
        conn.execute("BEGIN IMMEDIATE")
    for name, (sql, all_rows) in (("customers", customers), ("tags", tags), ("events", events)):
        conn.executemany(sql, all_rows[done[name]:])
    conn.execute("COMMIT")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("BEGIN IMMEDIATE")
    rebuild_indexes(conn)
    conn.execute("COMMIT")
    conn.execute("PRAGMA optimize")
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
    for table, (_, wanted) in (("customers", customers), ("complaints", complaints), ("complaint_tags", tags),
                               ("events", events)):
        written = conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        if written != len(wanted):
            raise SystemExit(f"database floor: {table} has {written} rows, the import wrote {len(wanted)}")
    conn.close()
    return elapsed, cpu


def run(cmd: list[str], env: dict) -> tuple[float, float]:
    """Seconds (wall, CPU of the process and its children) of one command."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(cmd, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed ({done.returncode}): {done.stderr[-800:]}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return elapsed, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def sizes(db: Path) -> dict[str, int]:
    """Bytes of the complaints table and of the search index (every table FTS5 keeps for it)."""
    conn = sqlite3.connect(db)
    try:
        return {"complaints": conn.execute("SELECT sum(pgsize) FROM dbstat WHERE name = 'complaints'").fetchone()[0],
                "search index": conn.execute("SELECT sum(pgsize) FROM dbstat WHERE name LIKE 'complaints_fts%'")
                .fetchone()[0]}
    finally:
        conn.close()


def peak_rss_kb(cmd: list[str], env: dict) -> int:
    """Peak memory of one process, read from /usr/bin/time or the process's own rusage."""
    code = ("import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True, "
            "capture_output=True); print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    out = subprocess.run([sys.executable, "-c", code, *cmd], env=env, capture_output=True, text=True)
    if out.returncode != 0:
        raise SystemExit(out.stderr[-800:])
    return int(out.stdout.strip())


def remove(db: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=50_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--also", action="append", default=[], metavar="TREE",
                        help="also time the complaintctl of this source tree (its src/ on PYTHONPATH)")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="complaintctl-bench-import-"))
    data = work / "complaints.csv"
    generate(data, args.rows)
    env = {**os.environ, "COMPLAINTCTL_ACTOR": "bench"}
    su = shutil.which("sqlite-utils") or str(Path(sys.executable).parent / "sqlite-utils")
    names = ("raw executemany", "sqlite-utils insert --csv", "complaintctl import", "database floor",
             *(f"complaintctl import ({tree})" for tree in args.also))
    wall: dict[str, list[float]] = {name: [] for name in names}
    cpu: dict[str, list[float]] = {name: [] for name in names}
    stored: dict[str, int] = {}
    for r in range(args.rounds):
        for i, name in enumerate(names):
            db = work / f"{r}-{i}.db"
            if name.startswith("raw"):
                took = raw(data, db)
            elif name.startswith("sqlite-utils"):
                took = run([su, "insert", str(db), "t", str(data), "--csv"], env)
            elif name.startswith("complaintctl import ("):
                tree = name[len("complaintctl import ("):-1]
                took = run([sys.executable, "-m", "complaintctl", "--db", str(db), "import", str(data)],
                           {**env, "PYTHONPATH": str(Path(tree).resolve() / "src")})
            elif name.startswith("complaintctl"):
                took = run([sys.executable, "-m", "complaintctl", "--db", str(db), "import", str(data)], env)
                stored = sizes(db)
            else:  # the floor writes what this round's import wrote, then both go
                imported = work / f"{r}-{names.index('complaintctl import')}.db"
                took = database_floor(imported, db, env)
                remove(imported)
            wall[name].append(took[0])
            cpu[name].append(took[1])
            if name != "complaintctl import":
                remove(db)
    db = work / "peak.db"
    peak = peak_rss_kb([sys.executable, "-m", "complaintctl", "--db", str(db), "import", str(data)], env)
    wall_m = {k: statistics.median(v) for k, v in wall.items()}
    cpu_m = {k: statistics.median(v) for k, v in cpu.items()}
    print(f"import of {args.rows:,} rows ({data.stat().st_size / 1e6:.1f} MB CSV), {args.rounds} rounds, "
          f"SQLite {sqlite3.sqlite_version}, load {os.getloadavg()[0]:.1f}")
    width = max(28, *(len(name) for name in names))
    print(f"  {'':<{width}} {'wall':>8} {'rows/s':>9} {'CPU':>8}")
    for name in names:
        print(f"  {name:<{width}} {wall_m[name]:7.2f}s {args.rows / wall_m[name]:>9,.0f} {cpu_m[name]:7.2f}s")
    su_name, ours = "sqlite-utils insert --csv", "complaintctl import"
    print(f"  complaintctl / sqlite-utils {wall_m[su_name] / wall_m[ours]:6.2f}x wall, "
          f"{cpu_m[su_name] / cpu_m[ours]:.2f}x CPU  (budget >= 1.5x)")
    print(f"  complaintctl / raw          {wall_m['raw executemany'] / wall_m[ours]:6.1%} wall")
    print(f"  complaintctl / floor        {wall_m['database floor'] / wall_m[ours]:6.1%} wall, "
          f"{cpu_m['database floor'] / cpu_m[ours]:.1%} CPU  (no import can beat the floor)")
    for tree in args.also:
        other = f"complaintctl import ({tree})"
        print(f"  complaintctl / {other}: {wall_m[other] / wall_m[ours]:.2f}x wall, {cpu_m[other] / cpu_m[ours]:.2f}x CPU")
    print(f"  complaintctl peak memory    {peak / 1024:6.1f} MB (budget < 150 MB)")
    print(f"  search index {stored['search index'] / 1e6:.1f} MB, complaints table {stored['complaints'] / 1e6:.1f} MB "
          f"({stored['search index'] / stored['complaints']:.2f}x)")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
