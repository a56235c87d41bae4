"""The status machine: new -> acknowledged -> investigating <-> waiting -> resolved -> closed."""

from __future__ import annotations

from complaintctl.errors import Refused
from complaintctl.i18n import L_, N_, Message
from complaintctl.i18n.said import Code, Listed, Step

STATUSES = ["new", "acknowledged", "investigating", "waiting", "resolved", "closed"]

# "Open" has one meaning: not yet resolved and not closed. A resolved complaint is done with
# (its resolution clock has stopped) even before it is closed. The set "not closed yet" (open
# or resolved), where one is needed, is called unclosed.
NOT_OPEN_STATUSES = ("resolved", "closed")
OPEN_STATUSES = [s for s in STATUSES if s not in NOT_OPEN_STATUSES]
# The SQL test for an open complaint, spelled exactly as the partial indexes on due times are
# (migration m004), so that SQLite can use them; `c.` for queries with that alias.
OPEN_SQL = "status NOT IN (" + ", ".join(f"'{s}'" for s in NOT_OPEN_STATUSES) + ")"
OPEN_SQL_C = "c." + OPEN_SQL


def is_open(status: str) -> bool:
    return status not in NOT_OPEN_STATUSES

# Moves `update --status` may make. Closing has its own command (it records an
# outcome), and so has reopening (it records a reason).
TRANSITIONS: dict[str, tuple[str, ...]] = {
    "new": ("acknowledged", "investigating", "waiting", "resolved"),
    "acknowledged": ("investigating", "waiting", "resolved"),
    "investigating": ("waiting", "resolved"),
    "waiting": ("investigating", "resolved"),
    "resolved": (),  # reopening has its own command, and is counted
    "closed": (),
}


# The times of a complaint's life run in this order (equal is fine): nothing is answered before
# it was received, resolved before the customer first heard from us, or closed before resolved.
TIME_ORDER = (("received_at", N_("received")), ("first_response_at", N_("first response")),
              ("resolved_at", N_("resolution")), ("closed_at", N_("closing")))


def time_order_problem(times: dict) -> Message | None:
    """What is wrong with a complaint's times (UTC ISO texts; missing ones are skipped), or
    None when they run in TIME_ORDER. The one rule for every entry point: log, update, close,
    import."""
    # a time that is not ISO text (edited by hand; `check` reports it) cannot be compared
    given = [(label, times[name]) for name, label, in TIME_ORDER
             if isinstance(times.get(name), str) and times[name][4:5] == "-" and times[name][10:11] == "T"]
    for i, (label, at) in enumerate(given):
        for later_label, later in given[i + 1:]:
            if later < at:
                return L_("the {later_label} time {later} is before the {label} time {at}",
                          later_label=L_(later_label), later=later, label=L_(label), at=at)
    return None


def time_order_sql() -> str:
    """The SQL test for a complaint whose times are out of TIME_ORDER (for `check`)."""
    names = [name for name, _ in TIME_ORDER]
    return " OR ".join(f"{later} < {earlier}" for i, earlier in enumerate(names) for later in names[i + 1:])


def check_move(current: str, target: str) -> None:
    """Refuse an illegal move, naming the legal ones."""
    if target == current:
        raise Refused(L_("the complaint is already {status}", status=Code("status", current)))
    if current == "resolved" and target in OPEN_STATUSES:
        raise Refused(L_("reopening a resolved complaint records a reason and is counted"), hint=use_reopen())
    if target == "closed":
        raise Refused(L_("closing records an outcome"), hint=L_("use {step}", step=Step(
            "close", L_("ID"), outcome="resolved", resolution=L_("TEXT"))))
    if target == "new":
        raise Refused(L_("a complaint cannot go back to new"))
    legal = TRANSITIONS.get(current, ())
    if target not in legal:
        if current == "closed":
            raise Refused(L_("the complaint is closed"), hint=use_reopen())
        raise Refused(
            L_("cannot move from {current} to {target}", current=Code("status", current), target=Code("status", target)),
            hint=L_("legal moves: {moves}, or close", moves=Listed(Code("status", s) for s in legal)) if legal
            else L_("legal moves: none"),
        )


def use_reopen(complaint_id: int | None = None) -> Message:
    """The advice for a closed or resolved complaint: reopen it first (a reason is recorded)."""
    return L_("use {step}", step=Step("reopen", L_("ID") if complaint_id is None else complaint_id, reason=L_("TEXT")))
