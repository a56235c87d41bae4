"""Dates as other people write them, made plain for the parser in dates.py: Chinese ways of
writing a time as digits (2点半 -> 2:30), and month names in other languages (Jira's `21/abr/26`)
and times written with a dot (Excel's `11.35`) as dateutil reads them."""

from __future__ import annotations

import re


def plain_chinese_time(lowered: str) -> str:
    """Chinese ways of writing a time, as digits: 2点半 -> 2:30, 14时05分 -> 14:05, a weekday dropped."""
    if "点半" in lowered:
        lowered = lowered.replace("点半", ":30")
    if "星期" in lowered or "周" in lowered or "礼拜" in lowered:  # 2026年11月3日 星期二: the day says it
        lowered = re.sub(r"\s*[（(]?\s*(?:星期|礼拜|周)[一二三四五六日天]\s*[）)]?\s*", " ", lowered).strip()
    if "时" in lowered or "分" in lowered:  # 2026/11/3 14时05分(36秒) -> 14:05:36
        lowered = re.sub(r"(\d)\s*[时点分]\s*(?=\d)", r"\1:", lowered)
        lowered = re.sub(r"(\d{1,2})\s*[时点]$", r"\1:00", re.sub(r"(\d)\s*[分秒]", r"\1", lowered))
    return lowered


# Month names as help desks in other languages write them (Jira's `21/abr/26`, `07/févr./26`,
# `12/lut/21`), read as English's for dateutil: es, pt, fr, de, it and pl (with Polish genitives).
_MONTHS = {
    "jan": ("enero", "ene", "janeiro", "janvier", "janv", "januar", "jänner", "gennaio", "gen", "styczeń", "stycznia",
            "sty"),
    "feb": ("febrero", "fevereiro", "fev", "février", "févr", "fév", "februar", "febbraio", "luty", "lutego", "lut"),
    "mar": ("marzo", "março", "mars", "märz", "mär", "mrz", "marzec", "marca"),
    "apr": ("abril", "abr", "avril", "avr", "aprile", "kwiecień", "kwietnia", "kwi"),
    "may": ("mayo", "maio", "mai", "maggio", "mag", "maj", "maja"),
    "jun": ("junio", "junho", "juin", "juni", "giugno", "giu", "czerwiec", "czerwca", "cze"),
    "jul": ("julio", "julho", "juillet", "juil", "juli", "luglio", "lug", "lipiec", "lipca", "lip"),
    "aug": ("agosto", "ago", "août", "aout", "aoû", "sierpień", "sierpnia", "sie"),
    "sep": ("septiembre", "setembro", "set", "septembre", "settembre", "wrzesień", "września", "wrz"),
    "oct": ("octubre", "outubro", "out", "octobre", "oktober", "okt", "ottobre", "ott", "październik", "października",
            "paź"),
    "nov": ("noviembre", "novembro", "novembre", "listopad", "listopada", "lis"),
    "dec": ("diciembre", "dic", "dezembro", "dez", "décembre", "déc", "dezember", "dicembre", "grudzień", "grudnia",
            "gru"),
}
_MONTH_OF = {word: month for month, words in _MONTHS.items() for word in words}
_FOREIGN_MONTH = re.compile(r"(?<![^\W\d_])(" + "|".join(sorted(map(re.escape, _MONTH_OF), key=len, reverse=True))
                            + r")\.?(?![^\W\d_])", re.IGNORECASE)
_DOT_TIME = re.compile(r"(\s\d{1,2})\.(\d{2})((?:\.\d{2})?\s*(?:[ap]\.?m\.?)?)\s*$", re.IGNORECASE)


def in_english(text: str) -> str:
    """A date as dateutil reads it: a month named in another language in English (`21/abr/26` ->
    `21/apr/26`), and a time written with a dot (`24-02-2015 11.35`, Excel's) with a colon."""
    if any(c.isdigit() for c in text):
        named = _FOREIGN_MONTH.sub(lambda m: _MONTH_OF[m.group(1).lower()], text)
        if named != text:  # `2 de março de 2024`: the joining words go with the names
            text = re.sub(r"\s+(?:de|del|du)\s+", " ", named, flags=re.IGNORECASE)
        text = _DOT_TIME.sub(_colon_time, text)
    return text


def _colon_time(m: re.Match) -> str:
    """`11.35` -> `11:35`, `11.35.20 pm` -> `11:35:20 pm`."""
    rest = m.group(3)
    return f"{m.group(1)}:{m.group(2)}" + (":" + rest[1:] if rest[:1] == "." else rest)
