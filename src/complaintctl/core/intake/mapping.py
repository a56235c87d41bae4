"""How the columns and values of a file are read: header aliases in English and Chinese,
value aliases for codes, --map overrides and TOML mapping files."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

from complaintctl.core.taxonomy.labels import to_simplified
from complaintctl.errors import InvalidInput
from complaintctl.i18n import L_
from complaintctl.i18n.said import Input

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
    # history as facts (intake/facts.py): lengths of time from received, surveys, a reopen's time
    "first_response_after": ["first_response_time", "time_to_first_response", "first_reply_time",
                             "首次响应时长", "响应时长"],
    "first_response_minutes": ["first_reply_time_in_minutes", "first_response_time_in_minutes",
                               "first_response_minutes"],
    "first_response_hours": ["first_response_hours", "first_response_time_hours"],
    "first_response_days": ["first_response_days"],
    "resolved_after": ["time_to_resolution", "time_to_resolve", "解决时长", "处理时长"],
    "resolved_minutes": ["full_resolution_time_in_minutes", "resolution_time_in_minutes", "resolution_minutes"],
    "resolved_hours": ["resolution_time_in_hours", "resolution_hours"],
    "resolved_days": ["resolution_time_in_days", "resolution_days"],
    "satisfaction": ["satisfaction", "satisfaction_score", "satisfaction_rating", "csat", "满意度", "满意度评分",
                     "评分"],
    "satisfaction_at": ["satisfaction_at", "satisfaction_date", "rated_at", "评价时间"],
    "reopened_at": ["reopened_at", "last_reopened_at", "重开时间"],
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


@dataclass
class ColumnPlan:
    index: int
    header: str
    field: str  # a field name, EXTRA or IGNORED
    how: str  # exact, alias, guessed from 'WORD', --map, mapping file, unknown, duplicate (kept in extra): a Message
    extra_key: str | None = None
    candidate: str | None = None  # the field this column could be read into (it may have lost it to another)
    rank: int = 0  # how it was named: 0 --map/mapping file (never second-guessed), 1 alias, 2 guessed
    evidence: str = ""  # what its values showed (importer/decide.py): a Message

    @property
    def checked(self) -> bool:
        """Whether its values are checked before it is used: every column not given by the user."""
        return self.rank > 0


def known_headers(cells: list[str]) -> int:
    """How many of ``cells`` are header names a field is read from (for finding the header row)."""
    return sum(1 for c in cells if c.strip() and header_field(c) is not None)


def parse_map_options(values: list[str]) -> dict[str, str]:
    """--map "Header=field" -> {header: field}."""
    out: dict[str, str] = {}
    for value in values:
        if "=" not in value:
            raise InvalidInput(L_("{map} {value!r} is not Header=field", map=Input("map"), value=value),
                               hint=L_("e.g. {map} \"工单来源=channel\"", map=Input("map")))
        header, _, field = value.rpartition("=")
        out[header.strip()] = field.strip()
    return out


def parse_set_options(values: list[str], file_defaults: dict[str, str] | None = None) -> dict[str, str]:
    """--set "field=value" (and a mapping file's [defaults]) -> {field: value}; --set wins."""
    out: dict[str, str] = {}
    for where, items in ((L_("mapping file [defaults]"), list((file_defaults or {}).items())),
                         (Input("set"), [v.partition("=")[::2] for v in values])):
        for i, (name, value) in enumerate(items):
            if isinstance(where, Input) and "=" not in values[i]:
                raise InvalidInput(L_("{set} {value!r} is not field=value", set=where, value=values[i]),
                                   hint=L_("e.g. {set} channel=phone", set=where))
            field = _check_field(name.strip(), where)
            if field in (IGNORED, EXTRA, "ref"):
                raise InvalidInput(L_("{where}: {name!r} cannot be given one value for every row", where=where,
                                      name=name),
                                   hint=L_("give it a column in the file ({map} \"HEADER=field\")", map=Input("map")))
            out[field] = value.strip()
    return out


def _check_field(field: str, where: object) -> str:
    name = field.strip().lower()
    if name in (IGNORED, EXTRA) or name in FIELD_ALIASES:
        return name
    found = _HEADER_INDEX.get(normalize_header(name))
    if found:
        return found
    raise InvalidInput(L_("{where}: unknown field {field!r}", where=where, field=field),
                       hint=L_("fields: {fields}", fields=", ".join([*(f for f in FIELDS if f != EXTRA), "ignore",
                                                                     "extra"])))


def plan_columns(headers: list[str], overrides: dict[str, str] | None = None,
                 file_overrides: dict[str, str] | None = None) -> list[ColumnPlan]:
    """Decide which field each header is read into. A field goes to the column the user named
    (--map, mapping file), else the first column whose header is an alias of it, else the first
    whose header's words suggest it (importer/headers.py); the other candidates are kept in extra,
    and importer/decide.py may still hand the field to one of them when its values fit better."""
    from complaintctl.core.intake.headers import guess_field

    by_header: dict[str, tuple[str, str]] = {}
    for source, mapping in (("mapping file", file_overrides or {}), ("--map", overrides or {})):
        how = L_("mapping file") if source == "mapping file" else source
        for header, field in mapping.items():
            by_header[normalize_header(header)] = (_check_field(field, source), how)
    has_ref_column = any(
        by_header.get(normalize_header(h), (None,))[0] == "ref" or header_field(h) == "ref" for h in headers)
    plans: list[ColumnPlan] = []
    for i, raw in enumerate(headers):
        header = raw.replace("\ufeff", "").strip()
        key = normalize_header(header)
        rank = 1
        if key in by_header:
            (field, how), rank = by_header[key], 0
        elif (known := header_field(header)) is not None:
            field = known
            how = L_("exact") if key == field else L_("alias")
        elif key == "id" and not has_ref_column:
            field, how = "ref", L_("alias (no ref column)")
        elif key in KNOWN_IGNORED:
            field, how = IGNORED, L_("not imported")
        elif (guess := guess_field(header)) is not None and header:
            field, how, rank = guess[0], L_("guessed from {word!r}", word=guess[1]), 2
        else:
            field, how = EXTRA, L_("unknown (kept in extra)")
        plans.append(ColumnPlan(i, header, field, how, rank=rank))
    winners: dict[str, ColumnPlan] = {}
    for plan in sorted(plans, key=lambda p: (p.rank, p.index)):
        if plan.field in (EXTRA, IGNORED):
            continue
        if plan.field in winners:
            plan.candidate = plan.field
            plan.field = EXTRA
            plan.how = L_("duplicate (kept in extra)") if plan.rank < 2 else L_(
                "{how}, but {header!r} was taken (kept in extra)", how=plan.how, header=winners[plan.candidate].header)
        else:
            winners[plan.field] = plan
            plan.candidate = plan.field
    name_extra_keys(plans)
    return plans


def name_extra_keys(plans: list[ColumnPlan]) -> None:
    """The key each column kept in extra is stored under: its header, made unique."""
    taken: set[str] = set()
    for plan in plans:
        plan.extra_key = None
        if plan.field == EXTRA and normalize_header(plan.header) != "extra":
            key = plan.header or f"column_{plan.index + 1}"
            n = 2
            while key in taken:
                key = f"{plan.header or 'column'}_{n}"
                n += 1
            taken.add(key)
            plan.extra_key = key


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

    from complaintctl.core.intake.models import MappingFile

    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        raise InvalidInput(L_("mapping file {file} not found", file=path)) from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise InvalidInput(L_("mapping file {file} is not valid TOML: {why}", file=path, why=str(exc))) from None
    try:
        mapping = MappingFile.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise InvalidInput(L_("mapping file {file}: {where}: {why}", file=path, where=where, why=first["msg"])) from None
    for header, field in mapping.columns.items():
        _check_field(field, L_("mapping file {file} [columns] {header!r}", file=path, header=header))
    return mapping
