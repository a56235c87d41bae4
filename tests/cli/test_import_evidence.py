"""import decides from the values, says what it decided, and never invents a time: files built
here in the shapes of real exports (a US complaint export with a `State` column, a Chinese register
whose headers no alias lists, a day-first help-desk export with `?` for empty, a tweet split by bare
carriage returns, a file cut short), and the real exports themselves when ../shared/corpus is there."""

import csv
import json
from pathlib import Path

import pytest

from conftest import query

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"


def write(path, text, encoding="utf-8"):
    path.write_bytes(text.encode(encoding))
    return path


@pytest.mark.postgresql_ci  # import --update keeps a raw label (an upsert both engines spell alike)
def test_a_us_state_column_is_not_taken_for_the_status(cli, db_path, tmp_path):
    states = ["FL", "MI", "GA", "TX", "CA", "NY"]
    rows = "".join(f"2023-08-{10 + i:02d},Incorrect information on your report,{s},Web,{7523000 + i}\n"
                   for i, s in enumerate(states))
    f = write(tmp_path / "cfpb.csv", "Date received,Issue,State,Submitted via,Complaint ID\n" + rows)
    result = cli("import", f)
    assert result.stdout.strip() == "read 6, inserted 6, updated 0, unchanged 0, duplicates 0, rejected 0"
    assert "column 'State' looked like status" in result.stderr and "'FL'" in result.stderr
    assert '--map "State=status"' in result.stderr
    assert query(db_path, "SELECT DISTINCT status FROM complaints") == [("new",)]
    assert json.loads(cli("import", f, "-f", "json").stdout)[0]["set_aside"] == {
        "State": "set aside: its values are not status values (kept in extra)"}
    assert query(db_path, "SELECT json_extract(extra, '$.State'), channel, ref, received_at FROM complaints "
                          "ORDER BY id LIMIT 1") == [("FL", "web", "7523000", "2023-08-10T00:00:00Z")]
    # an explicit --map is never second-guessed: every row now says an unknown status, which loses
    # no complaint (the row's own times say where it stands: new) and is kept as written
    again = cli("import", f, "--map", "State=status", "--update")
    assert "1 row: status 'FL' unknown, the status read from the row's own times" in again.stderr
    assert query(db_path, "SELECT DISTINCT c.status, r.label FROM complaints c JOIN raw_labels r ON "
                          "r.complaint_id = c.id AND r.field = 'status' WHERE c.ref = '7523000'") == [("new", "FL")]


def test_a_register_whose_headers_no_alias_lists(cli, db_path, tmp_path):
    f = write(tmp_path / "register.csv",
              "序号,投诉接待日期,投诉方式,投诉人姓名,投诉事项,联系电话\n"
              "1,2026年10月8日,电话,王芳,快递三天没到,13800138000\n"
              "2,2026年10月9日,微信,李雷,洗衣机漏水,13900139000\n", "gb18030")
    shown = cli("import", f, "--show-mapping", "-f", "json")
    fields = {c["header"]: (c["field"], c["how"]) for c in json.loads(shown.stdout)["columns"]}
    assert fields["投诉接待日期"] == ("received", "guessed from '日期'")
    assert fields["投诉方式"][0] == "channel" and fields["投诉人姓名"][0] == "customer"
    result = cli("import", f, "-f", "json")
    summary = json.loads(result.stdout)[0]
    assert (summary["inserted"], summary["rejected"]) == (2, 0)
    assert summary["guessed"]["received"] == "'投诉接待日期', guessed from '日期'"
    assert "received <- '投诉接待日期', guessed from '日期'" in cli("import", f).stderr  # and in text
    assert query(db_path, "SELECT received_at, channel, c.name FROM complaints JOIN customers c "
                          "ON c.id = customer_id ORDER BY complaints.id") == [
        ("2026-10-08T00:00:00Z", "phone", "王芳"), ("2026-10-09T00:00:00Z", "social", "李雷")]


ITSM = ("number,incident_state,short_description,opened_at,resolved_at,priority,assigned_to\n"
        "INC1,New,Mail is down,01-03-2016 09:10,?,2 - Medium,?\n"
        "INC2,Active,VPN drops,13-03-2016 10:00,14-03-2016 08:00,1 - Critical,Resolver 7\n"
        "INC3,Awaiting User Info,Printer jam,02-04-2016 11:30,N/A,3 - Moderate,-\n")


def test_day_first_decided_per_column_and_question_marks_are_empty(cli, db_path, tmp_path):
    f = write(tmp_path / "itsm.csv", ITSM)
    result = cli("import", f, "-f", "json")
    summary = json.loads(result.stdout)[0]
    assert (summary["inserted"], summary["rejected"]) == (3, 0)
    assert summary["date_orders"]["received"].startswith("day first: '13-03-2016 10:00' (line 3)")
    assert summary["empty_values"] == {"resolved_at": 2, "assignee": 2}
    rows = query(db_path, "SELECT ref, received_at, resolved_at, severity, status, assignee FROM complaints ORDER BY id")
    assert rows == [("INC1", "2016-03-01T09:10:00Z", None, "medium", "new", None),
                    ("INC2", "2016-03-13T10:00:00Z", "2016-03-14T08:00:00Z", "critical", "investigating", "Resolver.7"),
                    ("INC3", "2016-04-02T11:30:00Z", None, "medium", "waiting", None)]


def test_dates_no_value_settles_are_read_month_first_with_a_warning(cli, db_path, tmp_path):
    f = write(tmp_path / "us.csv", "subject,created\nA,03/04/2026 10:00\nB,05/06/2026 11:00\n")
    result = cli("import", f)
    assert "could be day or month first" in result.stderr and "--dayfirst" in result.stderr
    assert query(db_path, "SELECT received_at FROM complaints ORDER BY id")[0] == ("2026-03-04T10:00:00Z",)
    cli("import", f, "--dayfirst")  # another reading of the file: other complaints, as far as import can tell
    assert query(db_path, "SELECT received_at FROM complaints WHERE subject = 'A' ORDER BY id DESC")[0] == (
        "2026-04-03T10:00:00Z",)


def test_no_received_column_stops_unless_the_user_says_what_to_use(cli, db_path, tmp_path):
    f = write(tmp_path / "undated.csv", "subject,customer\nLeaks,王芳\n")
    stopped = cli("import", f, expect=2)
    assert "no column is read as the received time" in stopped.stderr and "--received-now" in stopped.stderr
    assert query(db_path, "SELECT count(*) FROM complaints") == [(0,)]
    cli("import", f, "--set", "received=2026-11-03 14:05")
    assert query(db_path, "SELECT received_at FROM complaints") == [("2026-11-03T14:05:00Z",)]
    g = write(tmp_path / "gaps.csv", "subject,received\nA,2026-11-01\nB,\n")
    partly = cli("import", g, expect=3)
    assert "no received time" in partly.stderr
    stamped = cli("import", g, "--received-now", "-f", "json")
    assert json.loads(stamped.stdout)[0]["stamped_now"] == 1


def test_a_record_broken_by_bare_carriage_returns_is_rejected_whole(cli, db_path, tmp_path):
    # pandas writes a tweet's CRs unquoted: one record becomes pieces of 4 and 2 fields
    text = ("tweet_id,created_at,text,author\n"
            "1,2017-10-31 22:10,fine,a\n"
            "2,2017-10-31 22:11,@AskPayPal \r\rI just love it,b\n"
            "3,2017-10-31 22:12,also fine,c\n"
            "4,2017-10-31 22:13,no author\n")  # a short row that only trims its last empty cell
    f = write(tmp_path / "tweets.csv", text)
    result = cli("import", f, expect=3)
    assert result.stdout.strip() == "read 4, inserted 3, updated 0, unchanged 0, duplicates 0, rejected 1"
    assert "bare carriage return" in result.stderr and "lines 3-5" in result.stderr
    assert query(db_path, "SELECT ref FROM complaints ORDER BY id") == [("1",), ("3",), ("4",)]
    rejects = list(csv.reader((tmp_path / "tweets.rejects.csv").open(encoding="utf-8-sig", newline="")))
    # the cell starts with @, so the rejects file guards it against formulas (import reads the ' back off)
    assert rejects[1][0] == "3" and rejects[1][2:5] == ["2", "2017-10-31 22:11", "'@AskPayPal \rI just love it"]


def test_a_file_cut_short_inside_its_last_record(cli, db_path, tmp_path):
    f = write(tmp_path / "cut.csv", 'received,subject,description\n2026-11-01,A,"whole"\n2026-11-02,B,"cut sho')
    result = cli("import", f, expect=3)
    assert result.stdout.strip() == "read 2, inserted 1, updated 0, unchanged 0, duplicates 0, rejected 1"
    assert "the file was cut short" in result.stderr


@pytest.mark.postgresql_ci  # a key with a space read by json_extract's quoted path, on both engines
def test_a_guess_whose_values_do_not_fit_loses_to_one_whose_values_do(cli, db_path, tmp_path):
    f = write(tmp_path / "two.csv", "subject,Location Type,Problem Category,date\nA,ADDRESS,质量问题,2026-11-01\n"
                                   "B,INTERSECTION,物流,2026-11-02\n")
    result = cli("import", f)
    assert "column 'Location Type' looked like category" in result.stderr
    assert "'Problem Category' is read as category instead" in result.stderr
    assert query(db_path, "SELECT category, json_extract(extra, '$.\"Location Type\"') FROM complaints "
                          "ORDER BY id") == [("product_quality", "ADDRESS"), ("delivery_delay", "INTERSECTION")]


corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not here")


@corpus
def test_real_cfpb_export_state_set_aside_and_the_cut_record_named(cli, db_path):
    result = cli("import", CORPUS / "cfpb" / "complaints.csv", "--rejects", db_path.parent / "r.csv", expect=3)
    assert result.stdout.strip() == "read 2068, inserted 2067, updated 0, unchanged 0, duplicates 0, rejected 1"
    assert "column 'State' looked like status" in result.stderr
    assert "the file was cut short" in result.stderr
    # No header names a status, but 'Company response to consumer' holds only status words
    # ("Closed with explanation", "In progress"): decided from its values and said so.
    assert "status <- 'Company response to consumer' (200 of 200 sampled values are statuses)" in result.stderr
    assert "1,451 rows closed with no closed or update time in the file: closed at its received time" in result.stderr
    assert query(db_path, "SELECT status, count(*) FROM complaints WHERE channel IS NOT NULL "
                          "GROUP BY status ORDER BY status") == [("closed", 1451), ("investigating", 616)]
    assert query(db_path, "SELECT count(*) FROM complaints WHERE closed_at = received_at") == [(1451,)]


@corpus
def test_real_tweets_the_broken_one_rejected_whole_the_brands_replies_set_aside(cli, db_path):
    result = cli("import", CORPUS / "twcs" / "twcs_head5000.csv", "--rejects", db_path.parent / "r.csv", expect=3)
    # 2,777 customers' tweets: 1,634 complaints and 1,143 follow-ups in threads those customers opened
    # (notes on their complaints); the brands' 2,222 replies (inbound False) set aside; one broken record
    assert result.stdout.strip() == ("read 5000, inserted 1634, updated 0, unchanged 0, duplicates 0, grouped 1143, "
                                     "rejected 2223")
    assert "1,143 rows are customers' follow-ups in the threads their complaints opened" in result.stderr
    assert query(db_path, "SELECT count(*) FROM events WHERE action = 'note'") == [(1143,)]
    assert "pieces of 6 and 3 fields" in result.stderr
    assert "2,222 x a reply by the company (inbound 'False'), not a complaint: set aside" in result.stderr
    assert query(db_path, "SELECT count(*) FROM complaints WHERE json_extract(extra, '$.inbound') = 'False'") == [(0,)]


@corpus
def test_real_itsm_export_day_first_with_question_marks(cli, db_path):
    f = CORPUS / "itsm-incidents" / "incident_event_log_head.csv"
    result = cli("import", f, "--map", "number=subject", "--dry-run", "-f", "json",
                 "--rejects", db_path.parent / "r.csv", expect=None)  # never write beside the corpus
    summary = json.loads(result.stdout)[0]
    assert summary["date_orders"]["received"].startswith("day first")
    assert summary["empty_values"]["resolved_at"] >= 59
    assert not any("unknown status" in r["reason"] or "unknown severity" in r["reason"]
                   for r in summary["reject_reasons"])


def test_a_mapping_file_adds_its_own_empty_markers(cli, db_path, tmp_path):
    f = write(tmp_path / "m.csv", "subject,received,customer,channel\nA,2026-11-01,待定,待定\nB,2026-11-01,王芳,?\n")
    mapping = tmp_path / "m.toml"
    mapping.write_text('empty = ["待定"]\n', encoding="utf-8")
    summary = json.loads(cli("import", f, "--mapping", mapping, "-f", "json").stdout)[0]
    assert summary["empty_values"] == {"customer": 1, "channel": 2}
    assert query(db_path, "SELECT customer_id, channel FROM complaints ORDER BY id") == [(None, None), (1, None)]


def test_one_subject_limit_for_log_and_import(cli, db_path, tmp_path):
    from complaintctl.core.record.limits import MAX_SUBJECT

    long = "长" * (MAX_SUBJECT + 1)
    assert f"at most {MAX_SUBJECT}" in cli("log", "-s", long, expect=2).stderr
    f = write(tmp_path / "long.csv", f"subject,received\n{long},2026-11-01\n{long[:-1]},2026-11-01\n")
    result = cli("import", f)  # a subject too long loses no complaint: cut, and kept whole in extra
    assert result.stdout.strip() == "read 2, inserted 2, updated 0, unchanged 0, duplicates 0, rejected 0"
    assert "1 row: subject that could not be read as one, kept as given in extra.subject_as_given" in result.stderr
    assert query(db_path, "SELECT length(subject), substr(subject, length(subject)), json_extract(extra, '$.subject_as_given') "
                          "FROM complaints ORDER BY id LIMIT 1") == [(MAX_SUBJECT, "…", long)]


def test_a_date_column_no_value_settles_follows_the_order_another_column_of_the_file_settled(cli, db_path, tmp_path):
    # a register written day first: the received column settles it (13/11), the closing column
    # alone could not (07/11/2025); read month first it would close on 11 July, before it came
    f = write(tmp_path / "register.csv", "subject,received,status,closed\n"
                                         "Leaks,13/11/2025,open,\nRude,05/11/2025,closed,07/11/2025\n"
                                         "Slow,03/12/2025,closed,12/11/2025\n")
    result = cli("import", f, "-f", "json", expect=3)
    summary = json.loads(result.stdout)[0]
    assert summary["date_orders"]["closed"] == ("day first, as column 'received' of this file: '13/11/2025' (line 2) "
                                                "can only be read so (e.g. '07/11/2025')")
    assert summary["warnings"] == []
    assert query(db_path, "SELECT subject, closed_at FROM complaints ORDER BY id") == [
        ("Leaks", None), ("Rude", "2025-11-07T00:00:00Z")]
    assert [r["reason"] for r in summary["reject_reasons"]] == [
        "the resolution time 2025-11-12T00:00:00Z is before the received time 2025-12-03T00:00:00Z"]


def test_a_column_of_another_separator_is_not_settled_by_the_file(cli, db_path, tmp_path):
    f = write(tmp_path / "two.csv", "subject,received,status,closed\nRude,13/10/2025,closed,11-12-2025\n")
    summary = json.loads(cli("import", f, "-f", "json").stdout)[0]
    assert summary["date_orders"]["closed"].startswith("month first, by default")


def test_a_row_with_only_its_category_is_a_complaint_titled_by_it(cli, db_path, tmp_path):
    # NYC 311: `Encampment` with a descriptor of N/A is a complaint, not a row to lose
    f = write(tmp_path / "311.csv", "Unique Key,Created Date,Complaint Type,Descriptor\n"
                                    "54049475,05/01/2022 12:01:03 AM,Encampment,N/A\n"
                                    "54049476,05/01/2022 12:02:00 AM,Noise - Residential,Loud Music/Party\n"
                                    "54049477,05/01/2022 12:03:00 AM,,N/A\n")
    result = cli("import", f, "-f", "json")
    summary = json.loads(result.stdout)[0]
    assert (summary["inserted"], summary["rejected"], summary["subject_from_category"], summary["subject_from_ref"]) \
        == (3, 0, 1, 1)
    # a row with nothing but its ref is still a request the city received: titled by its ref
    assert query(db_path, "SELECT ref, subject FROM complaints ORDER BY id") == [
        ("54049475", "Encampment"), ("54049476", "Loud Music/Party"), ("54049477", "(no subject) 54049477")]
    assert query(db_path, "SELECT label FROM raw_labels WHERE field = 'category' ORDER BY complaint_id") == [
        ("Encampment",), ("Noise - Residential",)]
    assert "1 row had neither subject nor description: its subject is its category" in cli(
        "import", f, "--dry-run", "--rejects", str(tmp_path / "r.csv")).stderr


def test_the_summary_says_in_which_zone_a_time_without_one_was_read(cli, db_path, tmp_path):
    f = write(tmp_path / "zoned.csv", "subject,received\nnaive,2026-11-03 10:00\nzulu,2026-11-03T10:00:00Z\n")
    result = cli("--tz", "Asia/Shanghai", "import", f)
    assert ("dates: a time written without a zone is Asia/Shanghai time (`complaintctl --tz ZONE import ...` "
            "reads it in another)") in result.stderr
    assert query(db_path, "SELECT subject, received_at FROM complaints ORDER BY id") == [
        ("naive", "2026-11-03T02:00:00Z"), ("zulu", "2026-11-03T10:00:00Z")]
    undated = write(tmp_path / "undated.csv", "subject,customer\nLeaks,王芳\n")
    summary = json.loads(cli("import", undated, "--received-now", "-f", "json").stdout)[0]
    assert summary["times_zone"] is None  # no time read from the file: nothing to say
    zoned = write(tmp_path / "utc.csv", "subject,received\nzulu,2026-11-03T10:00:00Z\noffset,2026-11-03 18:00+08:00\n")
    result = cli("--tz", "Asia/Shanghai", "import", zoned, "-f", "json")
    assert json.loads(result.stdout)[0]["times_zone"] is None  # every time names its zone: nothing to say
    assert "without a zone" not in result.stderr
