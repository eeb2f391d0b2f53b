"""References to earlier decisions: "Socialnämnden fastställde målen den 20 oktober 2021 § 116",
"Vid SVOM:s sammanträde den 7 oktober 2022", "Kommunstyrelsens protokoll 2019-03-06 paragraf 62".

Each date in an item's text is a candidate. It refers to a decision when the sentence around it
says so (a § or paragraph number with it, a verb of deciding, or minutes, a meeting, a decision);
the body is the nearest body named before it in the sentence, in any case and in the genitive,
else, where the sentence speaks of a decision without naming who made it ("fastställdes den
23 mars 2022 § 45"), the meeting's own body.
"""

from __future__ import annotations

import re

from beslutskoll.model import Reference
from beslutskoll.parse.dates import find_dates

# how far before a date, within its sentence, a body or a cue is looked for
_WINDOW = 160
_BODY_NOUN = (
    r"nämnd|styrelse|fullmäktige|råd|utskott|grupp|förbund|beredning|direktion|kommitté|presidium|forum"
    r"|samverkansorgan"
)
# "Socialnämnden", "socialnämndens", "Tekniska nämnden", "Hälso- och sjukvårdsnämnden", "Ungdomsrådet(-protokoll)"
_BODY_WORD = re.compile(
    rf"(?<![\wåäöÅÄÖ-])(?P<name>(?:(?!(?:Denna|Samma|Hela|Alla|Båda|Flera|Andra|Vissa)\s)[A-ZÅÄÖ][a-zåäö]+[ae]\s+)?"
    rf"(?:[\wåäöÅÄÖ]+-\s+och\s+)?[\wåäöÅÄÖ]*(?:{_BODY_NOUN})(?:en|et|n|t|e)?)"
    rf"(?P<gen>s)?(?![\wåäöÅÄÖ])",
    re.IGNORECASE,
)
# "SVOM", "SVOM:s", "KS", "SocSam": an abbreviation with two capitals or more
_ABBREVIATION = re.compile(r"(?<![\wåäöÅÄÖ-])(?P<name>[A-ZÅÄÖ][A-Za-zÅÄÖåäö]{1,7})(?::s)?(?![\wåäöÅÄÖ])")
_NOT_ABBREVIATIONS = frozenset(
    ["KD", "SD", "MP", "EU", "LSS", "SOL", "SoL", "HSL", "PBL", "GDPR", "IT", "AB", "OBS", "PM", "SFS",
     "LVU", "LVM", "BBIC", "IFO", "Dnr", "DNR", "SCB", "VA", "IVO", "PPT", "KPI"]
)
# groups of people and consultations, not bodies that decide
_NOT_BODIES = re.compile(r"(?:mål|ålders|risk|patient|yrkes|befolknings|brukar|sam)(?:grupp|råd)", re.I)
# "… 2021 § 116", "… 2019-03-06 paragraf 62", and "… 2014, 108," where the § sign was lost
_NUMBER_AFTER = re.compile(r"\s*[,(]?\s*(?:§|paragraf|paragrafen)\s*(?P<num>\d+)|\s*,\s*(?P<bare>\d{1,3})\s*,", re.I)
_NUMBER_BEFORE = re.compile(r"(?:§|paragraf)\s*(?P<num>\d+)\s*,?\s*(?:den\s+|från\s+|protokoll\s+från\s+)?$", re.I)
_VERB = (
    r"beslutade|beslutat|beslöt|beslutades|fastställde|fastställdes|fastslog|fastslogs|antog|antogs|godkände"
    r"|godkändes|rekommenderade|behandlade|behandlades|enades|tillstyrkte"
)
_CUE = re.compile(rf"\b(?:{_VERB}|sammanträde|sammanträdet|möte|mötet|protokoll|protokollet|beslut|beslutet)\b", re.I)
_PASSIVE = re.compile(r"\b(?:beslutades|fastställdes|fastslogs|antogs|godkändes|behandlades|protokoll)\b", re.I)
# a date that is a deadline or the start of a period, not a decision
_NOT_DECISION_DATE = re.compile(r"(?:senast|till och med|t\.o\.m\.|från och med|fr\.o\.m\.|före|innan|till)\s+(?:den\s+)?$", re.I)
_RANGE_AFTER = re.compile(r"\s*[-–]\s*(?:\d{4}-\d\d-\d\d|\d{1,2}\s+\w+)")
_RANGE_BEFORE = re.compile(r"\d\s*[-–]\s*$")


def find_references(text: str, meeting_date: str | None, own_body: str | None = None) -> list[Reference]:
    found: list[Reference] = []
    year = int(meeting_date[:4]) if meeting_date else None
    for start, end, date in _dates(text, year):
        if meeting_date and date >= meeting_date:
            continue  # the meeting itself, or a deadline ahead
        sentence_start = max(text.rfind(". ", 0, start) + 1, start - _WINDOW, 0)
        before, after = text[sentence_start:start], text[end : end + 40]
        if _NOT_DECISION_DATE.search(before) or _RANGE_AFTER.match(after) or _RANGE_BEFORE.search(before):
            continue
        number = _NUMBER_AFTER.match(after) or _NUMBER_BEFORE.search(before)
        if not (number or _CUE.search(before) or re.match(rf"\s*(?:{_VERB})\b", after, re.I)):
            continue
        body = _nearest_body(before)
        if body is None and (number or _PASSIVE.search(before)):
            body = own_body
        if body is None:
            continue
        digits = number.groupdict() if number else {}
        ref = Reference(body=body, date=date, number=digits.get("num") or digits.get("bare"))
        if not any(r.body == ref.body and r.date == ref.date and r.number == ref.number for r in found):
            found.append(ref)
    return found


def _dates(text: str, year: int | None) -> list[tuple[int, int, str]]:
    """(start, end, ISO date) of each date; a split ISO date ("2016-10- 28") is one date."""
    text = re.sub(r"(?<=\d{4}-\d\d-) (\d\d)", r"\1 ", text)  # same length, so positions hold
    out = []
    for start, date in find_dates(text, year):
        m = re.match(r"\d{4}-\d\d?-\d\d?|\d{1,2}\s+[a-zåäö.]+(?:\s+\d{4})?", text[start:], re.I)
        out.append((start, start + (m.end() if m else 10), date))
    return out


def _nearest_body(before: str) -> str | None:
    candidates: list[tuple[int, str]] = []
    for m in _BODY_WORD.finditer(before):
        name = m.group("name")
        if not _NOT_BODIES.match(name):
            candidates.append((m.start(), name[:1].upper() + name[1:]))
    for m in _ABBREVIATION.finditer(before):
        name = m.group("name")
        if sum(c.isupper() for c in name) >= 2 and name not in _NOT_ABBREVIATIONS:
            candidates.append((m.start(), name))
    return max(candidates)[1] if candidates else None
