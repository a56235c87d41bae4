"""The import's progress bar: rich, on stderr, only on a terminal."""

from __future__ import annotations


class ImportProgress:
    """A rich progress bar on stderr with rows/s; only on a terminal."""

    def __init__(self, total_bytes: int | None):
        from rich.console import Console
        from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TimeRemainingColumn

        self.bar = Progress(TextColumn("importing"), BarColumn(), DownloadColumn(),
                            TextColumn("{task.fields[rows]:,} rows  {task.fields[rate]:,.0f} rows/s"),
                            TimeRemainingColumn(), console=Console(stderr=True), transient=True)
        self.task = self.bar.add_task("import", total=total_bytes or None, rows=0, rate=0.0)
        import time

        self.clock = time.monotonic
        self.start = self.clock()
        self.bar.start()

    def update(self, done_bytes: int, rows: int) -> None:
        elapsed = max(self.clock() - self.start, 1e-6)
        self.bar.update(self.task, completed=done_bytes, rows=rows, rate=rows / elapsed)

    def stop(self) -> None:
        self.bar.stop()
