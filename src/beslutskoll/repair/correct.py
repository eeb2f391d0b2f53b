"""Choosing the repair of each word: frequency, damage cost, context and the document's words."""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field

from beslutskoll.repair import candidates, context
from beslutskoll.repair.candidates import Candidate
from beslutskoll.repair.compound import compounds
from beslutskoll.repair.document import Profile, profile
from beslutskoll.repair.lexicon import Lexicon, load_lexicon
from beslutskoll.repair.tokens import TOKEN, apply_case, has_letter

# a known word's own spelling is trusted this much over what its frequency alone says,
# and a common word more: "val" is not "väl" read without its dots
KEEP_BONUS = 0.6
KEEP_BONUS_PER_ZIPF = 0.3
# score of an unknown word (a name, an abbreviation) left as it is
UNKNOWN_SCORE = 0.8
# a word the document itself spells this way elsewhere is more likely
SEEN_BONUS = 0.4
# a compound is only built when no whole word explains the damage this well
WHOLE_WORD_ENOUGH = 1.5
# extra doubt about repairing a word into a compound
COMPOUND_REPAIR_COST = 0.5
# learning a document's damage: discount per kind of confusion seen in confident repairs
LEARN_MARGIN = 0.8
LEARN_RATE = 0.45
LEARN_MAX = 1.1

# a number with letters that OCR often reads for digits: "l946"
_DIGITS_FOR_LETTERS = str.maketrans("lIOo", "1100")
_NUMBER_LIKE = re.compile(r"^[\dlIOo]+$")
# Swedish words do not start with l and a consonant: "lngrid" is "Ingrid"
_L_FOR_I = re.compile(r"^l[bcdfghklmnpqrstvwxz]")
# a page count read with a digit for s: "115 5." for "115 s."
_DIGIT_FOR_S = frozenset("538")
# Roman numerals are kept as they are: "VIII" is not "VILL"
_ROMAN = re.compile(r"^[IVXLCDM]{2,}$")
# after these a lone 1 or l is a number or a label, not the word "i"
_LABELS = frozenset("punkt bilaga paragraf kapitel sida sid nr steg del fas avsnitt alternativ nummer".split())


@dataclass
class Repairer:
    lex: Lexicon
    prof: Profile
    cache: dict[str, tuple[float, list[Candidate]]] = field(default_factory=dict)
    parts: dict[str, list[Candidate]] = field(default_factory=dict)

    def keep_score(self, w: str) -> float:
        if w in self.lex:
            z = self.lex.frequency(w)
            return z + KEEP_BONUS + KEEP_BONUS_PER_ZIPF * max(0.0, z - 3.5)
        if w in self.prof.extra:
            return self.prof.extra[w] + KEEP_BONUS
        if any(c.isdigit() for c in w) or "é" in w:
            return 0.0
        return UNKNOWN_SCORE

    def part_options(self, part: str) -> list[Candidate]:
        """Repairs of one part of a compound."""
        hit = self.parts.get(part)
        if hit is None:
            hit = self.parts[part] = candidates.generate(
                part, self.lex, self.prof.channel, self.prof.extra, pairs=False, drop=False
            )
        return hit

    def options(self, w: str) -> tuple[float, list[Candidate]]:
        hit = self.cache.get(w)
        if hit is not None:
            return hit
        keep = self.keep_score(w)
        known = w in self.lex or w in self.prof.extra
        # a known word is only read as one with a lost letter where the document loses letters
        drop = not known or (self.prof.channel.drop_cost < 1.5 and self.lex.frequency(w) < 4.5)
        cands = candidates.generate(w, self.lex, self.prof.channel, self.prof.extra, drop=drop)
        cands = [c for c in cands if c.word != w]
        best_whole = max((c.zipf - c.cost for c in cands), default=0.0)
        if not known and len(w) >= 6 and best_whole < WHOLE_WORD_ENOUGH:
            for c in compounds(w, self.part_options):
                if c.word == w:
                    keep = max(keep, c.zipf + KEEP_BONUS)
                elif c.word in self.lex:
                    cands.append(Candidate(c.word, c.cost, max(c.zipf, self.lex.frequency(c.word)), c.edits))
                else:
                    cands.append(Candidate(c.word, c.cost + COMPOUND_REPAIR_COST, c.zipf, c.edits))
        # only candidates that could ever beat keeping the word
        cands = [c for c in cands if c.zipf - c.cost + 3.0 > keep]
        hit = self.cache[w] = (keep, cands)
        return hit

    def choose(self, w: str, prev: str | None, nxt: str | None) -> Candidate | None:
        keep, cands = self.options(w)
        if not cands:
            return None
        best: Candidate | None = None
        best_score = keep + context.bonus(prev, w, nxt)
        for c in cands:
            score = c.zipf - c.cost + context.bonus(prev, c.word, nxt)
            if c.word in self.prof.words:
                score += SEEN_BONUS
            if score > best_score:
                best, best_score = c, score
        return best

    def learn(self) -> None:
        """Make the confusions this document's OCR evidently made cheaper."""
        counts: Counter[str] = Counter()
        for w in self.prof.words:
            if w in self.lex or len(w) < 3:
                continue
            keep, cands = self.options(w)
            if not cands:
                continue
            ranked = sorted(cands, key=lambda c: c.cost - c.zipf)
            best = ranked[0]
            runner_up = ranked[1].zipf - ranked[1].cost if len(ranked) > 1 else keep
            if best.zipf - best.cost >= max(keep, runner_up) + LEARN_MARGIN:
                counts.update(set(best.edits))
        discount = {k: min(LEARN_MAX, LEARN_RATE * math.log2(n)) for k, n in counts.items() if n >= 2}
        if discount:
            self.prof.channel.discount = discount
            self.cache.clear()
            self.parts.clear()

    def repair_line(self, line: str) -> str:
        matches = list(TOKEN.finditer(line))
        if not matches:
            return line
        pieces: list[str] = []
        pos = 0
        prev: str | None = None
        for i, m in enumerate(matches):
            token = m.group()
            raw_next = matches[i + 1].group() if i + 1 < len(matches) else None
            nxt = raw_next.lower() if raw_next else None
            after = line[m.end() : m.end() + 1]
            if token in ("1", "l") and after == " " and _lone_i(prev, raw_next):
                new = "i"
            elif token in _DIGIT_FOR_S and after == "." and prev and prev.isdigit() and len(prev) >= 2:
                new = "s"
            else:
                new = self.repair_token(token, prev, nxt)
            pieces.append(line[pos : m.start()])
            pieces.append(new)
            pos = m.end()
            prev = new.lower()
        pieces.append(line[pos:])
        return "".join(pieces)

    def repair_token(self, token: str, prev: str | None, nxt: str | None) -> str:
        if not has_letter(token) or _ROMAN.match(token):
            return token
        if _NUMBER_LIKE.match(token) and sum(c.isdigit() for c in token) >= 2:
            return token.translate(_DIGITS_FOR_LETTERS)
        w = token.lower()
        best = self.choose(w, prev, nxt)
        if best is None:
            if _L_FOR_I.match(token) and w not in self.lex and w[1:].isalpha():
                return "I" + token[1:]
            return token
        # l for I starts a name; a common word read with l for i keeps its small letter
        capital_i = best.first_l and best.zipf < 4.5
        return apply_case(token, best.word, capital_i=capital_i)


def _lone_i(prev: str | None, nxt: str | None) -> bool:
    return bool(
        prev and nxt and prev.isalpha() and prev.islower() and nxt.isalpha() and len(prev) > 1
        and len(nxt) > 1 and prev not in _LABELS
    )


def repair(text: str, vocabulary: set[str] | None = None) -> str:
    lex = load_lexicon()
    prof = profile(text, lex)
    if vocabulary:
        for word in vocabulary:
            prof.extra.setdefault(word.lower(), 4.0)
    repairer = Repairer(lex, prof)
    repairer.learn()
    return "\n".join(repairer.repair_line(line) for line in text.split("\n"))
