"""Where an SLA clock stands, as people read it: ``3h 20m left``, ``2d 4h over``, ``paused``
(``剩余 3 小时 20 分钟``, ``超时 2 天 4 小时``, ``暂停``), from core's standing codes."""

from __future__ import annotations

from complaintctl.i18n import _
from complaintctl.i18n.words import duration

# standings a person should act on: shown in red
LATE = ("over", "over_waiting", "no_sla")


def standing_text(standing: str, minutes: int | None, *, raw: str = "") -> str:
    """``standing`` (core.sla.clock.due_standing, queries.sla_clocks) with its minutes in words;
    ``raw``: what to show for a time that cannot be read (the stored text)."""
    if standing == "left":
        return _("{time} left", time=duration(minutes or 0))
    if standing == "over":
        return _("{time} over", time=duration(minutes or 0))
    if standing == "over_waiting":
        return _("{time} over, waiting", time=duration(minutes or 0))
    said = {"paused": _("paused"), "no_sla": _("no SLA"), "met_on_time": _("met on time"),
            "met_late": _("met late"), "": ""}
    return said.get(standing, raw)
