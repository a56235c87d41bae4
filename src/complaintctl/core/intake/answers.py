"""The company's replies as the first response to the complaints they answer: in a support account's
export (intake/replies.py) each reply names the row it answers (`in_response_to_tweet_id`), so the
earliest reply to a customer's message is when that complaint was first answered. Read in a second
pass over the file before any row is imported (a reply may come before or after what it answers),
the file on disk only (not stdin)."""

from __future__ import annotations

import contextlib
import os

from complaintctl.core.intake.mapping import ColumnPlan
from complaintctl.errors import InvalidInput

MAX_ANSWERED = 2_000_000  # refs remembered (about 200 MB at most); past that, no more are collected
MAX_REPLIES = 100  # replies to one ref whose times are compared; a bot's thousandth reply is no first one


def ref_key(text: str) -> str:
    """A reference as another column names it: `3.0` (an id a spreadsheet wrote as a float) is `3`."""
    text = text.strip()
    return text[:-2] if text.endswith(".0") and text[:-2].isdigit() else text


def answered_times(source, plans: list[ColumnPlan], direction: int, reply_values: frozenset[str],
                   link: int, threads=None) -> dict[str, str | tuple[str, ...]]:
    """{ref answered: the received cell of its reply (as written), or the cells of its replies when it
    has several}; {} when the file cannot be read again. The earliest is chosen by time when the row
    is read (completing.py): a file's order is no order of time (a thread's replies come in any order).
    ``threads`` (a threads.ThreadCollector) is fed every record of the same pass."""
    received = next((p.index for p in plans if p.field == "received"), None)
    if received is None or source is None or source.name == "<stdin>" or not os.path.isfile(source.name):
        return {}
    from complaintctl.core.intake.source import open_source

    try:
        again = open_source(source.name, fmt=source.format, encoding=source.encoding, delimiter=source.delimiter,
                            sheet=source.sheet, header_row=source.header_row)
    except InvalidInput:
        return {}
    found: dict[str, str | tuple[str, ...]] = {}
    width = max(direction, link, received)
    with contextlib.closing(again):
        try:
            for line, record in again.records():
                if record.__class__ is not list or len(record) <= width:
                    continue
                if threads is not None:
                    threads.add(line, record)
                if record[direction].strip().lower() not in reply_values:
                    continue
                answered, when = ref_key(record[link]), record[received].strip()
                if not answered or not when:
                    continue
                earlier = found.get(answered)
                if earlier is None:
                    if len(found) < MAX_ANSWERED:
                        found[answered] = when
                elif earlier.__class__ is str:
                    found[answered] = (earlier, when)
                elif len(earlier) < MAX_REPLIES:
                    found[answered] = (*earlier, when)
        except InvalidInput:  # the import itself will name the line it cannot read
            pass
    return found
