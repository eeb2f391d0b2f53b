"""Headings of the header block: presence lists, signature labels, and the labels that end them."""

from __future__ import annotations

import re
from dataclasses import dataclass

# (pattern, kind, value). kind: "group" opens a presence list; "stop" ends one; "neutral" neither.
_LABELS: list[tuple[str, str, str]] = [
    (r"Beslutande\s+(?:ledamöter|kommunrepresentanter|partirepresentanter|politiker)", "group", "beslutande"),
    (r"(?:Ordinarie|Närvarande|Beslutande)\s+ledamöter(?!\s+[a-zåäö])", "group", "beslutande"),
    (r"Närvarande\s+beslutande", "group", "beslutande"),
    (r"Tjänstgörande\s+[Ee]rsätta(?:re|-)", "group", "tjg"),
    (
        r"(?:Närvarande|Icke\s+tjänstgörande|Ej\s+tjänstgörande|Inte\s+tjänstgörande)\s+ersättare",
        "group",
        "ersattare",
    ),
    (r"Närvarande,\s*ej\s+tjg\s+ers\.?", "group", "ersattare"),
    (
        r"Övriga\s+närvarande\s+tjänstemän(?:\s+som\s+deltagit\s+i\s+delar\s+av\s+sammanträdet)?",
        "group",
        "ovriga",
    ),
    (r"Övriga\s+(?:närvarande|deltagare|deltagande|närvarande\s+tjänstemän)", "group", "ovriga"),
    (r"(?:Närvarande\s+)?[Tt]jänstemän|Tjänstepersoner|Yttranderätt|Insynsplats", "group", "ovriga"),
    (r"(?:Övriga|ÖVRIGA)(?=\s*:|\s*\n|\s+[A-ZÅÄÖ])", "group", "ovriga"),
    (r"Frånvarande|Anmält\s+förhinder|Förhinder", "group", "absent"),
    (
        r"(?:Beslutande|BESLUTANDE|Ledamöter|LEDAMÖTER|Politiker|Närvarande|NÄRVARANDE)(?=\s*:|\s*\n|\s+[A-ZÅÄÖ0-9]|\s*$)",
        "group",
        "beslutande",
    ),
    (r"(?<=\s)ande(?=\s+[A-ZÅÄÖ])", "group", "beslutande"),  # "Beslutande" with its head lost
    (r"Ersättare(?!\s+för)|ERSÄTTARE", "group", "ersattare"),
    (r"Kallade", "neutral", "called"),
    (r"Utses\s+att\s+justera|Justerare|Justerande|JUSTERANDE|Justerat\s+av", "stop", "adjuster"),
    (
        r"Justeringens\s+(?:datum,\s+)?(?:plats\s+och\s+tid|tid\s+och\s+plats|plats|tid)"
        r"|Tid\s+och\s+plats\s+för\s+justering|Plats\s+och\s+tid\s+för\s+justering|Justeringsdag|Justering(?=\s)",
        "stop",
        "adjplace",
    ),
    (r"Underskrifter|Underskrift|UNDERSKRIFTER", "stop", "sign"),
    (r"Ordförande|ORDFÖRANDE", "stop", "chair"),
    (r"Sekreterare|SEKRETERARE", "stop", "secretary"),
    (
        r"ANSLAG/BEVIS|Anslag/[Bb]evis|BEVIS|Bevis/Anslag|Organ|Paragrafer|Paragraf|Protokollet\s+omfattar"
        r"|ÄRENDELISTA|Ärendelista|ÄRENDEN|Ärenden|INNEHÅLL\w*|Innehållsförteckning|Ärendeförteckning"
        r"|Föredragningslista|FÖREDRAGNINGSLISTA|Dagordning|Omröstningar|Postadress|Förteckning|Diarienummer|Val\s+av\s+\w+",
        "stop",
        "other",
    ),
    (r"Se\s+nästa\s+sida|Se\s+sida\s+\d|Se\s+bilaga|Enligt\s+särskild\s+närvarolista", "stop", "value"),
    (
        r"Plats\s+och\s+(?:sammanträdes)?tid|Tid\s+och\s+plats|Sammanträdesdatum|Mötesdatum|Plats|Tid|Datum"
        r"|Klockan|Lokal|Sida",
        "neutral",
        "meeting",
    ),
]

# the word-start check stands once before the alternatives, not in each: the scan then drops
# a position inside a word at once instead of trying every label there (ten times faster)
LABEL_RE = re.compile(
    "(?<![\\w-])(?:"
    + "|".join(f"(?P<L{i}>(?:{p})(?![\\w-]))" for i, (p, _, _) in enumerate(_LABELS))
    + ")"
)
# a new block at a line start: a paragraph heading or a numbered agenda point
BLOCK_START_RE = re.compile(r"(?m)^[ \t]*(?:§\s*\d+|\d{1,2}\.\s+[A-ZÅÄÖ])")


@dataclass
class Label:
    start: int
    end: int
    kind: str
    value: str
    text: str


def find_labels(text: str) -> list[Label]:
    out: list[Label] = []
    for m in LABEL_RE.finditer(text):
        idx = int(m.lastgroup[1:])  # type: ignore[index]
        _, kind, value = _LABELS[idx]
        end = m.end()
        colon = re.match(r"\s*:", text[end : end + 3])
        if colon:
            end += colon.end()
        out.append(Label(m.start(), end, kind, value, m.group(0)))
    for m in BLOCK_START_RE.finditer(text):
        out.append(Label(m.start(), m.start(), "stop", "block", m.group(0)))
    out.sort(key=lambda lab: (lab.start, lab.end))
    return out
