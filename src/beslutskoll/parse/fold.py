"""Diacritic-free lower case, so that labels match also in OCR'd text ("Forslag till beslut").

The folded string has the same length as the original, so positions found in
one are valid in the other.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache


@lru_cache(maxsize=4096)
def _fold_char(c: str) -> str:
    lower = c.lower()
    if len(lower) != 1:
        return c
    return unicodedata.normalize("NFD", lower)[0]


def fold(text: str) -> str:
    return "".join(_fold_char(c) for c in text)
