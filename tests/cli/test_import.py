"""import with real-world shaped files written by the tests."""

import csv
import io
import json

import pytest
from tests.app_runner import invoke

from conftest import query

GBK_CSV = (
    "投诉编号,投诉时间,客户名称,联系电话,渠道,标题,问题描述,级别,处理人,状态,备注\n"
    "A-1,2026/11/3 14:05,李雷,138 0013 8000,电话,洗衣机漏水,\"第二次漏水，\n又漏了\",高,张三,已关闭,VIP\n"
    "A-2,2026年11月4日,韩梅梅,,微信,快递慢,,中,,处理中,\n"
)


def q(db, sql, *params):
    return query(db, sql, *params)


def write(path, text, encoding="utf-8"):
    path.write_bytes(text.encode(encoding))
    return path


def summary(result):
    return result.stdout.strip()


def test_gbk_with_chinese_headers_and_value_aliases(cli, db_path, tmp_path):
    f = write(tmp_path / "gbk.csv", GBK_CSV, "gbk")
    result = cli("import", "--received-now", f)
    assert summary(result) == "read 2, inserted 2, updated 0, unchanged 0, duplicates 0, rejected 0"
    assert "gb18030" in result.stderr
    rows = q(db_path, "SELECT ref, received_at, channel, subject, description, severity, status, assignee, "
                      "extra, closed_at, outcome FROM complaints ORDER BY id")
    assert rows[0][:8] == ("A-1", "2026-11-03T14:05:00Z", "phone", "洗衣机漏水", "第二次漏水，\n又漏了", "high",
                           "closed", "张三")
    assert json.loads(rows[0][8]) == {"备注": "VIP"}
    assert rows[0][9] and rows[0][10] == "resolved"  # closed history gets an outcome and a time
    assert rows[1][:7] == ("A-2", "2026-11-04T00:00:00Z", "social", "快递慢", None, "medium", "investigating")
    assert q(db_path, "SELECT name FROM agents") == [("张三",)]
    assert q(db_path, "SELECT name, phone_normalized FROM customers ORDER BY id") == [
        ("李雷", "13800138000"), ("韩梅梅", None)]
    notes = [r[0] for r in q(db_path, "SELECT note FROM events WHERE action = 'imported' ORDER BY id")]
    assert notes == ["import #1 from gbk.csv line 2", "import #1 from gbk.csv line 4"]


def test_reimport_is_idempotent_and_update_takes_changes(cli, db_path, tmp_path):
    f = write(tmp_path / "gbk.csv", GBK_CSV, "gbk")
    cli("import", "--received-now", f)
    assert summary(cli("import", "--received-now", f)) == "read 2, inserted 0, updated 0, unchanged 2, duplicates 0, rejected 0"
    write(f, GBK_CSV.replace("处理中", "已解决"), "gbk")
    changed = cli("import", "--received-now", f, expect=3)  # never "unchanged" for a row that says otherwise
    assert summary(changed) == "read 2, inserted 0, updated 0, unchanged 1, duplicates 0, rejected 1"
    assert "ref 'A-2' is complaint #2, already in the database with other values (status 'investigating' vs " \
           "'resolved'" in changed.stderr and "--update takes this row's" in changed.stderr
    assert summary(cli("import", "--received-now", f, "--update")) == \
        "read 2, inserted 0, updated 1, unchanged 1, duplicates 0, rejected 0"
    assert q(db_path, "SELECT status FROM complaints WHERE ref = 'A-2'") == [("resolved",)]
    ev = q(db_path, "SELECT field, old_value, new_value FROM events WHERE action = 'imported' AND field = 'status' "
                    "AND old_value IS NOT NULL")
    assert ("status", "investigating", "resolved") in ev
    assert q(db_path, "SELECT count(*) FROM complaints") == [(2,)]
    assert q(db_path, "SELECT count(*), sum(inserted), sum(unchanged), sum(rejected) FROM imports") == [(4, 2, 4, 1)]


def test_rows_without_ref_are_recognised_by_fingerprint(cli, db_path, tmp_path):
    f = write(tmp_path / "web.csv",
              "subject,email,received\nA,a@x.cn,2026-11-01\nB,b@x.cn,2026-11-02\nA,a@x.cn,2026-11-01\n")
    assert summary(cli("import", "--received-now", f)) == "read 3, inserted 2, updated 0, unchanged 0, duplicates 1, rejected 0"
    assert summary(cli("import", "--received-now", f)) == "read 3, inserted 0, updated 0, unchanged 2, duplicates 1, rejected 0"


def test_bom_semicolons_quotes_and_embedded_newlines(cli, db_path, tmp_path):
    text = 'Subject;Customer;Description\n"He said ""no""";"Smith; John";"line 1\nline 2"\n'
    f = write(tmp_path / "semi.csv", "\ufeff" + text)
    result = cli("import", "--received-now", f)
    assert "delimiter ';'" in result.stderr and "utf-8-sig" in result.stderr
    assert q(db_path, "SELECT subject, description FROM complaints") == [('He said "no"', "line 1\nline 2")]
    assert q(db_path, "SELECT name FROM customers") == [("Smith; John",)]


def test_utf16_with_bom_and_tabs(cli, db_path, tmp_path):
    f = write(tmp_path / "u16.csv", "标题\t客户\n电话打不通\t王五\n", "utf-16")
    assert summary(cli("import", "--received-now", f)) == "read 1, inserted 1, updated 0, unchanged 0, duplicates 0, rejected 0"
    assert q(db_path, "SELECT subject FROM complaints") == [("电话打不通",)]


def test_bad_rows_go_to_rejects_with_line_and_reason_and_good_rows_are_kept(cli, db_path, tmp_path):
    f = write(tmp_path / "mixed.csv",
              "subject,received,category,severity,email\n"
              "good one,2026-11-01,price,low,a@b.cn\n"
              "bad date,2026-02-30,price,low,\n"
              "bad code,2026-11-01,nonsense,low,\n"
              ",2026-11-01,,low,\n"  # nothing says what it is about (a category alone would)
              "bad email,2026-11-01,price,low,not-an-email\n"
              "future,2099-01-01,price,low,\n"
              "good two,2026-11-02,billing error,HIGH,\n")
    result = cli("import", "--received-now", f, expect=3)
    assert summary(result) == "read 7, inserted 4, updated 0, unchanged 0, duplicates 0, rejected 3"
    rejects = list(csv.reader(io.StringIO((tmp_path / "mixed.rejects.csv").read_text(encoding="utf-8-sig"))))
    assert rejects[0] == ["line", "reason", "subject", "received", "category", "severity", "email"]
    by_line = {r[0]: r for r in rejects[1:]}
    assert set(by_line) == {"3", "5", "7"}  # only what cannot be a complaint: a date, no text, the future
    assert "impossible date" in by_line["3"][1] and by_line["3"][3] == "2026-02-30"
    # an unknown label is no reason to lose the complaint: imported unclassified, the label kept
    assert q(db_path, "SELECT c.category, r.label FROM complaints c JOIN raw_labels r ON r.complaint_id = c.id "
                      "WHERE c.subject = 'bad code'") == [(None, "nonsense")]
    assert by_line["5"][1] == "no text: no subject, description, category or ref says what this complaint is"
    assert "future" in by_line["7"][1]
    # nor for an email that is no address: the complaint is imported, the value kept as written
    assert q(db_path, "SELECT subject, category, severity, json_extract(extra, '$.email_as_given') FROM complaints "
                      "ORDER BY id") == [("good one", "price", "low", None), ("bad code", None, "low", None),
                                         ("bad email", "price", "low", "not-an-email"),
                                         ("good two", "billing_error", "high", None)]
    assert ("1 row: email that could not be read as one, kept as given in extra.email_as_given; the complaint "
            "imported") in result.stderr


def test_strict_writes_nothing_when_a_row_is_bad(cli, db_path, tmp_path):
    f = write(tmp_path / "s.csv", "subject,severity\nok,low\nbad,urgentest\n")
    result = cli("import", "--received-now", f, "--strict", expect=1)
    assert "nothing was written" in result.stderr
    assert q(db_path, "SELECT count(*) FROM complaints") == [(0,)]
    assert q(db_path, "SELECT count(*) FROM imports") == [(0,)]


def test_dry_run_counts_but_writes_nothing(cli, db_path, tmp_path):
    f = write(tmp_path / "d.csv", "subject,assignee\nx,new.agent\n")
    result = cli("import", "--received-now", f, "--dry-run")
    assert "would be inserted 1" in result.stdout
    assert q(db_path, "SELECT count(*) FROM complaints") == [(0,)]
    assert q(db_path, "SELECT count(*) FROM agents") == [(0,)]


def test_dry_run_and_show_mapping_on_a_database_not_yet_made_create_nothing(tmp_path):
    """A try-out before the first real import: counted on an empty database in a temporary folder,
    and the file named by --db still does not exist afterwards."""
    from tests.conftest import Cli

    cli = Cli(tmp_path / "later.db")
    f = write(tmp_path / "d.csv", "subject,received\n门锁坏了,2026-11-01\n")
    assert "would be inserted 1" in cli("import", f, "--dry-run").stdout
    assert "received" in cli("import", f, "--show-mapping").stdout
    assert not (tmp_path / "later.db").exists()
    assert cli("list", expect=1).stderr.startswith("error: no database at")


def test_empty_file_and_header_only(cli, db_path, tmp_path):
    empty = write(tmp_path / "empty.csv", "")
    assert "is empty" in cli("import", "--received-now", empty, expect=2).stderr
    header = write(tmp_path / "header.csv", "subject,customer\n")
    result = cli("import", "--received-now", header)
    assert summary(result) == "read 0, inserted 0, updated 0, unchanged 0, duplicates 0, rejected 0"
    assert "no rows" in result.stderr
    assert "no such file" in cli("import", "--received-now", tmp_path / "missing.csv", expect=2).stderr


def test_excel_sep_line_and_rows_of_empty_cells(cli, db_path, tmp_path):
    """Excel writes a "sep=;" hint line and ",,,," for rows that were only formatted."""
    f = write(tmp_path / "excel.csv",
              "sep=;\r\n标题;客户;状态\r\n洗衣机漏水;李雷;新建\r\n;;\r\n ; ;\r\n快递慢;韩梅梅;搞定了\r\n;;\r\n",
              "utf-8-sig")
    result = cli("import", "--received-now", f)
    assert summary(result) == "read 2, inserted 2, updated 0, unchanged 0, duplicates 0, rejected 0"
    assert "delimiter ';'" in result.stderr
    # a status nobody knows does not lose the complaint: its times (none here) say it is new
    assert q(db_path, "SELECT subject, status FROM complaints") == [("洗衣机漏水", "new"), ("快递慢", "new")]
    assert ("1 row: status '搞定了' unknown, the status read from the row's own times (closed, resolved, "
            "acknowledged, else new) (first: line 6)") in result.stderr  # the line number in the file, counting the sep= line
    # an explicit --delimiter still skips the hint line
    assert summary(cli("import", "--received-now", f, "--delimiter", ";")).startswith("read 2, inserted 0")


def test_spreadsheet_damage_to_phones_and_keep_as_text_cells(cli, db_path, tmp_path):
    """1.38001E+10 has lost its digits: kept as written, never matched to anyone. 13800138000.0 and
    ="13800138000" (Excel's keep-as-text trick) are the same customer as 138 0013 8000."""
    f = write(tmp_path / "phones.csv",
              '标题,客户,电话,编号\n'
              'A,张三,1.38001E+10,\n'
              'B,李四,138 0013 8000,="0001"\n'
              'C,李四,13800138000.0,\n'
              'D,李四,="13800138000",\n'
              'E,李四,138-0013-8000 转 123,\n')
    result = cli("import", "--received-now", f)
    assert summary(result) == "read 5, inserted 5, updated 0, unchanged 0, duplicates 0, rejected 0"
    assert ("1 row: phone written in scientific notation (its digits are lost), kept as given in "
            "extra.phone_as_given; the complaint imported") in result.stderr
    assert q(db_path, "SELECT json_extract(extra, '$.phone_as_given') FROM complaints WHERE subject = 'A'") == [
        ("1.38001E+10",)]
    assert q(db_path, "SELECT name, phone_normalized FROM customers ORDER BY id") == [("张三", None),
                                                                                    ("李四", "13800138000")]
    assert q(db_path, "SELECT ref FROM complaints WHERE subject = 'B'") == [("0001",)]
    assert q(db_path, "SELECT count(DISTINCT customer_id) FROM complaints WHERE subject <> 'A'") == [(1,)]


def test_western_legacy_encoding_is_not_taken_for_chinese(cli, db_path, tmp_path):
    """cp1252 bytes also decode as GB18030 ("für" -> a rare hanzi), and the detector's pick among
    Latin code pages is close to a coin toss; both used to store mojibake without a word."""
    f = write(tmp_path / "west.csv",
              "subject,customer,description\n"
              "Café trop cher,Zoë Müller,Le crème brûlée était froid\n"
              "Überweisung für Rückgabe,François Pérez,Gerät defekt; Señor García\n", "cp1252")
    result = cli("import", "--received-now", f)
    assert "cp1252" in result.stderr
    assert q(db_path, "SELECT subject, customer_name FROM complaint_overview ORDER BY id") == [
        ("Café trop cher", "Zoë Müller"), ("Überweisung für Rückgabe", "François Pérez")]


def test_big5_with_traditional_chinese_headers_and_values(cli, db_path, tmp_path):
    """Taiwan and Hong Kong exports: Big5, 繁體 headers (投訴時間, 聯絡電話) and values (已關閉)."""
    f = write(tmp_path / "tw.csv",
              "投訴編號,投訴時間,客戶名稱,聯絡電話,渠道,標題,投訴類型,嚴重程度,處理狀態,負責人\n"
              "TW-1,2026/11/3 下午 2:05,陳大文,0912-345-678,電話,洗衣機漏水,產品質量,高,處理中,林小美\n"
              "TW-2,2026/11/4 09:00,林小美,,郵件,帳單錯誤,賬單錯誤,中,已關閉,\n", "big5")
    result = cli("import", "--received-now", f)
    assert summary(result) == "read 2, inserted 2, updated 0, unchanged 0, duplicates 0, rejected 0"
    assert q(db_path, "SELECT ref, received_at, channel, category, severity, status, assignee "
                      "FROM complaints ORDER BY id") == [
        ("TW-1", "2026-11-03T14:05:00Z", "phone", "product_quality", "high", "investigating", "林小美"),
        ("TW-2", "2026-11-04T09:00:00Z", "email", "billing_error", "medium", "closed", None)]
    assert q(db_path, "SELECT name, phone FROM customers ORDER BY id")[0] == ("陳大文", "0912-345-678")


def test_a_file_with_no_subject_column_stops_before_reading_rows(cli, db_path, tmp_path):
    f = write(tmp_path / "nosubj.csv", "name,phone,when\nA,123456,2026-11-01\nB,234567,2026-11-02\n")
    result = cli("import", "--received-now", f, expect=2)
    assert "no column is read as the subject, the description, the category or the ref" in result.stderr
    assert "name, phone, when" in result.stderr
    assert not (tmp_path / "nosubj.rejects.csv").exists()
    assert q(db_path, "SELECT count(*) FROM imports") == [(0,)]
    assert summary(cli("import", "--received-now", f, "--map", "name=subject")).startswith("read 2, inserted 2")


def test_ragged_rows(cli, db_path, tmp_path):
    f = write(tmp_path / "r.csv", "subject,customer,phone\nshort row\ntoo,many,cells,here\nfine,A,123456\n")
    result = cli("import", "--received-now", f, expect=3)
    assert summary(result) == "read 3, inserted 2, updated 0, unchanged 0, duplicates 0, rejected 1"
    assert "4 fields but the header has 3" in (tmp_path / "r.rejects.csv").read_text(encoding="utf-8-sig")


def test_duplicate_headers_keep_the_second_in_extra(cli, db_path, tmp_path):
    f = write(tmp_path / "dup.csv", "subject,客户,客户名称,备注,备注\nx,甲,乙,one,two\n")
    result = cli("import", "--received-now", f)
    assert "repeats a field" in result.stderr
    assert q(db_path, "SELECT name FROM customers") == [("甲",)]
    assert json.loads(q(db_path, "SELECT extra FROM complaints")[0][0]) == {"客户名称": "乙", "备注": "one",
                                                                             "备注_2": "two"}


def test_huge_field_and_nul_bytes(cli, db_path, tmp_path):
    big = "长" * (5 * 1024 * 1024 // 3 + 10)  # more than 5 MB of UTF-8
    f = tmp_path / "big.csv"
    f.write_text(f'subject,description\nbig one,"{big}"\nnul\x00 here,x\x00y\n', encoding="utf-8")
    assert summary(cli("import", "--received-now", f)) == "read 2, inserted 2, updated 0, unchanged 0, duplicates 0, rejected 0"
    assert q(db_path, "SELECT length(description) FROM complaints WHERE subject = 'big one'") == [(len(big),)]
    assert q(db_path, "SELECT subject, description FROM complaints WHERE id = 2") == [("nul here", "xy")]


def test_malformed_csv_stops_with_one_line_and_keeps_earlier_batches(cli, db_path, tmp_path):
    f = tmp_path / "bad.csv"
    f.write_bytes(b"subject\nfine\n" + "中文".encode("gbk") + b"\n")
    result = cli("import", "--received-now", f, "--encoding", "utf-8", expect=2)
    assert "not valid utf-8" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_broken_quotes_reject_the_row_and_an_unclosed_quote_stops_at_its_line(cli, db_path, tmp_path):
    # a stray quote after a quoted value: that row is rejected (not mangled), the next read afresh
    f = write(tmp_path / "quotes.csv",
              'subject,customer\n"5" screen cracked",Ann\nfine,Bob\n"two\nlines ""quoted""",Cy\n')
    result = cli("import", "--received-now", f, expect=3)
    assert summary(result) == "read 3, inserted 2, updated 0, unchanged 0, duplicates 0, rejected 1"
    rejects = (tmp_path / "quotes.rejects.csv").read_text(encoding="utf-8-sig")
    assert rejects.splitlines()[1].startswith("2,\"malformed CSV: ',' expected after '\"\"'")
    assert q(db_path, "SELECT subject FROM complaints ORDER BY id") == [("fine",), ('two lines "quoted"',)]

    # a quote opened and never closed would swallow every later row into one field
    rows = "".join(f"row {i},C{i}\n" for i in range(50))
    f = write(tmp_path / "unclosed.csv", f'subject,customer\nfirst,A\n"oops,B\n{rows}')
    result = cli("import", "--received-now", f, expect=2)
    assert "unclosed.csv line 3: a quoted field that starts on this line is never closed" in result.stderr
    assert q(db_path, "SELECT count(*) FROM complaints WHERE subject = 'first'") == [(1,)]
    assert q(db_path, "SELECT count(*) FROM complaints WHERE subject LIKE '%row 4%'") == [(0,)]


def test_map_and_mapping_file_and_value_aliases(cli, db_path, tmp_path):
    f = write(tmp_path / "m.csv", "工单来源,事件,紧急度,内部备注\n400热线,屏幕碎了,P1,skip me\n")
    mapping = tmp_path / "team.toml"
    mapping.write_text('[columns]\n"工单来源" = "channel"\n"紧急度" = "severity"\n\n'
                       '[values.channel]\n"400热线" = "phone"\n', encoding="utf-8")
    shown = cli("import", "--received-now", f, "--mapping", mapping, "--map", "事件=subject", "--map", "内部备注=ignore",
                "--show-mapping").stdout
    assert "channel" in shown and "mapping file" in shown and "--map" in shown and "ignore" in shown
    assert q(db_path, "SELECT count(*) FROM complaints") == [(0,)]
    cli("import", "--received-now", f, "--mapping", mapping, "--map", "事件=subject", "--map", "内部备注=ignore")
    assert q(db_path, "SELECT channel, subject, severity, extra FROM complaints") == [
        ("phone", "屏幕碎了", "critical", None)]
    assert "unknown field" in cli("import", "--received-now", f, "--map", "事件=colour", expect=2).stderr
    bad = tmp_path / "bad.toml"
    bad.write_text("[columns\n", encoding="utf-8")
    assert "not valid TOML" in cli("import", "--received-now", f, "--mapping", bad, expect=2).stderr


def test_a_map_naming_no_column_of_the_file_is_said_not_ignored(cli, db_path, tmp_path):
    f = write(tmp_path / "m.csv", "title,created\nLeak,2026-11-03\n")
    err = cli("import", f, "--map", "titel=subject", expect=2).stderr
    assert "--map: the file has no column 'titel'" in err and "'title', 'created'" in err
    # `gh issue list --json`: the author is an object none of whose keys names a field, kept whole
    issues = tmp_path / "issues.json"
    issues.write_text(json.dumps([{"number": 1, "title": "Crash", "createdAt": "2026-01-02T03:04:05Z",
                                   "author": {"id": "U_1", "is_bot": False, "login": "ilyaza"}}]), encoding="utf-8")
    err = cli("import", issues, "--map", "author.login=customer", expect=2).stderr
    assert "--map: no column 'author.login': 'author' is read as one column" in err
    assert q(db_path, "SELECT count(*) FROM complaints") == [(0,)]
    # a key of a JSON file may first appear past the sample: not second-guessed
    cli("import", issues, "--map", "assignee_login=assignee")
    assert q(db_path, "SELECT ref, subject FROM complaints") == [("1", "Crash")]


def test_json_array_and_ndjson_and_stdin(cli, db_path, tmp_path):
    arr = tmp_path / "a.json"
    arr.write_text(json.dumps([{"subject": "from json", "tags": ["a", "b"], "severity": "高"},
                               {"subject": "second", "extra": {"k": 1}, "zone": "east"}], ensure_ascii=False),
                   encoding="utf-8")
    assert summary(cli("import", "--received-now", arr)) == "read 2, inserted 2, updated 0, unchanged 0, duplicates 0, rejected 0"
    nd = tmp_path / "b.ndjson"
    nd.write_text('{"subject": "nd one", "status": "已关闭"}\nnot json\n{"title": "nd two"}\n', encoding="utf-8")
    assert summary(cli("import", "--received-now", nd, expect=3)) == \
        "read 3, inserted 2, updated 0, unchanged 0, duplicates 0, rejected 1"
    result = cli("import", "--received-now", "-", "--input-format", "csv", input="标题\n从标准输入\n")
    assert summary(result) == "read 1, inserted 1, updated 0, unchanged 0, duplicates 0, rejected 0"
    assert q(db_path, "SELECT tag FROM complaint_tags ORDER BY tag") == [("a",), ("b",)]
    assert json.loads(q(db_path, "SELECT extra FROM complaints WHERE subject = 'second'")[0][0]) == {
        "k": 1, "zone": "east"}


def test_summary_as_json_for_scripts(cli, tmp_path):
    f = write(tmp_path / "j.csv", "subject\na\n")
    data = json.loads(cli("import", "--received-now", f, "-f", "json").stdout)[0]
    assert data["inserted"] == 1 and data["rejected"] == 0 and data["import_id"] == 1


def test_imported_sla_fields_agree_with_the_event_log(cli, db_path, tmp_path):
    from complaintctl.core.sla.check import check_sla
    from complaintctl.store.db import connect

    f = write(tmp_path / "sla.csv",
              "subject,received,severity,status,first_response_at,resolved_at\n"
              "a,2026-11-01 08:00,high,investigating,2026-11-01 09:00,\n"
              "b,2026-11-01 08:00,critical,resolved,2026-11-01 10:00,2026-11-03 10:00\n"
              "c,2026-11-01 08:00,medium,waiting,,\n"
              "d,2026-11-01 08:00,low,closed,,2026-11-20 08:00\n")
    cli("import", "--received-now", f)
    assert q(db_path, "SELECT respond_due_at, responded_late, resolve_due_at, resolved_late FROM complaints ORDER BY id")[:2] == [
        ("2026-11-01T12:00:00Z", 0, "2026-11-04T08:00:00Z", None),
        ("2026-11-01T09:00:00Z", 1, "2026-11-02T08:00:00Z", 1)]
    conn = connect(db_path)
    assert check_sla(conn) == []
    cli("sla", "calendar", "set", "--timezone", "Asia/Shanghai")
    f2 = write(tmp_path / "sla2.csv", "subject,received,severity\nbusiness,2026-11-06 09:00,medium\n")
    cli("import", "--received-now", f2)
    assert check_sla(conn) == []


def test_gbk_after_a_long_ascii_start_is_still_detected(cli, db_path, tmp_path):
    # over a megabyte of ASCII in long rows (few rows to import) before the first Chinese one
    lines = ["subject,customer"] + [f"plain ascii row {i} {'x' * 400},Smith" for i in range(2_700)] + ["洗衣机漏水,李雷"]
    f = tmp_path / "late.csv"
    f.write_bytes(("\n".join(lines) + "\n").encode("gbk"))
    assert f.stat().st_size > 1 << 20
    result = cli("import", "--received-now", f)
    assert "gb18030" in result.stderr
    assert q(db_path, "SELECT subject FROM complaints ORDER BY id DESC LIMIT 1") == [("洗衣机漏水",)]


def test_quotes_in_the_actor_and_file_name_reach_the_audit_trail_intact(cli, db_path, tmp_path, monkeypatch):
    # the per-row constants (time, actor, note) are written into the import's statements
    monkeypatch.setenv("COMPLAINTCTL_ACTOR", "o'brien")
    folder = tmp_path / "it's here"
    folder.mkdir()
    f = write(folder / "o'neil's.csv", "标题,客户\nfirst,王\nsecond,李\n")
    cli("import", "--received-now", f)
    assert q(db_path, "SELECT created_by FROM complaints ORDER BY id") == [("o'brien",), ("o'brien",)]
    assert q(db_path, "SELECT actor, note FROM events WHERE action = 'imported' ORDER BY id") == [
        ("o'brien", "import #1 from o'neil's.csv line 2"), ("o'brien", "import #1 from o'neil's.csv line 3")]


def test_an_excel_report_with_a_title_row_no_subject_and_serial_dates(cli, db_path, tmp_path):
    """The shape a Chinese team's monthly Excel report takes once saved as CSV: a title row
    above the header, no subject column (only 投诉内容), dates Excel wrote as serials,
    category names of its own, and the DOS end-of-file mark an old system appends."""
    text = (
        "2026年11月投诉记录表,,,,,,\r\n"
        "投诉编号,投诉时间,客户名称,联系电话,投诉内容,投诉类型,状态\r\n"
        "TS-001,46329.5868055556,王芳,13800138000,快递三天没到，要求退款。客户说这已经是这个月第三次出现同样的问题了，之前两次客服都承诺第二天送达但都没有做到，这次客户要求全额退款并赔偿损失,物流延迟,处理中\r\n"
        "TS-002,46330,李雷,13900139000,\"洗衣机第二次漏水\n上门两次都没修好\",产品缺陷,新建\r\n"
        "TS-003,1762149900,韩梅梅,,"
        + "收到的账单比套餐价格多出了很多费用并且客服一直没有给出任何合理的解释也没有人回电话处理" * 2
        + ",重复扣费,已关闭\r\n"
    )
    f = tmp_path / "report.csv"
    f.write_bytes(text.encode("gbk") + b"\x1a")
    mapping = cli("import", "--received-now", "--show-mapping", f)
    assert "line 1 is above the header row and will be skipped: '2026年11月投诉记录表'" in mapping.stderr
    assert "each complaint's subject is the start of its description" in mapping.stderr
    result = cli("import", "--received-now", f)
    assert summary(result) == "read 3, inserted 3, updated 0, unchanged 0, duplicates 0, rejected 0"
    assert "warning: line 1 is above the header row and was skipped: '2026年11月投诉记录表'" in result.stderr
    assert "no subject column" in result.stderr
    rows = q(db_path, "SELECT ref, received_at, subject, category, status FROM complaints ORDER BY id")
    assert rows[0] == ("TS-001", "2026-11-03T14:05:00Z", "快递三天没到，要求退款", "delivery_delay", "investigating")
    assert rows[1] == ("TS-002", "2026-11-04T00:00:00Z", "洗衣机第二次漏水", "product_quality", "new")
    assert rows[2][1] == "2025-11-03T06:05:00Z"  # a Unix timestamp is UTC
    assert len(rows[2][2]) == 60 and rows[2][2].endswith("…") and rows[2][3] == "billing_error"
    assert not (tmp_path / "report.rejects.csv").exists()
    # a ticket with neither subject nor description is still a ticket: titled by its ref, counted
    f2 = write(tmp_path / "empty-text.csv", "投诉编号,投诉内容\nX-1,\nX-2,有内容\n")
    result = cli("import", "--received-now", f2)
    assert summary(result).endswith("inserted 2, updated 0, unchanged 0, duplicates 0, rejected 0")
    assert "1 row had no subject, description or category: its subject is \"(no subject)\" and its ref" \
        in result.stderr
    assert q(db_path, "SELECT subject FROM complaints WHERE ref LIKE 'X-%' ORDER BY id") == [
        ("(no subject) X-1",), ("有内容",)]


def test_a_title_row_is_not_mistaken_when_the_header_is_custom(cli, db_path, tmp_path):
    # first row has no known header names, but neither has any row below it: nothing is skipped
    f = write(tmp_path / "custom.csv", "Problem,Who\nScreen cracked,Ann\nNo refund,Bob\n")
    result = cli("import", "--received-now", f, "--map", "Problem=subject", "--map", "Who=customer")
    assert summary(result) == "read 2, inserted 2, updated 0, unchanged 0, duplicates 0, rejected 0"
    assert "above the header" not in result.stderr


def test_excel_unicode_text_and_a_file_of_empty_rows(cli, db_path, tmp_path):
    body = "标题\t客户\t渠道\r\n屏幕碎了\t王芳\t电话\r\n"
    f = tmp_path / "unicode.txt"
    f.write_bytes(b"\xff\xfe" + body.encode("utf-16-le"))
    result = cli("import", "--received-now", f)
    assert summary(result).startswith("read 1, inserted 1") and "utf-16" in result.stderr
    assert q(db_path, "SELECT subject, channel FROM complaints") == [("屏幕碎了", "phone")]
    empty = write(tmp_path / "formatted.csv", ",,,\r\n,,,\r\n")
    result = cli("import", "--received-now", empty, expect=2)
    assert "has only empty rows" in result.stderr


def test_files_that_are_not_csv_or_json_get_told_how_to_make_one(cli, db_path, tmp_path):
    import gzip
    import sqlite3

    cases = {
        "calls.xlsx": (b"PK\x03\x04\x14\x00\x06\x00" + b"\x00" * 200, "not an Excel workbook that can be read",
                       "Save As > CSV UTF-8"),
        "calls.xls": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 200, "password-protected or not a workbook",
                      "Save As > CSV UTF-8"),
        "calls.csv.gz": (gzip.compress(b"subject\nx\n"), "gzip-compressed", "gunzip -c FILE"),
    }
    backup = tmp_path / "old.db"
    sqlite3.connect(backup).execute("CREATE TABLE t (x)").connection.close()
    cases["old.db"] = (backup.read_bytes(), "an SQLite database", "sqlite3 -csv")
    for name, (data, what, how) in cases.items():
        f = tmp_path / name
        f.write_bytes(data)
        result = cli("import", "--received-now", f, expect=2)
        assert what in result.stderr and how in result.stderr, name
        assert len(result.stderr.strip().splitlines()) == 1
    assert q(db_path, "SELECT count(*) FROM imports") == [(0,)]


def test_json_lines_saved_as_json_and_a_wrapped_array(cli, db_path, tmp_path):
    lines = write(tmp_path / "mongoexport.json",
                  '{"subject": "屏幕碎了", "customer": "王芳"}\n{"subject": "No refund"}\n')
    assert summary(cli("import", "--received-now", lines)) == \
        "read 2, inserted 2, updated 0, unchanged 0, duplicates 0, rejected 0"
    wrapped = write(tmp_path / "api.json", '{\n  "code": 0,\n  "data": [{"subject": "a"}, {"subject": "b"}]\n}\n')
    result = cli("import", "--received-now", wrapped)
    assert summary(result) == "read 2, inserted 2, updated 0, unchanged 0, duplicates 0, rejected 0"
    assert "the records are the object's 'data' list" in result.stderr
    two = write(tmp_path / "two.json", '{"a": [{"subject": "x"}], "b": [{"subject": "y"}]}')
    result = cli("import", "--received-now", two, expect=2)
    assert "several lists of objects (a, b)" in result.stderr and "jq .a FILE" in result.stderr
    lines = write(tmp_path / "lines.txt", '{"subject": "x"}\n{"subject": "y"}\n')
    assert "use --input-format ndjson" in cli("import", "--received-now", lines, "--input-format", "json", expect=2).stderr


def test_headers_with_notes_in_brackets_and_required_marks(cli, db_path, tmp_path):
    f = write(tmp_path / "notes.csv", "*标题,投诉时间(北京时间),联系电话【必填】,备注(内部)\n"
                                      "屏幕碎了,2026-11-03 14:05,13800138000,VIP\n")
    shown = cli("import", "--received-now", "--show-mapping", f).stdout
    assert "received" in shown and "phone" in shown
    assert summary(cli("import", "--received-now", f)).startswith("read 1, inserted 1")
    assert q(db_path, "SELECT subject, received_at, extra FROM complaints") == [
        ("屏幕碎了", "2026-11-03T14:05:00Z", '{"备注(内部)": "VIP"}')]


def test_contact_cells_as_mail_and_phone_systems_export_them(cli, db_path, tmp_path):
    f = write(tmp_path / "contacts.csv",
              'subject,email,customer,phone\n'
              'a,"王芳 <WF@Example.cn>",,13800138000/13900139000\n'
              'b,"wf@example.cn; other@x.cn",,\n'
              'c,mailto:wf@example.cn,,\n'
              'd,wf@example,,\n')
    result = cli("import", "--received-now", f)
    assert summary(result) == "read 4, inserted 4, updated 0, unchanged 0, duplicates 0, rejected 0"
    # an address that is still none is kept as written, the complaint imported
    assert q(db_path, "SELECT json_extract(extra, '$.email_as_given'), customer_id FROM complaints "
                      "WHERE subject = 'd'") == [("wf@example", None)]
    # one customer: the display name became the name, the first number the one matched on
    assert q(db_path, "SELECT name, email, phone, phone_normalized FROM customers") == [
        ("王芳", "WF@Example.cn", "13800138000/13900139000", "13800138000")]
    assert q(db_path, "SELECT count(DISTINCT customer_id) FROM complaints WHERE subject <> 'A'") == [(1,)]
    assert q(db_path, "SELECT json_extract(extra, '$.other_emails') FROM complaints WHERE subject = 'b'") == [
        ("other@x.cn",)]


def test_nested_json_objects_are_read_as_dotted_columns(cli, db_path, tmp_path):
    records = [{"id": 9001, "title": "屏幕碎了", "created_at": "2026-11-03T06:05:00Z",
                "customer": {"name": "王芳", "phone": "13800138000", "email": "wf@example.cn", "vip": True},
                "priority": {"code": "high", "label": "高"}, "status": {"name": "已关闭"},
                "assignee": {"name": "li.wei"}, "meta": {"source": "web", "ip": "1.2.3.4"}}]
    f = write(tmp_path / "api.json", json.dumps(records, ensure_ascii=False))
    shown = cli("import", "--received-now", "--show-mapping", f).stdout
    assert "customer.phone  phone" in shown and "customer.vip    extra" in shown
    assert summary(cli("import", "--received-now", f)) == "read 1, inserted 1, updated 0, unchanged 0, duplicates 0, rejected 0"
    assert q(db_path, "SELECT c.ref, c.severity, c.status, c.assignee, cu.name, cu.phone, cu.email "
                      "FROM complaints c JOIN customers cu ON cu.id = c.customer_id") == [
        ("9001", "high", "closed", "li.wei", "王芳", "13800138000", "wf@example.cn")]
    extra = json.loads(q(db_path, "SELECT extra FROM complaints")[0][0])
    # a nested key that names nothing is kept under its dotted name; an object of its own, whole
    assert extra == {"customer.vip": True, "priority.label": "高", "meta": {"source": "web", "ip": "1.2.3.4"}}


def test_a_person_object_under_a_guessed_key_is_read_by_its_login(cli, db_path, tmp_path):
    """`gh issue list --json`: the author is an object ({id, is_bot, login, name}) under a key that
    only a guess names the customer; its login stands for it where its name is empty, the rest is extra."""
    records = [{"author": {"id": "MDQ6", "is_bot": False, "login": "ilyaza", "name": ""}, "number": 7,
                "title": "键盘不能自定义", "createdAt": "2026-11-03T06:05:00Z", "state": "OPEN"},
               {"author": {"id": "MDQ7", "is_bot": False, "login": "wf", "name": "王芳"}, "number": 8,
                "title": "Crash on start", "createdAt": "2026-11-04T06:05:00Z", "state": "CLOSED"}]
    f = write(tmp_path / "gh.json", json.dumps(records, ensure_ascii=False))
    assert summary(cli("import", f)) == "read 2, inserted 2, updated 0, unchanged 0, duplicates 0, rejected 0"
    assert q(db_path, "SELECT c.ref, cu.name FROM complaints c JOIN customers cu ON cu.id = c.customer_id "
                      "ORDER BY c.id") == [("7", "ilyaza"), ("8", "wf")]
    extra = json.loads(q(db_path, "SELECT extra FROM complaints WHERE ref = '8'")[0][0])
    assert extra["author.name"] == "王芳" and extra["author.id"] == "MDQ7"


def test_show_of_an_imported_closed_complaint_says_what_is_not_on_record(cli, db_path, tmp_path):
    f = write(tmp_path / "closed.csv",
              "subject,received,severity,status,closed\n旧投诉,2026-10-01 09:00,high,已关闭,2026-10-02\n")
    cli("import", "--received-now", f)
    shown = cli("show", "1").stdout
    assert "(no first response recorded)" in shown and "()" not in shown


def _workbook(path, sheets):
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    book.save(path)
    return path


def test_an_excel_workbook_is_read_as_its_csv_would_be(cli, db_path, tmp_path):
    from datetime import date, datetime

    f = _workbook(tmp_path / "calls.xlsx", {
        "说明": [["这张表是导出说明"]],
        "投诉": [
            ["2026年11月投诉记录表"],
            ["投诉编号", "投诉时间", "客户名称", "联系电话", "投诉内容", "级别"],
            ["TS-1", datetime(2026, 11, 3, 14, 5), "王芳", 13800138000, "屏幕碎了", "高"],
            [],
            ["TS-2", date(2026, 11, 4), "李雷", 13900139000.0, "快递三天没到", "中"],
            ["TS-3", "2026-02-30", "韩梅梅", None, "日期不对", "低"],
        ],
    })
    shown = cli("import", "--received-now", "--show-mapping", "--sheet", "投诉", f)
    assert "Excel workbook, sheet '投诉'" in shown.stderr and "13800138000" in shown.stdout
    result = cli("import", "--received-now", f, "--sheet", "投诉", expect=3)
    assert summary(result) == "read 3, inserted 2, updated 0, unchanged 0, duplicates 0, rejected 1"
    assert "line 1 is above the header row and was skipped" in result.stderr
    assert q(db_path, "SELECT c.ref, c.received_at, c.subject, c.severity, cu.phone FROM complaints c "
                      "JOIN customers cu ON cu.id = c.customer_id ORDER BY c.id") == [
        ("TS-1", "2026-11-03T14:05:00Z", "屏幕碎了", "high", "13800138000"),
        ("TS-2", "2026-11-04T00:00:00Z", "快递三天没到", "medium", "13900139000")]
    rejects = (tmp_path / "calls.rejects.csv").read_text(encoding="utf-8-sig").splitlines()
    assert rejects[1].startswith("6,") and "impossible date" in rejects[1]  # its row in the sheet
    assert summary(cli("import", "--received-now", f, "--sheet", "投诉", expect=3)).startswith("read 3, inserted 0")

    # the first visible sheet by default: here the notes, which hold no complaints
    assert "no column is read as the subject" in cli("import", "--received-now", f, expect=2).stderr
    result = cli("import", "--received-now", f, "--sheet", "Sheet9", expect=2)
    assert "has no sheet 'Sheet9'" in result.stderr and "说明, 投诉" in result.stderr
    assert "--sheet goes with a workbook" in cli(
        "import", write(tmp_path / "a.csv", "subject\nx\n"), "--sheet", "x", expect=2).stderr


def test_a_workbook_from_stdin_and_a_zip_that_is_not_one(cli, db_path, tmp_path):
    import zipfile


    f = _workbook(tmp_path / "w.xlsx", {"Sheet1": [["subject", "customer"], ["屏幕碎了", "王芳"]]})
    result = invoke(["--db", str(db_path), "import", "--received-now", "-"], input=f.read_bytes())
    assert result.exit_code == 0 and result.stdout.startswith("read 1, inserted 1")
    archive = tmp_path / "export.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("calls.csv", "subject\nx\n")
    assert "not an Excel workbook that can be read" in cli("import", "--received-now", archive, expect=2).stderr


def test_several_files_each_on_its_own_and_the_worst_exit_code(cli, db_path, tmp_path):
    good = write(tmp_path / "good.csv", "subject\na\nb\n")
    bad_row = write(tmp_path / "bad-row.csv", "subject,received\nc,2026-02-30\n")
    unreadable = tmp_path / "old.xls"
    unreadable.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100)
    later = write(tmp_path / "later.csv", "subject\nd\n")
    result = cli("import", "--received-now", good, bad_row, unreadable, later, expect=2)  # 2: a file could not be read
    assert result.stdout.splitlines() == [
        f"{good}: read 2, inserted 2, updated 0, unchanged 0, duplicates 0, rejected 0",
        f"{bad_row}: read 1, inserted 0, updated 0, unchanged 0, duplicates 0, rejected 1",
        f"{later}: read 1, inserted 1, updated 0, unchanged 0, duplicates 0, rejected 0"]  # the file after it still ran
    assert "old.xls is password-protected or not a workbook" in result.stderr
    assert (tmp_path / "bad-row.rejects.csv").exists()
    again = cli("import", "--received-now", good, bad_row, "-f", "json", expect=3)  # 3: rows rejected, nothing worse
    assert [s["unchanged"] for s in json.loads(again.stdout)] == [2, 0]
    assert "cannot be one of several" in cli("import", "--received-now", good, "-", expect=2).stderr
    assert "--rejects goes with one file" in cli("import", "--received-now", good, later, "--rejects", tmp_path / "r.csv",
                                                 expect=2).stderr


def test_a_contact_column_holding_an_email_and_more_category_headers(cli, db_path, tmp_path):
    f = write(tmp_path / "contact.csv", "标题,客户姓名,联系方式,投诉类别\n"
                                        "多收了 20 元,韩梅梅,hmm@example.cn,乱收费\n"
                                        "洗衣机漏水,李雷,13900139000,产品缺陷\n")
    assert summary(cli("import", "--received-now", f)) == "read 2, inserted 2, updated 0, unchanged 0, duplicates 0, rejected 0"
    assert q(db_path, "SELECT cu.name, cu.email, cu.phone, c.category FROM complaints c "
                      "JOIN customers cu ON cu.id = c.customer_id ORDER BY c.id") == [
        ("韩梅梅", "hmm@example.cn", None, "price"), ("李雷", None, "13900139000", "product_quality")]


def test_the_commonest_reasons_for_rejection_are_summed_up(cli, db_path, tmp_path):
    rows = "".join(f"{'' if i % 3 == 0 else f's{i}'},{'2026-02-30' if i % 7 == 0 else '2026-11-01'}\n"
                   for i in range(300))
    f = write(tmp_path / "many.csv", "subject,received\n" + rows)
    result = cli("import", "--received-now", f, expect=3)
    assert summary(result) == "read 300, inserted 172, updated 0, unchanged 0, duplicates 0, rejected 128"
    lines = [ln.strip() for ln in result.stderr.splitlines()]
    assert any(ln.startswith("85 x no text: no subject") and ln.endswith("(first: line 5)") for ln in lines)
    assert any(ln.startswith("43 x cannot read received '2026-02-30'") and ln.endswith("(first: line 2)")
               for ln in lines)
    data = json.loads(cli("import", "--received-now", f, "-f", "json", expect=3).stdout)[0]
    assert [(r["rows"], r["first_line"]) for r in data["reject_reasons"]] == [(85, 5), (43, 2)]


def test_set_gives_rows_a_value_they_do_not_have(cli, db_path, tmp_path):
    f = write(tmp_path / "calls.csv", "标题,客户,渠道\n屏幕碎了,王芳,\n快递慢,李雷,微信\n")
    mapping = tmp_path / "calls.toml"
    mapping.write_text('[defaults]\nchannel = "电话"\ntags = "from-calls"\n', encoding="utf-8")
    result = cli("import", "--received-now", f, "--mapping", mapping, "--set", "assignee=li.wei", "--set", "tags=batch-11")
    assert summary(result) == "read 2, inserted 2, updated 0, unchanged 0, duplicates 0, rejected 0"
    assert q(db_path, "SELECT subject, channel, assignee, (SELECT group_concat(tag) FROM complaint_tags t "
                      "WHERE t.complaint_id = c.id) FROM complaints c ORDER BY id") == [
        ("屏幕碎了", "phone", "li.wei", "batch-11"),   # --set wins over the mapping file's [defaults]
        ("快递慢", "social", "li.wei", "batch-11")]     # the row's own value wins over both
    # the same defaults again: recognised, nothing doubled
    assert summary(cli("import", "--received-now", f, "--mapping", mapping, "--set", "assignee=li.wei", "--set", "tags=batch-11")
                   ).startswith("read 2, inserted 0, updated 0, unchanged 2")
    assert "--set channel=pigeon: unknown channel 'pigeon'" in cli("import", "--received-now", f, "--set", "channel=pigeon",
                                                                   expect=2).stderr
    assert "cannot be given one value for every row" in cli("import", "--received-now", f, "--set", "ref=X", expect=2).stderr
    assert "is not field=value" in cli("import", "--received-now", f, "--set", "channel", expect=2).stderr


def test_a_one_line_wrapper_object_is_not_taken_for_json_lines(cli, db_path, tmp_path):
    f = write(tmp_path / "api.json", '{"total": 1, "data": [{"subject": "a"}]}\n')
    result = cli("import", "--received-now", f)
    assert summary(result).startswith("read 1, inserted 1") and "'data' list" in result.stderr


def test_search_finds_words_in_the_columns_an_import_kept(cli, db_path, tmp_path):
    f = write(tmp_path / "notes.csv", "标题,备注\n屏幕碎了,老客户 VIP\n快递慢,\n")
    cli("import", "--received-now", f)
    found = cli("search", "vip", "-f", "json").stdout
    assert [r["subject"] for r in json.loads(found)] == ["屏幕碎了"]


def test_one_object_is_one_record_whether_on_one_line_or_pretty_printed(cli, db_path, tmp_path):
    one_line = write(tmp_path / "hook.json", '{"subject": "屏幕碎了", "customer": "王芳"}')
    pretty = write(tmp_path / "hook2.json", '{\n  "subject": "快递慢",\n  "customer": "李雷"\n}\n')
    for f in (one_line, pretty):
        assert summary(cli("import", "--received-now", f)) == \
            "read 1, inserted 1, updated 0, unchanged 0, duplicates 0, rejected 0"
    assert q(db_path, "SELECT subject FROM complaints ORDER BY id") == [("屏幕碎了",), ("快递慢",)]


def test_an_old_xls_workbook_as_wps_writes_it(cli, db_path):
    """.xls (WPS and older Excel): read by python-calamine like any workbook: date cells, phone
    numbers whole, rejects and messages by sheet row."""
    from pathlib import Path

    xls = Path(__file__).resolve().parents[1] / "data" / "wps-register.xls"
    result = cli("import", xls, "--sheet", "投诉", "-f", "json")
    summary = json.loads(result.stdout)[0]
    assert (summary["inserted"], summary["format"], summary["encoding"], summary["sheet"]) == (2, "xlsx", "xls", "投诉")
    assert summary["unclassified"][0]["first_line"] == 4  # the sheet's row
    assert q(db_path, "SELECT c.ref, c.received_at, c.severity, cu.phone FROM complaints c "
                      "JOIN customers cu ON cu.id = c.customer_id ORDER BY c.id") == [
        ("X-1", "2026-11-03T14:05:00Z", "high", "13800138000"), ("X-2", "2026-11-04T09:30:00Z", None, "13900139000")]


def test_the_rejects_file_is_guarded_against_formulas_and_reads_back(cli, db_path, tmp_path):
    """A rejected row's cells go to a CSV that people open in Excel: a cell such as
    =HYPERLINK(...) must not run there, and fixing the row and importing the file again
    must give back the value as it was."""
    f = write(tmp_path / "evil.csv",
              "subject,received\n"
              '"=HYPERLINK(""http://x.test"",""click"")",2026-02-30\n'
              "+1 fine,2026-11-02\n")
    cli("import", f, expect=3)
    rows = list(csv.reader(io.StringIO((tmp_path / "evil.rejects.csv").read_text(encoding="utf-8-sig"))))
    assert rows[1][2] == "'=HYPERLINK(\"http://x.test\",\"click\")"
    fixed = tmp_path / "fixed.csv"
    fixed.write_text("subject,received\n" + "\n".join(
        ",".join('"' + c.replace('"', '""') + '"' for c in (r[2], "2026-11-03")) for r in rows[1:]) + "\n",
        encoding="utf-8")
    cli("import", fixed)
    assert q(db_path, "SELECT subject FROM complaints ORDER BY id") == [
        ("+1 fine",), ('=HYPERLINK("http://x.test","click")',)]


@pytest.mark.parametrize("cached", [True, False], ids=["customers cached", "matched through the database"])
def test_a_row_naming_someone_else_than_its_phones_customer_keeps_that_name_and_says_so(
        cli, db_path, tmp_path, monkeypatch, cached):
    """As with `log`, a typed name that disagrees with the customer the phone belongs to is never
    dropped: the complaint is filed under the known customer (the contact is the stronger key), the
    row's own name is kept with the complaint, and the summary names the rows."""
    from complaintctl.core.intake import customer_cache as writer

    if not cached:  # what a desk with more customers than the writer caches does
        monkeypatch.setattr(writer, "CUSTOMER_CACHE_KEYS", 0)
    cli.log("-s", "手工登记", "--customer", "王五", "--phone", "13900000000")
    f = write(tmp_path / "family.csv",
              "ref,subject,received,customer,phone\n"
              "A1,洗衣机漏水,2026-11-01,李雷,13800138000\n"
              "A2,又漏水,2026-11-02,韩梅梅,138 0013 8000\n"
              "A3,第三次,2026-11-03,李 雷,+86 13800138000\n"
              "A4,电话打不通,2026-11-04,赵六,139-0000-0000\n")
    result = cli("import", f, "-f", "json")
    summary = json.loads(result.stdout)[0]
    assert summary["other_names"] == 2
    assert [(r["line"], r["name"], r["customer"]) for r in summary["other_names_first"]] == [
        (3, "韩梅梅", "李雷"), (5, "赵六", "王五")]
    assert "2 rows name someone other than the known customer" in result.stderr
    assert q(db_path, "SELECT c.ref, cu.name, json_extract(c.extra, '$.customer_as_given') FROM complaints c "
                      "JOIN customers cu ON cu.id = c.customer_id WHERE c.ref IS NOT NULL ORDER BY c.ref") == [
        ("A1", "李雷", None), ("A2", "李雷", "韩梅梅"), ("A3", "李雷", None), ("A4", "王五", "赵六")]
    # --update meets the same: the name the newer row gives is kept, not dropped
    g = write(tmp_path / "family2.csv", "ref,subject,received,customer,phone\n"
                                        "A1,洗衣机漏水了,2026-11-01,Han Meimei,13800138000\n")
    summary = json.loads(cli("import", g, "--update", "-f", "json").stdout)[0]
    assert summary["updated"] == 1 and summary["other_names"] == 1
    assert q(db_path, "SELECT json_extract(extra, '$.customer_as_given') FROM complaints WHERE ref = 'A1'") == [
        ("Han Meimei",)]


def test_json_records_that_are_not_objects_are_rejected_rows_kept_as_json(cli, db_path, tmp_path):
    """An array inside the array (a sheet's rows), a string or null is a rejected row, not a crash,
    and the rejects file keeps it as the JSON it was; the objects beside it are imported."""
    f = tmp_path / "calls.json"
    f.write_text('[["subject", "received"], {"subject": "门锁坏了", "received": "2026-11-01"}, null, "x"]',
                 encoding="utf-8")
    result = cli("import", f, expect=3)
    assert "3 rejected" in result.stderr
    assert q(db_path, "SELECT subject FROM complaints") == [("门锁坏了",)]
    rows = list(csv.reader(io.StringIO((tmp_path / "calls.rejects.csv").read_text(encoding="utf-8-sig"))))
    assert [r[1:] for r in rows[1:]] == [
        ["not a JSON object but an array", '["subject", "received"]'],
        ["not a JSON object but null", "null"],
        ["not a JSON object but a string", '"x"']]


def test_update_that_names_another_customer_points_the_complaint_at_them(cli, db_path, tmp_path):
    # an export re-saved by Excel changes a company's name ('S.à r.l.' -> 'S._ r.l.'): the
    # complaint is filed under the customer the newer row names, never refused by the database
    first = write(tmp_path / "first.csv", "ref,received,subject,customer,company\nA1,2026-11-01,broken,Ann,S.à r.l.\n")
    again = write(tmp_path / "again.csv", "ref,received,subject,customer,company\nA1,2026-11-01,broken,Ann,S._ r.l.\n")
    cli("import", first)
    result = cli("import", again, "--update")
    assert summary(result) == "read 1, inserted 0, updated 1, unchanged 0, duplicates 0, rejected 0"
    assert q(db_path, "SELECT cu.company FROM complaints c JOIN customers cu ON cu.id = c.customer_id") == [
        ("S._ r.l.",)]
    assert q(db_path, "SELECT company FROM customers ORDER BY id") == [("S.à r.l.",), ("S._ r.l.",)]
    assert q(db_path, "SELECT field FROM events WHERE note LIKE '%again.csv%' AND complaint_id IS NOT NULL") == [
        ("customer_id",)]
    assert q(db_path, "SELECT action, old_value, new_value FROM events WHERE note LIKE '%again.csv%' "
                      "AND complaint_id IS NULL") == [("customers_imported", "2", "2")]  # the new record, sealed


@pytest.mark.parametrize(("text", "says"), [
    ('"', "the header row cannot be read (the file ends inside this record"),
    ('"subject,received\n', "the header row cannot be read (the file ends inside this record"),
    ('subject,"received\nx,2026-11-01\n', "a quoted field that starts on this line is never closed")])
def test_a_header_row_that_cannot_be_read_is_a_clear_error(cli, tmp_path, text, says):
    f = write(tmp_path / "cut.csv", text)
    result = cli("import", f, expect=2)
    assert f"cut.csv line 1: {says}" in result.stderr, result.stderr


def test_snapshots_of_an_event_log_are_duplicates_not_lost_complaints(cli, db_path, tmp_path):
    """An ITSM event log repeats each incident once per change, every row with its final close
    time: the later snapshots are differing duplicates of the first (a closed time on an open
    snapshot is kept with it, not a reason to lose the incident)."""
    f = write(tmp_path / "events.csv",
              "number,incident_state,short_description,opened_at,closed_at\n"
              "INC1,New,printer,13-03-2016 09:10,15-03-2016 12:00\n"
              "INC1,Active,printer,13-03-2016 09:10,15-03-2016 12:00\n"
              "INC1,Closed,printer,13-03-2016 09:10,15-03-2016 12:00\n"
              "INC2,New,,02-03-2016 10:00,06-03-2016 12:00\n")
    result = cli("import", f, "--map", "number=ref", "-f", "json", expect=3)
    summary = json.loads(result.stdout)[0]
    assert (summary["inserted"], summary["duplicates"], summary["duplicates_differing"], summary["rejected"]) == \
        (2, 2, 2, 0)
    assert q(db_path, "SELECT ref, status, closed_at, json_extract(extra, '$.closed_at_as_given') FROM complaints") == [
        ("INC1", "new", None, "2016-03-15T12:00:00Z"), ("INC2", "new", None, "2016-03-06T12:00:00Z")]


def test_a_date_order_settled_only_past_the_sampled_rows_is_found_before_any_row_is_read(cli, db_path, tmp_path):
    """An export sorted by date whose first few thousand rows all fall on days 1-12: the value
    that settles the order comes late, and the whole file is read by it, not month first."""
    from complaintctl.core.intake import decide

    rows = "".join(f"s{i},0{1 + i % 9}-0{1 + i % 3}-2016 09:10\n" for i in range(decide.SAMPLE_ROWS + 50))
    f = write(tmp_path / "sorted.csv", "subject,received\n" + rows + "late,25-03-2016 10:00\n")
    result = cli("import", f)
    assert "rejected 0" in result.stdout
    late_line = decide.SAMPLE_ROWS + 52
    assert f"received day first: '25-03-2016 10:00' (line {late_line}, past the first rows)" in result.stderr
    assert "could be day or month first" not in result.stderr
    assert q(db_path, "SELECT received_at FROM complaints WHERE subject IN ('s0', 'late') ORDER BY id") == [
        ("2016-01-01T09:10:00Z",), ("2016-03-25T10:00:00Z",)]
    # with no such value anywhere, the order is a default the warning names
    g = write(tmp_path / "open.csv", "subject,received\n" + rows)
    assert "no value in the file settles it; read month first" in cli("import", g).stderr


def test_rejects_go_to_the_current_folder_when_the_files_folder_cannot_be_written(cli, tmp_path, monkeypatch):
    """An export on a read-only share: its rejects file is written where the user stands, and a
    --rejects place that cannot be written is refused before any row is imported."""
    import os
    from pathlib import Path

    share = tmp_path / "share"
    share.mkdir()
    f = write(share / "calls.csv", "subject,received\nok,2026-11-01\nbad,someday\n")
    here = tmp_path / "here"
    here.mkdir()
    monkeypatch.chdir(here)
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda p, mode: False if Path(p) == share else real_access(p, mode))
    result = cli("import", f, expect=3)
    assert "1 rejected row written to calls.rejects.csv" in result.stderr
    assert (here / "calls.rejects.csv").exists() and not (share / "calls.rejects.csv").exists()
    refused = cli("import", f, "--update", "--rejects", share / "out.csv", expect=2)
    assert "cannot write the rejects file" in refused.stderr and "its folder cannot be written" in refused.stderr
    assert "inserted" not in refused.stdout
