"""Reading follow-up facts from running Swedish text: recommendations, references to them,
follow-up rounds ("Krokom – Nej …") and the outcome of a party's decision.

Pure functions on strings; nothing here touches the database.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from beslutskoll.parse.dates import MONTHS, find_dates

_MONTH = "|".join(sorted((m for m in MONTHS if len(m) > 3), key=len, reverse=True))
DATE = rf"(?:\d{{4}}-\d\d-\d\d|\d{{1,2}}\s+(?:{_MONTH})\s+\d{{4}})"
# a body as written before a date: an acronym ("SVOM", "SocSam"), maybe with a genitive
_ACRONYM = r"[A-ZÅÄÖ][A-Za-zÅÄÖåäö]*[A-ZÅÄÖ][A-Za-zÅÄÖåäö]*"

_RECOMMEND = re.compile(r"\brekommender(?:a|ar|ade|at)\b(?!\s+att\b)", re.I)
# where the addressees end: "att", a colon, a dash list, a full stop, or the next recommendation
_ADDRESSEES_END = re.compile(r"\s+att\b|:|\s[-–]\s|\.(?:\s|$)|\brekommender", re.I)
_PAST = re.compile(r"\b(?:beslutade|beslöt|har beslutat|rekommenderade|har rekommenderat|rekommendation(?:en)?)\b",
                   re.I)
# "… rekommendation vid SVOM den 26 februari 2021, § 9:" or "SVOM:s sammanträde den 7 oktober 2022"
_REFERENCE = re.compile(
    rf"(?P<body>{_ACRONYM})(?::s|s)?\)?(?:\s+(?:sammanträde|möte))?\s*,?\s+(?:den\s+)?(?P<date>{DATE})"
    rf"(?:\s*,?\s*§\s*(?P<num>\d+))?"
)
_SECTION = re.compile(r"§\s*(\d+)")


@dataclass
class RecommendationRef:
    """Which recommendation a passage is about: the recommending body as written, date, §."""

    body: str
    date: str
    number: str = ""

    @property
    def key(self) -> tuple[str, str]:
        return (self.body.casefold(), self.date)


@dataclass
class Statement:
    """A recommendation as written: "rekommendera <addressees> att <content>"."""

    addressees: str
    content: str
    start: int
    # the earlier decision the statement reports, when the text says so; None for one's own decision
    ref: RecommendationRef | None = None


@dataclass
class RoundAnswer:
    place: str
    answer: str  # "ja", "nej" or "delvis"
    note: str = ""


@dataclass
class Round:
    answers: list[RoundAnswer] = field(default_factory=list)
    start: int = 0
    ref: RecommendationRef | None = None


def clean(text: str) -> str:
    return " ".join(text.split())


def references(text: str, default_year: int | None = None) -> list[tuple[int, RecommendationRef]]:
    """Every "BODY [sammanträde] den DATE [, § N]" in text, with its position."""
    found = []
    for m in _REFERENCE.finditer(text):
        if m.group("body").casefold() in MONTHS:
            continue
        dates = find_dates(m.group("date"), default_year)
        if dates:
            found.append((m.start(), RecommendationRef(m.group("body"), dates[0][1], m.group("num") or "")))
    return found


def statements(text: str) -> list[Statement]:
    """Recommendations written in text, each with the earlier decision it reports (if any)."""
    found: list[Statement] = []
    refs = references(text)
    for m in _RECOMMEND.finditer(text):
        rest = text[m.end():]
        end = _ADDRESSEES_END.search(rest)
        addressees = clean(rest[: end.start() if end else 200])[:200]
        # a clause of its own ("… samverkansråd ställer sig bakom …") ends the addressees
        addressees = re.split(r"\s(?:ställer|beslutar|har|ska|som|vilket)\s", addressees)[0]
        # parties, not one's own council ("rekommenderar kommunfullmäktige att …")
        if not re.search(r"kommuner|\bkommun\b|\bregion(?:en|ens)?\b|\blandsting(?:et)?\b|\blän|huvudm|parter",
                         addressees, re.I):
            continue
        content = ""
        if end and end.group(0).strip().casefold() in ("att", ":"):
            content = _content(rest[end.end():])
        before = text[max(0, m.start() - 300): m.start()]
        ref = None
        if _PAST.search(before[-200:]) or _PAST.search(text[m.start(): m.end()]) or before.rstrip().endswith(":") \
                or re.search(r":\s*(?:Beslut\s*)?\n?\s*\S+\s+beslutar\s+att\s*$", before):
            near = [r for pos, r in refs if m.start() - 300 <= pos < m.start()]
            ref = near[-1] if near else None
        found.append(Statement(addressees=addressees, content=content, start=m.start(), ref=ref))
    return found


def _content(text: str) -> str:
    """What is recommended: the first clause or list item after "att"."""
    text = text.lstrip(" :\n")
    text = re.sub(r"^(?:\d+\.|[-–•])\s*", "", text)
    m = re.search(r"\n\s*\n|\s[-–•]\s|\.\s|\n\s*(?:\d+\.|[-–•])|$", text)
    return clean(text[: m.start() if m else 200])[:300].rstrip(" ,;:.")


# "Krokom – Nej.", "Bräcke – Nej, men frågan ska tas upp …", "Strömsund: Ja"
_ROUND_LINE = re.compile(
    r"^[\s•·*-]*(?P<place>[A-ZÅÄÖ][\wÅÄÖåäö.-]*(?:\s[A-ZÅÄÖ][\wÅÄÖåäö-]*){0,3})\s*(?:[–—-]|:)\s*"
    r"(?P<answer>Ja|Nej|Delvis)\b[.,:;!]?\s*(?P<note>.*)$"
)


# how far before a round its recommendation may be named (about a page)
_ROUND_REACH = 3000


def rounds(text: str) -> list[Round]:
    """Blocks of at least two "Place – Ja/Nej/Delvis [note]" lines (blank lines between allowed)."""
    found: list[Round] = []
    current: Round | None = None
    position = 0
    for line in text.split("\n"):
        m = _ROUND_LINE.match(line)
        if m:
            if current is None:
                current = Round(start=position)
            note = re.sub(r"^(?:men|och)\s+", "", m.group("note").strip(), flags=re.I)
            note = note[:1].upper() + note[1:]
            current.answers.append(RoundAnswer(m.group("place").strip(), m.group("answer").lower(), note))
        elif line.strip():
            if current is not None and len(current.answers) >= 2:
                found.append(current)
            current = None
        position += len(line) + 1
    if current is not None and len(current.answers) >= 2:
        found.append(current)
    for block in found:
        # the round follows up the recommendation the text named last before it
        before = [r for pos, r in references(text) if block.start - _ROUND_REACH <= pos < block.start]
        block.ref = before[-1] if before else None
    return found


# --- a party's decision ------------------------------------------------------------------------

_REJECTED = re.compile(r"\bavslå\w*|\bavslag\b|avstyrk\w*|(?:inte|ej) (?:anta|godkänna|ställa sig bakom|ingå)"
                       r"|beslutar att inte\b", re.I)
_PARTLY = re.compile(r"\bdelvis\b|med (?:undantag|följande ändring|ändring|tillägg|reservation)", re.I)
_ADOPTED = re.compile(r"\bant(?:ar|as|a|agits|ogs|agen|aget)\b|godkän\w*|fastställ\w*|ställ(?:er|t|a)? sig bakom"
                      r"|bifall\w*|tillstyrk\w*|ingå[rs]?\b|beslutar enligt", re.I)
# a board's proposal to its council: a step towards adoption, not yet the party's decision
_TO_COUNCIL = re.compile(r"(?:föreslår|rekommenderar|hemställer hos|föreslås)\s+(?:\w+\s+)?(?:kommun|region|landstings)?"
                         r"fullmäktige", re.I)
_NOTED = re.compile(r"tagit del av|ta[rg]? del av|läggs? till handlingarna|noterar|informationen", re.I)
_DEFERRED = re.compile(r"bordläg\w*|återremitt\w*|skjuts? upp|tas upp (?:vid|på|igen)|senare sammanträde", re.I)


def outcome(decision: str) -> tuple[str, str] | None:
    """A party's decision read as (status, note); None when there is no decision to read."""
    text = clean(decision)
    if not text:
        return None
    if _REJECTED.search(text):
        return "avslagen", ""
    if _DEFERRED.search(text):
        return "ej beslutad", "Ärendet har skjutits upp"
    if _TO_COUNCIL.search(text):
        return "ej beslutad", "Föreslås fullmäktige, ännu inte beslutat där"
    if _ADOPTED.search(text):
        return ("delvis", "") if _PARTLY.search(text) else ("antagen", "")
    if _NOTED.search(text):
        return "ej beslutad", "Endast noterad, inget ställningstagande"
    return None


def round_status(answer: RoundAnswer) -> str:
    """A "Ja/Nej" answering whether the party has decided in line with the recommendation yet."""
    if answer.answer == "ja":
        return "antagen"
    if answer.answer == "delvis":
        return "delvis"
    if re.search(r"avslag|avslog|avslagit|beslutat att inte|sagt nej", answer.note, re.I):
        return "avslagen"
    return "ej beslutad"


# --- titles --------------------------------------------------------------------------------------

_STOP = {"och", "om", "av", "för", "till", "i", "på", "med", "att", "en", "ett", "den", "det", "de", "samt",
         "från", "vid", "gällande", "avseende", "nytt", "ny", "nya", "reviderat", "reviderad", "revidering"}


def words(text: str) -> set[str]:
    """Content words, crudely stemmed (first six letters) so inflections meet."""
    tokens = re.findall(r"[a-zåäöéü]{3,}", text.casefold())
    return {t[:6] for t in tokens if t not in _STOP}


def similar(a: str, b: str) -> float:
    """Share of the shorter text's content words found in the other."""
    wa, wb = words(a), words(b)
    if len(wa) < 2 or len(wb) < 2:
        return 0.0
    return len(wa & wb) / min(len(wa), len(wb))


def recommendation_refs(text: str) -> list[RecommendationRef]:
    """References that the text calls a recommendation ("SVOM:s rekommendation den 7 oktober 2022",
    "rekommendation vid SVOM den 26 februari 2021, § 9")."""
    found = []
    for pos, ref in references(text):
        window = text[max(0, pos - 60): pos + 80]
        if re.search(r"rekommend", window, re.I):
            found.append(ref)
    return found
