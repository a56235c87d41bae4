"""What reaches a terminal: text from subjects, names and files may hold control characters
(ESC starts a sequence that can rewrite the screen or the window title, BEL rings, U+202E
reverses the text after it). Written to a terminal they are shown escaped, as \\u001b; written
to a file or a pipe, the data stays exact."""

from __future__ import annotations

import functools
import re

# C0 controls but tab and newline, DEL, C1 controls, and the bidirectional and line-separator
# characters that change how the rest of a line is drawn. A carriage return before a newline
# ends a line (CSV writes CRLF) and is kept; a bare one could draw over the line, and is escaped.
_UNSAFE = "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]|\r(?!\n)"


@functools.cache
def _unsafe() -> re.Pattern:
    return re.compile(_UNSAFE)  # compiled on first use, not at import


def escape_controls(text: str) -> str:
    """``text`` with each unsafe character written as \\uXXXX (also a valid JSON escape, so JSON
    shown on a terminal still reads back to the same data)."""
    if text.isprintable() or not _unsafe().search(text):
        return text
    return _unsafe().sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def is_terminal(stream) -> bool:
    return hasattr(stream, "isatty") and stream.isatty()


class TerminalSafe:
    """A text stream that escapes unsafe characters on their way to a terminal."""

    def __init__(self, stream):
        self.stream = stream

    def write(self, text: str) -> int:
        return self.stream.write(escape_controls(text))

    def flush(self) -> None:
        self.stream.flush()

    def isatty(self) -> bool:
        return True

    def __getattr__(self, name: str):
        return getattr(self.stream, name)


def safe_stream(stream):
    """``stream`` itself for a file or pipe; wrapped to escape control characters for a terminal."""
    return TerminalSafe(stream) if is_terminal(stream) and not isinstance(stream, TerminalSafe) else stream
