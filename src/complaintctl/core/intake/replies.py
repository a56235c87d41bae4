"""Rows that are answers, not complaints: a support account's export (Twitter's customer support
corpus, a chat or messaging log) holds the customers' messages and the company's replies side by
side. A column that says each row's direction (`inbound` True/False, `direction` in/out) tells them
apart, and is trusted only when the values back it: the rows it calls replies answer other rows (a
column such as `in_response_to_tweet_id` is filled in them) or are written by a few authors who
answer many and write no complaint of their own. Such rows are set aside, each with that reason
in the rejects file, and the summary says what was decided and how to import them anyway."""

from __future__ import annotations

import re
from dataclasses import dataclass

from complaintctl.core.intake.cells import FALSE_WORDS, TRUE_WORDS
from complaintctl.core.intake.mapping import EXTRA, IGNORED, ColumnPlan, normalize_header
from complaintctl.i18n import L_
from complaintctl.i18n.said import Input

# header (normalised) -> what a true value says: True, the row comes from the customer; False, it is a reply
_YES_IS_CUSTOMER = {"inbound", "is_inbound", "incoming", "is_incoming", "from_customer", "by_customer",
                    "customer_message", "is_customer"}
_YES_IS_REPLY = {"outbound", "is_outbound", "outgoing", "is_outgoing", "is_reply", "from_agent", "by_agent",
                 "from_company", "from_business", "is_agent", "agent_message", "is_response"}
_DIRECTION = {"direction", "message_direction", "msg_direction", "flow", "方向", "消息方向"}
_OUT_WORDS = {"out", "outbound", "outgoing", "sent", "reply", "response", "agent", "company", "出", "回复", "发出"}
_IN_WORDS = {"in", "inbound", "incoming", "received", "customer", "user", "入", "来信", "收到"}
# a column naming the row another row answers
_LINK = re.compile(r"(in_)?(response|reply|replies|answer)(ing)?_to|parent|in_reply|reply_of|回复.*(编号|id)",
                   re.IGNORECASE)
_AUTHOR = re.compile(r"author|user|sender|from|screen_name|handle|customer|发送|作者|用户", re.IGNORECASE)


@dataclass(frozen=True)
class Replies:
    """How the reader tells a reply: the column's index and header, and its values (lower case) that
    mean a reply; ``why`` is what the summary says."""

    index: int
    header: str
    values: frozenset[str]
    why: object
    link: int | None = None  # the column naming the row each reply answers (in_response_to_tweet_id)

    def reason(self, value: str):
        return L_("a reply by the company ({header} {value!r}), not a complaint: set aside", header=self.header,
                  value=value)


def find_replies(plans: list[ColumnPlan], columns: dict, rows: int) -> Replies | None:
    """The direction column and its reply values, when the sampled values back it; else None."""
    for plan in plans:
        if plan.field not in (EXTRA, IGNORED) or plan.rank == 0 and plan.how != "unknown":
            continue  # a column the user named (--map X=extra): never second-guessed
        values = reply_values(plan.header, [v for _, v in columns.get(plan.index, [])])
        if values is None:
            continue
        cells = columns.get(plan.index, [])
        reply_lines = {line for line, v in cells if v.lower() in values}
        if not reply_lines or len(reply_lines) == len(cells):
            continue
        why, link = _evidence(plans, columns, reply_lines, {line for line, _ in cells} - reply_lines)
        if why is not None:
            shown = next(v for line, v in cells if line in reply_lines)
            return Replies(plan.index, plan.header, values, L_(
                "column {header!r} says which rows are the company's replies ({value!r}: {n:,} of {rows:,} sampled "
                "rows), and their values back it: {why}; each is set aside, not imported as a complaint, with that "
                "reason in the rejects file ({map} \"{header}=extra\" imports them as complaints)",
                header=plan.header, value=shown, n=len(reply_lines), rows=rows, why=why, map=Input("map")), link)
    return None


def reply_values(header: str, values: list[str]) -> frozenset[str] | None:
    """The (lower-case) values of a direction column that mean a reply, when its header says direction
    and nearly all its values are yes/no (or in/out) words; else None."""
    name = normalize_header(header)
    words = {v.lower() for v in values}
    if not values:
        return None
    if name in _YES_IS_CUSTOMER or name in _YES_IS_REPLY:
        known = sum(1 for v in values if v.lower() in TRUE_WORDS or v.lower() in FALSE_WORDS)
        if known < 0.95 * len(values):
            return None
        return frozenset(words & (FALSE_WORDS if name in _YES_IS_CUSTOMER else TRUE_WORDS)) or None
    if name in _DIRECTION:
        known = sum(1 for v in values if v.lower() in _OUT_WORDS or v.lower() in _IN_WORDS)
        if known < 0.95 * len(values):
            return None
        return frozenset(words & _OUT_WORDS) or None
    return None


def _evidence(plans: list[ColumnPlan], columns: dict, replies: set[int], others: set[int]) -> tuple:
    """(why the rows called replies are replies, from other columns' values, or None when nothing says
    so; the index of the column naming the row each answers, or None)."""
    for plan in plans:
        if not _LINK.search(normalize_header(plan.header)):
            continue
        linked = sum(1 for line, _ in columns.get(plan.index, []) if line in replies)
        if linked >= 0.9 * len(replies):
            return L_("{n:,} of the {rows:,} answer another row ({header!r} is filled)", n=linked, rows=len(replies),
                      header=plan.header), plan.index
    for plan in plans:
        if plan.field != "customer" and not _AUTHOR.search(normalize_header(plan.header)):
            continue
        by_reply = {v for line, v in columns.get(plan.index, []) if line in replies}
        by_other = {v for line, v in columns.get(plan.index, []) if line in others}
        if by_reply and len(by_reply) * 3 <= len(replies) and not by_reply & by_other:
            return L_("{rows:,} written by {n:,} authors ({header!r}) who write no other row", rows=len(replies),
                      n=len(by_reply), header=plan.header), None
    return None, None
