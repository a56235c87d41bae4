"""How the columns and values of a file are read: header aliases in English and Chinese,
value aliases for codes, --map overrides and TOML mapping files."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

from complaintctl.errors import InvalidInput

# field -> header aliases (compared after normalize_header). The field's own name
# and its `_at` form are always accepted.
FIELD_ALIASES: dict[str, list[str]] = {
    "ref": ["ref", "reference", "external_ref", "ticket", "ticket_id", "ticket_no", "case_id",
            "编号", "工单号", "投诉编号", "单号", "工单编号", "案件编号", "流水号"],
    "received": ["received", "received_at", "date", "time", "datetime", "created", "created_at",
                 "submitted", "submitted_at", "投诉时间", "受理时间", "时间", "日期", "创建时间",
                 "提交时间", "来电时间", "登记时间", "接收时间"],
    "customer": ["customer", "customer_name", "name", "client", "contact", "客户", "客户名称",
                 "姓名", "客户姓名", "联系人", "联络人", "投诉人", "用户", "用户名"],
    "email": ["email", "e_mail", "mail", "email_address", "customer_email", "邮箱", "电子邮件",
              "邮件地址", "电子邮箱", "邮箱地址", "电邮"],
    "phone": ["phone", "telephone", "tel", "mobile", "phone_number", "customer_phone", "电话",
              "联系电话", "联络电话", "手机", "手机号", "手机号码", "电话号码", "联系方式"],
    "company": ["company", "organisation", "organization", "customer_company", "account", "公司",
                "单位", "公司名称", "企业", "企业名称"],
    "channel": ["channel", "source", "medium", "渠道", "来源", "投诉渠道", "受理渠道", "投诉来源"],
    "subject": ["subject", "title", "summary", "topic", "标题", "主题", "投诉主题", "摘要", "事由"],
    "description": ["description", "details", "detail", "content", "body", "text", "message",
                    "内容", "投诉内容", "问题描述", "详情", "描述", "详细描述", "投诉详情"],
    "remedy": ["remedy", "request", "customer_request", "demand", "诉求", "客户诉求", "要求",
               "客户要求"],
    "category": ["category", "type", "complaint_type", "类型", "分类", "投诉类型", "类别",
                 "投诉分类", "问题类型", "投诉类别", "问题类别", "问题分类"],
    "severity": ["severity", "priority", "level", "urgency", "级别", "严重程度", "优先级",
                 "紧急程度", "等级"],
    "cause": ["cause", "root_cause", "原因", "根本原因", "根因", "投诉原因"],
    "personality": ["personality", "customer_personality", "性格", "客户性格", "性格类型"],
    "motive": ["motive", "customer_motive", "动机", "投诉动机"],
    "tags": ["tags", "tag", "labels", "label", "标签"],
    "status": ["status", "state", "状态", "处理状态", "工单状态"],
    "assignee": ["assignee", "agent", "owner", "handler", "assigned_to", "处理人", "负责人",
                 "经办人", "受理人", "跟进人"],
    "resolution": ["resolution", "solution", "处理结果", "处理意见", "解决方案", "处理方案",
                   "答复内容"],
    "outcome": ["outcome", "result", "结果", "结论", "结案结果"],
    "closed": ["closed", "closed_at", "close_time", "date_closed", "关闭时间", "结案时间",
               "完成时间"],
    "first_response_at": ["first_response", "first_response_at", "responded_at", "首次响应时间",
                          "响应时间"],
    "resolved_at": ["resolved", "resolved_at", "解决时间"],
    "told_via": ["told_via", "告知方式", "答复方式"],
    "customer_accepted": ["customer_accepted", "accepted", "客户是否接受", "是否接受", "客户满意"],
    "duplicate_of": ["duplicate_of", "重复于"],
    "reopened_count": ["reopened_count", "重开次数"],
    "updated_at": ["updated_at", "updated", "last_modified", "modified", "更新时间", "修改时间",
                   "最后更新"],
    "extra": ["extra"],
}
FIELDS = list(FIELD_ALIASES)
IGNORED = "ignore"
EXTRA = "extra"
# Columns that are ours but not imported: our own ids, bookkeeping. `id` is read as the
# external reference when a file has no ref column (it is then the other system's id).
KNOWN_IGNORED = ["id", "created_at", "updated_by", "created_by"]


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


def normalize_header(header: str) -> str:
    text = to_simplified(header.replace("\ufeff", "").strip().lower())
    text = re.sub(r"[\s\-_./*:：（）()]+", "_", text).strip("_")
    return text


_HEADER_INDEX: dict[str, str] = {}
for _field, _aliases in FIELD_ALIASES.items():
    for _alias in [_field, *_aliases]:
        _HEADER_INDEX.setdefault(normalize_header(_alias), _field)

_BRACKETED = re.compile(r"[(（\[【][^)）\]】]*[)）\]】]")


@functools.lru_cache(maxsize=4096)
def header_field(header: str) -> str | None:
    """The field a header names, or None. A note in brackets is ignored when the header is
    not known with it: 投诉时间(北京时间), 联系电话【必填】, Received (UTC)."""
    found = _HEADER_INDEX.get(normalize_header(header))
    if found is None and _BRACKETED.search(header):
        found = _HEADER_INDEX.get(normalize_header(_BRACKETED.sub("", header)))
    return found


def _alias_lists(codes: dict[str, list[str]]) -> dict[str, str]:
    """{code: [alias, ...]} -> {alias: code}: long alias lists read best grouped by code."""
    return {alias: code for code, aliases in codes.items() for alias in aliases}


# kind -> typed value -> code, beyond each code, English label and Chinese label
# (which are read from the database).
VALUE_ALIASES: dict[str, dict[str, str]] = {
    "severity": _alias_lists({
        "critical": ["紧急", "严重", "特急", "非常紧急", "urgent", "p1", "1", "非常严重", "重大", "特别紧急",
            "blocker", "highest"],
        "high": ["高", "重要", "较高", "p2", "2", "高优先级", "较严重", "紧急程度高", "major", "high priority"],
        "medium": ["中", "一般", "普通", "中等", "normal", "p3", "3", "中优先级", "一般投诉", "普通投诉", "moderate"],
        "low": ["低", "轻微", "较低", "minor", "p4", "4", "低优先级", "轻微投诉", "不紧急", "trivial", "lowest"],
    }),
    "channel": _alias_lists({
        "phone": ["电话", "热线", "400热线", "来电", "tel", "telephone", "call", "客服电话", "电话投诉", "热线电话",
            "12345", "12315", "呼叫中心", "call center", "hotline"],
        "email": ["邮件", "邮箱", "电子邮件", "e-mail", "mail"],
        "web": ["网站", "官网", "网页", "网上", "web form", "website", "form", "app", "小程序", "在线表单", "网络",
            "online form"],
        "social": ["微博", "微信", "社交媒体", "wechat", "weibo", "twitter", "facebook", "公众号", "抖音", "小红书",
            "朋友圈", "social media"],
        "store": ["门店", "店面", "到店", "现场", "shop", "现场投诉", "柜台", "来访", "营业厅", "walk-in"],
        "chat": ["在线客服", "聊天", "在线", "im", "live chat", "qq", "在线咨询", "网页客服", "app客服", "客服聊天"],
        "letter": ["信函", "来信", "信件", "post", "mail letter", "信访", "书面"],
        "other": ["其他", "其它", "短信", "sms", "传真", "fax"],
    }),
    "status": _alias_lists({
        "new": ["新建", "新", "待处理", "未处理", "open", "opened", "待受理", "未受理", "新投诉", "未开始",
            "unassigned"],
        "acknowledged": ["已受理", "已确认", "受理", "acknowledged", "已回复", "已响应", "已联系", "已派单"],
        "investigating": ["处理中", "调查中", "进行中", "跟进中", "in progress", "in_progress", "核实中",
            "调查处理中", "working"],
        "waiting": ["等待客户", "待客户回复", "等待回复", "pending", "on hold", "等待中", "挂起",
            "waiting for customer"],
        "resolved": ["已解决", "已处理", "solved", "fixed", "处理完成", "已处理完", "已解决待确认", "待回访"],
        "closed": ["已关闭", "关闭", "已结案", "结案", "已完成", "完成", "done", "closed", "已办结", "办结",
            "已归档", "归档", "complete", "completed", "finished"],
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


@dataclass
class ColumnPlan:
    index: int
    header: str
    field: str  # a field name, EXTRA or IGNORED
    how: str  # exact, alias, --map, mapping file, unknown (kept in extra), duplicate (kept in extra)
    extra_key: str | None = None


def known_headers(cells: list[str]) -> int:
    """How many of ``cells`` are header names a field is read from (for finding the header row)."""
    return sum(1 for c in cells if c.strip() and header_field(c) is not None)


def parse_map_options(values: list[str]) -> dict[str, str]:
    """--map "Header=field" -> {header: field}."""
    out: dict[str, str] = {}
    for value in values:
        if "=" not in value:
            raise InvalidInput(f"--map {value!r} is not Header=field", hint='e.g. --map "工单来源=channel"')
        header, _, field = value.rpartition("=")
        out[header.strip()] = field.strip()
    return out


def parse_set_options(values: list[str], file_defaults: dict[str, str] | None = None) -> dict[str, str]:
    """--set "field=value" (and a mapping file's [defaults]) -> {field: value}; --set wins."""
    out: dict[str, str] = {}
    for where, items in (("mapping file [defaults]", list((file_defaults or {}).items())),
                         ("--set", [v.partition("=")[::2] for v in values])):
        for i, (name, value) in enumerate(items):
            if where == "--set" and "=" not in values[i]:
                raise InvalidInput(f"--set {values[i]!r} is not field=value", hint='e.g. --set channel=phone')
            field = _check_field(name.strip(), where)
            if field in (IGNORED, EXTRA, "ref"):
                raise InvalidInput(f"{where}: {name!r} cannot be given one value for every row",
                                   hint="give it a column in the file (--map \"HEADER=field\")")
            out[field] = value.strip()
    return out


def _check_field(field: str, where: str) -> str:
    name = field.strip().lower()
    if name in (IGNORED, EXTRA) or name in FIELD_ALIASES:
        return name
    found = _HEADER_INDEX.get(normalize_header(name))
    if found:
        return found
    raise InvalidInput(f"{where}: unknown field {field!r}",
                       hint="fields: " + ", ".join(f for f in FIELDS if f != EXTRA) + ", ignore, extra")


def plan_columns(headers: list[str], overrides: dict[str, str] | None = None,
                 file_overrides: dict[str, str] | None = None) -> list[ColumnPlan]:
    """Decide which field each header is read into; the first column for a field wins."""
    by_header: dict[str, tuple[str, str]] = {}
    for source, mapping in (("mapping file", file_overrides or {}), ("--map", overrides or {})):
        for header, field in mapping.items():
            by_header[normalize_header(header)] = (_check_field(field, source), source)
    has_ref_column = any(
        by_header.get(normalize_header(h), (None,))[0] == "ref" or header_field(h) == "ref" for h in headers)
    plans: list[ColumnPlan] = []
    taken: set[str] = set()
    extra_keys: set[str] = set()
    for i, raw in enumerate(headers):
        header = raw.replace("\ufeff", "").strip()
        key = normalize_header(header)
        if key in by_header:
            field, how = by_header[key]
        elif (known := header_field(header)) is not None:
            field = known
            how = "exact" if key == field else "alias"
        elif key == "id" and not has_ref_column:
            field, how = "ref", "alias (no ref column)"
        elif key in KNOWN_IGNORED:
            field, how = IGNORED, "not imported"
        else:
            field, how = EXTRA, "unknown (kept in extra)"
        if field not in (EXTRA, IGNORED) and field in taken:
            field, how = EXTRA, "duplicate (kept in extra)"
        extra_key = None
        if field == EXTRA and key != "extra":
            extra_key = header or f"column_{i + 1}"
            n = 2
            while extra_key in extra_keys:
                extra_key = f"{header or 'column'}_{n}"
                n += 1
            extra_keys.add(extra_key)
        elif field not in (EXTRA, IGNORED):
            taken.add(field)
        plans.append(ColumnPlan(i, header, field, how, extra_key))
    return plans


def subject_source(plans: list[ColumnPlan]) -> str | None:
    """Where the rows' subjects come from: "subject" (a column), "description" (the start of
    each description, when there is no subject column), or None (nowhere: the file cannot do)."""
    mapped = {p.field for p in plans if p.extra_key is None}
    return next((field for field in ("subject", "description") if field in mapped), None)


def load_mapping_file(path: str | Path):
    """Read a TOML mapping file into a validated MappingFile."""
    import sys

    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib
    from pydantic import ValidationError

    from complaintctl.core.importer.models import MappingFile

    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        raise InvalidInput(f"mapping file {path} not found") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise InvalidInput(f"mapping file {path} is not valid TOML: {exc}") from None
    try:
        mapping = MappingFile.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise InvalidInput(f"mapping file {path}: {where}: {first['msg']}") from None
    for header, field in mapping.columns.items():
        _check_field(field, f"mapping file {path} [columns] {header!r}")
    return mapping
