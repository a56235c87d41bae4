"""Reading, converting and validating a batch at a time, in a forked reader process when the
file is big enough for one to pay off."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import islice

from complaintctl.core.intake.cells import RowError
from complaintctl.core.intake.losttext import has_lost, lost_columns
from complaintctl.core.intake.mapping import ColumnPlan
from complaintctl.core.intake.mojibake import Garbled, repaired_row, row_suspect
from complaintctl.core.intake.options import ImportOptions
from complaintctl.core.intake.records import _values_from_dict
from complaintctl.core.intake.shape import header_repeats
from complaintctl.core.intake.source import Source
from complaintctl.core.intake.values import RowReader
from complaintctl.errors import ComplaintError, InvalidInput
from complaintctl.i18n import L_


class BatchPreparer:
    """Reads, converts and validates records a batch at a time: the CPU-bound half of an import,
    which needs no database and so can run in a process of its own beside the writer."""

    def __init__(self, source: Source, reader: RowReader, batch_size: int, plans: list[ColumnPlan]):
        self.source = source
        self.reader = reader
        self.batch_size = batch_size
        self.group_by_ref = reader.group_by_ref
        self.newest = reader.newest_snapshots  # an event log: each ref's newest row only (snapshots.py)
        self.held: list[tuple] = []
        # a JSON record's keys -> how each is read (the columns planned from every sampled key)
        self.keys = {source.headers[p.index]: p for p in plans if p.index < len(source.headers)}

    def batches(self) -> Iterator[tuple[list, list, int, int, dict]]:
        """(prepared rows, rejected (line, reason, record), rows read, bytes read, ReadStats.take()) per batch.
        With --group-by-ref the rows of one ref that follow one another are prepared as one
        (grouping.py); a ref's rows still open at the end of a batch wait for the next."""
        records = self.source.records()
        reader = self.reader
        repeats = header_repeats(self.source.headers) if self.source.header_line is not None else None
        replies = reader.replies
        size = min(self.batch_size, FIRST_BATCH)  # a short first batch sets the writer going sooner
        self.held = []  # (line, values, record) of the ref being grouped
        while True:
            batch: list = []
            stop = None
            try:
                batch.extend(islice(records, size))  # keeps the records read before an error
            except InvalidInput as exc:  # undecodable bytes, malformed CSV: end after this batch
                stop = exc
            size = self.batch_size
            if not batch:
                if self.held:  # the file's last ref
                    prepared: list = []
                    rejected: list = []
                    self._release(prepared, rejected)
                    yield prepared, rejected, 0, self.source.bytes_read, reader.stats.take()
                if stop is not None:
                    raise stop
                return
            prepared = []
            rejected = []
            read = len(batch)
            for line, record in batch:
                try:
                    data, record = self._data(line, record, repeats, replies)
                except RowError as exc:
                    rejected.append((line, exc.reason, record if not isinstance(record, Exception)
                                     else getattr(record, "cells", "")))
                    continue
                if data is None:  # a page's header repeated: skipped, not read
                    read -= 1
                    continue
                if reader.threads is not None and self._in_thread(data, reader.threads):
                    continue
                if (self.group_by_ref or self.newest) and self._hold(line, data, record, prepared, rejected):
                    continue
                self._prepare(line, data, record, prepared, rejected)
            yield prepared, rejected, read, self.source.bytes_read, reader.stats.take()
            if stop is not None:
                raise stop

    def _data(self, line: int, record, repeats, replies) -> tuple[dict | None, object]:
        """A record's values by field (None for a repeated header) and the record as read on:
        mangled text mended first. RowError for a reply set aside, a broken record or one that
        is not an object; text lost before the file was made is marked."""
        reader = self.reader
        if record.__class__ is list:
            if repeats is not None and repeats(record):
                reader.stats.repeated_headers += 1
                return None, record
            if replies is not None and replies.index < len(record) and \
                    record[replies.index].strip().lower() in replies.values:
                raise RowError(replies.reason(record[replies.index].strip()))
            if row_suspect(record):
                record = self._unmangled(record)
            data = reader.data_from_cells(record)
        elif isinstance(record, dict):
            if replies is not None and str(record.get(replies.header, "")).strip().lower() in replies.values:
                raise RowError(replies.reason(str(record[replies.header]).strip()))
            if row_suspect(record):
                record = self._unmangled(record)
            data = reader.data(_values_from_dict(record, self.keys))
        elif isinstance(record, Exception):
            raise RowError(record.args[0] if record.args else str(record))
        else:
            raise RowError(L_("not a JSON object"))
        if has_lost(record):
            self._lost(line, record, data)
        return data, record

    def _in_thread(self, data: dict, threads) -> bool:
        """Whether the row is a customer's follow-up in the thread their complaint opened (threads.py):
        counted as grouped, not prepared. The complaint that opened a thread gets each follow-up as a
        note, with its time and text."""
        from complaintctl.core.intake.answers import ref_key

        ref = data.get("ref")
        if ref is None:
            return False
        key = ref_key(ref)
        if key in threads.follow_ups:
            self.reader.stats.grouped += 1
            self.reader.stats.follow_ups += 1
            return True
        said = threads.notes.get(key)
        if said:
            facts = data.setdefault("_facts", [])
            facts += [("note", None, None, None, None, f"follow-up by the customer in this thread, written {when}: "
                       f"{text}", line) for line, when, text in said]
        return False

    def _hold(self, line: int, data: dict, record, prepared: list, rejected: list) -> bool:
        """With --group-by-ref, a row of the ref being held joins it; with newest-of-a-ref (an
        event log's snapshots), the newer of two rows of one ref is kept. True when the row is
        held (not prepared now); a row of another ref first releases the one held."""
        ref = data.get("ref")
        if self.held and ref is not None and ref == self.held[0][1].get("ref"):
            if self.group_by_ref:
                self.held.append((line, data, record))
            else:
                self.reader.stats.superseded += 1  # the older of the two snapshots is set aside
                if data.get("updated_at", "") >= self.held[0][1].get("updated_at", ""):
                    self.held = [(line, data, record)]
            return True
        self._release(prepared, rejected)
        if ref is not None:
            self.held = [(line, data, record)]
            return True
        return False

    def _prepare(self, line: int, data: dict, record, prepared: list, rejected: list) -> None:
        try:
            row, fingerprint = self.reader.complete(data)
            prepared.append(self.reader.prepare(line, row, fingerprint, record))
        except RowError as exc:
            rejected.append((line, exc.reason, record if not isinstance(record, Exception) else ""))

    def _release(self, prepared: list, rejected: list) -> None:
        """Prepare the held rows of one ref as one complaint; if it cannot be one, each of its
        rows is rejected with the reason."""
        held, self.held = self.held, []
        if len(held) < 2:
            for line, data, record in held:
                self._prepare(line, data, record, prepared, rejected)
            return
        from complaintctl.core.intake.grouping import join_rows

        line, _, record = held[0]
        before = len(rejected)
        self._prepare(line, join_rows([(n, d) for n, d, _ in held]), record, prepared, rejected)
        if len(rejected) > before:
            reason = L_("{reason} (the rows of ref {ref!r}, lines {first}-{last}, joined)", reason=rejected[-1][1],
                        ref=held[0][1]["ref"], first=line, last=held[-1][0])
            rejected[-1] = (line, reason, record)
            rejected += [(n, reason, r) for n, _, r in held[1:]]
        else:
            self.reader.stats.grouped += len(held) - 1

    def _lost(self, line: int, record: list | dict, data: dict) -> None:
        """Mark and count a row whose text was lost to `?` before the file was made (intake/losttext.py)."""
        columns = lost_columns(record, self.source.headers)
        if columns:
            extra = data.get("extra")
            data["extra"] = {**(extra if isinstance(extra, dict) else {}), "text_lost": ", ".join(columns)}
            self.reader.stats.lost_text(line, columns, record, self.source.headers)

    def _unmangled(self, record: list | dict) -> list | dict:
        """The record with text garbled by a wrong encoding repaired (counted), when the repair is
        exact; a RowError (the record rejected as it was) when it is not (intake/mojibake.py)."""
        try:
            repaired, how = repaired_row(record, self.source.headers)
        except Garbled as exc:
            raise RowError(exc.args[0]) from None  # its Message, said in the reader's language
        if how is not None:
            repaired_counts = self.reader.stats.repaired
            repaired_counts[how] = repaired_counts.get(how, 0) + 1
        return repaired


WORKER_MIN_BYTES = 4 << 20
FIRST_BATCH = 1000


def _worth_a_worker(source: Source, options: ImportOptions) -> bool:
    """A reader process pays off from a few MB up, where it halves the time; below that, or
    where processes cannot be forked, everything runs in this one."""
    import os
    import sys

    # fork is safe only where the system's libraries expect it (not macOS, not Windows)
    can_fork = hasattr(os, "fork") and sys.platform.startswith("linux")
    if options.workers is not None:
        return options.workers > 0 and can_fork
    return can_fork and (os.cpu_count() or 1) > 1 and (source.size or 0) >= WORKER_MIN_BYTES


def _in_worker(prepare: BatchPreparer) -> Iterator[tuple[list, list, int, int, dict]]:
    """Run ``prepare.batches()`` in a forked process and yield what it sends. The pipe holds
    about one batch, so the reader stays at most a batch or two ahead and memory stays flat."""
    import multiprocessing
    import sys
    import warnings

    for stream in (sys.stdout, sys.stderr):
        stream.flush()
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    process = context.Process(target=_worker_main, args=(prepare, sender, receiver), daemon=True,
                              name="complaintctl-import-reader")
    with warnings.catch_warnings():
        # the progress bar's refresh thread: the reader never prints, so it cannot deadlock on it
        warnings.simplefilter("ignore", DeprecationWarning)
        process.start()
    sender.close()
    import marshal
    import pickle

    try:
        while True:
            try:
                message = receiver.recv_bytes()
            except EOFError:
                raise ComplaintError("the import's reader process ended unexpectedly",
                                     hint="rows before that point were imported; run the import again") from None
            kind, payload = message[:1], memoryview(message)[1:]
            if kind == b"M":
                yield marshal.loads(payload)
            elif kind == b"P":
                yield pickle.loads(payload)
            elif kind == b"E":
                raise pickle.loads(payload)
            else:
                return
    finally:
        receiver.close()
        if process.is_alive():
            process.terminate()
        process.join()


def _worker_main(prepare: BatchPreparer, sender, receiver) -> None:
    """Send each batch to the writer: marshal (about a quarter cheaper than pickle both ways
    for these plain tuples, lists and strings; both ends are this same interpreter), pickle
    for anything marshal refuses and for errors. One tag byte says which."""
    import contextlib
    import marshal
    import os
    import pickle
    import signal

    # The writer's end of the pipe, inherited through fork: closed, so that a send fails
    # (and this process ends) once the writer is gone, even if it was killed outright.
    receiver.close()
    writer_pid = os.getppid()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the writer's to handle
    try:
        for batch in prepare.batches():
            if os.getppid() != writer_pid:
                break  # the writer was killed: nobody will read what is left
            try:
                message = b"M" + marshal.dumps(batch)
            except ValueError:
                message = b"P" + pickle.dumps(batch, pickle.HIGHEST_PROTOCOL)
            sender.send_bytes(message)
        sender.send_bytes(b"D")
    except (BrokenPipeError, EOFError):
        pass  # the writer has stopped listening
    except BaseException as exc:  # noqa: BLE001 - every failure is reported to the writer
        try:
            message = b"E" + pickle.dumps(exc)
        except Exception:  # noqa: BLE001 - the error itself would not pickle
            message = b"E" + pickle.dumps(ComplaintError(f"import reader failed: {exc}"))
        with contextlib.suppress(OSError):  # unless the writer has stopped listening
            sender.send_bytes(message)
    finally:
        sender.close()
        # leave without flushing stdio or running exit handlers: they belong to the writer
        os._exit(0)


