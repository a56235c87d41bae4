"""JSON records as columns: nested objects flattened, keys planned like a header."""

from __future__ import annotations

from typing import Any

from complaintctl.core.intake.mapping import EXTRA, IGNORED, header_field, normalize_header, plan_columns

_LEAF_IS_PARENT = ("name", "code", "value", "label", "text")


def flatten_record(record: dict) -> dict:
    """Nested objects of a JSON record read as columns: {"customer": {"name": .., "phone": ..}}
    gives customer.name and customer.phone (read as customer and phone, as customer_name and
    customer_phone are), {"status": {"code": "closed"}} gives status; a nested key that names
    nothing is kept in extra under its dotted name. An object none of whose keys names a field,
    under a key that names none either, is kept whole in extra, as it was."""
    out: dict[str, Any] = {}
    for key, value in record.items():
        name = str(key)
        if value.__class__ is not dict or normalize_header(name) == "extra":
            out.setdefault(name, value)
            continue
        flat: dict[str, Any] = {}
        _flatten_into(flat, name, value)
        parent = header_field(name)
        known = {k: header_field(k) for k in flat}
        if parent is None and not any(known.values()):
            out.setdefault(name, value)
            continue
        for k, v in flat.items():
            if known[k] is None and parent is not None and k.rsplit(".", 1)[1].lower() in _LEAF_IS_PARENT \
                    and name not in out:
                k = name
            out.setdefault(k, v)
    return out


def _flatten_into(flat: dict, prefix: str, value: dict) -> None:
    for k, v in value.items():
        key = f"{prefix}.{k}"
        if v.__class__ is dict and v:
            _flatten_into(flat, key, v)
        else:
            flat[key] = v


def _values_from_dict(record: dict, plans: dict, map_overrides, file_overrides) -> dict:
    for value in record.values():
        if value.__class__ is dict:
            record = flatten_record(record)
            break
    keys = tuple(record)
    plan = plans.get(keys)
    if plan is None:  # records of one file nearly always share their keys: plan once per key set
        plan = plan_columns([str(k) for k in keys], map_overrides, file_overrides)
        if len(plans) < 1000:
            plans[keys] = plan
    values: dict[str, Any] = {}
    extra: dict[str, Any] = {}
    for column, value in zip(plan, record.values(), strict=True):
        if column.field == IGNORED or value is None:
            continue
        if column.field == EXTRA:
            if column.extra_key is None:
                values["extra"] = value
            else:
                extra[column.extra_key] = value
        elif isinstance(value, (str, list)):
            values[column.field] = value
        elif isinstance(value, dict):  # a field's value cannot be an object: keep it, as it is
            extra[column.header] = value
        else:
            values[column.field] = str(value).lower() if isinstance(value, bool) else str(value)
    if extra:
        values["_extra_columns"] = extra
    return values
