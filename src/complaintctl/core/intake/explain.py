"""`import --show-mapping`: how a file will be read, and the evidence for each decision,
as plain data (nothing is written)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from complaintctl.core.intake.decide import plan_import
from complaintctl.core.intake.options import ImportOptions
from complaintctl.core.intake.reading import Source
from complaintctl.store.engine import Connection


def explain_mapping(conn: Connection, source: Source, options: ImportOptions,
                    map_overrides: dict[str, str] | None, file_overrides: dict[str, str] | None,
                    now: datetime | None = None) -> dict[str, Any]:
    """Each column: the field it will be read into, how that was decided, what its values showed,
    its first value; the date orders and the warnings an import would give. Closes ``source``."""
    from complaintctl.core.record.dates import now_utc

    now = now or now_utc()
    out: dict[str, Any] = {"source": source.name, "format": source.format, "encoding": source.encoding,
                           "delimiter": source.delimiter, "sheet": source.sheet,
                           "header_line": source.header_line,
                           "skipped_lines": [{"line": line, "text": text[:60]} for line, text in source.skipped]}
    try:
        plan = plan_import(conn, source, options, map_overrides, file_overrides, now, require=False)
        plans, first, warnings = plan.plans, plan.first_values, plan.warnings
        out["date_orders"] = plan.date_orders
    finally:
        source.close()
    out["columns"] = [{"column": p.index + 1, "header": p.header, "field": p.field, "how": p.how,
                       "evidence": p.evidence, "first_value": first.get(p.index, "")[:40]} for p in plans]
    out["warnings"] = ([source.no_header_why] if source.no_header_why else []) + warnings
    return out

