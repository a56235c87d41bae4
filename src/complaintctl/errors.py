"""The one error type for user mistakes, turned into one stderr line by the CLI."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """Every exit code the tool uses, in one place (README's table says the same)."""

    OK = 0
    FAILED = 1  # not found, conflict, refused
    USAGE = 2  # bad usage or invalid input
    REJECTED = 3  # import finished but rejected some rows
    SLA_BELOW = 4  # report --fail-if-sla-below: compliance below the threshold
    INTERRUPTED = 130  # Ctrl-C, as a shell reports SIGINT



class ComplaintError(Exception):
    """A mistake the user can fix: what was wrong, and how to do it right."""

    exit_code: int = ExitCode.FAILED

    def __init__(self, message: str, hint: str | None = None, exit_code: int | None = None):
        super().__init__(message)
        self.message = message
        self.hint = hint
        if exit_code is not None:
            self.exit_code = exit_code

    def __str__(self) -> str:
        return f"{self.message} ({self.hint})" if self.hint else self.message

    def said(self) -> str:
        """The error as a person reads it, in their language (``str()`` stays as written: it
        goes into files such as an import's rejects)."""
        from complaintctl.i18n import _, shown

        message = shown(self.message)
        return _("{message} ({hint})", message=message, hint=shown(self.hint)) if self.hint else str(message)

    @property
    def inputs(self) -> tuple[str, ...]:
        """Which of the caller's inputs the error is about, by parameter name (``("limit",)``):
        the ``Input`` fields of its message and hint (i18n/said.py). An interface turns them into
        its own advice (the CLI: ``--limit``); core never names a flag."""
        from complaintctl.i18n.said import Input

        found: list[str] = []

        def visit(value: object) -> None:
            if isinstance(value, Input):
                found.append(value.name)
            for field in getattr(value, "fields", {}).values():
                visit(field)

        visit(self.message)
        visit(self.hint)
        return tuple(dict.fromkeys(found))

    def __reduce__(self):
        # keep the hint and exit code when the error crosses a process boundary (import's reader)
        return (self.__class__, (self.message, self.hint, self.exit_code))


class NotFound(ComplaintError):
    exit_code: int = ExitCode.FAILED


class Refused(ComplaintError):
    """A legal request the current state does not allow (illegal move, inactive agent)."""

    exit_code: int = ExitCode.FAILED


class InvalidInput(ComplaintError):
    """Input that can never be right: unknown code, impossible date, empty subject."""

    exit_code: int = ExitCode.USAGE
