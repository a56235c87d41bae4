"""suggest: train, evaluate and inspect the models that suggest codes, and the team's rules."""

from __future__ import annotations

import sys

import typer

from complaintctl.cli.common import FORMAT_OPTION, STATE, err, handle_errors, warn
from complaintctl.i18n import _, clauses, ngettext, shown
from complaintctl.i18n.words import label, word
from complaintctl.render.output import Format

suggest_app = typer.Typer(help="Suggestions from the team's own history: train, evaluate, rules.",
                          no_args_is_help=True)
rule_app = typer.Typer(help="Rules the team writes: a pattern that suggests a code, winning over the model.",
                       no_args_is_help=True)
suggest_app.add_typer(rule_app, name="rule")

FIELD_OPTION = typer.Option(None, "--field", help="category, severity, cause, personality or motive; repeatable "
                            "[default: all].")
METHOD_OPTION = typer.Option("auto", "--method", help="svm (needs complaintctl[suggest]), naive-bayes, centroid, "
                             "or auto (svm when scikit-learn is installed, else naive-bayes or centroid, whichever "
                             "does better on a held-out fifth of the history).")


def say_trained_first(t: dict) -> None:
    err(_("Trained {field} first ({why}): model {model} on {examples:,} complaints.", field=word("field", t["field"]),
          why=shown(t["why"]), model=t["model"], examples=t["examples"]))


def _now():
    from complaintctl.core.record.dates import now_utc

    return now_utc()


@suggest_app.command("train")
@handle_errors
def train(field: list[str] = FIELD_OPTION, method: str = METHOD_OPTION, fmt: Format = FORMAT_OPTION) -> None:
    """Train a model per field from the complaints already classified, and keep it in the database."""
    from complaintctl.core.insight.suggest.suggestions import no_better_than_guessing
    from complaintctl.core.insight.suggest.training import train as do_train
    from complaintctl.render.output import write_records

    rows = do_train(STATE.connect(), list(field or []), method=method, actor=STATE.who(), now=_now())
    if fmt != Format.table:
        write_records(rows, ["field", "trained", "model", "version", "method", "examples", "labels", "weights",
                             "size_bytes", "seconds", "held_out_top1", "held_out_check", "reason"], fmt)
        return
    for r in rows:
        if r["trained"]:
            err(_("Trained {field}: model {model} ({method} v{version}) on {examples:,} complaints, {labels} codes, "
                  "{weights:,} weights, {mb:.2f} MB, {seconds:.1f} s.", field=word("field", r["field"]),
                  model=r["model"], method=r["method"], version=r["version"], examples=r["examples"],
                  labels=r["labels"], weights=r["weights"], mb=r["size_bytes"] / 1e6, seconds=r["seconds"]))
            weak = no_better_than_guessing(r.get("held_out_check"))
            if weak is not None:
                warn(_("{field}: its suggestions will not be accepted: {why}", field=word("field", r["field"]),
                       why=shown(weak)))
            if r.get("held_out_top1"):  # auto without scikit-learn: which method, and why
                err(_("  {method}, chosen on held-out history (share put first right): {figures}; "
                      "--method chooses", method=r["method"],
                      figures=", ".join(f"{m} {share:.1f}%" for m, share in r["held_out_top1"].items())))
        else:
            err(_("Not trained {field}: {why}.", field=word("field", r["field"]), why=shown(r["reason"])))


@suggest_app.command("evaluate")
@handle_errors
def evaluate(field: list[str] = FIELD_OPTION, method: str = METHOD_OPTION, fmt: Format = FORMAT_OPTION) -> None:
    """How far to trust suggestions: top-1 and top-3 accuracy on a held-out fifth of the team's
    classified complaints, against always guessing the commonest code, and per code."""
    from complaintctl.core.insight.suggest.evaluate import evaluate as do_evaluate

    results = do_evaluate(STATE.connect(), list(field or []), method=method)
    if fmt == Format.table:
        from complaintctl.render.suggestions import evaluation_lines

        sys.stdout.write("".join(line + "\n" for line in evaluation_lines(results)))
        return
    from complaintctl.render.output import write_json

    write_json(results, lines=fmt == Format.ndjson)


@suggest_app.command("status")
@handle_errors
def status(fmt: Format = FORMAT_OPTION) -> None:
    """The models in the database: field, method, version, when trained, on how many, their size."""
    from complaintctl.core.insight.suggest.tables import model_rows
    from complaintctl.render.output import write_records

    write_records(model_rows(STATE.connect()), ["field", "id", "method", "version", "trained_at", "examples",
                                                "labels", "features", "weights", "size_bytes", "seconds"], fmt)


@rule_app.command("add")
@handle_errors
def rule_add(
    field: str = typer.Argument(..., help="category, severity, cause, personality or motive."),
    code: str = typer.Argument(..., help="The code to suggest (a code, label or alias)."),
    pattern: str = typer.Argument(..., help="A regular expression, matched ignoring case on the subject and "
                                  "description, e.g. '扣费|charged twice'."),
) -> None:
    """Suggest CODE for FIELD whenever PATTERN is found; a rule wins over the model."""
    from complaintctl.core.insight.suggest.rules import add_rule

    rule = add_rule(STATE.connect(), field, code, pattern, actor=STATE.who(), now=_now())
    err(_("Added rule #{id}: {field} {code} when {pattern!r} is found.", id=rule["id"], field=word("field", rule["field"]),
          code=label(rule["field"], rule["code"]), pattern=rule["pattern"]))


@rule_app.command("list")
@handle_errors
def rule_list(fmt: Format = FORMAT_OPTION) -> None:
    """The team's rules, by field."""
    from complaintctl.core.insight.suggest.rules import list_rules
    from complaintctl.render.output import write_records

    write_records(list_rules(STATE.connect()), ["id", "field", "code", "pattern", "created_at", "created_by"], fmt)


@rule_app.command("remove")
@handle_errors
def rule_remove(rule_id: int = typer.Argument(..., metavar="ID", help="The rule's number (`suggest rule list`).")) -> None:
    """Remove a rule."""
    from complaintctl.core.insight.suggest.rules import remove_rule

    rule = remove_rule(STATE.connect(), rule_id, actor=STATE.who(), now=_now())
    err(_("Removed rule #{id} ({field} {code} when {pattern!r}).", id=rule["id"], field=word("field", rule["field"]),
          code=label(rule["field"], rule["code"]), pattern=rule["pattern"]))


def print_suggestions(items: list[dict], fmt: Format, trained: list[dict] | None = None) -> None:
    """Suggestions of `classify --suggest` and `log --suggest`: text on stdout, or JSON."""
    for t in trained or []:
        say_trained_first(t)
    if fmt in (Format.json, Format.ndjson):
        from complaintctl.render.output import write_json

        write_json(items if fmt == Format.json else items, lines=fmt == Format.ndjson)
        return
    from complaintctl.render.suggestions import suggestion_lines

    sys.stdout.write("".join(line + "\n" for item in items for line in suggestion_lines(item)))


def classify_suggested(complaint_id: str | None, *, suggest: bool, accept: bool, unclassified: bool, apply: bool,
                       min_confidence: float | None, limit: int | None, fmt: Format) -> None:
    """`classify --suggest`, `--accept`, `--suggest --unclassified [--apply --min-confidence P]`."""
    from complaintctl.cli.common import which_complaint
    from complaintctl.errors import InvalidInput

    if unclassified and complaint_id is not None:
        raise InvalidInput(_("give a complaint ID or --unclassified, not both"))
    if not unclassified and complaint_id is None:
        raise InvalidInput(_("which complaint?"), hint=_("complaintctl classify ID --suggest, or --suggest --unclassified"))
    if apply and not unclassified:
        raise InvalidInput(_("--apply works on many complaints"), hint=_("--suggest --unclassified --apply "
                                                                         "--min-confidence P; for one complaint, --accept"))
    if apply and min_confidence is None:
        raise InvalidInput(_("--apply needs --min-confidence P"), hint=_("e.g. --min-confidence 0.8: only suggestions "
                                                                         "that sure are written"))
    if min_confidence is not None and not (apply or accept):
        raise InvalidInput(_("--min-confidence goes with --apply or --accept"))
    if unclassified and accept:
        raise InvalidInput(_("--accept is for one complaint"), hint=_("for many: --suggest --unclassified --apply "
                                                                      "--min-confidence P"))
    if min_confidence is not None and not 0 <= min_confidence <= 1:
        raise InvalidInput(_("--min-confidence is between 0 and 1, not {value}", value=min_confidence))
    from complaintctl.core.desk.suggested import accept as do_accept
    from complaintctl.core.desk.suggested import apply_many, refresh_models
    from complaintctl.core.insight.suggest import suggest_complaints, unclassified_ids
    from complaintctl.core.insight.suggest.training import FIELDS

    conn = STATE.connect()
    trained = refresh_models(conn, list(FIELDS), actor=STATE.who(), now=_now())
    ids = unclassified_ids(conn, limit=limit) if unclassified else [which_complaint(complaint_id or "")]
    if accept or apply:
        for t in trained:
            say_trained_first(t)
        if accept:
            results = [do_accept(conn, ids[0], actor=STATE.who(), min_confidence=min_confidence or 0.0)]
        else:
            results = apply_many(conn, ids, min_confidence=min_confidence or 0.0, actor=STATE.who())
        _say_accepted(results, fmt)
        return
    print_suggestions(suggest_complaints(conn, ids), fmt, trained)


def _say_accepted(results: list[dict], fmt: Format) -> None:
    if fmt in (Format.json, Format.ndjson):
        from complaintctl.render.output import write_json

        data = [{"id": r["id"], "changes": [{"field": c.field, "old": c.old, "new": c.new} for c in r["changes"]],
                 "skipped": r["skipped"]} for r in results]
        write_json(data, lines=fmt == Format.ndjson)
        return
    written = 0
    for r in results:
        if r["changes"]:
            written += 1
            from complaintctl.render.changes import change_text

            err(_("Classified complaint #{id} as suggested: {changes}.", id=r["id"],
                  changes=clauses(change_text(c.field, c.old, c.new) for c in r["changes"])))
        elif len(results) == 1:
            err(_("No change to complaint #{id}.", id=r["id"]))
        if len(results) == 1:
            for s in r["skipped"]:
                if not s["why"].startswith(("too little history", "no model yet")):
                    err(f"  {word('field', s['field'])}: {shown(s['why'])}")
    if len(results) > 1:
        err(_("Applied suggestions to {written:,} of {n:,} complaints; the rest left as they were.", written=written,
              n=len(results)))


def suggestions_after_log(complaint_id: int, fmt: Format) -> dict | None:
    """`log --suggest`: what the history suggests for the new complaint, said on stderr (table), or
    returned for the JSON of the complaint (`suggestions`). A stale or missing model is trained first."""
    from complaintctl.core.desk.suggested import refresh_models
    from complaintctl.core.insight.suggest import suggest_complaints
    from complaintctl.core.insight.suggest.training import FIELDS

    conn = STATE.connect()
    for t in refresh_models(conn, list(FIELDS), actor=STATE.who(), now=_now()):
        say_trained_first(t)
    (item,) = suggest_complaints(conn, [complaint_id])
    if fmt in (Format.json, Format.ndjson):
        return {"suggestions": item["fields"]}
    from complaintctl.render.suggestions import suggestion_parts

    lines, models = suggestion_parts(item)
    for line in lines:
        err(_("Suggested: {line}", line=line[2:]))
    if models:
        err(models.strip())
    return None


def after_import(import_id: int, *, suggest: bool, fmt: Format) -> dict:
    """An import's similar complaints (always) and, with --suggest, the suggestions for what it
    brought in unclassified: said on stderr (table), returned for the summary's other formats."""
    from complaintctl.core.insight.suggest.similar import imported_ids, similar_in_import
    from complaintctl.render.complaint import similar_line

    conn = STATE.connect()
    found = similar_in_import(conn, import_id)
    out: dict = {"similar": found["found"]}
    if fmt == Format.table and found["found"]:
        err(ngettext("{n:,} imported complaint is like others (same or near-same text, any customer):",
                     "{n:,} imported complaints are like others (same or near-same text, any customer):",
                     len(found["found"])))
        for item in found["found"][:20]:
            err(_("  #{id} {subject}: like {others}", id=item["id"], subject=item["subject"],
                  others=clauses(similar_line(o) for o in item["similar"])))
        if len(found["found"]) > 20:
            err(_("  ... and {n:,} more (`complaintctl show ID` lists them)", n=len(found["found"]) - 20))
    if found["checked"] < found["inserted"]:
        err(_("Similar complaints looked for in the first {checked:,} of {inserted:,} imported; `complaintctl show ID` "
              "finds them for any one.", checked=found["checked"], inserted=found["inserted"]))
    if suggest:
        from complaintctl.core.desk.suggested import refresh_models
        from complaintctl.core.insight.suggest import suggest_complaints, unclassified_ids
        from complaintctl.core.insight.suggest.training import FIELDS

        for t in refresh_models(conn, list(FIELDS), actor=STATE.who(), now=_now()):
            say_trained_first(t)
        items = suggest_complaints(conn, unclassified_ids(conn, among=imported_ids(conn, import_id)))
        out["suggestions"] = items
        if fmt == Format.table:
            from complaintctl.render.suggestions import suggestion_lines

            err(ngettext("Suggestions for the {n:,} imported complaint without a category (nothing written; "
                         "`complaintctl classify --suggest --unclassified --apply --min-confidence P` writes them):",
                         "Suggestions for the {n:,} imported complaints without a category (nothing written; "
                         "`complaintctl classify --suggest --unclassified --apply --min-confidence P` writes them):",
                         len(items)))
            for item in items:
                for line in suggestion_lines(item):
                    err(line)
    return out
