"""Every guess needs positive evidence from the values: fixtures in the shapes of real exports
(Jira in Spanish, French and Polish with hundreds of empty custom fields, GLPI in Portuguese, CFPB,
a GLPI database dump, an export whose headers name nothing). No real data."""

import json

from conftest import query


def write(path, text, encoding="utf-8"):
    path.write_bytes(text.encode(encoding))
    return path


def imported(cli, f, *args, expect=0):
    result = cli("import", f, "-f", "json", *args, expect=expect)
    return json.loads(result.stdout)[0], result


def test_a_jira_export_in_spanish_with_empty_custom_fields(cli, db_path, tmp_path):
    """Empty custom fields won received, subject and status over the real columns, whose headers are
    Spanish and whose dates name the month in Spanish."""
    empty = ["Campo personalizado (Change completion date)", "Campo personalizado (Issue color)",
             "Campo personalizado (Epic Status)", "Campo personalizado (Time to first response)"]
    header = ["Tipo de Incidencia", "Clave de incidencia", "ID de la incidencia", *empty, "Resumen",
              "Persona asignada", "ID de la persona asignada", "Informador", "Prioridad", "Estado", "Creada",
              "Actualizada", "Fecha de vencimiento"]
    rows = [["Tarea", "AB-93", "10156", "", "", "", "", "Inicialización de Springboot", "Dylan Hospital",
             "712020:6fadd200", "Juan Gonzalez", "Medium", "Tareas por hacer", "21/abr/26 11:37 PM",
             "21/abr/26 11:37 PM", "30/abr/26"],
            ["Historia", "AB-85", "10148", "", "", "", "", "Creacion Informe", "Juan Gonzalez", "712020:8fc68cc7",
             "Dylan Hospital", "High", "Finalizada", "16/abr/26 11:11 AM", "17/abr/26 8:33 PM", ""]]
    f = write(tmp_path / "Jira.csv", "\n".join(",".join(r) for r in [header, *rows]) + "\n")
    summary, result = imported(cli, f)
    assert (summary["inserted"], summary["rejected"]) == (2, 0)
    assert query(db_path, "SELECT ref, subject, received_at, status, severity, assignee FROM complaints ORDER BY id") == [
        ("AB-93", "Inicialización de Springboot", "2026-04-21T23:37:00Z", "new", "medium", "Dylan.Hospital"),
        ("AB-85", "Creacion Informe", "2026-04-16T11:11:00Z", "closed", "high", "Juan.Gonzalez")]
    assert "'Fecha de vencimiento'" not in json.dumps(summary["guessed"])  # a due date is no received time
    shown = json.loads(cli("import", f, "--show-mapping", "-f", "json").stdout)
    fields = {c["header"]: (c["field"], c["evidence"]) for c in shown["columns"]}
    assert fields["Campo personalizado (Change completion date)"] == ("extra", "no values in the sample")
    assert fields["Creada"][0] == "received" and fields["Resumen"][0] == "subject"


def test_french_and_polish_jira_dates_and_headers(cli, db_path, tmp_path):
    f = write(tmp_path / "fr.csv", "Résumé,Clé de ticket,Type de ticket,État,Création,Date d'échéance\n"
                                   "Unicité des dates,CCS-60,Bug,À faire,19/févr./26 7:31 PM,20/févr./26\n")
    g = write(tmp_path / "pl.csv", "Podsumowanie,Klucz zgłoszenia,Status,Utworzono,Osoba zgłaszająca\n"
                                   "Wrong Home button,TSL-21,Do zrobienia,12/lut/21 10:06 PM,Konrad Grudziński\n")
    for path in (f, g):
        assert imported(cli, path)[0]["inserted"] == 1
    assert query(db_path, "SELECT ref, received_at, status, category FROM complaints ORDER BY id") == [
        ("CCS-60", "2026-02-19T19:31:00Z", "new", "system_failure"), ("TSL-21", "2021-02-12T22:06:00Z", "new", None)]
    assert query(db_path, "SELECT name FROM customers") == [("Konrad Grudziński",)]


def test_a_column_of_one_phrase_is_no_reference_and_no_hint_folds_it(cli, db_path, tmp_path):
    rows = "".join(f"service request,Printer {i},2026-03-{1 + i % 28:02d}\n" for i in range(40))
    f = write(tmp_path / "requests.csv", "Ticket,Subject,Date\n" + rows)
    summary, result = imported(cli, f)
    assert (summary["inserted"], summary["duplicates"], summary["rejected"]) == (40, 0, 0)
    assert "'service request' in 40" in result.stderr and "--update" not in result.stderr
    assert query(db_path, "SELECT count(DISTINCT ref), count(*) FROM complaints") == [(0, 40)]


def test_received_prefers_a_received_column_to_an_incident_time_and_says_why(cli, db_path, tmp_path):
    f = write(tmp_path / "police.csv", "occurredDate,receivedDate,summary\n1981-05-02,2024-05-02,Excessive force\n")
    summary, _ = imported(cli, f)
    assert summary["guessed"]["received"].startswith("'receivedDate', guessed from 'received'; preferred to "
                                                     "'occurredDate': its header says received or created")
    assert query(db_path, "SELECT received_at FROM complaints") == [("2024-05-02T00:00:00Z",)]


def test_a_yes_no_flag_is_no_assignee_and_a_title_is_no_customer(cli, db_path, tmp_path):
    """GLPI in Portuguese: `Tempo para resolver excedido` (SLA exceeded: Sim/Não) looked like an
    assignee from the word 'resolver'; a GLPI dump's `NAME` is the ticket's title, not a person."""
    f = write(tmp_path / "glpi.csv",
              "ID;Título;Tempo para resolver excedido;Atribuído - Técnico;Data de abertura;Status\n"
              "52 267;Auxílio para realização dos passos;Não;Jadney Santos;14-08-2025 14:27;Solucionado\n"
              "52 268;Erro ao anexar arquivo;Sim;;15-08-2025 09:00;Pendente\n")
    summary, _ = imported(cli, f)
    assert (summary["inserted"], summary["rejected"]) == (2, 0)
    assert query(db_path, "SELECT name FROM agents") == [("Jadney.Santos",)]
    assert query(db_path, "SELECT subject, status, received_at FROM complaints ORDER BY id") == [
        ("Auxílio para realização dos passos", "resolved", "2025-08-14T14:27:00Z"),
        ("Erro ao anexar arquivo", "waiting", "2025-08-15T09:00:00Z")]
    dump = write(tmp_path / "dump.csv", '"ID";"NAME";"DATE";"CONTENT"\n'
                                        '"1";"Manutenção de ramal";"2012-09-05 16:03:00";"Ramal 1112 mudo"\n'
                                        '"2";"Equipamento para manutenção no local";"2012-09-06 10:00:00";"Trocar"\n')
    summary, _ = imported(cli, dump)
    assert summary["customers_created"] == 0
    assert query(db_path, "SELECT subject FROM complaints WHERE ref = '2' ORDER BY id DESC LIMIT 1") == [
        ("Equipamento para manutenção no local",)]


def test_a_company_with_no_customer_is_not_a_customers_and_status_found_in_its_values(cli, db_path, tmp_path):
    """CFPB: `Company` is the company complained about (no customer in the file), and the status is in
    `Company response to consumer` (Closed with explanation, In progress)."""
    f = write(tmp_path / "cfpb.csv",
              "Date received,Issue,Company,Company response to consumer,Complaint ID\n"
              "2023-08-10,Incorrect information,EQUIFAX,Closed with explanation,7523000\n"
              "2023-08-11,Improper use,TRANSUNION,In progress,7523001\n"
              "2023-08-12,Problem with a purchase,EXPERIAN,Closed with non-monetary relief,7523002\n")
    summary, result = imported(cli, f)
    assert summary["customers_created"] == 0
    assert summary["by_values"]["status"].startswith("'Company response to consumer'")
    assert "decided from the values, no header naming them" in result.stderr
    assert query(db_path, "SELECT ref, status, json_extract(extra, '$.Company') FROM complaints ORDER BY id") == [
        ("7523000", "closed", "EQUIFAX"), ("7523001", "investigating", "TRANSUNION"),
        ("7523002", "closed", "EXPERIAN")]


def test_headers_that_name_nothing_are_read_from_their_values(cli, db_path, tmp_path):
    f = write(tmp_path / "unknown.csv",
              "k1,k2,k3,k4\n"
              "A-1001,2026-03-02 10:00,2026-03-05 12:00,The parcel arrived broken and nobody answers the phone\n"
              "A-1002,2026-03-03 11:00,2026-03-04 09:00,Charged twice for the same order last week so please refund\n")
    summary, result = imported(cli, f)
    assert (summary["inserted"], summary["rejected"]) == (2, 0)
    assert summary["by_values"] == {"received": "'k2' (the earliest of 2 columns of dates)",
                                    "ref": "'k1' (a unique key)", "description": "'k4' (the longest text)"}
    assert query(db_path, "SELECT ref, received_at, subject FROM complaints ORDER BY id") == [
        ("A-1001", "2026-03-02T10:00:00Z", "The parcel arrived broken and nobody answers the phone"),
        ("A-1002", "2026-03-03T11:00:00Z", "Charged twice for the same order last week so please refund")]
