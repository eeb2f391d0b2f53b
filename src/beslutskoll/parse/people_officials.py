"""Chair, secretary, adjusters (justerare) and the adjustment's time and place."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from beslutskoll.model import Adjustment
from beslutskoll.parse.dates import find_dates
from beslutskoll.parse.people_names import RUN_RE, Chunk, clean_name, split_run

_CHAIN_LABEL_RE = re.compile(
    r"(?<![\w-])(?:(?P<chair>Ordförande|ORDFÖRANDE|Ordf\.)|(?P<sec>Sekreterare|SEKRETERARE)"
    r"|(?P<adj>Utses\s+att\s+justera|Justerare|Justerande|JUSTERANDE)"
    r"|(?P<res>Ersättare)(?!\s+för)"
    r"|(?P<place>Justeringens\s+(?:datum,\s+)?(?:plats\s+och\s+tid|tid\s+och\s+plats|plats|tid)"
    r"|Tid\s+och\s+plats\s+för\s+justering|Justering(?=\s))"
    r"|(?P<para>Paragrafer|Paragraf)|(?P<sign>Underskrifter|Underskrift))(?![\w-])\s*[:.]?"
)
# filler allowed between labels and names in a signature block
_FILLER_RE = re.compile(
    r"(?:\s|\.{2,}|…+|_+|§+|\d{1,3}(?:\s*[-–]\s*\d{1,3})?(?![\d:.-])|\([^()\n]{1,8}\)|[,:;])+"
)
_PERSON_AT_RE = RUN_RE
# presence headings and a lone title word between a signature label and its name
_SKIP_IN_CHAIN_RE = re.compile(
    r"(?:Närvarande\s+tjänstemän|Övriga\s+närvarande|Tjänstemän|föredragande|[a-zåäö]+(?:sekreterare|chef))(?![\w-])\s*:?"
)


@dataclass
class Officials:
    chair: list[str] = field(default_factory=list)
    secretary: list[str] = field(default_factory=list)
    adjusters: list[str] = field(default_factory=list)


def _person_at(text: str, pos: int) -> tuple[list[Chunk], int] | None:
    """Person chunks of the capitalised run starting at pos (None when it is no person)."""
    m = _PERSON_AT_RE.match(text, pos)
    if not m:
        return None
    chunks = split_run(m.group(0), m.start())
    people: list[Chunk] = []
    for ch in chunks:
        if not ch.person:
            break
        people.append(ch)
    if not people:
        return None
    return people, people[-1].end


def signature_chains(text: str) -> Officials:
    """Label-first blocks: 'Sekreterare X Ordförande Y Justerare Z' or 'Justerare: Ordförande: A B C'."""
    out = Officials()
    pos = 0
    n = len(text)
    while True:
        m = _CHAIN_LABEL_RE.search(text, pos)
        if not m:
            break
        before = text[max(0, m.start() - 8) : m.start()]
        role_like = re.search(r"(?:\([A-Za-zÅÄÖåäö]{1,4}\)|,)\s*$", before) and not _CHAIN_LABEL_RE.match(
            text, m.end()
        )
        if m.lastgroup == "res" or role_like or _ends_with_person(text, m.start()):
            pos = m.end()
            continue
        pos = _run_chain(text, m, out)
        if pos >= n:
            break
    return out


def _ends_with_person(text: str, pos: int) -> bool:
    seg = text[max(0, pos - 60) : pos].rstrip()
    m = re.search(r"[A-ZÅÄÖ][a-zåäöé]+$", seg)
    if not m:
        return False
    run_start = seg.rfind("\n") + 1
    run = list(RUN_RE.finditer(seg, run_start))
    if not run or run[-1].end() != len(seg):
        return False
    return any(c.person for c in split_run(run[-1].group(0)))


def _run_chain(text: str, m: re.Match[str], out: Officials) -> int:
    queue: list[str] = []
    pos = m.start()
    current: str | None = None
    joined = False
    while pos < len(text):
        lm = _CHAIN_LABEL_RE.match(text, pos)
        if lm:
            kind = lm.lastgroup or ""
            if kind in ("chair", "sec", "adj", "res", "place") and not (queue and queue[-1] == kind):
                queue.append(kind)
            pos = lm.end()
            current = None
            continue
        fm = _FILLER_RE.match(text, pos)
        if fm and fm.end() > pos:
            if "," in fm.group(0) and current:
                joined = True
            pos = fm.end()
            continue
        gm = _SKIP_IN_CHAIN_RE.match(text, pos)
        if gm:
            pos = gm.end()
            continue
        if text.startswith("och ", pos) and current:
            joined = True
            pos += 4
            continue
        found = _person_at(text, pos)
        if not found:
            break
        people, end = found
        for ch in people:
            name = clean_name(ch.text)
            if current and joined:
                _add(out, current, name)
                joined = False
                continue
            while queue and queue[0] == "place":
                queue.pop(0)
            if not queue:
                return end
            current = queue.pop(0)
            _add(out, current, name)
        pos = end
    return max(pos, m.end())


def _add(out: Officials, kind: str, name: str) -> None:
    if kind == "chair":
        out.chair.append(name)
    elif kind == "sec":
        out.secretary.append(name)
    elif kind == "adj":
        out.adjusters.append(name)


NAME_PAT = r"[A-ZÅÄÖÉ][\w'´-]+(?:\s(?:(?:von|van|af|de|den)\s)*[A-ZÅÄÖÉ][\w'´-]+){1,3}"
_PARTY_OPT = r"(?:\s*,?\s*\([^()\n]{1,12}\))?"
_LIST = rf"{NAME_PAT}{_PARTY_OPT}(?:\s*(?:,|och)\s*{NAME_PAT}{_PARTY_OPT})*"

_ADJ_SENTENCES = [
    re.compile(
        rf"(?P<n>{_LIST})\s+(?:utses|väljs|valdes|utsågs|föreslås|föreslogs)\s+(?:till\s+justerare|(?:tillsammans\s+med\s+ordföranden\s+)?att\s+(?:tillsammans\s+med\s+ordföranden\s+)?justera)"
    ),
    re.compile(
        rf"\butse[rs]?\s+(?P<n>{_LIST})\s+(?:till\s+justerare|att\s+(?:tillsammans\s+med\s+ordföranden\s+)?justera)"
    ),
    re.compile(rf"(?:[Tt]ill\s+justerare\s+(?:utses|valdes|utsågs|väljs))\s+(?P<n>{_LIST})"),
    re.compile(rf"(?P<n>{NAME_PAT}){_PARTY_OPT},?\s+ersätter\s+[^\n]{{0,60}}?som\s+justerare"),
]
_NAME_ROLE_RE = re.compile(rf"(?P<n>{NAME_PAT}){_PARTY_OPT}\s*,\s*(?P<r>ordförande|sekreterare|justerare)\b")
_NAME_FIRST_RE = re.compile(
    rf"(?P<c>{NAME_PAT})\s*,?\s+(?:Ordförande|[A-ZÅÄÖ][\wåäö-]+s\s+ordförande)(?:\s+(?P<s>{NAME_PAT})\s*,?\s+Sekreterare)?(?=\s|$)"
)
_OPENS_RE = re.compile(rf"M\S?tet\s+\S?ppnas\s+(?P<n>{NAME_PAT})")


def names_in_list(s: str) -> list[str]:
    out: list[str] = []
    for m in re.finditer(NAME_PAT, s):
        for ch in split_run(m.group(0), 0):
            if ch.person:
                out.append(clean_name(ch.text))
    return out


def sentence_adjusters(text: str) -> list[str]:
    out: list[str] = []
    for rx in _ADJ_SENTENCES:
        for m in rx.finditer(text):
            out.extend(names_in_list(m.group("n")))
    return out


def name_role_pairs(text: str) -> list[tuple[str, str]]:
    out = []
    for m in _NAME_ROLE_RE.finditer(text):
        names = names_in_list(m.group("n"))
        if names:
            out.append((names[-1], m.group("r")))
    return out


def name_first_signatures(text: str) -> tuple[str | None, str | None]:
    for m in _NAME_FIRST_RE.finditer(text):
        after = text[m.end() : m.end() + 30]
        if not m.group("s") and re.match(r"[ \t]+[A-ZÅÄÖ][a-zåäö]+[ \t]+[A-ZÅÄÖ][a-zåäö]+", after):
            continue
        chair = names_in_list(m.group("c"))
        sec = names_in_list(m.group("s")) if m.group("s") else []
        if chair:
            return chair[-1], (sec[-1] if sec else None)
    return None, None


def opener(text: str) -> str | None:
    m = _OPENS_RE.search(text)
    if m:
        names = names_in_list(m.group("n"))
        return names[0] if names else None
    return None


_ADJ_PLACE_RE = re.compile(
    r"(?:Justeringens\s+(?:datum,\s+)?(?:plats\s+och\s+tid|tid\s+och\s+plats|plats|tid)|Tid\s+och\s+plats\s+för\s+justering"
    r"|Justeringsdag)\s*:?\s*(?P<v>[^\n]{0,120})"
)
_ADJ_SENTENCE_PLACE_RE = re.compile(
    r"(?:Justeringen\s+sker|justeras|Protokollet\s+justeras)\s+(?:på|i)\s+(?P<p>[^\n.,]{3,60}?)\s+(?:\w+dag(?:en)?\s+)?den\s+(?P<d>\d{1,2}\s+\w+(?:\s+\d{4})?)"
)
_PLACE_STOP_RE = re.compile(
    r"\s*(?:,\s*)?(?:\b(?:[Kk]l\.?|[Kk]lockan)\b|\b(?:mån|tis|ons|tors|fre|lör|sön)dag(?:en)?\b|\bden\s+\d|\d{4}-\d\d-\d\d|\d{1,2}\s+[a-zåäö]+\s+\d{4}"
    r"|Underskrifter|Paragrafer|Sekreterare|Ordförande|Justerare|Utses|ANSLAG|$)",
    re.IGNORECASE,
)


def adjustment(text: str, meeting_year: int | None) -> Adjustment | None:
    m = _ADJ_PLACE_RE.search(text)
    if m:
        value = m.group("v")
        dates = find_dates(value[:60], meeting_year)
        date = dates[0][1] if dates else None
        v = re.sub(r"^(?:\d{4}-\d\d-\d\d|\d{1,2}\s+\w+\s+\d{4})\s*", "", value.strip())
        stop = _PLACE_STOP_RE.search(v)
        place = v[: stop.start()].strip(" ,.") if stop else v.strip(" ,.")
        if (
            not place
            or re.match(r"^[\d\s,.:-]*$", place)
            or len(place) > 80
            or (place[:1].isalpha() and not re.search(r"[A-ZÅÄÖa-zåäö]{3,}", place))
        ):
            place = None
        return Adjustment(date=date, place=place)
    m = _ADJ_SENTENCE_PLACE_RE.search(text)
    if m:
        place = m.group("p").strip()
        place = place[:1].upper() + place[1:]
        dates = find_dates(m.group("d"), meeting_year)
        return Adjustment(date=dates[0][1] if dates else None, place=place)
    return None
