"""Which encoding a file is in: BOMs, strict UTF-8, GB18030 for Chinese Excel, Windows-1252 for
Western Excel, charset-normalizer for the rest; and the error that names the first line that
does not decode."""

from __future__ import annotations

import codecs
import re
from typing import BinaryIO

from complaintctl.errors import InvalidInput
from complaintctl.i18n import L_
from complaintctl.i18n.said import Input

SAMPLE_BYTES = 1 << 20
CHINESE_FAMILY = {"gb2312", "gbk", "gb18030", "cp936", "hz", "hz_gb_2312", "ms936"}
# Single-byte code pages: a detector confuses the Latin-script ones with one another.
SINGLE_BYTE = ("cp125", "cp4", "cp7", "cp8", "iso8859", "latin", "mac_")
NOT_LATIN = {"cp1251", "cp1253", "cp1255", "cp1256", "cp737", "cp855", "cp862", "cp864", "cp866", "cp869",
             "iso8859_5", "iso8859_6", "iso8859_7", "iso8859_8", "mac_cyrillic", "mac_greek", "mac_arabic",
             "mac_farsi", "mac_turkish"}



def detect_encoding(sample: bytes) -> str:
    """BOMs first, then strict UTF-8, then charset-normalizer; Chinese guesses -> GB18030."""
    if sample.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if sample.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return "utf-32"
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        decoder.decode(sample, final=len(sample) < SAMPLE_BYTES)
        return "utf-8"
    except UnicodeDecodeError:
        pass
    if _mostly_utf8(sample):
        # UTF-8 with a few stray lines in another encoding (files joined from two systems):
        # read as UTF-8, and the import stops at the first such line, naming it.
        return "utf-8"
    if sample[:200].count(b"\x00") > 50:  # UTF-16 without a BOM
        even = sample[0:200:2].count(b"\x00")
        return "utf-16-be" if even > 50 else "utf-16-le"
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(_telling_window(sample)).best()
        guess = best.encoding.lower().replace("-", "_") if best else None
    except ImportError:  # pragma: no cover - a declared dependency
        guess = None
    if guess is not None and guess.startswith("big5"):
        return guess
    # Our files are mostly mainland Chinese: on short or mixed samples the detector can
    # answer Korean or Latin-1 for GBK text, so GB18030 wins whenever it decodes the bytes
    # into mostly Chinese characters.
    try:
        text = codecs.getincrementaldecoder("gb18030")().decode(sample, final=False)
    except UnicodeDecodeError:
        text = None
    if text is not None:
        # Real Chinese text is almost all GB2312 (common hanzi and punctuation). Latin-1 text
        # decodes as GB18030 too ("für" -> 0xFC 0x72 -> a rare hanzi), but into rare characters.
        wide = [c for c in text if ord(c) > 127][:20_000]
        common = sum(1 for c in wide if _in_gb2312(c))
        if guess in CHINESE_FAMILY or (guess or "").startswith("gb") or (wide and common / len(wide) >= 0.6):
            return "gb18030"
    if guess in (None, "ascii") and _reads_as_western(sample):
        return "cp1252"  # bytes above 127 that are neither UTF-8 nor Chinese: Western Excel's code page
    if guess is None:
        raise InvalidInput(L_("cannot tell the file's encoding"),
                           hint=L_("give {encoding}, e.g. utf-8, gb18030, utf-16", encoding=Input("encoding")))
    if guess.startswith(SINGLE_BYTE) and guess not in NOT_LATIN:
        # A few accented letters cannot tell Windows' Western code page from its Baltic or
        # Central European cousins; the detector's pick among them is close to a coin toss
        # (cp1257 turned "François" into "Franēois"). Western Excel exports are cp1252.
        try:
            sample.decode("cp1252")
            return "cp1252"
        except UnicodeDecodeError:
            pass
    return guess


def _telling_window(sample: bytes, size: int = 200_000) -> bytes:
    """What the detector is shown: the first ``size`` bytes, or, when those are plain ASCII (a
    ServiceNow export whose first accented letter is 600 KB in), the bytes from just before the
    first that is not: an ASCII window makes the detector answer `ascii` for a Windows-1252 file."""
    head = sample[:size]
    if not head.isascii() or sample.isascii():
        return head
    start = next(i for i, b in enumerate(sample) if b > 127)
    return sample[max(0, start - 1024):start - 1024 + size]


def _reads_as_western(sample: bytes) -> bool:
    try:
        sample.decode("cp1252")
    except UnicodeDecodeError:
        return False
    return not sample.isascii()


def likely_encoding(raw: bytes) -> str | None:
    """The encoding a line's bytes read in (to name in advice): UTF-8, GB18030 when they read as
    common Chinese, Windows-1252 when they read at all; None when none fits."""
    for encoding in ("utf-8", "gb18030"):
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        wide = [c for c in text if ord(c) > 127]
        if encoding == "utf-8" or (wide and sum(map(_in_gb2312, wide)) / len(wide) >= 0.6):
            return encoding
    return "cp1252" if _reads_as_western(raw) else None


def _mostly_utf8(sample: bytes) -> bool:
    """Many well-formed UTF-8 characters and only a few bytes that are not. GBK or Latin-1
    text read as UTF-8 is almost all malformed, so this does not mistake them."""
    text = sample.decode("utf-8", errors="surrogateescape")
    bad = len(_SURROGATE.findall(text))
    good = sum(1 for c in text if ord(c) > 127) - bad
    return good >= 50 and bad * 20 <= good


def _in_gb2312(char: str) -> bool:
    try:
        char.encode("gb2312")
        return True
    except UnicodeEncodeError:
        return False


def _telling_sample(raw: BinaryIO, sample: bytes, limit: int = 64) -> bytes:
    """The first megabyte, or, when that is plain ASCII (English headers and rows first,
    Chinese later on), the first later megabyte that is not: an all-ASCII start says
    nothing about GBK against UTF-8."""
    if not sample.isascii() or len(sample) < SAMPLE_BYTES:
        return sample
    try:
        for _ in range(limit):
            chunk = raw.read(SAMPLE_BYTES)
            if not chunk:
                break
            if not chunk.isascii():
                start = next(i for i, b in enumerate(chunk) if b > 127)
                return sample[:1024] + chunk[max(0, start - 1024):]
        return sample
    finally:
        raw.seek(0)


def _decode_error(source: str, encoding: str, detected: bool, line: int | None = None,
                  raw: bytes | None = None) -> InvalidInput:
    """The stop at a line not in the file's encoding; ``raw``, that line's bytes, names the encoding
    they do read in (never one they do not: a Windows-1252 line is not sent to GB18030)."""
    how = L_("detected from the start of the file") if detected else L_("as given")
    where = L_("line {line}", line=line) if line else L_("further on")
    fits = likely_encoding(raw) if raw else None
    rerun = L_("re-run with {encoding} {fits} (that line reads as {fits})", encoding=Input("encoding"), fits=fits) \
        if fits is not None and fits != encoding else \
        L_("re-run with {encoding} and that encoding (utf-8, gb18030, cp1252, ...)", encoding=Input("encoding"))
    return InvalidInput(
        L_("{file} {where} is not valid {encoding} ({how})", file=source, where=where, encoding=encoding, how=how),
        hint=L_("the rows before it were imported. If the whole file is in another encoding, {rerun}; if only "
                "some lines are (files joined from two systems), fix them and re-run. Rows already imported are "
                "recognised and not doubled", rerun=rerun),
    )


# Bytes that do not decode are let through as lone surrogates (U+DC80-U+DCFF, which no valid
# text holds) and counted, so that the reader can stop at the exact line that holds them, after
# every line before it, rather than at the start of the 64 KB chunk the decoder was given.
DECODE_ERRORS = "complaintctl-count"
_undecodable = [0]
_SURROGATE = re.compile("[\udc80-\udcff]")


def _count_undecodable(exc: UnicodeError) -> tuple[str | bytes, int]:
    _undecodable[0] += 1
    return codecs.lookup_error("surrogateescape")(exc)


codecs.register_error(DECODE_ERRORS, _count_undecodable)

