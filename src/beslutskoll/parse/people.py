"""Officials (chair, secretary, adjusters, justering) and the presence lists."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from beslutskoll.model import Adjustment, Participant
from beslutskoll.parse.people_lists import parse_presence
from beslutskoll.parse.people_names import RUN_RE, clean_name, fold, is_first_name, party_of, split_run
from beslutskoll.parse.people_officials import (
    adjustment,
    name_first_signatures,
    name_role_pairs,
    opener,
    sentence_adjusters,
    signature_chains,
)

HEAD_CHARS = 5000
_SPLIT_SURNAME = re.compile(r"(?P<first>\b[A-ZÅÄÖ][a-zåäö]+) [A-ZÅÄÖ] (?=[a-zåäö]{3,}\b)")
_SECRETARY_TITLES = ("kommunsekreterare", "nämndsekreterare", "mötessekreterare", "förvaltningssekreterare")


@dataclass
class People:
    chair: str | None = None
    secretary: str | None = None
    adjusters: list[str] = field(default_factory=list)
    adjustment: Adjustment | None = None
    participants: list[Participant] = field(default_factory=list)


def normalise(lines: list[str]) -> str:
    text = "\n".join(lines)
    text = text.replace("\t", " ").replace("\u00a0", " ")
    text = re.sub(r"[ ]{2,}", " ", text)
    text = re.sub(r"\)(?=[A-ZÅÄÖ])", ") ", text)  # "(S)Dennis" from glued transcripts
    # "Sabina D zonlic": a surname split after its capital, only after a first name (not "protokoll A socialnämnden")
    return _SPLIT_SURNAME.sub(lambda m: m.group(0) if not is_first_name(m.group("first")) else m.group(0)[:-1], text)


def parse_people(lines: list[str], document_type: str) -> People:
    text = normalise(lines)
    head = text[:HEAD_CHARS]
    people = People()
    participants = parse_presence(head)
    if not participants and document_type in ("protokoll", "motesanteckningar"):
        participants = _mentioned_members(text)
    people.participants = participants

    chain = signature_chains(head)
    pairs = name_role_pairs(head)
    first_chair, first_sec = name_first_signatures(head)

    chair = _first(chain.chair)
    if not chair:
        chair = next((p.name for p in participants if p.role == "ordförande"), None)
    chair = chair or first_chair
    chair = chair or next((n for n, r in pairs if r == "ordförande"), None)
    if not chair:
        chair = next((n for n, r in name_role_pairs(text) if r == "ordförande"), None) or opener(text)
    people.chair = chair

    sec = _first(chain.secretary)
    sec = sec or next((p.name for p in participants if (p.role or "").lower() == "sekreterare"), None)
    sec = sec or first_sec
    sec = sec or next((n for n, r in pairs if r == "sekreterare"), None)
    sec = sec or next(
        (p.name for p in participants if (p.role or "").lower() in _SECRETARY_TITLES and p.group == "ovriga"),
        None,
    )
    people.secretary = sec

    adjusters: list[str] = []
    for name in (
        chain.adjusters
        + sentence_adjusters(text[: HEAD_CHARS * 3])
        + [n for n, r in pairs if r == "justerare"]
    ):
        if fold(name) not in {fold(a) for a in adjusters}:
            adjusters.append(name)
    people.adjusters = adjusters
    year = _year(head)
    people.adjustment = adjustment(head, year)
    return people


def _first(names: list[str]) -> str | None:
    return names[0] if names else None


def _year(text: str) -> int | None:
    m = re.search(r"\b(19[5-9]\d|20[0-4]\d)\b", text)
    return int(m.group(1)) if m else None


def _mentioned_members(text: str) -> list[Participant]:
    """Without a presence list, the members named with their party in the text ('Name (C)')."""
    out: list[Participant] = []
    seen: set[str] = set()
    for m in RUN_RE.finditer(text):
        after = re.match(r"\s*\(\s*([A-Za-zÅÄÖåäö]{1,4})\s*\)", text[m.end() : m.end() + 10])
        if not after:
            continue
        party = party_of(after.group(1))
        if not party:
            continue
        chunks = [c for c in split_run(m.group(0), m.start()) if c.person]
        if not chunks or chunks[-1].end != m.end():
            continue
        name = clean_name(chunks[-1].text)
        if fold(name) in seen:
            continue
        seen.add(fold(name))
        role = None
        if re.match(r"\s*\([^)]*\)\s*,\s*ordförande", text[m.end() : m.end() + 30]):
            role = "ordförande"
        out.append(Participant(name=name, party=party, group="beslutande", role=role))
    return out
