"""Headers that no alias lists, matched by their meaningful parts, in Chinese and English:
`投诉接待日期` is a date (the received time, as it names no other moment), `投诉方式` the
channel, `投诉人姓名` the customer, `Date sent to company` no field at all. A guess is only
a candidate: the values decide (importer/decide.py), and `--show-mapping` says which word
made the guess."""

from __future__ import annotations

import functools
import re

# English words of a header: camelCase and snake_case split, lower case.
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
_WORDS = re.compile(r"[a-z0-9]+")

DATE_WORDS = {"date", "time", "datetime", "timestamp", "when", "day", "dt"}
DATE_LAST_WORDS = {"at", "on"}  # created_at, opened_on
DATE_ZH = ("日期", "时间", "时刻", "日")
# Moments that are no field of ours: kept in extra rather than read as the received time.
OTHER_MOMENTS = ({"due", "deadline", "sent", "birth", "birthday", "expire", "expires", "expiry", "expiration",
                  "dob", "forwarded", "escalated", "sla", "target", "promised", "scheduled", "next"},
                 ("到期", "截止", "期限", "出生", "发送", "转办", "预计", "计划", "承诺", "下次", "生日"))
# (field, English words, Chinese parts) for a date header naming a moment other than receipt.
MOMENTS = [
    ("updated_at", {"updated", "modified", "changed", "update", "modify", "last"}, ("更新", "修改", "变更")),
    ("closed", {"closed", "close", "closing", "completed", "finished", "ended"}, ("关闭", "结案", "办结", "完成", "结束")),
    ("resolved_at", {"resolved", "solved", "resolution", "fixed"}, ("解决",)),
    ("first_response_at", {"response", "responded", "reply", "replied", "answer", "answered", "first"},
     ("响应", "回复", "答复", "反馈", "回访")),
]
# (field, English words, Chinese parts), tried in this order for headers that are not dates.
FIELDS = [
    ("reopened_count", {"reopen", "reopened", "reopens"}, ("重开", "重新打开")),
    ("email", {"email", "mail", "mailbox"}, ("邮箱", "邮件", "电邮")),
    ("phone", {"phone", "tel", "telephone", "mobile", "cell", "cellphone", "msisdn"}, ("电话", "手机", "号码", "联系方式")),
    ("channel", {"channel", "via", "medium", "source"}, ("渠道", "方式", "来源", "途径")),
    ("status", {"status", "state"}, ("状态", "进度")),
    ("severity", {"priority", "severity", "urgency", "prio"}, ("优先级", "级别", "等级", "紧急", "严重")),
    ("assignee", {"assignee", "assigned", "agent", "owner", "handler", "resolver", "handled"},
     ("处理人", "负责人", "经办人", "承办人", "受理人", "跟进人", "办理人", "客服")),
    ("resolution", {"resolution", "solution"}, ("处理结果", "处理意见", "答复意见", "答复内容", "回复内容", "办理结果",
                                                "处理情况", "办理情况", "答复", "回复")),
    ("outcome", {"outcome", "result"}, ("结果", "结论")),
    ("remedy", {"remedy", "demand", "demands", "request", "requests", "expectation"}, ("诉求", "要求", "期望")),
    ("cause", {"cause"}, ("原因",)),
    ("company", {"company", "organisation", "organization", "employer", "firm"}, ("公司", "单位", "企业")),
    ("customer", set(), ("姓名", "客户", "投诉人", "联系人", "用户", "来电人", "反映人", "当事人", "消费者", "留言人",
                         "举报人", "申请人", "顾客")),
    ("ref", {"id", "key", "number", "no", "ref", "reference", "ticket", "case"}, ("编号", "单号", "工单号", "流水号", "序号")),
    ("category", {"category", "type", "kind", "classification", "topic"}, ("分类", "类型", "类别", "类目")),
    ("subject", {"subject", "title", "summary", "issue", "descriptor", "headline"},
     ("主题", "标题", "摘要", "事由", "事项", "问题")),
    ("description", {"description", "details", "detail", "content", "body", "text", "message", "narrative",
                     "comment", "comments", "complaint"}, ("内容", "描述", "详情", "详细", "留言", "情况", "经过")),
    ("tags", {"tag", "tags", "label", "labels", "keywords"}, ("标签", "关键词")),
]
# An English header is the customer only when every word in it says "a person" (or is a filler):
# `caller_id`, `Customer Name`, `author` are; `Consumer consent provided?`, `Agency Name` are not.
PERSON_WORDS = {"customer", "caller", "client", "consumer", "complainant", "author", "user", "contact", "person",
                "reporter", "requester", "requestor", "submitter", "name", "username"}
PERSON_FILLERS = {"full", "first", "last", "id", "the", "of", "display", "s"}


@functools.lru_cache(maxsize=4096)
def guess_field(header: str) -> tuple[str, str] | None:
    """(field, the word that made the guess) for a header no alias names, or None."""
    text = header.strip()
    words = _WORDS.findall(_CAMEL.sub("_", text).lower())
    wordset = set(words)
    zh = text
    is_date = bool(wordset & DATE_WORDS) or (words and words[-1] in DATE_LAST_WORDS) or any(p in zh for p in DATE_ZH)
    if is_date:
        if wordset & OTHER_MOMENTS[0] or any(p in zh for p in OTHER_MOMENTS[1]):
            return None
        for field, english, chinese in MOMENTS:
            hit = _hit(words, zh, english, chinese)
            if hit:
                return field, hit
        return "received", _hit(words, zh, DATE_WORDS | DATE_LAST_WORDS, DATE_ZH) or "date"
    if {"contact", "type"} <= wordset or {"contact", "method"} <= wordset:
        return "channel", "contact"  # ServiceNow's contact_type: phone, email, self-service
    for field, english, chinese in FIELDS:
        if field == "customer":
            hit = _hit([], zh, set(), chinese)
            if hit:
                return field, hit
            if words and wordset & PERSON_WORDS and wordset <= PERSON_WORDS | PERSON_FILLERS:
                return field, next(w for w in words if w in PERSON_WORDS)
            continue
        hit = _hit(words, zh, english, chinese)
        if hit:
            return field, hit
    return None


def _hit(words: list[str], text: str, english: set[str], chinese: tuple[str, ...]) -> str | None:
    """The header's first word (in its own order, so the evidence is the same every run) that
    ``english`` lists, else the first of ``chinese`` in it."""
    for word in words:
        if word in english:
            return word
    return next((part for part in chinese if part in text), None)
