"""The people around a complaint: customers matched on normalised e-mail or phone (`matching`),
customers as records of their own with their history, edits and merges (`customers`), which
customer one complaint is filed under (`filing`), and the team's agents (`agents`)."""

__all__ = ['agents', 'customers', 'filing', 'matching']
