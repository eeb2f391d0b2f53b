"""Repair candidates for one word: lexicon words the OCR could have turned into it.

Costs are in the same unit as zipf frequencies (log10), so a candidate's score is its
frequency minus the cost of the damage that would explain the observed spelling.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

from beslutskoll.repair.lexicon import DIACRITICS, SWEDISH_DIACRITICS, Lexicon, strip

Options = tuple[tuple[str, float], ...]

# OCR confusions: observed text -> (intended text, cost). Diacritics that were merely
# dropped (å read as a) are not listed: the lexicon's diacritic-free index finds them.
CONFUSIONS: dict[str, Options] = {
    "é": (("ö", 0.3), ("ä", 0.3), ("å", 0.4), ("e", 0.8)),
    "è": (("ö", 0.5), ("ä", 0.5), ("e", 0.8)),
    # é beside a d or i is one letter read as two: "nédra" for "nära"
    "éd": (("ä", 0.6), ("å", 0.6), ("ö", 0.7)),
    "éi": (("ä", 0.6),),
    "ié": (("ä", 0.6),),
    "6": (("ö", 0.3), ("å", 1.5), ("b", 1.5)),
    "0": (("o", 0.5), ("ö", 0.8)),
    "1": (("i", 0.5), ("l", 0.5)),
    "5": (("s", 0.8),),
    "ii": (("ü", 0.6), ("ä", 0.9), ("u", 1.0), ("ll", 1.5)),
    "rn": (("m", 1.0),),
    "u": (("ll", 1.8),),  # a capital U for ll, lowercased
    "ai": (("ä", 1.2),),
    "ti": (("ö", 1.5),),
    "d": (("å", 1.3), ("ä", 1.4), ("ö", 1.4)),
    "i": (("ä", 1.6), ("l", 1.8), ("f", 2.0), ("r", 2.2), ("t", 2.2), ("å", 2.2)),
    "l": (("i", 1.6), ("t", 2.2)),
    "c": (("e", 1.4),),
    "e": (("é", 1.5), ("c", 2.0)),
    "ä": (("e", 1.8),),
    "b": (("h", 2.0),),
    "m": (("rn", 1.8),),
    "n": (("u", 2.0),),
    "f": (("t", 2.2),),
    "t": (("f", 2.2),),
    "o": (("ö", 2.0),),
    "a": (("ä", 2.0),),
    "h": (("li", 2.2),),
}


# Swedish never writes a letter three times: "boställlsordning"
for _letter in "abcdefghijklmnopqrstuvwxyzåäö":
    CONFUSIONS[_letter * 3] = ((_letter * 2, 0.5),)


def edit_kind(pattern: str, repl: str) -> str:
    """The kind of a confusion, as counted when learning a document's damage."""
    return pattern + (">å" if all(c in DIACRITICS for c in repl) else ">" + repl)


@dataclass
class Channel:
    """How a document's OCR damaged it: the costs of each kind of damage."""

    strip_cost: float = 2.5  # å read as a
    drop_cost: float = 2.5  # å not read at all
    discount: dict[str, float] = field(default_factory=dict)  # learned per edit kind


@dataclass(frozen=True, slots=True)
class Candidate:
    word: str  # lowercase lexicon word
    cost: float  # channel cost of the damage that would explain the observed word
    zipf: float  # frequency of the candidate
    edits: tuple[str, ...] = ()  # kinds of confusion used
    first_l: bool = False  # first letter restored from l: a name's capital I


def _substitutions(word: str, channel: Channel) -> list[tuple[int, int, str, float, str]]:
    """Every place where a confusion applies: (start, end, replacement, cost, kind)."""
    out: list[tuple[int, int, str, float, str]] = []
    for pattern, options in CONFUSIONS.items():
        start = word.find(pattern)
        while start >= 0:
            for repl, cost in options:
                kind = edit_kind(pattern, repl)
                cost = max(cost - channel.discount.get(kind, 0.0), 0.1)
                out.append((start, start + len(pattern), repl, cost, kind))
            start = word.find(pattern, start + 1)
    return out


def _apply(word: str, subs: tuple[tuple[int, int, str, float, str], ...]) -> tuple[str, float] | None:
    pieces: list[str] = []
    pos = 0
    cost = 0.0
    for start, end, repl, c, _kind in sorted(subs):
        if start < pos:
            return None  # overlapping substitutions
        pieces.append(word[pos:start])
        pieces.append(repl)
        pos = end
        cost += c
    pieces.append(word[pos:])
    return "".join(pieces), cost


def diacritic_cost(observed: str, candidate: str, strip_cost: float) -> float | None:
    """Cost of reading ``candidate`` as ``observed`` when they differ only in diacritics."""
    restored = swapped = 0
    for o, c in zip(observed, candidate, strict=True):
        if o == c:
            continue
        if c in SWEDISH_DIACRITICS and o == strip(c):
            restored += 1
        elif o in DIACRITICS and c in DIACRITICS:
            swapped += 1
        else:
            return None
    cost = 0.0
    if restored:
        # damage within one word is correlated: later losses cost less than the first
        cost += strip_cost + 0.25 * (restored - 1)
    return cost + 0.8 * swapped


def generate(
    word: str,
    lex: Lexicon,
    channel: Channel,
    extra: dict[str, float] | None = None,
    pairs: bool = True,
    drop: bool = True,
) -> list[Candidate]:
    """Candidates for the lowercase ``word``, including itself when it is a known word."""
    found: dict[str, Candidate] = {}
    extra = extra or {}
    extra_keys: dict[str, list[str]] = {}
    for w in extra:
        extra_keys.setdefault(strip(w), []).append(w)

    def consider(variant: str, cost: float, edits: tuple[str, ...], first_l: bool) -> None:
        key = strip(variant)
        for cand in itertools.chain(lex.with_key(key), extra_keys.get(key, ())):
            d = diacritic_cost(variant, cand, channel.strip_cost)
            if d is None:
                continue
            total = cost + d
            old = found.get(cand)
            if old is None or total < old.cost:
                z = max(lex.frequency(cand), extra.get(cand, 0.0))
                found[cand] = Candidate(cand, total, z, edits, first_l and cand.startswith("i"))

    consider(word, 0.0, (), False)
    subs = _substitutions(word, channel)
    for n in (1, 2) if pairs else (1,):
        if n == 2 and len(subs) > 40:
            # too many combinations: pairs only among the likelier confusions
            subs = [s for s in subs if s[3] <= 1.4]
        for combo in itertools.combinations(subs, n):
            applied = _apply(word, combo)
            if applied is None:
                continue
            variant, cost = applied
            first_l = any(s[0] == 0 and word[0] == "l" for s in combo)
            consider(variant, cost, tuple(s[4] for s in combo), first_l)
    drop_cost = max(channel.drop_cost - channel.discount.get("drop", 0.0), 0.3)
    if drop and len(word) >= 2:
        # a diacritic letter dropped altogether: "betnkande" for "betänkande"
        for i in range(len(word) + 1):
            for letter in "ao":
                variant = word[:i] + letter + word[i:]
                for cand in lex.with_key(strip(variant)):
                    if cand[i] in SWEDISH_DIACRITICS and cand not in found:
                        d = diacritic_cost(variant, cand, 0.0)
                        if d is not None:
                            found[cand] = Candidate(cand, drop_cost + d, lex.frequency(cand), ("drop",))
    return list(found.values())
