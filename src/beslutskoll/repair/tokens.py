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
    # capitals with an l or i among them are capitals read wrong: "BERTlL"
    if (
        len(letters) > 1
        and all(c.isupper() or c in "li" for c in letters)
        and sum(c.isupper() for c in letters) > 1
    ):
        return word.upper()
    if capital_i and original[:1] == "l":
        return "I" + word[1:]
    if original[:1] == "I" and word[:1] == "l" and original[1:].islower():
        # a small l read as a capital I: "Iokala" is "lokala"
        return word
    if len(original) == len(word):
        return "".join(w.upper() if o.isupper() else w for o, w in zip(original, word, strict=True))
    if original[:1].isupper() or capital_i:
        return word[:1].upper() + word[1:]
    return word
