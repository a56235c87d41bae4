"""One import from start to end: the transaction, pragmas and batches around the reader and
the writer, bulk loading, and the counts recorded in `imports`."""

from __future__ import annotations

import contextlib
import gc
import time
from datetime import datetime, timedelta
from pathlib import Path

from complaintctl.core.intake.decide import plan_import
from complaintctl.core.intake.options import ImportOptions, ImportStopped, ImportSummary
from complaintctl.core.intake.rejects import Rejects
from complaintctl.core.intake.source import Source
from complaintctl.core.intake.values import RowReader
from complaintctl.core.intake.worker import BatchPreparer, _in_worker, _worth_a_worker
from complaintctl.core.intake.writer import Writer
from complaintctl.core.record.dates import to_iso
from complaintctl.errors import ComplaintError, InvalidInput
from complaintctl.i18n import L_
from complaintctl.store.engine import Connection, OperationalError


def import_records(conn: Connection, source: Source, *, options: ImportOptions,
                   map_overrides: dict[str, str] | None = None,
                   file_overrides: dict[str, str] | None = None, actor: str,
                   now: datetime | None = None) -> ImportSummary:
    """Import every record of ``source``. Returns the counts; raises only for whole-file
    problems (unreadable, malformed CSV, interrupted), after committing finished batches."""
    from complaintctl.core.record.dates import now_utc

    now = now or now_utc()
    at = to_iso(now)
    started = time.monotonic()  # imports.finished_at is the start plus the time it took
    summary = ImportSummary(source.name, source.format, source.encoding, source.delimiter,
                            dry_run=options.dry_run, sheet=source.sheet, group_by_ref=options.group_by_ref)
    tabular = source.format in ("csv", "xlsx")  # a header row and cells, rather than JSON objects
    plan = _plan(conn, source, options, map_overrides, file_overrides, now, summary)
    _source_warnings(source, summary)
    plans = plan.plans
    summary.warnings += plan.warnings
    reader = RowReader(conn, plans, options, now)
    # a dry run writes nothing anywhere: its rejects are counted and summed up, not written
    rejects = Rejects(None if options.dry_run else options.rejects_path, source.headers if tabular else None)
    if tabular:
        rejects.fields = [(p.field, p.extra_key) for p in plan.plans]
    prepare = BatchPreparer(source, reader, options.batch_size, plans)
    batches = _in_worker(prepare) if _worth_a_worker(source, options) else prepare.batches()
    one_transaction = options.dry_run or options.strict
    # Foreign keys cost a third of each complaint insert; a plain import checks the same
    # parents once per batch instead (Writer.verify_parents). --update keeps them, as its
    # UPDATEs are not covered by that check.
    check_parents = not options.update
    with _import_settings(conn, fast_commits=not one_transaction, check_parents=check_parents) as full_sync:
        conn.execute("BEGIN IMMEDIATE")
        try:
            if not options.dry_run:
                summary.import_id = conn.execute(
                    "INSERT INTO imports (source, format, encoding, delimiter, actor, started_at, update_mode) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
                    (source.name, source.format, source.encoding, source.delimiter, actor, at, int(options.update)),
                ).fetchone()[0]
            writer = Writer(conn, actor, at, summary.import_id, Path(source.name).name, summary, options.update,
                            codes={kind: set(t.values()) for kind, t in reader.codes.items()} if check_parents
                            else None)
            ref_index = next((p.index for p in plans if p.field == "ref"), None) if tabular else None
            rejected_refs = _write_batches(conn, batches, writer, rejects, summary, source, options, at, ref_index)
            if not (options.strict and summary.rejected):  # --strict wrote nothing: no ref is known
                summary.rejected_known_ref = _rejected_known_ref(conn, rejected_refs)
            _finish(conn, summary, options, full_sync,
                    finished=to_iso(now + timedelta(seconds=time.monotonic() - started)))
        except BaseException as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            _say_what_was_saved(exc, summary, one_transaction)
            raise
        finally:
            if hasattr(batches, "close"):
                batches.close()
            rejects.close()
            source.close()
    if rejects.file is not None:
        summary.rejects_path = str(options.rejects_path)
    elif not summary.aborted and rejects.remove_stale():
        summary.rejects_removed = str(options.rejects_path)
    summary.reject_reasons = rejects.top_reasons()
    summary.unclassified = _unclassified(summary, reader)
    return summary


def imports_recorded(conn: Connection) -> bool:
    """Whether any import run is recorded in the database (one that stopped before its first row is not)."""
    return bool(conn.execute("SELECT EXISTS (SELECT 1 FROM imports)").fetchone()[0])


def _plan(conn: Connection, source: Source, options: ImportOptions, map_overrides, file_overrides,
          now: datetime, summary: ImportSummary):
    """The column plan of a file with a header row; what was decided goes in the summary."""
    try:
        plan = plan_import(conn, source, options, map_overrides, file_overrides, now)
    except InvalidInput:
        source.close()
        raise
    if options.dayfirst is None:
        options.dayfirst_of = plan.dayfirst_of
    options.mixed_dates = plan.mixed_dates
    options.replies = plan.replies
    options.newest_snapshots = plan.snapshots is not None
    options.reply_times = plan.reply_times
    options.threads = plan.threads
    summary.snapshots = plan.snapshots
    summary.replies = plan.replies.why if plan.replies else None
    summary.date_orders = plan.date_orders
    if plan.zoneless_times:
        from complaintctl.timetext import zone_name

        summary.times_zone = zone_name()  # a time without a zone is a time in this one: say so
    summary.guessed = {p.field: L_("{header!r}, {how}", header=p.header, how=p.how) for p in plan.plans
                       if p.rank == 2 and p.field == p.candidate}
    summary.set_aside = {p.header: p.how for p in plan.plans if p.how.startswith("set aside")}
    summary.by_values = plan.decided_by_values
    return plan


def _source_warnings(source: Source, summary: ImportSummary) -> None:
    for line, text in source.skipped:
        summary.warnings.append(L_("line {line} is above the header row and was skipped: {text!r}", line=line,
                                   text=text[:60]))
    if source.no_header_why:
        summary.warnings.append(source.no_header_why)
    if source.wrapper_key is not None:
        summary.warnings.append(L_("the records are the object's {key!r} list; their positions in it stand for line "
                                   "numbers", key=source.wrapper_key))


@contextlib.contextmanager
def _import_settings(conn: Connection, *, fast_commits: bool, check_parents: bool):
    """The connection's settings for the length of an import (store/bulk.py), restored after;
    yields the function that makes the next commit a full one."""
    from complaintctl.store.bulk import import_settings

    # Rows make millions of short-lived dicts and tuples but no reference cycles, while the
    # customer cache keeps growing: with the default thresholds the cycle collector re-scans
    # that cache every few thousand rows. Collect rarely while importing (reader process too).
    gc_thresholds = gc.get_threshold()
    gc.set_threshold(100_000, 50, 100)
    try:
        with import_settings(conn, fast_commits=fast_commits, check_parents=check_parents) as full_sync:
            yield full_sync
    finally:
        gc.set_threshold(*gc_thresholds)


def _write_batches(conn: Connection, batches, writer: Writer, rejects: Rejects, summary: ImportSummary,
                   source: Source, options: ImportOptions, at: str, ref_index: int | None) -> dict[str, int]:
    """Write every prepared batch, committing as they go unless the import is one transaction.
    Returns the refs of the rejected rows (column ``ref_index``), with how many rows had each."""
    from complaintctl.store.bulk import ids_taken

    rejected_refs: dict[str, int] = {}
    one_transaction = options.dry_run or options.strict
    bulk = None  # decided on the first batch, when the file's rows per byte are known
    uncommitted = 0
    batch_iter = iter(batches)
    while True:
        try:
            prepared, rejected, read, bytes_read, stats = next(batch_iter)
        except StopIteration:
            return rejected_refs
        except ComplaintError:
            # The file went bad (bytes not in its encoding, malformed CSV) after the rows
            # already written: keep them, whole and indexed, before saying so.
            if not one_transaction:
                from complaintctl.store.bulk import rebuild_indexes

                _record_counts(conn, summary)
                conn.execute("COMMIT")
                summary._saved = [summary.read, summary.inserted, summary.updated]
                conn.execute("BEGIN IMMEDIATE")
                rebuild_indexes(conn)
                conn.execute("COMMIT")
            raise
        if bulk is None:
            bulk = _bulk_load(conn, source, options, read, bytes_read)
            if bulk:
                from complaintctl.store.bulk import DEFERRABLE_TABLES, defer_indexes

                # customers' indexes too while the writer matches from its complete cache
                tables = DEFERRABLE_TABLES + (("customers",) if writer.customers_complete else ())
                defer_indexes(conn, import_id=summary.import_id, at=at, tables=tables)
        summary.read += read
        summary.add_stats(stats)
        uncommitted += read
        for line, reason, record in rejected:
            summary.rejected += 1
            rejects.add(line, reason, record)
            if ref_index is not None and record.__class__ is list and len(record) > ref_index:
                ref = record[ref_index].strip()
                rejected_refs[ref] = rejected_refs.get(ref, 0) + 1
        writer.write_batch(prepared, rejects)
        ids_taken(conn)  # the importer chose the new rows' ids: the next ones come after them
        # A bulk load commits every BULK_COMMIT_ROWS rows rather than every batch: each
        # commit rewrites the pages of the indexes still kept, wherever the batch touched them.
        if not one_transaction and (not bulk or uncommitted >= BULK_COMMIT_ROWS):
            _record_counts(conn, summary)
            conn.execute("COMMIT")
            summary._saved = [summary.read, summary.inserted, summary.updated]
            conn.execute("BEGIN IMMEDIATE")
            uncommitted = 0
        if options.progress:
            options.progress(bytes_read, summary.read)


def _say_what_was_saved(exc: BaseException, summary: ImportSummary, one_transaction: bool) -> None:
    """An import that stops part-way has saved the batches before: its failure says how many rows,
    never that nothing was written. A failure of the system (a full disk, a lock held too long) is
    raised as ImportStopped, carrying it, for the command to explain; a refusal gets the count in
    its hint."""
    read, inserted, updated = summary._saved
    if one_transaction or not read or not isinstance(exc, Exception):
        return
    saved = L_("the first {read:,} rows were read and saved before it ({inserted:,} inserted, {updated:,} updated): "
               "run the same import again to finish (rows already imported are recognised, nothing is doubled)",
               read=read, inserted=inserted, updated=updated)
    if isinstance(exc, ComplaintError):
        if "were imported" not in str(exc.hint or ""):  # the file's own errors say so already
            exc.hint = L_("{saved}; {hint}", saved=saved, hint=exc.hint) if exc.hint else saved
        return
    raise ImportStopped(exc, saved) from exc


def _rejected_known_ref(conn: Connection, refs: dict[str, int]) -> int:
    """How many rejected rows have the ref of a complaint in the database now: other versions
    of a complaint that is there (an event log's snapshots before the one imported)."""
    refs.pop("", None)
    known: set[str] = set()
    listed = sorted(refs)
    for start in range(0, len(listed), 500):
        chunk = listed[start:start + 500]
        known.update(r[0] for r in conn.execute(
            f"SELECT ref FROM complaints WHERE ref IN ({', '.join('?' * len(chunk))})", chunk))
    return sum(n for ref, n in refs.items() if ref in known)


def _finish(conn: Connection, summary: ImportSummary, options: ImportOptions, full_sync, *,
            finished: str) -> None:
    """Roll back a dry run (or a strict import with rejects); else rebuild the deferred indexes
    and commit the last batch with a full sync, the import's record marked finished."""
    one_transaction = options.dry_run or options.strict
    if options.dry_run or (options.strict and summary.rejected):
        conn.execute("ROLLBACK")
        summary.aborted = bool(options.strict and summary.rejected and not options.dry_run)
        if summary.aborted:
            summary.import_id = None
        return
    from complaintctl.store.bulk import optimize, rebuild_indexes

    if not one_transaction:  # a full commit last: it syncs the batches before it too
        conn.execute("COMMIT")
        full_sync()
        conn.execute("BEGIN IMMEDIATE")
    rebuild_indexes(conn)  # this import's deferred indexes, or those of one killed before
    _record_counts(conn, summary, finished=finished)
    conn.execute("COMMIT")
    # fresh statistics after a bulk change keep report queries fast; a busy database must
    # not turn a finished import into a failure: every row is in, and that is what counts
    with contextlib.suppress(OperationalError):
        optimize(conn)


def _unclassified(summary: ImportSummary, reader: RowReader) -> list[dict]:
    """The labels that named no code, commonest first, each with the alias that would place it."""
    from complaintctl.core.intake.cells import CODE_FIELDS
    from complaintctl.core.taxonomy.labels import suggest

    out = []
    for (name, label), (rows, line) in sorted(summary._unplaced.items(), key=lambda kv: (-kv[1][0], kv[1][1])):
        kind = CODE_FIELDS[name]
        out.append({"field": name, "label": label, "rows": rows, "first_line": line,
                    "suggestion": suggest(reader.codes[kind], label)})
    return out


BULK_MIN_ROWS = 20_000
BULK_COMMIT_ROWS = 20_000


def _bulk_load(conn: Connection, source: Source, options: ImportOptions, read: int,
               bytes_read: int) -> bool:
    """Whether to defer the secondary indexes (store/bulk.py): a plain import expected to bring
    at least BULK_MIN_ROWS rows and more than the table already holds, where one rebuild at the
    end is cheaper than keeping every index up to date row by row. Not for --update, whose
    change events are replayed per complaint through those indexes."""
    if options.update or options.dry_run or not read or not bytes_read or not source.size:
        return False
    if source.sampled and source.sampled[0] and source.sampled[1]:
        read, bytes_read = source.sampled  # the rows read ahead, before the reader's buffer ran on
    expected = read * source.size / bytes_read
    if expected < BULK_MIN_ROWS:
        return False
    return conn.execute("SELECT count(*) FROM complaints").fetchone()[0] < expected


def _record_counts(conn: Connection, summary: ImportSummary, finished: str | None = None) -> None:
    if summary.import_id is None:
        return
    conn.execute(
        "UPDATE imports SET read = ?, inserted = ?, updated = ?, unchanged = ?, duplicates = ?, grouped = ?, "
        "rejected = ?, finished_at = ? WHERE id = ?",
        (summary.read, summary.inserted, summary.updated, summary.unchanged, summary.duplicates, summary.grouped,
         summary.rejected, finished, summary.import_id),
    )


