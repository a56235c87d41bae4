"""The notes the tool itself wrote on a timeline, in the reader's language.

An event's note is stored text: what a person typed stays as typed, in any language. A few
events carry a note the tool wrote (``new customer`` on a logged complaint, ``told via phone;
customer accepted`` on its closing, ``import #3 from file.csv line 7`` on an imported one); a
stored text cannot carry a message id, so these are known by their fixed shapes, for the
actions that write them only, and said again through ``_()``. A note of any other shape is
shown as it is. tests/cli/test_walk_zh.py shows timelines of every kind in Chinese, so a note
the tool writes in a new shape is found there."""

from __future__ import annotations

import re

from complaintctl.i18n import N_, _
from complaintctl.i18n.words import field_value

CUSTOMER_NOTES = {"new customer": N_("new customer"), "known customer": N_("known customer"),
                  "anonymous": N_("anonymous")}
_TOLD = re.compile(r"^told via (?P<via>[a-z_]+|unknown channel); customer "
                   r"(?P<accepted>accepted|did not accept|acceptance unknown)$")
ACCEPTANCE = {"accepted": N_("customer accepted"), "did not accept": N_("customer did not accept"),
              "acceptance unknown": N_("customer acceptance unknown")}
_IMPORTED = re.compile(r"^import (?:#(?P<id>\d+) )?from (?P<source>.+) line (?P<line>\d+)$")
_TAKEN = re.compile(r"^taken over from (?P<holder>[^;]+)(?:; (?P<rest>.*))?$", re.S)


def event_note(event: dict) -> str:
    """The note of ``event`` as the reader reads it."""
    note, action = event.get("note") or "", event.get("action")
    if not note:
        return ""
    if action in ("logged", "edited") and note in CUSTOMER_NOTES:
        return _(CUSTOMER_NOTES[note])
    if action == "closed" and event.get("field") == "outcome":
        told = _TOLD.match(note)
        if told:
            via = _("unknown channel") if told["via"] == "unknown channel" else field_value("told_via", told["via"])
            return _("told via {channel}; {accepted}", channel=via, accepted=_(ACCEPTANCE[told["accepted"]]))
    if action in ("imported", "tagged", "untagged", "classified", "assigned", "status_changed"):
        imported = _IMPORTED.match(note)
        if imported:
            return (_("import #{id} from {source}, line {line}", id=imported["id"], source=imported["source"],
                      line=imported["line"]) if imported["id"]
                    else _("imported from {source}, line {line}", source=imported["source"], line=imported["line"]))
    if action == "claimed":
        taken = _TAKEN.match(note)
        if taken:
            said = _("taken over from {holder}", holder=taken["holder"])
            return f"{said}{_('; ')}{taken['rest']}" if taken["rest"] else said
    return note
