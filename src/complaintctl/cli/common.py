"""What every command shares: the database and actor, the error handler, id parsing."""

from __future__ import annotations

import contextlib
import functools
import os
import sys

import typer

from complaintctl.errors import ComplaintError, ExitCode, InvalidInput
from complaintctl.i18n import N_, _, shown
from complaintctl.render.output import Format

ENV_ACTOR = "COMPLAINTCTL_ACTOR"


class State:
    """The CLI's view of the run in force (complaintctl/context.py): its database and actor, and its
    one connection. Holds nothing itself: each run's values live in that run's RunContext, so a
    run never sees the one before it."""

    @property
    def run(self):
        from complaintctl.context import current

        return current()

    @property
    def db(self) -> str | None:
        return self.run.db

    @property
    def actor(self) -> str | None:
        return self.run.actor

    @property
    def debug(self) -> bool:
        return self.run.debug

    @property
    def may_create(self) -> bool:
        return self.run.may_create

    @may_create.setter
    def may_create(self, value: bool) -> None:
        self.run.may_create = value

    @property
    def drafts(self) -> list:
        return self.run.drafts

    @property
    def db_path(self):
        from complaintctl.core.trust.database import database_path

        return database_path(self.db)

    def connect(self, *, scratch_if_missing: bool = False, announce: bool = True):
        """The database of this invocation, brought up to date. Only a command marked
        @creates_database creates a missing file: nothing that only reads creates anything.
        ``scratch_if_missing``: a command that writes nothing (import --dry-run) works on an
        empty database in a temporary folder, removed on close, rather than create the file.
        ``announce`` False: a new file is announced by ``announce_new_database`` once the command
        has written to it, or removed by ``discard_new_database`` if it wrote nothing."""
        run = self.run
        if run.conn is None:
            from complaintctl.core.trust.database import exists, open_database

            path, may_create = self.db_path, run.may_create
            if scratch_if_missing and not exists(path):
                import tempfile
                from pathlib import Path

                run.scratch = tempfile.TemporaryDirectory(prefix="complaintctl-")
                path, may_create = Path(run.scratch.name) / "scratch.db", True
            created = may_create and not exists(path) and run.scratch is None
            run.conn = open_database(path, may_create=may_create)
            created = created or getattr(run.conn, "created_desk", False)  # a desk made on a server
            run.created = path if created else None
            self._labels_from(run.conn)
            if created and announce:
                self.announce_new_database()
        return run.conn

    @staticmethod
    def _labels_from(conn) -> None:
        """The taxonomy's Chinese labels come from this database (asked only if one is shown)."""
        from complaintctl.i18n import words

        def load():
            from complaintctl.core.taxonomy.codes import chinese_labels

            return chinese_labels(conn)

        words.use_labels(load)

    def announce_new_database(self) -> None:
        """Say once that this command created the database: a mistyped --db must not quietly start a
        second desk."""
        run = self.run
        path, run.created = run.created, None
        if path is not None:
            from complaintctl.core.trust.database import on_server, shown

            err(_("New database: {path} (`complaintctl info` says which file is in use; --db or COMPLAINTCTL_DB "
                  "chooses another)", path=shown(path)))
            if not on_server(path):
                say_team_mode(path)

    def discard_new_database(self) -> None:
        """Remove the database this command created, when it stopped before writing anything to it:
        a command that stops on bad input leaves no file behind."""
        run = self.run
        path, run.created = run.created, None
        from complaintctl.core.trust.database import on_server

        if path is None or on_server(path):  # a server's database stays (its empty desk with it)
            return
        self.close()
        for suffix in ("", "-wal", "-shm", "-journal"):
            with contextlib.suppress(FileNotFoundError):
                os.remove(f"{path}{suffix}")

    def adopt(self, conn) -> None:
        """Make ``conn`` this invocation's connection (closed with the command)."""
        self.run.conn = conn
        self._labels_from(conn)

    def close(self) -> None:
        run = self.run
        if run.conn is not None:
            run.conn.close()
            run.conn = None
        if run.scratch is not None:
            run.scratch.cleanup()
            run.scratch = None

    def team_zone(self) -> str | None:
        """The team's time zone (`sla calendar set --timezone`), read through the run's one
        connection (opened here when the database exists: the command opens it anyway). A file
        that cannot be opened as a database (`check` or `restore` of a damaged one) has none."""
        from complaintctl.core.sla.calendars import read_team_timezone
        from complaintctl.core.trust.database import exists

        run = self.run
        if run.conn is None:
            if not exists(self.db_path):
                return None
            try:
                self.connect()
            except ComplaintError:
                return None
        return read_team_timezone(run.conn)

    def who(self) -> str:
        """The actor events are recorded as: --actor, else $COMPLAINTCTL_ACTOR, else (on PostgreSQL)
        the database role the session acts as, which the server authenticated, else the login name;
        one line of at most 100 characters."""
        from complaintctl.core.record.fields import check_actor
        from complaintctl.core.trust.database import on_server

        if self.actor and self.actor.strip():
            return check_actor(self.actor)
        env = os.environ.get(ENV_ACTOR)
        if env and env.strip():
            return check_actor(env)
        if on_server(self.db_path):
            return check_actor(self.connect().role)
        import getpass

        try:
            return check_actor(getpass.getuser())
        except Exception:  # no login name in some containers and cron environments
            return "unknown"


STATE = State()


def err(message: str) -> None:
    """One message line on stderr, in the user's language (a Message is said in it); names and
    values from the data in it are shown escaped when stderr is a terminal (a header or subject
    holding ESC must not rewrite the screen)."""
    from complaintctl.render.terminal import safe_stream

    stream = safe_stream(sys.stderr)
    stream.write(str(shown(message)) + "\n")
    stream.flush()


def warn(message: object) -> None:
    """A warning line: ``warning: ...`` (``警告：...``)."""
    err(_("warning: {message}", message=shown(message)))


def error_line(message: object) -> None:
    """An error line: ``error: ...`` (``错误：...``); ``message`` may be the ComplaintError itself."""
    if isinstance(message, ComplaintError):
        message = message.said()
    err(_("error: {message}", message=shown(message)))


def say_team_mode(path) -> None:
    """A database created in a group-writable folder is the group's: say so, and how to keep it private."""
    from complaintctl.core.trust.database import team_sharing

    shared = team_sharing(path)
    if shared:
        err(_("Team mode: {folder} is group-writable ({mode}, group {group}), so {name} and every file written "
              "beside it are read-write for group {group}. To keep it yours alone: chmod g-w {folder} && chmod 600 "
              "{path}*", folder=shared["folder"], mode=shared["mode"], group=shared["group"], name=path.name, path=path))


def creates_database(fn):
    """Mark a command that may create the database file when it does not exist yet (a first
    write: log, import, agents add, taxonomy add, a team setting such as `sla calendar use`, so
    that a new install is set up as docs/guide.md's "A team's day" says); every other command
    refuses a missing file."""
    fn.creates_database = True
    return fn


def handle_errors(fn):
    """The one place user mistakes become a single stderr line and an exit code."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        STATE.may_create = getattr(fn, "creates_database", False)
        succeeded = False
        try:
            result = _run(fn, args, kwargs)
            succeeded = True
            return result
        except typer.Exit as exc:
            succeeded = exc.exit_code == 0
            raise
        finally:
            settle_drafts(kept=not succeeded)

    return wrapper


def settle_drafts(kept: bool) -> None:
    """After a command: delete the text files written in the editor, or, when the command
    failed, say where they are so that nothing typed is lost."""
    for path in STATE.drafts:
        if kept:
            err(_("Your text is kept in {path}.", path=path))
        else:
            path.unlink(missing_ok=True)
    STATE.drafts.clear()


def _run(fn, args, kwargs):
    try:
        return fn(*args, **kwargs)
    except ComplaintError as exc:
        if STATE.debug:
            raise
        error_line(exc)
        raise typer.Exit(exc.exit_code) from None
    except BrokenPipeError:
        # `complaintctl list | head`: the reader left; that is not an error.
        try:
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115
        finally:
            raise typer.Exit(ExitCode.OK) from None
    except KeyboardInterrupt:
        err(_("interrupted"))
        raise typer.Exit(ExitCode.INTERRUPTED) from None
    except (typer.Exit, typer.Abort, typer.BadParameter):
        raise
    except Exception as exc:
        if STATE.debug:
            raise
        from complaintctl.core.trust.database import explain_failure

        failure = explain_failure(exc, STATE.db_path)
        if failure is None:
            error_line(_("internal error: {kind}: {detail} (run with --debug for details)", kind=type(exc).__name__,
                         detail=exc))
            raise typer.Exit(ExitCode.FAILED) from None
        error_line(failure)
        raise typer.Exit(failure.exit_code) from None


DATE_HELP = "ISO, 2026/11/3 14:05, 3 Nov 2026, 2026年11月3日, today, yesterday, 15:30 (today, or yesterday if still to come)"

# The one output option: -f/--format is what a command prints, in every command (import's input
# format is --input-format). Records: table, json, ndjson or csv; reports add text, markdown, html.
FORMAT_HELP = "Output format: table, json, ndjson or csv."
FORMAT_OPTION = typer.Option(Format.table, "--format", "-f", help=FORMAT_HELP)
CHANGE_FORMAT_OPTION = typer.Option(Format.table, "--format", "-f", help="table: a message on stderr; json or "
                                    "ndjson: the whole complaint after the change (as `show -f json`) with its "
                                    "changes; csv: its row as `list` prints it.")

# The output rule of every command that lists many rows (list, search, overdue, sla status,
# followups): a table shows at most TABLE_ROWS and says how many more there are; machine
# formats give everything unless --limit says otherwise.
TABLE_ROWS = 100
LIMIT_OPTION = typer.Option(None, "--limit", "-n", help=f"At most this many; 0 for all [default: {TABLE_ROWS} "
                            "for tables, all otherwise].")


def row_limit(limit: int | None, fmt: str) -> int:
    """--limit as given (0 = all), else TABLE_ROWS for a table and all for other formats."""
    if limit is None:
        return TABLE_ROWS if fmt == "table" else 0
    if limit < 0:
        raise InvalidInput(_("--limit must be 0 (no limit) or more"))
    return limit


def say_more(shown: int, total: int) -> None:
    """The last line under a table that was cut short: how many more, and how to see them."""
    if total > shown:
        err(_("{more:,} more not shown ({shown:,} of {total:,}); use --limit N for more, --limit 0 for all.",
              more=total - shown, shown=shown, total=total))


MAX_ID = 2**63 - 1  # SQLite's largest integer


def parse_id(text: str, what: str = N_("complaint id")) -> int:
    """A positive id as typed (``42``, ``#42``); ``what`` (a message id) names it in the error."""
    cleaned = str(text).strip().lstrip("#")
    if not (cleaned.isascii() and cleaned.isdigit()) or not 0 < int(cleaned) <= MAX_ID:
        raise InvalidInput(_("invalid {what} {text!r}", what=_(what), text=text), hint=_("a number such as 42 or #42"))
    return int(cleaned)


COMPLAINT_HELP = "Complaint id (42, #42) or reference (ref:INC0012, or a reference that is not a number: H1)."
_REF_PREFIX = ("ref:", "ref：")


def which_complaint(text: str, what: str = N_("complaint id")) -> int:
    """A complaint as people name it: its id (42, #42), or its reference (`ref:INC0012`, or any
    text that is not a number, `H1`), as imported complaints are known by their source's number.
    A reference is looked up in the database of this invocation."""
    cleaned = str(text).strip()
    if cleaned[:4].lower() in _REF_PREFIX:
        reference = cleaned[4:].strip()
        if not reference:
            raise InvalidInput(_("invalid {what} {text!r}: no reference after ref:", what=_(what), text=text),
                               hint=_("e.g. ref:INC0012"))
    elif cleaned.lstrip("#").isdigit():  # digits of any script are a number: an id, or refused as one
        return parse_id(cleaned, what)
    elif not cleaned:
        raise InvalidInput(_("invalid {what} {text!r}", what=_(what), text=text),
                           hint=_("a number such as 42 or #42, or a reference: ref:INC0012"))
    else:
        reference = cleaned
    from complaintctl.core.insight.queries import complaint_by_ref

    return complaint_by_ref(STATE.connect(), reference)


def stdin_is_tty() -> bool:
    return hasattr(sys.stdin, "isatty") and sys.stdin.isatty()


def read_stdin_text(what: str) -> str:
    """Standard input as text: UTF-8 (a byte order mark is dropped); anything else is refused
    with the byte that is wrong, never guessed. ``what``: a message id naming it (``N_("query")``)."""
    if stdin_is_tty():
        err(_("Reading the {what} from standard input; end with Ctrl-D.", what=_(what)))
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:  # a text stream given by a caller (tests): already decoded
        return sys.stdin.read()
    data = stream.read()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InvalidInput(_("the {what} on standard input is not UTF-8 text (byte 0x{byte:02x} at position {at})",
                             what=_(what), byte=data[exc.start], at=exc.start),
                           hint=_("convert it first, e.g. iconv -f GB18030 -t UTF-8")) from None


def parse_date_option(value: str | None, what: str, **kwargs):
    if value is None:
        return None
    from complaintctl.core.record.dates import parse_when

    return parse_when(value, what=what, **kwargs)


__all__ = ["STATE", "State", "err", "handle_errors", "parse_id"]
