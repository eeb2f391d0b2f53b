"""Registers and notices flattened into runs of "Title Dnr: KS …" entries.

Transcripts of a register page often lose the item numbers and keep only the
diarienummer column's label: "4. Digital agenda Dnr: KS Reglemente för
arvoden Dnr: KS Förvärv av mark Dnr: KS". Each "Dnr" then closes one entry.
"""

from __future__ import annotations

import re

# "Dnr: KS", "Dnr KS 2019/45", "Diarienummer: 2019.123": the label with what is left of the number
_MARK = re.compile(r"\s(?:Dnr|DNR|Diarienummer)\b\.?:?(?P<case>(?:\s+[A-ZÅÄÖ]{1,5}\b)?(?:\s+\d[\w./-]*(?:\s+\d{3}\b)?)?)")
_NUMBER = re.compile(r"^(?:Ärende\s+)?(\d{1,3})[.)]?\s+(?=[A-ZÅÄÖ])")
# a page header left before the entries: "KALLELSE Sida 2(2) Ärende"
_PAGE_HEAD = re.compile(r"^.{0,80}?(?:Sida\s+)?\d{1,3}\s*\(\d{1,3}\)\s*(?:Ärende\b\s*)?")


def dnr_entries(line: str, min_marks: int = 3) -> list[tuple[str | None, str, str | None]]:
    """(number, title, case number) of each entry of a flattened register line, or [] when it is none."""
    marks = list(_MARK.finditer(line))
    if len(marks) < min_marks:
        return []
    entries: list[tuple[str | None, str, str | None]] = []
    start = 0
    for m in marks:
        chunk = " ".join(line[start:m.start()].split())
        start = m.end()
        if not entries:
            chunk = _PAGE_HEAD.sub("", chunk)
        if not chunk or len(chunk) > 200:
            return []  # running text, not a register
        number = None
        n = _NUMBER.match(chunk)
        if n:
            number, chunk = n.group(1), chunk[n.end():]
        case = m.group("case").strip()
        entries.append((number, chunk.strip(" .,;"), case if re.search(r"\d", case) else None))
    return entries
