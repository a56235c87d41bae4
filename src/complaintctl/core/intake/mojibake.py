"""Text garbled by a wrong encoding (mojibake): UTF-8 that a program read as Windows-1252 or
Latin-1 (`æŠ•è¯‰å†…å®¹`, `CafÃ©`) or as GBK (`鎶曡瘔鍐呭`) and saved again. Found per row and
repaired when the repair is exact: undoing it gives back the garbled text character for character,
so no byte was lost or guessed. A garbled row that cannot be repaired so (bytes lost when it was
saved: `æ?¼å¤?…`, `锟斤拷`) is rejected with that reason, never imported garbled in silence.
ftfy (a well-kept library that knows the Latin kinds and their quirks) finds and undoes those; the
GBK kind, which ftfy does not know, is undone here."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import cast

from complaintctl.i18n import L_, N_

# A character that UTF-8's lead byte becomes in Windows-1252 or Latin-1, followed by one that a
# continuation byte becomes (or the `?` a lost byte was saved as): the only place ftfy needs to look.
_LATIN = re.compile("[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
                    "\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122?]")
_CJK = re.compile("[\u3400-\u9fff]")


def _gbk_leads() -> re.Pattern:
    """The characters GBK gives a UTF-8 lead byte of Chinese or its punctuation (E3-E9, EF) paired
    with the next byte: a third to a half of garbled text, a few in a hundred of real Chinese."""
    chars = set()
    for lead in (*range(0xE3, 0xEA), 0xEF):
        for trail in range(0x40, 0xFF):
            if trail == 0x7F:
                continue
            try:
                char = bytes((lead, trail)).decode("gbk")
            except UnicodeDecodeError:
                continue
            if _CJK.match(char):
                chars.add(char)
    return re.compile("[" + "".join(sorted(chars)) + "]")


_GBK_LEAD = _gbk_leads()
# The first look, one character class: a UTF-8 lead byte as Windows-1252 shows it, or as GBK pairs it.
_SUSPECT = re.compile("[\u00c2-\u00f4" + _GBK_LEAD.pattern[1:-1] + "]")
GBK_SHARE = 0.3  # of a cell's Chinese characters, in _GBK_LEAD: garbled (real text: about 0.03)


# How a text had been garbled, by the code page ftfy undid (said in the summary, in the reader's language)
_READ_AS = {"windows-1252": N_("UTF-8 read as Windows-1252 and saved again"),
            "latin-1": N_("UTF-8 read as Latin-1 and saved again"),
            "windows-1251": N_("UTF-8 read as Windows-1251 and saved again"),
            "windows-1250": N_("UTF-8 read as Windows-1250 and saved again"),
            "macroman": N_("UTF-8 read as Mac Roman and saved again"),
            "cp437": N_("UTF-8 read as the DOS code page 437 and saved again")}
GBK = N_("UTF-8 read as GBK and saved again")


class Garbled(ValueError):
    """Text garbled by a wrong encoding that cannot be repaired exactly."""


def suspect(text: str) -> bool:
    """A cheap first look: whether ``text`` may hold mojibake at all."""
    return _SUSPECT.search(text) is not None


def repair(text: str) -> tuple[str, str] | None:
    """(the text repaired, how it had been garbled) when ``text`` is garbled and its repair is
    exact; None when it is not garbled. Raises Garbled when it is, but cannot be repaired exactly."""
    if _LATIN.search(text):
        found = _latin(text)
        if found is not None:
            return found
    if _CJK.search(text):
        return _gbk(text)
    return None


def _latin(text: str) -> tuple[str, str] | None:
    import ftfy.bad_codecs  # noqa: F401 - registers ftfy's sloppy-windows-1252, which its plans name
    from ftfy import badness, fix_encoding_and_explain

    if not badness.is_bad(text):
        return None
    fixed, explained = fix_encoding_and_explain(text)
    plan = explained or []  # ftfy's type allows None; fix_encoding_and_explain gives a list
    read_as = next((codec for step, codec in plan if step == "encode"), "windows-1252")
    known = _READ_AS.get(read_as.replace("sloppy-", ""))
    how = known or f"UTF-8 read as {read_as} and saved again"
    if not plan or "\ufffd" in fixed or badness.is_bad(fixed) or not _undoes(text, fixed, plan):
        raise Garbled(L_("text garbled by a wrong encoding ({how}) that cannot be repaired exactly (bytes were lost "
                         "or changed when it was saved)",
                         how=L_(known) if known else L_("UTF-8 read as {codec} and saved again", codec=read_as)))
    return fixed, how


def _undoes(text: str, fixed: str, plan: Sequence[tuple[str, str]]) -> bool:
    """Whether reversing ``plan`` on ``fixed`` gives ``text`` back exactly: only re-encodings, each
    undone, none of ftfy's guesses (a lost byte restored, a character replaced)."""
    value: str | bytes = fixed
    try:
        for step, codec in reversed(plan):
            if step == "decode" and isinstance(value, str) and codec == "utf-8":
                value = value.encode("utf-8")
            elif step == "encode" and isinstance(value, bytes):
                value = value.decode(codec)
            else:
                return False
    except UnicodeError:
        return False
    return value == text


def _gbk(text: str) -> tuple[str, str] | None:
    chinese = len(_CJK.findall(text))
    leads = len(_GBK_LEAD.findall(text))
    if not leads or leads < GBK_SHARE * chinese:
        return None
    try:
        raw = text.encode("gb18030")
    except UnicodeEncodeError:
        return None
    how = GBK
    lost = Garbled(L_("text garbled by a wrong encoding ({how}) that cannot be repaired exactly (bytes were lost when "
                      "it was saved)", how=L_(how)))
    try:
        fixed = raw.decode("utf-8")
    except UnicodeDecodeError:
        if leads < 3:
            return None
        if "\ufffd" in text:  # bytes it could not pair were replaced: as garbled as it looks
            raise lost from None
        fixed = raw.decode("utf-8", errors="replace")
        if len(_CJK.findall(fixed)) >= max(3, chinese // 3) and fixed.count("\ufffd") <= max(3, chinese // 5):
            raise lost from None
        return None  # not that kind of garbling: real text, kept as it is
    if "\ufffd" in fixed:  # 锟斤拷: what a program wrote for bytes it could not read, read as GBK
        raise lost
    found = len(_CJK.findall(fixed))
    if not found or fixed == text or len(_GBK_LEAD.findall(fixed)) >= GBK_SHARE * found:
        return None
    return fixed, how


def repaired_row(record: list | dict, headers: list[str]) -> tuple[list | dict, str | None]:
    """(the record with its garbled cells repaired, how they had been garbled), or the record as it
    was and None. Raises Garbled, naming the column, for a cell that cannot be repaired exactly."""
    items = enumerate(record) if record.__class__ is list else cast(dict, record).items()
    out = None
    how = None
    for key, cell in items:
        if cell.__class__ is not str or not _SUSPECT.search(cell):
            continue
        name = key if record.__class__ is dict else (headers[key] if key < len(headers) else f"column_{key + 1}")
        try:
            found = repair(cell)
        except Garbled as exc:
            raise Garbled(L_("{why}, in column {column!r}: {value!r}", why=exc.args[0], column=name,
                             value=cell[:40])) from None
        if found is not None:
            if out is None:
                out = list(record) if record.__class__ is list else dict(record)
            out[key], how = found
    return (record, None) if out is None else (out, how)


def row_suspect(record: list | dict) -> bool:
    """A cheap first look at a whole record: whether any cell may hold mojibake."""
    if record.__class__ is list:
        return _SUSPECT.search("\x1f".join(c for c in record if c.__class__ is str)) is not None
    return any(v.__class__ is str and _SUSPECT.search(v) for v in cast(dict, record).values())
