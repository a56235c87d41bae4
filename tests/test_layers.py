"""The arrows run down only: cli -> core -> store, cli -> render. Read from the import graph of
src/ (every import, at the top of a module or inside a function), so a reviewer need not grep."""

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src"
PACKAGE = SRC / "complaintctl"

# layer -> the modules (prefixes) it must not import, and why
FORBIDDEN = {
    "cli": {"complaintctl.store": "cli/ goes through core (one core function per use case)",
            "sqlite3": "cli/ holds no SQL: core decides, store talks to SQLite"},
    "core": {"complaintctl.cli": "core knows nothing of the command line",
             "typer": "core has no Typer: no parsing, no exits", "rich": "core prints nothing",
             "complaintctl.render": "core returns plain data; cli renders it"},
    "render": {"complaintctl.core": "render is fed plain data; core decides",
               "complaintctl.store": "render is fed plain data", "complaintctl.cli": "render is below cli"},
    "store": {"complaintctl.core": "store is below core", "complaintctl.cli": "store is below everything",
              "complaintctl.render": "store is below everything", "typer": "store has no Typer"},
    "i18n": {"complaintctl.store": "i18n is below store: store's messages are said through it",
             "complaintctl.core": "i18n is below core", "complaintctl.cli": "i18n is below cli",
             "complaintctl.render": "i18n is below render"},
}


def imported_modules(path: Path, root: Path = SRC) -> set[str]:
    """Every module ``path`` (under ``root``) imports, absolute, wherever the import stands."""
    module = ".".join(path.relative_to(root).with_suffix("").parts)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                parts = parts[:len(parts) - node.level + 1]
                base = ".".join(parts + ([node.module] if node.module else []))
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return found


def _violations(layer: str) -> list[str]:
    rules = FORBIDDEN[layer]
    out = []
    for path in sorted((PACKAGE / layer).rglob("*.py")):
        for name in sorted(imported_modules(path)):
            for banned, why in rules.items():
                if name == banned or name.startswith(banned + "."):
                    out.append(f"{path.relative_to(PACKAGE)} imports {name}: {why}")
    return out


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_arrows_run_down_only(layer):
    assert not _violations(layer)


ENGINE_MODULES = ("sqlite3", "psycopg", "psycopg_binary", "psycopg_c")


def engine_names(path: Path) -> list[str]:
    """Where ``path`` imports a database driver or names one (``sqlite3.Row`` in an annotation too)."""
    found = [name for name in imported_modules(path, path.parent) if name.split(".")[0] in ENGINE_MODULES]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Name) and node.id in ENGINE_MODULES:
            found.append(f"{node.id} (line {node.lineno})")
    return found


def test_only_store_knows_the_engine():
    """SQLite or PostgreSQL is store/'s business: everything above it speaks store/engine.py's
    neutral names (Connection, Row, IntegrityError, ...), so one code runs on both."""
    found = {str(path.relative_to(PACKAGE)): names for path in sorted(PACKAGE.rglob("*.py"))
             if path.relative_to(PACKAGE).parts[0] != "store" and (names := engine_names(path))}
    assert not found


def test_the_engine_rule_sees_a_driver():
    """The rule above can fail: it finds an import, a lazy one, and a name in an annotation."""
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        probe = Path(folder) / "probe.py"
        probe.write_text("def f(conn: 'x') -> None:\n    import psycopg\n    return sqlite3.Row\n", encoding="utf-8")
        assert engine_names(probe) == ["psycopg", "sqlite3 (line 3)"]


CLOCKS = {("datetime", "now"), ("datetime", "utcnow"), ("datetime", "today"), ("date", "today"), ("time", "time"),
          ("time", "localtime")}


def clock_reads(path: Path) -> list[str]:
    """Where ``path`` reads the clock: datetime.now(), date.today(), time.time(), now_utc()."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        f = node.func
        if isinstance(f, ast.Attribute) and isinstance(f.value, ast.Name) and (f.value.id, f.attr) in CLOCKS:
            found.append(f"{path.name}:{node.lineno} {f.value.id}.{f.attr}()")
        elif isinstance(f, ast.Name) and f.id == "now_utc":
            found.append(f"{path.name}:{node.lineno} now_utc()")
    return found


def test_render_does_not_read_the_clock():
    """What is due, late or old is decided in core at a time it was given; render draws it."""
    assert not [hit for path in sorted((PACKAGE / "render").rglob("*.py")) for hit in clock_reads(path)]


def test_the_clock_scan_sees_a_clock(tmp_path):
    module = tmp_path / "x.py"
    module.write_text("from datetime import date, datetime\nx = datetime.now()\ny = date.today()\n", encoding="utf-8")
    assert len(clock_reads(module)) == 2


def test_the_scan_sees_imports_inside_functions(tmp_path):
    """The scan must see a lazy import, or the layer test could not fail for one."""
    pkg = tmp_path / "complaintctl" / "cli"
    pkg.mkdir(parents=True)
    module = pkg / "x.py"
    module.write_text("def f():\n    from ..store.db import connect\n    import sqlite3\n", encoding="utf-8")
    found = imported_modules(module, root=tmp_path)
    assert {"complaintctl.store.db", "complaintctl.store.db.connect", "sqlite3"} <= found


# core/'s rooms, lowest first: a room imports only rooms below it, and only what their face names.
ROOMS = ["record", "sla", "taxonomy", "people", "intake", "insight", "notify", "desk", "trust"]
CORE = PACKAGE / "core"


def _room_of(path: Path) -> str | None:
    parts = path.relative_to(PACKAGE).parts
    return parts[1] if parts[0] == "core" and len(parts) > 2 else None


def _face(room: str) -> set[str]:
    """What a room's ``__init__`` names in ``__all__``: its public modules (or names)."""
    tree = ast.parse((PACKAGE / "core" / room / "__init__.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == "__all__" for t in node.targets):
            return set(ast.literal_eval(node.value))
    return set()


def test_every_room_is_listed_and_has_a_face_with_a_docstring():
    rooms = sorted(p.name for p in CORE.iterdir() if (p / "__init__.py").exists())
    assert rooms == sorted(ROOMS)
    for room in ROOMS:
        init = CORE / room / "__init__.py"
        assert ast.get_docstring(ast.parse(init.read_text(encoding="utf-8"))), f"core/{room} says what it holds"
        assert _face(room), f"core/{room}/__init__.py names what other rooms may use in __all__"


def _room_violations() -> list[str]:
    rank = {room: i for i, room in enumerate(ROOMS)}
    out = []
    for path in sorted(PACKAGE.rglob("*.py")):
        here = _room_of(path)
        for name in sorted(imported_modules(path, PACKAGE.parent)):
            parts = name.split(".")
            if parts[:2] != ["complaintctl", "core"] or len(parts) < 3 or parts[2] not in rank or parts[2] == here:
                continue
            room, where = parts[2], path.relative_to(PACKAGE)
            if here is not None and rank[room] > rank[here]:
                out.append(f"{where} imports {name}: core/{room} is above core/{here}")
            if len(parts) > 3 and parts[3] not in _face(room):
                out.append(f"{where} imports {name}: core/{room}/__init__.py does not name {parts[3]} in its face")
            if any(p.startswith("_") for p in parts[3:]):
                out.append(f"{where} imports {name}: a private name of core/{room}")
    return out


def test_rooms_import_only_rooms_below_them_through_their_faces():
    """A newcomer reads a room's face to know what it offers; nothing reaches past it or upward."""
    assert not _room_violations()


def test_the_room_rule_can_fail(tmp_path, monkeypatch):
    fake = tmp_path / "complaintctl"
    (fake / "core" / "record").mkdir(parents=True)
    (fake / "core" / "record" / "__init__.py").write_text('"""r"""\n__all__ = ["dates"]\n')
    (fake / "core" / "record" / "dates.py").write_text("from complaintctl.core.desk.complaints import log_complaint\n")
    (fake / "core" / "desk").mkdir()
    (fake / "core" / "desk" / "__init__.py").write_text('"""d"""\n__all__ = ["answers"]\n')
    monkeypatch.setattr(__import__(__name__), "PACKAGE", fake)
    found = [v for v in _room_violations() if "record/dates.py" in v]
    assert any("above" in v for v in found) and any("does not name complaints" in v for v in found)


def _module_graph() -> dict[str, set[str]]:
    """Module -> the modules of the package it imports (anywhere in it), a package's ``__init__``
    by the package's name; a module importing its own package is no edge."""
    modules = {}
    for path in PACKAGE.rglob("*.py"):
        name = ".".join(path.relative_to(SRC).with_suffix("").parts)
        modules[name.removesuffix(".__init__")] = path
    graph = {}
    for name, path in modules.items():
        edges = set()
        for imported in imported_modules(path):
            while imported and imported not in modules:
                imported = imported.rpartition(".")[0]
            if imported and imported != name and not name.startswith(imported + "."):
                edges.add(imported)
        graph[name] = edges
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for other in graph[node]:
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_no_module_imports_one_that_imports_it_back():
    """No hidden cycles (queries <-> search and report <-> report_lang were two): a module that needs
    another's piece gets it from a module below both. store/ dispatches by engine (catalog ->
    postgres -> postgresql.migrate -> migrations -> catalog, imports inside functions): its
    engine seam, the one cycle left, kept inside store/."""
    outside_store = [group for group in _cycles(_module_graph())
                     if any(not m.startswith("complaintctl.store") for m in group)]
    assert outside_store == []


def test_the_cycle_finder_finds_a_cycle():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


# The gettext names every module says its messages with, private by convention only.
SHARED_PRIVATE = {"complaintctl.i18n._", "complaintctl.i18n._active"}
# module importing -> how many private names of other modules it still takes: this only shrinks
PRIVATE_NOT_YET: dict[str, int] = {
    "core/intake/completing.py": 2, "core/intake/csvfile.py": 1, "core/intake/decide.py": 1,
    "core/intake/jsonfile.py": 4, "core/intake/reading.py": 3, "core/intake/run.py": 2,
    "core/intake/source.py": 8, "core/intake/times.py": 1, "core/intake/values.py": 12,
    "core/intake/whole.py": 1, "core/intake/worker.py": 1, "core/intake/writer.py": 1,
    "render/report_html.py": 3, "render/report_text.py": 1,
    "store/postgresql/ddl.py": 3, "store/postgresql/views.py": 2,
}


def private_imports(root: Path = PACKAGE) -> dict[str, list[str]]:
    """Each module's imports of another module's private names (``from m import _name``)."""
    found: dict[str, list[str]] = {}
    for path in sorted(root.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("complaintctl"):
                names = [f"{node.module}.{a.name}" for a in node.names
                         if a.name.startswith("_") and not a.name.startswith("__")]
                names = [n for n in names if n not in SHARED_PRIVATE]
                if names:
                    found.setdefault(str(path.relative_to(root)), []).extend(names)
    return found


def test_no_module_takes_another_modules_private_names():
    found = private_imports()
    new = {f: names for f, names in found.items() if f not in PRIVATE_NOT_YET}
    assert new == {}, "a private name is used outside its module: make it public or keep it at home"
    grown = {f: len(found[f]) for f in PRIVATE_NOT_YET if len(found.get(f, [])) > PRIVATE_NOT_YET[f]}
    assert grown == {}, "a module not cleaned up yet takes more private names than it did"
    done = [f for f in PRIVATE_NOT_YET if len(found.get(f, [])) < PRIVATE_NOT_YET[f]]
    assert done == [], f"fewer now: lower or remove {done} in PRIVATE_NOT_YET"


def test_the_private_name_scan_sees_one(tmp_path):
    (tmp_path / "a.py").write_text("from complaintctl.core.x import _hidden, shown\n", encoding="utf-8")
    assert private_imports(tmp_path) == {"a.py": ["complaintctl.core.x._hidden"]}
