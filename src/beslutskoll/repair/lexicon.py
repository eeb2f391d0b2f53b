"""The Swedish lexicon: word frequencies from wordfreq, indexed by diacritic-free spelling."""

from __future__ import annotations

import functools
import importlib.util
import math
import re
from dataclasses import dataclass, field
from pathlib import Path

from beslutskoll.cache import cached

# letters that OCR often loses or confuses; the key of a word drops them to the base letter
STRIP_TABLE = str.maketrans("åäöüéèáàâêô", "aaoueeaaaeo")
DIACRITICS = frozenset("åäöüéèáàâêô")
SWEDISH_DIACRITICS = frozenset("åäö")

# zipf value given to words that are only known from the document itself
DOCUMENT_ZIPF = 3.0


# Swedish inflection and derivation endings: a known word with one of them is a word too
_ENDINGS = tuple(
    " ".join(
        [
            "s d t a e n r as es ns ts ds na en et er ar or ad at de te nde ande ende are ast aste",
            "ens ets nas ers ars ors arna erna orna arnas ernas ornas ades ats ade ning ningar",
            "ningen ningens ningarna ningarnas lig liga ligt het heten hets else elsen elser",
        ]
    ).split()
)
MIN_STEM_ZIPF = 2.5
INFLECTION_COST = 0.8


def strip(word: str) -> str:
    """The word with diacritics dropped: the key under which the lexicon indexes it."""
    return word.translate(STRIP_TABLE)


@dataclass(eq=False)
class Lexicon:
    """Lowercase Swedish words with zipf frequencies (log10 per billion words)."""

    zipf: dict[str, float]
    # diacritic-free key -> lexicon words with diacritics that have that key
    accented: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def __contains__(self, word: str) -> bool:
        return word in self.zipf

    def frequency(self, word: str) -> float:
        return self.zipf.get(word, 0.0)

    def with_key(self, key: str) -> list[str]:
        """All lexicon words whose diacritic-free spelling is ``key``."""
        words = list(self.accented.get(key, ()))
        if key in self.zipf:
            words.append(key)
        return words

    @functools.lru_cache(maxsize=65536)  # noqa: B019 - one lexicon lives for the whole process
    def inflected(self, word: str) -> float:
        """Pseudo-zipf of ``word`` as a known word with a Swedish ending (0 if it is none)."""
        if any(self.zipf[w] >= MIN_STEM_ZIPF for w in self.accented.get(word, ())):
            return 0.0  # "lanets" is "länets" without its dots
        best = 0.0
        for ending in _ENDINGS:
            if len(word) - len(ending) >= 3 and word.endswith(ending):
                stem = word[: -len(ending)]
                z = self.zipf.get(stem, 0.0)
                # "lan" is "län" without its dots, no stem of "lanets"
                dotted = max((self.zipf[w] for w in self.accented.get(stem, ())), default=0.0)
                if z >= MIN_STEM_ZIPF and dotted < z + 1.0:
                    best = max(best, min(z, 4.5) - INFLECTION_COST)
        return best

    @functools.lru_cache(maxsize=65536)  # noqa: B019 - one lexicon lives for the whole process
    def compound(self, word: str) -> float:
        """Pseudo-zipf of ``word`` as a compound of two or three known words (0 if it is none)."""
        return _compound(self, word, 2)


def _compound(lex: Lexicon, word: str, depth: int) -> float:
    best = 0.0
    n = len(word)
    for i in range(3, n - 2):
        head, tail = word[:i], word[i:]
        tail_z = lex.zipf.get(tail, 0.0)
        if tail_z < 2.5 and depth > 1 and len(tail) >= 6:
            tail_z = _compound(lex, tail, depth - 1)
        if tail_z < 2.5:
            continue
        head_z = lex.zipf.get(head, 0.0)
        if head.endswith("s") and len(head) > 4:
            # a linking s: "verksamhets|plan"
            head_z = max(head_z, lex.zipf.get(head[:-1], 0.0))
        if head_z < 3.0:
            continue
        best = max(best, min(head_z, tail_z, 4.5) - 1.0)
    return best


@functools.lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The Swedish lexicon, loaded once per process (built from wordfreq's data, then cached on disk)."""
    zipf, accented = cached("lexicon-sv", _wordfreq_sources(), Path(__file__), _build_lexicon)
    return Lexicon(zipf=zipf, accented=accented)


def _wordfreq_sources() -> list[Path]:
    # found without importing wordfreq, whose import alone takes a quarter of a second
    spec = importlib.util.find_spec("wordfreq")
    if spec is None or spec.origin is None:
        raise ModuleNotFoundError("wordfreq")
    package = Path(spec.origin).parent
    return [package / "__init__.py", *sorted((package / "data").glob("*_sv.*"))]


def _build_lexicon() -> tuple[dict[str, float], dict[str, tuple[str, ...]]]:
    from wordfreq import get_frequency_dict

    log10 = math.log10
    zipf = {word: round(log10(freq) + 9.0, 2) for word, freq in get_frequency_dict("sv").items() if word.isalpha()}
    accented: dict[str, list[str]] = {}
    for word in zipf:
        if not word.isascii():  # only words with a non-ASCII letter can lose a diacritic
            key = strip(word)
            if key != word:
                accented.setdefault(key, []).append(word)
    return zipf, {k: tuple(v) for k, v in accented.items()}


# words whose wordfreq tokenisation is the word itself: their zipf is the lexicon's
_PLAIN_WORD = re.compile(r"[a-zà-öø-þ]+")


@functools.lru_cache(maxsize=65536)
def zipf_frequency(word: str) -> float:
    """wordfreq's ``zipf_frequency(word, "sv")`` for a lowercase word, from the cached lexicon.

    Identical for plain lowercase letters (checked on the whole lexicon); anything else
    asks wordfreq itself, imported only then.
    """
    if _PLAIN_WORD.fullmatch(word):
        return load_lexicon().zipf.get(word, 0.0)
    from wordfreq import zipf_frequency as wordfreq_zipf

    return wordfreq_zipf(word, "sv")
