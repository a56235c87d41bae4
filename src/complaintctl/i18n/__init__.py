"""What a person reads, in their language: messages by id, with English as the default text.

Each message the code shows is written at its call site as ``_("Logged complaint #{id}.", id=n)``:
the English text is the message id (the gettext convention), its named fields are filled in after
translation. ``ngettext`` does the same for a count, ``N_`` marks a text kept in a constant and
translated where it is shown. A catalogue per language (``i18n/catalogues/zh.py``) maps each id to its
translation; it is imported only when the language is not English. Adding a language is adding a
catalogue. tests/test_i18n.py holds the catalogues to the code: every id the code uses has a
translation with the same fields, and no catalogue keeps an id the code no longer uses.

The language is `--lang` (reports), else COMPLAINTCTL_LANG (`zh`, `en`), else a Chinese locale in
LC_ALL / LC_MESSAGES / LANG (`zh_CN.UTF-8`), else English; the CLI activates it once per run. Data
(subjects, names, notes) is never translated; stored values, JSON and CSV keep their codes.

A word said in two senses takes a context: ``pgettext("report", "Received")`` (a count in a report).
"""

from __future__ import annotations

import contextlib
import importlib
import os
from contextvars import ContextVar
from types import ModuleType

_catalogue: ModuleType | None = None  # the active language's catalogue; None is English
_loaded_for: str | None = None
# language -> the module holding its catalogue (complaintctl.i18n.catalogues.<name>)
CATALOGUES = {"zh": "zh", "zh-Hant": "zh_hant"}
LANGUAGES = ("en", *CATALOGUES)


def _active() -> ModuleType | None:
    """The catalogue of the language in force, imported the first time it is needed."""
    global _catalogue, _loaded_for
    language = lang()
    if language != _loaded_for:
        name = CATALOGUES.get(language)
        _catalogue = importlib.import_module(f"{__name__}.catalogues.{name}") if name else None
        _loaded_for = language
    return _catalogue


def _said(value: object) -> object:
    """A field's value as the reader reads it: a Message in their language, a tuple as clauses."""
    if isinstance(value, Said):
        return value.said()
    if isinstance(value, tuple):
        return _("; ").join(str(_said(v)) for v in value)
    return value


def _fill(text: str, fields: dict, spaced: bool = False) -> str:
    """``text`` with its {fields} filled in; a field said later (a Message, an input's name, a code,
    a length of time: ``Said``) is said in the language too, a tuple of them as clauses of one sentence.
    ``spaced`` (Chinese): a field that begins or ends with a Latin letter or a digit is set off by a
    space from a Chinese character next to it, as the catalogue writes its own (``{n} 件``)."""
    if not fields:
        return text
    said = {k: _said(v) for k, v in fields.items()}
    return _spaced(text, said) if spaced else text.format(**said)


def _latin(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def _han(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff"


def _spaced(text: str, fields: dict) -> str:
    """``text.format(**fields)``, with a space between a Chinese character of the text and a
    field's Latin letter or digit where they meet (``{n} 件投诉和{m}`` -> ``84 件投诉和 44 个客户``).
    Only where a field meets the text: a field's own value (data) is never changed."""
    import string

    formatter = string.Formatter()
    out: list[str] = []
    latin_end = False
    for literal, name, spec, conversion in formatter.parse(text):
        if literal:
            if latin_end and _han(literal[0]):
                out.append(" ")
            out.append(literal)
        latin_end = False
        if name is None:
            continue
        value = formatter.convert_field(formatter.get_field(name, (), fields)[0], conversion)
        piece = formatter.format_field(value, formatter.vformat(spec, (), fields) if spec else "")
        if piece and _latin(piece[0]) and out and out[-1] and _han(out[-1][-1]):
            out.append(" ")
        out.append(piece)
        latin_end = bool(piece) and _latin(piece[-1])
    return "".join(out)


def _(msgid: str, /, **fields: object) -> str:
    """``msgid`` (the English text) in the chosen language, its ``{fields}`` filled in."""
    catalogue = _active()
    if catalogue is None:
        return _fill(msgid, fields)
    return _fill(catalogue.MESSAGES.get(msgid, msgid), fields, spaced=True)


def pgettext(context: str, msgid: str, /, **fields: object) -> str:
    """``msgid`` in the sense ``context`` gives it (gettext's msgctxt): a report's ``Received`` is a
    count (受理), a table's the time (受理时间). The catalogue keys it ``context\x04msgid``."""
    catalogue = _active()
    if catalogue is None:
        return _fill(msgid, fields)
    return _fill(catalogue.MESSAGES.get(f"{context}\x04{msgid}", msgid), fields, spaced=True)


def ngettext(singular: str, plural: str, n: int, /, **fields: object) -> str:
    """The form of a message for the count ``n`` (``{n}`` is filled in too)."""
    catalogue = _active()
    forms = catalogue.MESSAGES.get(singular) if catalogue is not None else None
    if forms is None or catalogue is None:
        text = singular if n == 1 else plural
    elif isinstance(forms, str):
        text = forms
    else:
        text = forms[catalogue.plural(n)]
    return _fill(text, {"n": n, **fields}, spaced=catalogue is not None)


def N_(msgid: str) -> str:
    """Marks a text kept in a constant as a message id; ``_()`` translates it where it is shown."""
    return msgid


class Said(str):
    """A value made where its reader is not known yet (core's messages and the fields in them): as a
    str, its English text (for machine formats, files and logs); ``said()``, what a person reads, in
    the language in force. Message is one; i18n/said.py has the others (an input's name, a step the
    caller can take, a code, a length of time)."""

    def said(self) -> str:
        return str(self)


class Message(Said):
    """A message made where the language of its reader is not known yet (core's findings, a value
    kept for JSON): the English text, as a str, for machine formats and logs, and its id and
    fields, so that what shows it to a person says it in their language (``translated()``, or
    ``shown()``). Made with ``L_`` (``nL_`` for a count)."""

    msgid: str
    fields: dict
    plural: str | None
    n: int | None

    def __new__(cls, msgid: str, fields: dict, plural: str | None = None, n: int | None = None):
        chosen = msgid if plural is None or n == 1 else plural
        all_fields = {k: "; ".join(map(str, v)) if isinstance(v, tuple) else v for k, v in fields.items()}
        if plural is not None:
            all_fields = {"n": n, **all_fields}
        english = chosen.format(**all_fields) if all_fields else chosen
        made = super().__new__(cls, english)
        made.msgid, made.fields, made.plural, made.n = msgid, fields, plural, n
        return made

    def translated(self) -> str:
        if self.plural is not None:
            return ngettext(self.msgid, self.plural, self.n or 0, **self.fields)
        return _(self.msgid, **self.fields)

    said = translated

    def __reduce__(self):  # crosses process boundaries (import's reader) whole
        return (Message, (self.msgid, self.fields, self.plural, self.n))


def L_(msgid: str, /, **fields: object) -> Message:
    """A message said later, in the reader's language: English wherever it is used as text."""
    return Message(msgid, fields)


def nL_(singular: str, plural: str, n: int, /, **fields: object) -> Message:
    """A message for the count ``n`` said later (``L_`` with ``ngettext``'s forms)."""
    return Message(singular, fields, plural, n)


def shown(text: object) -> object:
    """What a person reads for ``text``: a Message in the chosen language, anything else as it is."""
    return text.said() if isinstance(text, Said) else text


def joined(items, /) -> str:
    """Items of a list as a sentence lists them: ``a, b, c`` (Chinese ``a、b、c``)."""
    return _(", ").join(str(shown(i)) for i in items)


def clauses(items, /) -> str:
    """Clauses of one sentence: ``a; b`` (Chinese ``a；b``)."""
    return _("; ").join(str(shown(i)) for i in items)


def _language(value: str) -> str:
    """'zh-Hant', 'zh_TW.UTF-8', 'zh_HK', 'zh-CN', 'zh', 'en_US' -> 'zh-Hant', 'zh' or 'en'."""
    code = value.strip().lower().replace("_", "-").split(".")[0]
    if not code.startswith("zh"):
        return "en"
    traditional = any(part in ("hant", "tw", "hk", "mo") for part in code.split("-")[1:])
    return "zh-Hant" if traditional and "zh-Hant" in CATALOGUES else "zh"


def lang() -> str:
    """The language in force: 'en', 'zh' or 'zh-Hant' (Traditional, for Taiwan and Hong Kong).
    The language of ``speaking()`` (``english()``) inside it; else the run's --lang; else COMPLAINTCTL_LANG, else a Chinese
    locale, else English."""
    spoken = _speaking.get()
    if spoken:
        return spoken
    from complaintctl.context import current

    chosen = (current().lang or os.environ.get("COMPLAINTCTL_LANG", "")).strip()
    if chosen:
        return _language(chosen)
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var)
        if value:
            return _language(value)
    return "en"


def set_lang(value: str | None) -> None:
    """``--lang``: this run's language, whatever the environment says (for this run only)."""
    from complaintctl.context import current

    current().lang = _language(value) if value else None


_speaking: ContextVar[str | None] = ContextVar("complaintctl_speaking", default=None)


@contextlib.contextmanager
def speaking(language: str):
    """``language`` ('en', 'zh', 'zh-Hant') for what is made inside, whatever this run's language:
    a chat message is written in its webhook's language, not in the language of whoever ran the
    command that sent it."""
    token = _speaking.set(_language(language))
    try:
        yield
    finally:
        _speaking.reset(token)


def english():
    """English for what is made inside, whatever the language: machine formats (CSV) keep one
    set of labels, so a script does not break when LANG changes."""
    return speaking("en")


def zh() -> bool:
    """Whether the language in force is Chinese (either script)."""
    return lang() != "en"
