"""The fields of a message that only its reader's interface can say: which input it is about, the
step to take next, a code, a length of time.

core/ speaks in facts: an error names the input it is about by its parameter name
(``Input("limit")``) and the step that would help by its operation and inputs (``Step("reopen",
7, reason=L_("TEXT"))``), never as a command line spells them. The interface in use says them its
way: the CLI puts ``cli.spelling.spell`` in its run's context (``RunContext.spelling``), so a person reads ``--limit``
and `` `complaintctl reopen 7 --reason TEXT` ``; anything else (a library caller, a log, a file)
reads the plain English: ``limit``, ``reopen 7 reason=TEXT``.

``Code`` is a code as people read it (a taxonomy code as its label in Chinese, a fixed code of the
tool as its phrase), ``Duration`` a number of minutes as people say it (``2h 15m``, ``95 天 21 小时``).
As str, each is its English text, so a message stays plain text wherever it is not shown to a
person."""

from __future__ import annotations

from collections.abc import Callable

from complaintctl.i18n import Said


def _spelling() -> Callable[[Said], str] | None:
    """How this run's interface says an Input or a Step (the CLI: as flags and command lines);
    None: as their plain names."""
    from complaintctl.context import current

    return current().spelling


def _plain(value: object) -> str:
    return value.said() if isinstance(value, Said) else str(value)


class Input(Said):
    """One of the caller's inputs, by its parameter name (``limit``, ``reassign_to``)."""

    name: str

    def __new__(cls, name: str):
        made = super().__new__(cls, name)
        made.name = name
        return made

    def said(self) -> str:
        spelling = _spelling()
        return spelling(self) if spelling is not None else self.name

    def __reduce__(self):
        return (Input, (self.name,))


class Step(Said):
    """An operation the caller can take next: ``command`` (``reopen``, ``agents deactivate``), its
    positional ``args`` and its ``options`` by parameter name (True: a switch given; a Message: a
    placeholder such as TEXT, said in the reader's language)."""

    command: str
    args: tuple
    options: dict

    def __new__(cls, command: str, *args: object, **options: object):
        made = super().__new__(cls, " ".join([command, *(str(a) for a in args),
                                              *(f"{k}={v}" if v is not True else k for k, v in options.items())]))
        made.command, made.args, made.options = command, args, options
        return made

    def said(self) -> str:
        spelling = _spelling()
        if spelling is not None:
            return spelling(self)
        return " ".join([self.command, *(_plain(a) for a in self.args),
                         *(f"{k}={_plain(v)}" if v is not True else k for k, v in self.options.items())])

    def __reduce__(self):
        return (_step, (self.command, self.args, self.options))


def _step(command: str, args: tuple, options: dict) -> Step:
    return Step(command, *args, **options)


class Code(Said):
    """A code of ``kind`` as people read it: a taxonomy code (``status``, ``severity``, ...) as its
    label in Chinese, a fixed code of the tool (i18n.words.WORDS: ``action``, ``clock``, ...) as its
    phrase; as str, the code."""

    kind: str
    code: str

    def __new__(cls, kind: str, code: str):
        made = super().__new__(cls, code)
        made.kind, made.code = kind, code
        return made

    def said(self) -> str:
        from complaintctl.i18n import words

        if self.kind in words.WORDS:
            return words.word(self.kind, self.code) or self.code
        return words.label(self.kind, self.code) or self.code

    def __reduce__(self):
        return (Code, (self.kind, self.code))


class Field(Said):
    """A field of an import as people read it: in English its code (what `--map HEADER=FIELD` takes,
    ``received``), in another language its name there (受理时间); as str, the code."""

    # import fields named after a column of their own
    COLUMNS = {"received": "received_at", "closed": "closed_at"}

    def said(self) -> str:
        from complaintctl.i18n import lang, words

        if lang() == "en":
            return str(self)
        name = self.COLUMNS.get(str(self), str(self))
        return words.word("field", name) if name in words.WORDS["field"] else str(self)

    def __reduce__(self):
        return (Field, (str(self),))


class Duration(Said):
    """A length of time in minutes as people say it (i18n.words.duration); as str, in English."""

    minutes: float

    def __new__(cls, minutes: float):
        from complaintctl.i18n import english, words

        with english():
            made = super().__new__(cls, words.duration(minutes))
        made.minutes = minutes
        return made

    def said(self) -> str:
        from complaintctl.i18n import words

        return words.duration(self.minutes)

    def __reduce__(self):
        return (Duration, (self.minutes,))


class Listed(Said):
    """Items of a list as a sentence lists them (i18n.joined: ``a, b, c``, Chinese ``a、b、c``), each
    said in the reader's language; ``last`` "or" / "and" joins the last item with that word
    (``a, b or c``). As str, in English."""

    items: tuple
    last: str | None

    def __new__(cls, items, last: str | None = None):
        items = tuple(items)
        words = [str(i) for i in items]
        english = (", ".join(words[:-1]) + f" {last} " + words[-1]) if last and len(words) > 1 else ", ".join(words)
        made = super().__new__(cls, english)
        made.items, made.last = items, last
        return made

    def said(self) -> str:
        from complaintctl.i18n import _, joined, shown

        if not self.last or len(self.items) < 2:
            return joined(self.items)
        rest, last = joined(self.items[:-1]), shown(self.items[-1])
        return _("{items} or {last}", items=rest, last=last) if self.last == "or" else \
            _("{items} and {last}", items=rest, last=last)

    def __reduce__(self):
        return (Listed, (self.items, self.last))


def either(*names: str) -> Listed:
    """Inputs of which the caller gives one: ``a, b or c`` (the CLI: ``--a, --b or --c``)."""
    return Listed((Input(name) for name in names), "or")


def both(*names: str) -> Listed:
    """Inputs that go together: ``a and b``."""
    return Listed((Input(name) for name in names), "and")
