"""The one label resolver: what a typed label reads as, for import and every command."""

import pytest

from complaintctl.core.taxonomy.labels import LabelResolver, suggest


@pytest.mark.parametrize("text, code", [
    ("high", "high"), ("High ", "high"), ("高", "high"), ("（高）", "high"), ("[High]", "high"), ("P2", "high"),
    ("2 - High", "high"), ("2 - Medium", "medium"), ("3 - Moderate", "medium"), ("Medium priority", "medium"),
    ("优先级：高", "high"), ("高级", "high"), ("1 - Critical", "critical"), ("5 - Planning", "low"),
])
def test_severity_labels_are_read_through_their_decoration(conn, text, code):
    assert LabelResolver(conn).code("severity", text) == code


@pytest.mark.parametrize("text, code", [
    ("Active", "investigating"), ("Awaiting User Info", "waiting"), ("Awaiting Vendor", "investigating"),
    ("Solved", "resolved"), ("Cancelled", "closed"), ("已办结", "closed"), ("待处理", "new"), ("處理中", "investigating"),
    ("Assigned", "acknowledged"), ("On Hold", "waiting"), ("Open", "new"), ("Resolved", "resolved"),
])
def test_help_desk_status_words(conn, text, code):
    assert LabelResolver(conn).code("status", text) == code


def test_unknown_labels_are_none_and_a_close_one_is_suggested_not_applied(conn):
    resolver = LabelResolver(conn)
    assert resolver.code("category", "交付延误") is None
    assert suggest(resolver.table("category"), "交付延误") == "delivery_delay"
    assert suggest(resolver.table("category"), "Noise - Residential") is None


def test_a_taught_alias_is_read_and_a_mapping_file_alias_must_name_a_code(conn):
    conn.execute("INSERT INTO label_aliases (kind, label, code, created_at, created_by) "
                 "VALUES ('category', '交付延误', 'delivery_delay', '2026-11-30T00:00:00Z', 't')")
    assert LabelResolver(conn).code("category", "交付延误") == "delivery_delay"
    from complaintctl.errors import InvalidInput

    with pytest.raises(InvalidInput, match="unknown category 'nope'"):
        LabelResolver(conn, {"category": {"x": "nope"}}).table("category")


@pytest.mark.parametrize("kind, text, by_part", [
    ("remedy", "停止骚扰,调整利率,道歉赔偿/解释,要求退款", True), ("remedy", "退款、赔偿", True),
    ("remedy", "解释", False), ("remedy", "（解释）", False), ("severity", "2 - Medium", False),
    ("severity", "Medium priority", False), ("severity", "P2 - High", False), ("severity", "优先级：高", False),
    ("severity", "Blocker / Critical", False), ("status", "Closed - Resolved", True), ("status", "In Progress", False),
])
def test_a_code_named_by_one_part_of_several_is_told_from_decoration(conn, kind, text, by_part):
    from complaintctl.core.taxonomy.labels import named_by_part

    resolver = LabelResolver(conn)
    code = resolver.code(kind, text)
    assert code is not None
    assert named_by_part(resolver.table(kind), text, code) is by_part


@pytest.mark.parametrize("text, code", [
    # waiting on someone other than the desk (Zendesk's, GLPI's, ServiceNow's sense; 311's DOHMH rows)
    ("Pending", "waiting"), ("Pendente", "waiting"), ("Aguardando", "waiting"), ("Pendiente", "waiting"),
    ("En attente", "waiting"), ("On Hold", "waiting"), ("Hold", "waiting"),
    # 待处理 is 'to be handled': not yet taken up, so new, not waiting
    ("待处理", "new"), ("未处理", "new"),
])
def test_pending_is_waiting_and_to_be_handled_is_new(conn, text, code):
    assert LabelResolver(conn).code("status", text) == code
