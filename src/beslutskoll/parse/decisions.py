"""Decisions written in running text, where an item has no "Beslut" section.

Meeting notes and flattened minutes state their decisions inside the text:
"Ledningsgruppen beslutar att …", "Dagordningen fastställs enligt följande:
1. … 2. …", "Diskussionen landar i att … Istället ska …", "Justerare: …".
Each rule reads one paragraph at a time, so that a decision never runs on
into the next paragraph's unrelated text.
"""

from __future__ import annotations

import re

_RUNNING = re.compile(
    r"(?:^|(?<=[.!?:]\s))[^.!?\n]*\b(?:beslutar(?: att)?|beslutade|beslutas att|Beslutas att|Beslut(?:et)? om [^.]{0,80} tas"
    r"|ställer sig bakom|läggs till handlingarna|skjuts (?:fram|upp)|bordläggs|godkänn(?:e)?s|fastställ(?:e)?s|utser|utses"
    r"|väljs|anmäls och|antas|beviljas|avslås|bifalls|återremitteras|föreslår (?:kommun|region|landstings)?fullmäktige"
    r")\b[^.!?\n]*[.!?]?|^att [^.!?\n]{5,}[.!?]?|(?<=\s)Beslut(?:as|ades) att [^.!?\n]{5,}[.!?]?"
)
# an earlier decision quoted with its year is a reference, not this meeting's decision
_EARLIER = re.compile(r"\b(?:beslutade|fastställde)\b.*\b\d{4}\b")
# "… fastställs enligt följande:" / "… med följande tillägg:": the list after the colon is part of the decision
_LEADS_IN = re.compile(r"(?:följande|nedan|enligt)(?:\s+[a-zåäö]+)?\s*:(?:\s*\S{0,4})?$")
# a paragraph that continues such a list: "- Skrivelse …", "2. …", "b) …"
_LIST_ENTRY = re.compile(r"^\s*(?:[-–•·*]|\d{1,3}[A-Z]?[.)]|[a-z]\))\s")
# the outcome of a discussion in notes: "… vilket landar i att …", "Gruppen enas om …"; the rest of the
# paragraph says what follows from it ("Istället ska …")
# (the meeting or group agrees, not "parterna är överens om …" describing an agreement's content)
_CONSENSUS = re.compile(
    r"[^.!?\n]*\b(?:landar (?:ner |ut )?i att|mynnar ut i att|(?:[Vv]i|[Mm]an|[\wåäö]*(?:gruppen|mötet|rådet|nämnden|styrelsen"
    r"|utskottet|presidiet)|[Dd]eltagarna) (?:enas|enades|kom(?:mer)? överens) om)\b"
)
# a clause "att lägga … till handlingarna" in flattened text runs on into the next sentence, which
# opens with a pronoun or determiner after a lower-case word: "… handlingarna Våra representanter …"
_NEXT_SENTENCE = re.compile(
    r"(?<=[a-zåäö0-9,])\s+(?=(?:Vi|Vår|Våra|Vårt|Det|Detta|Denna|Dessa|De|Den|Han|Hon|Man|Här|Där|Ärendet)\s)"
)
# "Val av justerare": the "Justerare: …" statement, with the time and place of the adjustment after it
_ADJUSTERS_ITEM = re.compile(r"(?i)\b(?:val av|utse)\w* (?:protokolls?)?justerare|\bjustering\b")
_ADJUSTERS_LABEL = re.compile(r"\bJusterare\s*:\s*\S")


def running_decision(paragraphs: list[str], title: str = "") -> str | None:
    """The decisions stated in an item's running text, in order, or None."""
    found: list[str] = []
    for k, para in enumerate(paragraphs):
        if _ADJUSTERS_ITEM.search(title):
            label = _ADJUSTERS_LABEL.search(para)
            if label:
                found.append(para[label.start():].strip())
                continue
        consensus = _CONSENSUS.search(para)
        if consensus:
            found.append(para[consensus.start():].strip())
            continue
        pos = 0
        for m in _RUNNING.finditer(para):
            if m.start() < pos:
                continue
            text = m.group(0).strip()
            if not text or _EARLIER.search(text):
                continue
            if _LEADS_IN.search(text):
                text = " ".join([para[m.start():].strip(), *_list_after(paragraphs[k + 1:])])
                found.append(text)
                break
            cut = _NEXT_SENTENCE.search(text)
            found.append(text[: cut.start()] if cut else text)
            pos = m.end()
    return " ".join(found) or None


def _list_after(paragraphs: list[str]) -> list[str]:
    """The list entries that follow a paragraph ending in "enligt följande:"."""
    entries = []
    for para in paragraphs:
        if not _LIST_ENTRY.match(para):
            break
        entries.append(para.strip())
    return entries
