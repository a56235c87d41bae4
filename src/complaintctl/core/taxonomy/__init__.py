"""The codes a complaint is classified with: the kinds of code and their tables (`kinds`), the
team's taxonomy and its SLA targets (`codes`), the one resolver that turns a code, an English or
Chinese label or a taught alias into a code (`labels`), and `taxonomy alias` (`aliases`)."""

__all__ = ['aliases', 'codes', 'kinds', 'labels']
