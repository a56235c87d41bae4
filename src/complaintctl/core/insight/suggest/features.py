"""What a suggestion model reads in a complaint: character n-grams of its text.

Character 1-4-grams need no word segmentation, so one model serves Chinese and English alike
(measured in bench/suggest.py against words and against jieba). The same function makes the
features when a model is trained (with scikit-learn or without) and when it scores, so the
weights in the database mean at scoring what they meant at training.
"""

from __future__ import annotations

import unicodedata
from collections import Counter

NGRAM_MIN, NGRAM_MAX = 1, 4
MAX_CHARS = 3000  # a 20,000-character letter is judged by its first pages: time and memory stay bounded


def complaint_text(subject: str | None, description: str | None) -> str:
    """The text a suggestion is made from: the subject, then the description."""
    return f"{subject or ''}\n{description or ''}"


def normalize(text: str) -> str:
    """Full-width forms folded (ＡＢＣ１２３ -> abc123), lower case, runs of space as one."""
    text = unicodedata.normalize("NFKC", text[:MAX_CHARS]).lower()
    return " ".join(text.split())


def ngrams(text: str) -> list[str]:
    """Every character n-gram of the normalised text, n from NGRAM_MIN to NGRAM_MAX (repeats kept)."""
    text = normalize(text)
    out: list[str] = []
    size = len(text)
    for n in range(NGRAM_MIN, NGRAM_MAX + 1):
        out += [text[i:i + n] for i in range(size - n + 1)]
    return [g for g in out if not g.isspace()]


def counts(text: str) -> Counter:
    """How often each n-gram occurs in ``text``."""
    return Counter(ngrams(text))
