"""Reading the record: one complaint and lists of them (`queries`), full-text search (`search`),
worklists of what needs doing now (`worklists`), reports and their periods (`reports`, `trend`,
`period_reports`, `briefing`, `periods`), what a period's figures count: the record as it stood
(`history`, `period_facts`, `figures`), exports (`export`), read-only SQL (`readonly_sql`) and
Datasette's metadata (`datasette_metadata`); suggestions from the team's own history and similar
complaints (`suggest`). Nothing here writes a complaint."""

__all__ = ['briefing', 'datasette_metadata', 'export', 'periods', 'queries', 'readonly_sql', 'reports', 'search', 'suggest',
           'worklists']
