"""Writing output files atomically: a reader (or cron's next step) never sees half a file."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from complaintctl.errors import InvalidInput


@contextmanager
def atomic_open(path: str | os.PathLike, *, encoding: str | None = "utf-8") -> Iterator:
    """A text stream to a temporary file beside ``path`` (its directory is created if need
    be); on success it is flushed to disk and renamed over ``path``; on failure ``path`` is
    left as it was."""
    target = Path(path).expanduser()
    if target.is_dir():
        raise InvalidInput(f"{target} is a directory")
    directory = target.parent if str(target.parent) else Path(".")
    try:  # `--output reports/2026-W47.html` from cron should not fail on the first run
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InvalidInput(f"cannot create directory {directory}: {exc.strerror}") from None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    except OSError as exc:
        raise InvalidInput(f"cannot write to {directory}: {exc.strerror}") from None
    try:
        # encoding None: a binary stream (a workbook)
        with (os.fdopen(fd, "wb") if encoding is None else os.fdopen(fd, "w", encoding=encoding, newline="")) as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, target)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
