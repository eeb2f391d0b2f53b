"""Recognising people's names in running text.

First names come from the name dictionary that ships with the PyPI package
gender-guesser (about 45 000 European first names, the Nordic ones included),
so nothing is downloaded at run time.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from beslutskoll.cache import cached

UPPER = "A-ZÅÄÖÉÜØÆ"
LOWER = "a-zåäöéüøæáàèíóúçñ"
# a capitalised name part, possibly hyphenated ("Hjemgaard-Svensson", "Per-Ola")
NAME_PART = rf"[{UPPER}][{LOWER}]+(?:-[{UPPER}][{LOWER}]+)*"
# first name(s) then one to three surname parts; "O" as in "Roger O Nilsson" is allowed in the middle
FULL_NAME = re.compile(rf"\b{NAME_PART}(?:\s+(?:[{UPPER}]\.?\s+)?{NAME_PART}){{1,3}}\b")

# capitalised words that open sentences or headings and are never first names
_NOT_NAMES = {
    "Beslut", "Förslag", "Ordförande", "Ordföranden", "Sekreterare", "Justerare", "Information",
    "Mötet", "Region", "Regionen", "Kommun", "Kommunen", "Nämnden", "Det", "Den", "Där", "Detta",
    "Vid", "Under", "Efter", "Inför", "Enligt", "Även", "Alla", "Flera", "Samtliga", "Som",
    "Han", "Hon", "Vi", "De", "Man", "Ni", "Jag", "Du", "Hen", "Kronoberg", "Dalarna", "Gotland",
}


@lru_cache(maxsize=1)
def first_names() -> frozenset[str]:
    """The first names, parsed from the dictionary once and then kept in the disk cache."""
    source = resources.files("gender_guesser").joinpath("data/nam_dict.txt")
    return cached("first-names", [Path(str(source))], Path(__file__), lambda: _read_first_names(source))


def _read_first_names(source: Traversable) -> frozenset[str]:
    text = source.read_text(encoding="iso-8859-1")
    names: set[str] = set()
    for line in text.splitlines():
        if line.startswith("#") or len(line) < 4 or line[0] == "=":
            continue
        name = line[3:29].strip()
        if name and " " not in name and "+" not in name:
            names.update(part for part in name.split("-") if part)
    return frozenset(names - _NOT_NAMES)


def is_first_name(word: str) -> bool:
    return word.split("-")[0] in first_names()


def person_names(text: str) -> list[str]:
    """Full names ("Förnamn Efternamn") in text whose first part is a known first name."""
    found: list[str] = []
    for m in FULL_NAME.finditer(text):
        words = m.group(0).split()
        # the match may start one word early ("Ordföranden Karin Näsmark"): slide to the first name
        while words and not is_first_name(words[0]):
            words = words[1:]
        if len(words) >= 2 and words[-1] not in _NOT_NAMES:
            found.append(" ".join(words))
    return found
