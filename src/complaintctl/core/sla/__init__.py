"""Service-level clocks. `clock` is the pure arithmetic (durations as typed, targets, the
business calendar, pauses) with no database; `due` keeps the due times stored on each complaint
and recomputes them inside the transaction that changed them; `calendars` holds the team's hours,
zone and holidays; `check` replays a complaint's events to prove its stored clock. Where is a due
time computed? In `clock`, called from `due`."""

__all__ = ['calendars', 'check', 'clock', 'due']
