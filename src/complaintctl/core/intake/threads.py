"""A customer's follow-ups inside a thread their complaint opened: in a support account's export
(intake/replies.py) a customer who answers the company's reply to their complaint (`in_response_to_tweet_id`
naming the reply) is going on with that complaint, not making a new one. Decided from the reply
chains in the file: a customer's row whose chain of answers leads, through rows of the file, back to a
row by the same customer that answers nothing (the complaint that opened the thread) is a follow-up
of that complaint. It is imported as a note on it, with its time and text, and counted as grouped; a
row by another customer, or whose chain leaves the file, stays a complaint of its own. Gathered in
the same second pass over the file as the replies' times (answers.py)."""

from __future__ import annotations

from dataclasses import dataclass, field

from complaintctl.core.intake.mapping import ColumnPlan

MAX_ROWS = 2_000_000  # rows whose links are remembered; past that, no more follow-ups are found
MAX_NOTE = 2000  # characters of a follow-up's text in its note; the rest is cut with …
MAX_DEPTH = 1000  # answers followed up one chain


@dataclass
class Threads:
    """What the file's reply chains say: follow-up ref -> the ref of the complaint that opened its
    thread, and that complaint's ref -> its follow-ups' (line, time as written, text)."""

    follow_ups: dict[str, str] = field(default_factory=dict)
    notes: dict[str, list[tuple[int, str, str]]] = field(default_factory=dict)


class ThreadCollector:
    """Fed every record of the file (a list of cells) by answers.answered_times; ``finish`` decides."""

    def __init__(self, plans: list[ColumnPlan], direction: int, reply_values: frozenset[str], link: int):
        by_field = {p.field: p.index for p in plans}
        found = (by_field.get("ref"), by_field.get("customer"), by_field.get("description", by_field.get("subject")),
                 by_field.get("received"))
        # (ref, author, text, time, direction, link) columns; None when the file lacks one (no threads then)
        known = [i for i in found if i is not None]
        self.cells: tuple[int, ...] | None = (*known, direction, link) if len(known) == len(found) else None
        self.reply_values = reply_values
        self.parent: dict[str, str] = {}  # row ref -> the ref it answers
        self.opened: dict[str, str] = {}  # customer's row ref -> its author (replies are not here)
        self.said: dict[str, tuple[int, str, str]] = {}  # customer's row that answers another -> (line, when, text)

    def add(self, line: int, record: list) -> None:
        from complaintctl.core.intake.answers import ref_key

        cells = self.cells
        if cells is None or len(self.parent) + len(self.opened) >= MAX_ROWS or len(record) <= max(cells):
            return
        ref_at, author_at, text_at, when_at, direction_at, link_at = cells
        ref = ref_key(record[ref_at])
        if not ref:
            return
        answers = ref_key(record[link_at])
        if answers:
            self.parent[ref] = answers
        if record[direction_at].strip().lower() in self.reply_values:
            return  # the company's reply: a link of the chain, no one's complaint
        self.opened[ref] = record[author_at].strip()
        if answers:
            text = " ".join(str(record[text_at]).split())
            self.said[ref] = (line, record[when_at].strip(),
                              text if len(text) <= MAX_NOTE else text[:MAX_NOTE - 1] + "…")

    def finish(self) -> Threads | None:
        if self.cells is None or not self.said:
            return None
        known = self.parent.keys() | self.opened.keys()
        threads = Threads()
        for ref, said in self.said.items():
            root, depth = ref, 0
            while root in self.parent and depth < MAX_DEPTH:
                up = self.parent[root]
                if up not in known:
                    break  # the chain leaves the file
                root, depth = up, depth + 1
            author = self.opened.get(root)
            if root == ref or root in self.parent or author is None or author != self.opened[ref]:
                continue  # opened by no row of the file, or by someone else: a complaint of its own
            threads.follow_ups[ref] = root
            threads.notes.setdefault(root, []).append(said)
        return threads if threads.follow_ups else None
