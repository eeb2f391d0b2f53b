"""Repair candidates for one word: lexicon words the OCR could have turned into it.

Costs are in the same unit as zipf frequencies (log10), so a candidate's score is its
frequency minus the cost of the damage that would explain the observed spelling.
"""

from __future__ import annotations

import contextlib
import itertools
from collections.abc import Iterator
from dataclasses import dataclass, field

from beslutskoll.repair.lexicon import DIACRITICS, STRIP_TABLE, SWEDISH_DIACRITICS, Lexicon, strip

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
    # and beside the base letter of the one it stands for: "Moétet", "Néara"
    "oé": (("ö", 0.6),),
    "éa": (("ä", 0.6), ("å", 0.7)),
    "6": (("ö", 0.3), ("å", 1.5), ("b", 1.5)),
    "0": (("o", 0.5), ("ö", 0.8)),
    "1": (("i", 0.5), ("l", 0.5)),
    "5": (("s", 0.8),),
    "ii": (("ü", 0.6), ("ä", 0.9), ("u", 1.0), ("ll", 1.5)),
    "rn": (("m", 1.0),),
    "nn": (("rm", 1.4), ("m", 1.8)),
    "in": (("m", 1.6),),
    "to": (("fö", 1.6),),
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


# two confusions in one word: at most this costly, among this many likeliest confusions
MAX_PAIR_COST = 2.8
MAX_PAIR_SUBS = 24
# a letter lost or added anywhere in a long unknown word
LETTER_EDIT_COST = 2.0
MIN_LETTER_EDIT_LEN = 8
ALPHABET = "abcdefghijklmnoprstuvy"  # å, ä and ö are found through a and o
# a document that drops å, ä, ö this cheaply may have dropped two in one word
DOUBLE_DROP_COST = 0.9


def edit_kind(pattern: str, repl: str) -> str:
    """The kind of a confusion, as counted when learning a document's damage."""
    return pattern + (">å" if all(c in DIACRITICS for c in repl) else ">" + repl)


@dataclass
class Channel:
    """How a document's OCR damaged it: the costs of each kind of damage."""

    strip_cost: float = 2.5  # å read as a
    drop_cost: float = 2.5  # å not read at all
    discount: dict[str, float] = field(default_factory=dict)  # learned per edit kind
    _table: list[tuple[str, list[tuple[str, float, str]]]] | None = None
    _costs: tuple[object, ...] | None = None

    def learned(self, discount: dict[str, float]) -> None:
        self.discount = discount
        self._table = None
        self._costs = None

    def table(self) -> list[tuple[str, list[tuple[str, float, str]]]]:
        """The confusions with this document's costs: (pattern, [(replacement, cost, kind)])."""
        if self._table is None:
            self._table = []
            for pattern, options in CONFUSIONS.items():
                costed = []
                for repl, cost in options:
                    kind = edit_kind(pattern, repl)
                    costed.append((repl, max(cost - self.discount.get(kind, 0.0), 0.1), kind))
                self._table.append((pattern, costed))
        return self._table


@dataclass(frozen=True, slots=True)
class Candidate:
    word: str  # lowercase lexicon word
    cost: float  # channel cost of the damage that would explain the observed word
    zipf: float  # frequency of the candidate
    edits: tuple[str, ...] = ()  # kinds of confusion used
    first_l: bool = False  # first letter restored from l: a name's capital I


def index_extra(extra: dict[str, float]) -> dict[str, list[str]]:
    """Words by diacritic-free key."""
    keys: dict[str, list[str]] = {}
    for w in extra:
        keys.setdefault(strip(w), []).append(w)
    return keys


Sub = tuple[int, int, str, float, str]  # start, end, replacement, cost, kind


def _substitutions(
    word: str, table: list[tuple[str, list[tuple[str, float, str]]]], max_cost: float
) -> list[Sub]:
    """Every place where a confusion applies."""
    out: list[Sub] = []
    for pattern, options in table:
        start = word.find(pattern)
        while start >= 0:
            end = start + len(pattern)
            for repl, cost, kind in options:
                if cost <= max_cost:
                    out.append((start, end, repl, cost, kind))
            start = word.find(pattern, start + 1)
    return out


def _pair(word: str, a: Sub, b: Sub) -> str | None:
    if a[0] > b[0]:
        a, b = b, a
    if b[0] < a[1]:
        return None  # overlapping substitutions
    return word[: a[0]] + a[2] + word[a[1] : b[0]] + b[2] + word[b[1] :]


def _with_dropped(word: str, most: int) -> list[tuple[str, tuple[int, ...]]]:
    """``word`` with one (or two) of a, o put back: (variant, positions put back)."""
    out = [(word[:i] + k + word[i:], (i,)) for i in range(len(word) + 1) for k in "ao"]
    if most > 1 and len(word) >= 3:
        for one, (i,) in list(out):
            out += [(one[:j] + k + one[j:], (i, j)) for j in range(i + 2, len(one) + 1) for k in "ao"]
    return out


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
    # å read as ä is as unlikely as a lost dot where the document loses no dots
    return cost + max(0.8, strip_cost) * swapped


# open recordings (see ``recording``): each gathers the keys and candidates of every call
_COLLECT: list[tuple[set[str], set[str]]] = []


@contextlib.contextmanager
def recording() -> Iterator[tuple[set[str], set[str]]]:
    """Gather the keys and candidates that every generate() call inside looks up.

    What generate() returns depends on a document's own words (``extra``) only through
    these: correct.Repairer shares options() results across documents on that ground.
    """
    sets: tuple[set[str], set[str]] = (set(), set())
    _COLLECT.append(sets)
    try:
        yield sets
    finally:
        _COLLECT.pop()


def channel_costs(channel: Channel) -> tuple[object, ...]:
    """What of a channel decides the candidates: part of a shared entry's key."""
    if channel._costs is None:  # asked for every word looked up: computed once per channel
        discount = channel.discount
        channel._costs = (channel.strip_cost, channel.drop_cost, tuple(sorted(discount.items())) if discount else ())
    return channel._costs


def generate(
    word: str,
    lex: Lexicon,
    channel: Channel,
    extra: dict[str, float] | None = None,
    pairs: bool = True,
    drop: bool = True,
    max_cost: float = 99.0,
    enough: float = 99.0,
    extra_keys: dict[str, list[str]] | None = None,
    letters: bool = False,
) -> list[Candidate]:
    """Candidates for the lowercase ``word``, including itself when it is a known word.

    Damage that costs more than ``max_cost`` is not tried, nor two confusions in one word
    when one already gives a candidate that scores ``enough``.
    """
    extra = extra or {}
    if extra_keys is None:
        extra_keys = index_extra(extra)
    if not _COLLECT:
        return _generate(word, lex, channel, extra, pairs, drop, max_cost, enough, extra_keys, letters, None, None)
    keys: set[str] = set()
    cands: set[str] = set()
    found = _generate(word, lex, channel, extra, pairs, drop, max_cost, enough, extra_keys, letters, keys, cands)
    for keys_all, cands_all in _COLLECT:
        keys_all |= keys
        cands_all |= cands
    return found


def _generate(
    word: str,
    lex: Lexicon,
    channel: Channel,
    extra: dict[str, float],
    pairs: bool,
    drop: bool,
    max_cost: float,
    enough: float,
    extra_keys: dict[str, list[str]],
    letters: bool,
    keys_seen: set[str] | None,
    cands_seen: set[str] | None,
) -> list[Candidate]:
    """generate() itself; ``keys_seen`` and ``cands_seen`` (when given) gather the diacritic-free
    keys and the candidate words it looked up, the only places where ``extra`` can matter."""
    found: dict[str, Candidate] = {}

    accented = lex.accented
    plain = lex.zipf

    def consider(variant: str, cost: float, edits: tuple[str, ...], first_l: bool) -> None:
        key = variant.translate(STRIP_TABLE)
        if keys_seen is not None:
            keys_seen.add(key)
        acc = accented.get(key, ())
        if key in plain:
            acc = (*acc, key)
        if extra_keys:
            acc = (*acc, *extra_keys.get(key, ()))
        for cand in acc:
            d = diacritic_cost(variant, cand, channel.strip_cost)
            if d is None:
                continue
            total = cost + d
            old = found.get(cand)
            if old is None or total < old.cost:
                if cands_seen is not None:
                    cands_seen.add(cand)
                z = max(lex.frequency(cand), extra.get(cand, 0.0))
                found[cand] = Candidate(cand, total, z, edits, first_l and cand.startswith("i"))

    consider(word, 0.0, (), False)
    subs = _substitutions(word, channel.table(), max_cost)
    for a in subs:
        consider(word[: a[0]] + a[2] + word[a[1] :], a[3], (a[4],), a[0] == 0 and word[0] == "l")
    if (
        pairs
        and len(subs) > 1
        and not any(c.zipf - c.cost >= enough for c in found.values() if c.word != word)
    ):
        limit = min(max_cost, MAX_PAIR_COST)
        subs = sorted((x for x in subs if x[3] <= limit - 0.1), key=lambda x: x[3])[:MAX_PAIR_SUBS]
        for a, b in itertools.combinations(subs, 2):
            cost = a[3] + b[3]
            if cost > limit:
                continue
            variant = _pair(word, a, b)
            if variant is not None:
                first_l = word[0] == "l" and (a[0] == 0 or b[0] == 0)
                consider(variant, cost, (a[4], b[4]), first_l)
    if (
        letters
        and len(word) >= MIN_LETTER_EDIT_LEN
        and word.isalpha()
        and not any(c.zipf - c.cost >= enough for c in found.values() if c.word != word)
    ):
        # a letter lost or added: "disribution", "skysddshem"
        base = word.translate(STRIP_TABLE)
        added = max(LETTER_EDIT_COST - channel.discount.get("added", 0.0), 0.5)
        for i in range(len(word)):
            key = base[:i] + base[i + 1 :]
            if key in plain or key in accented:
                consider(word[:i] + word[i + 1 :], added, ("added",), False)
        lost = max(LETTER_EDIT_COST - channel.discount.get("lost", 0.0), 0.5)
        for i in range(1, len(word)):
            head, tail = base[:i], base[i:]
            for k in ALPHABET:
                if head + k + tail in plain or head + k + tail in accented:
                    consider(word[:i] + k + word[i:], lost, ("lost",), False)
    drop_cost = max(channel.drop_cost - channel.discount.get("drop", 0.0), 0.3)
    if drop and len(word) >= 1 and drop_cost <= max_cost:
        # diacritic letters dropped altogether: "betnkande" for "betänkande"
        for variant, where in _with_dropped(word, 2 if drop_cost <= DOUBLE_DROP_COST else 1):
            for cand in lex.with_key(strip(variant)):
                if cand not in found and all(cand[i] in SWEDISH_DIACRITICS for i in where):
                    d = diacritic_cost(variant, cand, 0.0)
                    if d is not None:
                        cost = drop_cost * (1.0 + 0.5 * (len(where) - 1)) + d
                        found[cand] = Candidate(cand, cost, lex.frequency(cand), ("drop",))
    return list(found.values())
