"""What a document tells about itself: its vocabulary and how its OCR damaged it."""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field

from beslutskoll.repair.candidates import Channel
from beslutskoll.repair.lexicon import DIACRITICS, DOCUMENT_ZIPF, SWEDISH_DIACRITICS, Lexicon
from beslutskoll.repair.tokens import TOKEN

# spellings that OCR makes and Swedish does not
_SUSPECT = re.compile(r"é|ii|(.)\1\1")
# bounds of the estimated probability that OCR dropped a diacritic (å read as a)
_MIN_RATE = 3e-3
_MAX_RATE = 0.7


@dataclass
class Profile:
    words: Counter[str]  # lowercase alphabetic tokens
    extra: dict[str, float] = field(default_factory=dict)  # document words missing from the lexicon
    channel: Channel = field(default_factory=Channel)


def _cost(hits: int, good: int) -> float:
    rate = (hits + 0.1) / (hits + good + 1.0)
    return -math.log10(min(max(rate, _MIN_RATE), _MAX_RATE))


def profile(text: str, lex: Lexicon) -> Profile:
    tokens = [t for t in TOKEN.findall(text) if t.isalpha()]
    words = Counter(t.lower() for t in tokens)
    # spelled like a name: a capital and then small letters
    names = {t.lower() for t in tokens if t[0].isupper() and t[1:].islower()}
    accented_ok = stripped = dropped = 0
    extra: dict[str, float] = {}
    for w, n in words.items():
        if any(c in SWEDISH_DIACRITICS for c in w) or (w.isalpha() and any(c in DIACRITICS for c in w)):
            if w in lex or lex.compound(w):
                accented_ok += n
            elif len(w) >= 4 and (w in names or n >= 3) and not _SUSPECT.search(w):
                # a name or term spelled with å, ä, ö: trust it as the document's own word
                extra[w] = DOCUMENT_ZIPF
            continue
        if len(w) < 2:
            continue
        z = lex.frequency(w)
        best = max((lex.frequency(c) for c in lex.accented.get(w, ())), default=0.0)
        if best >= 3.0 and best >= z + 1.0:
            stripped += n
        elif z == 0.0 and len(w) >= 4 and not lex.compound(w):
            for i in range(1, len(w)):
                if any(
                    lex.frequency(c) >= 3.0 for k in "ao" for c in lex.accented.get(w[:i] + k + w[i:], ())
                ):
                    dropped += n
                    break
    return Profile(
        words=words,
        extra=extra,
        channel=Channel(
            strip_cost=_cost(stripped, accented_ok),
            drop_cost=max(_cost(dropped, accented_ok + stripped), 0.8),
        ),
    )
