"""Where a title ends when layout lost the line break after it.

Flattened pages run a heading straight into its text ("Allmänhetens
frågestund Inga frågor ställs.") and tables of contents run titles into each
other. A new title or sentence starts at a capitalised common word that
follows a lower-case word; a capitalised word after a preposition ("i Örebro
län"), a name part or a number belongs to the running title.
"""

from __future__ import annotations

import itertools
import re
from functools import lru_cache

from beslutskoll.parse.names import LOWER, NAME_PART, UPPER, is_first_name
from beslutskoll.repair.lexicon import zipf_frequency  # wordfreq's figures, without importing wordfreq

# words after which a capitalised word still belongs to the same phrase
_JOINERS = {
    "i", "på", "av", "för", "till", "från", "med", "om", "och", "samt", "mellan", "inom", "vid", "under",
    "över", "enligt", "hos", "mot", "gällande", "angående", "ang.", "avseende", "rörande", "inför", "kring",
    "via", "utan", "efter", "före", "genom", "år", "eller", "the", "of", "and", "&", "–", "-", "—", ":",
    "nr", "del", "fastigheten", "re:",
}
# "Eva Ek Lund (M) utses …": a person with a party opens a sentence, whether or not the first name is known
_PERSON_WITH_PARTY = re.compile(rf"{NAME_PART}(?:\s+{NAME_PART}){{1,2}}\s+\([{UPPER}]{{1,3}}\)")
# endings of Swedish genitives ("kommuns", "regionens", "länets", "rådets"), not of passives ("godkänns")
_GENITIVE = ("ens", "ets", "uns", "ons", "ings", "ds")
_WORD = re.compile(rf"[\w{UPPER}{LOWER}][\w{UPPER}{LOWER}.:/&()'-]*|[–—&-]")
# "utan att ha …" keeps its "att" inside a title
_ATT_JOINERS = {"utan", "för", "om", "än", "så", "sätt", "möjlighet", "rätt", "beslut", "uppdrag", "förslag"}
# a property designation ("Källsviken 1:8"): a building-permit case's title opens with it
_PROPERTY = re.compile(r"\s+\d{1,4}:\d{1,4}\b")
# labels that always end a title
_LABELS = re.compile(
    r"\b(?:Sammanfattning|Ärendebeskrivning|Bakgrund|Förslag till beslut|Beslutsunderlag|Yrkanden?|"
    r"Diarienummer|Dnr\b|[A-ZÅÄÖ][a-zåäö]+s beslut\b|Beslut\b|Föredragande\b|Handlingar\b|Underlag\b|Bilag(?:a|or)\s*:)"
)


@lru_cache(maxsize=50_000)
def is_common_word(word: str) -> bool:
    """A capitalised word that is an ordinary Swedish word, not a place or a name."""
    lower = word.lower().strip(".,:;()")
    if len(lower) < 2 or not lower.isalpha():
        return False
    if is_first_name(word) and zipf_frequency(lower) < 4.0:
        return False
    # long compounds ("Företagsinkubator", "Sammanträdesplan") are rare as wholes but common words
    return zipf_frequency(lower) >= 2.5 or len(lower) >= 11


def _boundaries(text: str, loose: bool = False) -> list[int]:
    """Positions in text where a new title or sentence may start.

    loose: a capitalised common word after a joiner starts a title too ("… för Valnämndens budget"),
    for where the item numbers say more titles are there than the strict reading finds.
    """
    found: list[int] = []
    words = list(_WORD.finditer(text))
    for k, (prev, cur) in enumerate(itertools.pairwise(words)):
        w = cur.group(0)
        if w == "att" and prev.group(0).lower() not in _ATT_JOINERS and k >= 1:
            found.append(cur.start())  # "Föregående protokoll att lägga …": a bare decision clause
            continue
        if not re.match(rf"[{UPPER}]", w) or w.isupper():
            continue
        p = prev.group(0)
        p_low = p.lower()
        if p_low in _JOINERS or p_low.rstrip(",") in _JOINERS:
            if loose and p_low.isalpha() and is_common_word(w) and not is_first_name(w):
                found.append(cur.start())
            continue
        if p.endswith((".", "?", "!", ")", ":")) and not p.endswith((" ang.", "m.fl.")):
            found.append(cur.start())
            continue
        if re.search(r"\d", p) or is_first_name(p):
            continue  # "Bäcken 1:31 Förhandsbesked", "Anna Frisk"
        if p[:1].islower() and p_low.endswith(_GENITIVE):
            continue  # "kommunens Kulturstrategi": a genitive governs the word after it
        nxt = words[k + 2].group(0) if k + 2 < len(words) else ""
        if (
            is_common_word(w) or (is_first_name(w) and nxt[:1].isupper()) or _PERSON_WITH_PARTY.match(text, cur.start())
            or _PROPERTY.match(text, cur.end())
        ):
            found.append(cur.start())
    return found


def split_title(text: str, max_len: int = 140) -> tuple[str, str]:
    """(title, rest) for a heading that runs into its text."""
    text = " ".join(text.split())
    m = _LABELS.search(text)
    cut = m.start() if m and m.start() > 0 else len(text)
    for b in _boundaries(text[:cut]):
        if b >= 3:
            cut = min(cut, b)
            break
    if cut > max_len:
        cut = text.rfind(" ", 0, max_len) if text.rfind(" ", 0, max_len) > 0 else max_len
    return text[:cut].strip(" .,;-–"), text[cut:].strip()


def split_titles(text: str, expected: int | None = None) -> list[str]:
    """Titles of a table of contents that lost its line breaks.

    expected: how many titles the surviving item numbers around the text say it holds.
    """
    text = " ".join(text.split())
    titles = _cut(text, _boundaries(text))
    if expected is not None and len(titles) < expected:
        loose = _cut(text, _boundaries(text, loose=True))
        if len(loose) <= expected:
            return loose
    return titles


def _cut(text: str, boundaries: list[int]) -> list[str]:
    cuts = [0, *(b for b in boundaries if b > 0), len(text)]
    return [t for t in (text[a:b].strip(" ,;") for a, b in itertools.pairwise(cuts)) if t]
