"""The desk's database roles on PostgreSQL (`init --roles`): agents, leads and auditors, each a
group role (no login) that the administrator grants to people's own login roles, with the grants
its commands need, so that the server enforces them whatever program connects:

- auditor: reads every table and view, changes nothing; what it writes is the figures of the
  finished periods it reports on (``reports``, append-only), as every reader of a report does;
- agent: works complaints (log, classify, assign, update, close, reopen, claim, tags, surveys,
  import, notifications): writes the record's tables and appends events, naming none of the
  columns the database fills itself (``id``, ``hash``: the chain is linked at commit by the owner's
  function, store/postgresql/chain.sql); no grant lets an event be changed or removed;
- lead: an agent's grants, and the team's: taxonomy and aliases, settings, SLA targets and the
  calendar, agents, templates, webhooks, suggestion models and rules; customer merges and import
  undo (DELETE).

None may change the schema, the chain's versions (``audit_chain``) or the migrations' record: those
stay the owner's. The roles are named after the database (``complaints_agent`` for the database
``complaints``), as grants are per database and roles per server. Running it again grants what a
newer schema added (a table a migration made).
"""

from __future__ import annotations

KINDS = ("agent", "lead", "auditor")
# what an agent's commands write, and how (every role reads every table)
AGENT_WRITES = {
    "complaints": "INSERT, UPDATE", "customers": "INSERT, UPDATE", "complaint_tags": "INSERT, DELETE",
    "complaints_fts": "INSERT, UPDATE, DELETE", "search_pending": "INSERT, UPDATE, DELETE",
    "imports": "INSERT, UPDATE", "raw_labels": "INSERT, UPDATE, DELETE", "deferred_indexes": "INSERT, DELETE",
    "outbox": "INSERT, UPDATE", "overdue_notices": "INSERT, UPDATE", "surveys": "INSERT, UPDATE",
    "reports": "INSERT",
}
# the owner's alone (events: appended by INSERT of the columns the writer gives, never changed)
OWNERS_ONLY = ("events", "audit_chain", "schema_migrations")
LINKED_BY_THE_DATABASE = ("id", "hash")  # the columns of events no role may give


def role_names(conn) -> dict[str, str]:
    """kind -> the role's name for this database."""
    database = conn.execute("SELECT current_database()").fetchone()[0]
    return {kind: f"{database}_{kind}" for kind in KINDS}


def create_roles(conn) -> dict[str, str]:
    """Create the three roles (those missing) and grant each what it needs, in the caller's
    transaction; returns kind -> role name. Needs a role that may create roles (CREATEROLE)."""
    from complaintctl.store import catalog

    names = role_names(conn)
    existing = {r[0] for r in conn.execute("SELECT rolname FROM pg_roles WHERE rolname = ANY(?)", (list(names.values()),))}
    for name in names.values():
        if name not in existing:
            conn.execute(f"CREATE ROLE {_quoted(name)} NOLOGIN")
    tables = catalog.table_names(conn)
    everyone = ", ".join(_quoted(n) for n in names.values())
    database = conn.execute("SELECT current_database()").fetchone()[0]
    conn.execute(f"GRANT CONNECT ON DATABASE {_quoted(database)} TO {everyone}")
    conn.execute(f"GRANT USAGE ON SCHEMA {_quoted(_schema(conn))} TO {everyone}")
    agent, lead = _quoted(names["agent"]), _quoted(names["lead"])
    conn.execute(f"GRANT INSERT ON reports TO {_quoted(names['auditor'])}")  # a finished period's report kept
    for view in sorted(catalog.objects(conn, ("view",))):
        conn.execute(f"GRANT SELECT ON {_quoted(view)} TO {everyone}")
    for table in tables:
        conn.execute(f"GRANT SELECT ON {_quoted(table)} TO {everyone}")
        if table in AGENT_WRITES:
            conn.execute(f"GRANT {AGENT_WRITES[table]} ON {_quoted(table)} TO {agent}, {lead}")
        if table not in OWNERS_ONLY and table not in AGENT_WRITES:
            conn.execute(f"GRANT INSERT, UPDATE, DELETE ON {_quoted(table)} TO {lead}")
    conn.execute(f"GRANT DELETE ON complaints, customers, complaint_tags, imports TO {lead}")  # merges, undo
    given = [c for c in catalog.columns(conn, "events") if c not in LINKED_BY_THE_DATABASE]
    conn.execute(f"GRANT INSERT ({', '.join(_quoted(c) for c in given)}) ON events TO {agent}, {lead}")
    for (sequence,) in conn.execute("SELECT sequencename FROM pg_sequences WHERE schemaname = current_schema() "
                                    "AND sequencename <> 'events_id_seq' ORDER BY 1").fetchall():
        # new ids (nextval), and an import's ids set after its rows (setval); events_id_seq hands
        # out the chain's ids, in the owner's function alone
        conn.execute(f"GRANT USAGE, UPDATE ON SEQUENCE {_quoted(sequence)} TO {agent}, {lead}")
    return names


def _schema(conn) -> str:
    return conn.execute("SELECT current_schema()").fetchone()[0]


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'
