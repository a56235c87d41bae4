"""Writing output files atomically: a reader (or cron's next step) never sees half a file.

Which paths may be written, and with which mode, is decided by complaintctl/files.py.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from complaintctl.errors import InvalidInput
from complaintctl.files import give_mode, output_target


@contextmanager
def atomic_open(path: str | os.PathLike, *, encoding: str | None = "utf-8") -> Iterator:
    """A stream to ``path``: a temporary file beside it (its directory is created if need be),
    flushed to disk and renamed over ``path`` on success; on failure ``path`` is left as it
    was. A device or pipe is written directly. ``encoding`` None: a binary stream."""
    target, direct = output_target(path)
    if direct:
        with _open_direct(target, encoding) as stream:
            yield stream
        return
    directory = target.parent
    try:  # `--output reports/2026-W47.html` from cron should not fail on the first run
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InvalidInput(f"cannot create directory {directory}: {exc.strerror}") from None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    except OSError as exc:
        raise InvalidInput(f"cannot write to {directory}: {exc.strerror}") from None
    try:
        with (os.fdopen(fd, "wb") if encoding is None else os.fdopen(fd, "w", encoding=encoding, newline="")) as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
            give_mode(stream.fileno(), target)
        os.replace(tmp, target)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


@contextmanager
def _open_direct(target: Path, encoding: str | None) -> Iterator:
    try:
        handle = open(target, "wb") if encoding is None else open(target, "w", encoding=encoding, newline="")  # noqa: SIM115
    except OSError as exc:
        raise InvalidInput(f"cannot write to {target}: {exc.strerror}") from None
    with handle:
        yield handle
