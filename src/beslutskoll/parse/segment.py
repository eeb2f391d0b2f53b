"""Find where items start: § paragraphs, numbered agenda points, lists.

Works on the document's text as one string so that heads are found both at
line starts and inside pages flattened to one line. Item numbers run on
(44, 45, 46 …), so the heads are chosen as the best chain of consecutive
numbers; numbered lists inside an item, page numbers and dates fall out of it.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from beslutskoll.parse.names import LOWER, UPPER

# "§ 44", "§44", "KF § 102", "Bu § 39", "KS 235" (only at a line start with a known prefix)
_PARA = re.compile(rf"(?:(?<=\n)|^)[ \t•·]*(?:[{UPPER}][{UPPER}{LOWER}]{{0,5}}\s+)?§§?\s*(\d{{1,4}})([A-Za-z])?\b[.:]?")
_PARA_INLINE = re.compile(r"(?<![\w§])§\s*(\d{1,4})([A-Za-z])?\b(?!\s*(?:-|–|och|,)\s*\d)")
# "KS 235 Dnr 191/2013": a body's prefix and the paragraph number without "§"
_PREFIXED = re.compile(r"\b[A-ZÅÄÖ][A-Za-zÅÄÖåäö]{0,4}\s+(\d{1,4})\s+(?=(?:Dnr|DNR|Diarienummer)\b)")
# "1. Title", "1 Title", "12) Title" at a line start; "•   1" (web lists)
_NUM_LINE = re.compile(
    rf"(?:(?<=\n)|^)[ \t]*(?:[•·\-–*]\s*)?(\d{{1,3}})([A-Z])?(?:[.)]|\.?(?=\s))[ \t]*(?=[{UPPER}\"“”']|\n|$)"
)
# a number inside a flattened line followed by a capitalised word or an acronym: "… 19 Fastställande av …"
# (never across a blank line: "… utvecklare, 4" ending a paragraph is no head of the next one)
_NUM_INLINE = re.compile(rf"(?<=[\s])(\d{{1,3}})\.?(?:[ \t]+|[ \t]*\n[ \t]*)(?=[{UPPER}](?:[{LOWER}]|[{UPPER}]+[\s,]))")
# a page marker just before an inline head: "… Sida 2 (15) 1 Förläggning …", "1 av 2 3 Justering …"
_PAGE_BEFORE = re.compile(r"(?:\d{1,3}\s*\(\d{1,3}\)|\b\d{1,3} av \d{1,3})\s*$")


@dataclass
class Head:
    start: int  # where the head begins in the text
    body: int  # where the text after the number begins
    number: int
    suffix: str  # "B" in "1B"
    style: str  # "para", "line", "inline"
    weight: float
    bare: bool = False  # the number stands alone on its line ("•   11"), its title on the next
    dotted: bool = False  # written "7." as an agenda point, not a bare number

    @property
    def label(self) -> str:
        return f"{self.number}{self.suffix}"


def find_heads(text: str) -> list[Head]:
    heads: dict[int, Head] = {}

    def add(head: Head) -> None:
        # keyed by where the head's text begins: "KF § 102" and "§ 102" are one head
        old = heads.get(head.body)
        if old is None or old.weight < head.weight:
            heads[head.body] = head

    for m in _PARA.finditer(text):
        add(Head(m.start(), m.end(), int(m.group(1)), m.group(2) or "", "para", 3.0))
    for m in _PARA_INLINE.finditer(text):
        add(Head(m.start(), m.end(), int(m.group(1)), m.group(2) or "", "para", 1.5))
    for m in _PREFIXED.finditer(text):
        add(Head(m.start(), m.end(), int(m.group(1)), "", "para", 2.5))
    bare_numbers: set[int] = set()
    for m in _NUM_LINE.finditer(text):
        bare = text[m.end():m.end() + 1] in ("\n", "")
        if bare:
            bare_numbers.add(m.start(1))
        dotted = text[m.end(1):m.end(1) + 1] == "."
        add(Head(m.start(), m.end(), int(m.group(1)), m.group(2) or "", "line", 2.0, bare, dotted))
    for m in _NUM_INLINE.finditer(text):
        if m.start(1) in bare_numbers:
            continue  # "•   1" with its title on the next line is a line head only
        if _PAGE_BEFORE.search(text, max(0, m.start() - 16), m.start()):
            # a flattened page starts with its first paragraph: as good as a head at a line start
            add(Head(m.start(), m.end(), int(m.group(1)), "", "line", 2.5))
        elif not _in_date_or_amount(text, m.start(), m.end()):
            add(Head(m.start(), m.end(), int(m.group(1)), "", "inline", 0.8, dotted=text[m.end(1)] == "."))
    return sorted(heads.values(), key=lambda h: h.start)


def _in_date_or_amount(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - 12):start].lower()
    after = text[end:end + 12].lower()
    return bool(
        re.search(r"(?:kl\.?|klockan|sida|den|nr|år|dnr|§|sid\.?|page|s\.)\s*$", before)
        or re.match(r"(?:kr|tkr|mnkr|procent|%|st\b|januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december)", after)
    )


def best_chain(heads: list[Head], min_len: int = 2, listed: frozenset[int] = frozenset()) -> list[Head]:
    """The heaviest run of heads in text order whose numbers go up by one.

    listed: numbers a table of contents names; one head at a line start with such a number is a chain.
    """
    if not heads:
        return []
    n = len(heads)
    score = [h.weight for h in heads]
    prev = [-1] * n
    for j in range(n):
        hj = heads[j]
        for i in range(j - 1, -1, -1):
            hi = heads[i]
            if hi.style != hj.style and {hi.style, hj.style} != {"line", "inline"}:
                continue
            step = hj.number - hi.number
            same_number_next_letter = step == 0 and hi.suffix < hj.suffix and hj.suffix
            if step == 1 or same_number_next_letter:
                cand = score[i] + hj.weight
                if cand > score[j]:
                    score[j] = cand
                    prev[j] = i
            elif step == 2 or (hi.bare and hj.bare and 2 < step <= 10) or (step == 3 and hi.dotted and hj.dotted):
                # one number lost in transcription or excerpt; a web page's list may skip several; agenda
                # points written "4." and "7." may lose two, and cost less to skip: "7." is surely a point
                cand = score[i] + hj.weight - (0.5 if hi.dotted and hj.dotted else 1.0)
                if cand > score[j]:
                    score[j] = cand
                    prev[j] = i
    end = max(range(n), key=lambda k: (score[k], -k))
    chain: list[Head] = []
    while end != -1:
        chain.append(heads[end])
        end = prev[end]
    chain.reverse()
    chain = _fill_gaps(chain, heads)
    lone_ok = len(chain) == 1 and (chain[0].weight >= 2.5 or (chain[0].style == "line" and chain[0].number in listed))
    if len(chain) < min_len and not lone_ok:
        return []
    return chain


def _fill_gaps(chain: list[Head], heads: list[Head]) -> list[Head]:
    """Where one number is missing (n, n+2), a head between them whose digits OCR damaged is n+1."""
    out: list[Head] = []
    for a, b in zip(chain, [*chain[1:], None], strict=False):
        out.append(a)
        if b is not None and b.number - a.number == 2:
            want = str(a.number + 1)
            between = [
                h for h in heads
                if a.start < h.start < b.start and h.style == a.style and str(h.number) in want and h.number != 1 + a.number - 1
            ]
            if between:
                h = between[-1]  # after any list inside the item that starts "1."
                out.append(Head(h.start, h.body, a.number + 1, "", h.style, h.weight))
    return out


def _until_gap(chain: list[Head]) -> list[Head]:
    """An agenda ends where the attached documents begin: cut at a gap far wider than the others."""
    gaps = sorted(b.start - a.start for a, b in itertools.pairwise(chain))
    if len(gaps) < 3:
        return chain
    limit = max(3000, 8 * gaps[len(gaps) // 2])
    for k in range(1, len(chain)):
        if chain[k].start - chain[k - 1].start > limit:
            return chain[:k]
    return chain


def chains(heads: list[Head], prefer_first: bool = False, listed: frozenset[int] = frozenset()) -> list[list[Head]]:
    """Up to two chains: e.g. a table of contents and the paragraphs it lists.

    With prefer_first (a notice), the agenda is the earliest long chain: the
    attached documents after it may hold longer numbered lists.
    """
    first = best_chain(heads, listed=listed)
    if not first:
        return []
    if prefer_first:
        before = best_chain([h for h in heads if h.start < first[0].start])
        if len(before) >= 3:
            first = before
        return [_until_gap(first)]
    used = {h.start for h in first}
    rest = [h for h in heads if h.start not in used]
    numbers = {h.number for h in first}
    second = best_chain(rest)
    found = [first]
    if len(second) >= 2 and len(numbers & {h.number for h in second}) >= 2:
        found.append(second)
    elif len(second) == 1 and second[0].number in numbers and second[0].start > first[-1].start:
        found.append(second)  # an excerpt that kept one paragraph of those its contents list
    found.sort(key=lambda c: c[0].start)
    return found
