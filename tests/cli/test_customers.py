"""Customers are records of their own: editing one complaint never changes another, a typed
name is never dropped, every change to a customer writes an event, duplicates merge."""

import json

import pytest

from conftest import query

LI_PHONE = "+86 138 0013 8000"


@pytest.fixture
def li(cli):
    """李雷 with five complaints, matched on his phone."""
    ids = [cli.log("-s", "洗衣机漏水", "--customer", "李雷", "--phone", LI_PHONE)]
    ids += [cli.log("-s", f"第{i}次投诉", "--phone", "13800138000") for i in range(2, 6)]
    return ids


def names(db_path):
    return query(db_path, "SELECT c.id, cu.name FROM complaints c LEFT JOIN customers cu ON cu.id = c.customer_id "
                          "ORDER BY c.id")


def test_update_customer_repoints_that_complaint_only(cli, db_path, li):
    result = cli("update", li[-1], "--customer", "韩梅梅")
    assert "customer: #1 李雷 -> #2 韩梅梅 (new customer)" in result.stderr
    assert names(db_path) == [(1, "李雷"), (2, "李雷"), (3, "李雷"), (4, "李雷"), (5, "韩梅梅")]
    assert query(db_path, "SELECT old_value, new_value FROM events WHERE complaint_id = 5 "
                          "AND field = 'customer_id'") == [("1", "2")]
    # named again, the complaint's own customer is no change (not a new 李雷)
    cli("update", li[0], "--customer", "李雷")
    assert query(db_path, "SELECT count(*) FROM customers WHERE name = '李雷'") == [(1,)]


def test_update_customer_by_id_and_to_a_matched_customer(cli, db_path, li):
    cli.log("-s", "快递没到", "--customer", "王芳", "--email", "wf@example.cn")  # customer #2
    result = cli("update", li[1], "--customer", "#2")
    assert "customer: #1 李雷 -> #2 王芳." in result.stderr
    assert names(db_path)[1] == (2, "王芳")
    cli("update", li[2], "--customer", "王芳", "--email", "WF@example.cn")
    assert names(db_path)[2] == (3, "王芳")
    assert query(db_path, "SELECT count(*) FROM customers") == [(2,)]
    cli("update", li[3], "--customer", "#9", expect=1)


def test_typed_name_that_disagrees_with_the_phone_is_refused_not_dropped(cli, db_path, li):
    result = cli("log", "-s", "冰箱不制冷", "--customer", "韩梅梅", "--phone", LI_PHONE, expect=1)
    assert "belongs to customer #1 李雷, not 韩梅梅" in result.stderr and "--new-customer" in result.stderr
    assert query(db_path, "SELECT count(*) FROM complaints") == [(5,)]
    new = cli.log("-s", "冰箱不制冷", "--customer", "韩梅梅", "--phone", LI_PHONE, "--new-customer")
    again = cli.log("-s", "冰箱还是不制冷", "--customer", "韩梅梅", "--phone", "13800138000")
    plain = cli.log("-s", "无名投诉", "--phone", "13800138000")
    people = dict(names(db_path))
    assert (people[new], people[again], people[plain]) == ("韩梅梅", "韩梅梅", "李雷")
    # the same name in other case and spacing is the same person
    cli.log("-s", "x", "--customer", "li  lei", "--email", "li@x.cn")
    assert cli.log("-s", "y", "--customer", "Li Lei", "--email", "li@x.cn") == 10


def test_matching_a_known_customer_fills_gaps_with_an_event(cli, db_path, li):
    cli.log("-s", "又坏了", "--customer", "李雷", "--phone", "13800138000", "--email", "li@x.cn")
    assert query(db_path, "SELECT email FROM customers WHERE id = 1") == [("li@x.cn",)]
    assert query(db_path, "SELECT customer_id, action, field, new_value, note FROM events "
                          "WHERE action = 'customer_edited'") == [
        (1, "customer_edited", "customer.email", "li@x.cn", "filled in from complaint #6")]


def test_update_contact_adds_what_is_missing_and_refuses_a_different_value(cli, db_path, li):
    cli("update", li[0], "--email", "li@x.cn")
    assert query(db_path, "SELECT email FROM customers WHERE id = 1") == [("li@x.cn",)]
    result = cli("update", li[0], "--phone", "139 1111 2222", expect=1)
    assert "customer #1 already has phone" in result.stderr and "customers edit 1" in result.stderr
    assert query(db_path, "SELECT phone FROM customers WHERE id = 1") == [(LI_PHONE,)]
    cli.log("-s", "z", "--customer", "王芳", "--email", "wf@x.cn")
    cli.log("-s", "anon")
    result = cli("update", li[0], "--company", "ACME")
    assert "customer.company: - -> ACME" in result.stderr
    cli("update", "7", "--email", "wf@x.cn")  # an anonymous complaint gets the matching customer
    assert names(db_path)[6] == (7, "王芳")


def test_customers_edit_changes_every_complaint_with_events(cli, db_path, li):
    result = cli("customers", "edit", "1", "--name", "李 雷", "--company", "ACME")
    assert "customer.name: 李雷 -> 李 雷" in result.stderr
    assert {n for _, n in names(db_path)} == {"李 雷"}
    assert query(db_path, "SELECT field, old_value, new_value FROM events WHERE customer_id = 1 "
                          "AND action = 'customer_edited' ORDER BY id") == [
        ("customer.name", "李雷", "李 雷"), ("customer.company", None, "ACME")]
    cli("customers", "edit", "1", "--company", "none")
    assert query(db_path, "SELECT company FROM customers") == [(None,)]
    cli("customers", "edit", "1", "--email", "bad", expect=2)
    cli("customers", "edit", "99", "--name", "x", expect=1)
    cli("customers", "edit", "1", expect=2)


def test_customers_merge_moves_complaints_and_keeps_the_alias(cli, db_path, li):
    dup = cli.log("-s", "重复的人", "--customer", "Li Lei", "--email", "lilei@y.cn", "--company", "ACME")
    result = cli("customers", "merge", "1", "2", "--note", "same person")
    assert "1 complaint moved; filled in email, company" in result.stderr
    assert names(db_path)[dup - 1] == (dup, "李雷")
    assert query(db_path, "SELECT merged_into FROM customers WHERE id = 2") == [(1,)]
    assert query(db_path, "SELECT old_value, new_value, note FROM events WHERE complaint_id = ? "
                          "AND field = 'customer_id'", dup) == [("2", "1", "customer #2 merged into #1: same person")]
    # the merged record's email still finds the customer kept
    later = cli.log("-s", "又来了", "--email", "LILEI@y.cn")
    assert names(db_path)[later - 1] == (later, "李雷")
    assert cli("customers", "merge", "1", "1", expect=2)
    assert "merged into #1" in cli("customers", "merge", "1", "2", expect=1).stderr
    info = json.loads(cli("info", "-f", "json").stdout)[0]
    assert info["customers_count"] == 1


def test_customers_list_and_show_history_open_first(cli, db_path, li):
    cli("update", li[0], "--status", "resolved")
    cli.log("-s", "别人", "--customer", "王芳", "--email", "wf@x.cn")
    rows = json.loads(cli("customers", "list", "-f", "json").stdout)
    assert [(r["id"], r["complaints"], r["open_complaints"]) for r in rows] == [(2, 1, 1), (1, 5, 4)]
    assert [r["id"] for r in json.loads(cli("customers", "list", "-q", "138-0013-8000", "-f", "json").stdout)] == [1]
    data = json.loads(cli("customers", "show", "#1", "-f", "json").stdout)
    assert [c["id"] for c in data["complaints"]][-1] == li[0]  # the resolved one last
    assert data["open_complaints"] == 4
    assert data["events"][0]["action"] == "customer_created"
    table = cli("customers", "show", "1").stdout
    assert "Complaints  5 (4 open)" in table and "洗衣机漏水" in table
    assert cli("customers", "show", "42", expect=1).stderr.startswith("error: no customer #42")


def test_import_files_rows_of_a_merged_record_under_the_customer_kept(cli, db_path, li, tmp_path):
    cli.log("-s", "重复的人", "--customer", "Li Lei", "--email", "lilei@y.cn")
    cli("customers", "merge", "1", "2")
    source = tmp_path / "more.csv"
    source.write_text("subject,email\n导入的投诉,lilei@y.cn\n", encoding="utf-8")
    cli("import", "--received-now", str(source))
    assert names(db_path)[-1] == (7, "李雷")


def test_list_customer_with_a_merged_records_phone_or_id_finds_the_customer_kept(cli, db_path, li):
    """As `customers merge --help` promises: a merged record's email and phone still find the
    customer kept, in `list --customer` too (issue 21)."""
    other = cli.log("-s", "另一个号码", "--customer", "Li Lei", "--phone", "139 0013 9000")
    cli("customers", "merge", "1", "2")

    def listed(customer):
        return sorted(r["id"] for r in json.loads(cli("list", "--customer", customer, "-f", "json").stdout))

    everything = sorted(int(i) for i in li) + [other]
    assert listed("13900139000") == everything
    assert listed("+86 139-0013-9000") == everything
    assert listed("#2") == everything
    assert listed("#1") == everything
