"""Click's and Typer's own words in the user's language: usage errors (``Missing option
'--reason'.``), the help page's headings and marks (``Usage:``, ``Options``, ``[required]``,
``[default: table]``), ``Aborted!``, and every command's and option's help text.

Help texts are message ids like any other: written in English in the code (a docstring or a
``help=``), translated when the command tree is built for a run in another language. Click's
messages come from a third party as finished English lines, so they are read here by their
fixed shapes and said again through ``_()``; one that matches no shape is shown as Click wrote
it. tests/test_i18n.py holds these ids to the catalogues like every other."""

from __future__ import annotations

import re
import sys

from complaintctl.i18n import N_, _, lang

# the fixed English words of Click's help page, as message ids
HEADINGS = {"Options": N_("Options"), "Arguments": N_("Arguments"), "Commands": N_("Commands")}
USAGE = N_("Usage: ")
HELP_OPTION = N_("Show this message and exit.")
TRY_HELP = N_("Try '{command} {option}' for help.")
ERROR_LINE = N_("Error: {message}")
ABORTED = N_("Aborted!")

# Click's usage errors, by shape: (pattern, message id of our own with the same fields)
ERRORS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^Missing argument '(?P<name>.+)'\.$"), N_("Missing argument '{name}'.")),
    (re.compile(r"^Missing option '(?P<name>.+)'\.$"), N_("Missing option '{name}'.")),
    (re.compile(r"^Missing parameter: (?P<name>.+)$"), N_("Missing parameter: {name}")),
    (re.compile(r"^No such option: (?P<name>\S+) Did you mean (?P<other>\S+)\?$"),
     N_("No such option: {name} Did you mean {other}?")),
    (re.compile(r"^No such option: (?P<name>\S+) \(Possible options: (?P<other>.+)\)$"),
     N_("No such option: {name} (possible options: {other})")),
    (re.compile(r"^No such option: (?P<name>\S+)$"), N_("No such option: {name}")),
    (re.compile(r"^No such command '(?P<name>.+)'\. Did you mean (?P<other>.+)\?$"),
     N_("No such command '{name}'. Did you mean {other}?")),
    (re.compile(r"^No such command '(?P<name>.+)'\.$"), N_("No such command '{name}'.")),
    (re.compile(r"^Missing command\.$"), N_("Missing command.")),
    (re.compile(r"^Option '(?P<name>.+)' requires an argument\.$"), N_("Option '{name}' requires an argument.")),
    (re.compile(r"^Option '(?P<name>.+)' requires (?P<count>\d+) arguments\.$"),
     N_("Option '{name}' requires {count} arguments.")),
    (re.compile(r"^Option '(?P<name>.+)' does not take a value\.$"), N_("Option '{name}' does not take a value.")),
    (re.compile(r"^Got unexpected extra arguments? \((?P<args>.*)\)$"), N_("Got unexpected extra arguments ({args})")),
    (re.compile(r"^Invalid value for (?P<param>.+?): '(?P<value>.*)' is not a valid (?P<kind>integer|int|float)\.$"),
     N_("Invalid value for {param}: '{value}' is not a number.")),
    (re.compile(r"^Invalid value for (?P<param>.+?): '(?P<value>.*)' is not one of (?P<choices>.+)\.$"),
     N_("Invalid value for {param}: '{value}' is not one of {choices}.")),
    (re.compile(r"^Invalid value for (?P<param>.+?): (?P<value>\S+) is not in the range (?P<range>.+)\.$"),
     N_("Invalid value for {param}: {value} is not in the range {range}.")),
    (re.compile(r"^Invalid value for (?P<param>.+?): (?P<detail>.+)$", re.S), N_("Invalid value for {param}: {detail}")),
    (re.compile(r"^Invalid value: (?P<detail>.+)$", re.S), N_("Invalid value: {detail}")),
]
# the marks Typer puts after an option's help: [default: table], [required], [env var: X], joined by "; "
MARKS = re.compile(r"\[(?P<inner>(?:default|required|env var|[\d.]+<=x|x>=|x<=|x>|x<)[^\[\]]*)\]$")
# a number's range as Click marks it ([1<=x<=60], [x>=1])
RANGES = [(re.compile(r"^(?P<low>[\d.]+)<=x<=(?P<high>[\d.]+)$"), N_("{low} to {high}")),
          (re.compile(r"^x>=(?P<low>[\d.]+)$"), N_("{low} or more")),
          (re.compile(r"^x<=(?P<high>[\d.]+)$"), N_("{high} or less"))]
# what Typer writes after an option for the kind of value it takes (--limit <int>)
TYPES = {"str": N_("text"), "int": N_("whole number"), "int range": N_("whole number"), "float": N_("number"),
         "float range": N_("number"), "path": N_("path"), "file": N_("file"), "datetime": N_("time")}
TYPE_MARK = re.compile(r"<(?P<kind>[a-z]+(?: range)?)>")
# an argument Typer names by its parameter (``{name}``, ``[kind]``): a placeholder, in capitals as ID is
ARGUMENT = re.compile(r"(?<=[{\[])(?P<name>[a-z][a-z_]*)(?=[}\]])|^(?P<term>[a-z][a-z_]*)$")


def usage_error_text(message: str) -> str:
    """Click's message for a usage error, in the chosen language (as Click wrote it when its
    shape is unknown). A detail that is our own message (a BadParameter we raised) is already
    translated."""
    for pattern, msgid in ERRORS:
        match = pattern.match(message)
        if match:
            return _(msgid, **match.groupdict())
    return message


def _mark(part: str) -> str:
    if part == "required":
        return _("required")
    name, _sep, value = part.partition(": ")
    if name == "default":
        return _("default: {value}", value=value)
    if name == "env var":
        return _("env var: {value}", value=value)
    for pattern, msgid in RANGES:
        match = pattern.match(part)
        if match:
            return _(msgid, **match.groupdict())
    return part


def _term(text: str) -> str:
    """A usage line or an option's term in the language: a value's kind said (``<文字>``), an
    argument's name as a placeholder (``NAME``)."""
    text = TYPE_MARK.sub(lambda m: "<" + _(TYPES[m["kind"]]) + ">" if m["kind"] in TYPES else m[0], text)
    return ARGUMENT.sub(lambda m: (m["name"] or m["term"]).upper(), text)


def _help_column(text: str) -> str:
    """An option's help with Typer's marks after it ([default: ...; required]) in the language."""
    if text == HELP_OPTION:  # the help option is made afresh for each page, outside the tree
        return _(HELP_OPTION)
    return MARKS.sub(lambda m: "[" + _("; ").join(_mark(p) for p in m.group("inner").split("; ")) + "]", text)


def wrap_wide_text(text: str, width: int, initial_indent: str = "", subsequent_indent: str = "",
                   preserve_paragraphs: bool = False, *, plain=None) -> str:
    """Click's wrap_text (``plain``) for text with Chinese in it: lines broken between characters
    (Chinese has no spaces to break at) and measured in columns (a Chinese character takes two)."""
    from complaintctl.render.table import wrap_wide

    if text.isascii() and plain is not None:
        return plain(text, width, initial_indent, subsequent_indent, preserve_paragraphs)
    paragraphs = re.split(r"\n\s*\n", text) if preserve_paragraphs else [text]
    out = []
    for paragraph in paragraphs:
        lines = wrap_wide(" ".join(paragraph.split()), width - len(initial_indent), subsequent_indent)
        out.append("\n".join(initial_indent + line if i == 0 else line for i, line in enumerate(lines)))
    return "\n\n".join(out)


def _formatter_class(base: type) -> type:
    class TranslatingFormatter(base):
        def _wide(self, write, *args, **kwargs) -> None:
            """Click's ``write``, its text wrapped as Chinese is (wrap_wide_text). Typer ships its
            own copy of Click: the wrap swapped is the one of the module the formatter comes from."""
            import functools

            from complaintctl.render.table import text_width

            module = sys.modules[base.__module__]
            plain, length = getattr(module, "wrap_text"), getattr(module, "term_len")  # noqa: B009 - Click's, untyped
            setattr(module, "wrap_text", functools.partial(wrap_wide_text, plain=plain))  # noqa: B010
            setattr(module, "term_len", lambda text: text_width(re.sub(r"\033\[[;?0-9]*[a-zA-Z]", "", text)))  # noqa: B010
            try:
                write(*args, **kwargs)
            finally:
                setattr(module, "wrap_text", plain)  # noqa: B010
                setattr(module, "term_len", length)  # noqa: B010

        def write_text(self, text: str) -> None:
            self._wide(super().write_text, text)

        def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
            super().write_usage(prog, _term(args), prefix=_(USAGE) if prefix is None else prefix)

        def section(self, name: str):
            return super().section(_(HEADINGS.get(name, name)))

        def write_dl(self, rows, *args, **kwargs) -> None:
            self._wide(super().write_dl, [(_term(term), _help_column(text)) for term, text in rows], *args, **kwargs)

    return TranslatingFormatter


def help_texts(command) -> list[str]:
    """Every help text of a command tree (commands, their short help, options, arguments), as
    written in the code: the message ids of the help pages."""
    found = []
    for cmd in _walk(command):
        found += [t for t in (cmd.help, cmd.short_help) if t]
        found += [p.help for p in cmd.params if getattr(p, "help", None)]
    return found


def _walk(command):
    yield command
    for sub in getattr(command, "commands", {}).values():
        yield from _walk(sub)


def _short_help(text: str | None, language: str) -> str | None:
    """A command's line in its group's list: Click's own (the first sentence, cut at a word) in
    English; in Chinese, which has no spaces to cut at, the first sentence, cut after a comma."""
    if not text or language == "en":
        return None
    from complaintctl.render.table import text_width

    first = re.split(r"(?<=[。！？])", " ".join(text.split()), maxsplit=1)[0]
    while text_width(first) > 60 and re.search(r"[，、；：]", first[:-1]):
        first = re.sub(r"[，、；：][^，、；：]*$", "", first[:-1]) + "…"
    return first


def translate_tree(command) -> None:
    """Put every help text of the command tree, and the help page's own words, in the language in
    force. The English texts are kept on each object, so a tree built once and run in several
    languages (the tests) is right in each; English costs one comparison."""
    language = lang()
    if getattr(command, "_translated_to", "en") == language:
        return
    for cmd in _walk(command):
        if not hasattr(cmd, "_english"):
            cmd._english = (cmd.help, cmd.short_help, [getattr(p, "help", None) for p in cmd.params])
            context = cmd.context_class

            class TranslatingContext(context):  # type: ignore[misc, valid-type]
                formatter_class = _formatter_class(context.formatter_class)

            cmd.context_class = TranslatingContext
        help_text, short_help, params = cmd._english
        cmd.help = _(help_text) if help_text else help_text
        cmd.short_help = _(short_help) if short_help else _short_help(cmd.help, language)
        for param, text in zip(cmd.params, params, strict=True):
            if text:
                param.help = _(text)
    command._translated_to = language


def is_click_error(exc: BaseException) -> bool:
    """Click's own exceptions (a usage error, a bad parameter), known by what they offer."""
    return hasattr(exc, "format_message") and hasattr(exc, "show") and hasattr(exc, "exit_code")


def translating(exc):
    """``exc`` (a Click error) made to show itself in the user's language when Click shows it."""
    if lang() != "en":
        exc.show = lambda file=None: show_usage_error(exc)
    return exc


def show_usage_error(exc) -> None:
    """A usage error as Click shows it (usage line, where to find help, the error), in the user's
    language."""
    ctx = getattr(exc, "ctx", None)
    lines = []
    if ctx is not None:
        lines.append(ctx.get_usage())
        if ctx.command.get_help_option(ctx) is not None:
            lines.append(_(TRY_HELP, command=ctx.command_path, option=ctx.help_option_names[0]))
        lines.append("")
    lines.append(_(ERROR_LINE, message=usage_error_text(exc.format_message())))
    sys.stderr.write("\n".join(lines) + "\n")


def show_aborted() -> None:
    sys.stderr.write(_(ABORTED) + "\n")
