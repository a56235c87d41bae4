"""The reports' messages in Chinese: what changed in a finished period's report since it was first
reported, and `report diff` (render/report.py, render/report_diff.py)."""

from __future__ import annotations

MESSAGES: dict[str, str | tuple[str, ...]] = {
    "{n} figure changed since first reported on {when}: {changes}. See `{command}`.": (
        "自 {when} 首次报告以来，有 {n} 个数字发生了变化：{changes}。详见 `{command}`。",),
    "The {report} report of {label} as kept on {when} by {who} (#{id}):":
        "{label} 的 {report} 报告，{who} 于 {when} 保存（#{id}）：",
    "{n} figure changed since.": ("此后有 {n} 个数字发生了变化。",),
    "No figure changed since; the figures hash to {hash} as they did.":
        "此后没有数字变化；数字的哈希仍为 {hash}。",
    "No change recorded since explains this: was the database changed outside complaintctl? "
    "`complaintctl check` says.":
        "此后没有任何记录的变更能解释这一点：数据库是否在 complaintctl 之外被修改过？请运行 `complaintctl check`。",
    "{shown} and {n} more": "{shown} 等另外 {n} 项",
    "Figure": "数字",
    "Was": "原为",
    "Now": "现为",
    "Why: data about the period recorded since": "原因：此后补录的本期数据",
    "From": "原值",
    "To": "新值",
}
