"""JSON records as columns: nested objects flattened, and every key of the sampled records a column,
planned and judged by its values as a header's columns are."""

from __future__ import annotations

import functools
from typing import Any

from complaintctl.core.intake.headers import guess_field
from complaintctl.core.intake.mapping import EXTRA, IGNORED, ColumnPlan, header_field, normalize_header

_LEAF_IS_PARENT = ("name", "code", "value", "label", "text", "login", "username")
PERSON_FIELDS = ("customer", "assignee")


@functools.lru_cache(maxsize=1024)
def _parent_field(name: str) -> str | None:
    """The field a nested object's key names: by its header, else a person guessed from its word
    (`author`: {login, name, id} of a GitHub export is the customer, its login standing for it)."""
    found = header_field(name)
    if found is None:
        guessed = guess_field(name)
        found = guessed[0] if guessed and guessed[0] in PERSON_FIELDS else None
    return found


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
        parent = _parent_field(name)
        known = {k: header_field(k) for k in flat}
        if parent is None and not any(known.values()):
            out.setdefault(name, value)
            continue
        if parent is not None and name not in out:  # the leaf that stands for the object, first (leftmost)
            stand_in = next((k for k, v in flat.items() if known[k] is None and v not in (None, "")
                             and k.rsplit(".", 1)[1].lower() in _LEAF_IS_PARENT), None)  # an empty name: the login
            if stand_in is not None:
                out[name] = flat.pop(stand_in)
        for k, v in flat.items():
            out.setdefault(k, v)
    return out


def _flatten_into(flat: dict, prefix: str, value: dict) -> None:
    for k, v in value.items():
        key = f"{prefix}.{k}"
        if v.__class__ is dict and v:
            _flatten_into(flat, key, v)
        else:
            flat[key] = v


def json_columns(sample: list[tuple[int, Any]]) -> list[str]:
    """The columns of JSON records: every key (nested objects flattened) of every sampled record,
    in the order first seen, so that a key the first record lacks is planned like the others."""
    keys: dict[str, None] = {}
    for _line, record in sample:
        if isinstance(record, dict):
            keys.update(dict.fromkeys(map(str, _flat(record))))
    return list(keys)


def as_cells(record: Any, columns: list[str]) -> Any:
    """A JSON record as the cells of ``columns``, for judging the columns by their values (a value
    that is an object or a list is no evidence: left empty); anything else as it is."""
    if not isinstance(record, dict):
        return record
    flat = _flat(record)
    cells = []
    for key in columns:
        value = flat.get(key)
        if value is None or isinstance(value, (dict, list)):
            cells.append("")
        else:
            cells.append(str(value).lower() if isinstance(value, bool) else str(value))
    return cells


def _flat(record: dict) -> dict:
    return flatten_record(record) if any(v.__class__ is dict for v in record.values()) else record


def _values_from_dict(record: dict, columns: dict[str, ColumnPlan]) -> dict:
    """A JSON record's values by field, through the plan of the file's columns (keyed by column
    name); a key no sampled record had is kept in extra under its name. Records of one file may name
    a field by different keys (`subject` in one, `title` in the next): a second key naming a field
    fills it in a record that has no value under the first."""
    values: dict[str, Any] = {}
    extra: dict[str, Any] = {}
    stand_ins: list[tuple[ColumnPlan, Any]] = []
    for key, value in _flat(record).items():
        column = columns.get(str(key))
        if value is None or (column is not None and column.field == IGNORED):
            continue
        if column is not None and column.field == EXTRA and column.how.startswith("duplicate") and column.candidate:
            stand_ins.append((column, value))  # `title` where another record says `subject`
            continue
        if column is None or column.field == EXTRA:
            if column is not None and column.extra_key is None:
                values["extra"] = value
            else:
                kept_as = column.extra_key if column is not None else None  # not None here when column is
                extra[kept_as if kept_as is not None else str(key)] = value
        elif isinstance(value, (str, list)):
            values[column.field] = value
        elif isinstance(value, dict):  # a field's value cannot be an object: keep it, as it is
            extra[column.header] = value
        else:
            values[column.field] = str(value).lower() if isinstance(value, bool) else str(value)
    for column, value in stand_ins:  # read into its field when this record has no other value for it
        candidate = column.candidate  # set: only a column with a candidate is a stand-in
        if candidate is not None and candidate not in values and isinstance(value, (str, int, float, list)):
            values[candidate] = value if isinstance(value, (str, list)) else str(value)
        else:
            extra[column.extra_key or column.header] = value
    if extra:
        values["_extra_columns"] = extra
    return values
