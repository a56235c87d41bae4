"""complaintctl: a command-line complaint desk on one SQLite file."""

__version__ = "0.1.0"
