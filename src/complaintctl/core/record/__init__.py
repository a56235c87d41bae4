"""The record's shared words, below every other room: the status machine (`lifecycle`: what
"open" means, the legal moves), the event writer (`events`: every change's audit row, in the
caller's transaction), the seal of what a complaint came in with and a customer record was
created with (`seal`), dates as people type them and as they are stored (`dates`), and the
limits and checks of typed fields (`limits`, `fields`). Everything else in core/ stands on these;
nothing here imports another room."""

__all__ = ['dates', 'events', 'fields', 'ids', 'lifecycle', 'limits', 'seal']
