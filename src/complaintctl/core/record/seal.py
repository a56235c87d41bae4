"""Sealed facts: what a complaint was logged or imported with, and what a customer record was
created with, kept as a digest in the event that records it (the `logged` or `imported` event,
`customer_created`), which the audit chain covers.

No later event restates these values while they stay as they were: a subject nobody edited, a
first category, the customer a complaint was filed under. The digest makes a silent change of
any of them visible: `check` works each value back to what it was at intake (the current value,
or the old value of the first event that changed it since: every change of these fields writes
an event saying what it was) and compares the digest of those with the sealed one.

A complaint's seal has two parts, separated by a space:
- its intake (INTAKE and its tags), which can always be worked back;
- its outcome (OUTCOME), written only when the complaint came in with one (an import of
  finished complaints); an outcome that is all empty is sealed by its absence. A close or a
  reopen does not say what the outcome was before, so this part can be compared only while no
  event since has moved the complaint on (LIFECYCLE_FIELDS); after that, the events that moved
  it state the outcome themselves.

The digest is the chain's own hash (store/chain.py, by its version) over the chain's encoding.
"""

from __future__ import annotations

from complaintctl.store.chain import CURRENT, ChainVersion, encode, writing_version

INTAKE = ("ref", "received_at", "channel", "customer_id", "subject", "description", "remedy", "category",
          "severity", "cause", "personality", "motive", "assignee", "extra")
OUTCOME = ("first_response_at", "resolved_at", "closed_at", "outcome", "resolution", "duplicate_of",
           "told_via", "customer_accepted", "reopened_count")
CUSTOMER = ("name", "email", "phone", "company")
# Events whose field is one of these change (or may change) the outcome's facts without saying
# what they were before: once one follows the seal, the outcome part cannot be compared.
LIFECYCLE_FIELDS = ("status", "reply", *OUTCOME)


def _stored(value: object) -> object:
    """A value as SQLite gives it back: a bool is stored as 0 or 1."""
    return int(value) if value is True or value is False else value


def intake_digest(values, tags, version: ChainVersion = CURRENT) -> str:
    """The digest of a complaint's intake: ``values`` in INTAKE order and its tags (any order)."""
    ordered = sorted(tags)
    return version.hash_text(encode([_stored(v) for v in values]) + encode((len(ordered), *ordered)))


def outcome_digest(values, version: ChainVersion = CURRENT) -> str | None:
    """The digest of a complaint's outcome (``values`` in OUTCOME order), or None when it has
    none (every value empty, nothing reopened)."""
    stored = [_stored(v) for v in values]
    if all(v is None for v in stored[:-1]) and not stored[-1]:
        return None
    return version.hash_text(encode(stored))


def complaint_seal(row, tags, version: ChainVersion = CURRENT) -> str:
    """The seal of a complaint (``row``: a mapping with every INTAKE and OUTCOME column)."""
    intake = intake_digest([row[f] for f in INTAKE], tags, version)
    outcome = outcome_digest([row[f] for f in OUTCOME], version)
    return intake if outcome is None else f"{intake} {outcome}"


def customer_seal(details, version: ChainVersion = CURRENT) -> str:
    """The seal of a customer record as created (``details``: a mapping of CUSTOMER)."""
    return version.hash_text(encode([details.get(f) for f in CUSTOMER]))


def customers_seal(records, version: ChainVersion = CURRENT) -> str:
    """The seal of customer records created together (an import's batch), in id order: each a
    tuple in CUSTOMER order."""
    return version.hash_text(encode((len(records),)) + "".join(encode(r) for r in records))


def seal_of_complaint(conn, complaint_id: int) -> str:
    """The seal of a complaint as it stands in the database (inside the transaction that wrote it)."""
    row = conn.execute(f"SELECT {', '.join(INTAKE + OUTCOME)} FROM complaints WHERE id = ?",
                       (complaint_id,)).fetchone()
    tags = [r[0] for r in conn.execute("SELECT tag FROM complaint_tags WHERE complaint_id = ?", (complaint_id,))]
    return complaint_seal(dict(zip(INTAKE + OUTCOME, row, strict=True)), tags, writing_version(conn))


class RowSealer:
    """The seals of an import's new complaints, row by row at the importer's speed: for rows of
    one shape (``columns`` naming ``values``), with the customer id, tags and what a column the
    row lacks holds (NULL, or its default: reopened_count 0) taken as the table will hold them."""

    def __init__(self, columns: tuple[str, ...], version: ChainVersion = CURRENT):
        from operator import itemgetter

        absent, customer, zero = len(columns), len(columns) + 1, len(columns) + 2
        where = {name: i for i, name in enumerate(columns)}
        self._intake = itemgetter(*(customer if f == "customer_id" else where.get(f, absent) for f in INTAKE))
        present = [f for f in OUTCOME if f in where]
        self._outcome = itemgetter(*(where.get(f, zero if f == "reopened_count" else absent) for f in OUTCOME)) \
            if present else None
        self._version = version

    def seal(self, values: tuple, customer_id: int | None, tags) -> str:
        row = (*values, None, customer_id, 0)
        intake = self._version.hash_text(encode(self._intake(row)) + encode((len(tags), *sorted(tags))))
        if self._outcome is None:
            return intake
        outcome = outcome_digest(self._outcome(row), self._version)
        return intake if outcome is None else f"{intake} {outcome}"
