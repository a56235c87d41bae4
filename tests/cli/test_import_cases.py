"""import on the shapes of real exports that went wrong once: a consumer-complaints register (the FCC's
Comcast complaints) whose date column mixes day and month first between rows, a Twitter support
export whose brands' replies sit beside the customers' tweets, a GBK file whose Chinese text was
lost to `?` before it was exported."""

import csv
import json

from conftest import query


def write(path, text, encoding="utf-8"):
    path.write_bytes(text.encode(encoding))
    return path


FCC_HEADER = "Ticket #,Customer Complaint,Date,Date_month_year,Time,Received Via,City,State,Zip code,Status\n"


def test_a_column_of_both_date_orders_asks_which_the_ambiguous_ones_are_then_reads_each_as_it_can_only_be(
        cli, db_path, tmp_path):
    # rows typed day first and month first in one column; 05-07-2015 could be either
    f = write(tmp_path / "fcc.csv", FCC_HEADER +
              "250635,Comcast Cable Internet Speeds,22-04-15,22-Apr-15,3:53:50 PM,Customer Care Call,Abingdon,"
              "Maryland,21009,Closed\n"
              "223441,Payment disappear - service got disconnected,08-13-15,13-Aug-15,10:22:56 AM,Internet,Acworth,"
              "Georgia,30102,Closed\n"
              "242732,Speed and Service,18-04-15,18-Apr-15,9:55:47 AM,Internet,Acworth,Georgia,30101,Open\n"
              "277946,Imposed a New Usage Cap of 300GB,05-07-15,05-Jul-15,11:59:35 AM,Internet,Acworth,Georgia,"
              "30101,Pending\n")
    asked = cli("import", f, "--map", "Date_month_year=extra", expect=2)
    assert "column 'Date' holds dates of both orders: 2 can only be day first (e.g. '22-04-15', line 2), 1 only " \
           "month first (e.g. '08-13-15', line 3), and 1 of the first rows could be either (e.g. '05-07-15', line 5)" \
           in asked.stderr and "--dayfirst/--monthfirst says which they are" in asked.stderr
    assert query(db_path, "SELECT count(*) FROM complaints") == [(0,)]  # asked before any row
    result = cli("import", f, "--map", "Date_month_year=extra", "--dayfirst", "-f", "json")
    summary = json.loads(result.stdout)[0]
    assert (summary["inserted"], summary["rejected"]) == (4, 0)
    assert summary["date_orders"]["received"].startswith("both orders in one column: '22-04-15' (line 2) can only "
                                                         "be day first (2 such), '08-13-15' (line 3) only month first")
    assert [r[0][:10] for r in query(db_path, "SELECT received_at FROM complaints ORDER BY id")] == [
        "2015-04-22", "2015-08-13", "2015-04-18", "2015-07-05"]


def test_a_mixed_column_with_no_ambiguous_value_imports_each_row_as_it_can_only_be(cli, db_path, tmp_path):
    f = write(tmp_path / "fcc.csv", "Ticket #,Customer Complaint,Date,Status\n"
              "1,Speeds,22/04/2015,Closed\n2,Billing,04/13/2015,Closed\n3,Cap,05/05/2015,Open\n"
              "4,Late reply,04/03/2015,Open\n")  # could be either, among the rows looked at: asked
    assert "which order are those?" in cli("import", f, expect=2).stderr
    g = write(tmp_path / "fcc2.csv", "Ticket #,Customer Complaint,Date,Status\n"
              "1,Speeds,22/04/2015,Closed\n2,Billing,04/13/2015,Closed\n3,Cap,05/05/2015,Open\n")
    result = cli("import", g)
    assert result.stdout.strip() == "read 3, inserted 3, updated 0, unchanged 0, duplicates 0, rejected 0"
    assert "each value read as it can only be" in result.stderr
    assert [r[0][:10] for r in query(db_path, "SELECT received_at FROM complaints ORDER BY id")] == [
        "2015-04-22", "2015-04-13", "2015-05-05"]


def test_an_ambiguous_date_past_the_rows_looked_at_in_a_mixed_column_is_rejected_never_guessed(
        cli, db_path, tmp_path):
    rows = "".join(f"{i},Complaint {i},{13 + i % 15}/0{1 + i % 9}/2015,Open\n" for i in range(2000))
    f = write(tmp_path / "fcc.csv", "Ticket #,Customer Complaint,Date,Status\n" + rows.replace(
        "1,Complaint 1,14/02/2015", "1,Complaint 1,02/14/2015") + "9001,Late one,03/04/2015,Open\n")
    result = cli("import", f, "-f", "json", expect=3)
    summary = json.loads(result.stdout)[0]
    assert (summary["inserted"], summary["rejected"]) == (2000, 1)
    rejects = list(csv.reader((tmp_path / "fcc.rejects.csv").open(encoding="utf-8-sig", newline="")))
    assert rejects[1][0] == "2002" and "'03/04/2015' could be day or month first" in rejects[1][1]
    assert query(db_path, "SELECT received_at FROM complaints WHERE ref = '1'") == [("2015-02-14T00:00:00Z",)]


def test_text_lost_to_question_marks_before_the_export_is_imported_marked_and_counted(cli, db_path, tmp_path):
    # a GBK file written by a program that put `?` for what GBK could not hold (`•`, rare characters),
    # and one whose whole subject was lost; people's own `??` and `WHY????` are no loss
    f = write(tmp_path / "replies.csv", "留言编号,留言时间,留言主题,答复意见\n"
              "2549,2019/4/25 9:32:09,购房资格认定,购房资格认定先后经历了2017年“3??18”“5??20”两次调整\n"
              "2550,2019/4/26 10:00:00,垃圾中转站选址,我们拟将茂世??铂翠湾垃圾中转站调整\n"
              "2551,2019/4/27 11:00:00,??????,现回复如下\n"
              "2552,2019/4/28 12:00:00,where is it??I am unhappy,WHY???? PUT ON HOLD????????\n"
              "2553,2019/4/29 13:00:00,路灯不亮,已修复\n", "gbk")
    result = cli("import", f, "-f", "json")
    summary = json.loads(result.stdout)[0]
    assert (summary["read"], summary["inserted"], summary["rejected"]) == (5, 5, 0)
    assert summary["lost_text"] == 3
    assert summary["lost_text_first"][0] == {"line": 2, "column": "答复意见", "value": "先后经历了2017年“3??18”“5??20”两次调整"}
    assert "3 rows hold text lost before this file was made" in result.stderr and "cannot be recovered" in result.stderr
    assert query(db_path, "SELECT ref, json_extract(extra, '$.text_lost') FROM complaints ORDER BY id") == [
        ("2549", "答复意见"), ("2550", "答复意见"), ("2551", "留言主题"), ("2552", None), ("2553", None)]


TWCS_HEADER = ",tweet_id,author_id,inbound,created_at,text,response_tweet_id,in_response_to_tweet_id\n"


def _tweets(n):
    """A support account's export as pandas wrote it: each customer's tweet, the brand's answer to it."""
    rows = []
    for i in range(n):
        brand = ("sprintcare", "AmazonHelp", "AppleSupport")[i % 3]
        ask, answer = 2 * i + 1, 2 * i + 2
        rows.append(f"{2 * i},{ask},{115712 + i},True,Tue Oct 31 22:{i % 60:02d}:47 +0000 2017,"
                    f"@{brand} my order {i} never came,{answer},\n")
        rows.append(f"{2 * i + 1},{answer},{brand},False,Tue Oct 31 23:{i % 60:02d}:45 +0000 2017,"
                    f"@{115712 + i} Sorry to hear that. Please DM us.,,{ask}.0\n")
    return "".join(rows)


def test_a_brands_replies_beside_its_customers_tweets_are_set_aside_not_imported_as_complaints(
        cli, db_path, tmp_path):
    f = write(tmp_path / "twcs.csv", TWCS_HEADER + _tweets(30))
    result = cli("import", f, "-f", "json", expect=3)
    summary = json.loads(result.stdout)[0]
    assert (summary["read"], summary["inserted"], summary["rejected"]) == (60, 30, 30)
    assert summary["read"] == summary["inserted"] + summary["updated"] + summary["unchanged"] + \
        summary["duplicates"] + summary["rejected"]
    assert "column 'inbound' says which rows are the company's replies ('False': 30 of 60 sampled rows)" in \
        summary["replies"] and "30 of the 30 answer another row ('in_response_to_tweet_id' is filled)" in \
        summary["replies"]
    assert query(db_path, "SELECT count(*) FROM complaints WHERE subject LIKE '@%Sorry%'") == [(0,)]
    assert query(db_path, "SELECT count(*), min(ref) FROM complaints") == [(30, "1")]
    # each reply is the first response to the tweet it answers (in_response_to_tweet_id `1.0` names tweet 1)
    assert summary["answered_by_reply"] == 30
    assert query(db_path, "SELECT ref, received_at, first_response_at, status FROM complaints WHERE ref = '1'") == [
        ("1", "2017-10-31T22:00:47Z", "2017-10-31T23:00:45Z", "acknowledged")]
    rejects = list(csv.reader((tmp_path / "twcs.rejects.csv").open(encoding="utf-8-sig", newline="")))
    assert rejects[1][1] == "a reply by the company (inbound 'False'), not a complaint: set aside"
    assert '--map "inbound=extra" imports them as complaints' in result.stderr
    # the override, into another database: every row a complaint, as before
    again = cli("--db", str(tmp_path / "all.db"), "import", f, "--map", "inbound=extra")
    assert again.stdout.strip() == "read 60, inserted 60, updated 0, unchanged 0, duplicates 0, rejected 0"


def test_a_direction_column_whose_values_do_not_back_it_changes_nothing(cli, db_path, tmp_path):
    # `inbound` False on rows that answer nothing and come from many customers: not replies, so kept
    f = write(tmp_path / "calls.csv", "ticket,inbound,created,subject,customer\n" + "".join(
        f"T{i},{'True' if i % 2 else 'False'},2017-10-31 10:{i:02d},Line {i} is dead,Customer {i}\n"
        for i in range(20)))
    result = cli("import", f, "-f", "json")
    summary = json.loads(result.stdout)[0]
    assert (summary["inserted"], summary["rejected"], summary["replies"]) == (20, 0, None)


def test_a_received_date_and_its_time_of_day_in_two_columns_are_read_as_one_moment(cli, db_path, tmp_path):
    # the FCC's Comcast complaints: `Date` without a time, `Time` with 12-hour clock times
    f = write(tmp_path / "comcast.csv", "\ufeffTicket #,Customer Complaint,Date,Date_month_year,Time,Received Via,"
              "City,State,Zip code,Status,Filing on Behalf of Someone\n"
              "250635,Comcast Cable Internet Speeds,22-04-2015,22-Apr-15,03:53:50 PM,Customer Care Call,Abingdon,"
              "Maryland,21009,Closed,No\n"
              "223441,Payment disappear - service got disconnected,04-08-2015,04-Aug-15,10:22:56 AM,Internet,Acworth,"
              "Georgia,30102,Solved,No\n"
              "242732,Speed and Service,18-04-2015,18-Apr-15,12:05:47 AM,Internet,Acworth,Georgia,30101,Open,Yes\n")
    result = cli("--tz", "UTC", "import", f)
    assert result.stdout.strip() == "read 3, inserted 3, updated 0, unchanged 0, duplicates 0, rejected 0"
    assert "received time of day <- 'Time' (times of day, e.g. '03:53:50 PM'" in result.stderr
    assert "'Status' repeats a field" not in result.stderr  # it is the status: no stale warning
    assert query(db_path, "SELECT ref, received_at, status FROM complaints ORDER BY id") == [
        ("250635", "2015-04-22T15:53:50Z", "closed"), ("223441", "2015-08-04T10:22:56Z", "resolved"),
        ("242732", "2015-04-18T00:05:47Z", "new")]


def test_a_ticket_subject_is_a_subject_and_a_time_to_resolution_is_never_the_received_time(cli, db_path, tmp_path):
    # a help-desk export with no creation date: it asks, rather than dating tickets by their resolution
    f = write(tmp_path / "tickets.csv", "TicketID,CustomerName,TicketType,TicketSubject,TicketStatus,TicketPriority,"
              "FirstResponseTime,TimetoResolution\n"
              "1,Marisa Obrien,Technical issue,Product setup,Pending Customer Response,Critical,2023-01-06,2023-06-01\n"
              "2,Jessica Rios,Technical issue,Peripheral compatibility,Open,Critical,2023-01-06,\n"
              "3,Christopher Robbins,Billing inquiry,Network problem,Closed,Low,2023-01-06,2023-01-06\n")
    stopped = cli("import", f, expect=2)
    assert "no column is read as the received time" in stopped.stderr
    mapping = json.loads(cli("import", f, "--show-mapping", "-f", "json").stdout)
    fields = {c["header"]: c["field"] for c in mapping["columns"]}
    assert fields["TicketSubject"] == "subject" and fields["TicketID"] == "ref"
    assert fields["TimetoResolution"] != "received"


def test_a_last_update_before_the_received_time_makes_no_closing_time_and_loses_no_ticket(cli, db_path, tmp_path):
    # GLPI: opened at a round 12:00 typed by hand, last updated (closed) at 09:47 the same morning
    f = write(tmp_path / "glpi.csv", '\ufeff"ID";"Título";"Status";"Data de abertura";"Última atualização";\n'
              '"618";"Acesso ao ticket - Erro de login";"Fechado";"04-07-2025 12:00";"04-07-2025 09:47";\n'
              '"619";"Desktop Danificado";"Fechado";"14-07-2025 08:00";"15-07-2025 09:51";\n')
    result = cli("--tz", "UTC", "import", f)
    assert result.stdout.strip() == "read 2, inserted 2, updated 0, unchanged 0, duplicates 0, rejected 0"
    assert query(db_path, "SELECT ref, received_at, closed_at FROM complaints ORDER BY id") == [
        ("618", "2025-07-04T12:00:00Z", "2025-07-04T12:00:00Z"), ("619", "2025-07-14T08:00:00Z", "2025-07-15T09:51:00Z")]


def test_a_yes_no_column_is_no_resolution_and_a_date_range_is_no_description(cli, db_path, tmp_path):
    # a help desk's KPI export: `resolution_sla_met` True/False, `week` 2024-10-28/2024-11-03
    f = write(tmp_path / "kpi.csv", "ticket_id,created_date,channel,category,priority,agent,status,resolved_date,"
              "resolution_sla_met,week\n" + "".join(
                  f"TKT-{i:06d},2024-10-{10 + i} 22:00:00,Chat,Account Access,Low,Agent_0{i},Resolved,"
                  f"2024-10-{11 + i} 15:15:11.744884,{'True' if i % 2 else 'False'},2024-10-07/2024-10-13\n"
                  for i in range(6)))
    result = cli("import", f, "-f", "json")
    summary = json.loads(result.stdout)[0]
    assert (summary["inserted"], summary["rejected"]) == (6, 0)
    assert "description" not in summary["by_values"]
    assert query(db_path, "SELECT count(*) FROM complaints WHERE resolution IN ('True', 'False') "
                          "OR description LIKE '2024-%'") == [(0,)]


ITSM_HEADER = ("number,incident_state,active,reassignment_count,reopen_count,sys_mod_count,made_sla,caller_id,"
               "opened_at,sys_updated_at,contact_type,category,priority,assigned_to,resolved_at,closed_at\n")


def _events(n):
    """ServiceNow's incident event log: one row per update, each incident's rows one after another."""
    rows = []
    for i in range(n):
        number, day = f"INC{45 + i:07d}", 1 + i % 9
        steps = [("New", "TRUE", f"0{day}-03-2016 01:23", "?"), ("Active", "TRUE", f"0{day}-03-2016 08:53", "?"),
                 ("Resolved", "TRUE", f"0{day}-03-2016 11:29", f"0{day}-03-2016 11:29")]
        if i % 4:  # one in four is still resolved, not closed
            steps.append(("Closed", "FALSE", f"1{day}-03-2016 12:00", f"0{day}-03-2016 11:29"))
        for count, (state, active, updated, resolved) in enumerate(steps):
            rows.append(f"{number},{state},{active},0,0,{count},TRUE,Caller 2403,0{day}-03-2016 01:16,{updated},"
                        f"Phone,Category 55,3 - Moderate,Resolver {i},{resolved},?\n")
    return "".join(rows)


def test_an_event_logs_snapshots_import_each_ticket_as_its_newest_row_says(cli, db_path, tmp_path):
    f = write(tmp_path / "incident_event_log.csv", ITSM_HEADER + _events(200))
    result = cli("--tz", "UTC", "import", f, "-f", "json")
    summary = json.loads(result.stdout)[0]
    # 200 incidents in 750 rows: the newest row of each imported, the 550 earlier ones counted as duplicates
    assert (summary["read"], summary["inserted"], summary["duplicates"], summary["rejected"]) == (750, 200, 550, 0)
    assert summary["read"] == summary["inserted"] + summary["updated"] + summary["unchanged"] + \
        summary["duplicates"] + summary["rejected"]
    assert summary["superseded"] == 550 and summary["duplicates_differing"] == 0
    assert "repeat the ref of the row before them with another 'sys_updated_at'" in summary["snapshots"]
    assert query(db_path, "SELECT status, count(*) FROM complaints GROUP BY status ORDER BY status") == [
        ("closed", 150), ("resolved", 50)]
    assert query(db_path, "SELECT received_at, resolved_at, closed_at FROM complaints WHERE ref = 'INC0000046'") == [
        ("2016-03-02T01:16:00Z", "2016-03-02T11:29:00Z", "2016-03-02T11:29:00Z")]  # closed: the resolved time
    assert not (tmp_path / "incident_event_log.rejects.csv").exists()
    again = cli("import", f)  # a re-run adds nothing
    assert again.stdout.strip() == "read 750, inserted 0, updated 0, unchanged 200, duplicates 550, rejected 0"


def test_show_mapping_names_the_question_an_import_would_stop_with_and_its_option(cli, db_path, tmp_path):
    f = write(tmp_path / "fcc.csv", "Ticket #,Customer Complaint,Date,Status\n"
              "1,Speeds,22/04/2015,Closed\n2,Billing,04/13/2015,Closed\n3,Late reply,04/03/2015,Open\n")
    shown = cli("import", f, "--show-mapping")
    assert "the import would stop here: column 'Date' holds dates of both orders" in shown.stderr
    assert "--dayfirst/--monthfirst says which they are" in shown.stderr


AUTOTASK_HEADER = ("id,completedDate,createDate,description,dueDateTime,firstResponseDateTime,firstResponseDueDateTime,"
                   "priority,resolution,resolutionPlanDateTime,resolutionPlanDueDateTime,resolvedDateTime,"
                   "resolvedDueDateTime,status,ticketNumber,title\n")


def test_an_autotask_export_reads_resolved_not_a_plan_and_seconds_of_precision_are_no_contradiction(
        cli, db_path, tmp_path):
    # Autotask's API export: the completion stamped to the millisecond, the resolution to the second
    # or the minute (completed 23:43:20.987, resolved 23:43:21.000); a resolution *plan* time beside it
    f = write(tmp_path / "tickets.csv", AUTOTASK_HEADER +
              "77524,2025-06-02T23:43:20.987Z,2025-05-13T03:19:51.840Z,User cannot log into Prod,"
              "2025-05-13T20:25:00.000Z,2025-05-13T03:19:51.840Z,2025-05-14T18:00:00.000Z,2,Added workstation.,"
              "2025-05-13T03:19:51.840Z,2025-05-14T18:00:00.000Z,2025-06-02T23:43:21.000Z,2025-05-20T18:00:00.000Z,5,"
              "T20250512.0088,OCHIN Epic - Add workstation\n"
              "77525,2025-05-19T16:50:11.233Z,2025-05-13T04:50:42.143Z,Address is read only,2025-05-19T17:44:00.000Z,"
              "2025-05-19T16:44:27.440Z,2025-05-14T18:00:00.000Z,2,,2025-05-19T16:50:00.000Z,2025-05-20T18:00:00.000Z,"
              "2025-05-19T16:50:00.000Z,2025-05-20T18:00:00.000Z,5,T20250512.0089,Changing address in EPIC\n"
              "77526,,2025-05-13T14:01:10.970Z,Unable to log into Epic,2025-05-16T14:01:00.000Z,,"
              "2025-05-16T16:03:32.317Z,2,,,,,2025-05-22T16:03:32.317Z,10,T20250513.0001,Unable To Log Into Epic\n")
    result = cli("import", f, "-f", "json")
    summary = json.loads(result.stdout)[0]
    assert (summary["read"], summary["inserted"], summary["rejected"]) == (3, 3, 0)
    mapping = json.loads(cli("import", f, "--show-mapping", "-f", "json").stdout)
    fields = {c["header"]: c["field"] for c in mapping["columns"]}
    assert fields["resolvedDateTime"] == "resolved_at" and fields["resolutionPlanDateTime"] == "extra"
    assert query(db_path, "SELECT ref, status, resolved_at, closed_at, json_extract(extra, '$.closed_at_as_given') "
                          "FROM complaints ORDER BY id") == [
        ("77524", "closed", "2025-06-02T23:43:21Z", "2025-06-02T23:43:21Z", "2025-06-02T23:43:20Z"),
        ("77525", "closed", "2025-05-19T16:50:00Z", "2025-05-19T16:50:11Z", None),
        ("77526", "new", None, None, None)]


def test_a_second_subject_column_of_long_text_is_the_description_when_the_file_has_none(cli, db_path, tmp_path):
    # a consumer-complaint site's export: title = the company complained about, summary = the complaint
    account = "本人在2024年12月通过平台借款8000元分12期，每月被收取担保费，要求退还多收取的费用并道歉。"
    rows = "".join(f"2025-11-{10 + i},某金融{i},{account}第{i}笔,退款\n" for i in range(4))
    f = write(tmp_path / "site.csv", "date,title,summary,demands\n" + rows)
    result = cli("import", f)
    assert "column 'summary' read as the description" in result.stderr
    assert query(db_path, "SELECT subject, description FROM complaints ORDER BY id LIMIT 1") == [
        ("某金融0", account + "第0笔")]
    # a short second title is no account: it stays aside, as before
    short = write(tmp_path / "short.csv", "date,title,summary\n2025-11-01,Leak,Water leak\n2025-11-02,Late,Parcel\n")
    again = cli("--db", tmp_path / "two.db", "import", short)
    assert "repeats a field" in again.stderr and "read as the description" not in again.stderr
