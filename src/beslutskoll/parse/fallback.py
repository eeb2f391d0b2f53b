"""Items of flattened minutes whose numbers were all lost.

Some transcripts keep neither § numbers nor line breaks: "… anslagstavla den
20 november Val av protokollsjusterare Dagens protokoll ska …". There the
items are found by the standing titles that Swedish minutes share (Mötets
öppnande, Val av justerare, Information från …, Övriga frågor …). Used only
when no numbered item was found at all.
"""

from __future__ import annotations

import re

from beslutskoll.parse.names import LOWER, UPPER

_STANDING = (
    r"Mötets? (?:öppnande|öppnas)|Sammanträdets öppnande|Upprop|"
    r"Val av (?:protokolls)?justerare(?: och (?:tid|dag) för justering)?|Justering av (?:dagens )?protokoll(?:et)?|"
    r"(?:Godkännande|Fastställande) av (?:dagordning|föredragningslista)(?:en|n)?|"
    r"Dagordningen (?:godkänns|fastställs)|Föregående (?:mötes )?protokoll|"
    r"Anmälan av delegationsbeslut|Delegationsbeslut|Meddelanden|Delgivningar|Omedelbar justering|"
    r"Övriga frågor|Nästa möte|Mötets? (?:avslutande|avslutas)|Sammanträdets avslutande|"
    rf"Information (?:från|om) (?:[{UPPER}][\w-]+|[{LOWER}][\w-]+)"
)
# a standing title where a heading can start: the text's or a line's start, after a sentence, a page
# mark or a lost "§ 12" ("Bu / …"), or after any word when a capitalised sentence follows it
_TITLE = re.compile(
    rf"(?:(?<=^)|(?<=\n)|(?<=[.!?:/)]\s)|(?<=\s))(?P<title>{_STANDING})(?=\s*(?:$|\n|[.:]|\s[{UPPER}]|\s[{LOWER}]+ att\b))"
)


# the standing titles written out, to recognise one that an excerpt cut off: "… Åbylundsgatan 8 A Omedelbar j"
_LITERALS = (
    "Mötets öppnande", "Sammanträdets öppnande", "Val av justerare", "Val av protokollsjusterare",
    "Justering av protokollet", "Godkännande av dagordning", "Fastställande av dagordning",
    "Godkännande av föredragningslista", "Fastställande av föredragningslista", "Föregående protokoll",
    "Anmälan av delegationsbeslut", "Delegationsbeslut", "Meddelanden", "Delgivningar", "Omedelbar justering",
    "Övriga frågor", "Nästa möte", "Mötets avslutande", "Sammanträdets avslutande",
)
_CUT_MIN = 8  # shorter tails ("Val av", "Övriga") are too often ordinary words


# "… läggs till under Övriga frågor": a title named inside a sentence
_NAMED_AFTER = {"under", "till", "om", "på", "i", "av", "med", "för", "från", "vid", "inför", "och", "se", "punkten"}


def standing_titles(text: str) -> list[tuple[int, int, str]]:
    """(start, end, title) of the standing item titles in a flattened text, in order."""
    found = []
    for m in _TITLE.finditer(text):
        before = text[max(0, m.start() - 20):m.start()].split()
        if before and before[-1].lower() in _NAMED_AFTER:
            continue
        found.append((m.start("title"), m.end("title"), m.group("title")))
    cut = _cut_title(text)
    if cut and (not found or cut[0] >= found[-1][1]):
        found.append(cut)
    return found


def _cut_title(text: str) -> tuple[int, int, str] | None:
    """A standing title that the end of an excerpt cut off mid-word."""
    tail = text.rstrip()
    words = tail[-40:].split()
    for n in range(min(3, len(words)), 0, -1):
        candidate = " ".join(words[-n:])
        if len(candidate) >= _CUT_MIN and any(t.startswith(candidate) and t != candidate for t in _LITERALS):
            start = len(tail) - len(candidate)
            if tail[start:] == candidate and (start == 0 or tail[start - 1].isspace()):
                return start, len(tail), candidate
    return None
