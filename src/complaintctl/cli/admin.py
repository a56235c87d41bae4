"""Commands around the database and the team: init, info, agents, taxonomy."""

from __future__ import annotations

import contextlib
import sys

import typer

from complaintctl.cli.common import (
    FORMAT_OPTION,
    LIMIT_OPTION,
    STATE,
    creates_database,
    err,
    handle_errors,
    read_stdin_text,
    row_limit,
    say_team_mode,
)
from complaintctl.cli.completion import complete_agents
from complaintctl.errors import InvalidInput
from complaintctl.i18n import N_, _, clauses, joined, ngettext
from complaintctl.i18n.words import word
from complaintctl.render.output import Format


def init(
    shared: bool = typer.Option(False, "--shared", help="Team mode: the database's folder group-writable (setgid), "
                                "and the database, its -wal/-shm and backups read-write for the folder's group."),
    roles: bool = typer.Option(False, "--roles", help="On PostgreSQL: create the desk's agent, lead and auditor "
                               "roles with the grants each needs (docs/security.md); again after an upgrade."),
) -> None:
    """Create the database, or bring it up to date: rebuild the indexes an interrupted import
    left deferred, recreate indexes, views and triggers dropped by hand. Safe to run again."""
    from complaintctl.core.trust.database import init_database

    done = init_database(STATE.db_path, shared=shared, roles=roles)
    err(_("Created: {path} (schema version {version}).", path=done["database"], version=done["schema_version"])
        if done["created"] else
        _("Up to date: {path} (schema version {version}).", path=done["database"], version=done["schema_version"]))
    if done["rebuilt_indexes"]:
        err(ngettext("Rebuilt {n} index an interrupted import had deferred: {names}.",
                     "Rebuilt {n} indexes an interrupted import had deferred: {names}.", len(done["rebuilt_indexes"]),
                     names=joined(done["rebuilt_indexes"])))
    if done["restored"]:
        err(_("Recreated what was missing from the schema: {names}.", names=joined(done["restored"])))
    if done["roles"]:
        names = done["roles"]
        err(_("Roles: {agent} (agents), {lead} (leads), {auditor} (auditors), with their grants. Give each person "
              "one: GRANT {agent} TO alice;", agent=names["agent"], lead=names["lead"], auditor=names["auditor"]))
    if shared:
        changes = done["shared_changes"]
        err(_("Team mode: {changes}.", changes=clauses(changes)) if changes
            else _("Team mode: every file was already the team's."))
    elif done["created"]:
        say_team_mode(STATE.db_path)


# what `info` shows, by the key its JSON has
INFO_NAMES = {"path": N_("file"), "size_bytes": N_("size (bytes)"), "schema_version": N_("schema version"),
              "latest_schema_version": N_("latest schema version"), "engine": N_("engine"),
              "server_version": N_("server version"), "sqlite_version": N_("SQLite version"),
              "journal_mode": N_("journal mode"), "complaints_count": N_("complaints"), "agents_count": N_("agents"),
              "events_count": N_("events"), "customers_count": N_("customers"),
              "open_complaints": N_("open complaints"), "deferred_indexes": N_("deferred indexes")}


def info(fmt: Format = FORMAT_OPTION) -> None:
    """Print which database file is in use, its schema version, SQLite version and row counts."""
    from complaintctl.core.insight.queries import database_info
    from complaintctl.core.trust.database import shown

    data = database_info(STATE.connect(), shown(STATE.db_path))
    if fmt == Format.table:
        from complaintctl.render.table import render_pairs, use_color

        pairs = [(_(INFO_NAMES[key]) if key in INFO_NAMES else key, value) for key, value in data.items()]
        sys.stdout.write(render_pairs(pairs, color=use_color()) + "\n")
    else:
        from complaintctl.render.output import write_records

        write_records([data], list(data), fmt)


agents_app = typer.Typer(help="The agents complaints are assigned to.", no_args_is_help=True,
                         rich_markup_mode=None)


@agents_app.command("add")
@handle_errors
@creates_database
def agents_add(
    name: str = typer.Argument(..., help="Short login-like name, e.g. li.wei"),
    full_name: str = typer.Option(None, "--full-name", help="Display name, e.g. 李伟."),
    email: str = typer.Option(None, "--email"),
    lead: bool = typer.Option(False, "--lead", help="A team lead (escalations go to leads)."),
) -> None:
    """Add an agent (or reactivate an inactive one)."""
    from complaintctl.core.people.agents import register_agent
    from complaintctl.core.record.dates import now_utc

    agent = register_agent(STATE.connect(), name, full_name=full_name, email=email, is_lead=lead,
                           actor=STATE.who(), now=now_utc())
    err(_("Agent {name} is active.", name=agent["name"]))


@agents_app.command("list")
@handle_errors
def agents_list(
    all_: bool = typer.Option(False, "--all", help="Include inactive agents."),
    fmt: Format = FORMAT_OPTION,
) -> None:
    """List agents with their open complaints."""
    from complaintctl.core.people.agents import list_agents
    from complaintctl.render.output import write_records

    rows = list_agents(STATE.connect(), include_inactive=all_)
    cols = ["name", "full_name", "email", "is_lead", "active", "open_complaints"]
    write_records(rows, cols, fmt, headers={"name": N_("Name"), "full_name": N_("Full name"), "email": N_("Email"),
                                            "is_lead": N_("Lead"), "active": N_("Active"),
                                            "open_complaints": N_("Open")},
                  table_values=lambda r: {**r, "is_lead": _("yes") if r["is_lead"] else "",
                                          "active": _("yes") if r["active"] else _("no")})
    if not rows and fmt == Format.table:
        err(_("No agents yet; add one with `complaintctl agents add NAME`."))


@agents_app.command("deactivate")
@handle_errors
def agents_deactivate(
    name: str = typer.Argument(..., help="The agent's name."),
    reassign_to: str = typer.Option(None, "--reassign-to", metavar="AGENT", autocompletion=complete_agents,
                                    help="Hand their open complaints to this agent."),
    unassign: bool = typer.Option(False, "--unassign", help="Return their open complaints to the queue."),
    keep_assigned: bool = typer.Option(False, "--keep-assigned", help="Leave their open complaints with them."),
) -> None:
    """Deactivate an agent: nothing new can be assigned to them; history stays. If they still have
    open complaints, say what becomes of them (refused, with the list, otherwise)."""
    from complaintctl.core.people.agents import deactivate_agent

    done = deactivate_agent(STATE.connect(), name, actor=STATE.who(), reassign_to=reassign_to, unassign=unassign,
                            keep_assigned=keep_assigned)
    parts = [_("Agent {name} is inactive", name=done["name"]) if done["was_active"]
             else _("Agent {name} is inactive (already)", name=done["name"])]
    if done["moved"]:
        ids, n = joined(f"#{i}" for i in done["moved"]), len(done["moved"])
        parts.append(ngettext("{n} open complaint reassigned to {agent}: {ids}",
                              "{n} open complaints reassigned to {agent}: {ids}", n, agent=done["to"], ids=ids)
                     if done["to"] else ngettext("{n} open complaint returned to the queue: {ids}",
                                                 "{n} open complaints returned to the queue: {ids}", n, ids=ids))
    if keep_assigned and done["open"]:
        parts.append(ngettext("{n} open complaint stays assigned to them", "{n} open complaints stay assigned to them",
                              len(done["open"])))
    err(_("{sentence}.", sentence=clauses(parts)))


# where an alias comes from (core.taxonomy.aliases.list_aliases)
ALIAS_SOURCES = {"taught": N_("taught"), "built-in": N_("built-in")}

taxonomy_app = typer.Typer(help="The code lists complaints are classified with.", no_args_is_help=True,
                           rich_markup_mode=None)


@taxonomy_app.command("list")
@handle_errors
def taxonomy_list(
    kind: str = typer.Argument(None, help="category, severity, cause, channel, remedy, personality, "
                               "motive, status or outcome [default: all]."),
    fmt: Format = FORMAT_OPTION,
) -> None:
    """List codes with their English and Chinese labels."""
    from complaintctl.core.taxonomy.codes import list_codes
    from complaintctl.i18n import lang
    from complaintctl.i18n.words import duration
    from complaintctl.render.output import write_records

    rows = list_codes(STATE.connect(), kind)
    cols: list[str] = []
    for r in rows:
        cols += [k for k in r if k not in cols]
    table_cols = ["kind", "code", "label_en", "label_zh", "active"]
    for extra in ("respond_minutes", "resolve_minutes", "advice_en"):
        if extra in cols:
            table_cols.append(extra)
    if fmt == Format.table and lang() != "en":  # the Chinese label says it; the English ones are for English
        table_cols = [c for c in table_cols if c not in ("label_en", "advice_en")] + (
            ["advice_zh"] if "advice_zh" in cols else [])
    write_records(rows, cols, fmt, table_columns=table_cols, flexible=["advice_en", "advice_zh"],
                  headers={"kind": N_("Kind"), "code": N_("Code"), "label_en": N_("English"), "label_zh": N_("Chinese"),
                           "active": N_("Active"), "respond_minutes": N_("Respond within"),
                           "resolve_minutes": N_("Resolve within"), "advice_en": N_("Handling advice"),
                           "advice_zh": N_("Handling advice")},
                  table_values=lambda r: {**r, "kind": word("field", r["kind"]),
                                          "active": _("yes") if r["active"] else _("no"),
                                          **{k: duration(r[k]) for k in ("respond_minutes", "resolve_minutes")
                                             if r.get(k) is not None}},
                  words={"code": None})


@taxonomy_app.command("add")
@handle_errors
@creates_database
def taxonomy_add(
    kind: str = typer.Argument(
        ..., help="category, severity, cause, channel, remedy, personality or motive."
    ),
    code: str = typer.Argument(..., help="Lowercase code, e.g. warranty_claim."),
    label_en: str = typer.Option(..., "--label-en", help="English label."),
    label_zh: str = typer.Option(..., "--label-zh", help="Chinese label."),
    advice_en: str = typer.Option(None, "--advice-en", help="Personality: handling advice in English."),
    advice_zh: str = typer.Option(None, "--advice-zh", help="Personality: handling advice in Chinese."),
    respond: str = typer.Option(None, "--respond", help="Severity: first-response target, e.g. 4h."),
    resolve: str = typer.Option(None, "--resolve", help="Severity: resolution target, e.g. 3d."),
) -> None:
    """Add a code so the team can classify by it."""
    from complaintctl.core.record.dates import now_utc
    from complaintctl.core.taxonomy.codes import define_code

    added = define_code(STATE.connect(), kind, code, label_en, label_zh, actor=STATE.who(), now=now_utc(),
                        advice_en=advice_en, advice_zh=advice_zh, respond=respond, resolve=resolve)
    err(_("Added {kind} {code}.", kind=word("field", added["kind"]), code=added["code"]))


@taxonomy_app.command("alias")
@handle_errors
def taxonomy_alias(
    kind: str = typer.Argument(..., help="category, severity, cause, channel, remedy, personality, motive, "
                               "status or outcome."),
    label: str = typer.Argument(..., help="The label as files and people write it, e.g. 交付延误."),
    code: str = typer.Argument(..., help="The code it means, e.g. delivery_delay (or that code's label)."),
) -> None:
    """Teach a label: import, log, classify, update and list read it as CODE from now on, and the
    complaints imported unclassified with that label are classified (one event each)."""
    from complaintctl.core.record.dates import now_utc
    from complaintctl.core.taxonomy.aliases import teach_alias

    done = teach_alias(STATE.connect(), kind, label, code, actor=STATE.who(), now=now_utc())
    err(ngettext("{kind} {label!r} now reads as {code}; {n} complaint imported with it classified.",
                 "{kind} {label!r} now reads as {code}; {n} complaints imported with it classified.", done["classified"],
                 kind=word("field", done["kind"]), label=done["label"], code=done["code"]))


@taxonomy_app.command("unalias")
@handle_errors
def taxonomy_unalias(
    kind: str = typer.Argument(..., help="The kind the alias was taught for."),
    label: str = typer.Argument(..., help="The taught label."),
) -> None:
    """Forget a taught alias (complaints it classified keep their codes)."""
    from complaintctl.core.record.dates import now_utc
    from complaintctl.core.taxonomy.aliases import forget_alias

    done = forget_alias(STATE.connect(), kind, label, actor=STATE.who(), now=now_utc())
    err(_("{kind} {label!r} no longer reads as {code}.", kind=word("field", done["kind"]), label=done["label"],
          code=done["code"]))


@taxonomy_app.command("aliases")
@handle_errors
def taxonomy_aliases(
    kind: str = typer.Argument(None, help="One kind [default: all]."),
    unplaced: bool = typer.Option(False, "--unplaced", help="Instead: the labels imports could not place, "
                                  "with how many complaints still wait for an alias."),
    fmt: Format = FORMAT_OPTION,
) -> None:
    """List the aliases labels are read through: those the team taught, then the built-in ones."""
    from complaintctl.core.taxonomy.aliases import list_aliases, unplaced_labels
    from complaintctl.render.output import write_records

    conn = STATE.connect()
    kinds = {"kind": lambda k: word("field", k), "field": lambda k: word("field", k)}
    if unplaced:
        write_records(unplaced_labels(conn), ["field", "label", "complaints"], fmt, words=kinds,
                      headers={"field": N_("Kind"), "label": N_("Label"), "complaints": N_("Complaints")})
        return
    write_records(list_aliases(conn, kind), ["kind", "label", "code", "source", "created_at", "created_by"], fmt,
                  table_columns=["kind", "label", "code", "source", "created_by"], words=kinds,
                  headers={"kind": N_("Kind"), "label": N_("Label"), "code": N_("Code"), "source": N_("Source"),
                           "created_by": N_("By")},
                  table_values=lambda r: {**r, "source": _(ALIAS_SOURCES[r["source"]]) if r["source"] in ALIAS_SOURCES
                                          else r["source"]})

SQL_TABLE_TIMEOUT = 5.0  # a person at a table waits a few seconds, not for a runaway query
TABLE_CELL = 200  # characters of one cell shown in a table
# A table is drawn from all its rows at once (column widths): at most this many cells (rows x columns,
# 10,000 rows of up to 100 columns); a longer result goes to a streamed format. `-n 0 -f table` over 2
# million rows took 1.7 GB.
TABLE_MAX_CELLS = 1_000_000
TABLE_MAX_ROWS = 10_000


def sql(
    query: str = typer.Argument(..., metavar="QUERY", help="One SQL statement, or - to read it from stdin."),
    param: list[str] = typer.Option(None, "--param", "-p", metavar="NAME=VALUE",
                                    help="A value for :NAME in the query; repeatable."),
    fmt: Format = FORMAT_OPTION,
    limit: int = LIMIT_OPTION,
    timeout: float = typer.Option(None, "--timeout", metavar="SECONDS", help=f"Stop the query after this long; 0 for "
                                  f"no limit [default: {SQL_TABLE_TIMEOUT:g} s for a table, none otherwise]."),
) -> None:
    """Run a read-only SQL query on the database and print the rows (docs/schema.md has the
    tables, views and examples). Nothing typed here can change the data. Rows are streamed;
    Ctrl-C stops the query at once."""
    from itertools import islice

    from complaintctl.core.insight.readonly_sql import Query, parse_params, printable
    from complaintctl.render.output import write_records

    if query == "-":
        query = read_stdin_text(N_("query"))
    params = parse_params(list(param or []))
    if timeout is not None and timeout < 0:
        raise InvalidInput(_("--timeout must be 0 (no limit) or more seconds"))
    seconds = (SQL_TABLE_TIMEOUT if fmt == Format.table else None) if timeout is None else (timeout or None)
    most = row_limit(limit, fmt.value)
    from complaintctl.context import sqlite_localtime

    STATE.connect()  # the file exists and its schema is current
    with sqlite_localtime(), Query(STATE.db_path, query, params, timeout=seconds) as running, _ctrl_c_cancels(running):
        columns = running.start().columns
        rows = running.rows() if not most else islice(running.rows(), most + (fmt == Format.table))
        if fmt == Format.table:
            cap = min(TABLE_MAX_ROWS, TABLE_MAX_CELLS // max(1, len(columns)))
            shown = [dict(zip(columns, (printable(v, cut=TABLE_CELL) for v in row), strict=True))
                     for row in islice(rows, cap + 1)]
            if len(shown) > cap and (not most or most > cap):
                raise InvalidInput(ngettext("a table shows at most {rows:,} rows of {n} column (it is drawn in memory); "
                                            "this query gives more", "a table shows at most {rows:,} rows of {n} columns "
                                            "(it is drawn in memory); this query gives more", len(columns), rows=cap),
                                   hint=_("-f csv or -f ndjson stream any number of rows; or --limit N"))
            more = len(shown) > most > 0
            write_records(shown[:most] if most else shown, columns, fmt)
        else:
            write_records((dict(zip(columns, map(printable, row), strict=True)) for row in rows), columns, fmt)
    if fmt == Format.table and not shown:
        err(_("(no rows)"))
    elif fmt == Format.table and more:
        err(_("more rows not shown (the first {n:,}); use --limit N for more, --limit 0 for all, or -f csv", n=most))


@contextlib.contextmanager
def _ctrl_c_cancels(running):
    """Ctrl-C stops the query at its next step, even deep inside SQLite."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield
        return
    before = signal.signal(signal.SIGINT, lambda *_: running.cancel())
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, before)


