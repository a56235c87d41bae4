"""Exports nobody prepared for (issue 20, the faults a new user's trial found): each fixture is
built here in the shape of the real file that showed the fault; no third-party data."""

import json

from conftest import query

# A scraped Chinese complaints site (黑猫投诉's shape): the demands column holds several demands in one
# cell, separated by commas, 、 and slashes.
HEIMAO = (
    "date,title,summary,object,demands\n"
    "2025-11-18,信*飞,多次暴力催收，威胁恐吓,信*飞App,\"停止骚扰,调整利率,道歉赔偿/解释,要求退款\"\n"
    "2025-11-19,某银行,乱收费,某银行App,\"停止骚扰,调整利率,道歉赔偿/解释,要求退款\"\n"
    "2025-11-20,某平台,客服不回复,某平台App,解释\n"
    "2025-11-21,某快递,快递丢件,某快递,退款、赔偿\n"
)


def test_a_label_read_by_one_part_keeps_the_whole_text(cli, db_path, tmp_path):
    f = tmp_path / "heimao.csv"
    f.write_text(HEIMAO, encoding="utf-8")
    result = cli("import", f, "--map", "demands=remedy", "--map", "date=received", "--map", "summary=description")
    assert result.stdout.strip() == "read 4, inserted 4, updated 0, unchanged 0, duplicates 0, rejected 0"
    rows = query(db_path, "SELECT remedy, json_extract(extra, '$.remedy_as_given') FROM complaints ORDER BY id")
    # the first cell meets the resolver, the second the import's memo of it: both keep the text
    assert rows == [("explanation", "停止骚扰,调整利率,道歉赔偿/解释,要求退款"),
                    ("explanation", "停止骚扰,调整利率,道歉赔偿/解释,要求退款"),
                    ("explanation", None),  # the whole value is the label: nothing more to keep
                    ("refund", "退款、赔偿")]  # two remedies asked, one read: the other is in the text
    assert ("3 remedy cells named a code by one of their parts, the others saying something else (first: "
            "'停止骚扰,调整利率,道歉赔偿/解释,要求退款' read as explanation): each whole text kept in extra as "
            "remedy_as_given") in result.stderr
    report = json.loads(cli("import", f, "--map", "demands=remedy", "--map", "date=received", "--map",
                            "summary=description", "--dry-run", "-f", "json").stdout)
    assert report[0]["read_by_part"] == {"remedy": {"cells": 3, "first": "停止骚扰,调整利率,道歉赔偿/解释,要求退款",
                                                 "read_as": "explanation"}}


def test_decoration_around_a_label_is_not_more_text(cli, db_path, tmp_path):
    f = tmp_path / "jira.csv"
    f.write_text("Key,Summary,Created,Priority,Status\n"
                 "J-1,a,2026-11-02,2 - Medium,Open\nJ-2,b,2026-11-02,Medium priority,Open\n"
                 "J-3,c,2026-11-02,P2 - High,Open\nJ-4,d,2026-11-02,Blocker / Critical,Closed - Resolved\n",
                 encoding="utf-8")
    result = cli("import", f)
    assert query(db_path, "SELECT ref, severity, status, json_extract(extra, '$.severity_as_given'), "
                          "json_extract(extra, '$.status_as_given') FROM complaints ORDER BY id") == [
        ("J-1", "medium", "new", None, None), ("J-2", "medium", "new", None, None), ("J-3", "high", "new", None, None),
        # two words for one code is no second meaning; a closed ticket 'Resolved' as well says more
        ("J-4", "critical", "closed", None, "Closed - Resolved")]
    assert "1 status cell named a code by one of its parts" in result.stderr
    assert "severity cell" not in result.stderr


def test_each_value_set_aside_is_said_under_its_real_key(cli, db_path, tmp_path):
    """The summary names where each value as given went (it said `FIELD_as_given`, literally)."""
    f = tmp_path / "autotask.csv"
    f.write_text("ticketNumber,title,createDate,status,outcome,completedDate,resolvedDateTime,closedDate\n"
                 "T1,reopened,2026-11-02 09:00:00,In Progress,,,,2026-11-03 10:00:00\n"
                 "T2,double,2026-11-02 09:00:00,Closed,Duplicate,,2026-11-03 10:00:00,2026-11-03 10:00:00\n"
                 "T3,precise,2026-11-02 09:00:00,Closed,,,2026-11-03 23:43:21.000,2026-11-03 23:43:20.987\n",
                 encoding="utf-8")
    result = cli("import", f, "--map", "outcome=outcome")
    assert "FIELD_as_given" not in result.stderr
    assert ("1 row: closed time of a complaint whose status is not closed, kept as given in "
            "extra.closed_at_as_given") in result.stderr
    assert "1 row: outcome duplicate without duplicate_of, kept as given in raw_labels (outcome)" in result.stderr
    assert ("read as that time, kept as given in extra.closed_at_as_given") in result.stderr
    assert query(db_path, "SELECT ref, json_extract(extra, '$.closed_at_as_given') FROM complaints ORDER BY id") == [
        ("T1", "2026-11-03T10:00:00Z"), ("T2", None), ("T3", "2026-11-03T23:43:20Z")]
    assert query(db_path, "SELECT field, label FROM raw_labels") == [("outcome", "duplicate")]


def test_the_first_response_is_the_earliest_reply_by_time_not_the_first_in_the_file(cli, db_path, tmp_path):
    """A support account's export (twcs's shape): the brand answered tweet 1 twice; the later answer
    comes first in the file (its export is newest first)."""
    f = tmp_path / "twcs.csv"
    f.write_text(",tweet_id,author_id,inbound,created_at,text,response_tweet_id,in_response_to_tweet_id\n"
                 "0,3,sprintcare,False,Tue Oct 31 23:30:00 +0000 2017,@115712 Any news?,,1.0\n"
                 "1,2,sprintcare,False,Tue Oct 31 22:40:00 +0000 2017,@115712 Please DM us.,,1.0\n"
                 "2,1,115712,True,Tue Oct 31 22:10:47 +0000 2017,@sprintcare my order never came,\"2,3\",\n"
                 "3,4,AmazonHelp,False,Tue Oct 31 21:00:00 +0000 2017,@115713 (written before it: no answer),,5.0\n"
                 "4,5,115713,True,Tue Oct 31 22:00:00 +0000 2017,@AmazonHelp where is my parcel,4,\n",
                 encoding="utf-8")
    cli("import", f, expect=3)
    assert query(db_path, "SELECT ref, first_response_at FROM complaints ORDER BY ref") == [
        ("1", "2017-10-31T22:40:00Z"), ("5", None)]


def test_a_due_date_with_its_progress_is_no_resolution(cli, db_path, tmp_path):
    """GLPI in Portuguese: `Tempo para solução + Progresso` (the time to solve by, and how much of it is
    used: `11-09-2025 08:08 8%`) was read as the resolution text from the word 'solucao'."""
    f = tmp_path / "glpi.csv"
    f.write_text('"ID";"Título";"Status";"Data de abertura";"Tempo para solução + Progresso";\n'
                 '"2 553";"Criar usuário no PC";"Pendente";"05-09-2025 14:10";"08-09-2025 17:00 \n\n 8%";\n'
                 '"2 556";"Criar e-mail";"Em atendimento (atribuído)";"05-09-2025 14:20";"11-09-2025 08:08 \n\n 78%";\n'
                 '"2 557";"Trocar teclado";"Solucionado";"05-09-2025 15:00";"04-09-2025 15:29 \n\n 100%";\n'
                 '"2 558";"Instalar impressora";"Novo";"06-09-2025 09:00";"";\n'
                 '"2 559";"VPN caiu";"Novo";"06-09-2025 10:00";"12-09-2025 10:00";\n',
                 encoding="utf-8")
    result = cli("import", f, "-f", "json")
    summary = json.loads(result.stdout)[0]
    assert (summary["inserted"], summary["rejected"]) == (5, 0)
    assert "resolution" not in summary["guessed"]
    assert query(db_path, "SELECT count(*) FROM complaints WHERE resolution IS NOT NULL") == [(0,)]
    assert query(db_path, "SELECT json_extract(extra, '$.\"Tempo para solução + Progresso\"') FROM complaints "
                          "WHERE subject = 'Criar usuário no PC'") == [("08-09-2025 17:00 \n\n 8%",)]
    assert "no text of a resolution" in result.stderr
    # a resolution written in words is still one
    g = tmp_path / "glpi2.csv"
    g.write_text('"ID";"Título";"Status";"Data de abertura";"Solução";\n'
                 '"3 001";"Sem rede";"Solucionado";"05-09-2025 14:10";"Cabo trocado às 15:00";\n', encoding="utf-8")
    cli("import", g)
    assert query(db_path, "SELECT resolution FROM complaints WHERE subject = 'Sem rede'") == [("Cabo trocado às 15:00",)]


# A support account's export (twcs's shape): customer 115712 opens a thread (1), the brand answers (2),
# the customer answers the brand (3), the brand again (4), the customer again (5); customer 115713
# joins the thread by answering the brand's reply to someone else (6): a complaint of their own; 8 answers
# a tweet that is not in the file (a thread opened before the export): a complaint of its own too.
THREAD = (",tweet_id,author_id,inbound,created_at,text,response_tweet_id,in_response_to_tweet_id\n"
          "0,3,115712,True,Tue Oct 31 22:20:00 +0000 2017,@sprintcare and how do you propose we do that,4,2.0\n"
          "1,1,115712,True,Tue Oct 31 22:00:00 +0000 2017,@sprintcare my bill is wrong again,2,\n"
          "2,2,sprintcare,False,Tue Oct 31 22:10:00 +0000 2017,@115712 Please DM us.,\"3,6\",1.0\n"
          "3,4,sprintcare,False,Tue Oct 31 22:30:00 +0000 2017,@115712 Click Message at the top.,5,3.0\n"
          "4,5,115712,True,Tue Oct 31 22:40:00 +0000 2017,@sprintcare done,,4.0\n"
          "5,6,115713,True,Tue Oct 31 22:50:00 +0000 2017,@sprintcare same here: billed twice,7,2.0\n"
          "6,7,sprintcare,False,Tue Oct 31 23:00:00 +0000 2017,@115713 Sorry! DM us.,,6.0\n"
          "7,8,115714,True,Tue Oct 31 23:10:00 +0000 2017,@sprintcare still waiting on that refund,,99.0\n")


def test_a_customers_follow_ups_in_their_thread_are_notes_on_their_complaint(cli, db_path, tmp_path):
    f = tmp_path / "twcs.csv"
    f.write_text(THREAD, encoding="utf-8")
    result = cli("import", f, "-f", "json", expect=3)
    summary = json.loads(result.stdout)[0]
    assert (summary["read"], summary["inserted"], summary["grouped"], summary["rejected"]) == (8, 3, 2, 3)
    assert summary["follow_ups"] == 2
    assert query(db_path, "SELECT ref, customer_id IS NOT NULL, first_response_at FROM complaints ORDER BY ref") == [
        ("1", 1, "2017-10-31T22:10:00Z"), ("6", 1, "2017-10-31T23:00:00Z"), ("8", 1, None)]
    notes = query(db_path, "SELECT e.note FROM events e JOIN complaints c ON c.id = e.complaint_id "
                           "WHERE e.action = 'note' ORDER BY e.id")
    assert [n for (n,) in notes] == [
        f"import #1 from {f.name} line 2: follow-up by the customer in this thread, written Tue Oct 31 22:20:00 +0000 "
        "2017: @sprintcare and how do you propose we do that",
        f"import #1 from {f.name} line 6: follow-up by the customer in this thread, written Tue Oct 31 22:40:00 +0000 "
        "2017: @sprintcare done"]
    assert query(db_path, "SELECT c.ref FROM events e JOIN complaints c ON c.id = e.complaint_id "
                          "WHERE e.action = 'note'") == [("1",), ("1",)]
    text = cli("import", f, "--dry-run", expect=3).stderr
    assert "2 rows are customers' follow-ups in the threads their complaints opened" in text
    assert "--group-by-ref" not in text
    # a re-run adds nothing; an undo knows the notes for the import's own
    again = json.loads(cli("import", f, "-f", "json", expect=3).stdout)[0]
    assert (again["inserted"], again["unchanged"], again["grouped"]) == (0, 3, 2)
    undone = json.loads(cli("import", "undo", "1", "-f", "json").stdout)[0]
    assert undone["removed_complaints"] == [1, 2, 3] and undone["kept_complaints"] == []
    # the override: every customer's tweet a complaint, as before
    alone = json.loads(cli("--db", str(tmp_path / "all.db"), "import", f, "--follow-ups-as-complaints", "-f", "json",
                           expect=3).stdout)[0]
    assert (alone["inserted"], alone["grouped"], alone["follow_ups"]) == (5, 0, 0)


def test_a_number_repeated_with_other_received_times_is_no_reference(cli, db_path, tmp_path):
    """Issues of several repositories in one JSON array on one line (a GitHub cache): `number` repeats
    across repositories with other times and titles, so it names no complaint: every row imports, and
    a re-run adds nothing. Snapshots of one ticket (one received time) keep their ref."""
    issues = [{"repo": repo, "number": n, "title": f"{repo}: issue {n}", "date": f"2024-0{m}-{n + 10}T10:00:00Z",
               "user": f"u{n}{m}"} for m, repo in ((1, "core"), (2, "app"), (3, "docs")) for n in range(1, 13)]
    f = tmp_path / "issues.json"
    f.write_text(json.dumps(issues), encoding="utf-8")
    result = cli("import", f)
    assert "read 36, inserted 36, updated 0, unchanged 0, duplicates 0, rejected 0" in result.stdout
    assert "column 'number' looked like the reference, but rows sharing its values were received at " \
           "different times (12 of its 12 repeated values" in result.stderr and '--map "number=ref"' in result.stderr
    assert query(db_path, "SELECT count(*), count(ref) FROM complaints") == [(36, 0)]
    assert "inserted 0, updated 0, unchanged 36" in cli("import", f).stdout
    snapshots = tmp_path / "snapshots.csv"
    snapshots.write_text("number,opened,subject,state,updated\n"
                         "INC1,2026-11-02 09:00,打印机坏了,New,2026-11-02 09:00\n"
                         "INC1,2026-11-02 09:00,打印机坏了,Resolved,2026-11-03 09:00\n"
                         "INC2,2026-11-04 09:00,网络断了,New,2026-11-04 09:00\n", encoding="utf-8")
    assert "looked like the reference" not in cli("import", snapshots, expect=None).stderr
    assert query(db_path, "SELECT ref FROM complaints WHERE ref IS NOT NULL ORDER BY ref") == [("INC1",), ("INC2",)]
