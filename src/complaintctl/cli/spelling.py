"""How the command line says what core names in facts: an input as its flag (``limit`` ->
``--limit``), a step as the command to type (``Step("reopen", 7, reason=L_("TEXT"))`` ->
`` `complaintctl reopen 7 --reason TEXT` ``). core/ never names a flag (tests/test_core_messages.py);
the root command installs ``spell`` for its run (i18n/said.py)."""

from __future__ import annotations

from complaintctl.i18n import Said
from complaintctl.i18n.said import Input, Step

# inputs whose flag is not --<name with dashes>: parameter name -> flag
FLAGS = {"editor": "-e", "received_at": "--received", "enabled": "--on/--off", "start": "--from", "end": "--to",
         "dayfirst": "--dayfirst/--monthfirst"}
# the root command's options, written before the command (`complaintctl --db B.db check`)
GLOBAL = ("db", "actor", "tz")


def flag(name: str) -> str:
    """The flag that gives the input ``name``."""
    return FLAGS.get(name, "--" + name.replace("_", "-"))


def _value(value: object) -> str:
    return value.said() if isinstance(value, Said) else str(value)


def command_line(step: Step) -> str:
    """``step`` as the command a person types (without the backquotes)."""
    options: dict[str, list[str]] = {"": [], "global": []}
    for name, value in step.options.items():
        if value is False or value is None:
            continue
        options["global" if name in GLOBAL else ""].append(flag(name) if value is True else f"{flag(name)} {_value(value)}")
    return " ".join(["complaintctl", *options["global"], step.command, *(_value(a) for a in step.args), *options[""]])


def spell(item: Said) -> str:
    if isinstance(item, Input):
        return flag(item.name)
    if isinstance(item, Step):
        return f"`{command_line(item)}`"
    return item.said()
