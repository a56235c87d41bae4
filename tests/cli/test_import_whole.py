"""A row is rejected only when it cannot be a complaint: help desks' status words in their own
languages, "never" dates, tickets without text, names as written and details that cannot be
stored lose no complaint. Fixtures in the shapes of real exports (Zendesk, Jira es/fr/pl, GLPI
pt/en, a help desk writing 1900-01-01 for "not solved"); no real data."""

import json

from conftest import query


def write(path, text, encoding="utf-8"):
    path.write_bytes(text.encode(encoding))
    return path


def imported(cli, f, *args, expect=0):
    result = cli("import", f, "-f", "json", *args, expect=expect)
    return json.loads(result.stdout)[0], result


def test_help_desk_status_words_in_their_languages_are_known(cli, db_path, tmp_path):
    words = {"Hold": "waiting", "On-hold": "waiting", "To Do": "new", "Tareas por hacer": "new",
             "Pendente": "waiting", "Na fila": "new", "Finalizada": "closed", "Listo": "closed",
             "Em atendimento (atribuído)": "acknowledged", "Processing (planned)": "investigating",
             "Solucionado": "resolved", "Résolu": "resolved", "Resolu": "resolved", "À faire": "new",
             "En cours": "investigating", "Geschlossen": "closed", "In Bearbeitung": "investigating",
             "Do zrobienia": "new", "W toku": "investigating", "Gotowe": "closed", "Won't Do": "closed",
             "pending close": "waiting", "Fechado": "closed", "Cancelado": "closed"}
    rows = "".join(f"T{i},ticket {i},2026-11-0{1 + i % 9},{word}\n" for i, word in enumerate(words))
    summary, _ = imported(cli, write(tmp_path / "desk.csv", "ref,subject,received,status\n" + rows))
    assert (summary["inserted"], summary["rejected"], summary["unclassified"]) == (len(words), 0, [])
    got = dict(query(db_path, "SELECT ref, status FROM complaints"))
    assert {word: got[f"T{i}"] for i, word in enumerate(words)} == words
    assert dict(query(db_path, "SELECT ref, outcome FROM complaints WHERE status = 'closed'"))["T20"] == "rejected"


def test_an_open_backlog_written_with_never_dates_and_hold_is_imported_open(cli, db_path, tmp_path):
    """A help desk marks "not solved" with 1900-01-01 (others 0000-00-00, the Unix epoch): every open
    ticket was rejected as an impossible date, and Hold as an unknown status."""
    f = write(tmp_path / "helpdesk.csv",
              "Ticket,Subject,Created,Resolved,Status\n"
              "H-1,Printer jammed,2023-04-08 20:52,2023-04-10 09:00,Solved\n"
              "H-2,VPN down,2023-04-09 08:00,1900-01-01 00:00,Hold\n"
              "H-3,Laptop slow,2023-04-09 09:00,0000-00-00 00:00:00,Open\n"
              "H-4,Mail quota,2023-04-09 10:00,1970-01-01 00:00:00,New\n")
    summary, result = imported(cli, f)
    assert (summary["inserted"], summary["rejected"], summary["never_dates"]) == (4, 0, {"resolved_at": 3})
    assert query(db_path, "SELECT ref, status, resolved_at FROM complaints ORDER BY id") == [
        ("H-1", "resolved", "2023-04-10T09:00:00Z"), ("H-2", "waiting", None), ("H-3", "new", None),
        ("H-4", "new", None)]
    assert "read as no date (1900-01-01, 0000-00-00" in result.stderr
    assert query(db_path, "SELECT count(*) FROM complaints WHERE status NOT IN ('resolved', 'closed')") == [(3,)]


def test_a_ticket_export_without_any_text_is_still_tickets(cli, db_path, tmp_path):
    """A Zendesk report of ids, dates and statuses: no subject, no description, and for most rows no
    category either; each ticket is imported, titled by its category or its ref."""
    f = write(tmp_path / "zendesk.csv",
              "Id,Requester id,Group,Status,Priority,Via,Created at,Solved at,Category\n"
              "297732,10300555531549,Support,Solved,Low,Mail,2023-04-08 20:52:00,2023-06-14 16:30:00,Claims\n"
              "311457,10420228868125,Support,Open,Low,Mail,2023-04-24 19:32:00,,-\n")
    summary, result = imported(cli, f)
    assert (summary["inserted"], summary["rejected"], summary["subject_from_ref"]) == (2, 0, 1)
    assert "no subject or description column: each complaint's subject is" in result.stderr
    assert query(db_path, "SELECT ref, subject, status FROM complaints ORDER BY id") == [
        ("297732", "Claims", "resolved"), ("311457", "(no subject) 311457", "new")]


def test_people_are_kept_as_written(cli, db_path, tmp_path):
    f = write(tmp_path / "glpi.csv",
              "ID;Title;Opening Date;Assigned To - Technician;Requester\n"
              "1;Acesso;2024-10-31 10:42;Gallinari, Isabella;Machado Martins, Flávia\n"
              "2;Aprovação;2024-10-31 14:12;Jean Carlos Coelho <br>Roger Da Silva Lauermann;Zoë Müller\n")
    summary, _ = imported(cli, f)
    assert (summary["inserted"], summary["rejected"]) == (2, 0)
    assert query(db_path, "SELECT name, full_name FROM agents ORDER BY name") == [
        ("Gallinari.Isabella", "Gallinari, Isabella"), ("Jean.Carlos.Coelho", "Jean Carlos Coelho")]
    assert query(db_path, "SELECT c.assignee, cu.name, json_extract(c.extra, '$.other_assignees') FROM complaints c "
                          "JOIN customers cu ON cu.id = c.customer_id ORDER BY c.id") == [
        ("Gallinari.Isabella", "Machado Martins, Flávia", None),
        ("Jean.Carlos.Coelho", "Zoë Müller", "Roger Da Silva Lauermann")]


def test_details_that_cannot_be_stored_lose_no_complaint(cli, db_path, tmp_path):
    f = write(tmp_path / "details.csv",
              "subject,received,email,phone,resolved,first response,status,accepted\n"
              "Leak,2026-11-01 09:00,nobody-at-example,12,2026-11-02 10:00,2026-11-03 08:00,resolved,maybe\n"
              "Noise,2026-11-01 10:00,li@example.cn,13800138000,,,Reopened,yes\n")
    summary, result = imported(cli, f, "--map", "first response=first_response_at", "--map", "accepted=customer_accepted")
    assert (summary["inserted"], summary["rejected"]) == (2, 0)
    extra = json.loads(query(db_path, "SELECT extra FROM complaints WHERE subject = 'Leak'")[0][0])
    assert extra == {"email_as_given": "nobody-at-example", "phone_as_given": "12",
                     "first_response_at_as_given": "2026-11-03T08:00:00Z", "customer_accepted_as_given": "maybe"}
    assert query(db_path, "SELECT first_response_at, resolved_at FROM complaints WHERE subject = 'Leak'") == [
        (None, "2026-11-02T10:00:00Z")]
    assert ("1 row: first response time after the row's resolution or closing, kept as given in "
            "extra.first_response_at_as_given") in result.stderr
