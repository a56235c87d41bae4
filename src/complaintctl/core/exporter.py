"""Export complaints with the same filters as `list`, in a form `import` reads back."""

from __future__ import annotations

import contextlib
import json
import sqlite3
from collections.abc import Iterator

from complaintctl.core.queries import ListFilters, _where
from complaintctl.errors import InvalidInput

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
            "WHERE t.complaint_id = c.id ORDER BY tag))",
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


def with_labels(conn: sqlite3.Connection, rows: Iterator[dict], labels: str) -> Iterator[dict]:
    """Rows whose codes (category, severity, status, ...) are given as their English or Chinese
    labels, for people; import reads labels back to the same codes."""
    from complaintctl.core.importer.cells import CODE_FIELDS
    from complaintctl.core.kinds import KINDS

    column = "label_zh" if labels == "zh" else "label_en"
    names = {kind: dict(conn.execute(f"SELECT code, {column} FROM {KINDS[kind].table}"))
             for kind in set(CODE_FIELDS.values())}
    for row in rows:
        for field, kind in CODE_FIELDS.items():
            code = row.get(field)
            if code:
                row[field] = names[kind].get(code, code)
        yield row


def parse_columns(text: str | None) -> list[str]:
    if not text:
        return list(EXPORT_COLUMNS)
    columns = [c.strip() for c in text.split(",") if c.strip()]
    unknown = [c for c in columns if c not in ALL_COLUMNS]
    if unknown:
        raise InvalidInput(f"unknown column(s): {', '.join(unknown)}", hint="columns: " + ", ".join(ALL_COLUMNS))
    if not columns:
        raise InvalidInput("--columns is empty")
    return columns


def export_rows(conn: sqlite3.Connection, filters: ListFilters, columns: list[str]) -> Iterator[dict]:
    """Complaints matching ``filters``, oldest id first, streamed. The filters are checked
    (an unknown code raises) before the first row, so nothing is written for a bad one."""
    where, params = _where(conn, filters)
    select = ", ".join(f"{_SELECT.get(c, 'c.' + c)} AS {c}" for c in columns)
    limit = f"LIMIT {int(filters.limit)}" if filters.limit else ""
    cursor = conn.execute(
        f"SELECT {select} FROM complaints c LEFT JOIN customers cu ON cu.id = c.customer_id "
        f"{where} ORDER BY c.id {limit}", params)
    names = [d[0] for d in cursor.description]
    return (dict(zip(names, values, strict=False)) for values in cursor)


EXCEL_MAX_ROWS = 1_048_576  # a worksheet's rows, header included
EXCEL_MAX_CELL = 32_767  # characters Excel holds in one cell
_WIDTHS = {"subject": 40, "description": 60, "resolution": 40, "extra": 30, "received_at": 21,
           "first_response_at": 21, "resolved_at": 21, "closed_at": 21, "created_at": 21, "updated_at": 21}


def write_xlsx(rows: Iterator[dict], columns: list[str], stream, headers: list[str] | None = None) -> tuple[int, int]:
    """Write rows to a binary stream as an Excel workbook, a row at a time (openpyxl's
    write-only mode); return (rows, cells cut to Excel's limit). Text stays text: a value
    starting with = is written as a string, never as a formula, so no guard is needed; times
    stay the ISO text `import` reads back; characters XML cannot hold become U+FFFD."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.utils import get_column_letter

    book = Workbook(write_only=True)
    sheet = book.create_sheet("complaints")
    sheet.freeze_panes = "A2"
    for i, name in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(i)].width = _WIDTHS.get(name, 14)
    sheet.append(headers or columns)
    count = cut = 0
    for row in rows:
        if count + 1 >= EXCEL_MAX_ROWS:
            raise InvalidInput(f"more than {EXCEL_MAX_ROWS - 1:,} complaints do not fit in one Excel sheet",
                               hint="narrow the export with filters, or use --format csv")
        cells = []
        for name in columns:
            value = row[name]
            if isinstance(value, str):
                if ILLEGAL_CHARACTERS_RE.search(value):
                    value = ILLEGAL_CHARACTERS_RE.sub("\ufffd", value)
                if len(value) > EXCEL_MAX_CELL:
                    value = value[:EXCEL_MAX_CELL - 1] + "…"
                    cut += 1
                cell = WriteOnlyCell(sheet, value=value)
                cell.data_type = "s"  # openpyxl would make '=...' a formula
                cells.append(cell)
            else:
                cells.append(value)
        sheet.append(cells)
        count += 1
    book.save(stream)
    return count, cut


def json_row(row: dict) -> dict:
    """An exported row for JSON: `extra` as an object, `tags` as a list."""
    out = dict(row)
    if isinstance(out.get("extra"), str):
        with contextlib.suppress(json.JSONDecodeError):
            out["extra"] = json.loads(out["extra"])
    if isinstance(out.get("tags"), str):
        out["tags"] = out["tags"].split(",")
    elif "tags" in out and out["tags"] is None:
        out["tags"] = []
    return out
