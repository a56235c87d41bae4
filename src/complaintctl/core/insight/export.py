"""Export complaints with the same filters as `list`, in a form `import` reads back."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from complaintctl.core.insight.queries import ListFilters, where_clause
from complaintctl.errors import InvalidInput
from complaintctl.i18n import L_
from complaintctl.i18n.said import Input
from complaintctl.store.engine import Connection
from complaintctl.store.paging import limit_clause

# In an order a person reading the CSV expects; every column import reads back.
EXPORT_COLUMNS = [
    "id", "ref", "received_at", "channel", "customer", "email", "phone", "company", "subject",
    "description", "remedy", "category", "severity", "cause", "personality", "motive", "tags",
    "status", "assignee", "first_response_at", "resolved_at", "closed_at", "outcome", "resolution",
    "told_via", "customer_accepted", "duplicate_of", "reopened_count", "extra",
]
EXTRA_COLUMNS = ["customer_id", "created_at", "updated_at", "created_by"]
ALL_COLUMNS = EXPORT_COLUMNS + EXTRA_COLUMNS

_SELECT = {
    "customer": "cu.name", "email": "cu.email", "phone": "cu.phone", "company": "cu.company",
    "tags": "(SELECT group_concat(tag, ',') FROM (SELECT tag FROM complaint_tags t "
            "WHERE t.complaint_id = c.id ORDER BY tag) AS ordered)",
}


# --labels zh: column headers a Chinese reader expects, each one import reads back to its column
ZH_HEADERS = {
    "ref": "投诉编号", "received_at": "投诉时间", "channel": "投诉渠道", "customer": "客户名称", "email": "邮箱",
    "phone": "联系电话", "company": "公司名称", "subject": "标题", "description": "问题描述", "remedy": "客户诉求",
    "category": "投诉类型", "severity": "严重程度", "cause": "根本原因", "personality": "客户性格",
    "motive": "投诉动机", "tags": "标签", "status": "状态", "assignee": "处理人", "first_response_at": "首次响应时间",
    "resolved_at": "解决时间", "closed_at": "结案时间", "outcome": "结案结果", "resolution": "处理结果",
    "told_via": "答复方式", "customer_accepted": "客户是否接受", "duplicate_of": "重复于", "reopened_count": "重开次数",
}
LABEL_LANGUAGES = ("en", "zh")


def export_headers(columns: list[str], labels: str | None) -> list[str]:
    """The header row: the column names, or with --labels zh the Chinese names import reads back."""
    return [ZH_HEADERS.get(c, c) for c in columns] if labels == "zh" else list(columns)


def with_labels(conn: Connection, rows: Iterator[tuple], columns: list[str], labels: str) -> Iterator[tuple]:
    """Rows whose codes (category, severity, status, ...) are given as their English or Chinese
    labels, for people; import reads labels back to the same codes."""
    from complaintctl.core.intake import CODE_FIELDS
    from complaintctl.core.taxonomy.kinds import KINDS

    column = "label_zh" if labels == "zh" else "label_en"
    names = {kind: dict(conn.execute(f"SELECT code, {column} FROM {KINDS[kind].table}"))
             for kind in set(CODE_FIELDS.values())}
    coded = [(i, names[CODE_FIELDS[c]]) for i, c in enumerate(columns) if c in CODE_FIELDS]
    for row in rows:
        cells = list(row)
        for i, label in coded:
            if cells[i]:
                cells[i] = label.get(cells[i], cells[i])
        yield tuple(cells)


def parse_columns(text: str | None) -> list[str]:
    if not text:
        return list(EXPORT_COLUMNS)
    columns = [c.strip() for c in text.split(",") if c.strip()]
    unknown = [c for c in columns if c not in ALL_COLUMNS]
    if unknown:
        raise InvalidInput(f"unknown column(s): {', '.join(unknown)}", hint="columns: " + ", ".join(ALL_COLUMNS))
    if not columns:
        raise InvalidInput(L_("{columns} is empty", columns=Input("columns")))
    return columns


def export_rows(conn: Connection, filters: ListFilters, columns: list[str]) -> Iterator[tuple]:
    """Complaints matching ``filters``, oldest id first, streamed as tuples of ``columns`` (no
    dict a row: a million of them cost more than writing the CSV). The filters are checked
    (an unknown code raises) before the first row, so nothing is written for a bad one."""
    where, params = where_clause(conn, filters)
    select = ", ".join(f"{_SELECT.get(c, 'c.' + c)} AS {c}" for c in columns)
    limit = limit_clause(filters.limit)
    cursor = conn.execute(
        f"SELECT {select} FROM complaints c LEFT JOIN customers cu ON cu.id = c.customer_id "
        f"{where} ORDER BY c.id {limit}", params)
    return iter(cursor)


@dataclass
class Export:
    """What `export` writes: the columns, their header row, and the rows (tuples of the columns),
    streamed."""

    columns: list[str]
    headers: list[str]
    rows: Iterator[tuple]


def export_complaints(conn: Connection, filters: ListFilters, *, columns: str | None = None,
                      labels: str | None = None) -> Export:
    """The use case `export`: the complaints matching ``filters`` with ``columns`` (comma-
    separated; all by default), codes as labels in ``labels`` (en or zh) if given. The filters
    and columns are checked before the first row, so nothing is written for a bad one."""
    cols = parse_columns(columns)
    if labels is not None and labels not in LABEL_LANGUAGES:
        raise InvalidInput(L_("{option} {labels!r}: give en or zh", option=Input("labels"), labels=labels))
    rows = export_rows(conn, filters, cols)
    return Export(cols, export_headers(cols, labels), with_labels(conn, rows, cols, labels) if labels else rows)
