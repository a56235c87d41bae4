"""A workbook cannot ask for unbounded memory: its sheets are measured before they are read (data
and span), a cell longer than a text field rejects its row, and a rejects file keeps a cut cell."""

from __future__ import annotations

import csv
import resource
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from complaintctl.core.intake import rejects, workbook
from conftest import query

_PARTS = {
    "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
    'package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.'
    'xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override '
    'PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.'
    'spreadsheetml.worksheet+xml"/></Types>',
    "_rels/.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
    'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/'
    '2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    "xl/workbook.xml": '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/'
    'spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>',
    "xl/_rels/workbook.xml.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
    'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.'
    'org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
}
_HEAD = b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/' \
        b'spreadsheetml/2006/main"><sheetData>'


def _row(number: int, cells: list[tuple[str, str]]) -> bytes:
    return f'<row r="{number}">'.encode() + b"".join(
        f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'.encode() for ref, text in cells) + b"</row>"


def _workbook(path: Path, sheet_pieces) -> Path:
    """A workbook written by hand, as any program may write one (inline strings, cells by reference)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        for name, text in _PARTS.items():
            archive.writestr(name, text)
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            sheet.write(_HEAD)
            for piece in sheet_pieces:
                sheet.write(piece)
            sheet.write(b"</sheetData></worksheet>")
    return path


def _under_a_memory_limit(args: list[str], limit_bytes: int) -> subprocess.CompletedProcess:
    """complaintctl in a process of its own that cannot take more than ``limit_bytes`` of memory."""
    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (limit_bytes, limit_bytes))

    return subprocess.run([sys.executable, "-m", "complaintctl", *args], capture_output=True, text=True,
                          preexec_fn=limit, timeout=120)


def test_a_sheet_spanning_the_whole_grid_is_refused_under_a_memory_limit(tmp_path):
    """One cell at A1 and one at XFD1048576: 1.5 KB that asked calamine for 512 GB (it aborted)."""
    path = _workbook(tmp_path / "sparse.xlsx", [_row(1, [("A1", "subject"), ("B1", "received")]),
                                                 _row(2, [("A2", "Screen cracked"), ("B2", "2026-11-01")]),
                                                 _row(1048576, [("XFD1048576", "far away")])])
    result = _under_a_memory_limit(["--db", str(tmp_path / "d.db"), "import", "--dry-run", str(path)], 1 << 30)
    assert result.returncode == 2, (result.returncode, result.stderr[-500:])
    assert "spans 1,048,576 rows x 16,384 columns (to cell XFD1048576)" in result.stderr
    assert "Save As > CSV" in result.stderr


def test_a_sheet_holding_more_data_than_the_limit_is_refused_before_it_is_read(cli, tmp_path, monkeypatch):
    monkeypatch.setattr(workbook, "WORKBOOK_MAX_BYTES", 1 << 20)
    path = _workbook(tmp_path / "big.xlsx", [_row(1, [("A1", "subject"), ("B1", "received")]),
                                              _row(2, [("A2", "x" * (2 << 20)), ("B2", "2026-11-01")])])
    result = cli("import", "--dry-run", str(path), expect=2)
    assert "holds more than the 1 MB of data a workbook is read with" in result.stderr


def test_a_cell_longer_than_a_text_field_rejects_its_row_and_the_rejects_file_keeps_it_cut(cli, tmp_path,
                                                                                           monkeypatch):
    monkeypatch.setattr(workbook, "MAX_TEXT", 5_000)
    monkeypatch.setattr(rejects, "REJECT_CELL_MAX", 1_000)
    path = _workbook(tmp_path / "calls.xlsx", [
        _row(1, [("A1", "subject"), ("B1", "received"), ("C1", "description")]),
        _row(2, [("A2", "Fine"), ("B2", "2026-11-01"), ("C2", "short")]),
        _row(3, [("A3", "Too long"), ("B3", "2026-11-02"), ("C3", "长" * 6_000)])])
    result = cli("import", str(path), expect=3)
    assert "inserted 1" in result.stdout and "rejected 1" in result.stdout
    with open(tmp_path / "calls.rejects.csv", encoding="utf-8-sig", newline="") as f:
        header, row = list(csv.reader(f))
    assert header == ["line", "reason", "subject", "received", "description"]
    assert row[0] == "3" and "cell C3 holds 6,000 characters, more than a text field holds (5,000)" in row[1]
    assert "column 3 cut to 1,000 of its 6,000 characters" in row[1]
    assert row[4] == "长" * 999 + "…"


def test_a_csv_reject_with_a_huge_field_is_cut_in_the_rejects_file(cli, tmp_path):
    source = tmp_path / "calls.csv"
    # rejected for its date; its huge subject (which alone would be cut and imported) rides along
    source.write_text("subject,received\nFine,2026-11-01\n" + "s" * 200_000 + ",2026-02-30\n", encoding="utf-8")
    cli("import", str(source), expect=3)
    text = (tmp_path / "calls.rejects.csv").read_text(encoding="utf-8-sig")
    assert len(text) < 40_000
    assert "cut to 32,767 of its 200,000 characters" in text


@pytest.mark.large
def test_one_cell_of_300_million_characters_is_refused_under_a_memory_limit(tmp_path):
    """A 1.4 MB workbook whose one cell holds 300 million characters took 2 GB, even with --dry-run."""
    block = b"a" * (1 << 20)
    path = _workbook(tmp_path / "huge.xlsx", [
        _row(1, [("A1", "subject"), ("B1", "received")]),
        b'<row r="2"><c r="A2" t="inlineStr"><is><t>', *(block for _ in range(300)),
        b'</t></is></c><c r="B2" t="inlineStr"><is><t>2026-11-01</t></is></c></row>'])
    result = _under_a_memory_limit(["--db", str(tmp_path / "d.db"), "import", "--dry-run", str(path)], 1 << 30)
    assert result.returncode == 2, (result.returncode, result.stderr[-500:])
    assert "holds more than the 256 MB of data a workbook is read with" in result.stderr


def test_an_import_stopped_part_way_says_what_it_saved(cli, db_path, tmp_path, monkeypatch):
    """It exited 1 with the docs' "aborted, nothing written" after committing 6,000 rows."""
    import sqlite3

    from complaintctl.core.intake import writer as writer_module

    source = tmp_path / "calls.csv"
    source.write_text("subject,received\n" + "".join(f"Call {i},2026-11-0{1 + i % 9}\n" for i in range(10)),
                      encoding="utf-8")
    real = writer_module.Writer.write_batch
    batches = []

    def the_disk_fills_on_the_third_batch(self, prepared, rejects):
        batches.append(len(prepared))
        if len(batches) == 3:
            raise sqlite3.OperationalError("database or disk is full")
        return real(self, prepared, rejects)

    monkeypatch.setattr(writer_module.Writer, "write_batch", the_disk_fills_on_the_third_batch)
    result = cli("import", str(source), "--batch-size", "2", expect=1)
    assert "database or disk is full" in result.stderr
    assert "the first 4 rows were read and saved before it (4 inserted, 0 updated)" in result.stderr
    assert "run the same import again to finish" in result.stderr
    assert query(db_path, "SELECT count(*) FROM complaints") == [(4,)]
    monkeypatch.setattr(writer_module.Writer, "write_batch", real)
    again = cli("import", str(source))
    assert "inserted 6" in again.stdout and "unchanged 4" in again.stdout
