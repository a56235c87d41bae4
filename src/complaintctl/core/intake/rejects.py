"""The rejects file, and the commonest reasons for the summary."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any, TextIO

from complaintctl.errors import InvalidInput
from complaintctl.i18n import L_
from complaintctl.i18n.said import Input
from complaintctl.spreadsheet import CsvWriter


def default_rejects_path(source_file: str) -> Path:
    """Where a file's rejected rows go unless --rejects says: beside it (calls.csv ->
    calls.rejects.csv); in the current folder for stdin, or when the file's folder cannot be
    written (a read-only share, an export on a mounted drive)."""
    import os

    if source_file == "-":
        return Path("import.rejects.csv")
    beside = Path(source_file).with_suffix(".rejects.csv")
    if os.access(beside.parent, os.W_OK | os.X_OK) and (not beside.exists() or os.access(beside, os.W_OK)):
        return beside
    return Path(beside.name)


def _check_writable(path: Path) -> None:
    """Refuse, before any row is written, a rejects file that could not be opened at the first reject."""
    import os

    folder = path.parent if str(path.parent) else Path(".")
    if path.exists() and not os.access(path, os.W_OK):
        reason = L_("it cannot be written")
    elif not path.exists() and not os.access(folder, os.W_OK | os.X_OK):
        reason = L_("no folder to write it in") if not folder.is_dir() else L_("its folder cannot be written")
    else:
        return
    raise InvalidInput(L_("cannot write the rejects file {file}: {why}", file=path, why=reason),
                       hint=L_("choose another place with {rejects} PATH", rejects=Input("rejects")))


class Rejects:
    """The rejects file: line, reason and the original values, opened on the first reject."""

    def __init__(self, path: Path | None, headers: list[str] | None):
        if path is not None:
            from complaintctl.files import check_output_path

            check_output_path(path)  # never the database, a backup or a device to rename over
            _check_writable(path)
        self.path = path
        self.headers = headers
        self.fields: list[tuple[str, str | None]] = []  # (field, extra key) per column, for rows as read
        self.file: TextIO | None = None
        self.writer: CsvWriter | None = None
        self.kinds: dict[object, list] = {}  # the kind of a reason (kind_of) -> [count, first line, first reason]

    def add(self, line: int, reason: str, record: Any, rejected: bool = True) -> None:
        """Write one row not imported; ``rejected`` False for a duplicate kept for the record, which
        is not counted among the reasons rows were rejected."""
        if rejected:
            kind = kind_of(reason)
            seen = self.kinds.get(kind)
            if seen is None:
                if len(self.kinds) < 1000:
                    self.kinds[kind] = [1, line, reason]
            else:
                seen[0] += 1
        if self.path is None:
            return
        if self.file is None:
            try:
                self.file = open(self.path, "w", encoding="utf-8-sig", newline="")  # noqa: SIM115
            except OSError as exc:
                raise InvalidInput(L_("cannot write the rejects file {file}: {why}", file=self.path, why=exc.strerror),
                                   hint=L_("choose another place with {rejects} PATH", rejects=Input("rejects"))) from None
            # the one CSV writer; the BOM is the file's encoding, the line ends CRLF as Excel writes them
            self.writer = CsvWriter(self.file, excel=False, crlf=True)
            self.writer.writerow(["line", "reason", *(self.headers or ["record"])])
        if isinstance(record, list):
            cells = list(record)
        elif isinstance(record, dict) and self.headers and any(h in record for h in self.headers):
            cells = [record.get(h, "") for h in self.headers]
        elif isinstance(record, dict) and self.fields:  # a row as read: each value under its column
            extra = json.loads(record["extra"]) if isinstance(record.get("extra"), str) else {}
            cells = [_as_read(record, extra, field, key) for field, key in self.fields]
        else:
            cells = [json.dumps(record, ensure_ascii=False, default=str)]
        cut = [(i, len(c)) for i, c in enumerate(cells) if isinstance(c, str) and len(c) > REJECT_CELL_MAX]
        for i, _length in cut:
            cells[i] = cells[i][:REJECT_CELL_MAX - 1] + "…"
        reason = str(reason)  # the file's reason column: English whatever the language, for scripts and searches
        if cut:
            reason += "; " + ", ".join(f"column {i + 1} cut to {REJECT_CELL_MAX:,} of its {n:,} characters here "
                                       "(the whole value is in the file imported)" for i, n in cut)
        if self.writer is not None:  # opened above, once there is a path to write to
            self.writer.writerow([line, reason, *cells])

    def close(self) -> None:
        if self.file:
            self.file.close()

    def remove_stale(self) -> bool:
        """After a run that rejected nothing: remove a rejects file an earlier run left at this
        path (one this tool wrote: its header starts line,reason), so no stale rows are fixed twice.
        Returns whether one was removed."""
        path = self.path
        if path is None or self.file is not None or not path.is_file():
            return False
        try:
            with open(path, encoding="utf-8-sig", newline="") as f:
                head = f.readline()
        except (OSError, UnicodeDecodeError):
            return False
        if not head.startswith("line,reason"):
            return False
        try:
            path.unlink()
        except OSError:
            return False
        return True

    def top_reasons(self, n: int = 5) -> list[dict]:
        """The commonest kinds of rejection, with the first row of each: what to fix first."""
        ranked = sorted(self.kinds.values(), key=lambda k: (-k[0], k[1]))[:n]
        return [{"rows": count, "first_line": line, "reason": reason} for count, line, reason in ranked]


_REASON_VALUES = re.compile(r"'[^']*'")


def kind_of(reason: str) -> object:
    """What rows rejected for the same reason share, whatever their values: a Message's id with its
    fields, less the values it quotes (``cannot read {what} {text!r}``: the field, not the text); for
    a plain text (a system's own words), the text with its quoted values blanked."""
    msgid = getattr(reason, "msgid", None)
    if msgid is None:
        return _REASON_VALUES.sub("'…'", reason.split(" (valid:")[0])
    import string

    quoted = {name for _, name, _, conversion in string.Formatter().parse(msgid) if name and conversion == "r"}
    fields = reason.fields  # type: ignore[attr-defined]
    return (msgid, tuple((k, _kind_of_field(v)) for k, v in sorted(fields.items())
                         if k not in quoted and k not in ("valid", "n", "first", "last", "was", "new")))


def _kind_of_field(value: object) -> object:
    """A field of a reason as kind_of keeps it: a text (a Message) by its kind, clauses each by theirs."""
    if isinstance(value, str):
        return kind_of(value)
    if isinstance(value, tuple):
        return tuple(_kind_of_field(v) for v in value)
    return value
# A rejected cell longer than this is cut in the rejects file: what a spreadsheet cell holds (Excel's
# limit), so the file opens whole in one, and a 300-million-character cell does not become a 300 MB file.
REJECT_CELL_MAX = 32_767
_TIME_FIELDS = {"received": "received_at", "closed": "closed_at"}


def _as_read(record: dict, extra: dict, field: str, key: str | None) -> Any:
    """A row's value for one column of the file (converted as imported: codes, UTC times)."""
    if key is not None:
        return extra.get(key, "")
    value = record.get(_TIME_FIELDS.get(field, field), "")
    return "" if value is None else value


