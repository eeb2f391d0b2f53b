"""Swedish compounds: a word that is unknown as a whole but joins known words.

"verksamhetsberattelse" is repaired part by part: "verksamhets" + "berättelse".
"""

from __future__ import annotations

from collections.abc import Callable

from beslutskoll.repair.candidates import Candidate

# cost of reading a word as a compound rather than finding it in the lexicon
JOIN_COST = 1.0
MIN_HEAD_ZIPF = 3.0
MIN_TAIL_ZIPF = 3.0
MAX_PART_ZIPF = 4.5
# a short part is easily mistaken: "barn|åhus" is no repair of "barnahus"
SHORT_PART = 4
SHORT_PART_COST = 0.8
# parts tried for each side of a split
_KEEP = 3

PartOptions = Callable[[str], list[Candidate]]


def _cost(c: Candidate) -> float:
    short_and_rare = len(c.word) <= SHORT_PART and c.zipf < 4.5
    return c.cost + SHORT_PART_COST if c.cost and short_and_rare else c.cost


def _best(cands: list[Candidate], floor: float) -> list[Candidate]:
    good = [c for c in cands if c.zipf >= floor]
    good.sort(key=lambda c: c.cost - c.zipf)
    return good[:_KEEP]


def _heads(part: str, options: PartOptions) -> list[tuple[str, float, float, tuple[str, ...]]]:
    """(spelling, cost, zipf) for a compound's first part, with or without a linking s."""
    floor = MIN_HEAD_ZIPF if len(part) < 6 else MIN_HEAD_ZIPF - 0.5
    out = [(c.word, _cost(c), c.zipf, c.edits) for c in _best(options(part), floor)]
    if part.endswith("s") and len(part) >= 5:
        out += [(c.word + "s", _cost(c), c.zipf, c.edits) for c in _best(options(part[:-1]), floor)]
    return out


def compounds(word: str, options: PartOptions, depth: int = 2) -> list[Candidate]:
    """Readings of ``word`` as head + tail, each part repaired by ``options``."""
    found: dict[str, Candidate] = {}
    n = len(word)
    for i in range(3, n - 2):
        heads = _heads(word[:i], options)
        if not heads:
            continue
        tail = word[i:]
        tails = _best(options(tail), MIN_TAIL_ZIPF)
        if depth > 1 and n - i >= 6:
            tails += compounds(tail, options, depth - 1)
        for h_word, h_cost, h_zipf, h_edits in heads:
            for t in tails:
                z = min(h_zipf, t.zipf, MAX_PART_ZIPF) - JOIN_COST
                cost = h_cost + _cost(t)
                cand = h_word + t.word
                old = found.get(cand)
                if old is None or z - cost > old.zipf - old.cost:
                    found[cand] = Candidate(cand, cost, z, h_edits + t.edits)
    best = sorted(found.values(), key=lambda c: c.cost - c.zipf)
    return best[:_KEEP]
