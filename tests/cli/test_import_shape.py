"""The file's shape: a title and a note above the header (a Chinese OA system's workbook with a merged
title row), the header row given (--header-row N) or absent (--no-header, or found absent from the
values), and a page's header repeated inside the file. Fixtures in the shapes of real exports, no
real data."""

import csv
import json

from conftest import query


def write(path, text, encoding="utf-8"):
    path.write_bytes(text.encode(encoding))
    return path


def imported(cli, f, *args, expect=0):
    result = cli("import", f, "-f", "json", *args, expect=expect)
    return json.loads(result.stdout)[0], result


OA_HEADER = ["流水号", "申请人", "所在部门", "创建日期", "工单类型", "工单类型子类型", "OA系统", "营销平台", "U8C",
             "需求内容", "审核状态_系统字段", "流程状态_系统字段"]


def _oa_workbook(path):
    """An OA system's work orders as it exports them: a merged title over the table, a note of the
    data source and the time of the export, then the header on the third row."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "需求工单统计表"
    sheet.append(["需求工单统计表"])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(OA_HEADER))
    sheet.append(["数据源：需求工单  执行时间：2025-07-24 17:09:08"])
    sheet.merge_cells(start_row=2, start_column=1, end_row=2, end_column=len(OA_HEADER))
    sheet.append(OA_HEADER)
    sheet.append(["XXXQ202507240070", "王淼(安天集团)", "哈尔滨财务部", "2025-07-24", "信息系统业务类", "数据提取/报表需求",
                  "勾选", "勾选", "未勾选", "因离职审计需求，现需要营销平台导出上述人员系统经办流程明细", "未审核", "未结束"])
    sheet.append(["XXXQ202406140003", "李雷(安天集团)", "运营开发部", "2024-06-14", "销售管理类", "销售人员信息变更",
                  "未勾选", "勾选", "未勾选", "天昕系统在离职销售名下，需转给新的销售负责人", "已审核", "已结束"])
    sheet.append(["", "张影", "扩大办公会", "2024-09-26", "信息系统业务类", "业务需求新增/变更", "未勾选", "勾选",
                  "未勾选", "采购到货通知单可以手动增加商品行，以便于赠品行填写入库", "草稿", "未结束"])
    for n in (5, 6):
        sheet.append([f"XXXQ20240{n}010001", "韩梅梅", "财务部", f"2024-0{n}-01", "财务类", "报表需求", "未勾选", "勾选",
                      "未勾选", f"{n}月的报销单据需要导出给审计", "已审核", "已结束"])
    book.save(path)
    return path


def test_a_workbook_with_a_merged_title_and_a_note_above_its_header(cli, db_path, tmp_path):
    f = _oa_workbook(tmp_path / "xuqiu.xlsx")
    shown = json.loads(cli("import", f, "--show-mapping", "-f", "json").stdout)
    assert shown["header_line"] == 3
    assert [s["line"] for s in shown["skipped_lines"]] == [1, 2]
    fields = {c["header"]: c["field"] for c in shown["columns"]}
    assert (fields["流水号"], fields["创建日期"], fields["需求内容"], fields["流程状态_系统字段"]) == (
        "ref", "received", "description", "status")
    summary, result = imported(cli, f)
    assert (summary["read"], summary["inserted"], summary["rejected"]) == (5, 5, 0)
    assert "line 1 is above the header row and was skipped: '需求工单统计表'" in result.stderr
    assert "line 2 is above the header row and was skipped: '数据源：需求工单  执行时间：2025-07-24 17:09:08'" \
        in result.stderr
    assert query(db_path, "SELECT ref, received_at, status FROM complaints ORDER BY id") == [
        ("XXXQ202507240070", "2025-07-24T00:00:00Z", "new"), ("XXXQ202406140003", "2024-06-14T00:00:00Z", "closed"),
        (None, "2024-09-26T00:00:00Z", "new"), ("XXXQ202405010001", "2024-05-01T00:00:00Z", "closed"),
        ("XXXQ202406010001", "2024-06-01T00:00:00Z", "closed")]
    # 未结束 ("not ended") is kept raw, and never offered as an alias of closed for its 结束
    unknown = [u for u in summary["unclassified"] if u["field"] == "status"]
    assert [(u["label"], u["rows"], u["suggestion"]) for u in unknown] == [("未结束", 2, None)]


def test_the_header_row_given_and_a_line_that_holds_none(cli, db_path, tmp_path):
    # a report whose note rows are as wide as the table: nothing tells them from a header
    f = write(tmp_path / "report.csv",
              "Report,Complaints,Q3\nExported by,ops,2026-11-30\n"
              "Ticket,Opened,Summary\nT-1,2026-11-03 10:00,Screen cracked\nT-2,2026-11-04 11:00,No refund\n")
    summary, result = imported(cli, f, "--header-row", "3")
    assert (summary["read"], summary["inserted"]) == (2, 2)
    assert "line 1 is above the header row and was skipped: 'Report Complaints Q3'" in result.stderr
    assert "line 2 is above the header row and was skipped" in result.stderr
    assert query(db_path, "SELECT ref, received_at, subject FROM complaints ORDER BY id") == [
        ("T-1", "2026-11-03T10:00:00Z", "Screen cracked"), ("T-2", "2026-11-04T11:00:00Z", "No refund")]
    assert "line 9 with a row on it" in cli("import", f, "--header-row", "9", expect=2).stderr
    blank = write(tmp_path / "blank.csv", "Title\n\nTicket,Opened,Problem\nT-3,2026-11-05 09:00,Late\n")
    assert "line 2 of" in cli("import", blank, "--header-row", "2", expect=2).stderr
    assert "contradict" in cli("import", f, "--header-row", "3", "--no-header", expect=2).stderr
    assert "goes with a table" in cli("import", write(tmp_path / "a.json", "[]"), "--no-header", expect=2).stderr


def test_a_file_without_a_header_row_loses_no_record(cli, db_path, tmp_path):
    rows = ("2026-11-03 10:00,T-1,王芳,快递三天没到，要求退款，客服一直没有回电\n"
            "2026-11-04 11:30,T-2,李雷,洗衣机第二次漏水，上门两次都没修好\n"
            "2026-11-05 09:15,T-3,韩梅梅,账单比套餐价格多出了很多费用\n")
    f = write(tmp_path / "rows.csv", rows)
    # found from the values: a date over a column of dates is no column name
    summary, result = imported(cli, f)
    assert (summary["read"], summary["inserted"], summary["rejected"]) == (3, 3, 0)
    assert "line 1 holds values, not column names (a date, '2026-11-03 10:00', over a column of them)" \
        in result.stderr and "give line 1 as the header row to read it as the header" in result.stderr
    assert query(db_path, "SELECT ref, received_at, substr(description, 1, 6) FROM complaints ORDER BY id") == [
        ("T-1", "2026-11-03T10:00:00Z", "快递三天没到"), ("T-2", "2026-11-04T11:30:00Z", "洗衣机第二次"),
        ("T-3", "2026-11-05T09:15:00Z", "账单比套餐价")]
    assert summary["by_values"]["received"].startswith("'column_1'")
    # said outright, and named columns mapped by their numbers
    g = write(tmp_path / "plain.csv", "T-9,Screen cracked,Ann\nT-8,No refund,Bob\n")
    summary, _ = imported(cli, g, "--no-header", "--received-now", "--map", "column_2=subject",
                          "--map", "column_3=customer")
    assert (summary["read"], summary["inserted"]) == (2, 2)
    assert query(db_path, "SELECT ref, subject FROM complaints WHERE subject IN ('Screen cracked', 'No refund') "
                          "ORDER BY id") == [("T-9", "Screen cracked"), ("T-8", "No refund")]


def test_a_header_repeated_inside_the_file_is_skipped_and_counted(cli, db_path, tmp_path):
    header = "投诉编号,投诉时间,客户名称,投诉内容\n"
    page = "TS-{0},2026-11-0{0} 10:00,王芳,第{0}页的投诉\n"
    f = write(tmp_path / "pages.csv", header + page.format(1) + header + page.format(2) + header.replace("\n", ",\n")
              + page.format(3))
    summary, result = imported(cli, f)
    assert (summary["read"], summary["inserted"], summary["rejected"], summary["repeated_headers"]) == (3, 3, 0, 2)
    assert "2 lines inside the file repeat the header row: skipped, not read" in cli("import", f).stderr
    assert query(db_path, "SELECT ref FROM complaints ORDER BY id") == [("TS-1",), ("TS-2",), ("TS-3",)]
    assert not (tmp_path / "pages.rejects.csv").exists()


def _garbled(text, read_as, errors="strict"):
    """``text`` as a program that read its UTF-8 bytes as ``read_as`` and saved them again has it."""
    import ftfy.bad_codecs  # noqa: F401 - sloppy-windows-1252, the code page as Windows really decodes it

    return text.encode("utf-8").decode(read_as, errors=errors)


def test_mojibake_is_repaired_when_the_repair_is_exact_and_rejected_when_not(cli, db_path, tmp_path):
    rows = [
        ("TS-1", "王芳", "快递三天没到，要求退款"),  # not garbled
        ("TS-2", "Ana", _garbled("Café crème: la facture est fausse", "latin-1")),  # CafÃ© crÃ¨me
        ("TS-3", _garbled("李雷", "sloppy-windows-1252"), _garbled("快递三天没到，要求退款", "sloppy-windows-1252")),
        ("TS-4", "韩梅梅", _garbled("用户投诉", "gbk")),  # 鐢ㄦ埛鎶曡瘔
        # bytes lost when it was saved: the `?` Windows-1252 has for 0x81, 0x8D, 0x8F, 0x90, 0x9D
        ("TS-5", "赵强", _garbled("账单多扣费", "cp1252", "replace").replace("\ufffd", "?")),  # è´¦å?•å¤šæ‰£è´¹
        ("TS-6", "钱七", _garbled("洗衣机第二次漏水，上门两次都没修好", "gbk", "replace")),  # 娲楄。鏈�...
        ("TS-7", "孙八", "锟斤拷锟斤拷"),  # U+FFFD written as UTF-8, read as GBK
    ]
    body = "".join(f"{ref},2026-11-0{i} 10:00,{name},{text}\n" for i, (ref, name, text) in enumerate(rows, 1))
    f = write(tmp_path / "garbled.csv", "投诉编号,投诉时间,客户名称,投诉内容\n" + body)
    summary, result = imported(cli, f, expect=3)
    assert (summary["read"], summary["inserted"], summary["rejected"]) == (7, 4, 3)
    assert summary["mojibake_repaired"] == {"UTF-8 read as Latin-1 and saved again": 1,
                                            "UTF-8 read as Windows-1252 and saved again": 1,
                                            "UTF-8 read as GBK and saved again": 1}
    assert query(db_path, "SELECT c.ref, cu.name, c.description FROM complaints c JOIN customers cu "
                          "ON cu.id = c.customer_id ORDER BY c.id") == [
        ("TS-1", "王芳", "快递三天没到，要求退款"), ("TS-2", "Ana", "Café crème: la facture est fausse"),
        ("TS-3", "李雷", "快递三天没到，要求退款"), ("TS-4", "韩梅梅", "用户投诉")]
    with open(tmp_path / "garbled.rejects.csv", encoding="utf-8-sig", newline="") as rejects:
        reasons = {row[2]: row[1] for row in list(csv.reader(rejects))[1:]}
    assert set(reasons) == {"TS-5", "TS-6", "TS-7"}
    assert "UTF-8 read as Windows-1252 and saved again) that cannot be repaired exactly" in reasons["TS-5"]
    assert reasons["TS-5"].endswith("in column '投诉内容': 'è´¦å?•å¤šæ‰£è´¹'")
    assert "UTF-8 read as GBK and saved again) that cannot be repaired exactly" in reasons["TS-6"]
    assert "cannot be repaired exactly" in reasons["TS-7"]
    again, _ = imported(cli, f, expect=3)  # the repaired rows are recognised: the same complaints
    assert (again["inserted"], again["unchanged"], again["rejected"]) == (0, 4, 3)
    # real text in the languages of real exports is never taken for garbled
    plain = write(tmp_path / "plain.csv", "投诉编号,投诉时间,投诉内容\n"
                  "P-1,2026-11-03 10:00,CONFIGURAÇÃO DO COMPUTADOR NÃO SENDO HABILITADO\n"
                  "P-2,2026-11-03 11:00,Ücretsiz Yükselin – naïve café in São Paulo\n"
                  "P-3,2026-11-03 12:00,您好，已收到您的留言，我们将尽快处理并答复\n")
    summary, _ = imported(cli, plain)
    assert (summary["inserted"], summary["rejected"], summary["mojibake_repaired"]) == (3, 0, {})


def test_a_western_file_whose_first_accent_is_far_down_is_read_as_windows_1252(cli, db_path, tmp_path):
    """A ServiceNow list export: 600 KB of ASCII, then `–` and `Ü` in Windows-1252. The detector was
    shown only ASCII, answered ascii, and the import stopped advising GB18030, which garbles it."""
    head = "number,opened_at,short_description\n"
    rows = "".join(f"INC{i:07d},2012-05-06 10:{i % 60:02d}:00,Password reset for user account number {i}\n"
                   for i in range(4000))
    tail = "INC9000001,2012-05-07 09:00:00,CERNER –LIS Ücretsiz Yükselin\n"
    f = tmp_path / "incident.csv"
    f.write_bytes((head + rows + tail).encode("cp1252"))
    summary, result = imported(cli, f)
    assert summary["encoding"] == "cp1252" and summary["inserted"] == 4001
    assert query(db_path, "SELECT subject FROM complaints WHERE ref = 'INC9000001'") == [
        ("CERNER –LIS Ücretsiz Yükselin",)]
    # a UTF-8 file with one Windows-1252 line past the first megabyte: the advice names cp1252
    body = "".join(f"T-{i},2026-11-03 10:00,屏幕碎了，要求换新 {i}\n" for i in range(30000))
    g = tmp_path / "joined.csv"
    g.write_bytes(("ref,received,subject\n" + body).encode("utf-8") + "T-x,2026-11-03 10:00,Café\n".encode("cp1252"))
    stop = cli("import", g, expect=2).stderr
    assert "is not valid utf-8" in stop and "--encoding cp1252 (that line reads as cp1252)" in stop
    assert "gb18030" not in stop


def test_json_columns_are_every_key_of_the_file_not_the_first_records(cli, db_path, tmp_path):
    """An API's records name only the keys they have: the first has no description, no customer and
    no status; the third says `summary` where the others say `title`."""
    records = [
        {"id": "C-1", "title": "屏幕碎了", "created_at": "2026-11-03T02:05:00Z"},
        {"id": "C-2", "title": "洗衣机漏水", "created_at": "2026-11-04T03:00:00Z", "status": "处理中",
         "description": "洗衣机第二次漏水，上门两次都没修好", "customer": {"name": "王芳", "phone": "13800138000"}},
        {"id": "C-3", "summary": "账单多扣费", "created_at": "2026-11-05T04:00:00Z", "status": "已关闭",
         "closed_at": "2026-11-06T04:00:00Z", "due": None},
    ]
    f = write(tmp_path / "api.json", json.dumps(records, ensure_ascii=False))
    shown = json.loads(cli("import", f, "--show-mapping", "-f", "json").stdout)
    fields = {c["header"]: c["field"] for c in shown["columns"]}
    assert fields == {"id": "ref", "title": "subject", "created_at": "received", "status": "status",
                      "description": "description", "customer.name": "customer", "customer.phone": "phone",
                      "summary": "extra", "closed_at": "closed", "due": "extra"}
    summary, _ = imported(cli, f)
    assert (summary["read"], summary["inserted"], summary["rejected"]) == (3, 3, 0)
    assert query(db_path, "SELECT c.ref, c.subject, c.status, c.description, cu.phone FROM complaints c "
                          "LEFT JOIN customers cu ON cu.id = c.customer_id ORDER BY c.id") == [
        ("C-1", "屏幕碎了", "new", None, None),
        ("C-2", "洗衣机漏水", "investigating", "洗衣机第二次漏水，上门两次都没修好", "13800138000"),
        ("C-3", "账单多扣费", "closed", None, None)]
