"""Detecting OCR damage: the share of words that look damaged."""

from __future__ import annotations

import re
from collections import Counter

from beslutskoll.repair.tokens import TOKEN

# letters with a digit inside or a digit read for a letter at the start: "6ppnas", "f0r"
_DIGIT_IN_WORD = re.compile(r"^(?:[^\W\d_]+\d+[^\W\d_]+|[0156][^\W\d_]{2,})$")


def damage_ratio(text: str, *, vocabulary: set[str] | None = None) -> float:
    """Share of words (three letters or more) that look OCR-damaged: 0 for clean text.

    A word looks damaged when it has a digit among its letters, or when the repairer,
    fitted to this document, would change it (it is unknown, or a known word that the
    document's evident damage explains better as another word).
    """
    from beslutskoll.repair.correct import is_abbreviation, repairer_for

    # each distinct token once, in order of first appearance, weighted by its count
    counts = Counter(t for t in TOKEN.findall(text) if len(t) >= 3)
    words = {t: n for t, n in counts.items() if any(c.isalpha() for c in t)}
    total = sum(words.values())
    if not total:
        return 0.0
    repairer = repairer_for(text, frozenset(vocabulary or ()))
    damaged = 0
    verdicts: dict[str, bool] = {}
    for token, n in words.items():
        w = token.lower()
        hit = verdicts.get(w)
        if hit is None:
            if _DIGIT_IN_WORD.match(w):
                hit = True
            elif not w.isalpha() or is_abbreviation(token):
                hit = False
            else:
                hit = repairer.choose(w, None, None) is not None
            verdicts[w] = hit
        damaged += hit * n
    return damaged / total
