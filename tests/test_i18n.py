"""The catalogues and the code, held in step: every message id the code shows (``_``, ``ngettext``,
``N_``) has a translation in every catalogue, with the same {fields}; no catalogue keeps an id the
code no longer uses; every call fills the fields its message names. A message reworded in English
without its translation fails here, instead of reaching a Chinese user in English."""

from __future__ import annotations

import ast
import importlib
import string
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src" / "complaintctl"
MARKERS = {"_": 1, "N_": 1, "ngettext": 2, "L_": 1, "nL_": 2, "pgettext": 2}


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def message_calls(root: Path = SRC) -> list[tuple[str, int, str, tuple[str, ...], ast.Call]]:
    """(file, line, marker, the literal ids, the call) of every call of a marker in ``root``."""
    found = []
    for path in sorted(root.rglob("*.py")):
        if "catalogues" in path.parts:
            continue  # the catalogues themselves
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in MARKERS):
                continue
            ids = tuple(a.value for a in node.args[:MARKERS[node.func.id]]
                        if isinstance(a, ast.Constant) and isinstance(a.value, str))
            found.append((path.relative_to(root).as_posix(), node.lineno, node.func.id, ids, node))
    return found


def used_ids() -> dict[str, tuple[str, ...]]:
    """id -> its forms (one, or singular and plural), for every literal id in the code."""
    out: dict[str, tuple[str, ...]] = {}
    for _file, _line, marker, ids, _call in message_calls():
        if ids and len(ids) == MARKERS[marker]:
            if marker == "pgettext":  # (context, id): keyed context\x04id, as gettext keys msgctxt
                out[f"{ids[0]}\x04{ids[1]}"] = ids[1:]
            else:
                out[ids[0]] = ids
    return out


def help_ids() -> set[str]:
    """The help texts of every command and option: message ids too (cli/usage_text.py translates
    the command tree)."""
    import typer

    from complaintctl.cli import build_app
    from complaintctl.cli.usage_text import help_texts

    return set(help_texts(typer.main.get_command(build_app())))


def catalogues():
    from complaintctl.i18n import CATALOGUES

    return {lang: importlib.import_module(f"complaintctl.i18n.catalogues.{name}") for lang, name in CATALOGUES.items()}


def test_ids_are_literals_never_built_text():
    """An f-string or a concatenation as the id can never be in a catalogue: fields go in {braces}."""
    built = [f"{f}:{line}" for f, line, marker, _ids, call in message_calls()
             if marker != "N_" and call.args and isinstance(call.args[0], (ast.JoinedStr, ast.BinOp, ast.IfExp))]
    assert built == []


def test_every_call_fills_the_fields_its_message_names():
    wrong = []
    for f, line, marker, ids, call in message_calls():
        if marker == "N_" or len(ids) != MARKERS[marker] or any(k.arg is None for k in call.keywords):
            continue  # **fields: checked at run time
        wanted = set().union(*(_fields(i) for i in ids)) - ({"n"} if marker in ("ngettext", "nL_") else set())
        given = {k.arg for k in call.keywords}
        if wanted != given:
            wrong.append(f"{f}:{line} {ids[0]!r} names {sorted(wanted)}, given {sorted(given)}")
    assert wrong == []


@pytest.mark.parametrize("lang", ["zh", "zh-Hant"])
def test_every_id_has_a_translation_with_the_same_fields(lang):
    catalogue = catalogues()[lang]
    missing, mismatched = [], []
    for msgid, forms in {**used_ids(), **{h: (h,) for h in help_ids()}}.items():
        if msgid not in catalogue.MESSAGES:
            missing.append(msgid)
            continue
        translated = catalogue.MESSAGES[msgid]
        for text in (translated,) if isinstance(translated, str) else translated:
            if not text.strip() or _fields(text) != set().union(*(_fields(f) for f in forms)):
                mismatched.append(f"{msgid!r} -> {text!r}")
    assert missing == [], f"{len(missing)} ids have no {lang} text: {missing[:20]}"
    assert mismatched == []


@pytest.mark.parametrize("lang", ["zh", "zh-Hant"])
def test_no_catalogue_keeps_an_id_the_code_no_longer_uses(lang):
    stale = sorted(set(catalogues()[lang].MESSAGES) - set(used_ids()) - help_ids())
    assert stale == [], f"{lang} keeps ids no code uses (reworded or removed?): {stale[:20]}"


def test_the_checks_can_fail(tmp_path):
    (tmp_path / "m.py").write_text('_("Logged #{id}.", n=1)\n_(f"x {y}")\nngettext("{n} a", "{n} as", 2)\n')
    calls = message_calls(tmp_path)
    assert [c[2] for c in calls] == ["_", "_", "ngettext"]
    assert calls[0][3] == ("Logged #{id}.",) and _fields(calls[0][3][0]) == {"id"}
    assert isinstance(calls[1][4].args[0], ast.JoinedStr)


def test_english_is_the_id_and_chinese_comes_from_the_catalogue(monkeypatch):
    from complaintctl import i18n
    from complaintctl.i18n.catalogues import zh

    monkeypatch.setattr(zh, "MESSAGES", {"Logged complaint #{id}.": "已登记投诉 #{id}。",
                                               "{n} complaint": "{n} 件投诉"})
    monkeypatch.setenv("COMPLAINTCTL_LANG", "en")
    assert i18n._("Logged complaint #{id}.", id=7) == "Logged complaint #7."
    assert i18n.ngettext("{n} complaint", "{n} complaints", 2) == "2 complaints"
    monkeypatch.setenv("COMPLAINTCTL_LANG", "zh")
    assert i18n._("Logged complaint #{id}.", id=7) == "已登记投诉 #7。"
    assert i18n.ngettext("{n} complaint", "{n} complaints", 2) == "2 件投诉"
    assert i18n._("Not in the catalogue {x}", x=1) == "Not in the catalogue 1"


def test_a_module_that_translates_never_rebinds_underscore():
    """``for _ in ...`` or ``_, x = ...`` in a module that imported ``_`` from i18n silently replaces
    the translator with a loop value: the next message then fails at run time."""
    rebound = []
    for path in sorted(SRC.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        imports_it = any(isinstance(n, ast.ImportFrom) and n.module == "complaintctl.i18n"
                         and any(a.name == "_" and a.asname is None for a in n.names) for n in ast.walk(tree))
        if imports_it:
            rebound += [f"{path.relative_to(SRC)}:{n.lineno}" for n in ast.walk(tree)
                        if isinstance(n, ast.Name) and n.id == "_" and isinstance(n.ctx, ast.Store)]
    assert rebound == []


@pytest.mark.parametrize("lang", ["zh", "zh-Hant"])
def test_an_id_is_in_one_part_of_a_catalogue(lang):
    catalogue = catalogues()[lang]
    seen: dict[str, str] = {}
    twice = []
    for part in getattr(catalogue, "PARTS", ()):
        for msgid in part.MESSAGES:
            if msgid in seen:
                twice.append(f"{msgid!r} in {seen[msgid]} and {part.__name__}")
            seen[msgid] = part.__name__
    assert twice == []


def test_traditional_chinese_is_the_simplified_catalogue_converted():
    """zh-Hant is generated from zh (`python tests/make_zh_hant.py`, OpenCC s2t): the same ids, the
    same fields, in Traditional characters; a zh text changed without regenerating fails here."""
    from complaintctl.i18n.catalogues import zh, zh_hant

    assert set(zh_hant.MESSAGES) == set(zh.MESSAGES), "run python tests/make_zh_hant.py"
    assert zh_hant.MESSAGES["Show this message and exit."] == "顯示此幫助並退出。"


def test_a_taiwan_or_hong_kong_locale_reads_traditional_characters(monkeypatch):
    from complaintctl import i18n
    from complaintctl.i18n.words import label

    for locale in ("zh_TW.UTF-8", "zh_HK.UTF-8", "zh-Hant"):
        monkeypatch.setenv("COMPLAINTCTL_LANG", locale)
        assert i18n.lang() == "zh-Hant"
        assert i18n._("Logged complaint #{id} (new customer).", id=7) == "已登記投訴 #7（新客戶）。"
        assert label("severity", "high") == "高" and label("status", "investigating") == "調查中"
    monkeypatch.setenv("COMPLAINTCTL_LANG", "zh_CN.UTF-8")
    assert i18n._("Logged complaint #{id} (new customer).", id=7) == "已登记投诉 #7（新客户）。"
