"""The schema version this complaintctl writes (PRAGMA user_version).

Kept apart from the migrations so that opening an up-to-date database imports
nothing else; importing store.migrations checks it equals the number of migrations.
"""

SCHEMA_VERSION = 27
