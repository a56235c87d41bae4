"""Whether the file and its record can be trusted, and getting them back: the database file as the
commands see it (`database`: which file, opening, creating, failures in the user's words),
moving the desk to another database (`moving`: `migrate-to`),
`check` (`health`: is the file sound and does its data keep the rules; each check's `finding`,
the `references`, and the stated facts: `facts`, by `complaint_facts`, `customer_facts` and
`stated_settings`, found as `disagreements`), the audit chain's verification and replay
(`audit`), backup (`backups`) and restore (`restores`)."""

__all__ = ["audit", "backups", "database", "health", "moving", "restores"]
