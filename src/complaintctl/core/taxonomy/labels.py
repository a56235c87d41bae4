"""The one way a typed label becomes a code, for import and for every option that takes a code.

A label is read as its code (`product_quality`), the code's English or Chinese label
(`Product quality`, `产品质量`), an alias the team taught (`taxonomy alias`, stored in the
database), a built-in alias below (the starting set), or a mapping file's alias; case,
spaces, `-`/`_`, Traditional characters and decoration (`2 - Medium`, `P2`, `Medium priority`,
`（高）`, `High `) do not matter. A label that names nothing is None: import keeps it raw
and imports the complaint unclassified; a command refuses it with the valid codes.
"""

from __future__ import annotations

import re
import unicodedata

from complaintctl.store.engine import Connection, OperationalError

# Traditional -> simplified for the characters of our header and value aliases (and a few
# more of the words around them), so that Taiwan and Hong Kong exports (Big5, 繁體) match
# 投訴時間, 處理人, 已關閉 as they match 投诉时间, 处理人, 已关闭.
TRADITIONAL_TO_SIMPLIFIED = str.maketrans(
    "業嚴書爭於產價優傳體傾償兌關內決準創別辦務動單發髮號後聽響場處復複覆實尋應開當態戶撫報換據數時機來極標洩潑溫滿熱狀現電碼"
    "確積稱簽籤簡類係繫緊約級線綫細經結給絕統緒續維緩編網聯節虛補見計認讓記論訪訴誠話詢詳誤說諾調謹負責賬帳貨質費賠輕較辯進遲"
    "選郵釋錢錯門閉問間難頁項題駁驟裡裏們個為與無這對還過離檔錄團隊組員專廠銷購買賣訂運遞達貼資額顧際條驗啟壞損護屬區縣絡",
    "业严书争于产价优传体倾偿兑关内决准创别办务动单发发号后听响场处复复复实寻应开当态户抚报换据数时机来极标泄泼温满热状现电码"
    "确积称签签简类系系紧约级线线细经结给绝统绪续维缓编网联节虚补见计认让记论访诉诚话询详误说诺调谨负责账账货质费赔轻较辩进迟"
    "选邮释钱错门闭问间难页项题驳骤里里们个为与无这对还过离档录团队组员专厂销购买卖订运递达贴资额顾际条验启坏损护属区县络")


def to_simplified(text: str) -> str:
    return text.translate(TRADITIONAL_TO_SIMPLIFIED)


def _alias_lists(codes: dict[str, list[str]]) -> dict[str, str]:
    """{code: [alias, ...]} -> {alias: code}: long alias lists read best grouped by code."""
    return {alias: code for code, aliases in codes.items() for alias in aliases}


# kind -> typed value -> code, beyond each code, English label and Chinese label
# (which are read from the database).
VALUE_ALIASES: dict[str, dict[str, str]] = {
    "severity": _alias_lists({
        "critical": ["紧急", "严重", "特急", "非常紧急", "urgent", "p1", "1", "非常严重", "重大", "特别紧急",
            "blocker", "highest", "emergency", "sev1", "s1", "最高"],
        "high": ["高", "重要", "较高", "p2", "2", "高优先级", "较严重", "紧急程度高",
            "major", "high priority", "sev2", "s2", "important"],
        "medium": ["中", "一般", "普通", "中等", "normal", "p3", "3", "中优先级",
            "一般投诉", "普通投诉", "moderate", "sev3", "s3", "med"],
        "low": ["低", "轻微", "较低", "minor", "p4", "4", "低优先级", "轻微投诉", "不紧急", "trivial", "lowest", "planning",
            "sev4", "s4", "最低"],
    }),
    "channel": _alias_lists({
        "phone": ["电话", "热线", "400热线", "来电", "tel", "telephone", "call", "客服电话", "电话投诉", "热线电话",
            "12345", "12315", "呼叫中心", "call center", "hotline"],
        "email": ["邮件", "邮箱", "电子邮件", "e-mail", "mail", "电邮"],
        "web": ["网站", "官网", "网页", "网上", "web form", "website", "form", "app", "小程序", "在线表单", "网络",
            "online form", "online", "internet", "网上投诉", "网络问政", "网上留言", "留言板", "self-service", "portal"],
        "social": ["微博", "微信", "社交媒体", "wechat", "weibo", "twitter", "facebook", "公众号", "抖音", "小红书",
            "朋友圈", "social media"],
        "store": ["门店", "店面", "到店", "现场", "shop", "现场投诉", "柜台", "来访", "营业厅", "walk-in"],
        "chat": ["在线客服", "聊天", "在线", "im", "live chat", "qq", "在线咨询", "网页客服", "app客服", "客服聊天"],
        "letter": ["信函", "来信", "信件", "post", "mail letter", "信访", "书面", "postal mail", "postal", "邮寄"],
        "other": ["其他", "其它", "短信", "sms", "传真", "fax", "referral", "转介", "转办"],
    }),
    "status": _alias_lists({
        "new": ["新建", "新", "待处理", "未处理", "open", "opened", "待受理", "未受理", "新投诉", "未开始",
            "unassigned", "待分配", "未分配", "待派单", "submitted", "reported", "logged"],
        "acknowledged": ["已受理", "已确认", "受理", "acknowledged", "已回复", "已响应",
            "已联系", "已派单", "assigned", "已分配", "已接单",
            "已签收", "triaged", "confirmed", "accepted"],
        "investigating": ["处理中", "调查中", "进行中", "跟进中", "in progress", "in_progress", "核实中",
            "调查处理中", "working", "active", "work in progress", "wip", "processing",
            "reopened", "re-opened", "started", "ongoing", "under investigation", "escalated", "办理中", "受理中",
            "正在处理", "已转办", "awaiting problem", "awaiting vendor", "awaiting evidence", "awaiting change",
            "on-going"],
        "waiting": ["等待客户", "待客户回复", "等待回复", "pending", "on hold", "等待中", "挂起",
            "waiting for customer", "awaiting user info", "awaiting customer",
            "awaiting customer response", "waiting on customer", "pending customer", "awaiting info",
            "awaiting user", "待补充", "待补充材料", "待反馈", "待用户确认", "待客户确认"],
        "resolved": ["已解决", "已处理", "solved", "fixed", "处理完成", "已处理完", "已解决待确认", "待回访", "已答复",
            "resolved - awaiting confirmation"],
        "closed": ["已关闭", "关闭", "已结案", "结案", "已完成", "完成", "done", "closed", "已办结", "办结", "已结束", "结束",
            "已归档", "归档", "complete", "completed", "finished",
            "cancelled", "canceled", "已取消", "已撤销", "撤销", "已撤回", "archived", "closed complete"],
    }),
    "outcome": {
        "解决": "resolved", "已解决": "resolved", "驳回": "rejected", "拒绝": "rejected",
        "不予支持": "rejected", "撤回": "withdrawn", "撤诉": "withdrawn", "客户撤回": "withdrawn",
        "重复": "duplicate", "重复投诉": "duplicate",
    },
    "remedy": {
        "退款": "refund", "退货退款": "refund", "退钱": "refund", "换货": "replacement",
        "更换": "replacement", "换新": "replacement", "维修": "repair", "修理": "repair",
        "赔偿": "compensation", "补偿": "compensation", "道歉": "apology", "致歉": "apology",
        "解释": "explanation", "说明": "explanation", "其他": "other", "其它": "other",
    },
    "category": _alias_lists({
        "product_quality": ["质量", "质量问题", "产品质量问题", "产品问题", "产品缺陷", "商品质量", "质量投诉",
            "quality", "defect", "defective"],
        "service_attitude": ["态度", "服务", "服务问题", "服务投诉", "态度差", "服务态度差", "客服态度", "rude",
            "staff attitude", "customer service"],
        "delivery_delay": ["物流", "配送", "发货慢", "延迟发货", "delivery", "物流延迟", "物流问题", "物流投诉",
            "配送延迟", "配送问题", "发货延迟", "送货延迟", "快递", "快递问题", "快递延误", "延误", "延迟", "到货慢",
            "未收到货", "交付延期", "shipping", "late delivery", "delayed"],
        "after_sales": ["售后", "售后问题", "售后投诉", "退换货", "维修问题", "保修", "aftersales", "warranty",
            "returns"],
        "price": ["收费", "价格问题", "价格", "价格争议", "乱收费", "收费问题", "pricing"],
        "integrity": ["虚假宣传", "承诺未兑现", "诚信", "欺诈", "欺骗", "违约", "broken promise"],
        "billing_error": ["账单", "计费错误", "扣费", "billing", "账单问题", "计费问题", "多扣费", "重复扣费",
            "扣费错误", "多收费", "overcharge", "overcharged", "invoice"],
        "system_failure": ["系统", "故障", "bug", "系统问题", "系统错误", "系统异常", "无法登录", "宕机", "outage",
            "crash"],
        "data_error": ["数据", "数据问题", "信息错误", "资料错误", "wrong data"],
        "usability": ["难用", "使用问题", "操作复杂", "不好用", "体验差", "ux"],
        "slow_response": ["响应慢", "处理慢", "回复慢", "无人处理", "响应不及时", "处理不及时", "no response", "slow"],
        "other": ["其他", "其它"],
    }),
    "cause": {"用户原因": "customer_use", "客户原因": "customer_use", "使用不当": "customer_use"},
    "personality": {},
    "motive": {},
}



# A status word that also says how the complaint ended (a cancelled ticket was withdrawn).
IMPLIED_OUTCOME = {"cancelled": "withdrawn", "canceled": "withdrawn", "已取消": "withdrawn", "已撤销": "withdrawn",
                   "撤销": "withdrawn", "已撤回": "withdrawn"}
# Words around a label that are not part of it: "Medium priority", "优先级：高", "高级".
_FILLER = {"priority", "prio", "severity", "sev", "level", "urgency", "impact", "status", "state", "category",
           "type", "优先级", "级别", "等级", "级", "程度", "紧急程度", "状态", "类型", "类别", "分类"}
_BRACKETS = re.compile(r"[()（）\[\]【】<>《》「」]")
_PARTS = re.compile(r"\s+-\s+|[:：|/、,，;；]|\s+")


def label_key(text: str) -> str:
    """The form labels are compared in: lower case, single spaces, Simplified characters."""
    return to_simplified(" ".join(str(text).split()).lower())


def without_accents(key: str) -> str:
    """A label key with its Latin letters' accents dropped (`résolu` -> `resolu`), as exports
    of the same desk write them both ways."""
    if key.isascii():
        return key
    return "".join(c for c in unicodedata.normalize("NFKD", key) if not unicodedata.combining(c))


def _add_help_desk_words(aliases: dict[str, dict[str, str]]) -> None:
    """The help desks' words (vocabulary.py) into the built-in aliases; a word that would name two
    codes of one kind is a mistake in the lists, refused when the module loads."""
    from complaintctl.core.taxonomy.vocabulary import HELP_DESK_OUTCOMES, HELP_DESK_WORDS

    for kind, codes in HELP_DESK_WORDS.items():
        table = aliases[kind]
        known = {without_accents(label_key(a)): c for a, c in table.items()}
        for code, words in codes.items():
            for word in words:
                key = without_accents(label_key(word))
                if known.setdefault(key, code) != code:
                    raise AssertionError(f"{kind} word {word!r} names both {known[key]} and {code}")
                table.setdefault(word, code)
    IMPLIED_OUTCOME.update(HELP_DESK_OUTCOMES)


_add_help_desk_words(VALUE_ALIASES)


def _variants(key: str) -> list[str]:
    """The ways a decorated label may still name a code, most literal first."""
    out = [key, key.replace("-", "_").replace(" ", "_"), key.replace("_", " ")]
    bare = _BRACKETS.sub(" ", key).strip()
    if bare != key:
        out += [" ".join(bare.split())]
    parts = [p for p in _PARTS.split(bare) if p and p not in ("-", "_")]
    if len(parts) > 1:
        words = [p for p in parts if p not in _FILLER]
        if len(words) > 1 and len(words) < len(parts):
            out.append(" ".join(words))
        # words before numbers: in "2 - Medium" the word is the label, the number a rank
        out += [p for p in words if not p.isdigit()] + [p for p in words if p.isdigit()]
    for suffix in ("优先级", "级别", "等级", "级", "程度"):
        if bare.endswith(suffix) and len(bare) > len(suffix):
            out.append(bare[:-len(suffix)])
    if bare.startswith("p") and bare[1:].isdigit():
        out.append(bare[1:])
    plain = without_accents(key)
    if plain != key:
        out += _variants(plain)
    return out


_RANK = re.compile(r"p?\d+")


def named_by_part(table: dict[str, str], text: str, code: str) -> bool:
    """Whether ``code`` is what ``text`` names only through one of its parts while another part says
    something else (`道歉赔偿/解释` read as explanation, `Closed - Resolved` as closed): the code is
    read, but the text holds more than the code says and must be kept. Decoration is not more:
    filler words and ranks (`Medium priority`, `2 - Medium`, `P2 - High`), or parts naming the same code."""
    key = label_key(text)
    bare = " ".join(_BRACKETS.sub(" ", key).split())
    parts = [p for p in _PARTS.split(bare) if p and p not in ("-", "_")]
    if len(parts) < 2:
        return False
    words = [p for p in parts if p not in _FILLER]
    whole = [key, key.replace("-", "_").replace(" ", "_"), key.replace("_", " "), bare, " ".join(words)]
    if any(table.get(v) == code or table.get(without_accents(v)) == code for v in whole):
        return False
    return any(not _RANK.fullmatch(p) and code not in (table.get(p), table.get(without_accents(p))) for p in words)


def resolve_in(table: dict[str, str], text: str) -> str | None:
    """The code ``text`` names in one kind's {label key: code} table, or None."""
    key = label_key(text)
    if not key:
        return None
    for variant in _variants(key):
        code = table.get(variant)
        if code is not None:
            return code
    return None


class LabelResolver:
    """Label -> code for every kind, from the database's codes and labels, the aliases the team
    taught, the built-in aliases and (for an import) a mapping file's; loaded per kind on first use."""

    def __init__(self, conn: Connection, extra: dict[str, dict[str, str]] | None = None):
        self.conn = conn
        self.extra = extra or {}
        self._tables: dict[str, dict[str, str]] = {}
        self._valid: dict[str, list[str]] = {}

    def table(self, kind: str) -> dict[str, str]:
        """{label key: code} for one kind (active codes only)."""
        found = self._tables.get(kind)
        if found is None:
            found = self._tables[kind] = self._load(kind)
        return found

    def _load(self, kind: str) -> dict[str, str]:
        from complaintctl.core.taxonomy.kinds import KINDS
        from complaintctl.errors import InvalidInput

        lookup: dict[str, str] = {}
        valid: list[str] = []
        for code, en, zh in self.conn.execute(
                f"SELECT code, label_en, label_zh FROM {KINDS[kind].table} WHERE active = 1 ORDER BY position, code"):
            valid.append(code)
            for label in (code, en, zh):
                lookup.setdefault(label_key(label), code)
        self._valid[kind] = valid
        taught = _taught_aliases(self.conn, kind)
        for label, code in [*taught, *VALUE_ALIASES.get(kind, {}).items()]:
            if code in valid:
                lookup.setdefault(label_key(label), code)
                lookup.setdefault(without_accents(label_key(label)), code)
        for label, code in (self.extra.get(kind) or {}).items():
            if code not in valid:
                raise InvalidInput(f"mapping file: value alias {label!r} -> unknown {kind} {code!r}",
                                   hint="valid: " + ", ".join(valid))
            lookup[label_key(label)] = code
        return lookup

    def code(self, kind: str, text: str) -> str | None:
        """The code ``text`` names, or None."""
        return resolve_in(self.table(kind), text)

    def valid(self, kind: str) -> list[str]:
        self.table(kind)
        return self._valid[kind]


def _taught_aliases(conn: Connection, kind: str) -> list[tuple[str, str]]:
    """The aliases the team taught with `taxonomy alias` (none before the table exists)."""
    try:
        return [(r[0], r[1]) for r in conn.execute("SELECT label, code FROM label_aliases WHERE kind = ?", (kind,))]
    except OperationalError:
        return []


def suggest(table: dict[str, str], text: str) -> str | None:
    """The code whose labels share most of ``text``'s characters (交付延误 ~ 交付延迟), when clearly
    one: a hint for `taxonomy alias`, never applied by itself. A label that says the opposite of
    another (未结束 "not ended" and 结束, `not solved` and `solved`) is never suggested its code."""
    key = label_key(text)
    grams = _grams(key)
    if not grams:
        return None
    negated = _negated(key)
    scores: dict[str, float] = {}
    for label, code in table.items():
        if _negated(label) != negated:
            continue
        other = _grams(label)
        if other:
            score = len(grams & other) / max(len(grams), len(other))
            scores[code] = max(scores.get(code, 0.0), score)
    ranked = sorted(scores.items(), key=lambda kv: -kv[1])
    if ranked and ranked[0][1] >= 0.5 and (len(ranked) == 1 or ranked[1][1] < ranked[0][1]):
        return ranked[0][0]
    return None


_NEGATIONS = re.compile(r"^(?:未|不|没|無|无|非|尚未|(?:not|no|non|never|nao|não|pas|nicht|kein|nie)\b)")


def _negated(key: str) -> bool:
    """Whether a label starts by denying what follows (未结束, not solved, não resolvido)."""
    return bool(_NEGATIONS.match(key.strip()))


def _grams(key: str) -> set[str]:
    """Words of Latin text, character pairs of Chinese."""
    if key.isascii():
        return set(re.findall(r"[a-z0-9]+", key))
    chars = [c for c in key if not c.isspace()]
    return {a + b for a, b in zip(chars, chars[1:], strict=False)}
