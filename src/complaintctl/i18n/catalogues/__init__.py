"""One catalogue per language: each module maps the English message ids of the code to that
language's text (`MESSAGES`) and says which plural form a count takes (`plural`)."""
