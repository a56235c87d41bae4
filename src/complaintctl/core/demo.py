"""A realistic, seeded-random history for trying complaintctl: a few hundred complaints over
the last weeks, in Chinese and English, through every step of the handling cycle. Everything
goes through the same core functions as real use, so events and SLA figures are genuine."""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

from complaintctl.core.desk import complaints as core
from complaintctl.core.desk import tracking
from complaintctl.core.insight.periods import last_full_week
from complaintctl.core.insight.reports import weekly
from complaintctl.core.people.agents import add_agent
from complaintctl.core.record.dates import now_utc, to_iso
from complaintctl.errors import InvalidInput
from complaintctl.i18n import L_
from complaintctl.i18n.said import Input
from complaintctl.store.bulk import quick_commits
from complaintctl.store.db import connect, default_db_path, resolve_db_path, transaction
from complaintctl.store.engine import Connection

AGENTS = [("zhang.wei", "张伟", False), ("li.na", "李娜", False), ("wang.fang", "王芳", False),
          ("amy", "Amy Chen", False), ("liu.yang", "刘洋", True)]
CUSTOMERS = [("李雷", "lilei@example.cn", "+86 138 0013 8000", None), ("韩梅梅", "hmm@example.cn", None, "梅梅贸易"),
             ("王小明", None, "139 1234 5678", None), ("赵丽", "zhaoli@example.cn", "137-0000-1111", "丽华超市"),
             ("John Smith", "john@example.com", "+1 555 0100", "Acme Ltd"), ("陈静", None, "186 2222 3333", None),
             ("Maria Garcia", "maria@example.es", None, None), ("孙强", "sunqiang@example.cn", None, "强盛物流"),
             ("周杰", None, "135 8888 9999", None), ("Emily Brown", "emily@example.co.uk", None, None),
             ("吴芳", "wufang@example.cn", "150 1111 2222", None), ("郑凯", None, "188 6666 7777", "凯达科技")]
SUBJECTS = {
    "product_quality": ["洗衣机漏水", "冰箱不制冷", "Screen cracked after a week", "充电器发烫", "Kettle stopped working"],
    "service_attitude": ["客服态度恶劣", "Rude agent on the phone", "门店店员不理人"],
    "delivery_delay": ["快递三天没到", "Order still not delivered", "送货延迟一周"],
    "after_sales": ["保修期内维修收费", "Repair took three weeks", "退货流程太复杂"],
    "price": ["同款商品价格不一致", "Charged more than the advertised price"],
    "integrity": ["承诺的赠品没有给", "Promised callback never came"],
    "billing_error": ["发票金额错误", "Double charged on my card", "自动续费未提醒"],
    "system_failure": ["App 无法登录", "Website checkout error", "支付页面一直转圈"],
    "data_error": ["积分被清零", "Wrong address on my account"],
    "usability": ["App 找不到退款入口", "The form keeps losing my input"],
    "slow_response": ["在线客服半天没人回", "No reply to my email for 5 days"],
    "other": ["其他问题咨询", "General complaint"],
}
CAUSE_FOR = {"product_quality": "product_quality", "service_attitude": "service_level", "delivery_delay": "service_level",
             "after_sales": "service_level", "price": "price", "integrity": "integrity", "billing_error": "data",
             "system_failure": "system", "data_error": "data", "usability": "system", "slow_response": "service_level",
             "other": "customer_use"}
RESOLUTIONS = ["已更换新机并致歉", "退还差价 ¥120", "Refunded in full", "上门维修完成", "补发赠品并电话致歉",
               "Explained the billing and credited the account", "修复系统问题并补偿积分", "客户撤回投诉"]
NOTES = ["已电话联系客户，了解详细情况", "Asked the customer for photos", "转交仓库核实", "Checked the order history",
         "与物流公司确认中", "客户情绪激动，已安抚"]


MAX_DEMO_WEEKS = 104


def demo_path(explicit: str | None) -> Path | str:
    """The database `demo` fills: --db if given, else demo.db beside the default database
    (never the user's real data)."""
    return resolve_db_path(explicit) if explicit else default_db_path().with_name("demo.db")


def make_demo(explicit: str | None, *, force: bool, seed: int, weeks: int, now: datetime,
              on_start: Callable[[Path | str], None] | None = None) -> dict:
    """The use case `demo`: fill the demo database (the default demo.db is made afresh; a --db
    that already has complaints only with ``force``) and build its last full week's report."""
    if not 1 <= weeks <= MAX_DEMO_WEEKS:
        raise InvalidInput(L_("{weeks} must be between 1 and {most}", weeks=Input("weeks"), most=MAX_DEMO_WEEKS))
    path = demo_path(explicit)
    if not explicit:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    conn = connect(path)
    try:
        existing = conn.execute("SELECT count(*) FROM complaints").fetchone()[0]
        if existing and not force:
            raise InvalidInput(L_("{path} already has {n} complaints", path=str(path), n=existing),
                               hint=L_("use {force} to add a demo history anyway", force=Input("force")))
        if on_start is not None:
            on_start(path)
        counts = fill_demo(conn, seed=seed, weeks=weeks)
        return {"database": str(path), **counts, "report": weekly(conn, *last_full_week(now))}
    finally:
        conn.close()


def fill_demo(conn: Connection, *, seed: int = 7, weeks: int = 8, per_week: int = 40,
              now: datetime | None = None) -> dict:
    """Fill an empty database with a demo history ending at ``now``; return counts."""
    rnd = random.Random(seed)
    now = (now or now_utc()).replace(second=0)
    with quick_commits(conn):  # a demo database: speed over durability
        with transaction(conn):
            for name, full, lead in AGENTS:
                add_agent(conn, name, full_name=full, email=None, is_lead=lead, actor="demo",
                          at=to_iso(now - timedelta(weeks=weeks + 1)))
        start = now - timedelta(weeks=weeks)
        counts = {"complaints": 0, "surveys": 0, "reopened": 0, "escalated": 0}
        for _ in range(weeks * per_week):
            received = start + timedelta(minutes=rnd.randrange(int((now - start).total_seconds() // 60) - 30))
            received = received.replace(second=0)
            cid, category, severity = _log_one(conn, rnd, received)
            counts["complaints"] += 1
            _handle(conn, rnd, cid, category, severity, _Steps(received, now), counts)
    return counts


CATEGORY_WEIGHTS = [9, 5, 7, 4, 3, 2, 5, 4, 2, 2, 3, 1]


def _log_one(conn: Connection, rnd: random.Random, received: datetime) -> tuple[int, str, str]:
    """Log one complaint received at ``received``; (id, its category, its severity)."""
    category = rnd.choices(list(SUBJECTS), CATEGORY_WEIGHTS)[0]
    severity = rnd.choices(["critical", "high", "medium", "low"], [1, 4, 8, 4])[0]
    customer = rnd.choice(CUSTOMERS) if rnd.random() < 0.6 else (f"客户{rnd.randrange(1000)}", None,
                                                                  f"13{rnd.randrange(10**9):09d}", None)
    actor = rnd.choice(AGENTS)[0]
    cid = core.log_complaint(conn, core.NewComplaint(
        subject=rnd.choice(SUBJECTS[category]), customer=customer[0], email=customer[1], phone=customer[2],
        company=customer[3], channel=rnd.choices(["phone", "email", "web", "social", "store", "chat", "letter"],
                                                 [8, 5, 6, 3, 2, 5, 1])[0],
        description="客户反映：" + rnd.choice(SUBJECTS[category]) + "。" + rnd.choice(NOTES),
        remedy=rnd.choice(["refund", "replacement", "repair", "compensation", "apology", "explanation"]),
        received=received, category=category if rnd.random() < 0.9 else None, severity=severity,
        tags=rnd.sample(["vip", "媒体", "复购", "二次投诉", "online"], rnd.choice([0, 0, 1, 1, 2]))),
        actor=actor, now=received).id
    return cid, category, severity


class _Steps:
    """A complaint's own clock: each step moves it on, and none may pass ``now``."""

    def __init__(self, received: datetime, now: datetime):
        self.t, self.now = received, now

    def step(self, hours: float) -> datetime | None:
        nxt = self.t + timedelta(hours=hours)
        if nxt >= self.now:
            return None
        self.t = nxt
        return nxt


def _handle(conn: Connection, rnd: random.Random, cid: int, category: str, severity: str, steps: _Steps,
            counts: dict) -> None:
    """Take one complaint as far through the handling cycle as its time allows."""
    age = steps.now - steps.t
    agent = _acknowledge(conn, rnd, cid, severity, steps, counts)
    if agent is None or (age < timedelta(days=2) and rnd.random() < 0.5):
        return  # recent: still being handled
    if not _investigate(conn, rnd, cid, category, agent, steps):
        return
    if rnd.random() < 0.12:
        return  # stuck: these become the overdue backlog
    _finish(conn, rnd, cid, agent, steps, counts)


def _acknowledge(conn: Connection, rnd: random.Random, cid: int, severity: str, steps: _Steps,
                 counts: dict) -> str | None:
    """Assign, classify the customer, acknowledge, perhaps escalate; the agent who now has it,
    or None when time ran out first."""
    agent = rnd.choice(AGENTS[:4])[0]
    when = steps.step(rnd.uniform(0.1, 3))
    if when is None:
        return None
    core.assign(conn, cid, agent, actor="liu.yang", now=when)
    core.classify(conn, cid, codes={"personality": rnd.choice(["perfectionist", "forceful", "lively", "peaceful"]),
                                    "motive": rnd.choice(["venting", "seeking_respect", "seeking_compensation",
                                                          "wants_fix", "wants_fix"])}, actor=agent, now=when)
    when = steps.step(rnd.choice([0.2, 0.5, 1, 2, 3, 6, 20]) if severity in ("critical", "high")
                      else rnd.uniform(1, 30))
    if when is None:
        return None
    core.update(conn, cid, status="acknowledged", note=rnd.choice(NOTES), actor=agent, now=when)
    if rnd.random() < 0.06 and severity != "critical":
        when = steps.step(rnd.uniform(0.5, 6))
        if when:
            tracking.escalate(conn, cid, to="liu.yang", reason="客户要求主管处理", actor=agent, now=when)
            agent = "liu.yang"
            counts["escalated"] += 1
    return agent


def _investigate(conn: Connection, rnd: random.Random, cid: int, category: str, agent: str,
                 steps: _Steps) -> bool:
    """Investigate and find the cause, perhaps waiting on the customer; False when time ran out."""
    when = steps.step(rnd.uniform(1, 24))
    if when is None:
        return False
    core.update(conn, cid, status="investigating", actor=agent, now=when)
    core.classify(conn, cid, codes={"cause": CAUSE_FOR[category] if rnd.random() < 0.8 else rnd.choice(
        sorted(set(CAUSE_FOR.values())))}, actor=agent, now=when)
    if rnd.random() < 0.25:
        when = steps.step(rnd.uniform(2, 30))
        if when is None:
            return False
        core.update(conn, cid, status="waiting", note="等客户提供照片/凭证", actor=agent, now=when)
        when = steps.step(rnd.uniform(4, 72))
        if when is None:
            return False
        core.update(conn, cid, status="investigating", note="客户已回复", actor=agent, now=when)
    return True


def _finish(conn: Connection, rnd: random.Random, cid: int, agent: str, steps: _Steps, counts: dict) -> None:
    """Resolve, perhaps survey (an unhappy score may reopen it), then close."""
    when = steps.step(rnd.choice([4, 12, 24, 48, 72, 120, 200]) * rnd.uniform(0.5, 1.5))
    if when is None:
        return
    core.update(conn, cid, status="resolved", note=rnd.choice(RESOLUTIONS), actor=agent, now=when)
    if rnd.random() < 0.7:
        when = steps.step(rnd.uniform(12, 96))
        if when is None:
            return
        score = rnd.choices([1, 2, 3, 4, 5], [1, 1, 2, 4, 5])[0]
        reopen = score == 1 and rnd.random() < 0.7
        tracking.survey(conn, cid, score=score, comment=rnd.choice([None, "处理及时", "还行", "Very helpful",
                                                                    "态度很好", "问题还没解决"]),
                        reopen=reopen, actor=agent, now=when)
        counts["surveys"] += 1
        if reopen:
            counts["reopened"] += 1
            return
    when = steps.step(rnd.uniform(1, 48))
    if when is None:
        return
    outcome = rnd.choices(["resolved", "rejected", "withdrawn"], [12, 2, 1])[0]
    core.close(conn, cid, outcome=outcome, resolution=rnd.choice(RESOLUTIONS), told_via=rnd.choice(
        ["phone", "email", None]), accepted=rnd.random() < 0.85, actor=agent, now=when)
