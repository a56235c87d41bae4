"""Every guess needs positive evidence from the values. A column that a header alias or a header's
words put forward for a field wins it only when its sampled values back the guess: a column with no
values wins nothing; a reference must be (nearly) unique; dates must read as dates, codes as codes,
people as people (a yes/no flag or a ticket's title is no assignee or customer); among several
candidates the header that says "received"/"created" beats a plain date, which beats an incident's
own time. An explicit --map is never second-guessed."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime

from complaintctl.core.intake.cells import (
    CODE_FIELDS,
    DATE_FIELDS,
    FACT_FIELDS,
    FALSE_WORDS,
    TRUE_WORDS,
    is_never,
    is_zero_date,
)
from complaintctl.core.intake.headers import strength
from complaintctl.core.intake.mapping import EXTRA, ColumnPlan
from complaintctl.core.taxonomy.labels import resolve_in
from complaintctl.i18n import L_

FIT_SHARE = 0.5  # a guessed column is used when at least this share of its values fit its field
MIN_FILL = 0.02  # a column filled in fewer of the sampled rows is "almost empty" for a field every row has
DATE_SAMPLE = 400  # values per date column parsed in full (dateutil is slow)
UNIQUE_SHARE = 0.9  # a reference: at least this share of its sampled values are distinct
# Code fields whose unknown labels import the complaint unclassified: a column whose header names one
# is read without asking whether its labels are known. Status and outcome are value-checked even then
# (a US `State` column is no status): an unknown one loses no complaint either (the row's times decide).
CLASSIFICATIONS = ("category", "severity", "cause", "channel", "remedy", "personality", "motive", "told_via")
# Fields a complaint may well not have yet: one value in the sample is evidence enough.
OPTIONAL = {"closed", "resolved_at", "first_response_at", "updated_at", "resolution", "outcome", "reopened_count",
            "duplicate_of", "customer_accepted", "told_via", "cause", "remedy", "personality", "motive", "tags",
            "satisfaction", "satisfaction_at", "reopened_at", "first_response_after", "first_response_minutes",
            "first_response_hours", "first_response_days", "resolved_after", "resolved_minutes", "resolved_hours",
            "resolved_days"}
PARTICLES = {"de", "da", "do", "dos", "das", "del", "la", "le", "van", "von", "der", "den", "di", "du", "y", "e",
             "bin", "al", "el", "st", "mc"}
YES_NO = TRUE_WORDS | FALSE_WORDS | {"sim", "não", "nao", "si", "sí", "oui", "non", "ja", "nein", "tak", "nie",
                                     "vrai", "faux", "verdadero", "falso", "verdadeiro", "x"}


@dataclass
class Verdict:
    ok: bool
    evidence: str  # a Message: English as a str (JSON, --map advice), said in the reader's language
    misfits: list[str] = field(default_factory=list)
    instead: str | None = None  # the field the values say this column is, when not the one guessed


def judge(plan: ColumnPlan, name: str, values: list[tuple[int, str]], rows: int, tables: dict,
          now: datetime, lenient: bool = False) -> Verdict:
    """Whether ``plan``'s sampled values back reading the column as field ``name``. ``lenient``: a
    classification's labels nobody knows yet back it too (once no candidate's labels are known)."""
    n = len(values)
    if not n:
        return Verdict(rows == 0, L_("no values in the sample") if rows else L_("no rows to judge by"))
    fill = L_("{n} of {rows} sampled rows filled", n=n, rows=rows)
    if name not in OPTIONAL and n < max(1, MIN_FILL * rows):
        return Verdict(False, L_("almost empty ({fill})", fill=fill))
    if name in ("subject", "description", "resolution") and plan.rank == 2 and n >= 5 and \
            _share([v for _, v in values], lambda v: v.lower() in YES_NO)[0] >= 0.8:  # `resolution_sla_met`: True
        return Verdict(False, L_("its values are yes/no, no text ({fill})", fill=fill), [v for _, v in values[:3]])
    if name == "ref":
        return _ref_verdict(plan, values, fill)
    if name in ("customer", "assignee"):
        return _people_verdict(name, values, fill)
    if name == "resolution":  # Jira's Resolution is a word (Done, Won't Do), not the text of one
        texts = [v for _, v in values]
        short = sum(map(len, texts)) / len(texts) <= 20
        if short and _label_like(texts) and _share(texts, lambda v: resolve_in(tables["outcome"], v) is not None)[0] >= 0.8:
            return Verdict(False, L_("its values are outcomes ({fill})", fill=fill), instead="outcome")
        if _share(texts, lambda v: _no_words(v, now))[0] >= 0.8:  # GLPI's `Tempo para solução + Progresso`
            return Verdict(False, L_("its values are times, numbers or percentages (a target, a progress), no "
                                     "text of a resolution ({fill})", fill=fill), texts[:3])
        return Verdict(True, fill)
    if plan.rank == 1 and (name in DATE_FIELDS or name in CLASSIFICATIONS):
        return Verdict(True, L_("its header names it ({fill})", fill=fill))
    if name in FACT_FIELDS:
        return _fact_verdict(plan, name, values, fill, now)
    test = _fits(name, tables, now)
    if test is None:
        return Verdict(True, fill)
    texts = [v for _, v in values[:DATE_SAMPLE]] if name in DATE_FIELDS else [v for _, v in values]
    if name in DATE_FIELDS:
        texts = [v for v in texts if not _never_text(v)] or texts
    share, misfits = _share(texts, test)
    if share < FIT_SHARE and lenient and name in CLASSIFICATIONS and _label_like(texts):
        distinct = len(set(texts))
        return Verdict(True, L_("labels: {distinct} distinct values in {n} ({fill})", distinct=distinct, n=len(texts),
                                  fill=fill))
    return Verdict(share >= FIT_SHARE, L_("{share:.0%} of {n} sampled values fit", share=share, n=len(texts)), misfits)


def order(plans: list[ColumnPlan], name: str, columns: dict, now: datetime) -> list[ColumnPlan]:
    """The candidates for ``name`` in the order they are tried: named by the user, then aliases, then
    guesses; among equals the stronger header (received over a plain date over an incident time,
    priority over urgency), then, for dates, the column whose values name their month (22-Apr-15 over
    22-04-15), then the leftmost."""
    def key(plan: ColumnPlan):
        plain = 0
        if name in DATE_FIELDS:
            sampled = [v for _, v in columns.get(plan.index, [])[:50]]
            plain = -int(bool(sampled) and sum(1 for v in sampled if _unambiguous(v)) * 2 >= len(sampled))
        return plan.rank, -strength(name, plan.header), plain, plan.index
    return sorted(plans, key=key)


def _ref_verdict(plan: ColumnPlan, values: list[tuple[int, str]], fill: str) -> Verdict:
    from complaintctl.core.people.matching import looks_scientific

    texts = [v for _, v in values]
    if sum(1 for v in texts if looks_scientific(v)) * 2 >= len(texts):
        return Verdict(False, L_("written in scientific notation: its digits are lost ({fill})", fill=fill), texts[:3])
    counts = Counter(texts)
    distinct = len(counts)
    if distinct >= UNIQUE_SHARE * len(texts):
        return Verdict(True, L_("unique: {distinct} distinct of {n} sampled values", distinct=distinct, n=len(texts)))
    top, top_n = counts.most_common(1)[0]
    n = len(texts)
    repeats = L_("{n} rows, {distinct} distinct values", n=n, distinct=distinct)
    # several rows per complaint (an event log, one row per allegation): many refs, each repeated a few
    # times; a column of one phrase repeated ("service request") names no complaint
    if plan.rank <= 1 and (n < 20 or top_n * 2 <= n) or top_n <= max(3, 0.05 * n) and distinct >= min(10, n / 2):
        return Verdict(True, L_("repeats: {repeats} (several rows per complaint)", repeats=repeats))
    return Verdict(False, L_("its values repeat ({repeats}; {top!r} in {top_n}): a reference names one complaint",
                             repeats=repeats, top=top, top_n=top_n), [top])


def _fact_verdict(plan: ColumnPlan, name: str, values: list[tuple[int, str]], fill: str, now: datetime) -> Verdict:
    """A duration column's values are lengths of time (in the header's unit, or each with its own);
    a satisfaction column's are scores of 1-5 or the words of a survey not answered (`Offered`). A
    duration column whose values are moments is the time itself."""
    from complaintctl.core.intake.facts import DURATIONS, NOT_ANSWERED, duration_minutes, satisfaction_score, unit_of

    texts = [v for _, v in values]
    if name == "satisfaction":
        share, misfits = _share(texts, lambda v: satisfaction_score(v) is not None or v.lower() in NOT_ANSWERED)
        return Verdict(share >= FIT_SHARE, L_("{share:.0%} of {n} sampled values are scores or surveys not answered "
                                              "({fill})", share=share, n=len(texts), fill=fill), misfits)
    target, unit = DURATIONS[name]
    unit = unit if unit is not None else unit_of(plan.header)
    share, misfits = _share(texts, lambda v: duration_minutes(v, unit) is not None)
    if share < FIT_SHARE and _share(texts[:DATE_SAMPLE], lambda v: readable_moment(v, now))[0] >= FIT_SHARE:
        return Verdict(False, L_("its values are moments, not lengths of time ({fill})", fill=fill), misfits,
                       instead=next(f for f, c in DATE_FIELDS.items() if c == target))
    said = L_("{share:.0%} of {n} sampled values are lengths of time", share=share, n=len(texts)) if unit is not None \
        else L_("{share:.0%} of {n} sampled values are lengths of time, each with its unit (the header names none)",
                share=share, n=len(texts))
    return Verdict(share >= FIT_SHARE, said, misfits)


def _people_verdict(name: str, values: list[tuple[int, str]], fill: str) -> Verdict:
    from complaintctl.core.intake.cells import agent_names

    texts = [agent_names(v)[1] for _, v in values]  # the first of several people in a cell
    flags = sum(1 for v in texts if v.lower() in YES_NO)
    if flags * 2 >= len(texts):
        return Verdict(False, L_("its values are yes/no, not people ({fill})", fill=fill), list(dict.fromkeys(texts))[:3])
    titles = [v for v in texts if _title_like(v)]
    if len(titles) * 2 >= len(texts):
        return Verdict(False, L_("its values read as titles, not names ({fill})", fill=fill), titles[:3],
                       instead="subject" if name == "customer" else None)
    return Verdict(True, fill)


def _title_like(text: str) -> bool:
    """A ticket's title or a sentence rather than a person's name: several words with a lower-case one
    among them (`Manutenção de ramal`), digits, or a sentence's end; in Chinese, more than six characters."""
    if not text.isascii() and any("\u4e00" <= c <= "\u9fff" for c in text):
        return len(text) > 6 or any(c in "，。！？、：" for c in text)
    words = text.replace(",", " ").split()
    if len(words) > 6 or text.rstrip()[-1:] in ".!?":
        return True
    return len(words) >= 3 and any(w[0].islower() and w.lower() not in PARTICLES for w in words if w[0].isalpha())


def _label_like(texts: list[str]) -> bool:
    """Short values that repeat: a classification's labels, not free text or ids."""
    if not texts:
        return False
    distinct = len(set(texts))
    return distinct <= max(3, 0.3 * len(texts)) and sum(map(len, texts)) / len(texts) <= 60


def _unambiguous(text: str) -> bool:
    """A date written so that it reads one way only: ISO (2015-04-22) or with its month's name."""
    return text[:4].isdigit() and text[4:5] in "-/" or any(c.isalpha() for c in text.split(" ")[0])


def _never_text(text: str) -> bool:
    """A "never" date as written (1900-01-01, 0000-00-00, 1970-01-01 00:00:00)."""
    return is_zero_date(text) or text[:10] in ("1900-01-01", "1899-12-30", "1899-12-31", "1970-01-01") or \
        is_never(text[:10]) and text[:4] in ("0001", "9999")


def _share(texts: list[str], test) -> tuple[float, list[str]]:
    """(share of ``texts`` that pass ``test``, a few that do not)."""
    if not texts:
        return 1.0, []
    misfits: dict[str, None] = {}
    fit = 0
    seen: dict[str, bool] = {}
    for value in texts:
        ok = seen.get(value)
        if ok is None:
            ok = seen[value] = test(value)
        if ok:
            fit += 1
        elif len(misfits) < 5:
            misfits[value] = None
    return fit / len(texts), list(misfits)


def _fits(field_name: str, tables: dict, now: datetime):
    """A test of one value for ``field_name``, or None for fields any text fits."""
    if field_name in CODE_FIELDS:
        table = tables[CODE_FIELDS[field_name]]
        return lambda v: resolve_in(table, v) is not None
    if field_name in DATE_FIELDS:
        return lambda v: readable_moment(v, now)
    if field_name == "email":
        return lambda v: "@" in v
    if field_name == "phone":
        return lambda v: sum(c.isdigit() for c in v) >= 5 and "@" not in v
    if field_name == "customer_accepted":
        return lambda v: v.lower() in TRUE_WORDS or v.lower() in FALSE_WORDS
    if field_name in ("reopened_count", "duplicate_of"):
        return lambda v: v.lstrip("#").isdigit()
    return None


_PERCENT = re.compile(r"\s*\d+(?:[.,]\d+)?\s*%\s*$")


def _no_words(text: str, now: datetime) -> bool:
    """Whether a value says nothing in words: a number, a percentage, a time (a due date with its
    progress, `11-09-2025 08:08 8%`)."""
    rest = _PERCENT.sub("", text).strip()
    return not any(c.isalpha() for c in rest) or readable_moment(rest, now)


def readable_moment(text: str, now: datetime) -> bool:
    """Whether ``text`` reads as a moment, in either day/month order."""
    from complaintctl.core.record.dates import number_moment, parse_when
    from complaintctl.errors import ComplaintError

    if text[0].isdigit() and text[-1].isdigit() and number_moment(text) is not None:
        return True
    for dayfirst in (False, True):
        try:
            parse_when(text, now=now, dayfirst=dayfirst, what="date", periods=False)
            return True
        except (ComplaintError, ValueError, OverflowError):
            continue
    return False


def no_customer(plans: list[ColumnPlan]) -> bool:
    """Whether no column says who complained (a name, an email or a phone)."""
    return not any(p.field in ("customer", "email", "phone") and p.extra_key is None for p in plans)


def unplaced(plans: list[ColumnPlan]) -> list[ColumnPlan]:
    """Columns kept in extra: where a field with no column of its own may still be found by values."""
    return [p for p in plans if p.field == EXTRA and p.rank > 0]
