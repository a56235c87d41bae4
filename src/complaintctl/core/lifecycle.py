"""The status machine: new -> acknowledged -> investigating <-> waiting -> resolved -> closed."""

from __future__ import annotations

from complaintctl.errors import Refused

STATUSES = ["new", "acknowledged", "investigating", "waiting", "resolved", "closed"]
OPEN_STATUSES = ["new", "acknowledged", "investigating", "waiting"]

# Moves `update --status` may make. Closing has its own command (it records an
# outcome), and so has reopening (it records a reason).
TRANSITIONS: dict[str, tuple[str, ...]] = {
    "new": ("acknowledged", "investigating", "waiting", "resolved"),
    "acknowledged": ("investigating", "waiting", "resolved"),
    "investigating": ("waiting", "resolved"),
    "waiting": ("investigating", "resolved"),
    "resolved": ("investigating",),
    "closed": (),
}


def check_move(current: str, target: str) -> None:
    """Refuse an illegal move, naming the legal ones."""
    if target == current:
        raise Refused(f"the complaint is already {current}")
    if target == "closed":
        raise Refused(
            "closing records an outcome",
            hint="use `complaintctl close ID --outcome resolved --resolution TEXT`",
        )
    if target == "new":
        raise Refused("a complaint cannot go back to new")
    legal = TRANSITIONS.get(current, ())
    if target not in legal:
        if current == "closed":
            raise Refused("the complaint is closed", hint="use `complaintctl reopen ID --reason TEXT`")
        raise Refused(
            f"cannot move from {current} to {target}",
            hint="legal moves: " + (", ".join(legal) + ", or close" if legal else "none"),
        )
