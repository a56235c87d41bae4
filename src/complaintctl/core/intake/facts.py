"""History that exports carry as lengths of time, scores and counts, made the facts the reports
count (issue 20, item 5), never invented:

- a **duration** from received (`First reply time in minutes`, `Full resolution time`, GLPI's
  `1 horas 18 minutos`) gives the first response or resolution time the file does not give
  itself: received + the duration, said as derived in the summary and in its own event. A length
  of business time (`... within business hours`) is no span of the clock: it is never read so;
- a **satisfaction score** (1-5) is a survey, dated at the file's survey time, else at the
  resolution it rates (said so in its event); one on an open complaint, or a word that is no
  score (Zendesk's `Offered`), stays in extra;
- a **reopen time** (`Last reopened at`) is a reopen at that time; reopens counted with no time
  stay in the reopen count only, and the summary says they are in no week's figure.

The reader turns cells into these (``duration_minutes``, ``satisfaction_score``); ``derive_times``
and ``dated_facts`` turn a row's into its times and its facts (event tuples the writer writes:
action, at, field, old value, new value, note, line)."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from complaintctl.i18n import N_

# --map names of the duration fields: the time each gives, and its unit in minutes (None: the
# header's or each value's own unit).
DURATIONS: dict[str, tuple[str, float | None]] = {
    "first_response_after": ("first_response_at", None), "first_response_minutes": ("first_response_at", 1),
    "first_response_hours": ("first_response_at", 60), "first_response_days": ("first_response_at", 1440),
    "resolved_after": ("resolved_at", None), "resolved_minutes": ("resolved_at", 1),
    "resolved_hours": ("resolved_at", 60), "resolved_days": ("resolved_at", 1440),
}
# Unit words (lower case, without accents) -> minutes.
UNITS = {**dict.fromkeys(("s", "sec", "secs", "second", "seconds", "segundo", "segundos", "seconde", "secondes",
                          "sekunde", "sekunden", "sekund", "sekundy", "秒", "秒钟"), 1 / 60),
         **dict.fromkeys(("m", "min", "mins", "minute", "minutes", "minuto", "minutos", "minuten", "minut", "minuty",
                          "分", "分钟"), 1),
         **dict.fromkeys(("h", "hr", "hrs", "hour", "hours", "hora", "horas", "heure", "heures", "stunde", "stunden",
                          "godzina", "godziny", "godzin", "小时", "时", "個小時"), 60),
         **dict.fromkeys(("d", "day", "days", "dia", "dias", "jour", "jours", "tag", "tage", "dzien", "dni", "天",
                          "日"), 1440)}
_PART = re.compile(r"(\d+(?:[.,]\d+)?)\s*([^\W\d_]+)")
_CLOCK = re.compile(r"^(\d+):([0-5]\d)(?::([0-5]\d))?$")
_NUMBER = re.compile(r"^\d+(?:[.,]\d+)?$")
# A score written with its words: `5 - Very satisfied`, `4 stars`, `★★★★`.
_SCORE = re.compile(r"^\s*([1-5])(?:[.,]0+)?(?:\s*(?:[-–/:(]|stars?|estrelas?|etoiles?|分|星).*)?$", re.IGNORECASE)
# What survey columns hold for a survey sent but not answered (Zendesk's `Offered`): no score.
NOT_ANSWERED = {"offered", "unoffered", "not offered", "sent", "not answered", "no response", "pending", "未评价",
                "未评分", "未回复", "oferecida", "enviada", "ofrecida", "proposée", "envoyée", "angeboten"}


def duration_minutes(text: str, unit: float | None) -> float | None:
    """Minutes in a length of time as exports write it: a number in ``unit`` (the header's),
    `3 minutos`, `1 horas 18 minutos`, `2d 4h`, `01:18:00` (hours, minutes, seconds); None if
    it is none of these (or a number with no unit anywhere)."""
    text = text.strip().lower()
    if _NUMBER.match(text):
        return None if unit is None else float(text.replace(",", ".")) * unit
    clock = _CLOCK.match(text)
    if clock:
        hours, minutes, seconds = clock.groups()
        return int(hours) * 60 + int(minutes) + int(seconds or 0) / 60
    parts = _PART.findall(text)
    if not parts or _PART.sub("", text).strip(" ,e&y"):
        return None
    total = 0.0
    for number, word in parts:
        factor = UNITS.get(word) or UNITS.get(word.rstrip("."))
        if factor is None:
            return None
        total += float(number.replace(",", ".")) * factor
    return total


def unit_of(header: str) -> float | None:
    """The unit a header names for its values (`... in minutes`, `(hours)`, `时长(分钟)`), in minutes."""
    from complaintctl.core.intake.headers import header_words

    for word in header_words(header):
        if word in UNITS and len(word) > 1:
            return UNITS[word]
    return next((UNITS[part] for part in ("分钟", "小时", "秒", "天") if part in header), None)


def satisfaction_score(text: str) -> int | None:
    """A score of 1 to 5 as surveys write it, or None."""
    found = _SCORE.match(text)
    return int(found.group(1)) if found else None


def shown_duration(minutes: float) -> str:
    """`2 h 53 min`, `3 d 4 h`, `45 s`: a duration as the events say it."""
    seconds = round(minutes * 60)
    days, rest = divmod(seconds, 86400)
    hours, rest = divmod(rest, 3600)
    mins, secs = divmod(rest, 60)
    parts = [f"{n} {u}" for n, u in ((days, "d"), (hours, "h"), (mins, "min"), (secs, "s")) if n]
    return " ".join(parts) or "0 s"


def _plus(received: str, minutes: float) -> str:
    moment = datetime.fromisoformat(received[:19]) + timedelta(minutes=minutes)
    return moment.isoformat()[:19] + "Z"


def derive_times(data: dict, stats, stamped: bool, latest: str) -> None:
    """The first response and resolution times a row's durations give, where the row has none of
    its own: received + the duration, each with its fact. A duration that gives nothing (the row
    has the time, its received time is the import's own, the status is open, the time would be in
    the future) stays in extra as written."""
    durations = data.pop("_durations", None)
    if not durations:
        return
    received = data["received_at"]
    for field_name, (minutes, header, text) in durations.items():
        why = None
        if field_name in data:
            why = KEPT_GIVEN
        elif stamped:
            why = KEPT_STAMPED
        elif field_name == "resolved_at" and data.get("status") in _OPEN:
            why = KEPT_OPEN
        elif _plus(received, minutes) > latest:
            why = KEPT_FUTURE
        if why is not None:
            data.setdefault("extra", {})[header] = text
            stats.aside(why)
            continue
        data[field_name] = at = _plus(received, minutes)
        data.setdefault("_facts", []).append(
            ("imported", None, field_name, None, at, f"{field_name} derived: received + {shown_duration(minutes)} "
             f"(column {header!r}: {text!r}); the file gives no time of its own", None))
        stats.aside(DERIVED[field_name])


_OPEN = ("new", "acknowledged", "investigating", "waiting")
# What the summary counts ("~": said after "N rows"), by id (i18n/catalogues/zh/imports.py).
KEPT_GIVEN = "~" + N_("with a length of time that made no time (the file gives the time itself): kept in extra under "
                      "its column")
KEPT_STAMPED = "~" + N_("with a length of time that made no time (the received time is the import's own): kept in "
                        "extra under its column")
KEPT_OPEN = "~" + N_("with a length of time to a resolution that made no time (the complaint is open): kept in extra "
                     "under its column")
KEPT_FUTURE = "~" + N_("with a length of time that made no time (received + the length is in the future): kept in "
                       "extra under its column")
DERIVED = {"first_response_at": "~" + N_("with a first response time derived from a length of time: received + the "
                                         "length (each said so in its complaint's events)"),
           "resolved_at": "~" + N_("with a resolution time derived from a length of time: received + the length (each "
                                   "said so in its complaint's events)")}
SCORE_OPEN = "~" + N_("with a satisfaction score on a complaint that is open: no survey (surveys follow a resolution), "
                      "kept in extra under its column")
SCORE_NONE = "~" + N_("with a satisfaction value that is no score of 1 to 5 (a survey offered, not answered): no "
                      "survey, kept in extra under its column")
SURVEY_GIVEN = "~" + N_("with a satisfaction score made a survey at the file's survey time")
SURVEY_RATED = "~" + N_("with a satisfaction score made a survey, dated at the resolution it rates (the file gives no "
                        "survey time)")
REOPEN_DATED = "~" + N_("reopened at the file's time of its last reopen: a reopen in that week")
REOPEN_UNDATED = "~" + N_("reopened with no reopen time in the file: counted in reopened_count, in no week's reopened "
                          "figure (a reopen is counted in the week it happened)")


def dated_facts(row: dict, pending: dict, stats) -> None:
    """A row's survey and reopen, once its times are final (after the lifecycle rules)."""
    score = pending.get("_satisfaction")
    if score is not None:
        value, header, text = score
        given = pending.get("_satisfaction_at")
        rated = row.get("resolved_at") or row.get("closed_at")
        if row.get("status") in _OPEN or (given is None and rated is None):
            row.setdefault("extra", {})[header] = text
            stats.aside(SCORE_OPEN)
        else:
            at = given or rated
            when = "at the file's survey time" if given else "at the resolution it rates (the file gives no survey time)"
            row.setdefault("_facts", []).append(
                ("surveyed", at, "score", None, value, f"satisfaction {value} from column {header!r}, dated {when}",
                 None))
            stats.aside(SURVEY_GIVEN if given else SURVEY_RATED)
    at = pending.get("_reopened_at")
    dated = 0
    if at is not None and at >= row["received_at"]:
        counted = "reopened_count" in row
        row.setdefault("reopened_count", 1)  # reopened at least once: the file says when
        row.setdefault("_facts", []).append(
            ("reopened", at, "status", None, None, "reopened: the file's time of its last reopen"
             + ("" if counted else " (the file counts none: reopened_count 1)"), None))
        stats.aside(REOPEN_DATED)
        dated = 1
    dated += sum(1 for fact in row.get("_facts", ()) if fact[0] == "reopened" and fact[2] == "status")
    if row.get("reopened_count", 0) > dated:
        stats.aside(REOPEN_UNDATED)
