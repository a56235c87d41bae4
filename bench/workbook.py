"""Workbook reading speed: python-calamine (what import uses) against openpyxl's read-only mode
(what it used before), same sheet, same run, alternating rounds; then `complaintctl import` of
the workbook against the same rows as CSV.

    python bench/workbook.py [--rows 100000] [--rounds 3]

Prints medians (rows/s) and the ratios.
"""

from __future__ import annotations

import argparse
import csv
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from importlib import import_module  # noqa: E402

generate_csv = import_module("import").generate  # bench/import.py's realistic rows


def write_workbook(csv_path: Path, xlsx_path: Path) -> int:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("complaints")
    rows = 0
    with open(csv_path, encoding="utf-8", newline="") as f:
        for cells in csv.reader(f):
            sheet.append(cells)
            rows += 1
    book.save(xlsx_path)
    return rows - 1


def read_openpyxl(path: Path) -> int:
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True, data_only=True)
    n = sum(1 for _ in book.worksheets[0].iter_rows(values_only=True))
    book.close()
    return n


def read_calamine(path: Path) -> int:
    from python_calamine import CalamineWorkbook

    from complaintctl.core.intake.workbook import _cell_text

    with open(path, "rb") as f:
        book = CalamineWorkbook.from_filelike(f)
        n = sum(1 for row in book.get_sheet_by_index(0).iter_rows() if [_cell_text(v) for v in row])
        book.close()
    return n


def timed(fn, *args) -> float:
    start = time.perf_counter()
    fn(*args)
    return time.perf_counter() - start


def import_seconds(path: Path, work: Path) -> float:
    db = work / f"import-{time.monotonic_ns()}.db"
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "complaintctl", "--db", str(db), "import", str(path)],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        csv_path, xlsx_path = work / "rows.csv", work / "rows.xlsx"
        generate_csv(csv_path, args.rows)
        rows = write_workbook(csv_path, xlsx_path)
        times: dict[str, list[float]] = {"openpyxl read-only": [], "python-calamine": [], "import xlsx": [],
                                         "import csv": []}
        for _ in range(args.rounds):
            times["openpyxl read-only"].append(timed(read_openpyxl, xlsx_path))
            times["python-calamine"].append(timed(read_calamine, xlsx_path))
            times["import xlsx"].append(import_seconds(xlsx_path, work))
            times["import csv"].append(import_seconds(csv_path, work))
        medians = {name: statistics.median(values) for name, values in times.items()}
        print(f"{rows:,} rows, {args.rounds} rounds, medians:")
        for name, seconds in medians.items():
            print(f"  {name:<20} {seconds:7.2f} s  {rows / seconds:>9,.0f} rows/s")
        print(f"calamine reads {medians['openpyxl read-only'] / medians['python-calamine']:.1f}x openpyxl; "
              f"import of the workbook takes {medians['import xlsx'] / medians['import csv']:.2f}x the CSV's time")


if __name__ == "__main__":
    main()
