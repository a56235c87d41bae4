"""Reply templates: replies add, list, show, edit, rm; and filling one in for `update`/`close --reply`."""

from __future__ import annotations

import sys

import typer

from complaintctl.cli.common import (
    FORMAT_OPTION,
    STATE,
    creates_database,
    err,
    handle_errors,
    which_complaint,
)
from complaintctl.cli.completion import complete_codes
from complaintctl.cli.text_input import EDIT_HELP, text_from
from complaintctl.i18n import N_, _, clauses
from complaintctl.i18n.words import label, word
from complaintctl.render.output import Format

SPEC = typer.Argument(..., metavar="NAME[:LANG]", help="The template's name; :zh or :en for one language.")
TEXT_HELP = "The text, with placeholders such as {customer}; '-' reads stdin."


def _placeholders() -> str:
    from complaintctl.core.notify.replies import PLACEHOLDERS

    return _("Placeholders: {names}", names=clauses("{" + name + "} " + _(meaning) for name, meaning in PLACEHOLDERS.items()))


replies_app = typer.Typer(help="Reply templates: the answers a team gives again and again, per language and "
                          "category, sent with `update ID --reply NAME` or `close ID --reply NAME`.",
                          no_args_is_help=True, rich_markup_mode=None)


def reply_text(complaint_id: int, spec: str, *, edit: bool) -> tuple[str, str]:
    """The template filled in for the complaint (written over in the editor with ``edit``), and
    its NAME:LANG; says which language was chosen and why."""
    from complaintctl.core.notify.replies import fill_reply

    filled = fill_reply(STATE.connect(), complaint_id, spec, actor=STATE.who())
    for note in filled["notes"]:
        err(_("note: {note}", note=note))
    text = text_from(filled["text"], what=N_("reply"), edit=edit,
                     header=_("Reply '{label}' to complaint #{id}, as the customer will get it", label=filled["label"],
                              id=complaint_id))
    return text or "", filled["label"]


@replies_app.command("add")
@handle_errors
@creates_database
def replies_add(
    spec: str = SPEC,
    text: str = typer.Option(None, "--text", help=TEXT_HELP),
    edit: bool = typer.Option(False, "--edit", "-e", help=f"The text: {EDIT_HELP}"),
    category: str = typer.Option(None, "--category", autocompletion=complete_codes("category"),
                                 help="The category it answers [default: any]."),
) -> None:
    """Add a reply template. Its language is NAME:zh or NAME:en, else the one its text is written in.
    Placeholders are filled in from the complaint when it is sent."""
    from complaintctl.core.notify.replies import add_reply

    body = text_from(text, what=N_("reply"), edit=edit, header=_placeholders())
    added = add_reply(STATE.connect(), spec, body or "", category=category, actor=STATE.who())
    label_ = f"{added['name']}:{added['lang']}"
    err(_("Added reply '{label}' (the language its text is written in; NAME:zh or NAME:en to say).", label=label_)
        if added["lang_guessed"] else _("Added reply '{label}'.", label=label_))


@replies_app.command("list")
@handle_errors
def replies_list(
    category: str = typer.Option(None, "--category", autocompletion=complete_codes("category"),
                                 help="Those for this category and those for any."),
    lang: str = typer.Option(None, "--lang", help="zh or en."),
    fmt: Format = FORMAT_OPTION,
) -> None:
    """List reply templates with the start of their text."""
    from complaintctl.core.notify.replies import list_replies
    from complaintctl.render.output import write_records

    rows = list_replies(STATE.connect(), category=category, lang=lang)
    write_records(rows, ["name", "lang", "category", "body", "created_by", "updated_at"], fmt,
                  table_columns=["name", "lang", "category", "body"],
                  headers={"name": N_("Name"), "lang": N_("Language"), "category": N_("Category"), "body": N_("Text")},
                  table_values=lambda r: {**r, "category": label("category", r["category"]) or _("(any)"),
                                          "body": " ".join(r["body"].split())},
                  words={"category": None, "lang": lambda code: word("language", code)}, flexible=["body"])
    if not rows and fmt == Format.table:
        err(_("No reply templates for that; add one with `complaintctl replies add NAME -e`.") if category or lang
            else _("No reply templates; add one with `complaintctl replies add NAME -e`."))


@replies_app.command("show")
@handle_errors
def replies_show(
    spec: str = SPEC,
    for_id: str = typer.Option(None, "--for", metavar="ID", help="Filled in for this complaint, as it would be sent."),
    fmt: Format = FORMAT_OPTION,
) -> None:
    """Print a template's text (each language), or with --for ID the reply that complaint would get."""
    from complaintctl.core.notify.replies import fill_reply, get_replies
    from complaintctl.render.output import write_records

    if for_id is not None:
        filled = fill_reply(STATE.connect(), which_complaint(for_id), spec, actor=STATE.who())
        for note in filled["notes"]:
            err(_("note: {note}", note=note))
        rows = [{"name": filled["name"], "lang": filled["lang"], "body": filled["text"]}]
    else:
        rows = get_replies(STATE.connect(), spec)
    if fmt != Format.table:
        write_records(rows, ["name", "lang", "category", "body"], fmt)
        return
    from complaintctl.render.terminal import safe_stream

    out = safe_stream(sys.stdout)
    for i, r in enumerate(rows):
        head = f"{r['name']}:{r['lang']}"
        if r.get("category"):
            head = _("{label} (for {category})", label=head, category=label("category", r["category"]))
        out.write(("\n" if i else "") + f"# {head}\n{r['body']}\n")


@replies_app.command("edit")
@handle_errors
def replies_edit(
    spec: str = SPEC,
    text: str = typer.Option(None, "--text", help=TEXT_HELP),
    edit: bool = typer.Option(False, "--edit", "-e", help=f"The text: {EDIT_HELP} The current text is the draft."),
    category: str = typer.Option(None, "--category", autocompletion=complete_codes("category"),
                                 help="The category it answers; 'none' for any."),
) -> None:
    """Change a reply template's text or category."""
    from complaintctl.core.notify.replies import edit_reply, get_reply

    if edit and text is None:
        text = get_reply(STATE.connect(), spec)["body"]
    body = text_from(text, what=N_("reply"), edit=edit, header=_placeholders())
    edited = edit_reply(STATE.connect(), spec, body=body, category=category, actor=STATE.who())
    label_ = f"{edited['name']}:{edited['lang']}"
    err(_("Changed reply '{label}'.", label=label_) if edited["changed"] else _("No change to reply '{label}'.",
                                                                               label=label_))


@replies_app.command("rm")
@handle_errors
def replies_rm(spec: str = SPEC) -> None:
    """Remove a reply template (every language, or NAME:LANG). The timeline keeps the replies sent."""
    from complaintctl.core.notify.replies import remove_reply

    removed = remove_reply(STATE.connect(), spec, actor=STATE.who())
    err(_("Removed reply {labels}.", labels=", ".join(removed)))
