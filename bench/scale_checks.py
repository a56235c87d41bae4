"""The commands bench/scale.py times, their budgets (issue #15) and the baselines they are held to."""

from __future__ import annotations

PEAK_MB = 200  # every command, at any database size


class Budget:
    """At most ``ratio`` times the median of ``baseline`` (a command's name), in the same run."""

    def __init__(self, ratio: float, baseline: str = "--version"):
        self.ratio = ratio
        self.baseline = baseline
        self.text = f"(<= {ratio:g}x {baseline})"


class Command:
    """One command line; ``args`` may name {db}, {work} and {python}. ``raw``: not a complaintctl
    command but a baseline program."""

    def __init__(self, name: str, args: list[str], budget: Budget | None = None, *, raw: bool = False,
                 ok_codes: tuple[int, ...] = (0,)):
        self.name = name
        self.args = args
        self.budget = budget
        self.raw = raw
        self.ok_codes = ok_codes

    def argv(self, cli: list[str], context: dict) -> list[str]:
        args = [a.format(**context) for a in self.args]
        return args if self.raw else [*cli, *args]


INSTANT = Budget(3)      # a terminal command must feel instant
SHORT_WORD = Budget(8)   # search for one or two characters
REPORT = Budget(10)

HAND_WRITTEN_WEEKLY = """
import sqlite3, sys
sys.path.insert(0, '{bench}')
from report import hand_written
from complaintctl.core.record.dates import now_utc
from complaintctl.core.insight.reports import last_full_week
start, end, label = last_full_week(now_utc())
f = lambda d: d.strftime('%Y-%m-%dT%H:%M:%SZ')
hand_written(sqlite3.connect('{db}'), f(start), f(end), f(start - (end - start)))
"""

EXPORT_SQL = ("SELECT c.id, c.ref, c.received_at, c.channel, cu.name AS customer, cu.email, cu.phone, cu.company, "
              "c.subject, c.description, c.remedy, c.category, c.severity, c.cause, c.personality, c.motive, "
              "(SELECT group_concat(tag, ',') FROM (SELECT tag FROM complaint_tags t WHERE t.complaint_id = c.id "
              "ORDER BY tag)) AS tags, c.status, c.assignee, c.first_response_at, c.resolved_at, c.closed_at, "
              "c.outcome, c.resolution, c.told_via, c.customer_accepted, c.duplicate_of, c.reopened_count, c.extra "
              "FROM complaints c LEFT JOIN customers cu ON cu.id = c.customer_id ORDER BY c.id")

BASELINES = [
    Command("--version", ["--version"]),
    Command("sqlite3 -csv (export's rows and columns)", ["sh", "-c", f'sqlite3 -csv -header "{{db}}" "{EXPORT_SQL}" '
                                                         '> "{work}/raw.csv"'], raw=True),
    Command("PRAGMA quick_check", ["sqlite3", "{db}", "PRAGMA quick_check"], raw=True),
    Command("PRAGMA integrity_check", ["sqlite3", "{db}", "PRAGMA integrity_check"], raw=True),
    Command("hand-written weekly SQL (bench/report.py)", ["{python}", "-c", HAND_WRITTEN_WEEKLY], raw=True),
]

COMMANDS = [
    Command("list", ["list"], INSTANT),
    Command("list --open --severity high", ["list", "--open", "--severity", "high"], INSTANT),
    Command("list --status waiting --assignee agent03", ["list", "--status", "waiting", "--assignee", "agent03"],
            INSTANT),
    Command("list --tag vip --since '30 days ago'", ["list", "--tag", "vip", "--since", "30 days ago"], INSTANT),
    Command("list --customer 王伟", ["list", "--customer", "王伟"], INSTANT),
    Command("show ID", ["show", "{mid}"], INSTANT),
    Command("overdue", ["overdue"], INSTANT, ok_codes=(0,)),
    Command("overdue --within 1d", ["overdue", "--within", "1d"], INSTANT),
    Command("followups", ["followups"], INSTANT),
    Command("sla status", ["sla", "status"], INSTANT),
    Command("agents list", ["agents", "list"], INSTANT),
    Command("customers list", ["customers", "list"], INSTANT),
    Command("info", ["info"], INSTANT),
    Command("search 洗衣机", ["search", "洗衣机"], INSTANT),
    Command("search washing", ["search", "washing"], INSTANT),
    Command("search 'no water'", ["search", "no water"], INSTANT),
    Command("search zzqqxx (no match)", ["search", "zzqqxx"], INSTANT),
    Command("search ｗａｓｈｉｎｇ (full width)", ["search", "ｗａｓｈｉｎｇ"], INSTANT),
    Command("search a phone's digits", ["search", "{phone}"], INSTANT),
    Command("list --customer a phone's digits", ["list", "--customer", "{phone}"], INSTANT),
    Command("search 洗衣机 --open --severity high", ["search", "洗衣机", "--open", "--severity", "high"], INSTANT),
    Command("search 漏水", ["search", "漏水"], SHORT_WORD),
    Command("search 退", ["search", "退"], SHORT_WORD),
    Command("search 漏水 'no water' --any", ["search", "漏水", "no water", "--any"], SHORT_WORD),
    Command("log (a new complaint)", ["log", "-s", "洗衣机漏水 bench", "--customer", "王伟", "--phone", "13900001111",
                                      "--severity", "high"], INSTANT),
    Command("update ID --note", ["update", "{later}", "--note", "已电话联系客户"], INSTANT),
    Command("report weekly -f json", ["report", "weekly", "-f", "json"], REPORT),
    Command("report weekly -f json (vs hand-written SQL)", ["report", "weekly", "-f", "json"],
            Budget(2, "hand-written weekly SQL (bench/report.py)")),
    Command("report weekly", ["report", "weekly"], REPORT),
    Command("report agents", ["report", "agents"], REPORT),
    Command("report sla", ["report", "sla"], REPORT),
    Command("report trends", ["report", "trends"], REPORT),
    Command("report causes", ["report", "causes"], REPORT),
    Command("export -o all.csv", ["export", "-o", "{work}/all.csv"], Budget(2, BASELINES[1].name)),
    Command("check --quick", ["check", "--quick"], Budget(1.5, "PRAGMA quick_check")),
    Command("check", ["check"], Budget(3, "PRAGMA integrity_check")),
]
