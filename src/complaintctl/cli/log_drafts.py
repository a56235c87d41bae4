"""A call typed into `log`'s questions is never lost: when logging it fails after the answers
(a refusal nobody could settle, a full disk, a locked file, Ctrl-C), the answers are kept as a
draft in the user's own folder, and `log --resume` offers them again.

A draft is one JSON file per call in ``<user folder>/drafts/`` (``log-<when>.json``): the
database it was meant for, when it was typed (its received time, unless one was given), the
answers, and why it was not logged. It is removed once the complaint is logged."""

from __future__ import annotations

import json
import os
from pathlib import Path

FIELDS = ("subject", "customer", "email", "phone", "company", "new_customer", "channel", "description", "remedy",
          "received", "category", "severity", "ref", "tags")


def folder() -> Path:
    from complaintctl.core.trust.database import user_folder

    return user_folder() / "drafts"


def save(database: Path, answers: dict, *, reason: str, typed_at: str) -> Path:
    """Keep ``answers`` (FIELDS) for ``database``; return the draft's path. Written whole or not at
    all (a temporary file renamed), readable by this user only: it holds a customer's details."""
    where = folder()
    where.mkdir(parents=True, exist_ok=True, mode=0o700)
    path = where / f"log-{typed_at.replace(':', '').replace('-', '')}-{os.getpid()}.json"
    data = {"database": str(Path(database).resolve()), "typed_at": typed_at, "reason": reason,
            "answers": {k: answers.get(k) for k in FIELDS}}
    partial = path.with_suffix(".tmp")
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False, indent=1)
    partial.replace(path)
    return path


def kept(database: Path) -> list[tuple[Path, dict]]:
    """The drafts kept for ``database``, the newest first (a file that cannot be read is passed over)."""
    where, target = folder(), str(Path(database).resolve())
    if not where.is_dir():
        return []
    found = []
    for path in sorted(where.glob("log-*.json"), reverse=True):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if isinstance(data, dict) and data.get("database") == target and isinstance(data.get("answers"), dict):
            found.append((path, data))
    return found


def describe(data: dict) -> str:
    """One line for a draft: when it was typed, its subject and customer, why it was kept."""
    from complaintctl.i18n import _
    from complaintctl.timetext import to_local_text

    answers = data["answers"]
    who = answers.get("customer") or answers.get("phone") or answers.get("email") or _("anonymous")
    return _("{when}  {subject}  ({who}; not logged: {why})", when=to_local_text(data.get("typed_at")),
             subject=answers.get("subject"), who=who, why=data.get("reason"))
