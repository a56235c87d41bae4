"""Building the million-complaint database of bench/scale.py.

How it stays true to what the commands write, at bulk speed:

1. **Stories through the real code.** A few thousand complaint histories are played through
   complaintctl's own core functions (log_complaint, assign, classify, update, escalate,
   survey, reopen, close) into a scratch database, each with its own timings: intake,
   assignment, first response, investigation, waiting on the customer, escalation,
   resolution, a survey (sometimes a bad one that reopens it), closing; some stop half-way
   and stay open. Every row and event of a story is exactly what the commands wrote.
2. **Copies shifted in time.** Each of the million complaints is one story moved to its own
   received time: SQL copies the story's complaint row, events, tags and surveys with every
   timestamp moved by the same whole number of seconds. Without a business calendar (the
   default) a due time is a received time plus a target, so a shifted story is what the
   commands would have written at the shifted times. Only the subject, description and
   customer are the complaint's own (generated text, Chinese and English).
3. **Customers through the real code.** Each customer is created by core.customers
   .create_customer (row and event) when their first complaint arrives; repeat complainers
   come back with later complaints ("known customer" on the logged event, as log writes).
4. **Indexes and search index built once at the end**, as a big import does (store/bulk.py):
   the secondary indexes are dropped and created again from their own SQL, the search index
   refilled by store/search.py, all in one transaction.

tests/bench/test_scale_build.py builds a small one and checks it with `complaintctl check`
(integrity, references, the audit trail, SLA clocks replayed from the events).
"""

from __future__ import annotations

import bisect
import random
import sqlite3
import tempfile
from datetime import datetime, timedelta, timezone
from pathlib import Path

from scale_text import Texts

UTC = timezone.utc
STORY_START = datetime(2020, 1, 6, 1, 0, tzinfo=UTC)  # the scratch stories' own calendar
AGENTS = [f"agent{i:02d}" for i in range(1, 25)]
LEADS = ["lead.wang", "lead.chen"]
OPEN_STAGES = ("new", "acknowledged", "investigating", "waiting")


def _hours(rnd: random.Random, *choices: float) -> timedelta:
    return timedelta(hours=rnd.choice(choices) * rnd.uniform(0.6, 1.4))


def play_story(conn: sqlite3.Connection, rnd: random.Random, texts: Texts, k: int, stop: str | None) -> None:
    """One complaint's history through the core functions. ``stop``: the open stage it stays
    in, or None to carry it through to the end (resolved, often surveyed and closed)."""
    from complaintctl.core.desk import complaints as core
    from complaintctl.core.desk import tracking
    received = STORY_START + timedelta(days=k)
    severity = rnd.choices(["critical", "high", "medium", "low", None], [2, 10, 20, 10, 1])[0]
    category = rnd.choice(texts.categories)
    t = received + timedelta(minutes=rnd.choice([0, 1, 5, 20, 60]))
    cid = core.log_complaint(conn, core.NewComplaint(
        subject="story", customer=f"story {k}", phone=f"+86 100 {k:04d} 0000", received=received,
        channel=rnd.choices(["phone", "email", "web", "social", "store", "chat", "letter"], [8, 5, 6, 3, 2, 5, 1])[0],
        remedy=rnd.choice(["refund", "replacement", "repair", "compensation", "apology", "explanation", None]),
        category=category, severity=severity,
        tags=rnd.sample(["vip", "媒体", "复购", "二次投诉", "online", "老客户"], rnd.choice([0, 0, 0, 1, 1, 2]))),
        actor=rnd.choice(AGENTS), now=t).id
    if stop == "new":
        return
    agent = rnd.choice(AGENTS)
    t += _hours(rnd, 0.2, 0.5, 1, 3)
    core.assign(conn, cid, agent, actor=rnd.choice(LEADS), now=t)
    if rnd.random() < 0.3:
        core.classify(conn, cid, codes={"personality": rnd.choice(["perfectionist", "forceful", "lively", "peaceful"]),
                                        "motive": rnd.choice(["venting", "seeking_respect", "seeking_compensation",
                                                              "wants_fix"])}, actor=agent, now=t)
    t += _hours(rnd, 0.3, 1, 2, 4, 12, 30)
    core.update(conn, cid, status="acknowledged", note=texts.note(rnd), actor=agent, now=t)
    if rnd.random() < 0.05 and severity not in ("critical", None):
        t += _hours(rnd, 1, 6)
        agent = rnd.choice(LEADS)
        tracking.escalate(conn, cid, to=agent, reason=texts.escalation(rnd), actor=agent, now=t)
    if stop == "acknowledged":
        return
    t += _hours(rnd, 1, 4, 12, 24)
    core.update(conn, cid, status="investigating", note=texts.note(rnd) if rnd.random() < 0.5 else None,
                actor=agent, now=t)
    if rnd.random() < 0.6:
        core.classify(conn, cid, codes={"cause": texts.cause_for(category, rnd)}, actor=agent, now=t)
    if stop == "investigating":
        return
    if rnd.random() < 0.25 or stop == "waiting":
        t += _hours(rnd, 2, 8, 24)
        core.update(conn, cid, status="waiting", note=texts.waiting(rnd), actor=agent, now=t)
        if stop == "waiting":
            return
        t += _hours(rnd, 4, 24, 72)
        core.update(conn, cid, status="investigating", note=texts.customer_replied(rnd), actor=agent, now=t)
    _finish(conn, rnd, texts, cid, agent, t)


def _finish(conn: sqlite3.Connection, rnd: random.Random, texts: Texts, cid: int, agent: str, t: datetime) -> None:
    from complaintctl.core.desk import complaints as core
    from complaintctl.core.desk import tracking
    t += _hours(rnd, 4, 12, 24, 48, 96, 200)
    core.update(conn, cid, status="resolved", note=texts.resolution(rnd), actor=agent, now=t)
    if rnd.random() < 0.35:
        t += _hours(rnd, 12, 48, 96)
        score = rnd.choices([1, 2, 3, 4, 5], [1, 1, 2, 4, 5])[0]
        reopen = score == 1 and rnd.random() < 0.6
        tracking.survey(conn, cid, score=score, comment=texts.survey_comment(rnd), reopen=reopen, actor=agent, now=t)
        if reopen:
            t += _hours(rnd, 12, 48)
            core.update(conn, cid, status="resolved", note=texts.resolution(rnd), actor=agent, now=t)
    if rnd.random() < 0.85:
        t += _hours(rnd, 24, 72, 14 * 24)
        core.close(conn, cid, outcome=rnd.choices(["resolved", "rejected", "withdrawn"], [14, 2, 1])[0],
                   resolution=texts.resolution(rnd), told_via=rnd.choice(["phone", "email", None]),
                   accepted=rnd.random() < 0.85, actor=agent, now=t)


def play_stories(path: Path, count: int, seed: int, texts: Texts) -> None:
    """``count`` stories into a fresh database at ``path``: a fifth stay open at some stage."""
    from complaintctl.core.people.agents import add_agent
    from complaintctl.store.db import connect, transaction

    rnd = random.Random(seed)
    conn = connect(path)
    conn.execute("PRAGMA synchronous = OFF")
    with transaction(conn):
        for name in AGENTS + LEADS:
            add_agent(conn, name, full_name=None, email=None, is_lead=name in LEADS, actor="bench",
                      at="2019-01-01T00:00:00Z")
    for k in range(count):
        stop = rnd.choice(OPEN_STAGES) if k % 5 == 0 else None
        play_story(conn, rnd, texts, k, stop)
    conn.close()


class Plan:
    """Which story each complaint copies, when it was received, who complained."""

    def __init__(self, stories: list[tuple], n: int, now: datetime, seed: int):
        self.rnd = random.Random(seed)
        self.now = now
        done = sorted((s[2], s[0], s[1]) for s in stories if not s[3])
        opened = sorted((s[2], s[0], s[1]) for s in stories if s[3])
        self.done, self.done_lengths = done, [d[0] for d in done]
        self.opened, self.open_lengths = opened, [o[0] for o in opened]
        self.n = n

    def received_times(self) -> list[int]:
        """Two years of arrivals, a few more each month, as epoch seconds, oldest first."""
        end = int(self.now.timestamp()) - 600
        start = end - 730 * 86400
        out = sorted(start + int((end - start) * (self.rnd.random() ** 0.85)) for _ in range(self.n))
        return out

    def story_for(self, age: int) -> tuple[int, int]:
        """A story that fits in ``age`` seconds: open ones mostly for the last ten days (the
        backlog a team has), a few stuck for longer; (story id, story received epoch)."""
        days = age / 86400
        keep_open = self.rnd.random() < (0.55 * max(0.0, 1 - days / 10) + 0.0015)
        pool, lengths = (self.opened, self.open_lengths) if keep_open else (self.done, self.done_lengths)
        fits = bisect.bisect_right(lengths, age)
        if fits == 0:
            pool, lengths = self.opened, self.open_lengths
            fits = max(1, bisect.bisect_right(lengths, age))
        _, sid, received = pool[self.rnd.randrange(fits)]
        return sid, received


def story_facts(conn: sqlite3.Connection) -> list[tuple]:
    """Per story: (id, received epoch, seconds from received to its last event, still open,
    category, seconds from received to its logging, who logged it)."""
    from complaintctl.core.record.lifecycle import OPEN_STATUSES

    rows = conn.execute(
        "SELECT c.id, unixepoch(c.received_at), (SELECT max(unixepoch(at)) FROM story.events e "
        "WHERE e.complaint_id = c.id), c.status, c.category, unixepoch(l.at), l.actor FROM story.complaints c "
        "JOIN story.events l ON l.complaint_id = c.id AND l.action = 'logged'").fetchall()
    return [(sid, received, last - received, status in OPEN_STATUSES, category, logged - received, actor)
            for sid, received, last, status, category, logged, actor in rows]


def scratch_path() -> Path:
    return Path(tempfile.mkdtemp(prefix="complaintctl-scale-")) / "stories.db"


# Tables a story may write, and how their rows are copied; any other table a story writes
# stops the build (it would have to be copied too, or the database would not be what the
# commands write).
COPIED = ("complaints", "complaint_tags", "events", "surveys")
STORY_ONLY = ("customers", "agents")  # the story's own customer is replaced, agents are added alike


def _shifted(column: str) -> str:
    return f"strftime('%Y-%m-%dT%H:%M:%SZ', unixepoch(s.{column}) + p.shift, 'unixepoch')"


def _is_time(column: str) -> bool:
    return column.endswith(("_at", "_since"))


ISO_TIME = "[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z"


def _shifted_value(column: str) -> str:
    """An event's old or new value shifted like a time column when it is one (a reopen keeps the
    resolution and closing times it clears), else as it is."""
    return f"CASE WHEN s.{column} GLOB '{ISO_TIME}' THEN {_shifted(column)} ELSE s.{column} END"


def _columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [r[1] for r in conn.execute(f"PRAGMA main.table_info({table})")]


def check_stories(conn: sqlite3.Connection) -> None:
    """Refuse stories this copier would not copy faithfully."""
    fresh = sqlite3.connect(":memory:")
    from complaintctl.store.migrations import migrate

    migrate(fresh)
    base = {t: fresh.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for (t,) in fresh.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%fts%'")}
    fresh.close()
    grown = [t for t, n in base.items() if t not in COPIED + STORY_ONLY + ("schema_migrations",)
             and conn.execute(f"SELECT count(*) FROM story.{t}").fetchone()[0] != n]
    if grown:
        raise SystemExit(f"stories wrote to {', '.join(grown)}, which bench/scale_build.py does not copy yet")
    # times in old_value/new_value (what a reopen clears) are shifted as the event's own time is
    # (_shifted_value); another value shaped like a time would be shifted wrongly
    odd = conn.execute(
        "SELECT count(*) FROM story.events WHERE (complaint_id IS NOT NULL AND customer_id IS NOT NULL) "
        f"OR ((old_value GLOB '{ISO_TIME}' OR new_value GLOB '{ISO_TIME}') "
        "AND NOT (action = 'reopened' AND field IN ('resolved_at', 'closed_at')))").fetchone()[0]
    odd += conn.execute("SELECT count(*) FROM story.complaints WHERE duplicate_of IS NOT NULL").fetchone()[0]
    if odd:
        raise SystemExit("stories wrote times or references into values the copier does not shift or remap")


def copy_stories(conn: sqlite3.Connection) -> None:
    """Copy each planned complaint's story (temp.plan) into main, shifted to its own time."""
    special = {"id": "p.i", "customer_id": "p.customer_id", "subject": "p.subject", "description": "p.description"}
    cols = _columns(conn, "complaints")
    exprs = [special.get(c) or (_shifted(c) if _is_time(c) else f"s.{c}") for c in cols]
    conn.execute(f"INSERT INTO main.complaints ({', '.join(cols)}) SELECT {', '.join(exprs)} "
                 "FROM temp.plan p JOIN story.complaints s ON s.id = p.story ORDER BY p.i")
    conn.execute("INSERT INTO main.complaint_tags (complaint_id, tag) SELECT p.i, s.tag FROM temp.plan p "
                 "JOIN story.complaint_tags s ON s.complaint_id = p.story ORDER BY p.i, s.tag")
    cols = [c for c in _columns(conn, "surveys") if c != "id"]
    exprs = ["p.i" if c == "complaint_id" else _shifted(c) if _is_time(c) or c == "at" else f"s.{c}" for c in cols]
    conn.execute(f"INSERT INTO main.surveys ({', '.join(cols)}) SELECT {', '.join(exprs)} FROM temp.plan p "
                 "JOIN story.surveys s ON s.complaint_id = p.story ORDER BY unixepoch(s.at) + p.shift, p.i, s.id")
    # the logged event says whether the customer was new, known or absent, as log writes it
    note = ("CASE WHEN s.action = 'logged' THEN CASE p.customer_kind WHEN 'new' THEN 'new customer' "
            "WHEN 'known' THEN 'known customer' ELSE 'anonymous' END ELSE s.note END")
    special = {"complaint_id": "p.i", "note": note, "old_value": _shifted_value("old_value"),
               "new_value": _shifted_value("new_value")}
    cols = [c for c in _columns(conn, "events") if c not in ("id", "hash", "digest")]
    exprs = [special.get(c) or (_shifted(c) if _is_time(c) or c == "at" else f"s.{c}") for c in cols]
    # in the order they happened, as a desk writes them; staged, then chained (store/chain.py);
    # a logged event also brings what its seal covers that is the copy's own
    named = ", ".join(f"{e} AS {c}" for e, c in zip(exprs, cols, strict=True))
    own = ", ".join(f"CASE WHEN s.action = 'logged' THEN {e} END AS own_{n}" for n, e in enumerate(
        ("p.story", "(SELECT received_at FROM main.complaints WHERE id = p.i)", "p.subject", "p.description",
         "p.customer_id")))
    conn.execute(f"CREATE TEMP TABLE staged_events AS SELECT {named}, {own} FROM temp.plan p "
                 "JOIN story.events s ON s.complaint_id = p.story ORDER BY unixepoch(s.at) + p.shift, p.i, s.id")
    chain_staged_events(conn, cols, story_intakes(conn))
    conn.execute("DROP TABLE temp.staged_events")


def story_intakes(conn: sqlite3.Connection) -> dict[int, tuple[dict, list[str]]]:
    """Each story's complaint as it was logged (core/record/seal.py's INTAKE and its tags): its
    row now, each field worked back to the old value of the first event that changed it."""
    from complaintctl.core.record.seal import INTAKE

    intakes = {}
    for sid, *values in conn.execute(f"SELECT id, {', '.join(INTAKE)} FROM story.complaints"):
        intakes[sid] = (dict(zip(INTAKE, values, strict=True)), set())
    for sid, field, old, _ in conn.execute(
            f"SELECT complaint_id, field, old_value, min(id) FROM story.events WHERE field IN "
            f"({', '.join(repr(f) for f in INTAKE)}) AND action <> 'logged' GROUP BY complaint_id, field"):
        intakes[sid][0][field] = old
    for sid, tag in conn.execute("SELECT complaint_id, tag FROM story.complaint_tags"):
        intakes[sid][1].add(tag)
    if conn.execute("SELECT count(*) FROM story.events WHERE field = 'tag'").fetchone()[0]:
        raise SystemExit("stories changed tags after logging, which story_intakes does not work back yet")
    return {sid: (values, sorted(tags)) for sid, (values, tags) in intakes.items()}


def chain_staged_events(conn: sqlite3.Connection, cols: list[str], intakes: dict) -> None:
    """Insert temp.staged_events into main.events in their order, each with its audit-chain
    hash after the newest event, as store/chain.py's insert_events does, a batch at a time; a
    logged event sealed as log seals it (the story's intake with the copy's own received time,
    subject, description and customer)."""
    from complaintctl.core.record.seal import complaint_seal
    from complaintctl.store.chain import CHAINED, head_hash, link

    order = [cols.index(c) for c in CHAINED]
    width = len(cols)
    insert = f"INSERT INTO main.events ({', '.join(cols)}, digest, hash) VALUES ({', '.join('?' * (width + 2))})"
    previous = head_hash(conn)
    rows = conn.execute("SELECT * FROM temp.staged_events ORDER BY rowid")
    empty_outcome = dict.fromkeys(("first_response_at", "resolved_at", "closed_at", "outcome", "resolution",
                                   "duplicate_of", "told_via", "customer_accepted"), None)
    while batch := rows.fetchmany(50000):
        chained = []
        for row in batch:
            digest = None
            if row[width] is not None:
                values, tags = intakes[row[width]]
                received, subject, description, customer = row[width + 1:width + 5]
                digest = complaint_seal({**values, **empty_outcome, "reopened_count": 0, "received_at": received,
                                         "subject": subject, "description": description, "customer_id": customer},
                                        tags)
            previous = link(previous, [row[k] for k in order], digest)
            chained.append((*row[:width], digest, previous))
        conn.executemany(insert, chained)


def fill_plan(conn: sqlite3.Connection, plan: Plan, stories: list[tuple], texts: Texts, seed: int) -> dict:
    """temp.plan: for each complaint, its story, time shift, customer and text. Customers are
    created here, by core.customers.create_customer, when their first complaint is logged."""
    from complaintctl.core.people.matching import create_customer

    facts = {s[0]: s for s in stories}
    rnd = random.Random(seed + 1)
    now = int(plan.now.timestamp())
    conn.execute("CREATE TEMP TABLE plan (i INTEGER PRIMARY KEY, story INTEGER NOT NULL, shift INTEGER NOT NULL, "
                 "customer_id INTEGER, customer_kind TEXT NOT NULL, subject TEXT NOT NULL, description TEXT)")
    customers: list[int] = []
    rows = []
    for i, received in enumerate(plan.received_times(), start=1):
        sid, story_received = plan.story_for(now - received)
        _, _, _, _, category, logged_after, logger = facts[sid]
        shift = received - story_received
        draw = rnd.random()
        if draw < 0.03:
            customer, kind = None, "anonymous"
        elif draw < 0.28 and customers:
            customer, kind = customers[int(len(customers) * rnd.random() ** 0.5)], "known"
        else:
            at = datetime.fromtimestamp(received + logged_after, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
            customer = create_customer(conn, texts.customer(rnd, len(customers) + 1), at=at, actor=logger,
                                       complaint_id=i)
            customers.append(customer)
            kind = "new"
        subject, description = texts.complaint(rnd, category)
        rows.append((i, sid, shift, customer, kind, subject, description))
        if len(rows) == 20000:
            conn.executemany("INSERT INTO temp.plan VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
            rows.clear()
    conn.executemany("INSERT INTO temp.plan VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
    return {"customers": len(customers)}


def drop_indexes(conn: sqlite3.Connection, tables: tuple[str, ...]) -> list[str]:
    """Drop the secondary indexes of ``tables`` (not the unique ones, which are constraints) and
    return their SQL: built once at the end, like store/bulk.py does for a big import, but all of
    them, since these rows do not arrive in the order of any index."""
    marks = ", ".join("?" * len(tables))
    rows = conn.execute(f"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
                        f"AND tbl_name IN ({marks}) AND sql NOT LIKE 'CREATE UNIQUE%'", tables).fetchall()
    for name, _ in rows:
        conn.execute(f'DROP INDEX "{name}"')
    return [sql for _, sql in rows]


def build(path: Path, n: int, *, now: datetime, stories: int = 3000, seed: int = 15, say=print) -> dict:
    """A database of ``n`` complaints received over the two years before ``now``, at ``path``."""
    import shutil
    import time

    from complaintctl.core.people.agents import add_agent
    from complaintctl.store import search
    from complaintctl.store.db import connect, transaction

    texts = Texts()
    scratch = scratch_path()
    t0 = time.perf_counter()
    play_stories(scratch, stories, seed, texts)
    say(f"  {stories:,} stories played through the core functions in {time.perf_counter() - t0:.0f} s")
    conn = connect(path)
    # a new file built whole or not at all (bench/scale.py renames it when done): no journal
    conn.execute("PRAGMA journal_mode = OFF")
    conn.execute("PRAGMA synchronous = OFF")
    conn.execute("PRAGMA cache_size = -200000")
    conn.execute("ATTACH ? AS story", (str(scratch),))
    check_stories(conn)
    facts = story_facts(conn)
    t0 = time.perf_counter()
    with transaction(conn):
        first = (now - timedelta(days=731)).strftime("%Y-%m-%dT%H:%M:%SZ")
        for name in AGENTS + LEADS:
            add_agent(conn, name, full_name=None, email=None, is_lead=name in LEADS, actor="bench", at=first)
        indexes = drop_indexes(conn, ("complaints", "complaint_tags", "events", "customers", "surveys"))
        triggers = search.suspend_triggers(conn)
        counts = fill_plan(conn, Plan(facts, n, now, seed), facts, texts, seed)
        say(f"  plan and {counts['customers']:,} customers in {time.perf_counter() - t0:.0f} s")
        copy_stories(conn)
        say(f"  complaints, tags, surveys and events copied at {time.perf_counter() - t0:.0f} s")
        for sql in indexes:
            conn.execute(sql)
        say(f"  indexes rebuilt at {time.perf_counter() - t0:.0f} s")
        search.resume_triggers(conn, triggers, rebuild=True)
        say(f"  search index built at {time.perf_counter() - t0:.0f} s")
        conn.execute("DROP TABLE temp.plan")
    conn.execute("DETACH story")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.close()
    shutil.rmtree(scratch.parent, ignore_errors=True)
    return counts
