"""Diacritic-free lower case, so that labels match also in OCR'd text ("Forslag till beslut")."""

from __future__ import annotations

import unicodedata
from functools import lru_cache


@lru_cache(maxsize=20_000)
def fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))
