"""The schema a fresh database has, pinned in a checked-in file so a migration cannot change it
unseen.

After adding a migration on purpose, refresh the pin and review its diff:

    python tests/core/pinned_schema.py
"""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

PINNED = Path(__file__).with_name("schema.sql")
ORDER = {"table": 0, "index": 1, "view": 2, "trigger": 3}


def schema_text(conn: sqlite3.Connection) -> str:
    """Every table, index, view and trigger of ``conn`` as SQL, in a stable order, with the version."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    rows = conn.execute("SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL").fetchall()
    rows.sort(key=lambda r: (ORDER.get(r[0], 9), r[1]))
    parts = [f"-- schema version {version}"]
    parts += [f"-- {kind} {name}\n{sql.strip()};" for kind, name, sql in rows]
    return "\n\n".join(parts) + "\n"


def fresh_schema_text() -> str:
    from complaintctl.store import migrations

    conn = sqlite3.connect(":memory:", isolation_level=None)
    try:
        migrations.migrate(conn)
        return schema_text(conn)
    finally:
        conn.close()


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "src"))
    PINNED.write_text(fresh_schema_text(), encoding="utf-8")
    print(f"wrote {PINNED}")
