"""Word tokens of a text and carrying letter case over to a replacement."""

from __future__ import annotations

import re

# letters and digits; everything between tokens is kept exactly as it is
TOKEN = re.compile(r"[^\W_]+")


def has_letter(token: str) -> bool:
    return any(c.isalpha() for c in token)


def apply_case(original: str, word: str, capital_i: bool = False) -> str:
    """``word`` (lowercase) spelled with the letter case of ``original``."""
    letters = [c for c in original if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return word.upper()
    if len(original) == len(word):
        return "".join(w.upper() if o.isupper() else w for o, w in zip(original, word, strict=True))
    if original[:1].isupper() or capital_i:
        return word[:1].upper() + word[1:]
    return word
