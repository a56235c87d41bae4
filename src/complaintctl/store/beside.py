"""Work on a database in a second thread, on a read-only connection of its own.

SQLite releases the GIL while it runs a statement, so two long reads of one file (`check
--quick`'s PRAGMA quick_check and its data checks) take about half as long on two cores as one
after the other. A connection belongs to the thread that made it: the work opens its own.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Generic, TypeVar

from complaintctl.store.engine import Connection

T = TypeVar("T")


class Beside(Generic[T]):
    """``work(connection)`` running in a thread; ``result()`` waits for it and returns what it
    returned, or raises what it raised."""

    def __init__(self, path: Path, work: Callable[[Connection], T]):
        self.path, self.work = path, work
        self.value: list[T] = []  # the work's result, once it is done
        self.error: BaseException | None = None
        self.thread = threading.Thread(target=self._run, name="beside", daemon=True)

    @classmethod
    def start(cls, conn: Connection, work: Callable[[Connection], T]) -> Beside[T] | None:
        """Start ``work`` on the file ``conn`` reads; None for an in-memory database or a server's
        (PostgreSQL runs each connection's statements in a process of its own anyway)."""
        from complaintctl.store.catalog import database_file

        name = database_file(conn)
        if not name:
            return None
        beside = cls(Path(name), work)
        beside.thread.start()
        return beside

    def _run(self) -> None:
        from complaintctl.store.db import open_readonly

        try:
            own = open_readonly(self.path)
            try:
                self.value.append(self.work(own))
            finally:
                own.close()
        except BaseException as exc:  # noqa: BLE001 (raised again by result(), in the calling thread)
            self.error = exc

    def result(self) -> T:
        self.thread.join()
        if self.error is not None:
            raise self.error
        return self.value[0]
