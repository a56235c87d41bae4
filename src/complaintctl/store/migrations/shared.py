"""What several migrations share: the code column's check, the time of "now" in SQL, and the
taxonomy tables' shape and seeding. Released migrations import these; never change their output."""

from __future__ import annotations

from complaintctl.store.engine import Connection

CODE_CHECK = "CHECK (code <> '' AND code NOT GLOB '*[^a-z0-9_]*' AND code GLOB '[a-z]*')"
NOW_SQL = "strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"


def taxonomy_table(conn: Connection, name: str, extra: str = "") -> None:
    conn.execute(
        f"""
        CREATE TABLE {name} (
            code TEXT PRIMARY KEY {CODE_CHECK},
            label_en TEXT NOT NULL,
            label_zh TEXT NOT NULL,
            position INTEGER NOT NULL DEFAULT 0,
            active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)){extra}
        ) STRICT
        """
    )


def seed_rows(conn: Connection, table: str, rows: list[tuple], columns: list[str]) -> None:
    cols = ", ".join(columns + ["position"])
    marks = ", ".join("?" for _ in range(len(columns) + 1))
    conn.executemany(
        f"INSERT INTO {table} ({cols}) VALUES ({marks})",
        [(*row, position) for position, row in enumerate(rows, start=1)],
    )
