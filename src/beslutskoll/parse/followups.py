"""What an item points at: assignments with due dates, references to earlier decisions."""

from __future__ import annotations

import re

from beslutskoll.model import Assignment, Reference
from beslutskoll.parse.dates import MONTHS, find_dates, resolve_due

_MONTH = "|".join(m for m in MONTHS if len(m) > 3)
# "uppdrar åt förvaltningen att …", "ger förvaltningen i uppdrag att …", "Förvaltningen får i uppdrag att …"
_ASSIGN = [
    re.compile(r"uppdrar (?:åt |till )?(?P<who>[^,.;]{2,80}?) att (?P<task>[^.;]{5,300})", re.I),
    re.compile(r"ger (?P<who>[^,.;]{2,80}?) i uppdrag att (?P<task>[^.;]{5,300})", re.I),
    re.compile(r"(?P<who>[A-ZÅÄÖ][^,.;]{1,80}?) (?:får|fått|har fått|ges) i uppdrag att (?P<task>[^.;]{5,300})"),
    re.compile(r"(?P<who>[A-ZÅÄÖ][^,.;]{1,60}?) i uppdrag att (?P<task>[^.;]{5,300})"),
]
_DUE = re.compile(
    rf"(?:senast|till|före|innan|by)\s+(?:den\s+)?(?:\d{{1,2}}\s+(?:{_MONTH})(?:\s+\d{{4}})?|\d{{4}}-\d\d-\d\d)"
    rf"|(?:till|vid) (?:mötet|sammanträdet|nämndens sammanträde) i (?:{_MONTH})(?:\s+\d{{4}})?",
    re.I,
)

# "Vid SVOM:s sammanträde den 7 oktober 2022", "KS § 187, 2016-12-06", "SVOM den 26 februari 2021, § 9"
_BODY = r"(?P<body>[A-ZÅÄÖ][\wÅÄÖåäö-]*(?:\s+[a-zåäö-]+nämnd\w*)?)"
_REF_PATTERNS = [
    re.compile(rf"{_BODY}(?::s)?\s+§\s*(?P<num>\d+)\s*,?\s*(?:den\s+)?(?P<date>\d{{4}}-\d\d-\d\d|\d{{1,2}}\s+(?:{_MONTH})\s+\d{{4}})"),
    re.compile(rf"{_BODY}(?::s)?(?:\s+sammanträde)?\s+(?:den\s+)?(?P<date>\d{{4}}-\d\d-\d\d|\d{{1,2}}\s+(?:{_MONTH})\s+\d{{4}})"
               rf"(?:\s*,?\s*§\s*(?P<num>\d+))?"),
    re.compile(rf"(?:Vid|vid|På|på|I|i)\s+{_BODY}(?::s)?\s+(?:sammanträde|möte)\s+(?:den\s+)?(?P<date>\d{{1,2}}\s+(?:{_MONTH})\s+\d{{4}}"
               rf"|\d{{4}}-\d\d-\d\d)(?:\s*,?\s*§\s*(?P<num>\d+))?"),
    re.compile(rf"{_BODY}\s+(?:beslutade|fastställde|antog|godkände|beslöt)\s+(?:den\s+)?(?P<date>\d{{1,2}}\s+(?:{_MONTH})\s+\d{{4}}"
               rf"|\d{{4}}-\d\d-\d\d)(?:\s*,?\s*(?:§\s*)?(?P<num>\d+)\b)?"),
]
_NOT_BODIES = {"Den", "Från", "Sedan", "Efter", "Under", "Till", "Beslut", "Mötet", "Datum", "Senast", "Protokoll"}


def find_assignments(text: str, meeting_date: str | None) -> list[Assignment]:
    found: list[Assignment] = []
    for pattern in _ASSIGN:
        for m in pattern.finditer(text):
            who = re.sub(r"^(?:(?:\w+ )?beslutar att |att |åt )", "", m.group("who").strip(), flags=re.I)
            task = " ".join(m.group("task").split())
            due_m = _DUE.search(task)
            due = resolve_due(due_m.group(0), meeting_date) if due_m else None
            if any(a.task == task for a in found):
                continue
            found.append(Assignment(assignee=who[:1].upper() + who[1:], task=task[:1].upper() + task[1:], due=due))
    return found


def find_references(text: str, meeting_date: str | None) -> list[Reference]:
    found: list[Reference] = []
    year = int(meeting_date[:4]) if meeting_date else None
    for pattern in _REF_PATTERNS:
        for m in pattern.finditer(text):
            body = m.group("body")
            if body in _NOT_BODIES or body.lower() in MONTHS:
                continue
            dates = find_dates(m.group("date"), year)
            date = dates[0][1] if dates else None
            if date and meeting_date and date > meeting_date:
                continue  # a future date is a deadline, not an earlier decision
            ref = Reference(body=body, date=date, number=m.groupdict().get("num"))
            if not any(r.body == ref.body and r.date == ref.date for r in found):
                found.append(ref)
    return found
