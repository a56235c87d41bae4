"""One complaint's life: logging it, classifying, assigning, updating (`complaints`), closing and
reopening (`closing`), the row writes those share (`writes`), interactive intake's checks
(`answers`), claiming from the queue (`queue`), accepting suggestions (`suggested`), and what
keeps a complaint from being forgotten: escalation, satisfaction follow-up and the sweep
(`tracking`). Each use case is one transaction that writes its events."""

__all__ = ['answers', 'closing', 'complaints', 'queue', 'suggested', 'tracking', 'writes']
