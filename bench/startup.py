"""Start-up time of everyday commands against a minimal two-command Typer app.

    python bench/startup.py [--rounds 15] [--complaints 10000]

Builds a 10,000-complaint database in a temporary directory, then runs, in
alternating rounds so machine noise hits both sides alike:
  - bare `python -c pass` (floor),
  - a minimal Typer app with two commands (`hello`, and `--help`),
  - `complaintctl --help`, `log ...`, `show ID` and `list`,
  - `list` in Chinese (COMPLAINTCTL_LANG=zh), and the import of the zh catalogue alone
    (`import complaintctl.i18n.catalogues.zh` less `import complaintctl.i18n`).
Prints median wall times and each command's ratio to the minimal app (help to
help, commands to `hello`). Budgets: every ratio <= 1.3 (issue #2); the catalogue, loaded
only when the language is not English, under 5 ms (issue 24).
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BUDGET = 1.3
CATALOGUE_BUDGET_MS = 5.0
MINI_APP = '''
import typer

app = typer.Typer()


@app.command()
def hello(name: str = "world"):
    """Say hello."""
    print(f"hello {name}")


@app.command()
def bye(name: str = "world"):
    """Say bye."""
    print(f"bye {name}")


if __name__ == "__main__":
    app()
'''


def build_database(path: Path, n: int) -> None:
    from complaintctl.core.people.agents import add_agent
    from complaintctl.store.db import connect, transaction

    conn = connect(path)
    rnd = random.Random(7)
    with transaction(conn):
        for name in ("li.wei", "amy", "zhang.min", "bob"):
            add_agent(conn, name, full_name=None, email=None, is_lead=False, actor="bench",
                      at="2026-01-01T00:00:00Z")
        conn.executemany(
            "INSERT INTO customers (name, email, email_normalized, created_at) VALUES (?, ?, ?, ?)",
            [(f"客户{i}", f"c{i}@example.cn", f"c{i}@example.cn", "2026-01-01T00:00:00Z")
             for i in range(n // 3)],
        )
        statuses = ["new", "acknowledged", "investigating", "waiting", "resolved", "closed"]
        rows = []
        for i in range(n):
            status = rnd.choice(statuses)
            day = 1 + i * 300 // n
            rows.append((
                f"2026-{1 + day // 31:02d}-{1 + day % 28:02d}T{rnd.randrange(24):02d}:00:00Z",
                rnd.choice(["phone", "email", "web", "chat"]), rnd.randrange(1, n // 3),
                f"投诉 {i}: 洗衣机漏水 washer leaks", "详细描述 " * 20,
                rnd.choice(["product_quality", "delivery_delay", "billing_error", "price"]),
                rnd.choice(["critical", "high", "medium", "low"]), status,
                rnd.choice(["li.wei", "amy", "zhang.min", None]),
                "2026-10-01T00:00:00Z" if status == "closed" else None,
                "resolved" if status == "closed" else None,
                "2026-01-01T00:00:00Z", "2026-01-01T00:00:00Z", "bench",
            ))
        conn.executemany(
            "INSERT INTO complaints (received_at, channel, customer_id, subject, description, "
            "category, severity, status, assignee, closed_at, outcome, created_at, updated_at, "
            "created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
        from complaintctl.store.chain import insert_events  # events carry their audit-chain hash

        insert_events(conn, conn.execute("SELECT id, created_at, 'bench', 'logged', 'status', NULL, 'new', NULL, NULL "
                                         "FROM complaints ORDER BY id").fetchall())
    conn.close()


def timed(cmd: list[str], env: dict) -> float:
    if cmd and isinstance(cmd[-1], dict):  # a case with its own environment
        cmd, env = cmd[:-1], {**env, **cmd[-1]}
    start = time.perf_counter()
    done = subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed: {done.stderr.decode()[-500:]}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--complaints", type=int, default=10_000)
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="complaintctl-bench-"))
    db = work / "bench.db"
    mini = work / "mini.py"
    mini.write_text(MINI_APP)
    build_database(db, args.complaints)
    env = {**os.environ, "COMPLAINTCTL_DB": str(db), "COMPLAINTCTL_ACTOR": "bench", "NO_COLOR": "1"}
    env.pop("COLUMNS", None)
    # A pip-installed package ships compiled bytecode (pip compiles on install); with
    # PYTHONDONTWRITEBYTECODE set, an editable install would recompile our modules on every
    # run while typer's stay compiled. Let the warm-up runs write .pyc files like an install.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    py = sys.executable
    cc = [py, "-m", "complaintctl"]
    cases = {
        "python -c pass": [py, "-c", "pass"],
        "mini --help": [py, str(mini), "--help"],
        "mini hello": [py, str(mini), "hello"],
        "complaintctl --help": [*cc, "--help"],
        "complaintctl log": [*cc, "log", "--subject", "洗衣机漏水", "--customer", "李雷",
                             "--email", "li@example.cn", "--channel", "phone", "--severity", "high"],
        "complaintctl show": [*cc, "show", str(args.complaints // 2)],
        "complaintctl list": [*cc, "list"],
        "complaintctl list (zh)": [*cc, "list", {"COMPLAINTCTL_LANG": "zh"}],
        "import i18n": [py, "-c", "import complaintctl.i18n"],
        "import i18n + zh": [py, "-c", "import complaintctl.i18n; import complaintctl.i18n.catalogues.zh"],
    }
    baseline_of = {"complaintctl --help": "mini --help"}
    for name in cases:
        timed(cases[name], env)  # warm the page cache and .pyc files
    times: dict[str, list[float]] = {name: [] for name in cases}
    for _ in range(args.rounds):
        for name, cmd in cases.items():
            times[name].append(timed(cmd, env))
    medians = {name: statistics.median(xs) for name, xs in times.items()}
    print(f"complaintctl start-up, {args.complaints:,} complaints, {args.rounds} rounds, "
          f"Python {sys.version.split()[0]}")
    print(f"{'command':<22} {'median ms':>10} {'vs mini':>8}  budget {BUDGET}x")
    failed = False
    for name, median in medians.items():
        ratio = ""
        verdict = ""
        if name.startswith("complaintctl") and name != "complaintctl list (zh)":
            base = medians[baseline_of.get(name, "mini hello")]
            r = median / base
            ratio = f"{r:.2f}x"
            verdict = "ok" if r <= BUDGET else "OVER"
            failed |= r > BUDGET
        print(f"{name:<22} {median * 1000:>10.1f} {ratio:>8}  {verdict}")
    catalogue = (medians["import i18n + zh"] - medians["import i18n"]) * 1000
    zh_list = (medians["complaintctl list (zh)"] - medians["complaintctl list"]) * 1000
    print(f"zh catalogue import {catalogue:.1f} ms (budget {CATALOGUE_BUDGET_MS:.0f} ms); "
          f"list in zh {zh_list:+.1f} ms against English")
    failed |= catalogue > CATALOGUE_BUDGET_MS
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
