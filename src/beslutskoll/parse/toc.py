"""Tables of contents (Innehåll, Ärendelista …) flattened into one run of text.

Excerpts often keep only a document's table of contents, and transcripts lose
most of its § numbers: "Ärendelista 63. Fastställande av dagordning
Redovisning av delegationsbeslut Information och …". The entries are split at
the numbers that survive and, between them, where a new title starts.
"""

from __future__ import annotations

import re

from beslutskoll.parse.titles import split_titles

_HEADING = re.compile(
    r"(?:^|(?<=\s))(?:INNEHÅLLSFÖRTECKNING|INNEHÅLL|INNEHALL|Innehållsförteckning|Innehåll|ÄRENDELISTA|Ärendelista"
    r"|Ärendeförteckning|ÄRENDEFÖRTECKNING|Förteckning över [\wåäö ]{0,40}?ärenden(?: den \d{1,2} [a-zåäö]+)?"
    r"|REGISTER|Register)\s*:?(?=\s)"
)
_END = re.compile(
    r"\s(?:Plats och tid|Tid och plats|Beslutande|Närvarande|Underskrifter|Sammanträdesdatum|Utses att justera"
    r"|ANSLAG|Protokollet|PROTOKOLL|Sida \d|Justerandes)\b|\s\d+\s*\(\d+\)|$"
)
_NUMBER = re.compile(r"(?:(?<=\s)|^)§?\s*(\d{1,3})\.?\s+(?=[A-ZÅÄÖ])")
_PAGE_REF = re.compile(r"\s*(?:\.{2,}|…)\s*\d*|\s+\d{1,3}(?:-\d{1,3})?(?=\s+[A-ZÅÄÖ]|\s*$)")
_NOISE = re.compile(r"\bDnr:?\s*[A-ZÅÄÖ]{1,4}\b(?!\s*\d)|\bÄrende\b")


def toc_entries(text: str) -> list[tuple[str | None, str]]:
    """(number or None, title) of the first flattened table of contents, or []."""
    for m in _HEADING.finditer(text):
        line_end = text.find("\n", m.end())
        line_end = len(text) if line_end < 0 else line_end
        region = text[m.end():line_end]
        if len(region) < 60:
            continue  # a table of contents laid out line by line: the numbered chain finds it
        end = _END.search(region)
        region = _NOISE.sub(" ", region[: end.start() if end else len(region)])
        entries = _split(region)
        if len(entries) >= 3:
            return entries
    return []


def _split(region: str) -> list[tuple[str | None, str]]:
    entries: list[tuple[str | None, str]] = []
    starts: list[tuple[int, int, str | None]] = []
    last = -1
    for m in _NUMBER.finditer(region):
        if int(m.group(1)) > last:  # item numbers only go up; "Montören 7" is part of a title
            starts.append((m.start(), m.end(), m.group(1)))
            last = int(m.group(1))
    if not starts or starts[0][0] > 0:
        starts.insert(0, (0, 0, None))
    for k, (_, body, number) in enumerate(starts):
        end = starts[k + 1][0] if k + 1 < len(starts) else len(region)
        chunk = _PAGE_REF.sub(" ", region[body:end]).strip()
        following = starts[k + 1][2] if k + 1 < len(starts) else None
        # between two numbers that follow each other there is one entry, however its title reads
        whole = number is not None and following is not None and int(following) == int(number) + 1
        expected = int(following) - int(number) if number is not None and following is not None else None
        for i, title in enumerate([" ".join(chunk.split())] if whole else split_titles(chunk, expected)):
            title = title.strip(" .,;")
            if len(title) > 2:
                entries.append((number if i == 0 else None, title))
    return entries
