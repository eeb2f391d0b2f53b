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


class _FoldTable(dict[int, str]):
    """str.translate table filled on first sight of each character (translate runs in C)."""

    def __missing__(self, code: int) -> str:
        folded = self[code] = _fold_char(chr(code))
        return folded


_TABLE = _FoldTable()


def fold(text: str) -> str:
    return text.translate(_TABLE)
