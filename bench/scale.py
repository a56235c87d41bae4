"""Every command a user runs, timed on a 1,000,000-complaint database, against budgets.

    python bench/scale.py [--complaints 1000000] [--rounds 3] [--only WORD,...] [--rebuild]

The database (two years of complaints in Chinese and English, customers with repeat
complainers, about eight events per complaint as the commands write them, surveys, a backlog
of a few thousand open complaints, the search index) is built once by bench/scale_build.py
(see there how it stays true to what the commands write) and cached in
~/.cache/complaintctl-bench/ (or $COMPLAINTCTL_BENCH_CACHE), keyed by its size, the schema
version and the builder's source: a change to the builder builds a new one; a new migration
upgrades the cached one with complaintctl's own migrations, as a user's database is
upgraded. Each run works on a copy, so commands that write leave the cache as it was.

Each command runs as a user runs it, a whole process, in rounds (every command once per
round, in the same order, so the machine's noise falls on all alike), beside
`complaintctl --version` in the same rounds. The table gives the median, its ratio to
--version's median, the peak memory (max RSS) and the budget with its verdict. Exit 1 when
a budget is missed.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import statistics
import subprocess
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import scale_build  # noqa: E402  (bench/ is not a package)
from scale_checks import BASELINES, COMMANDS, PEAK_MB, Budget  # noqa: E402

TIME = "/usr/bin/time"  # GNU time, for each command's peak memory
MAX_AGE_DAYS = 7


def cache_path(n: int, schema: int | None = None) -> Path:
    from complaintctl.store.version import SCHEMA_VERSION

    source = b"".join((HERE / f).read_bytes() for f in ("scale_build.py", "scale_text.py"))
    key = hashlib.sha256(source).hexdigest()[:10]
    root = Path(os.environ.get("COMPLAINTCTL_BENCH_CACHE") or Path.home() / ".cache" / "complaintctl-bench")
    return root / f"scale-{n}-schema{SCHEMA_VERSION if schema is None else schema}-{key}.db"


def fresh(path: Path) -> bool:
    # its backlog and recent history are relative to when it was built: a week on, rebuild
    return path.exists() and time.time() - path.stat().st_mtime < MAX_AGE_DAYS * 86400


def upgrade_older(n: int, path: Path) -> bool:
    """A cached database of an older schema by the same builder, upgraded by complaintctl's own
    migrations (as a user's database is) and renamed to ``path``; False when there is none."""
    from complaintctl.store.version import SCHEMA_VERSION

    older = [cache_path(n, v) for v in range(SCHEMA_VERSION - 1, 0, -1)]
    found = next((p for p in older if fresh(p)), None)
    if found is None:
        return False
    from complaintctl.store.db import connect
    from complaintctl.store.migrations import migrate

    mtime = found.stat().st_mtime
    print(f"upgrading {found.name} to schema {SCHEMA_VERSION} ...", flush=True)
    t0 = time.perf_counter()
    conn = connect(found)
    migrate(conn)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    for suffix in ("-wal", "-shm"):
        Path(f"{found}{suffix}").unlink(missing_ok=True)
    found.rename(path)
    os.utime(path, (mtime, mtime))  # as old as its data
    print(f"upgraded in {time.perf_counter() - t0:.0f} s", flush=True)
    return True


def ensure_database(n: int, rebuild: bool) -> Path:
    path = cache_path(n)
    if not rebuild and (fresh(path) or upgrade_older(n, path)):
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    for old in path.parent.glob(f"scale-{n}-*.db*"):
        old.unlink()
    print(f"building {path} ({n:,} complaints) ...", flush=True)
    t0 = time.perf_counter()
    partial = path.with_suffix(".partial")
    for f in (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm")):
        f.unlink(missing_ok=True)
    now = datetime.now(timezone.utc).replace(minute=0, second=0, microsecond=0)
    scale_build.build(partial, n, now=now, say=lambda s: print(s, flush=True))
    partial.rename(path)
    print(f"built in {time.perf_counter() - t0:.0f} s, {path.stat().st_size / 1e6:,.0f} MB", flush=True)
    return path


def run_once(argv: list[str], env: dict, stdout, work: Path) -> tuple[float, int, int]:
    """(seconds, peak RSS in KB, exit code) of one process. The peak is measured by GNU time
    (a small process of its own): a child of this big Python process would count the memory
    it was forked with."""
    report = work / "peak"
    t = time.perf_counter()
    code = subprocess.run([TIME, "-f", "%M", "-o", str(report), *argv], env=env, stdout=stdout,
                          stderr=subprocess.DEVNULL).returncode
    seconds = time.perf_counter() - t
    peak = int(report.read_text().split()[-1])
    return seconds, peak, code


def measure(db: Path, rounds: int, only: str | None) -> list[dict]:
    import sqlite3

    work = Path(os.environ.get("TMPDIR", "/tmp")) / f"complaintctl-scale-{os.getpid()}"
    work.mkdir(parents=True, exist_ok=True)
    copy = work / "scale.db"
    shutil.copy(db, copy)
    env = {**os.environ, "COMPLAINTCTL_DB": str(copy), "COMPLAINTCTL_ACTOR": "agent01", "NO_COLOR": "1"}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    n = sqlite3.connect(copy).execute("SELECT max(id) FROM complaints").fetchone()[0]
    # a customer's phone as digits, whatever the customer typed (+86 138 0013 8000, 138-0013-8000)
    phone = sqlite3.connect(copy).execute(
        "SELECT cu.phone_normalized FROM complaints c JOIN customers cu ON cu.id = c.customer_id "
        "WHERE c.id >= ? AND cu.phone_normalized IS NOT NULL ORDER BY c.id LIMIT 1", (n // 2,)).fetchone()
    context = {"db": str(copy), "work": str(work), "python": sys.executable, "bench": str(HERE),
               "mid": str(n // 2), "later": str(n * 6 // 10), "phone": phone[0] if phone else "13800138000"}
    words = [w.strip() for w in only.split(",")] if only else []
    commands = [c for c in COMMANDS if not words or any(w in c.name for w in words)]
    needed = {"--version"} | {c.budget.baseline for c in commands if c.budget is not None}
    chosen = commands + [b for b in BASELINES if b.name in needed]  # the baselines their budgets name
    cli = [sys.executable, "-m", "complaintctl"]
    for c in chosen:  # warm the page cache and the bytecode
        run_once(c.argv(cli, context), env, subprocess.DEVNULL, work)
    times: dict[str, list[float]] = {c.name: [] for c in chosen}
    peaks: dict[str, int] = {c.name: 0 for c in chosen}
    failed: dict[str, int] = {}
    for _ in range(rounds):
        for c in chosen:
            with open(work / "out", "wb") as out:
                seconds, peak, code = run_once(c.argv(cli, context), env, out, work)
            times[c.name].append(seconds)
            peaks[c.name] = max(peaks[c.name], peak)
            if code not in c.ok_codes:
                failed[c.name] = code
    shutil.rmtree(work, ignore_errors=True)
    medians = {name: statistics.median(v) for name, v in times.items()}
    rows = []
    for c in chosen:
        budget: Budget | None = c.budget
        verdict, limit = ("-", "")
        if budget is not None:
            base = medians[budget.baseline]
            ratio = medians[c.name] / base
            limit = budget.text
            verdict = "ok" if ratio <= budget.ratio else "MISSED"
        if not c.raw and peaks[c.name] > PEAK_MB * 1024:
            verdict = f"MISSED: over {PEAK_MB} MB"
        if c.name in failed:
            verdict = f"exit {failed[c.name]}"
        rows.append({"command": c.name, "median": medians[c.name], "startup": medians[c.name] / medians["--version"],
                     "peak_mb": peaks[c.name] / 1024, "budget": limit,
                     "vs": medians[c.name] / medians[budget.baseline] if budget else None, "verdict": verdict})
    return rows


def print_table(rows: list[dict], markdown: bool) -> None:
    head = ["command", "median", "x start-up", "peak MB", "budget", "verdict"]
    body = [[f"`{r['command']}`" if markdown else r["command"], f"{r['median'] * 1000:,.0f} ms", f"{r['startup']:.2f}",
             f"{r['peak_mb']:.0f}", (f"{r['vs']:.2f} {r['budget']}" if r["vs"] is not None else ""), r["verdict"]]
            for r in rows]
    if markdown:
        print("| " + " | ".join(head) + " |\n|" + "---|" * len(head))
        for line in body:
            print("| " + " | ".join(line) + " |")
        return
    widths = [max(len(str(x)) for x in col) for col in zip(head, *body, strict=True)]
    for line in [head, *body]:
        print("  ".join(str(x).ljust(w) for x, w in zip(line, widths, strict=True)))


def index_sizes(db: Path) -> str:
    import sqlite3

    conn = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)
    try:
        size = dict(conn.execute("SELECT name, sum(pgsize) FROM dbstat GROUP BY name"))
    finally:
        conn.close()
    fts = sum(v for k, v in size.items() if k.startswith("complaints_fts"))
    table = size.get("complaints", 0)
    total = sum(size.values())
    return (f"search index {fts / 1e6:,.0f} MB = {fts / table:.2f}x the complaints table ({table / 1e6:,.0f} MB), "
            f"{fts / total:.0%} of the file ({total / 1e6:,.0f} MB)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--complaints", type=int, default=1_000_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--only", help="only the commands whose name contains one of these comma-separated "
                        "words (and the baselines they are held to)")
    parser.add_argument("--rebuild", action="store_true", help="build the database again")
    parser.add_argument("--markdown", action="store_true", help="print the table as Markdown")
    args = parser.parse_args()
    import sqlite3

    db = ensure_database(args.complaints, args.rebuild)
    print(f"{db.name}: {db.stat().st_size / 1e6:,.0f} MB; {args.rounds} rounds; SQLite {sqlite3.sqlite_version}; "
          f"{os.cpu_count()} CPUs; load {os.getloadavg()[0]:.1f}", flush=True)
    print(index_sizes(db))
    rows = measure(db, args.rounds, args.only)
    print_table(rows, args.markdown)
    missed = [r["command"] for r in rows if r["verdict"] not in ("ok", "-")]
    if missed:
        print(f"missed: {', '.join(missed)}")
        sys.exit(1)
    print("every budget met")


if __name__ == "__main__":
    main()
