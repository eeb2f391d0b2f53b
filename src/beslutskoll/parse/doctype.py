"""Which kind of meeting document this is, from its title words and structure."""

from __future__ import annotations

import re

from beslutskoll.model import DocumentType

# title words, looked for near the top; the earliest one names the document
_TITLE_WORDS: list[tuple[DocumentType, re.Pattern[str]]] = [
    ("protokollsutdrag", re.compile(r"protokollsutdrag|utdrag ur (?:sammanträdes)?protokoll(?:et)?|^\s*utdrag\b", re.I | re.M)),
    ("motesanteckningar", re.compile(r"m[öo]tesanteckningar|minnesanteckningar|minnesanteckning\b|anteckningar från", re.I)),
    ("kallelse", re.compile(r"\bkallelse\b|kallelse\s*(?:/|och|till)|\bföredragningslista\b(?!n? godkänn)|"
                            r"kallas (?:härmed )?till sammanträde", re.I)),
    ("protokoll", re.compile(r"(?<!föregående )(?<!justera )(?<!justerat )\b(?:sammanträdes|justerat )?protokoll\b(?!et)"
                             r"|SAMMANTR\w*PROTOKOLL", re.I)),
]
_MINUTES_SIGNS = re.compile(
    r"justerandes sign|\bjusterare\b|\bbeslutande\b|ersättare för|tjänstgörande ersättare|utses att justera|justeringens (?:plats|tid)|anslag/bevis|paragrafer\s+\d|§§?\s*\d+\s*[-–]\s*\d+"
    r"|underskrifter|protokollet omfattar", re.I,
)


def detect_document_type(lines: list[str]) -> DocumentType:
    head = "\n".join(lines[:60])[:2500]
    text = "\n".join(lines)
    minutes = _MINUTES_SIGNS.search(text[:20000])
    earliest: tuple[int, DocumentType] | None = None
    for kind, pattern in _TITLE_WORDS:
        m = pattern.search(head)
        if m and (earliest is None or m.start() < earliest[0]):
            earliest = (m.start(), kind)
    # a title stands near the top; further down such a word is only mentioned
    if earliest and (earliest[0] < 400 or not minutes):
        return earliest[1]
    if minutes:
        return "protokoll"
    if re.search(r"\bförhinder\b|kallas till|inleds kl", head, re.I):
        return "kallelse"
    paragraphs = set(re.findall(r"^\s*§\s*(\d+)", text, re.M))
    if len(paragraphs) == 1:
        return "protokollsutdrag"
    if paragraphs:
        return "protokoll"
    if re.search(r"^\s*(?:närvarande|deltagare)\b", text, re.I | re.M) or re.search(r"\bnärvarande\b", head, re.I):
        return "motesanteckningar"
    return "other"
