"""A report's blocks in the chosen language (complaintctl/i18n/phrases.py holds the words). English
keeps the bilingual labels it always had; Chinese shows only Chinese, with the codes of the
seeded taxonomy as their labels."""

from __future__ import annotations

import re

from complaintctl.i18n import phrases, zh
from complaintctl.render.block import Block

CODE_HEADERS = {"Severity", "Status", "Clock"}


def _header(text: str) -> str:
    m = re.match(r"^Last (\d+) weeks$", text)
    if m:
        return f"近 {m.group(1)} 周"
    return phrases.code(phrases.rt(text))


def _cell(header: str, value):
    """Only what the report wrote is translated; subjects, names and tags stay as people typed them."""
    if not isinstance(value, str):
        return value
    if header in CODE_HEADERS:
        return phrases.code(phrases.rt(value))
    if header == "State":
        return phrases.message(value)
    if header in ("Respond within", "Resolve within"):
        return phrases.target(value)
    if header in ("Subject", "Customer", "Contact", "Tag", "Agent", "Who has it"):
        return phrases.rt(value) if value in ("(nobody)", "(none)") else value
    return phrases.rt(value)


def localize(blocks: list[Block]) -> list[Block]:
    if not zh():
        return blocks
    for b in blocks:
        headers = list(b.headers)
        if len(headers) > 1 and headers[1] == "中文":  # English label, Chinese label: keep the Chinese
            headers = [headers[0]] + headers[2:]
            b.rows = [row[1:] for row in b.rows]
        if "Code" in headers:  # the label says it; codes are for scripts (JSON, CSV)
            at = headers.index("Code")
            headers = headers[:at] + headers[at + 1:]
            b.rows = [row[:at] + row[at + 1:] for row in b.rows]
        b.title = phrases.rt(b.title)
        b.rows = [[_cell(headers[i] if i < len(headers) else "", v) for i, v in enumerate(row)] for row in b.rows]
        b.headers = [_header(h) for h in headers]
        b.note = phrases.message(b.note)
        if b.lines:
            b.lines = {phrases.rt(k): v for k, v in b.lines.items()}
    return blocks
