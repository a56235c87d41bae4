import csv
import io
import json
import sqlite3

from tests.app_runner import invoke


def seed(cli):
    cli("agents", "add", "li.wei")
    cli.log("-s", "=HYPERLINK(\"http://evil\")", "--customer", "+Mallory", "--phone", "+86 138 0013 8000",
            "--received", "2026-11-01 09:00", "--category", "price", "--tag", "vip", "--ref", "R-1")
    cli.log("-s", "洗衣机漏水", "--customer", "李雷", "--email", "li@x.cn", "--received", "2026-11-02 10:00",
            "--description", "第一行\n第二行, with \"quotes\"", "--severity", "high")
    cli.log("-s", "快递慢", "--received", "2026-11-03 11:00", "--channel", "web")
    cli("classify", "2", "--cause", "product_quality", "--personality", "lively", "--motive", "wants_fix")
    cli("assign", "2", "--to", "li.wei")
    cli("update", "2", "--status", "investigating")
    cli("close", "2", "--outcome", "resolved", "-r", "换新 =SUM(A1)", "--accepted", "--told-via", "phone")
    cli("close", "3", "--outcome", "duplicate", "--duplicate-of", "2")


def test_export_csv_neutralises_formulas(cli, tmp_path):
    seed(cli)
    out = cli("export").stdout
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["id"] for r in rows] == ["1", "2", "3"]
    assert rows[0]["subject"] == "'=HYPERLINK(\"http://evil\")"
    assert rows[0]["customer"] == "'+Mallory" and rows[0]["phone"] == "'+86 138 0013 8000"
    assert rows[1]["description"] == "第一行\n第二行, with \"quotes\""
    assert rows[1]["resolution"] == "换新 =SUM(A1)"  # only a leading = is a formula
    raw = cli("export", "--no-formula-guard").stdout
    assert list(csv.DictReader(io.StringIO(raw)))[0]["subject"].startswith("=")


def test_export_filters_columns_formats(cli, tmp_path):
    seed(cli)
    rows = list(csv.DictReader(io.StringIO(cli("export", "--closed", "--columns", "id,subject,outcome").stdout)))
    assert rows == [{"id": "2", "subject": "洗衣机漏水", "outcome": "resolved"},
                    {"id": "3", "subject": "快递慢", "outcome": "duplicate"}]
    data = json.loads(cli("export", "-f", "json", "--tag", "vip").stdout)
    assert [d["ref"] for d in data] == ["R-1"] and data[0]["tags"] == ["vip"]
    lines = cli("export", "-f", "ndjson", "--since", "2026-11-02").stdout.splitlines()
    assert [json.loads(line)["id"] for line in lines] == [2, 3]
    assert "unknown column" in cli("export", "--columns", "id,colour", expect=2).stderr
    assert "--excel goes with CSV" in cli("export", "--excel", "-f", "json", expect=2).stderr


def test_export_output_is_atomic_and_excel_has_a_bom(cli, tmp_path):
    seed(cli)
    target = tmp_path / "out.csv"
    target.write_text("old contents")
    cli("export", "--excel", "-o", target)
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and b"\r\n" in data
    assert "洗衣机漏水" in data.decode("utf-8-sig")
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".out.csv")] == []
    cli("export", "-o", tmp_path / "new" / "dir" / "x.csv")  # missing directories are created
    assert (tmp_path / "new" / "dir" / "x.csv").read_text(encoding="utf-8").startswith("id,ref")
    (tmp_path / "afile").write_text("x")
    assert "cannot create directory" in cli("export", "-o", tmp_path / "afile" / "x.csv", expect=2).stderr
    cli("export", "-o", tmp_path / "out.json")
    assert json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))[0]["id"] == 1


def test_round_trip_export_import_export_is_identical(cli, tmp_path):
    seed(cli)
    first = tmp_path / "first.csv"
    cli("export", "-o", first)
    other = tmp_path / "other.db"
    imported = invoke(["--db", str(other), "import", str(first)])
    assert imported.exit_code == 0, imported.stderr
    assert imported.stdout.strip() == "read 3, inserted 3, updated 0, unchanged 0, duplicates 0, rejected 0"
    second = tmp_path / "second.csv"
    assert invoke(["--db", str(other), "export", "-o", str(second)]).exit_code == 0
    assert first.read_bytes() == second.read_bytes()
    conn = sqlite3.connect(other)
    assert conn.execute("SELECT subject FROM complaints WHERE id = 1").fetchone()[0].startswith("=HYPERLINK")
    # and importing the export again changes nothing
    again = invoke(["--db", str(other), "import", str(first)])
    assert again.stdout.strip() == "read 3, inserted 0, updated 0, unchanged 3, duplicates 0, rejected 0"


def test_round_trip_json(cli, tmp_path):
    seed(cli)
    first = tmp_path / "first.json"
    cli("export", "-o", first)
    other = tmp_path / "other.db"
    assert invoke(["--db", str(other), "import", str(first)]).exit_code == 0
    second = tmp_path / "second.json"
    invoke(["--db", str(other), "export", "-o", str(second)])
    assert first.read_text(encoding="utf-8") == second.read_text(encoding="utf-8")


def test_a_bad_filter_writes_nothing_at_all(cli, tmp_path):
    cli.log("--subject", "one")
    result = cli("export", "--status", "bogus", expect=2)
    assert result.stdout == "" and "unknown status 'bogus'" in result.stderr
    result = cli("export", "--status", "bogus", "-o", tmp_path / "out.csv", expect=2)
    assert not (tmp_path / "out.csv").exists()


def test_an_excel_workbook_export_keeps_text_as_text_and_round_trips(cli, tmp_path):
    from openpyxl import load_workbook

    seed(cli)
    long_id = cli.log("--subject", "long one", "--description", "长" * 40_000 + "\x07bell")
    book = tmp_path / "all.xlsx"
    result = cli("export", "-o", book)
    assert "1 cell was longer than Excel's 32,767 characters and was cut" in result.stderr
    sheet = load_workbook(book).active
    header = [c.value for c in sheet[1]]
    assert header[:3] == ["id", "ref", "received_at"] and sheet.freeze_panes == "A2"
    first = {h: c for h, c in zip(header, sheet[2], strict=True)}
    assert first["subject"].value.startswith("=HYPERLINK") and first["subject"].data_type == "s"  # not a formula
    assert first["id"].value == 1 and first["received_at"].value.endswith("Z")
    long_row = {h: c.value for h, c in zip(header, sheet[long_id + 1], strict=True)}
    assert len(long_row["description"]) == 32_767 and long_row["description"].endswith("…")

    # a workbook of complaints without a cut cell imports back to the same export
    small = tmp_path / "three.xlsx"
    cli("export", "-o", small, "--limit", "3")
    other = tmp_path / "other.db"
    imported = invoke(["--db", str(other), "import", str(small)])
    assert imported.stdout.strip() == "read 3, inserted 3, updated 0, unchanged 0, duplicates 0, rejected 0", imported.stderr
    mine = cli("export", "--limit", "3").stdout
    theirs = invoke(["--db", str(other), "export"]).stdout
    assert mine == theirs


def test_labels_for_people_read_back_to_the_same_codes(cli, tmp_path):
    seed(cli)
    zh = cli("export", "--labels", "zh").stdout
    header, first = zh.splitlines()[:2]
    assert header.startswith("id,投诉编号,投诉时间,投诉渠道,客户名称") and "严重程度" in header
    assert ",价格," in first  # category price as its Chinese label
    assert json.loads(cli("export", "--labels", "en", "-f", "json").stdout)[1]["severity"] == "High"
    original = cli("export").stdout
    for name in ("zh.csv", "zh.xlsx", "en.json"):
        path = tmp_path / name
        cli("export", "--labels", name[:2], "-o", path)
        other = tmp_path / f"{name}.db"
        imported = invoke(["--db", str(other), "import", str(path)])
        assert imported.stdout.strip() == "read 3, inserted 3, updated 0, unchanged 0, duplicates 0, rejected 0", imported.stderr
        assert invoke(["--db", str(other), "export"]).stdout == original, name
    assert "give en or zh" in cli("export", "--labels", "fr", expect=2).stderr


def test_csv_export_is_written_in_batches_without_losing_or_changing_a_row():
    from complaintctl.render.export import write_export

    columns = ["id", "subject", "reopened_count", "extra"]
    rows = [(i, f"=1+{i}" if i % 3 == 0 else f"第{i}行, \"q\"\n", -i if i % 2 else None, None)
            for i in range(1, 4502)]
    out = io.StringIO(newline="")
    count, _ = write_export(iter(rows), columns, "csv", out)
    back = list(csv.reader(io.StringIO(out.getvalue(), newline="")))
    assert count == 4501 and len(back) == 4502 and back[0] == columns
    assert back[3] == ["3", "'=1+3", "-3", ""] and back[4] == ["4", '第4行, "q"\n', "", ""]
    assert back[-1][0] == "4501"
