"""Every parser of what people and files give us, fuzzed: a value is read, or refused with a
ComplaintError (one clear line, exit 1 or 2); nothing reaches "internal error".

Modest sizes (max_examples, no deadline) keep this inside the suite's time."""

from __future__ import annotations

import json
import shutil
import string
import tempfile
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from complaintctl.core.record.dates import number_moment, parse_when
from complaintctl.errors import ComplaintError

NOW = datetime(2026, 11, 30, 3, 0, tzinfo=timezone.utc)
FAST = settings(max_examples=300, deadline=None)
SLOW = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                       HealthCheck.too_slow])

# Text that looks like what people type: digits, separators, Chinese date words, month names, signs
DATEISH = st.text(alphabet=string.digits + " -/.:TZ+年月日时分秒点半上下午星期一二今天昨AMPMamNovDecago", max_size=30)
ANY_TEXT = st.text(max_size=40)


def _refused_or_read(fn, *args, **kwargs):
    try:
        return fn(*args, **kwargs)
    except ComplaintError as exc:
        assert exc.exit_code in (1, 2) and str(exc).strip()
        return None


@FAST
@given(st.one_of(DATEISH, ANY_TEXT), st.booleans(), st.booleans())
def test_dates(text, dayfirst, end_of_day):
    moment = _refused_or_read(parse_when, text, now=NOW, dayfirst=dayfirst, end_of_day=end_of_day)
    if moment is not None:
        assert moment.tzinfo is not None and 1970 <= moment.year <= 9999


# A number a person or a file gives where a date goes: signed or with a decimal part (-5, -30, -1.5, 11.3),
# once stored as 5 January, 30 January, 1 January, 11 January.
NUMBERS = st.one_of(st.integers(-10**9, -1).map(str),
                    st.floats(min_value=-1e6, max_value=1e6, allow_nan=False).map(lambda f: f"{f:.{abs(int(f)) % 4 + 1}f}"),
                    st.from_regex(r"\A\s*[-+\u2212]\s*\d{1,6}([.,]\d{0,4})?\s*\Z"),
                    st.from_regex(r"\A\s*\d{0,6}[.,]\d{1,4}\s*\Z"))


@FAST
@given(NUMBERS, st.booleans(), st.booleans())
@example(text="-5", dayfirst=False, end_of_day=False)
@example(text="11.3", dayfirst=True, end_of_day=True)
def test_a_signed_or_decimal_number_is_never_a_date(text, dayfirst, end_of_day):
    import pytest

    with pytest.raises(ComplaintError, match="number is not a date"):
        parse_when(text, now=NOW, dayfirst=dayfirst, end_of_day=end_of_day)


# what a machine writes for a time (an Excel serial such as 46329.5868, a Unix timestamp) is read as one,
# as documented (test_dates.py: test_numbers_machines_write_for_times): not a number a person gave
PERSONS_NUMBERS = NUMBERS.filter(lambda text: number_moment(text.strip()) is None)


@SLOW
@given(st.lists(PERSONS_NUMBERS, min_size=1, max_size=6))
@example(numbers=["२6000.0"])  # Devanagari digits were read as an Excel serial (1971)
def test_numbers_in_an_import_date_column_are_rejected_not_stored(template_db, numbers):
    import csv
    import io

    text = io.StringIO()
    writer = csv.writer(text)
    writer.writerow(["subject", "received", "channel"])
    writer.writerows([f"Call {i}", n.strip(), "phone"] for i, n in enumerate(numbers))
    summary = _import(template_db, "calls.csv", text.getvalue().encode(), dayfirst=False)
    assert summary is not None and summary.inserted + summary.rejected == len(numbers), summary
    # a row is rejected for its number, or (the column set aside as no date) given the import time
    # as --received-now asks: never a time read from the number
    assert summary.stamped_now == summary.inserted, summary


@FAST
@given(st.one_of(st.from_regex(r"\A\s*\d{0,25}(\.\d{0,5})?\s*(m|min|h|d|w|bd|bh|bm)?\s*\Z"), ANY_TEXT))
def test_durations_and_sla_targets(text):
    from complaintctl.core.sla.clock import nominal_minutes, parse_duration

    target = _refused_or_read(parse_duration, text)
    if target is not None:
        assert 0 <= nominal_minutes(target) <= 2_500_000 * 1440


@FAST
@given(st.one_of(st.from_regex(r"\A#?-?\d{0,30}\Z"), ANY_TEXT))
def test_ids(text):
    from complaintctl.cli.common import parse_id

    value = _refused_or_read(parse_id, text)
    if value is not None:
        assert 0 < value < 2**63


@FAST
@given(st.lists(st.one_of(st.from_regex(r"\A[a-z]{1,5}=-?\d{0,30}\Z"), ANY_TEXT), max_size=3))
def test_sql_parameters(values):
    from complaintctl.core.insight.readonly_sql import parse_params

    params = _refused_or_read(parse_params, values)
    for value in (params or {}).values():
        assert not isinstance(value, int) or -2**63 <= value < 2**63


@contextmanager
def _desk(template_db):
    folder = Path(tempfile.mkdtemp())
    try:
        db = folder / "desk.db"
        shutil.copy(template_db, db)
        yield folder, db
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _import(template_db, name: str, data: bytes, **options):
    from complaintctl.core.intake import ImportOptions, import_records
    from complaintctl.core.intake.source import open_source
    from complaintctl.store.db import connect

    with _desk(template_db) as (folder, db):
        path = folder / name
        path.write_bytes(data)
        conn = connect(db)
        try:
            source = open_source(str(path))
            summary = import_records(conn, source, options=ImportOptions(rejects_path=folder / "rejects.csv",
                                                                         received_now=True, **options), actor="fuzz")
        except ComplaintError:
            return None
        finally:
            conn.close()
        _check_arithmetic(db, summary)
        return summary


def _check_arithmetic(db, summary, complaints_before: int = 0) -> None:
    """Every row read is counted once, and the counts are what the database holds."""
    from complaintctl.store.db import connect

    assert summary.read == (summary.inserted + summary.updated + summary.unchanged + summary.duplicates
                            + summary.grouped + summary.rejected), summary
    assert summary.duplicates_differing <= summary.duplicates
    conn = connect(db)
    try:
        assert conn.execute("SELECT count(*) FROM complaints").fetchone()[0] == complaints_before + summary.inserted
        if summary.import_id is not None:
            recorded = conn.execute("SELECT read, inserted, updated, unchanged, duplicates, grouped, rejected "
                                    "FROM imports WHERE id = ?", (summary.import_id,)).fetchone()
            assert tuple(recorded) == (summary.read, summary.inserted, summary.updated, summary.unchanged,
                                       summary.duplicates, summary.grouped, summary.rejected)
    finally:
        conn.close()


CELL = st.one_of(ANY_TEXT, DATEISH, st.sampled_from(["9999-12-31T23:59:59-12:00", "0001-01-01T00:00:00+14:00",
                                                      "高", "urgent", "", "=cmd|' /C calc'!A0", "99999999999999999999"]))
HEADERS = ["subject", "received", "severity", "category", "customer", "phone", "email", "status", "ref", "投诉时间",
           "标题", "级别"]


@SLOW
@given(st.lists(st.sampled_from(HEADERS), min_size=1, max_size=5, unique=True),
       st.lists(st.lists(CELL, min_size=1, max_size=5), max_size=6), st.sampled_from(["utf-8", "gb18030", "utf-16"]))
def test_csv_rows(template_db, headers, rows, encoding):
    import csv
    import io

    text = io.StringIO()
    writer = csv.writer(text)
    writer.writerow(headers)
    writer.writerows(rows)
    _import(template_db, "calls.csv", text.getvalue().encode(encoding, "replace"))


# Rows of a few refs and subjects, so that rows repeat one another (the same or differing), some without
# a ref, some with a status, a date that cannot be read or no text: every kind of count in one file.
REPEATING_ROW = st.tuples(st.sampled_from(["", "R1", "R2", "R3"]), st.sampled_from(["", "printer", "打印机坏了"]),
                          st.sampled_from(["", "high", "低", "nonsense"]), st.sampled_from(["", "Open", "Closed", "搞定"]),
                          st.sampled_from(["", "2026-11-03", "2026-02-30", "2026-11-04 10:00"]))


@SLOW
@given(st.lists(REPEATING_ROW, max_size=12), st.booleans(), st.sampled_from([1, 3, 1000]), st.booleans())
def test_the_summary_counts_every_row_once_first_run_and_re_run(template_db, rows, update, batch_size, group):
    """read = inserted + updated + unchanged + duplicates + grouped + rejected, on a first import and on a
    re-run (plain or --update, rows grouped by ref or not), whatever the batches; the counts are what the
    database and `imports` hold."""
    import csv
    import io

    from complaintctl.core.intake import ImportOptions, import_records
    from complaintctl.core.intake.source import open_source
    from complaintctl.store.db import connect

    text = io.StringIO()
    csv.writer(text).writerows([("ref", "subject", "severity", "status", "received"), *rows])
    with _desk(template_db) as (folder, db):
        path = folder / "calls.csv"
        path.write_text(text.getvalue(), encoding="utf-8")
        before = 0
        for again in (False, True):
            conn = connect(db)
            try:
                options = ImportOptions(rejects_path=folder / "rejects.csv", update=update and again,
                                        batch_size=batch_size, workers=0, group_by_ref=group)
                summary = import_records(conn, open_source(str(path)), options=options, actor="fuzz", now=NOW)
            except ComplaintError:  # a file that says no received time or no text stops before any row
                assert conn.execute("SELECT count(*) FROM imports").fetchone()[0] == 0
                return
            finally:
                conn.close()
            assert summary.read == sum(1 for row in rows if any(row))  # a row of empty cells is no row
            _check_arithmetic(db, summary, before)
            if again:
                assert summary.inserted == 0  # nothing new the second time
            if not group:
                assert summary.grouped == 0
            before += summary.inserted


JSON_VALUES = st.recursive(st.one_of(st.none(), st.booleans(), st.integers(-2**70, 2**70), st.floats(), CELL),
                           lambda inner: st.one_of(st.lists(inner, max_size=3),
                                                   st.dictionaries(st.sampled_from(HEADERS), inner, max_size=4)),
                           max_leaves=12)


@SLOW
@given(st.one_of(st.lists(st.dictionaries(st.sampled_from(HEADERS), JSON_VALUES, max_size=5), max_size=5), JSON_VALUES))
@example(records=[[None]])  # a null cell past the header's width was read as text (internal error)
def test_json_records(template_db, records):
    _import(template_db, "calls.json", json.dumps(records, ensure_ascii=False).encode())
    _import(template_db, "calls.ndjson", "\n".join(json.dumps(r, ensure_ascii=False) for r in
                                                  (records if isinstance(records, list) else [records])).encode())


def test_json_nested_deeper_than_python_recurses(template_db):
    for depth in (500, 980, 5000):
        deep = '{"a": ' * depth + "1" + "}" * depth
        for name, data in (("deep.json", f'[{{"subject": "x", "extra": {deep}}}]'),
                           ("deep.ndjson", f'{{"subject": "fine"}}\n{{"subject": "x", "extra": {deep}}}\n'),
                           ("one.json", f'{{"subject": "x", "extra": {deep}}}')):
            _import(template_db, name, data.encode())


@SLOW
@given(st.binary(max_size=200))
@example(data=b'"')  # a header row whose quote never closes was handed on as cells (internal error)
def test_any_bytes_as_a_file(template_db, data):
    _import(template_db, "calls.csv", data)


@SLOW
@given(st.one_of(ANY_TEXT, st.from_regex(r"\A\[(columns|values|defaults|options)\]\n[a-z\"=\[\]{}., 0-9]{0,60}\Z")))
def test_mapping_files(text):
    from complaintctl.core.intake.mapping import load_mapping_file

    with tempfile.NamedTemporaryFile("w", suffix=".toml", delete=False, encoding="utf-8", errors="surrogatepass") as f:
        f.write(text)
    try:
        _refused_or_read(load_mapping_file, f.name)
    finally:
        Path(f.name).unlink()
