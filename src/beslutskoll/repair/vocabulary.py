"""A document's own vocabulary: the names in its attendee lists and its recurring proper nouns.

Repair trusts these spellings, so that a rare name ("Liisa") is not read as a damaged common
word ("läsa"). A badly OCR'd document damages its names as well, the same way each time, so
neither a list nor repetition alone vouches for a spelling: a word that repair would change
is only trusted when it stands in a list of people and the lexicon knows it as a word.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterable

from beslutskoll.repair.lexicon import Lexicon, strip

# headings of the lists of people present
_LIST_HEADING = re.compile(
    r"^\s*(?:beslutande|närvarande|ledamöter|ersättare|tjänstgörande ersättare|övriga närvarande|"
    r"övriga deltagande|övriga|deltagare|närvarande ledamöter|närvarande ersättare|icke tjänstgörande "
    r"ersättare|frånvarande|justerare|sekreterare|ordförande)\b.{0,40}$",
    re.IGNORECASE,
)
# a role with a name after it: "Ordförande: Ingela Markström", "Justerare Per-Olof Hedqvist"
_ROLE_LINE = re.compile(
    r"^\s*(?:ordförande|vice ordförande|sekreterare|justerare|justerande|närvarande|beslutande|"
    r"ledamöter|ersättare|protokollförare|mötesledare)\s*[:\-–]?\s+(?P<names>.+)$",
    re.IGNORECASE,
)
# an entry of a list of people: names first, then a party, a role or nothing
_ENTRY = re.compile(r"^\s*[•\-–*]?\s*(?P<names>[A-ZÅÄÖÜ][\w\-]*(?:\s+[A-ZÅÄÖÜ][\w\-]*){0,3})(?:\s*[(,]|\s*$)")
# lines after a list heading that are still read as its entries
LIST_WINDOW = 40
# a capitalised word this often in running text is a name or a term of the document
MIN_REPEATS = 3
# how common (zipf) a listed name that repair would change must be to be trusted anyway
MIN_LISTED_ZIPF = 2.0
_WORD = re.compile(r"[^\W\d_]+")


def document_vocabulary(text: str) -> set[str]:
    """Names from the document's lists of people and capitalised words it repeats."""
    from beslutskoll.repair.correct import repairer_for

    repairer = repairer_for(text, frozenset())
    lex = repairer.lex
    listed: set[str] = set()
    lines = text.split("\n")
    window = 0
    for line in lines:
        if _LIST_HEADING.match(line):
            window = LIST_WINDOW
            continue
        role = _ROLE_LINE.match(line)
        if role:
            listed.update(_names(role.group("names")))
        if window > 0 and line.strip():
            window -= 1
            entry = _ENTRY.match(line)
            if entry:
                listed.update(_names(entry.group("names")))
    vocabulary: set[str] = set()
    for word in listed | _repeated(lines):
        if not _name_like(word, lex):
            continue
        w = word.lower()
        kept = repairer.choose(w, None, None) is None
        # repeated damage is repeated too: from repetition only a known word that repair keeps
        listed_ok = word in listed and (kept or lex.frequency(w) >= MIN_LISTED_ZIPF)
        if listed_ok or (kept and w in lex):
            vocabulary.add(word)
    return vocabulary


def _names(text: str) -> Iterable[str]:
    """The capitalised words of a run of names, up to a party or a role."""
    for part in re.split(r"[(,;]", text, maxsplit=1)[0].split():
        for word in part.split("-"):
            if word[:1].isupper():
                yield word


def _repeated(lines: list[str]) -> set[str]:
    """Capitalised words that come up in the middle of sentences several times."""
    counts: Counter[str] = Counter()
    for line in lines:
        words = list(_WORD.finditer(line))
        for prev, word in itertools.pairwise(words):
            between = line[prev.end() : word.start()]
            if "." in between or ":" in between:
                continue  # a new sentence starts with a capital anyway
            counts[word.group()] += 1
    return {word for word, n in counts.items() if n >= MIN_REPEATS and word[:1].isupper()}


def _name_like(word: str, lex: Lexicon) -> bool:
    """A name spelled as a name, and not a known word with its dots or rings lost."""
    if len(word) < 3 or not word.isalpha() or not word[1:].islower():
        return False
    w = word.lower()
    if "é" in w or "è" in w:  # é is what OCR makes of ö and ä
        return False
    # "Asa" is "Åsa", "Lofgren" "Löfgren": a lost diacritic, not a name of its own
    return not any(
        lex.frequency(other) >= max(2.0, lex.frequency(w)) for other in lex.accented.get(strip(w), ()) if other != w
    )
