"""Migration 019: suggestions. Released: never edit; a change is a new migration."""

from __future__ import annotations

from complaintctl.store.engine import Connection


def apply(conn: Connection) -> None:
    """The models that suggest a category, severity, cause, personality or motive, kept as plain
    tables that SQL can read: one row per model (its field, method, training date, size; its id
    never reused, so an event that names it stays true), its
    labels (bias), its features (character n-grams, with their idf) and its weights (n-gram x
    label). And the rules a team writes, which win over the model."""
    conn.execute(
        "CREATE TABLE suggest_models ("
        " id INTEGER PRIMARY KEY AUTOINCREMENT,"
        " field TEXT NOT NULL UNIQUE,"
        " method TEXT NOT NULL,"
        " version INTEGER NOT NULL,"
        " trained_at TEXT NOT NULL,"
        " trained_by TEXT NOT NULL,"
        " examples INTEGER NOT NULL,"
        " labels INTEGER NOT NULL,"
        " features INTEGER NOT NULL,"
        " weights INTEGER NOT NULL,"
        " size_bytes INTEGER NOT NULL,"
        " temperature REAL NOT NULL,"
        " seconds REAL NOT NULL,"
        " details TEXT CHECK (details IS NULL OR json_valid(details))"
        ") STRICT")
    conn.execute(
        "CREATE TABLE suggest_labels ("
        " model_id INTEGER NOT NULL REFERENCES suggest_models(id) ON DELETE CASCADE,"
        " label TEXT NOT NULL,"
        " examples INTEGER NOT NULL,"
        " bias REAL NOT NULL,"
        " unseen REAL NOT NULL,"
        " PRIMARY KEY (model_id, label)) STRICT, WITHOUT ROWID")
    conn.execute(
        "CREATE TABLE suggest_features ("
        " model_id INTEGER NOT NULL REFERENCES suggest_models(id) ON DELETE CASCADE,"
        " feature TEXT NOT NULL,"
        " idf REAL NOT NULL,"
        " PRIMARY KEY (model_id, feature)) STRICT, WITHOUT ROWID")
    conn.execute(
        "CREATE TABLE suggest_weights ("
        " model_id INTEGER NOT NULL REFERENCES suggest_models(id) ON DELETE CASCADE,"
        " feature TEXT NOT NULL,"
        " label TEXT NOT NULL,"
        " weight REAL NOT NULL,"
        " PRIMARY KEY (model_id, feature, label)) STRICT, WITHOUT ROWID")
    conn.execute(
        "CREATE TABLE suggest_rules ("
        " id INTEGER PRIMARY KEY,"
        " field TEXT NOT NULL,"
        " code TEXT NOT NULL,"
        " pattern TEXT NOT NULL,"
        " created_at TEXT NOT NULL,"
        " created_by TEXT NOT NULL,"
        " UNIQUE (field, code, pattern)) STRICT")


apply_postgresql = apply  # portable: store/postgresql/migrate.py translates the table statements
