"""Connecting to the database file, its schema and its migrations."""
