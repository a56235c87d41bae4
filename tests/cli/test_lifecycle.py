
import pytest

from conftest import query


def q(db, sql, *params):
    return query(db, sql, *params)


@pytest.fixture
def one(cli):
    cli("agents", "add", "li.wei", "--full-name", "李伟")
    cli("agents", "add", "amy", "--lead")
    return cli.log("-s", "发票金额错误", "--channel", "email", "--customer", "张三")


def test_classify_sets_each_dimension_with_one_event_each(cli, db_path, one):
    result = cli("classify", one, "--category", "billing_error", "--severity", "medium", "--cause",
                 "data", "--personality", "forceful", "--motive", "seeking_compensation", "--tag", "发票")
    assert "category: - -> billing_error" in result.stderr
    got = q(db_path, "SELECT category, severity, cause, personality, motive FROM complaints")[0]
    assert got == ("billing_error", "medium", "data", "forceful", "seeking_compensation")
    fields = [r[0] for r in q(db_path, "SELECT field FROM events WHERE action IN "
                                       "('classified', 'tagged') ORDER BY id")]
    assert fields == ["category", "severity", "cause", "personality", "motive", "tag"]


def test_classify_unknown_code_lists_valid_and_changes_nothing(cli, db_path, one):
    result = cli("classify", one, "--severity", "whenever", "--category", "price", expect=2)
    assert "unknown severity 'whenever'" in result.stderr and "critical, high, medium, low" in result.stderr
    assert q(db_path, "SELECT category FROM complaints")[0][0] is None


def test_classify_none_clears_and_untag_removes(cli, db_path, one):
    cli("classify", one, "--category", "price", "--tag", "a", "--tag", "b")
    cli("classify", one, "--category", "none", "--untag", "a")
    assert q(db_path, "SELECT category FROM complaints")[0][0] is None
    assert q(db_path, "SELECT tag FROM complaint_tags") == [("b",)]


def test_classify_with_nothing_is_usage_error_and_unknown_id_fails(cli, one):
    cli("classify", one, expect=2)
    assert "no complaint #99" in cli("classify", "99", "--category", "price", expect=1).stderr
    assert "no complaint with the reference 'abc'" in cli("classify", "abc", "--category", "price", expect=1).stderr
    assert "invalid complaint id" in cli("classify", "0", "--category", "price", expect=2).stderr


def test_same_value_again_is_no_change(cli, db_path, one):
    cli("classify", one, "--category", "price")
    assert "No change" in cli("classify", "#1", "--category", "price").stderr
    assert q(db_path, "SELECT count(*) FROM events WHERE action = 'classified'")[0][0] == 1


def test_assign_and_unassign(cli, db_path, one):
    cli("assign", one, "--to", "li.wei")
    assert q(db_path, "SELECT assignee FROM complaints")[0][0] == "li.wei"
    cli("assign", one, "--unassign")
    assert q(db_path, "SELECT assignee FROM complaints")[0][0] is None
    actions = [r[0] for r in q(db_path, "SELECT action FROM events WHERE field = 'assignee'")]
    assert actions == ["assigned", "unassigned"]


def test_assign_unknown_or_inactive_agent_fails(cli, one):
    assert "no agent named 'bob'" in cli("assign", one, "--to", "bob", expect=1).stderr
    cli("agents", "deactivate", "amy")
    assert "inactive" in cli("assign", one, "--to", "amy", expect=1).stderr
    cli("assign", one, expect=2)
    cli("assign", one, "--to", "li.wei", "--unassign", expect=2)


def test_lifecycle_moves_and_first_response(cli, db_path, one):
    cli("update", one, "--status", "acknowledged", "--note", "已致电客户")
    first = q(db_path, "SELECT first_response_at FROM complaints")[0][0]
    assert first is not None
    cli("update", one, "--status", "investigating")
    cli("update", one, "--status", "waiting")
    cli("update", one, "--status", "investigating")
    cli("update", one, "--status", "resolved")
    c = q(db_path, "SELECT status, first_response_at, resolved_at FROM complaints")[0]
    assert c[0] == "resolved" and c[1] == first and c[2] is not None
    history = q(db_path, "SELECT old_value, new_value FROM events WHERE field = 'status' ORDER BY id")
    assert history[1:] == [("new", "acknowledged"), ("acknowledged", "investigating"),
                           ("investigating", "waiting"), ("waiting", "investigating"),
                           ("investigating", "resolved")]


def test_illegal_move_names_the_legal_ones(cli, db_path, one):
    cli("update", one, "--status", "investigating")
    result = cli("update", one, "--status", "acknowledged", expect=1)
    assert "cannot move from investigating to acknowledged" in result.stderr
    assert "legal moves: waiting, resolved, or close" in result.stderr
    cli("update", one, "--status", "resolved")
    assert "close" in cli("update", one, "--status", "closed", expect=1).stderr
    assert "unknown status" in cli("update", one, "--status", "frobnicated", expect=2).stderr


def test_one_counted_way_to_reopen(cli, db_path, one):
    cli("update", one, "--status", "resolved")
    for status in ("investigating", "waiting", "acknowledged"):
        result = cli("update", one, "--status", status, expect=1)
        assert "complaintctl reopen ID --reason" in result.stderr
    assert q(db_path, "SELECT status, reopened_count FROM complaints") == [("resolved", 0)]
    cli("reopen", one, "--reason", "客户说还没修好")
    assert q(db_path, "SELECT status, reopened_count, resolved_at FROM complaints") == [("investigating", 1, None)]


def test_a_received_time_after_the_response_is_refused(cli, db_path, one):
    from datetime import datetime, timedelta, timezone

    cli("update", one, "--status", "acknowledged")
    later = (datetime.now(timezone.utc) + timedelta(minutes=2)).strftime("%Y-%m-%dT%H:%M:%SZ")
    result = cli("update", one, "--received", later, expect=2)
    assert "the first response time" in result.stderr and f"is before the received time {later}" in result.stderr
    assert q(db_path, "SELECT count(*) FROM events WHERE field = 'received_at'") == [(0,)]


def test_note_and_field_edits(cli, db_path, one):
    cli("update", one, "--note", "客户要求退款")
    cli("update", one, "--subject", "发票金额错误（已核实）", "--email", "zs@example.com",
        "--received", "yesterday")
    assert q(db_path, "SELECT note FROM events WHERE action = 'note'")[0][0] == "客户要求退款"
    assert q(db_path, "SELECT subject FROM complaints")[0][0] == "发票金额错误（已核实）"
    assert q(db_path, "SELECT email_normalized FROM customers")[0][0] == "zs@example.com"
    fields = {r[0] for r in q(db_path, "SELECT field FROM events WHERE action = 'edited'")}
    assert fields == {"subject", "received_at"}
    # the email the customer lacked is on the customer's own timeline
    assert q(db_path, "SELECT customer_id, field, new_value FROM events WHERE action = 'customer_edited'") == [
        (1, "customer.email", "zs@example.com")]
    cli("update", one, expect=2)


def test_close_records_outcome_resolution_and_communication(cli, db_path, one):
    cli("close", one, "--outcome", "resolved", "--resolution", "已退还差额 ¥120", "--accepted")
    c = q(db_path, "SELECT status, outcome, resolution, told_via, customer_accepted, closed_at, "
                   "resolved_at, first_response_at FROM complaints")[0]
    assert c[:5] == ("closed", "resolved", "已退还差额 ¥120", "email", 1)
    assert all(c[5:])
    assert "already closed" in cli("close", one, "--outcome", "resolved", "-r", "x", expect=1).stderr
    assert "reopen" in cli("update", one, "--status", "investigating", expect=1).stderr


def test_close_says_already_closed_before_asking_for_a_resolution(cli, db_path, one):
    cli("close", one, "--outcome", "resolved", "-r", "refunded")
    err = cli("close", one, "--outcome", "resolved", expect=1).stderr
    assert "already closed" in err and "resolution is required" not in err


def test_close_of_a_resolved_complaint_keeps_its_resolution(cli, db_path, one, tmp_path):
    two = cli.log("-s", "still open")
    assert "resolution is required" in cli("close", two, "--outcome", "resolved", expect=2).stderr
    cli("update", one, "--status", "resolved")  # resolved without a text: the close still asks
    assert "resolution is required" in cli("close", one, "--outcome", "resolved", expect=2).stderr
    export = tmp_path / "resolved.csv"  # another desk's resolved ticket brings its resolution
    export.write_text("ticket,created,status,subject,resolution\n"
                      "T9,2026-11-02 10:00,resolved,退款未到,已退款 ¥80\n", encoding="utf-8")
    cli("import", str(export))
    cli("close", "ref:T9", "--outcome", "resolved")
    assert q(db_path, "SELECT status, resolution FROM complaints WHERE ref = 'T9'") == [("closed", "已退款 ¥80")]


def test_close_duplicate_needs_an_existing_original(cli, db_path, one):
    two = cli.log("-s", "same again")
    cli("close", two, "--outcome", "duplicate", expect=2)
    cli("close", two, "--outcome", "duplicate", "--duplicate-of", "77", expect=1)
    cli("close", two, "--outcome", "duplicate", "--duplicate-of", one, "--told-via", "phone",
        "--not-accepted")
    assert q(db_path, "SELECT duplicate_of, told_via, customer_accepted FROM complaints WHERE id = 2") == [
        (1, "phone", 0)]
    cli("close", one, "--outcome", "nonsense", "-r", "x", expect=2)
    cli("close", one, "--outcome", "rejected", expect=2)  # resolution required


def test_reopen(cli, db_path, one):
    assert "not resolved or closed" in cli("reopen", one, "--reason", "x", expect=1).stderr
    cli("close", one, "--outcome", "rejected", "-r", "不符合退款条件")
    cli("reopen", one, "--reason", "客户提供了新证据")
    c = q(db_path, "SELECT status, closed_at, outcome, reopened_count FROM complaints")[0]
    assert c == ("investigating", None, None, 1)
    ev = q(db_path, "SELECT action, field, old_value, new_value, note FROM events WHERE action = 'reopened' ORDER BY id")
    closed_at = q(db_path, "SELECT at FROM events WHERE action = 'closed' AND field = 'status'")[0][0]
    # the status, and what the reopen cleared that a finished week's report counts (closed without
    # a resolution: no resolution time, no verdict)
    assert ev == [("reopened", "status", "closed", "investigating", "客户提供了新证据"),
                  ("reopened", "closed_at", closed_at, None, None)]


def test_assign_closed_complaint_refused(cli, one):
    cli("close", one, "--outcome", "withdrawn", "-r", "客户撤回")
    assert "closed" in cli("assign", one, "--to", "amy", expect=1).stderr


def test_show_has_labels_advice_and_timeline(cli, one):
    cli("classify", one, "--personality", "perfectionist", "--severity", "high")
    cli("assign", one, "--to", "li.wei")
    out = cli("show", one).stdout
    assert "发票金额错误" in out and "张三" in out
    assert "perfectionist (Perfectionist / 完美型)" in out
    assert "严谨细致" in out and "Be precise" in out
    assert "li.wei (李伟)" in out
    assert "Timeline (4 events)" in out
    assert "\x1b[" not in out  # no colour off a TTY


def test_show_json_and_csv(cli, one):
    import csv
    import io
    import json

    data = json.loads(cli("show", one, "--format", "json").stdout)
    assert data["id"] == 1 and data["customer"]["name"] == "张三"
    assert data["events"][0]["action"] == "logged"
    rows = list(csv.DictReader(io.StringIO(cli("show", one, "-f", "csv").stdout)))
    assert rows[0]["action"] == "logged" and rows[0]["complaint_id"] == "1"
    assert "no complaint #5" in cli("show", "5", expect=1).stderr
