"""The Chinese (Simplified) catalogue: each English message id of the code -> its Chinese text, with
the same {fields}. A message with a count has one form in Chinese. tests/test_i18n.py keeps this
catalogue and the code in step."""

from __future__ import annotations


def plural(n: int) -> int:
    return 0


MESSAGES: dict[str, str | tuple[str, ...]] = {
}
