"""`complaintctl check`: is the database file sound, and does its data keep the rules?

Everything complaintctl writes keeps these rules by itself; what breaks them is the world
around it: a disk or copy that damaged the file, a plain-SQL session that wrote with foreign
keys off, an import killed before it rebuilt its indexes. Each check reads only, and says
what it found and what to do about it. ``problem`` means the data is wrong or at risk;
``warning`` means it is sound but something wants attention.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from complaintctl.core.trust.database import open_database
from complaintctl.core.trust.finding import (
    EXAMPLES,
    OK,
    PROBLEM,
    WARNING,
    Finding,
    id_list,
    in_one,
    one_fix,
    quoted_ids,
)
from complaintctl.core.trust.record_rules import check_holiday_calendar, check_lifecycle, check_sla_clocks, check_timestamps
from complaintctl.core.trust.references import check_references
from complaintctl.i18n import L_, nL_
from complaintctl.i18n.said import Code, Input, Listed, Step
from complaintctl.store import catalog
from complaintctl.store.beside import Beside
from complaintctl.store.engine import Connection, DatabaseError
from complaintctl.store.version import SCHEMA_VERSION

OBJECTS = {"table": lambda name: L_("table {name}", name=name), "view": lambda name: L_("view {name}", name=name),
           "index": lambda name: L_("index {name}", name=name), "trigger": lambda name: L_("trigger {name}", name=name)}


def check_file(path: Path, *, quick: bool = False, against: tuple[int, str] | None = None) -> list[Finding]:
    """The use case `check`: open ``path`` read-only (never creating, migrating or repairing what
    it checks) and run every check."""
    conn = open_database(path, readonly=True)
    try:
        return check_database(conn, quick=quick, against=against)
    finally:
        conn.close()


def check_database(conn: Connection, *, quick: bool = False,
                   against: tuple[int, str] | None = None) -> list[Finding]:
    """Run every check on ``conn`` (opened read-only); a damaged file stops after the first.
    ``against``: a chain head kept elsewhere (`audit head`) that the events must still end in.
    The integrity check (a read of the whole file) and the references run on a connection of
    their own in a second thread, beside the other checks of the data: SQLite releases the GIL,
    so on two cores the two halves overlap."""
    beside = Beside.start(conn, lambda own: _beside_work(own, quick))
    if beside is None:
        integrity = _integrity(conn, quick)
        return [integrity] if integrity.result != OK else [integrity, *_data_checks(conn, quick, against)]
    try:
        rest = _data_checks(conn, quick, against, beside.result)
    except DatabaseError:  # a damaged file: the integrity check says how
        rest = None
    integrity = beside.result()["integrity"]
    if integrity.result != OK:
        return [integrity]
    return [integrity, *(rest if rest is not None else _data_checks(conn, quick, against, beside.result))]


BESIDE = ("references", "stated facts")  # the data checks the second thread runs, after the integrity check


def _beside_work(own: Connection, quick: bool) -> dict[str, Finding]:
    """What the second thread of a check finds, on its own connection: the integrity check, then
    (on a sound file) the references and, in a full check, the stated facts."""
    found = {"integrity": _integrity(own, quick)}
    if found["integrity"].result == OK:
        found["references"] = _run_check("references", check_references, own)
        version = catalog.schema_version(own)
        if not quick and 0 < version <= SCHEMA_VERSION:
            found["stated facts"] = _run_check("stated facts", _stated_facts, own)
    return found


def _data_checks(conn: Connection, quick: bool, against: tuple[int, str] | None,
                 elsewhere: Callable[[], dict[str, Finding]] | None = None) -> list[Finding]:
    """Every check after the file's integrity: the schema, then the data's rules (the references
    from ``elsewhere``, the other thread's findings, when given)."""
    version = catalog.schema_version(conn)
    findings = [_schema_version(version)]
    if not 0 < version <= SCHEMA_VERSION:
        return findings
    checks: list[tuple[str, Callable[[Connection], Finding]]] = [
        ("schema objects", _schema_objects), ("deferred indexes", _deferred_indexes),
        ("references", check_references),
        ("audit trail", lambda c: _audit_trail(c, quick=quick, against=against)), ("timestamps", check_timestamps),
        ("lifecycle", check_lifecycle), ("file permissions", _permissions),
        ("holiday calendar", check_holiday_calendar)]
    if not quick:
        checks.insert(4, ("stated facts", _stated_facts))
        checks.append(("SLA clocks", check_sla_clocks))
    later = []  # (position, name) of what the other thread finds
    for name, check in checks:
        if name == "SLA clocks" and any(f.check == "timestamps" and f.result != OK for f in findings):
            findings.append(Finding(name, WARNING, L_("not checked: the clocks cannot be replayed from unreadable times"),
                                    L_("fix the timestamps first")))
        elif elsewhere is not None and name in BESIDE:
            later.append((len(findings), name))
        else:
            findings.append(_run_check(name, check, conn))
    for position, name in reversed(later):  # the other thread's findings, where they belong
        found = elsewhere() if elsewhere is not None else {}
        if name in found:  # not when the file is damaged: then integrity is all that is said
            findings.insert(position, found[name])
    return findings


def _run_check(name: str, check: Callable[[Connection], Finding], conn: Connection) -> Finding:
    try:
        return check(conn)
    except (DatabaseError, ValueError, TypeError) as exc:  # data too broken to check
        return Finding(name, PROBLEM, L_("could not be checked: {kind}: {error}", kind=type(exc).__name__, error=str(exc)))


def worst(findings: list[Finding]) -> str:
    results = {f.result for f in findings}
    return PROBLEM if PROBLEM in results else WARNING if WARNING in results else OK


def _integrity(conn: Connection, quick: bool) -> Finding:
    pragma = "quick_check" if quick else "integrity_check"
    try:
        pragma, messages = catalog.integrity_messages(conn, quick, EXAMPLES + 1)
    except DatabaseError as exc:
        messages = [str(exc)]
    if messages == ["ok"]:
        return Finding("integrity", OK, L_("{pragma}: ok", pragma=pragma))
    if "not a database" in messages[0]:
        return Finding("integrity", PROBLEM, L_("not an SQLite database, or damaged beyond reading"),
                       L_("check {db} / COMPLAINTCTL_DB; if this was the database, restore the newest backup ({step})",
                          db=Input("db"), step=Step("restore", L_("BACKUP"))))
    shown = "; ".join(messages[:EXAMPLES]) + ("; ..." if len(messages) > EXAMPLES else "")
    return Finding("integrity", PROBLEM, L_("the file is damaged: {messages}", messages=shown),
                   L_("restore the newest backup ({step}), or try `sqlite3 FILE .recover` into a new file",
                      step=Step("restore", L_("BACKUP"))))


def _schema_version(version: int) -> Finding:
    if version == SCHEMA_VERSION:
        return Finding("schema version", OK, L_("{version}, the latest", version=version))
    if version == 0:
        return Finding("schema version", PROBLEM, L_("0: this is not a complaintctl database (or an empty file)"),
                       L_("check {db} / COMPLAINTCTL_DB", db=Input("db")))
    if version > SCHEMA_VERSION:
        return Finding("schema version", PROBLEM, L_("{version}, newer than this complaintctl knows ({known})",
                                                     version=version, known=SCHEMA_VERSION), L_("upgrade complaintctl"))
    return Finding("schema version", WARNING, L_("{version}; this complaintctl writes {known}", version=version,
                                                 known=SCHEMA_VERSION),
                   L_("{step} upgrades it (every other command does too)", step=Step("init")))


def _deferred(conn: Connection) -> set[str]:
    if not catalog.has_table(conn, "deferred_indexes"):
        return set()
    return {r[0] for r in conn.execute("SELECT name FROM deferred_indexes")}


def _set_aside(conn: Connection, expected: dict) -> set[str]:
    """The missing objects a bulk import accounts for: the indexes it defers (never a unique
    one: that is a constraint), and its triggers only while it holds the file. A trigger (a guard
    of the reports or the chain's versions too) or a unique index behind a row written into
    deferred_indexes by hand, or a killed import's trigger, is missing."""
    from complaintctl.store.bulk import import_holds_file

    deferred = _deferred(conn)
    if not deferred or import_holds_file(conn):
        return deferred
    return {name for name in deferred if name in expected and expected[name][0] == "index"
            and not expected[name][1].upper().startswith("CREATE UNIQUE")}


def _schema_objects(conn: Connection) -> Finding:
    expected = catalog.expected_objects(conn, catalog.schema_version(conn))
    present = set(catalog.objects(conn))
    deferred = _set_aside(conn, expected)
    missing = [(kind, name) for name, (kind, _) in sorted(expected.items())
               if name not in present and name not in deferred]
    if not missing:
        return Finding("schema objects", OK, L_("{n} tables, views, indexes and triggers present", n=len(expected)))
    tables = [name for kind, name in missing if kind == "table"]
    detail = L_("missing: {objects}", objects=Listed([OBJECTS[kind](name) if kind in OBJECTS else f"{kind} {name}"
                                                      for kind, name in missing]))
    if tables:
        return Finding("schema objects", PROBLEM, detail, L_("tables hold data: restore the newest backup"))
    return Finding("schema objects", PROBLEM, detail, L_("dropped with plain SQL? {step} recreates them (they hold no "
                                                         "data)", step=Step("init")))


def _deferred_indexes(conn: Connection) -> Finding:
    waiting = sorted(_deferred(conn))
    if not waiting:
        return Finding("deferred indexes", OK, L_("none: every index is in place"))
    return Finding("deferred indexes", WARNING,
                   nL_("{n:,} index dropped by a bulk import that is still running or was killed: {names}; queries "
                       "are right but slower", "{n:,} indexes dropped by a bulk import that is still running or was "
                       "killed: {names}; queries are right but slower", len(waiting), names=", ".join(waiting)),
                   L_("{step} (or the next import) rebuilds them", step=Step("init")))


def _audit_trail(conn: Connection, *, quick: bool, against: tuple[int, str] | None) -> Finding:
    """The events: present for every complaint, guarded by their triggers, chained, and (in a
    full check) saying what the complaints hold."""
    from complaintctl.core.trust.audit import QUICK_TAIL, against_head, verify_chain
    from complaintctl.store.bulk import import_holds_file

    silent = id_list(conn, "SELECT id FROM complaints c WHERE NOT EXISTS "
                            "(SELECT 1 FROM events e WHERE e.complaint_id = c.id) ORDER BY id")
    version = catalog.schema_version(conn)
    guards = {name for name, (kind, sql) in catalog.expected_objects(conn, version).items()
              if kind == "trigger" and " ON events" in sql}
    triggers = set(catalog.objects(conn, ("trigger",)))
    deferred = _deferred(conn) & guards
    # a guard an import set aside while it loads is said under "deferred indexes"; one no running
    # import holds (a killed import's, or a row written into deferred_indexes) is a guard missing
    loading = bool(deferred) and import_holds_file(conn)
    unguarded = sorted(guards - triggers - (deferred if loading else set()))
    parts: list[str] = []  # what is wrong, each a Message or a chain's own words (against_head)
    fixes: list[str] = []
    if unguarded:
        left = sorted(set(unguarded) & deferred)
        parts.append(L_("events can be rewritten ({names} missing; {left} set aside by an import that is not running)",
                        names=", ".join(unguarded), left=", ".join(left)) if left else
                     L_("events can be rewritten ({names} missing)", names=", ".join(unguarded)))
        fixes.append(L_("{step} restores the triggers", step=Step("init")))
    if silent:
        parts.append(nL_("{n:,} complaint with no event at all ({ids})", "{n:,} complaints with no event at all ({ids})",
                         len(silent), ids=quoted_ids(silent)))
        fixes.append(L_("complaints inserted or their events deleted around complaintctl"))
    chained = "hash" in catalog.columns(conn, "events")
    chain = verify_chain(conn, tail=QUICK_TAIL if quick else None) if chained else None
    if chain is None:
        pass  # an older schema: `init` (or any command) upgrades it and chains its events
    elif chain.broken or chain.unhashed:
        first = min(chain.broken + chain.unhashed)
        parts.append(L_("the audit chain is broken at event #{first} (first broken link; {links} broken, {events} "
                        "without a hash): events were changed, deleted or inserted around complaintctl", first=first,
                        links=nL_("{n:,} link", "{n:,} links", len(chain.broken)),
                        events=nL_("{n:,} event", "{n:,} events", len(chain.unhashed))))
        fixes.append(L_("compare with a backup ({step}); the events from there on cannot be trusted",
                        step=Step("show", L_("ID"), db=L_("BACKUP"))))
    if chain is not None and chain.unknown is not None:
        parts.append(L_("the events from #{first} on use version {version} of the audit chain, which this "
                        "complaintctl does not know: they were not verified", first=chain.unknown[0],
                        version=chain.unknown[1]))
        fixes.append(L_("upgrade complaintctl"))
    if against is not None:
        wrong = against_head(conn, against) if chained else L_("the events are not chained yet: nothing to prove "
                                                                "against")
        if wrong:
            parts.append(wrong)
            fixes.append(L_("the kept head proves the history before it was changed: restore a backup older than the "
                            "change"))
    if parts:
        return Finding("audit trail", PROBLEM, in_one(parts), one_fix(fixes))
    if chain is None:
        what = L_("the events are not chained yet (an older schema)")
    elif quick:
        what = nL_("the newest {n:,} link of the chain hold", "the newest {n:,} links of the chain hold", chain.checked)
    else:
        what = nL_("{n:,} event chained, every link holds", "{n:,} events chained, every link holds", chain.checked)
    if against is not None:
        what = L_("{what}; nothing at or before the kept head #{head} changed", what=what, head=against[0])
    return Finding("audit trail", OK, L_("every complaint has its events; events are append-only; {what}", what=what))


def _replayed_fields(conn: Connection) -> Finding:
    """On a PostgreSQL server: the fields every change of which writes its event (status,
    assignee, classification, subject, description, received time) against their last event;
    the rest of the stated facts and the seals are not compared there yet."""
    from complaintctl.core.trust.audit import replay_mismatches

    parts = [nL_("{n:,} complaint whose {name} is not what their events say ({ids})",
                 "{n:,} complaints whose {name} is not what their events say ({ids})", len(ids),
                 name=Code("field", name), ids=quoted_ids(ids))
             for name, ids in replay_mismatches(conn).items()]
    if parts:
        return Finding("stated facts", PROBLEM, in_one(parts),
                       L_("a field was changed without its event: {step} has the history", step=Step("show", L_("ID"))))
    return Finding("stated facts", WARNING, L_("on a PostgreSQL server only the status, assignee, classification, "
                                               "subject, description and received time are compared with their "
                                               "events yet"),
                   L_("check a copy of the data in SQLite, or keep {step} elsewhere (docs/security.md)",
                      step=Step("audit head")))


def _stated_facts(conn: Connection) -> Finding:
    """Every fact an event states or seals, against the row it describes (core/trust/facts.py)."""
    from complaintctl.core.trust.disagreements import kind_word
    from complaintctl.core.trust.facts import compare_facts

    if not catalog.has_table(conn, "audit_chain"):
        return Finding("stated facts", WARNING, L_("not compared: an older schema ({step} upgrades it)", step=Step("init")))
    if catalog.on_server(conn):  # facts.py reads SQLite's way (a bare column beside min/max)
        return _replayed_fields(conn)
    report = compare_facts(conn)
    if report.found:
        complaints = [d.row for d in report.found if d.table == "complaints"]
        customers = [d.row for d in report.found if d.table == "customers"]
        team = [d.row for d in report.found if d.table in ("settings", "severities")]
        kinds: dict[str, list[int | str]] = {}
        for d in report.found:
            kinds.setdefault(d.kind, []).append(d.row)
        counted = [nL_("{n:,} complaint", "{n:,} complaints", len(set(complaints)))] if complaints else []
        counted += [nL_("{n:,} customer", "{n:,} customers", len(customers))] if customers else []
        counted += [nL_("{n:,} team setting", "{n:,} team settings", len(team))] if team else []
        rows = counted[0]
        for more in counted[1:]:
            rows = L_("{these} and {those}", these=rows, those=more)
        by_kind = in_one([L_("{kind}: {ids}", kind=kind_word(kind), ids=quoted_ids(sorted(set(ids))))
                          for kind, ids in kinds.items()])
        return Finding("stated facts", PROBLEM, L_("not what their events state or sealed: {rows}; the first: {first} "
                                                   "({by_kind})", rows=rows, first=report.found[0].text(), by_kind=by_kind),
                       L_("changed around complaintctl (plain SQL?): {step} has what the events say; compare with a "
                          "backup", step=Step("show", L_("ID"))))
    sealed = report.complaints - report.unsealed
    detail = L_("{complaints} and {customers} agree with the events that state their facts; the intake of {sealed:,} is "
                "sealed", complaints=nL_("{n:,} complaint", "{n:,} complaints", report.complaints),
                customers=nL_("{n:,} customer", "{n:,} customers", report.customers), sealed=sealed)
    if report.unsealed:
        detail = L_("{detail} ({n:,} came in before seals: what no event restates is not covered)", detail=detail,
                    n=report.unsealed)
    return Finding("stated facts", OK, detail)


def _permissions(conn: Connection) -> Finding:
    from pathlib import Path

    from complaintctl.store.sharing import directory_is_shared, exposure, lockouts

    name = catalog.database_file(conn)
    if not name:
        return Finding("file permissions", OK, L_("not a file: who may read and write is the server's (database roles, "
                                                  "docs/security.md)") if catalog.on_server(conn) else
                       L_("an in-memory database"))
    db = Path(name)
    locked = lockouts(db)
    if locked:
        return Finding("file permissions", PROBLEM, L_("team mode (the folder is group-writable), but {what}",
                                                       what=in_one(locked)),
                       L_("{step} as the files' owner (or root) gives them to the folder's group",
                          step=Step("init", shared=True)))
    exposed = exposure(db)
    if exposed:
        return Finding("file permissions", WARNING, L_("{exposed} (it holds customers' names and phone numbers)",
                                                       exposed=exposed),
                       L_("chmod 600 {db}, or share the folder with a team (docs/security.md)", db=str(db)))
    if directory_is_shared(db.absolute().parent):
        return Finding("file permissions", OK, L_("team mode: the folder's group reads and writes every file"))
    return Finding("file permissions", OK, L_("private to its owner"))
