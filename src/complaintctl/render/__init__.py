"""Turning plain data into terminal tables, JSON, NDJSON and CSV."""
