"""The PostgreSQL side of the schema: the SQL that must differ from SQLite's, and the migration runner."""
