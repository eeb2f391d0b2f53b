"""Who presents an item: "Föredragande: X", "X föredrar / informerar / går igenom …"."""

from __future__ import annotations

import re

from beslutskoll.parse.names import FULL_NAME, NAME_PART, UPPER, is_first_name

_VERBS = (
    r"föredrar|föredrog|presenterar|presenterade|informerar|informerade|går igenom|gick igenom|går genom|berättar"
    r"|berättade|redogör|redogjorde|redovisar|redovisade|rapporterar|visar|inleder|ger en (?:status)?rapport|ger en"
    r" (?:kort )?(?:information|lägesrapport|bakgrund|presentation|genomgång)|har kommit\b.{0,60}?för att informera"
)
# "Elin Ring och Lisbet Gibson informerar", "Magnus föredrar", "Anna-Karin Sahlin från Tilia presenterar"
_SUBJECT = re.compile(
    rf"(?P<who>{NAME_PART}(?:\s+{NAME_PART}){{0,2}}(?:(?:\s*,\s*|\s+och\s+){NAME_PART}(?:\s+{NAME_PART}){{0,2}})*)"
    rf"(?P<aside>\s*(?:\([^)]{{0,60}}\)|,[^,.]{{0,60}},|från [\w{UPPER}åäö -]{{1,40}}?))?,?\s+(?:{_VERBS})\b"
)
_LABEL = re.compile(r"(?:Föredragande|Föredragare|Presentatör|Ansvarig)\s*:?\s*(?P<names>[^\n]+)")
# "medverkande förbundschef Eva Ek och ekonom Ola Berg": those who take part to present the item
_TAKING_PART = re.compile(r"\b[Mm]edverkande(?:\s+tjänste(?:personer|män))?\s*:?\s+(?P<names>[^.\n]{3,200})")
_CHAIR = re.compile(r"\bOrdföranden?\s+(?:föredrar|informerar|går igenom|presenterar)")
# "Hälso- och sjukvårdsdirektören informerar": a title in definite form, resolved through the presence list
_ROLE = re.compile(rf"(?P<role>[A-ZÅÄÖ][\wåäö]*(?:-\s+och\s+[\wåäö]+)?(?:en|n))\s+(?:{_VERBS})\b")


def _split_names(text: str) -> list[str]:
    return [n for n in re.split(r"\s*,\s*|\s+och\s+|\s+samt\s+", text) if n]


def find_presenters(text: str, people: list[str], chair: str | None, roles: dict[str, str] | None = None) -> list[str]:
    """Presenters of one item, resolved to full names from the document's people where possible.

    roles maps a participant's title ("hälso- och sjukvårdsdirektör") to the name.
    """
    found: list[str] = []
    for m in _ROLE.finditer(text):
        role = m.group("role").lower()
        for ending in ("en", "n"):
            name = (roles or {}).get(role[: -len(ending)]) if role.endswith(ending) else None
            if name:
                found.append(name)
                break
    for m in _LABEL.finditer(text):
        for name in FULL_NAME.findall(m.group("names")) or _split_names(m.group("names"))[:1]:
            found.append(name)
    for m in _TAKING_PART.finditer(text):
        found.extend(n for n in FULL_NAME.findall(m.group("names")) if is_first_name(n.split()[0]))
    for m in _SUBJECT.finditer(text):
        for name in _split_names(m.group("who")):
            words = name.split()
            while words and not is_first_name(words[0]) and len(words) > 1:
                words = words[1:]
            if words and is_first_name(words[0]) and (len(words) > 1 or name == m.group("who")):
                found.append(" ".join(words))
    if chair and _CHAIR.search(text):
        found.append(chair)
    return _dedupe([resolve_name(n, people, chair) for n in found])


def resolve_name(name: str, people: list[str], chair: str | None = None) -> str:
    """A name as the document's people spell it; a first name alone becomes that person's full name.

    people are in order of preference (presence lists first, then names in the text, the most
    frequent first); between two people with the same first name the chair wins, else the first.
    """
    key = _spelling_key(name)
    same = next((p for p in people if _spelling_key(p) == key), None)
    if same:
        return same  # "Gunilla Kaj Bevheden" written as in the list: "Gunilla Kaj-Bevheden"
    if " " in name:
        return name
    matches = [p for p in people if p.split()[0] == name]
    if not matches:
        return name
    if len(set(matches)) > 1 and chair in matches:
        return chair
    return matches[0]


def _spelling_key(name: str) -> str:
    return re.sub(r"[\s-]+", " ", name.lower()).strip()


def _dedupe(names: list[str]) -> list[str]:
    out: list[str] = []
    keys: list[str] = []
    for n in names:
        n = " ".join(n.split()).strip(" ,.")
        key = re.sub(r"[\s-]+", " ", n.lower())
        if n and key not in keys and not any(k.startswith(key + " ") for k in keys):
            out.append(n)
            keys.append(key)
    return out
