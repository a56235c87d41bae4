"""Suggestions from the team's own history: a model per field (category, severity, cause,
personality, motive) trained on the complaints already classified and kept in the database as
plain tables (`training`, `learn`, `tables`, `model`, `features`), suggestions with their reasons
(`suggestions`), the team's rules that win over the model (`rules`), how far to trust it
(`evaluate`) and the complaints like a new one (`similar`). Nothing here writes a complaint:
core/desk/suggested.py writes what a person accepts."""

__all__ = ["describe_source", "refresh_models", "suggest_complaints", "suggest_text", "unclassified_ids"]


def __getattr__(name: str):
    # loaded on first use: `show` and `log` read similar.py alone, and pay nothing for the models
    if name in __all__:
        from complaintctl.core.insight.suggest import suggestions

        return getattr(suggestions, name)
    raise AttributeError(name)
