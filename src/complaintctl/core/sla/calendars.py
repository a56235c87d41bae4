"""The business calendar's configuration: working days and hours, the team's time zone,
holidays and extra working days (调休) typed by hand or loaded from a country's or region's
public holidays (the `holidays` package, imported only by `sla calendar use`).

Loaded days are copied into ``sla_calendar_days`` (with their ``source``), so the clock,
`sla check` and plain SQL read one table, and a day someone typed by hand always wins.
``sla_calendar_years`` says, per loaded year, whether its days come from a **published**
schedule (countries that move days each year by notice, like mainland China's State Council,
once the notice is out), from **rules** fixed in law, or are **estimated** from the rules
before the year's notice exists.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from complaintctl.context import local_zone
from complaintctl.core.record.dates import now_utc, to_iso
from complaintctl.core.record.events import record_event
from complaintctl.core.sla import clock as sla
from complaintctl.errors import InvalidInput
from complaintctl.i18n import L_, Message, nL_
from complaintctl.i18n.said import Step, either
from complaintctl.store.db import transaction
from complaintctl.store.engine import Connection, Error

WARN_DAYS = 60  # warn when the known holiday schedule ends sooner than this


def calendar_info(conn: Connection) -> dict:
    row = dict(conn.execute("SELECT enabled, timezone, workdays, day_start, day_end, region "
                            "FROM sla_calendar").fetchone())
    row["days"] = [dict(r) for r in conn.execute(
        "SELECT day, kind, note, source FROM sla_calendar_days ORDER BY day")]
    row["years"] = [dict(r) for r in conn.execute(
        "SELECT year, region, basis, source FROM sla_calendar_years ORDER BY year")]
    end = schedule_end(conn)
    row["known_until"] = end.isoformat() if end else None
    return row


def set_calendar(conn: Connection, *, timezone: str | None = None, workdays: str | None = None,
                 hours: str | None = None, enabled: bool | None = None, actor: str,
                 now: datetime | None = None) -> int:
    """Change the calendar and recompute the due times of open complaints."""
    changes: dict[str, object] = {}
    if timezone is not None:
        sla.Calendar(timezone=timezone)  # validates
        changes["timezone"] = timezone
    if workdays is not None:
        days = sla.parse_workdays(workdays)
        changes["workdays"] = ",".join(sla.WEEKDAYS[d] for d in sorted(days))
    if hours is not None:
        start, end = sla.parse_hours(hours)
        changes["day_start"], changes["day_end"] = start.strftime("%H:%M"), end.strftime("%H:%M")
    if enabled is not None:
        changes["enabled"] = int(enabled)
    elif changes:
        changes["enabled"] = 1
    if not changes:
        raise InvalidInput(L_("nothing to change"),
                           hint=L_("give {inputs}", inputs=either("timezone", "workdays", "hours", "enabled")))
    with transaction(conn):
        return _apply_changes(conn, changes, actor, now or now_utc())


def _apply_changes(conn: Connection, changes: dict[str, object], actor: str, now: datetime) -> int:
    from complaintctl.core.sla.due import recompute_open

    old = dict(conn.execute("SELECT * FROM sla_calendar WHERE id = 1").fetchone())
    sets = ", ".join(f"{k} = ?" for k in changes)
    conn.execute(f"UPDATE sla_calendar SET {sets} WHERE id = 1", list(changes.values()))
    for key, value in changes.items():
        if old[key] != value:
            record_event(conn, None, at=to_iso(now), actor=actor, action="calendar_changed", field=key,
                         old_value=old[key], new_value=value)
    return recompute_open(conn, now)


def set_calendar_days(conn: Connection, days: list[tuple[date, str, str | None]], *, actor: str,
                      remove: bool = False, now: datetime | None = None) -> int:
    """Add (or remove) holidays and extra working days; recompute open complaints."""
    from complaintctl.core.sla.due import recompute_open

    now = now or now_utc()
    with transaction(conn):
        for day, kind, note in days:
            if remove:
                conn.execute("DELETE FROM sla_calendar_days WHERE day = ?", (day.isoformat(),))
            else:
                conn.execute("INSERT INTO sla_calendar_days (day, kind, note) VALUES (?, ?, ?) "
                             "ON CONFLICT(day) DO UPDATE SET kind = excluded.kind, note = excluded.note, "
                             "source = NULL", (day.isoformat(), kind, note))
            record_event(conn, None, at=to_iso(now), actor=actor,
                         action="calendar_day_removed" if remove else "calendar_day_set",
                         field=day.isoformat(), new_value=None if remove else kind, note=note)
        return recompute_open(conn, now)


def read_calendar_file(text: str) -> list[tuple[date, str, str | None]]:
    """Lines `2026-10-01 holiday 国庆节`, `2026-10-01..2026-10-07 holiday`, `2026-09-20 workday 调休`;
    `#` starts a comment. Chinese 休/班 are read as holiday/workday."""
    out = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        parts = line.replace(",", " ").split(None, 2)
        if len(parts) < 2:
            raise InvalidInput(L_("calendar line {number}: expected 'DATE holiday|workday [note]'", number=number))
        kind = {"holiday": "holiday", "休": "holiday", "假": "holiday", "workday": "workday", "班": "workday",
                "补班": "workday"}.get(parts[1].lower())
        if kind is None:
            raise InvalidInput(L_("calendar line {number}: unknown kind {kind!r}", number=number, kind=parts[1]),
                               hint=L_("holiday or workday"))
        for day in date_range(parts[0], number):
            out.append((day, kind, parts[2] if len(parts) > 2 else None))
    return out


def date_range(text: str, line: int | None = None) -> list[date]:
    """'2026-10-01' or '2026-10-01..2026-10-07' -> the days (``line``: of a calendar file)."""
    try:
        if ".." in text:
            a, b = (date.fromisoformat(p) for p in text.split("..", 1))
            if b < a:
                raise ValueError
            return [a + timedelta(days=i) for i in range((b - a).days + 1)]
        return [date.fromisoformat(text)]
    except ValueError:
        bad = (L_("bad date {text!r}", text=text) if line is None
               else L_("calendar line {number}: bad date {text!r}", number=line, text=text))
        raise InvalidInput(bad, hint=L_("YYYY-MM-DD or YYYY-MM-DD..YYYY-MM-DD")) from None


# --- public holidays of a country or region ---------------------------------------------------

def parse_years(text: str) -> list[int]:
    """'2026', '2025..2027' or '2025-2027' -> the years."""
    parts = text.replace("..", "-").split("-")
    try:
        first, last = int(parts[0]), int(parts[-1])
    except ValueError:
        raise InvalidInput(L_("cannot read years {text!r}", text=text), hint=L_("e.g. 2026 or 2025..2027")) from None
    if len(parts) > 2 or not 1970 <= first <= last <= 2100:
        raise InvalidInput(L_("cannot read years {text!r}", text=text), hint=L_("e.g. 2026 or 2025..2027"))
    return list(range(first, last + 1))


def _entity(region: str):
    """The `holidays` calendar class for 'CN', 'US-CA', 'DE-BY' (country, optional subdivision)."""
    try:
        import holidays
    except ImportError:  # pragma: no cover - a dependency; only a broken install lacks it
        raise InvalidInput(L_("the holidays package is not installed"), hint="pip install holidays") from None
    country, _, subdiv = region.upper().partition("-")
    try:
        holidays.country_holidays(country, subdiv=subdiv or None, years=[])
    except NotImplementedError:
        known = holidays.list_supported_countries().get(country)
        hint = (L_("{country} has subdivisions {subdivisions}", country=country,
                   subdivisions=", ".join(known[:12]) + (" ..." if len(known) > 12 else "")) if known
                else L_("an ISO 3166 country code, e.g. CN, HK, TW, SG, US, GB, DE; or COUNTRY-SUBDIVISION, e.g. US-CA"))
        raise InvalidInput(L_("no public holiday calendar for {region!r}", region=region), hint=hint) from None
    return holidays, country, subdiv or None


def last_published_year(entity) -> int | None:
    """For a country that moves days each year by notice: the last year whose notice the
    installed `holidays` knows. None for countries whose holidays follow fixed rules."""
    if not getattr(entity, "has_substituted_holidays", False):
        return None
    years = set(getattr(entity, "special_public_holidays", {}) or {}) | set(getattr(entity, "special_holidays", {}) or {})
    return max(years) if years else None


def _year_days(entity, year: int) -> tuple[list[tuple[date, str, str]], str]:
    """One year's holidays and make-up working days, and what they rest on."""
    days = [(day, "holiday", name) for day, name in sorted(entity.items()) if day.year == year]
    label = "调休上班" if str(entity.language or "").startswith("zh") else "make-up working day"
    days += [(day, "workday", label) for day in sorted(entity.weekend_workdays) if day.year == year]
    published = last_published_year(entity)
    if any("estimated" in name.lower() for _, _, name in days):
        basis = "estimated"
    elif getattr(entity, "has_substituted_holidays", False):
        basis = "published" if published is not None and year <= published else "estimated"
    else:
        basis = "rules"
    return days, basis


def default_years(region: str, today: date) -> list[int]:
    """Last year (for clocks still running from it) to this year or the last published one;
    for countries whose holidays follow rules, to next year."""
    holidays, country, subdiv = _entity(region)
    published = last_published_year(holidays.country_holidays(country, subdiv=subdiv, years=today.year))
    if published is None:
        return list(range(today.year - 1, today.year + 2))
    return list(range(today.year - 1, max(today.year, published) + 1))


def region_calendar(region: str, years: list[int]) -> dict:
    """The holidays and make-up working days of ``region`` in ``years``, with each year's basis."""
    holidays, country, subdiv = _entity(region)
    probe = holidays.country_holidays(country, subdiv=subdiv, years=[])
    entity = holidays.country_holidays(country, subdiv=subdiv, years=years, language=probe.default_language)
    days, bases = [], {}
    for year in years:
        year_days, bases[year] = _year_days(entity, year)
        days += year_days
    return {"region": region.upper(), "days": days, "bases": bases,
            "source": f"holidays {holidays.__version__}", "published_until": last_published_year(entity)}


def country_timezone(region: str) -> str | None:
    """The first time zone the tz database lists for the region's country (zone.tab), if any."""
    import zoneinfo

    country = region.upper().partition("-")[0]
    for folder in zoneinfo.TZPATH:
        try:
            with open(f"{folder}/zone.tab", encoding="utf-8") as lines:
                for line in lines:
                    fields = line.split("\t")
                    if len(fields) >= 3 and fields[0] == country:
                        return fields[2].strip()
        except OSError:
            continue
    return None


def use_region(conn: Connection, region: str, *, years: list[int] | None = None,
               timezone: str | None = None, actor: str, now: datetime | None = None) -> dict:
    """Load a country's or region's public holidays and make-up working days into the calendar,
    turn it on, and recompute open complaints. Days typed by hand are kept as they are."""
    now = now or now_utc()
    years = years or default_years(region, now.astimezone(local_zone()).date())
    loaded = region_calendar(region, years)
    if timezone is not None:
        sla.Calendar(timezone=timezone)  # validates
    with transaction(conn):
        row = conn.execute("SELECT region, timezone FROM sla_calendar WHERE id = 1").fetchone()
        zone_guessed = None
        if timezone is None and row["timezone"] is None:
            timezone = zone_guessed = country_timezone(region)
        kept = _replace_region_days(conn, loaded, years, switching=row["region"] != loaded["region"], now=now)
        changes: dict[str, object] = {"region": loaded["region"], "enabled": 1}
        if timezone is not None:
            changes["timezone"] = timezone
        record_event(conn, None, at=to_iso(now), actor=actor, action="calendar_region_loaded",
                     field=loaded["region"], new_value=f"{years[0]}..{years[-1]}",
                     note=f"{loaded['source']}: " + ", ".join(f"{y} {b}" for y, b in loaded["bases"].items()))
        recomputed = _apply_changes(conn, changes, actor, now)
        end = schedule_end(conn)
    holidays = sum(kind == "holiday" for _, kind, _ in loaded["days"])
    return {"region": loaded["region"], "years": loaded["bases"], "source": loaded["source"],
            "holidays": holidays, "workdays": len(loaded["days"]) - holidays, "kept": kept,
            "timezone": timezone, "timezone_guessed": zone_guessed is not None, "recomputed": recomputed,
            "known_until": end.isoformat() if end else None}


def _replace_region_days(conn: Connection, loaded: dict, years: list[int], *, switching: bool,
                         now: datetime) -> int:
    """Swap the loaded days of these years (all loaded days when the region changes) for the
    new ones; a day typed by hand stays. Returns how many loaded days a typed day overruled."""
    if switching:
        conn.execute("DELETE FROM sla_calendar_days WHERE source IS NOT NULL")
        conn.execute("DELETE FROM sla_calendar_years")
    for year in years:
        conn.execute("DELETE FROM sla_calendar_days WHERE source IS NOT NULL AND day LIKE ?", (f"{year}-%",))
    source = f"{loaded['region']} ({loaded['source']})"
    kept = 0
    for day, kind, note in loaded["days"]:
        cursor = conn.execute("INSERT INTO sla_calendar_days (day, kind, note, source) VALUES (?, ?, ?, ?) "
                              "ON CONFLICT(day) DO NOTHING", (day.isoformat(), kind, note, source))
        kept += cursor.rowcount == 0
    conn.executemany(
        "INSERT INTO sla_calendar_years (year, region, basis, source, loaded_at) VALUES (?, ?, ?, ?, ?) "
        "ON CONFLICT(year) DO UPDATE SET region = excluded.region, basis = excluded.basis, "
        "source = excluded.source, loaded_at = excluded.loaded_at",
        [(y, loaded["region"], b, loaded["source"], to_iso(now)) for y, b in loaded["bases"].items()])
    return kept


def schedule_end(conn: Connection) -> date | None:
    """The last day of the loaded holiday schedule that rests on a published schedule or on fixed
    rules (estimated years do not count), when the calendar uses a region; else None."""
    row = conn.execute("SELECT c.region, max(y.year) FROM sla_calendar c LEFT JOIN sla_calendar_years y "
                       "ON y.basis <> 'estimated' WHERE c.enabled = 1 AND c.region IS NOT NULL GROUP BY c.region").fetchone()
    if row is None or row[0] is None:
        return None
    return date(row[1], 12, 31) if row[1] is not None else date(1969, 12, 31)


def schedule_warning(conn: Connection, today: date) -> Message | None:
    """A warning when the known holiday schedule ends within WARN_DAYS days (or has ended)."""
    gap = schedule_gap(conn, today)
    return L_("{what}: {fix}", what=gap[0], fix=gap[1]) if gap else None


def schedule_gap(conn: Connection, today: date) -> tuple[Message, Message] | None:
    """What is not known when the holiday schedule ends within WARN_DAYS days (or has ended), and
    what to do about it."""
    end = schedule_end(conn)
    if end is None or (end - today).days >= WARN_DAYS:
        return None
    region = conn.execute("SELECT region FROM sla_calendar").fetchone()[0]
    when = (nL_("ends on {end}, in {n} day", "ends on {end}, in {n} days", (end - today).days, end=end.isoformat())
            if end >= today else L_("ended on {end}", end=end.isoformat()) if end.year > 1969
            else L_("has no published year"))
    return (L_("the {region} holiday calendar {when}", region=region, when=when),
            L_("later holidays and make-up working days are not known, so due times after it may fall on a holiday; "
               "when the next schedule is published, upgrade the holidays package and run {again} again, or enter "
               "the days with {holiday} / {workday}", again=Step("sla calendar use", region),
               holiday=Step("sla calendar holiday"), workday=Step("sla calendar workday")))


def read_team_timezone(conn: Connection) -> str | None:
    """The team's time zone (the calendar's), or None when nobody set one."""
    try:
        row = conn.execute("SELECT timezone FROM sla_calendar WHERE id = 1").fetchone()
    except Error:  # a file before the calendar existed
        return None
    return row[0] if row and row[0] else None


def team_timezone_at(path) -> str | None:
    """The team's time zone in the database file at ``path``, read without creating or changing
    anything; None when the file does not exist, cannot be read or has none set."""
    from pathlib import Path

    from complaintctl.errors import ComplaintError
    from complaintctl.store.db import connect, is_server, open_readonly

    try:
        if is_server(path):
            conn = connect(path, migrate=False, readonly=True)
        elif not Path(path).is_file():
            return None
        else:
            conn = open_readonly(Path(path))
    except (Error, ComplaintError):
        return None
    try:
        return read_team_timezone(conn)
    finally:
        conn.close()
