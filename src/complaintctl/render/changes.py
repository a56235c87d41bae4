"""A change to a complaint or a customer as people read it: ``status: new -> acknowledged``
(``状态：新建 → 已受理``), the field named in words and codes shown as their labels."""

from __future__ import annotations

from complaintctl.i18n import _
from complaintctl.i18n.words import field_value, word


def change_text(field: str, old: object, new: object) -> str:
    return _("{field}: {old} -> {new}", field=word("field", field), old=_value(field, old), new=_value(field, new))


def _value(field: str, value: object) -> object:
    """A value as people read it: a time as local wall time (2026-12-07 16:14, not the stored
    2026-12-07T08:14:53Z), a yes/no flag as yes or no, a code as its label, nothing as '-'."""
    if isinstance(value, str) and value and field.endswith("_at") and value[:1].isdigit():
        from complaintctl.timetext import to_local_text

        return to_local_text(value)
    if field in YES_NO and value in (0, 1, "0", "1"):
        return _("yes") if str(value) == "1" else _("no")
    return field_value(field, value)


YES_NO = ("resolved_late", "customer_accepted")
