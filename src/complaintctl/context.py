"""What one run of a command knows about itself, in one object: the database asked for, the actor,
the time zone and language it reads and shows times and words in, the output options, and what
it has left to do when it ends (messages to send, drafts to remove). The CLI builds it once per
run (cli/__init__.py) and it is in force for that run only (a context variable, set and reset
around the command, as httpie passes its Environment down): no process globals, no TZ variable
set and restored, and tests that run many commands in one process need no resets.

Core and render read the zone and language from here (``local_zone()``, ``language()``) instead
of the process's TZ; outside a run (core's tests, a library caller) the defaults are TZ as the
environment says, else the machine's zone, and English unless COMPLAINTCTL_LANG or the locale
says Chinese.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import tzinfo
from typing import Any


@dataclass
class RunContext:
    """One run's settings and state. ``zone`` is resolved when first needed: --tz, else TZ, else
    the team's zone (``team_zone``, which reads the run's own database connection), else the
    machine's."""

    db: str | None = None
    actor: str | None = None
    debug: bool = False
    excel: bool = False  # CSV for Excel: BOM and CRLF
    lang: str | None = None  # --lang of a report, else the environment's
    tz: str | None = None  # --tz
    team_zone: Callable[[], str | None] | None = None
    may_create: bool = False  # this command may create a missing database (a first write)
    conn: Any = None  # the run's one database connection, opened on first use
    scratch: Any = None  # an import --dry-run's temporary folder
    created: Any = None  # the database file this run created, until it is announced
    labels_loader: Any = None  # where this run's taxonomy labels come from (i18n.words.use_labels)
    labels: Any = None  # {(kind, code): Chinese label}, read once when first shown
    queued: bool = False  # this run queued a notification: send what is pending after the commit
    drafts: list = field(default_factory=list)  # editor drafts, kept until the command succeeds
    spelling: Any = None  # how this run's interface says an input or a step core names (i18n/said.py)
    _zone: tzinfo | None = None

    @property
    def zone(self) -> tzinfo:
        if self._zone is None:
            name = self.tz or _env_zone_name() or (self.team_zone() if self.team_zone else None)
            self._zone = _zone_named(name) if name else machine_zone()
        return self._zone


_current: ContextVar[RunContext | None] = ContextVar("complaintctl_run", default=None)
_outside = RunContext()  # no run in force: library use and core's tests


def current() -> RunContext:
    """The run in force, or the defaults outside one."""
    return _current.get() or _outside


@contextlib.contextmanager
def running(run: RunContext) -> Iterator[RunContext]:
    """``run`` in force for the block (and what the block starts)."""
    token = _current.set(run)
    try:
        yield run
    finally:
        _current.reset(token)


def begin(run: RunContext) -> Callable[[], None]:
    """Put ``run`` in force until the returned function is called (for a CLI callback whose end
    is signalled later, by Click's close)."""
    token = _current.set(run)
    return lambda: _current.reset(token)


def local_zone() -> tzinfo:
    """The zone times are typed, shown and reported in, in this run."""
    run = _current.get()
    return run.zone if run is not None else machine_zone()


def zone_key() -> str:
    """The local zone's name as people know it (``Asia/Shanghai``; the system's abbreviation when
    the zone has no name)."""
    zone = local_zone()
    return getattr(zone, "key", None) or zone.tzname(None) or "local"


def _env_zone_name() -> str | None:
    return (os.environ.get("TZ") or "").lstrip(":") or None


def _zone_named(name: str) -> tzinfo:
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return machine_zone()


_machine: tzinfo | None = None


def machine_zone() -> tzinfo:
    """The machine's own zone, with its daylight-saving rules: TZ when set, else /etc/localtime
    (by name when it links into the zone database), else the offset the system reports now."""
    global _machine
    name = _env_zone_name()
    if name:
        return _zone_named_strict(name)
    if _machine is None:
        _machine = _system_zone()
    return _machine


def _zone_named_strict(name: str) -> tzinfo:
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        from datetime import datetime

        return datetime.now().astimezone().tzinfo  # type: ignore[return-value]


def _system_zone() -> tzinfo:
    from zoneinfo import ZoneInfo

    try:
        target = os.path.realpath("/etc/localtime")
        marker = "/zoneinfo/"
        if marker in target:
            return ZoneInfo(target.split(marker, 1)[1])
        with open("/etc/localtime", "rb") as f:
            return ZoneInfo.from_file(f, key="localtime")
    except (OSError, ValueError):
        from datetime import datetime

        return datetime.now().astimezone().tzinfo  # type: ignore[return-value]


@contextlib.contextmanager
def sqlite_localtime() -> Iterator[None]:
    """SQLite's own ``'localtime'`` (used by the ``weekly_summary`` view, for whoever opens the file)
    reads the process's TZ. `complaintctl sql` answers in the team's zone like every other command,
    so it sets TZ to the run's zone around its query and back after: the one place the tool sets it."""
    import time

    name = getattr(local_zone(), "key", None)
    saved = os.environ.get("TZ")
    if not name or name == "localtime" or name == (saved or "").lstrip(":"):
        yield
        return
    os.environ["TZ"] = name
    time.tzset()
    try:
        yield
    finally:
        if saved is None:
            os.environ.pop("TZ", None)
        else:
            os.environ["TZ"] = saved
        time.tzset()
