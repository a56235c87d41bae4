"""One rule for every LIMIT: None and 0 are no limit, a negative number is refused."""

import pytest

from complaintctl.errors import InvalidInput
from complaintctl.store.paging import checked_limit, limit_clause


@pytest.mark.parametrize(("given", "clause"), [(None, ""), (0, ""), (1, " LIMIT 1"), (250, " LIMIT 250")])
def test_a_limit_is_a_clause_or_none(given, clause):
    assert limit_clause(given) == clause


def test_a_negative_limit_is_refused_by_value_not_by_flag():
    with pytest.raises(InvalidInput) as refused:
        checked_limit(-3)
    assert "-3" in str(refused.value) and "--" not in str(refused.value)


def test_every_reader_refuses_a_negative_limit(conn):
    from complaintctl.core.insight.export import export_rows
    from complaintctl.core.insight.queries import ListFilters, list_complaints
    from complaintctl.core.intake.batches import list_imports
    from complaintctl.core.people.customers import list_customers

    for call in (lambda: list_complaints(conn, ListFilters(limit=-1)), lambda: list_imports(conn, limit=-1),
                 lambda: list_customers(conn, limit=-1), lambda: list(export_rows(conn, ListFilters(limit=-1), ["id"]))):
        with pytest.raises(InvalidInput):
            call()
