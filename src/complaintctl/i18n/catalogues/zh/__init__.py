"""The Chinese (Simplified) catalogue: each English message id of the code -> its Chinese text, with
the same {fields}. Kept in parts by where the messages are shown (one module each, so that work on
different parts of the code does not meet in one file); an id belongs to exactly one part
(tests/test_i18n.py). Chinese has one form for every count."""

from __future__ import annotations

from complaintctl.i18n.catalogues.zh import (
    cli,
    core_desk,
    core_insight,
    core_notify,
    core_people,
    core_record,
    core_sla,
    core_taxonomy,
    core_trust,
    help,
    imports,
    imports_file,
    render,
    reports,
    words,
    words_of_click,
)

CORE_PARTS = (core_record, core_sla, core_taxonomy, core_people, core_insight, core_notify, core_desk, core_trust)  # core/'s rooms, one part each
PARTS = (words_of_click, words, cli, help, render, reports, imports, imports_file, *CORE_PARTS)


def plural(n: int) -> int:
    return 0


MESSAGES: dict[str, str | tuple[str, ...]] = {k: v for part in PARTS for k, v in part.MESSAGES.items()}
