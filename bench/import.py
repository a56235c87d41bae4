"""Import speed: complaintctl import against raw sqlite3 and sqlite-utils, same rows, same run.

    python bench/import.py [--rows 200000] [--rounds 3]

Generates a realistic CSV (Chinese text, repeat customers, a few hundred
distinct subjects, statuses and assignees for history) and, in alternating
rounds, times:
  - raw: csv.reader + sqlite3 executemany into a plain table with the file's columns;
  - sqlite-utils: `sqlite-utils insert DB TABLE FILE --csv`;
  - complaintctl: `complaintctl import FILE` into a fresh database (full validation,
    customer matching, agents, events), and its peak memory.
Prints medians (rows/s) and the ratios. Budget (issue #3): complaintctl >= 25% of
raw and >= 3.5x sqlite-utils; peak memory < 150 MB.
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
                f"{rnd.choice(subjects)} #{i % 500}", "客户反映：" + "问题描述" * rnd.randrange(1, 12),
                rnd.choice(categories), rnd.choice(severities), rnd.choice(statuses), rnd.choice(agents),
                rnd.choice(["", "vip", "复购", "vip,媒体"]),
            ])


def raw(path: Path, db: Path) -> float:
    start = time.perf_counter()
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute(f"CREATE TABLE t ({', '.join(f'c{i}' for i in range(len(HEADER)))})")
    with open(path, encoding="utf-8", newline="") as f:
        reader = csv.reader(f)
        next(reader)
        conn.executemany(f"INSERT INTO t VALUES ({', '.join('?' * len(HEADER))})", reader)
    conn.commit()
    conn.close()
    return time.perf_counter() - start


def run(cmd: list[str], env: dict) -> tuple[float, int]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    done = subprocess.run(cmd, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed ({done.returncode}): {done.stderr[-800:]}")
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return elapsed, max(peak, before)


def peak_rss_kb(cmd: list[str], env: dict) -> int:
    """Peak memory of one process, read from /usr/bin/time or the process's own rusage."""
    code = ("import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True, "
            "capture_output=True); print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    out = subprocess.run([sys.executable, "-c", code, *cmd], env=env, capture_output=True, text=True)
    if out.returncode != 0:
        raise SystemExit(out.stderr[-800:])
    return int(out.stdout.strip())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=200_000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="complaintctl-bench-import-"))
    data = work / "complaints.csv"
    generate(data, args.rows)
    env = {**os.environ, "COMPLAINTCTL_ACTOR": "bench"}
    su = shutil.which("sqlite-utils") or str(Path(sys.executable).parent / "sqlite-utils")
    times: dict[str, list[float]] = {"raw executemany": [], "sqlite-utils insert --csv": [], "complaintctl import": []}
    peak = 0
    for r in range(args.rounds):
        for name in times:
            db = work / f"{r}-{name.split()[0]}.db"
            if name.startswith("raw"):
                times[name].append(raw(data, db))
            elif name.startswith("sqlite-utils"):
                times[name].append(run([su, "insert", str(db), "t", str(data), "--csv"], env)[0])
            else:
                cmd = [sys.executable, "-m", "complaintctl", "--db", str(db), "import", str(data)]
                times[name].append(run(cmd, env)[0])
            for suffix in ("", "-wal", "-shm"):
                Path(f"{db}{suffix}").unlink(missing_ok=True)
    db = work / "peak.db"
    peak = peak_rss_kb([sys.executable, "-m", "complaintctl", "--db", str(db), "import", str(data)], env)
    rates = {k: args.rows / statistics.median(v) for k, v in times.items()}
    print(f"import of {args.rows:,} rows ({data.stat().st_size / 1e6:.1f} MB CSV), {args.rounds} rounds, "
          f"SQLite {sqlite3.sqlite_version}")
    for name, rate in rates.items():
        print(f"  {name:<28} {statistics.median(times[name]):7.2f} s  {rate:>9,.0f} rows/s")
    ours = rates["complaintctl import"]
    vs_raw = ours / rates["raw executemany"]
    vs_su = ours / rates["sqlite-utils insert --csv"]
    print(f"  complaintctl / raw          {vs_raw:6.1%}   (budget >= 25%)")
    print(f"  complaintctl / sqlite-utils {vs_su:6.2f}x  (budget >= 3.5x)")
    print(f"  complaintctl peak memory    {peak / 1024:6.1f} MB (budget < 150 MB)")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
