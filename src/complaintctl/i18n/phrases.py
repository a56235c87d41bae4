"""English phrases said in Chinese by their shape: the older layer of translation, left only for
the reports (render/report_lang.py, report_html.py, report_text.py, report.py): their titles,
headers and words (WORDS, REPORT_WORDS, a code's label), and nine notes and cells read by their
English shape (MESSAGES). Everything else is said by id (complaintctl.i18n's ``_``); the layer goes
when the reports do too (issue 24)."""

from __future__ import annotations

import re

from complaintctl.i18n import zh

# --- words: headers, labels, field names --------------------------------------------------

WORDS = {
    # table headers
    "ID": "编号", "Received": "受理时间", "Status": "状态", "Severity": "严重程度", "SLA": "时限",
    "Category": "类别", "Customer": "客户", "Assignee": "处理人", "Subject": "主题", "Clock": "计时",
    "Due": "到期", "Left": "剩余", "When": "时间", "Who": "操作人", "Action": "操作", "Change": "变更",
    "Note": "备注", "Resolved": "解决时间", "Days": "天数", "Phone": "电话", "Email": "邮箱", "Name": "姓名",
    "Agent": "坐席", "Full name": "全名", "Lead": "主管", "Active": "在职", "Code": "代码", "English": "英文",
    "中文": "中文", "Respond within": "响应时限", "Resolve within": "解决时限", "Day": "日期", "Kind": "类型",
    "Channel": "渠道", "Cause": "原因", "Open": "未结", "Complaints": "投诉数", "Score": "评分",
    "Tag": "标签", "Source": "来源", "State": "情况", "Company": "公司", "Last": "最近",
    # complaint view
    "Complaint": "投诉", "Asks for": "客户诉求", "Personality": "客户性格", "Motive": "投诉动机", "Tags": "标签",
    "First response": "首次响应", "Respond by": "响应期限", "Resolve by": "解决期限", "Escalated": "升级",
    "Satisfaction": "满意度", "Closed": "关闭时间", "Outcome": "处理结果", "Resolution": "解决方案",
    "Told via": "告知方式", "Reopened": "重开", "Handling advice": "处理建议", "Description": "描述",
    # info
    "path": "文件", "size_bytes": "大小（字节）", "schema_version": "结构版本", "latest_schema_version": "最新结构版本",
    "sqlite_version": "SQLite 版本", "journal_mode": "日志模式", "complaints_count": "投诉数",
    "agents_count": "坐席数", "events_count": "事件数", "customers_count": "客户数", "open_complaints": "未结投诉",
    "deferred_indexes": "延后的索引",
    # reports
    "Weekly complaint report 每周投诉报告": "每周投诉报告", "Agent performance 坐席绩效": "坐席绩效",
    "SLA compliance SLA 达成率": "SLA 达成率", "Complaint trends 投诉趋势": "投诉趋势", "Root causes 根本原因": "根本原因",
    "Volume": "数量", "Needs attention now": "现在需要处理", "Week by week": "逐周趋势", "SLA compliance": "时限达成率",
    "SLA targets and compliance by severity": "各严重程度的时限与达成率", "Handling times": "处理时长",
    "By category": "按类别", "By root cause": "按根本原因", "By channel": "按渠道", "By severity": "按严重程度",
    "Backlog ageing": "积压时长分布", "Satisfaction scores": "满意度评分分布", "Agents": "坐席",
    "Repeat complainers": "重复投诉客户", "Top tags": "常见标签", "Top subjects": "常见主题",
    "Received 受理": "受理", "Acknowledged 已响应": "已响应", "Resolved 已解决": "已解决", "Closed 已关闭": "已关闭",
    "Reopened 重开": "重开", "Open backlog 未结": "未结积压", "Measure": "指标", "This period": "本期",
    "Previous": "上期", "running": "进行中", "Week": "周", "Backlog": "积压", "Response %": "响应达成率 %",
    "Resolution %": "解决达成率 %", "Met": "达标", "Finished": "已完成", "Compliance %": "达成率 %",
    "Goal %": "目标 %", "First response 首次响应": "首次响应", "Resolution 解决": "解决", "Time to": "时长",
    "Count": "数量", "Median": "中位数", "p90": "90 分位", "Age": "时长", "Open complaints": "未结投诉",
    "Surveys": "回访数", "Average score (1-5)": "平均分（1-5）", "Resolved in period": "本期解决",
    "…of which surveyed": "…其中已回访", "Response rate %": "回访率 %", "Assigned": "分配",
    "Median resolution": "解决时长中位数", "Resolution SLA %": "解决达成率 %", "Contact": "联系方式",
    "Complaints (all)": "投诉（全部）", "Who has it": "处理人", "(nobody)": "（无人）", "(none)": "（无）",
    "Responses": "响应数", "Resolutions": "解决数", "Compliance by severity": "按严重程度的达成率",
    "Compliance by week": "按周的达成率", "Received per week": "每周受理", "Backlog at end": "期末积压",
    "Root causes (Pareto)": "根本原因（帕累托）", "Share %": "占比 %", "Cumulative %": "累计 %",
    "Vital few": "关键少数", "yes": "是", "Rank": "排名",
    "First response, no SLA clock 首次响应（无时限）": "首次响应（无时限）",
    "Resolution, no SLA clock 解决（无时限）": "解决（无时限）", "Open, no SLA clock 未结（无时限）": "未结（无时限）",
    "<1d": "<1天", "1-3d": "1-3天", "3-7d": "3-7天", "7-30d": "7-30天", ">30d": ">30天",
    "(unassigned)": "（未分配）", "anonymous": "匿名", "accepted": "已接受", "not accepted": "未接受",
    "unknown": "未知", "respond": "响应", "resolve": "解决",
}

# codes -> Chinese labels: statuses, the seeded taxonomy, event actions, clock states
_SEED_KINDS = ("CATEGORIES", "SEVERITIES", "CAUSES", "CHANNELS", "REMEDIES", "PERSONALITIES", "MOTIVES",
               "STATUSES", "OUTCOMES")
ACTIONS = {
    "logged": "登记", "assigned": "分配", "status_changed": "状态变更", "classified": "分类",
    "reopened": "重开", "noted": "备注", "escalated": "升级", "surveyed": "回访", "updated": "更新",
    "claimed": "认领", "replied": "回复", "edited": "编辑", "imported": "导入",
    "overdue": "已超时", "due_soon": "即将到期", "on_time": "按时", "paused": "暂停", "no_target": "无时限",
    "respond": "响应", "resolve": "解决", "holiday": "假日", "workday": "工作日", "published": "已公布",
    "rules": "法定规则", "estimated": "估算",
}


def _codes() -> dict[str, str]:
    from complaintctl import seed

    out: dict[str, str] = {}
    for kind in _SEED_KINDS:
        for row in getattr(seed, kind):
            out.setdefault(row[0], row[2])
    out.update({"resolved": "已解决", "closed": "已关闭"})
    out.update(ACTIONS)
    return out


_CODES: dict[str, str] | None = None


def code(value):
    """A code (``investigating``, ``high``) as its Chinese label in Chinese; else unchanged."""
    global _CODES
    if not zh() or not isinstance(value, str):
        return value
    if _CODES is None:
        _CODES = _codes()
    return _CODES.get(value, value)


# --- messages ---------------------------------------------------------------------------------

def _dur(text: str) -> str:
    """'2d 23h', '3h 20m', '45m', '1 d 4 h', '5 h 20 min' -> 2天23小时 ..."""
    return (re.sub(r"(\d+)\s*d\b", r"\1天", re.sub(r"(\d+)\s*h\b", r"\1小时",
            re.sub(r"(\d+)\s*(m|min)\b", r"\1分钟", text))).replace(" ", ""))


MESSAGES: list[tuple[str, object]] = [
    # a report cell: a clock's time left or over
    (r"^(\d+[dhm](?: \d+[hm])?) left$", lambda m: f"剩余 {_dur(m.group(1))}"),
    (r"^(\d+[dhm](?: \d+[hm])?) over$", lambda m: f"超时 {_dur(m.group(1))}"),
    (r"^(.+) over$", lambda m: f"超时 {_dur(m.group(1))}"),
    (r"^due in (.+)$", lambda m: f"{_dur(m.group(1))}后到期"),
    (r"^paused$", "暂停"),
    (r"^\(unassigned\)$", "（未分配）"),
    (r"^no SLA$", "无时限"),
]
# report notes
MESSAGES += [
    (r"^(\d+) overdue and (\d+) due within (\S+) h as of (.+?)(; the (\d+) most urgent, oldest first|, oldest first)\."
     r"(?: (\d+) open complaint\(s\) have no SLA clock and are not listed here\.)?$",
     lambda m: f"截至 {m.group(4)}，{m.group(1)} 件已超时，{m.group(2)} 件将在 {m.group(3)} 小时内到期"
               + (f"；列出最紧急的 {m.group(6)} 件，最早的在前。" if m.group(6) else "，最早的在前。")
               + (f"另有 {m.group(7)} 件未结投诉没有时限，不在此列。" if m.group(7) else "")),
    (r"^The period is still running \((\d+)% of it has passed, as of (.+)\): figures are partial, so no change is "
     r"shown\.$", "本期尚未结束（已过 {1}%，截至 {2}）：数字不完整，因此不显示变化。"),
    (r"^▼ below the team's goal of (.+)% \(`complaintctl sla goal PCT`\)\.(.*)$",
     lambda m: f"▼ 低于团队目标 {m.group(1)}%（`complaintctl sla goal 百分比`）。" + (
         "无时限：没有严重程度的投诉不计时，也不计入达成率；请分类，或用 `complaintctl sla default 严重程度` 设默认。"
         if m.group(2).strip() else "")),
    (r"^(\d+) complaint\(s\) in the period have no cause recorded yet\.$", "本期有 {1} 件投诉尚未记录原因。"),
    (r"^Generated by complaintctl\. (.*)$", "由 complaintctl 生成。每个数字都可用 docs/reports.md 中的 SQL 复现。"),
]

REPORT_WORDS = {"Received": "受理", "Resolved": "解决", "Complaints": "投诉数", "Severity": "严重程度",
                "Resolution": "解决", "Value": "数值"}


def rt(text):
    """A report's phrase: its own words first (a count, not a time), then the common ones."""
    if not zh() or not isinstance(text, str):
        return text
    return REPORT_WORDS.get(text) or WORDS.get(text, text)


def target(text: str) -> str:
    """An SLA target ('4h', '1bd', '90m') in the chosen language."""
    if not zh():
        return text
    m = re.match(r"^(\d+(?:\.\d+)?)(m|h|d|w|bm|bh|bd)$", text)
    units = {"m": "分钟", "h": "小时", "d": "天", "w": "周", "bm": "个工作分钟", "bh": "个工作小时", "bd": "个工作日"}
    return f"{m.group(1)}{units[m.group(2)]}" if m else text


def duration(text: str) -> str:
    """'5 h 20 min', '2 d 4 h' in the chosen language."""
    return _dur(text) if zh() else text


MESSAGES += [
    (r"^(.+) vs previous \((\d+)\)$", "{1}，上期 {2}"),
    (r"^period still running$", "本期尚未结束"),
]
_COMPILED: list | None = None


def message(text: str) -> str:
    """A whole line the tool wrote (a success message, an error) in the chosen language."""
    global _COMPILED
    if not zh() or not isinstance(text, str):
        return text
    if text in WORDS:
        return WORDS[text]
    if _COMPILED is None:
        _COMPILED = [(re.compile(p), r) for p, r in MESSAGES if r is not None]
    for pattern, replacement in _COMPILED:
        m = pattern.match(text)
        if m:
            if callable(replacement):
                return replacement(m)
            return replacement.format(*([m.group(0)] + list(m.groups())))
    return text
