"""Swedish counties (län), regions and municipalities (kommuner) with their SCB codes.

`data/organisations.csv` lists all 21 län, 21 regions and 290 kommuner; `load()` puts them
into Organisation after every migrate (idempotent). `match()` maps the way documents write
an authority ("Östersund kommun", "Regionen Jämtland Härjedalen", "Malmö stad") to its
Organisation; `find_in_text()` finds one named inside a longer text, such as a body's name
("Kommunstyrelsen i Strömsunds kommun").
"""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA = Path(__file__).parent / "data" / "organisations.csv"

REGION, MUNICIPALITY, COUNTY = "region", "kommun", "lan"


@dataclass(frozen=True)
class Known:
    kind: str
    scb_code: str
    county_code: str
    name: str
    aliases: tuple[str, ...]


def known() -> list[Known]:
    """The rows of the data file."""
    with DATA.open(encoding="utf-8") as fh:
        rows = csv.DictReader(line for line in fh if not line.startswith("#"))
        return [
            Known(r["kind"], r["scb_code"], r["county_code"], r["name"],
                  tuple(a for a in r["aliases"].split("|") if a))
            for r in rows
        ]


# --- matching ------------------------------------------------------------------------------

_WORDS = re.compile(r"\w+")
# words that say which kind of authority a name means; the rest of the name is its place
_KIND_WORDS = {
    "kommun": MUNICIPALITY, "kommunen": MUNICIPALITY, "kommuns": MUNICIPALITY, "kommunens": MUNICIPALITY,
    "stad": MUNICIPALITY, "staden": MUNICIPALITY, "stads": MUNICIPALITY, "stadens": MUNICIPALITY,
    "region": REGION, "regionen": REGION, "regions": REGION, "regionens": REGION,
    "landsting": REGION, "landstinget": REGION, "landstings": REGION,
    "län": COUNTY, "läns": COUNTY, "länet": COUNTY,
}


def _region_compound(word: str) -> str | None:
    """The place in a compound such as "götalandsregionen(s)", else None."""
    stem = word.removesuffix("s") if word.endswith("regionens") else word
    if stem.endswith("regionen") and len(stem) > len("regionen"):
        return stem.removesuffix("regionen")
    return None


def _words(text: str) -> list[str]:
    return _WORDS.findall(unicodedata.normalize("NFC", text).casefold().replace("_", " "))


def _place(words: list[str]) -> str:
    """The place part of a name, genitive -s dropped: "östersunds" and "östersund" agree."""
    return " ".join(w.removesuffix("s") if len(w) > 2 else w for w in words)


def split_name(name: str) -> tuple[str | None, str]:
    """(kind or None, place key) of an authority's name."""
    words = _words(name)
    kind = None
    place: list[str] = []
    for word in words:
        if word in _KIND_WORDS:
            # "Region Jönköpings län" is a region: the first kind word decides
            kind = kind or _KIND_WORDS[word]
        elif (compound := _region_compound(word)) is not None:
            kind = kind or REGION  # Västra Götalandsregionen
            place.append(compound)
        else:
            place.append(word)
    return kind, _place(place)


@cache
def _index() -> dict[tuple[str | None, str], tuple[str, str]]:
    """(kind, place key) → (kind, scb_code). Kind None: the place alone, when it names one kommun."""
    index: dict[tuple[str | None, str], tuple[str, str]] = {}
    bare: dict[str, set[tuple[str, str]]] = {}
    for org in known():
        target = (org.kind, org.scb_code)
        for spelling in (org.name, *org.aliases):
            kind, place = split_name(spelling)
            index[(kind or org.kind, place)] = target
            bare.setdefault(place, set()).add(target)
    for place, targets in bare.items():
        kommuner = {t for t in targets if t[0] == MUNICIPALITY}
        if len(kommuner) == 1:
            index[(None, place)] = next(iter(kommuner))
    return index


def lookup(name: str | None) -> tuple[str, str] | None:
    """(kind, scb_code) of a known authority written as `name`, or None."""
    if not name or not name.strip():
        return None
    kind, place = split_name(name)
    if not place:
        return None
    return _index().get((kind, place))


def find_in_text(text: str | None) -> tuple[str, str] | None:
    """(kind, scb_code) of the first known authority named inside `text`, e.g. a body's name."""
    if not text:
        return None
    words = _words(text)
    index = _index()
    for i, word in enumerate(words):
        kind = _KIND_WORDS.get(word)
        if kind is None and (compound := _region_compound(word)) is not None:
            hit = index.get((REGION, _place([*words[max(0, i - 1):i], compound])))
            hit = hit or index.get((REGION, _place([compound])))
            if hit:
                return hit
            continue
        if kind is None:
            continue
        # "Region Jämtland Härjedalen": the place follows; "Strömsunds kommun": it goes before
        spans = [words[i + 1:i + 1 + n] for n in (3, 2, 1)] if kind == REGION else []
        spans += [words[max(0, i - n):i] for n in (3, 2, 1)]
        for span in spans:
            if span and (hit := index.get((kind, _place(span)))):
                return hit
    return None


# an association of authorities is none of them: "Regionförbundet Örebro län", "Kommunförbundet Skåne"
_ASSOCIATION = re.compile(r"förbund|förening|bolag|\bab\b|stiftelse")


def kind_of(name: str) -> str | None:
    """The kind a name says it is ("… kommun" → kommun), known or not."""
    if _ASSOCIATION.search(unicodedata.normalize("NFC", name).casefold()):
        return None
    return split_name(name)[0]


# --- loading ---------------------------------------------------------------------------------


def load(using: str = "default") -> int:
    """Create or update the known organisations; returns how many rows changed."""
    from beslutskoll.store.models import Organisation

    existing = {(o.kind, o.scb_code): o for o in Organisation.objects.using(using).exclude(scb_code="")}
    taken = dict(Organisation.objects.using(using).values_list("name", "id"))
    changed = 0
    new = []
    for org in known():
        row = existing.get((org.kind, org.scb_code))
        if row is None:
            owner = taken.get(org.name)
            if owner is not None:
                # an organisation first met by name in a document: give it its code
                Organisation.objects.using(using).filter(id=owner).update(
                    kind=org.kind, scb_code=org.scb_code, county_code=org.county_code
                )
                changed += 1
                continue
            new.append(Organisation(name=org.name, kind=org.kind, scb_code=org.scb_code,
                                    county_code=org.county_code))
        elif (row.name, row.county_code) != (org.name, org.county_code) and org.name not in taken:
            row.name, row.county_code = org.name, org.county_code
            row.save(using=using, update_fields=["name", "county_code"])
            changed += 1
    Organisation.objects.using(using).bulk_create(new)
    return changed + len(new)
