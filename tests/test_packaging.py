"""The installed package carries every file the code reads at run time.

CI installs with `pip install .` (not editable): a data file the wheel leaves out is missing
only there. The package-data globs of pyproject.toml must cover every file under
src/complaintctl that is not a module.
"""

from __future__ import annotations

import fnmatch
import sys
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "complaintctl"


def _data_files() -> list[str]:
    return sorted(
        p.relative_to(PACKAGE).as_posix()
        for p in PACKAGE.rglob("*")
        if p.is_file() and p.suffix not in {".py", ".pyc"} and "__pycache__" not in p.parts
    )


def test_every_data_file_is_package_data():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    globs = config["tool"]["setuptools"]["package-data"]["complaintctl"]
    files = _data_files()
    assert "store/postgresql/baseline_tables.sql" in files
    missing = [f for f in files if not any(fnmatch.fnmatch(f, g) for g in globs)]
    assert missing == [], f"add to [tool.setuptools.package-data] in pyproject.toml: {missing}"


def test_every_extra_the_docs_and_messages_name_is_in_pyproject():
    """`pip install "complaintctl[suggest]"` installed nothing while the extra was missing (pip
    only warns): each complaintctl[NAME] the docs or the code tell a user to install exists."""
    import re

    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    extras = set(config["project"]["optional-dependencies"])
    named = set()
    for path in [*(ROOT / "docs").glob("*.md"), *PACKAGE.rglob("*.py"), ROOT / "README.md"]:
        named.update(re.findall(r"complaintctl\[([a-z0-9_-]+)\]", path.read_text(encoding="utf-8")))
    assert "suggest" in named
    assert named <= extras, f"add to [project.optional-dependencies]: {sorted(named - extras)}"
