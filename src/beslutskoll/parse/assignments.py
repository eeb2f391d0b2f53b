"""Assignments in a decision, with their due dates resolved against the meeting date."""

from __future__ import annotations

import re

from beslutskoll.model import Assignment
from beslutskoll.parse.dates import MONTHS, resolve_due

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
