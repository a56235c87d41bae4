"""Read-only questions: one complaint in full, filtered lists, database facts."""

from __future__ import annotations

from datetime import datetime

from complaintctl.core.insight.suggest.similar import similar_to
from complaintctl.core.record.dates import now_utc, to_iso
from complaintctl.core.record.events import events_for
from complaintctl.core.record.fields import normalize_tag
from complaintctl.core.record.lifecycle import OPEN_SQL, OPEN_SQL_C, is_open
from complaintctl.core.sla.clock import describe_due, due_standing
from complaintctl.errors import InvalidInput, NotFound
from complaintctl.i18n import L_
from complaintctl.i18n.said import Input, Step
from complaintctl.store.engine import Connection, Row
from complaintctl.store.paging import limit_clause

LABELLED = {
    "channel": "channels", "remedy": "remedies", "category": "categories", "severity": "severities",
    "cause": "causes", "personality": "personalities", "motive": "motives", "status": "statuses",
    "outcome": "outcomes", "told_via": "channels",
}


def get_complaint_row(conn: Connection, complaint_id: int) -> Row:
    row = conn.execute("SELECT * FROM complaints WHERE id = ?", (complaint_id,)).fetchone()
    if row is None:
        removed = conn.execute("SELECT at, actor, note FROM events WHERE complaint_id = ? AND action = 'removed' "
                               "ORDER BY id DESC LIMIT 1", (complaint_id,)).fetchone()
        if removed is not None:  # its events stay: say where it went
            raise NotFound(f"no complaint #{complaint_id}: it was removed at {removed[0]} by {removed[1]} ({removed[2]})",
                           hint="its events are kept: complaintctl sql \"SELECT * FROM events WHERE complaint_id = "
                                f"{complaint_id}\"")
        known = conn.execute("SELECT id FROM complaints WHERE ref = ?", (str(complaint_id),)).fetchone()
        raise NotFound(L_("no complaint #{id}", id=complaint_id),
                       hint=L_("complaint #{id} has the reference {ref}: name it ref:{ref}", id=known[0], ref=complaint_id)
                       if known else L_("see {step}", step=Step("list")))
    return row


def complaint_by_ref(conn: Connection, ref: str) -> int:
    """The id of the complaint whose external reference (`log --ref`, an import's ticket number)
    is ``ref``; the same reference in other case or full-width letters finds it when it finds
    only one."""
    import unicodedata

    ref = ref.strip()
    row = conn.execute("SELECT id FROM complaints WHERE ref = ?", (ref,)).fetchone()
    if row is not None:
        return row[0]
    folded = unicodedata.normalize("NFKC", ref)
    found = [r[0] for r in conn.execute(
        "SELECT id FROM complaints WHERE lower(ref) = lower(?) ORDER BY id LIMIT 3", (folded,))]
    if len(found) == 1:
        return found[0]
    if found:
        raise NotFound(f"no complaint with the reference {ref!r}; it differs only in case from those of "
                       + ", ".join(f"#{i}" for i in found), hint="give the reference exactly, or the id")
    raise NotFound(L_("no complaint with the reference {ref!r}", ref=ref),
                   hint=L_("name a complaint by its id (42, #42) or its reference (ref:INC0012); see {step}", step=Step("list")))


def show_complaint(conn: Connection, complaint_id: int, now: datetime | None = None) -> dict:
    """Every field, the labels of its codes, the customer, tags, advice, the SLA clocks as of
    ``now`` (sla_clocks) and the timeline."""
    row = dict(get_complaint_row(conn, complaint_id))
    labels = {}
    for column, table in LABELLED.items():
        code = row.get(column)
        if code:
            found = conn.execute(f"SELECT label_en, label_zh FROM {table} WHERE code = ?",
                                 (code,)).fetchone()
            labels[column] = {"en": found[0], "zh": found[1]} if found else None
    customer = None
    if row["customer_id"] is not None:
        customer = dict(conn.execute(
            "SELECT id, name, email, phone, company FROM customers WHERE id = ?",
            (row["customer_id"],)).fetchone())
        customer["complaints"] = conn.execute(
            "SELECT count(*) FROM complaints WHERE customer_id = ?", (row["customer_id"],)
        ).fetchone()[0]
    advice = None
    if row["personality"]:
        found = conn.execute("SELECT advice_en, advice_zh FROM personalities WHERE code = ?",
                             (row["personality"],)).fetchone()
        if found:
            advice = {"en": found[0], "zh": found[1]}
    assignee_name = None
    if row["assignee"]:
        assignee_name = conn.execute("SELECT full_name FROM agents WHERE name = ?",
                                     (row["assignee"],)).fetchone()[0]
    row["tags"] = [r[0] for r in conn.execute(
        "SELECT tag FROM complaint_tags WHERE complaint_id = ? ORDER BY tag", (complaint_id,))]
    row["labels"] = labels
    row["customer"] = customer
    row["assignee_name"] = assignee_name
    row["personality_advice"] = advice
    row["surveys"] = [dict(r) for r in conn.execute(
        "SELECT score, comment, at, actor FROM surveys WHERE complaint_id = ? ORDER BY id", (complaint_id,))]
    row["events"] = events_for(conn, complaint_id)
    row["sla_clocks"] = sla_clocks(row, now or now_utc())
    row["similar"] = similar_to(conn, complaint_id)  # the same or near-same text, any customer, within weeks
    return row


NO_CLOCK = L_("no SLA clock: no severity (classify it, or set {step})", step=Step("sla default", L_("SEVERITY")))


def sla_clocks(row: dict, now: datetime) -> list[dict]:
    """Where each SLA clock of a complaint stands at ``now``: {clock, due_at, state, standing,
    minutes}, the state in English words ('met on time', 'met late', a step never recorded, or
    describe_due's '3h left', 'paused'...), the standing its code ('met_on_time', 'met_late',
    'not_recorded', or due_standing's 'left', 'over', ...) with the minutes left or over; an
    open complaint with no clock at all gets one entry saying why (clock 'none')."""
    done = not is_open(row["status"])
    out = []
    for clock, due, finished, late in (
            ("respond", row.get("respond_due_at"), row.get("first_response_at"), row.get("responded_late")),
            ("resolve", row.get("resolve_due_at"), row.get("resolved_at"), row.get("resolved_late"))):
        if not due:
            continue
        minutes = None
        if finished:
            state, standing = ("met late", "met_late") if late else ("met on time", "met_on_time")
        elif done:  # finished without this step on record (closed straight away, or imported so)
            state = "no first response recorded" if clock == "respond" else "no resolution time recorded"
            standing = "not_recorded"
        else:
            state = describe_due(due, now, row["status"], row.get("paused_since"))
            standing, minutes = due_standing(due, now, row["status"], row.get("paused_since"))
        out.append({"clock": clock, "due_at": due, "state": state, "standing": standing, "minutes": minutes})
    if not done and not out:
        out.append({"clock": "none", "due_at": None, "state": NO_CLOCK, "standing": "no_sla", "minutes": None})
    return out


SORTS = {
    "received": ("c.received_at", "desc"),
    "updated": ("c.updated_at", "desc"),
    "id": ("c.id", "asc"),
    "severity": ("coalesce(sev.rank, 99)", "asc"),
    "status": ("st.position", "asc"),
    "assignee": ("coalesce(c.assignee, '~')", "asc"),
    "customer": ("coalesce(cu.name, '~')", "asc"),
    "age": ("c.received_at", "asc"),
}

LIST_COLUMNS = [
    "id", "received_at", "status", "severity", "category", "channel", "customer_name",
    "assignee", "subject", "tags", "ref", "customer_id", "customer_email", "customer_phone",
    "customer_company", "remedy", "cause", "personality", "motive", "first_response_at",
    "resolved_at", "closed_at", "outcome", "updated_at", "respond_due_at", "resolve_due_at", "responded_late",
    "resolved_late", "escalation_count",
]


class ListFilters:
    """What `list` and `export` select. (A plain class: a dataclass costs start-up time.)"""

    def __init__(self, *, statuses: list[str] | None = None, open: bool | None = None, category: str | None = None,
                 severity: str | None = None, assignee: str | None = None, unassigned: bool = False,
                 customer: str | None = None, channel: str | None = None, tags: list[str] | None = None,
                 since: datetime | None = None, until: datetime | None = None, ids: list[int] | None = None,
                 escalated: bool = False, sort: str = "received", limit: int | None = None,
                 text: str | None = None, any_term: bool = False, mine: str | None = None):
        self.statuses = statuses or []
        self.open = open  # True: open (core/record/lifecycle.py); False: closed only
        self.category = category
        self.severity = severity
        self.assignee = assignee
        self.unassigned = unassigned
        self.customer = customer
        self.channel = channel
        self.tags = tags or []
        self.since = since
        self.until = until
        self.ids = ids or []
        self.escalated = escalated
        self.sort = sort
        self.limit = limit
        self.text = text  # words that must each appear somewhere (core/insight/search.py)
        self.any_term = any_term  # any of the words is enough
        self.mine = mine  # the actor: only complaints assigned to the agent they are
        self.customer_ids: list[int] | None = None  # the customers --customer found (found once a command)


def _sort_clause(sort: str) -> str:
    key, _, direction = sort.strip().lower().partition(":")
    reverse = key.startswith("-")
    key = key.lstrip("-+")
    if key not in SORTS:
        raise InvalidInput(f"unknown sort key {sort!r}", hint="one of: " + ", ".join(SORTS))
    expr, default = SORTS[key]
    if direction not in ("", "asc", "desc"):
        raise InvalidInput(f"unknown sort direction {direction!r}", hint="asc or desc, e.g. received:asc")
    direction = direction or default
    if reverse:
        direction = "asc" if direction == "desc" else "desc"
    return f"{expr} {direction.upper()}, c.id {direction.upper()}"


def count_complaints(conn: Connection, filters: ListFilters) -> int:
    where, params = where_clause(conn, filters)
    return conn.execute(
        f"SELECT count(*) FROM complaints c LEFT JOIN customers cu ON cu.id = c.customer_id {where}",
        params,
    ).fetchone()[0]


def where_clause(conn: Connection, f: ListFilters) -> tuple[str, list]:
    """The WHERE clause of ``f`` over complaints c (customers cu joined), with its parameters;
    every code read as the CLI reads it, an unknown one refused before any row is read."""
    clauses: list[str] = []
    params: list = []

    def add(clause: str, *values) -> None:
        clauses.append(clause)
        params.extend(values)

    if f.statuses:
        statuses = _statuses(conn, f.statuses)
        add(f"c.status IN ({', '.join('?' for _ in statuses)})", *statuses)
    if f.escalated:
        add("c.escalation_count > 0")
    if f.ids:
        add(f"c.id IN ({', '.join('?' for _ in f.ids)})", *f.ids)
    if f.open is True:
        add(OPEN_SQL_C)  # open: not resolved and not closed (core/record/lifecycle.py)
    elif f.open is False:
        add("c.status = 'closed'")
    for kind in ("category", "severity", "channel"):
        if getattr(f, kind):
            from complaintctl.core.taxonomy import codes as taxonomy
            add(f"c.{kind} = ?", taxonomy.validate_code(conn, kind, getattr(f, kind)))
    _assignee_clause(conn, f, add)
    if f.customer:
        _customer_clause(conn, f, add)
    for tag in f.tags:
        add("EXISTS (SELECT 1 FROM complaint_tags t WHERE t.complaint_id = c.id AND t.tag = ?)", normalize_tag(tag))
    if f.text and f.text.strip():
        from complaintctl.core.insight.search_terms import text_clause

        clause, values = text_clause(conn, f.text, f.any_term)
        add(clause, *values)
    if f.since:
        add("c.received_at >= ?", to_iso(f.since))
    if f.until:
        add("c.received_at < ?", to_iso(f.until))
    return ("WHERE " + " AND ".join(clauses)) if clauses else "", params


def _statuses(conn: Connection, typed: list[str]) -> list[str]:
    from complaintctl.core.record import lifecycle
    from complaintctl.core.taxonomy import codes as taxonomy
    statuses = [code for s in typed if (code := taxonomy.validate_code(conn, "status", s))]  # 已解决 reads as resolved
    for s in statuses:
        if s not in lifecycle.STATUSES:
            raise InvalidInput(f"unknown status {s!r}", hint="valid: " + ", ".join(lifecycle.STATUSES))
    return statuses


def _assignee_clause(conn: Connection, f: ListFilters, add) -> None:
    if f.mine and (f.unassigned or f.assignee):
        raise InvalidInput(L_("{mine} goes without {assignee} and {unassigned}", mine=Input("mine"),
                              assignee=Input("assignee"), unassigned=Input("unassigned")))
    if f.unassigned:
        add("c.assignee IS NULL")
    elif f.mine:
        from complaintctl.core.people.agents import agent_of_actor

        add("c.assignee = ?", agent_of_actor(conn, f.mine, active=False))
    elif f.assignee:
        add("c.assignee = ?", f.assignee.strip())


CUSTOMERS_LISTED = 5000  # more customers than this are matched by a subquery, not listed


def _customer_clause(conn: Connection, f: ListFilters, add) -> None:
    """#ID, or a name or company that contains the text, or an email or phone that is it (a
    record merged into another finds the customer it was merged into). The
    matching customers are found once (a read of every customer) and kept on ``f``, so the
    page and its count ("how many more") do not read them twice; their complaints come by the
    customer_id index."""
    text = (f.customer or "").strip()
    if text.lstrip("#").isdigit() and text.startswith("#"):
        add("c.customer_id = (SELECT coalesce(merged_into, id) FROM customers WHERE id = ?)", int(text[1:]))
        return
    from complaintctl.core.people.matching import text_match_sql

    # a record merged into another stands for that customer: its email and phone still find them
    test, values = text_match_sql("m", text)
    if f.customer_ids is None:
        f.customer_ids = list(dict.fromkeys(r[0] for r in conn.execute(
            f"SELECT coalesce(m.merged_into, m.id) FROM customers m WHERE {test} LIMIT {CUSTOMERS_LISTED + 1}",
            values)))
    if len(f.customer_ids) > CUSTOMERS_LISTED:
        add(f"c.customer_id IN (SELECT coalesce(m.merged_into, m.id) FROM customers m WHERE {test})", *values)
    elif f.customer_ids:
        add(f"c.customer_id IN ({', '.join('?' * len(f.customer_ids))})", *f.customer_ids)
    else:  # nobody matches (an empty IN () is SQLite's alone)
        add("1 = 0")


def list_complaints(conn: Connection, filters: ListFilters) -> list[dict]:
    """Complaints matching the filters, newest first unless sorted otherwise."""
    where, params = where_clause(conn, filters)
    order = _sort_clause(filters.sort)
    limit = limit_clause(filters.limit)
    sql = f"""
        SELECT c.id, c.received_at, c.status, c.severity, c.category, c.channel,
               cu.name AS customer_name, c.assignee, c.subject,
               (SELECT group_concat(tag, ',') FROM (SELECT tag FROM complaint_tags t
                  WHERE t.complaint_id = c.id ORDER BY tag) AS ordered) AS tags,
               c.ref, c.customer_id, cu.email AS customer_email, cu.phone AS customer_phone,
               cu.company AS customer_company, c.remedy, c.cause, c.personality, c.motive,
               c.first_response_at, c.resolved_at, c.closed_at, c.outcome, c.updated_at,
               c.respond_due_at, c.resolve_due_at, c.responded_late, c.resolved_late, c.escalation_count,
               c.paused_since
        FROM complaints c
        JOIN statuses st ON st.code = c.status
        LEFT JOIN severities sev ON sev.code = c.severity
        LEFT JOIN customers cu ON cu.id = c.customer_id
        {where}
        ORDER BY {order}
        {limit}
    """
    return [dict(r) for r in conn.execute(sql, params)]


def database_info(conn: Connection, path: str) -> dict:
    import os

    from complaintctl.store.catalog import engine_facts, schema_version
    from complaintctl.store.version import SCHEMA_VERSION

    counts = {}
    for table in ("complaints", "agents", "events"):
        counts[table] = conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    # people, not records: a record merged into another is that other customer
    counts["customers"] = conn.execute("SELECT count(*) FROM customers WHERE merged_into IS NULL").fetchone()[0]
    open_count = conn.execute(f"SELECT count(*) FROM complaints WHERE {OPEN_SQL}").fetchone()[0]
    return {
        "path": str(path),
        "size_bytes": os.path.getsize(path) if os.path.exists(path) else 0,
        "schema_version": schema_version(conn),
        "latest_schema_version": SCHEMA_VERSION,
        **engine_facts(conn),
        **{f"{k}_count": v for k, v in counts.items()},
        "open_complaints": open_count,
        # non-zero only while a bulk import runs, or after one was killed (`init` rebuilds them)
        "deferred_indexes": conn.execute("SELECT count(*) FROM deferred_indexes").fetchone()[0],
    }
