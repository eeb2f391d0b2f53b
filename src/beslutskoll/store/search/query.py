"""The search box's little language, parsed into clauses that each engine turns into its own syntax.

    vård omsorg        both words (any inflection, with or without å, ä, ö)
    "vård och omsorg"  the words in this order
    vård*              words beginning with "vård"
    skola OR förskola  either
    -bygglov           not this word (or "phrase")
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from beslutskoll.store.search.text import STOPWORDS, WORD, fold, term

_TOKEN = re.compile(r'(-?)"([^"]*)"?(\*?)|(\S+)')


@dataclass(frozen=True)
class Clause:
    """One word or phrase: its terms in order; `prefix` is the folded start of a word ending in *."""

    terms: tuple[str, ...]
    words: tuple[str, ...]  # folded, unstemmed
    prefix: str = ""  # the last word is a prefix: terms[-1] is its stem, prefix its folded form

    @property
    def is_phrase(self) -> bool:
        return len(self.terms) > 1


@dataclass
class Query:
    # every group must match; a group matches when one of its clauses does (OR)
    groups: list[list[Clause]] = field(default_factory=list)
    excluded: list[Clause] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not self.groups and not self.excluded

    def clauses(self) -> list[Clause]:
        return [clause for group in self.groups for clause in group]


def _clause(text: str, prefix: bool) -> Clause | None:
    found = [m.group() for m in WORD.finditer(text)]
    if not found:
        return None
    folded = tuple(fold(w) for w in found)
    return Clause(tuple(term(w) for w in found), folded, folded[-1] if prefix else "")


def parse_query(text: str) -> Query:
    query = Query()
    pending_or = False
    for m in _TOKEN.finditer(text):
        negated = False
        if m.group(4) is not None:
            raw = m.group(4)
            if raw == "OR":
                pending_or = bool(query.groups)
                continue
            if raw.startswith("-") and len(raw) > 1:
                negated, raw = True, raw[1:]
            clause = _clause(raw.rstrip("*"), raw.endswith("*"))
        else:
            negated = m.group(1) == "-"
            clause = _clause(m.group(2), m.group(3) == "*")
        if clause is None:
            continue
        if negated:
            query.excluded.append(clause)
        elif pending_or:
            query.groups[-1].append(clause)
        else:
            query.groups.append([clause])
        pending_or = False
    # small words alone say nothing; keep them only when nothing else is asked
    kept = [g for g in query.groups if not _is_stopword(g)]
    if kept:
        query.groups = kept
    return query


def _is_stopword(group: list[Clause]) -> bool:
    return all(len(c.terms) == 1 and not c.prefix and c.words[0] in STOPWORDS for c in group)
