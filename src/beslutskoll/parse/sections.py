"""The labelled parts of an item: Sammanfattning, Förslag till beslut, Yrkande, Beslut …"""

from __future__ import annotations

import re
from dataclasses import dataclass

from beslutskoll.parse.fold import fold

# label → section kind; the order matters where one label starts another ("Beslut skickas till")
_LABELS: list[tuple[str, str]] = [
    (r"beslut(?:et)? skickas till|beslutet expedieras till|expedieras till|expediering|skickas till", "sent_to"),
    (r"beslutsunderlag|underlag (?:till|för) beslut(?:et)?|underlag|handlingar i ärendet|bilagor|bilaga", "documents"),
    (r"(?:[\wåäö-]+s )?förslag till beslut(?: på sammanträdet)?|förslag till (?:kommunfullmäktige|fullmäktige|nämnden)"
     r"|(?:förvaltningens|arbetsutskottets|ordförandens|kommunstyrelsens|utskottets) förslag(?: till beslut)?", "proposal"),
    (r"yrkanden?|yrkande(?:n)? och propositionsordning", "motions"),
    (r"propositionsordning|beslutsgång|omröstning|reservation(?:er)?|protokollsanteckning(?:ar)?|jäv|"
     r"paragrafen är justerad|justering|särskilt yttrande|deltar ej i beslutet", "other"),
    (r"(?:[\wåäö-]+(?:s|ns|es) )beslut|beslut|beslutet|beslutades|beslutas", "decision"),
    (r"sammanfattning(?: av ärendet)?|ärendebeskrivning|ärendet|bakgrund|beskrivning av ärendet|"
     r"information i ärendet|ärendets beredning|bedömning|förvaltningens bedömning|ekonomiska konsekvenser", "summary"),
    (r"föredragande|föredragande tjänsteperson(?:er)?|föredragare", "presenter"),
    (r"diarienummer|dnr", "case_number"),
]
_LABEL_ALT = "|".join(f"(?P<k{i}>{fold(pattern)})" for i, (pattern, _) in enumerate(_LABELS))
# a label alone on its line, or followed by ":" and text
LINE_LABEL = re.compile(rf"^\s*(?:{_LABEL_ALT})\s*(?::\s*(?P<rest>.*)|$)", re.IGNORECASE)
# inside flattened text only the unambiguous labels, written with a capital
INLINE_LABEL = re.compile(
    r"(?:(?<=[\s.])|^)(?P<label>Sammanfattning(?: av ärendet)?|Ärendebeskrivning|Bakgrund|Förslag till beslut(?: på sammanträdet)?"
    r"|Beslutsunderlag|Underlag för beslut|Yrkanden?|Propositionsordning|Beslutsgång|Beslut skickas till|Expedieras till"
    r"|[A-ZÅÄÖ][a-zåäö-]+(?:s|ns|es) beslut(?= [A-ZÅÄÖ])|Beslut(?=:)|Beslut(?= [A-ZÅÄÖ][a-zåäö]+ (?:beslutar|godkänner|"
    r"fastställer|antar|tar|noterar|ställer|väljer|utser|uppdrar|avslår|beviljar))|Diarienummer:?|Dnr:?)"
)
_KIND_OF_INLINE = {
    "sammanfattning": "summary", "ärendebeskrivning": "summary", "bakgrund": "summary",
    "förslag": "proposal", "beslutsunderlag": "documents", "underlag": "documents", "yrkande": "motions",
    "yrkanden": "motions", "propositionsordning": "other", "beslutsgång": "other", "beslut skickas": "sent_to",
    "expedieras": "sent_to", "diarienummer": "case_number", "dnr": "case_number",
}


# page headers left inside flattened text: "PROTOKOLL 2(8)", "Sida 3 (12)"
_PAGE_MARK = re.compile(r"\s(?:[A-ZÅÄÖ]{4,}\s+|Sida\s+)?\d{1,3}\s*\(\d{1,3}\)(?=\s|$)")
# a paragraph opening with a page header ("2 PROTOKOLL 2(8) - Skrivelse …") only continues across a page break
_PAGE_HEAD = re.compile(r"^(?:\d{1,3}\s+)?(?:[A-ZÅÄÖ]{4,}\s+|Sida\s+)?\d{1,3}\s*\(\d{1,3}\)\s+")


@dataclass
class Section:
    kind: str  # "text" for what precedes any label
    lines: list[str]

    @property
    def text(self) -> str:
        return " ".join(_PAGE_MARK.sub(" ", " ".join(self.lines)).split())

    @property
    def paragraphs(self) -> list[str]:
        """The text split at blank lines, each paragraph's whitespace collapsed."""
        out: list[str] = []
        current: list[str] = []
        for line in [*self.lines, ""]:
            if line.strip():
                current.append(line)
            elif current:
                raw = " ".join(current).strip()
                head = _PAGE_HEAD.match(raw) if out else None
                para = " ".join(_PAGE_MARK.sub(" ", raw[head.end():] if head else raw).split())
                if head:
                    out[-1] = f"{out[-1]} {para}"
                else:
                    out.append(para)
                current = []
        return [p for p in out if p]


def label_kind(line: str) -> tuple[str, str] | None:
    """(kind, text after the label) when line starts with a section label."""
    m = LINE_LABEL.match(fold(line))
    if not m:
        return None
    rest = line[m.start("rest"):].strip() if m.group("rest") is not None else ""
    for i, (_, kind) in enumerate(_LABELS):
        if m.group(f"k{i}"):
            return kind, rest
    return None


def split_sections(lines: list[str]) -> list[Section]:
    sections = [Section("text", [])]
    for line in lines:
        found = label_kind(line) if len(line) < 400 else None
        if found and _plausible_label(line, found[0]):
            kind, rest = found
            sections.append(Section(kind, [rest] if rest else []))
        elif INLINE_LABEL.search(line):
            sections.extend(_split_inline(line, sections))
        else:
            sections[-1].lines.append(line)
    return [s for s in sections if s.lines or s.kind != "text"]


def _plausible_label(line: str, kind: str) -> bool:
    stripped = line.strip()
    if ":" in stripped[:40]:
        return True
    head = stripped.split(":")[0]
    stripped = fold(stripped)
    # a label line is short; "Beslut om rutinen tas vid mötet i september." is a sentence
    if kind == "decision":
        return len(head.split()) <= 3 and not re.match(r"(?i)beslut(?:et)?\s+(?:om|att|fattas|tas)", stripped)
    if kind in ("summary", "documents"):
        return len(head.split()) <= 4
    return len(head.split()) <= 6


def _split_inline(line: str, sections: list[Section]) -> list[Section]:
    """Labels inside a flattened line: text before the first goes to the current section."""
    out: list[Section] = []
    pos = 0
    current = sections[-1]
    for m in INLINE_LABEL.finditer(line):
        current.lines.append(line[pos:m.start()])
        label = m.group("label").lower().rstrip(":")
        kind = next((v for k, v in _KIND_OF_INLINE.items() if label.startswith(k)), "decision")
        current = Section(kind, [])
        out.append(current)
        pos = m.end()
    current.lines.append(line[pos:].lstrip(": "))
    for k, section in enumerate(out):
        # "Diarienummer: RJL2017/101 Informationshandlingar anmäls …": only the number is the case number
        if section.kind == "case_number" and section.lines:
            number, _, after = " ".join(section.lines).strip().partition(" ")
            section.lines = [number]
            if after.strip():
                out.insert(k + 1, Section("text", [after]))
    return out
