"""Highlighted snippets: the part of an item's text with the most matched words, HTML-escaped,
with <mark> around each match. Computed in Python for the hits of one page only."""

from __future__ import annotations

from html import escape
from itertools import accumulate

from beslutskoll.store.search.query import Query
from beslutskoll.store.search.text import OCR_SUSPECTS, WORD, fold, fold_word, ocr_variants, term

WINDOW = 30  # words in a snippet


def _matched(words: list[str], query: Query, suspects: bool = True) -> list[bool]:
    """Which words match a clause; `suspects`: the text has letters OCR puts for å, ä, ö."""
    stems = [term(w) for w in words]
    clauses = query.clauses()
    folded = [fold_word(w) for w in words] if any(c.prefix for c in clauses) else stems
    marked = [False] * len(words)
    for clause in clauses:
        n = len(clause.terms)
        for i in range(len(words) - n + 1):
            ok = True
            for j, wanted in enumerate(clause.terms):
                k = i + j
                last = j == n - 1
                if stems[k] == wanted or (suspects and wanted in ocr_variants(words[k])):
                    continue
                if last and clause.prefix and (folded[k].startswith(clause.prefix) or stems[k].startswith(wanted)):
                    continue
                ok = False
                break
            if ok:
                for j in range(n):
                    marked[i + j] = True
    return marked


def _matched_in(text: str, query: Query) -> list[bool]:
    """_matched() for a text's words; OCR variants are only looked up where OCR's letters are."""
    return _matched(WORD.findall(text), query, any(c in text for c in OCR_SUSPECTS))


def _likely_matches(text: str, stems: list[str]) -> int:
    """A cheap estimate of a text's matches: a stem is (nearly always) the start of the words it
    stems from, so it occurs in the folded text wherever one of them does."""
    folded = fold(text)
    return sum(folded.count(stem) for stem in stems)


def snippet(texts: list[str], query: Query, window: int = WINDOW) -> str:
    """The best passage of the text with the most matches (texts in order of preference)."""
    stems = list({t for clause in query.clauses() for t in clause.terms})
    candidates = [t for t in texts if t]
    if not candidates:
        return ""
    # only the likeliest text is split into words: that is most of the work
    text = max(candidates, key=lambda t: (_likely_matches(t, stems), -candidates.index(t)))
    spans = list(WORD.finditer(text))
    marked = _matched_in(text, query)
    if not any(marked):  # a match the estimate missed (OCR variants): look at every text
        for other in candidates:
            other_spans = list(WORD.finditer(other))
            other_marked = _matched_in(other, query)
            if any(other_marked):
                text, spans, marked = other, other_spans, other_marked
                break
    if not spans:
        return escape(text[:200])
    # the window of words holding the most matches, starting a little before its first match
    start = 0
    if len(spans) > window:
        ahead = list(accumulate(marked, initial=0))  # matches before each word
        counts = [after - before for before, after in zip(ahead, ahead[window:], strict=False)]
        top = counts.index(max(counts))  # the first of the fullest windows
        first = next((i for i in range(top, top + window) if marked[i]), top)
        start = max(0, min(first - 3, len(spans) - window))
    end = min(len(spans), start + window)
    begin = 0 if start == 0 else spans[start].start()
    finish = len(text) if end == len(spans) else spans[end - 1].end()
    out = ["… " if begin else ""]
    position = begin
    for i in range(start, end):
        if marked[i]:  # escape the text between marks in one piece
            m = spans[i]
            out.append(escape(text[position : m.start()]))
            out.append(f"<mark>{escape(m.group())}</mark>")
            position = m.end()
    out.append(escape(text[position:finish]))
    if finish < len(text):
        out.append(" …")
    return " ".join("".join(out).split())
