"""Stated facts compared: every fact an event states, and every fact an event seals, against the
row it describes. Reads only; `check` runs it in a full check.

An event states a fact when it says what a value became: a status change its status, a close its
outcome, resolution, how the customer was told and whether they accepted, a survey its score, a
tag event the tag, a customer event the record's detail. The row must hold what the last event
that states it says. What a complaint came in with (its subject, received time, channel,
customer, first classification, tags, and an imported outcome) no event restates; the `logged`
or `imported` event seals it (core/record/seal.py), and the row worked back to its intake (the
old value of the first event that changed each field since) must give that seal again. A
customer record is sealed likewise by its `customer_created` event.

A disagreement names the row, the fact and the event: a value changed around complaintctl (plain
SQL on the file), which the audit chain alone does not see, since no event was touched.
"""

from __future__ import annotations

from complaintctl.core.trust.complaint_facts import (
    complaint_disagreements,
    creation_disagreements,
    reopen_disagreements,
    survey_disagreements,
)
from complaintctl.core.trust.customer_facts import customer_disagreements
from complaintctl.core.trust.disagreements import EventVersions, FactsReport
from complaintctl.core.trust.stated_settings import settings_disagreements
from complaintctl.store.engine import Connection


def compare_facts(conn: Connection) -> FactsReport:
    """Every row that disagrees with an event stating or sealing its facts (each complaint's and
    customer's first disagreement), and how many rows were compared."""
    report = FactsReport()
    versions = EventVersions(conn)
    report.found = list(complaint_disagreements(conn, report, versions))
    report.found += survey_disagreements(conn)
    report.found += reopen_disagreements(conn)
    report.found += creation_disagreements(conn)
    report.found += customer_disagreements(conn, report, versions)
    report.found += settings_disagreements(conn)
    return report
