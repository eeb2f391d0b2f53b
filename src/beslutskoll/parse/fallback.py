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
    return found
