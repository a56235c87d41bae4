"""datasette-metadata: the database described for Datasette."""

from __future__ import annotations

import typer

from complaintctl.cli.common import STATE


def datasette_metadata(
    name: str = typer.Option(None, "--name", help="The database's name in Datasette [default: the file's name "
                             "without .db, as Datasette names it]."),
    lang: str = typer.Option("en", "--lang", help="Which labels Datasette shows for codes: en or zh."),
    config: bool = typer.Option(False, "--config", help="Print instead the configuration file Datasette 1.0 "
                                "reads with -c (canned queries, labels, facets)."),
) -> None:
    """Print Datasette metadata for the database: what each table and column holds, labels instead
    of codes, facets and canned queries for the common questions. Use it as
    `datasette complaints.db -m metadata.json`."""
    from complaintctl.core.insight.datasette_metadata import datasette_config
    from complaintctl.core.insight.datasette_metadata import datasette_metadata as build
    from complaintctl.core.trust.database import name_of
    from complaintctl.render.output import write_json

    data = build(STATE.connect(), name=name or name_of(STATE.db_path), lang=lang)
    write_json(datasette_config(data) if config else data)
