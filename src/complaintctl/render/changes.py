"""A change to a complaint or a customer as people read it: ``status: new -> acknowledged``
(``状态：新建 → 已受理``), the field named in words and codes shown as their labels."""

from __future__ import annotations

from complaintctl.i18n import _
from complaintctl.i18n.words import field_value, word


def change_text(field: str, old: object, new: object) -> str:
    return _("{field}: {old} -> {new}", field=word("field", field), old=field_value(field, old),
             new=field_value(field, new))
