"""Trust: check, backup and restore, the audit chain."""
