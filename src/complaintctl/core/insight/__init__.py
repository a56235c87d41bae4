"""Reading the record: one complaint and lists of them (`queries`), full-text search (`search`),
worklists of what needs doing now (`worklists`), reports and their periods (`reports`, `briefing`,
`periods`), exports (`export`), read-only SQL (`readonly_sql`) and Datasette's metadata
(`datasette_metadata`); suggestions from the team's own history and similar complaints
(`suggest`). Nothing here writes a complaint."""

__all__ = ['briefing', 'datasette_metadata', 'export', 'periods', 'queries', 'readonly_sql', 'reports', 'search', 'suggest',
           'worklists']
