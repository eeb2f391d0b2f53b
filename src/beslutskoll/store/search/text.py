"""Words → index terms: folded (diacritic-free) and stemmed, the same way for documents and queries.

A term is `stem(fold(word))`: folding first means "vard", "vård" and "Vård" give one term,
and the Swedish Snowball stemmer then joins inflections ("avtal", "avtalet", "avtalen").
OCR often reads ö, ä or å as é ("Métet" for "Mötet"): such words also get variant terms
with é read as o and a, so that "mötet" finds them (é itself folds to e, as in "idé").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache

import Stemmer

# letters and digits; underscore separates, as in SQLite's unicode61 tokenizer
WORD = re.compile(r"[^\W_]+")

_SPECIAL = {"ø": "o", "æ": "ae", "ß": "ss", "œ": "oe", "ð": "d", "þ": "th", "ł": "l", "ı": "i"}
# letters that OCR puts where a Swedish å, ä or ö was printed
OCR_SUSPECTS = "éèÉÈ"

# small words that say nothing on their own; left out of unquoted queries (kept in phrases)
STOPWORDS = frozenset(
    ["och", "att", "i", "pa", "av", "for", "till", "med", "om", "som", "en", "ett", "det", "den", "de", "ar", "har", "inte", "vid", "fran", "samt", "eller", "men", "sig", "sin", "sitt", "sina", "kan", "ska", "skall", "under", "efter", "nar", "var", "vara", "blir", "bli", "ut", "in", "upp"]
)

_stemmer = Stemmer.Stemmer("swedish")


@lru_cache(maxsize=8192)
def _fold_char(c: str) -> str:
    if c in _SPECIAL:
        return _SPECIAL[c]
    return unicodedata.normalize("NFD", c)[0]


# the Latin letters with diacritics, folded once: str.translate does whole texts at C speed
_TABLE = {code: _fold_char(chr(code)) for code in range(0xC0, 0x250) if _fold_char(chr(code)) != chr(code)}


_NON_ASCII = re.compile(r"[^\x00-\x7f]")


@lru_cache(maxsize=8192)
def _fold_one(c: str) -> str:
    """One lower-case character folded: through the table, then what is still not ASCII."""
    folded = c.translate(_TABLE)
    return "".join(x if x.isascii() else _fold_char(x) for x in folded)


def fold(text: str) -> str:
    """Lower case without diacritics: "Vård och Omsorg" → "vard och omsorg"."""
    lower = text.casefold()
    if lower.isascii():
        return lower
    # only the few letters outside ASCII are looked up (str.translate would look up every one)
    return _NON_ASCII.sub(lambda m: _fold_one(m.group()), lower)


fold_word = lru_cache(maxsize=65536)(fold)


@lru_cache(maxsize=65536)
def term(word: str) -> str:
    """The index term of one word (a WORD match)."""
    return _stemmer.stemWord(fold(word))


def words(text: str) -> Iterator[re.Match[str]]:
    return WORD.finditer(text)


def terms(text: str) -> list[str]:
    return [term(m.group()) for m in WORD.finditer(text)]


@lru_cache(maxsize=8192)
def ocr_variants(word: str) -> tuple[str, ...]:
    """Extra terms for a word with a letter OCR may have put for å, ä or ö ("métet" → "mot")."""
    lower = word.casefold()
    if not any(c in lower for c in OCR_SUSPECTS):
        return ()
    found = []
    for letter in "oa":
        variant = term("".join(letter if c in OCR_SUSPECTS else c for c in lower))
        if variant != term(word):
            found.append(variant)
    return tuple(found)


def variant_terms(texts: list[str]) -> list[str]:
    return [v for text in texts for m in WORD.finditer(text) for v in ocr_variants(m.group())]


def name_words(name: str) -> list[str]:
    """Folded words of a person's name, unstemmed: names are matched as written."""
    return [fold(m.group()) for m in WORD.finditer(name)]


def token(value: str) -> str:
    """A facet value as one index token (letters and digits only): "MP" → "mp"."""
    return "".join(m.group() for m in WORD.finditer(fold(value)))
