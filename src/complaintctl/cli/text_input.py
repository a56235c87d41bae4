"""Long text for descriptions, notes and resolutions: typed on the command line, read from
standard input (``-``), or written in the user's editor (``-e``, as `git commit` does).

Text written in the editor is kept in its file until the command succeeds: if the change is
refused (an illegal move, say), the error names the file, so nothing typed is lost.
"""

from __future__ import annotations

import os
import sys

from complaintctl.cli.common import STATE, read_stdin_text, stdin_is_tty
from complaintctl.errors import InvalidInput, Refused
from complaintctl.i18n import _, joined

SCISSORS = "# ------------------------ >8 ------------------------"
EDIT_HELP = "Write it in $VISUAL or $EDITOR (a given text or reply is the draft)."


def text_from(value: str | None, *, what: str, edit: bool = False, header: str = "") -> str | None:
    """The text an option stands for: as given, standard input for ``-``, or, with ``edit``,
    what the user writes in their editor (``value``, if any, is the draft). ``what``: a message
    id naming the text (``N_("note")``)."""
    if value == "-":
        if edit:
            raise InvalidInput(_("give the {what} as '-' (standard input) or -e (your editor), not both", what=_(what)))
        return read_stdin_text(what)
    if not edit:
        return value
    return edit_text(value or "", what=what, header=header)


def check_one_stdin(**options: str | None) -> None:
    """Only one option can read standard input in one command."""
    dashes = [f"--{name.replace('_', '-')}" for name, value in options.items() if value == "-"]
    if len(dashes) > 1:
        raise InvalidInput(_("only one option can read standard input, not {options}", options=joined(dashes)),
                           hint=_("give the others as text"))


def editor_command() -> str:
    """$VISUAL, else $EDITOR, else vi on a terminal (git's order); never a hang in a script."""
    for name in ("VISUAL", "EDITOR"):
        value = os.environ.get(name, "").strip()
        if value:
            return value
    import shutil

    if stdin_is_tty() and shutil.which("vi"):
        return "vi"
    raise InvalidInput(_("-e needs an editor: set VISUAL or EDITOR (e.g. export EDITOR=nano)"),
                       hint=_("or give the text as an option, or '-' to read it from standard input"))


def edit_text(draft: str, *, what: str, header: str = "") -> str:
    """Open the editor on ``draft``; return what the user wrote above the scissors line."""
    import subprocess
    import tempfile
    from pathlib import Path

    command = editor_command()
    handle, name = tempfile.mkstemp(prefix=f"complaintctl-{what.replace(' ', '-')}-", suffix=".txt")
    path = Path(name)
    said = _(what)
    guide = [SCISSORS, "# " + _("Do not modify or remove the line above."),
             "# " + _("Write the {what} above it; everything below it is ignored.", what=said),
             "# " + _("An empty {what} changes nothing.", what=said)]
    if header:
        guide += [f"# {line}" if line else "#" for line in header.splitlines()]
    with os.fdopen(handle, "w", encoding="utf-8") as f:
        f.write(draft.rstrip("\n") + "\n\n" + "\n".join(guide) + "\n")
    # The editor gets the terminal, like git's: through the shell, so EDITOR="code --wait" works.
    sys.stdout.flush()
    status = subprocess.call(["sh", "-c", command + ' "$@"', command, str(path)])
    if status != 0:
        raise Refused(_("the editor ({command}) exited with status {status}; nothing was changed", command=command,
                        status=status), hint=_("your text is kept in {path}", path=path))
    text = path.read_text(encoding="utf-8", errors="replace")
    text = text.split(SCISSORS, 1)[0].strip()
    if not text:
        path.unlink(missing_ok=True)
        raise Refused(_("empty {what}: nothing was changed", what=said))
    STATE.drafts.append(path)
    return text

