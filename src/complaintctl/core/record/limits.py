"""The limits and patterns a complaint's values keep, written once: `log`, `update`, `classify`,
the customer and agent commands and import (its pydantic row model) all read them from here."""

MAX_SUBJECT = 500  # characters
MAX_TEXT = 10 * 1024 * 1024  # description, resolution, a note
MAX_SHORT = 200  # ref, customer name, company
MAX_TAG = 64
MAX_CODE = 64
MAX_EMAIL = 320
MAX_PHONE = 60
MAX_AGENT_NAME = 100
EMAIL_PATTERN = r"^[^@\s]+@[^@\s]+\.[^@\s]+$"
PHONE_PATTERN = r"\d.*\d.*\d"  # at least three digits; matching normalises further (customers.py)
AGENT_NAME_PATTERN = r"^[^\s,]+$"  # one word: li.wei, alice
