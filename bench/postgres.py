"""The desk on PostgreSQL under offices' load, and the move to it (issue 25, point 8).

    python bench/postgres.py [--offices 8] [--writers 6] [--changes 200] [--latency-ms 30]
                             [--demo-weeks 8] [--move-complaints 20000] [--rounds 3]
                             [--only offices,reports,move]

Needs PostgreSQL's initdb and pg_ctl (Debian: apt-get install postgresql); starts a private
cluster (tests/pg_cluster.py) listening on 127.0.0.1, and a loopback proxy in front of it that
holds every packet for half the latency each way, as an office's link to the server would.

1. Offices: OFFICES x WRITERS processes, each WRITERS of an office through the proxy, each making
   CHANGES changes (`update --note` through core, every tenth on one complaint every writer
   shares, the rest on the writer's own): errors, changes lost (events written against changes
   made), links of the audit chain broken (core/trust/audit.verify_chain), writes/s and the
   latency of one change (median, p95). Baseline in the same run: the same writers on one SQLite
   file on this machine (no network: what a team on one server has).
2. Reports: a demo history (core/demo.fill_demo) made on a file, its `report weekly -f json`,
   then moved to the server with migrate-to and the same report there, compared byte for byte
   (but its as_of, the moment it was run).
3. The move: a file of MOVE_COMPLAINTS complaints (demo-like text of real length, zh and en) moved
   with migrate-to ROUNDS times, each into a new database: the median's seconds and rows/s (and
   each round's), and `check` on the last target.
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import datetime, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests"))
NOW = datetime(2026, 11, 24, 3, 0, tzinfo=timezone.utc)
SHARED_EVERY = 10  # every tenth change of each writer is to the one complaint all writers share


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run_proxy(listen: int, target: int, delay: float, ready: threading.Event) -> None:
    """A TCP proxy on 127.0.0.1:``listen`` to ``target`` that holds each chunk ``delay`` seconds
    (each way), in order."""

    async def pipe(reader, writer):
        queue: asyncio.Queue = asyncio.Queue()

        async def send():
            while True:
                at, data = await queue.get()
                if data is None:
                    writer.close()
                    return
                wait = at + delay - time.monotonic()
                if wait > 0:
                    await asyncio.sleep(wait)
                writer.write(data)
                await writer.drain()

        sender = asyncio.create_task(send())
        try:
            while data := await reader.read(65536):
                queue.put_nowait((time.monotonic(), data))
        finally:
            queue.put_nowait((time.monotonic(), None))
            await sender

    async def handle(client_reader, client_writer):
        server_reader, server_writer = await asyncio.open_connection("127.0.0.1", target)
        await asyncio.gather(pipe(client_reader, server_writer), pipe(server_reader, client_writer),
                             return_exceptions=True)

    async def main():
        server = await asyncio.start_server(handle, "127.0.0.1", listen)
        ready.set()
        async with server:
            await server.serve_forever()

    asyncio.run(main())


def writer(db: str, number: int, changes: int, shared: int, own: int, results) -> None:
    from complaintctl.core.desk import complaints as desk
    from complaintctl.store.db import connect

    conn = connect(db)
    latencies, errors = [], []
    for i in range(changes):
        target = shared if i % SHARED_EVERY == 0 else own
        started = time.perf_counter()
        try:
            desk.update(conn, target, note=f"writer {number} change {i}: 已电话联系客户，约定明天上门检修洗衣机",
                        actor=f"w{number}")
        except Exception as exc:  # noqa: BLE001 (counted and shown: the bench's point)
            errors.append(f"{type(exc).__name__}: {exc}")
        latencies.append(time.perf_counter() - started)
    conn.close()
    results.put((number, latencies, errors))


def offices(db: str, count: int, changes: int) -> dict:
    """``count`` writers side by side on ``db``; what they did and what the database holds after."""
    from complaintctl.core.desk.complaints import NewComplaint, log_complaint
    from complaintctl.core.trust.audit import verify_chain
    from complaintctl.store.db import connect

    conn = connect(db)
    ids = [log_complaint(conn, NewComplaint(subject=f"洗衣机漏水 office complaint {i}"), actor="setup").id
           for i in range(count + 1)]
    before = conn.execute("SELECT count(*) FROM events").fetchone()[0]
    conn.close()  # not shared with the forked writers (a child's exit would end it)
    results = multiprocessing.get_context("fork").Queue()
    procs = [multiprocessing.get_context("fork").Process(target=writer, args=(db, n, changes, ids[0], ids[n + 1], results))
             for n in range(count)]
    started = time.perf_counter()
    for p in procs:
        p.start()
    got = [results.get() for _ in procs]
    for p in procs:
        p.join()
    seconds = time.perf_counter() - started
    conn = connect(db)
    latencies = sorted(x for _, lat, _ in got for x in lat)
    errors = [e for _, _, errs in got for e in errs]
    written = conn.execute("SELECT count(*) FROM events").fetchone()[0] - before
    chain = verify_chain(conn)
    conn.close()
    made = count * changes - len(errors)
    return {"writers": count, "changes": count * changes, "errors": len(errors), "first_error": errors[:1],
            "lost": made - written, "chain_broken": len(chain.broken) + len(chain.unhashed),
            "writes_per_s": made / seconds, "median_ms": 1000 * statistics.median(latencies),
            "p95_ms": 1000 * latencies[int(0.95 * (len(latencies) - 1))], "seconds": seconds}


def weekly(db, folder: Path) -> str:
    env = {**os.environ, "XDG_DATA_HOME": str(folder / "xdg"), "NO_COLOR": "1"}
    out = subprocess.run([sys.executable, "-m", "complaintctl", "--db", str(db), "--tz", "UTC", "report", "weekly",
                          "--from", "2026-10-05", "--to", "2026-11-23", "-f", "json"], env=env, check=True,
                         capture_output=True, text=True).stdout
    return re.sub(r'"as_of": "[^"]*"', '"as_of": "-"', out)


def move(path: Path, url: str) -> tuple[float, dict]:
    from complaintctl.core.trust.moving import migrate_to
    from complaintctl.store.db import connect

    source = connect(path)
    started = time.perf_counter()
    result = migrate_to(source, url, now=datetime.now(timezone.utc))
    seconds = time.perf_counter() - started
    source.close()
    return seconds, result


def check(db, folder: Path) -> int:
    env = {**os.environ, "XDG_DATA_HOME": str(folder / "xdg"), "NO_COLOR": "1"}
    return subprocess.run([sys.executable, "-m", "complaintctl", "--db", str(db), "check"], env=env,
                          capture_output=True, text=True).returncode


def show(name: str, r: dict) -> None:
    print(f"  {name:<34} {r['writers']:>3} writers {r['changes']:>6,} changes: {r['errors']} errors, {r['lost']} lost, "
          f"{r['chain_broken']} chain breaks; {r['writes_per_s']:.0f} writes/s, median {r['median_ms']:.1f} ms, "
          f"p95 {r['p95_ms']:.1f} ms ({r['seconds']:.1f} s)" + (f"  first error: {r['first_error'][0]}"
                                                                if r["first_error"] else ""))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--offices", type=int, default=8)
    parser.add_argument("--writers", type=int, default=6, help="writers per office")
    parser.add_argument("--changes", type=int, default=200, help="changes per writer")
    parser.add_argument("--latency-ms", type=float, default=30.0, help="round trip the proxy adds")
    parser.add_argument("--demo-weeks", type=int, default=8)
    parser.add_argument("--move-complaints", type=int, default=20_000)
    parser.add_argument("--rounds", type=int, default=3, help="moves of the same file, each into a new database")
    parser.add_argument("--only", default="offices,reports,move", help="which parts to run (comma separated)")
    args = parser.parse_args()
    parts = set(args.only.split(","))
    from complaintctl.core.demo import fill_demo
    from complaintctl.store.db import connect
    from pg_cluster import Cluster, binaries

    if binaries() is None:
        sys.exit("PostgreSQL's initdb and pg_ctl are not installed (Debian: apt-get install postgresql)")
    port = free_port()
    cluster = Cluster("complaintctl-bench").start(listen_addresses="'127.0.0.1'", port=str(port),
                                                 max_connections="300")
    folder = Path(tempfile.mkdtemp(prefix="complaintctl-bench-"))
    try:
        proxy_port, ready = free_port(), threading.Event()
        threading.Thread(target=run_proxy, args=(proxy_port, port, args.latency_ms / 2000, ready), daemon=True).start()
        ready.wait(10)
        count = args.offices * args.writers
        version = subprocess.run([str(cluster.bin / "postgres"), "--version"], capture_output=True, text=True).stdout
        version = re.search(r"[0-9]+[.][0-9]+", version).group()
        print(f"PostgreSQL {version}, {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}")
        if "offices" in parts:
            print(f"1. {args.offices} offices x {args.writers} writers x {args.changes} changes")
            show("SQLite file, this machine (baseline)", offices(str(folder / "offices.db"), count, args.changes))
            cluster.create_database("offices")
            url = f"postgresql://complaintctl@127.0.0.1:{proxy_port}/offices"
            show(f"PostgreSQL, +{args.latency_ms:g} ms round trips", offices(url, count, args.changes))

        if "reports" in parts:
            print(f"2. report weekly -f json, demo ({args.demo_weeks} weeks): ", end="", flush=True)
            demo = folder / "demo.db"
            conn = connect(demo)
            fill_demo(conn, weeks=args.demo_weeks, now=NOW)
            conn.close()
            demo_url = cluster.create_database("demo")
            weekly(demo, folder)  # the period's first report is saved ("saved": true), and moves with the desk
            on_file = weekly(demo, folder)
            move(demo, demo_url)
            same = on_file == weekly(demo_url, folder)
            print("byte-equal on both" if same else "DIFFERENT")

        if "move" in parts:
            print(f"3. migrate-to of {args.move_complaints:,} complaints, {args.rounds} rounds: ", end="", flush=True)
            big = folder / "big.db"
            conn = connect(big)
            fill_demo(conn, weeks=max(1, args.move_complaints // 40), per_week=40, now=NOW)
            conn.close()
            rounds = []
            for n in range(args.rounds):
                big_url = cluster.create_database(f"big{n}")
                seconds, result = move(big, big_url)
                rounds.append(seconds)
            seconds = statistics.median(rounds)
            print(f"median {seconds:.1f} s ({result['rows_copied'] / seconds:,.0f} rows/s; rounds: "
                  f"{', '.join(f'{r:.1f} s' for r in rounds)}; {result['rows_copied']:,} rows, "
                  f"{result['events']:,} events); check on the target: exit {check(big_url, folder)}")
    finally:
        cluster.stop()
        import shutil

        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
