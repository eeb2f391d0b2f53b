"""Choosing the repair of each word: frequency, damage cost, context and the document's words."""

from __future__ import annotations

import functools
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
# how common a word of the document's own vocabulary (its attendees' names) counts as
VOCABULARY_ZIPF = 4.0
# a word the document itself spells this way elsewhere is more likely
SEEN_BONUS = 0.4
# a compound is only built when no whole word explains the damage this well
WHOLE_WORD_ENOUGH = 1.5
# the most damage looked for in one part of a compound
PART_MAX_COST = 1.6
# extra doubt about repairing a word into a compound
COMPOUND_REPAIR_COST = 0.5
# the most any candidate can score: the commonest word with the best context
MAX_SCORE = 7.6 + 1.8 + SEEN_BONUS
# a known word is only read as another through one likely confusion
KNOWN_MAX_COST = 2.0
# two confusions in one word are only tried when one does not give a candidate this good
PAIRS_MARGIN = 1.5
# learning a document's damage: discount per kind of confusion seen in confident repairs
LEARN_MARGIN = 0.8
LEARN_RATE = 0.45
LEARN_MAX = 1.1


def _word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


# a number with letters that OCR often reads for digits: "l946"
_DIGITS_FOR_LETTERS = str.maketrans("lIOo", "1100")
_NUMBER_LIKE = re.compile(r"^[\dlIOo]+$")
# Swedish words do not start with l and a consonant: "lngrid" is "Ingrid"
_L_FOR_I = re.compile(r"^l[bcdfghklmnpqrstvwxz]")
# marks that OCR puts inside a word: "förvaltn.ingsrätten"
_STRAY_MARKS = frozenset(".:,;'`´’")
# a word split by such a mark is joined when the whole scores this well
JOIN_SCORE = 2.5
# a page count read with a digit for s: "115 5." for "115 s."
_DIGIT_FOR_S = frozenset("538")
# Roman numerals are kept as they are: "VIII" is not "VILL"
_ROMAN = re.compile(r"^[IVXLCDM]{2,}$")
# beside these a lone 1 or l is a number, a date or a label, not the word "i"
_LABELS = _word_set(
    "punkt bilaga paragraf kapitel sida sid nr steg del fas avsnitt alternativ nummer den dag dagar "
    "max minst högst cirka ca kl klockan till från under mellan och eller version år vecka"
)
_UNITS = _word_set(
    "januari februari mars april maj juni juli augusti september oktober november december "
    "jan feb mar apr jun jul aug sep sept okt nov dec år dag dagar vecka veckor månad månader timme "
    "timmar minut minuter gång person personer procent kr kronor st styck miljon miljoner"
)
# a web address, a file name or markup: left as it is
_NOT_PROSE = re.compile(
    r"://|www\.|[@_<>=\\]|/\S*/|\.(?:pdf|docx?|xlsx?|html?|se|com|nu|org|net)\b", re.IGNORECASE
)
# how damaged a document must be (its cost of a lost dot) before a lone 1 is read as "i"
_LONE_I_STRIP_COST = 1.0


# options() results shared between documents (see Repairer._shared_options). A batch of
# minutes from one body shares most of its words: a batch of the examples' copies checks for
# OCR damage eight times as fast. Documents with little in common would only pay for
# computing entries nobody reuses, so for SHARED_PAUSE_CALLS words no new entries are made
# (the old ones are still used) whenever fewer than SHARED_MIN_HIT_RATE of the last
# SHARED_PROBE_CALLS words were found. At most SHARED_MAX entries
# (about 2.5 kB each). The twin that computes them has the document's channel and nothing
# else of its profile: options() must depend on a document only through prof.extra and
# prof.channel (tests/test_repair_shared.py checks it); anything more belongs in the key.
_SHARED_OPTIONS: dict[tuple[object, ...], tuple[float, list[Candidate], set[str], set[str]]] = {}
_SHARED_LEX: list[Lexicon] = []
_options_tally = {"calls": 0, "hits": 0, "pause": 0}
SHARED_MAX = 10_000
SHARED_PROBE_CALLS = 2_000
SHARED_MIN_HIT_RATE = 0.3
SHARED_PAUSE_CALLS = 6_000


@dataclass
class Repairer:
    lex: Lexicon
    prof: Profile
    cache: dict[str, tuple[float, list[Candidate]]] = field(default_factory=dict)
    parts: dict[str, list[Candidate]] = field(default_factory=dict)
    extra_keys: dict[str, list[str]] = field(default_factory=dict)
    # whether options() may come from, and go to, the results shared between documents
    share: bool = True
    # computes the shared results: this document's channel without its own words
    _twin: _Twin | None = field(default=None, repr=False)
    # the document's own names (a vocabulary word is also in prof.extra, so never shared)
    vocabulary: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        self.extra_keys = candidates.index_extra(self.prof.extra)

    def keep_score(self, w: str) -> float:
        score = self._keep_score(w)
        if w in self.vocabulary:
            # a rare name the document lists ("Liisa") is not a common word misread ("läsa")
            score = max(score, VOCABULARY_ZIPF + KEEP_BONUS)
        return score

    def _keep_score(self, w: str) -> float:
        if w in self.lex:
            z = self.lex.frequency(w)
            return z + KEEP_BONUS + KEEP_BONUS_PER_ZIPF * max(0.0, z - 3.5)
        if w in self.prof.extra:
            return self.prof.extra[w] + KEEP_BONUS
        if any(c.isdigit() for c in w) or "é" in w:
            return 0.0
        inflected = self.lex.inflected(w)
        if inflected:
            return max(inflected + KEEP_BONUS, UNKNOWN_SCORE)
        return UNKNOWN_SCORE

    def part_options(self, part: str) -> list[Candidate]:
        """Repairs of one part of a compound."""
        hit = self.parts.get(part)
        if hit is None:
            hit = self.parts[part] = candidates.generate(
                part,
                self.lex,
                self.prof.channel,
                self.prof.extra,
                pairs=False,
                drop=False,
                max_cost=PART_MAX_COST,
                extra_keys=self.extra_keys,
            )
        return hit

    def options(self, w: str, pairs: bool = True) -> tuple[float, list[Candidate]]:
        hit = self.cache.get(w)
        if hit is not None:
            return hit
        if self.share and w not in self.prof.extra:
            hit = self._shared_options(w, pairs)
            if hit is not None:
                self.cache[w] = hit
                return hit
        keep = self.keep_score(w)
        known = w in self.lex or w in self.prof.extra
        # a known word is only read as one with a lost letter where the document loses letters
        drop = not known or (self.prof.channel.drop_cost < 1.5 and self.lex.frequency(w) < 4.5)
        cands = candidates.generate(
            w,
            self.lex,
            self.prof.channel,
            self.prof.extra,
            drop=drop,
            pairs=pairs and not known,
            max_cost=min(MAX_SCORE - keep, KNOWN_MAX_COST) if known else MAX_SCORE - keep,
            enough=max(keep, 1.0) + PAIRS_MARGIN,
            extra_keys=self.extra_keys,
            letters=pairs and not known,
        )
        # a genitive or passive s is no stray letter: "Markströms" is not "Markström"
        cands = [c for c in cands if c.word != w and c.word + "s" != w]
        best_whole = max((c.zipf - c.cost for c in cands), default=0.0)
        if pairs and not known and len(w) >= 6 and best_whole < WHOLE_WORD_ENOUGH:
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

    def _shared_options(self, w: str, pairs: bool) -> tuple[float, list[Candidate]] | None:
        """options(w) from an earlier document, when it is exactly what this one would compute.

        Computed by a twin without the document's own words (``extra``), recording every
        lexicon key and candidate its generate() calls looked up; reused when none of them
        is one of this document's own words (nor ``w`` itself). Bounded, and paused while it
        hits seldom (see SHARED_MAX).
        """
        tally = _options_tally
        # while paused, entries are still looked up, only no new ones are computed
        storing = not tally["pause"]
        if storing:
            tally["calls"] += 1
            if tally["calls"] >= SHARED_PROBE_CALLS:
                if tally["hits"] < SHARED_MIN_HIT_RATE * tally["calls"]:
                    tally["pause"] = SHARED_PAUSE_CALLS
                tally["calls"] = tally["hits"] = 0
        else:
            tally["pause"] -= 1
        if not _SHARED_LEX or _SHARED_LEX[0] is not self.lex:
            _SHARED_OPTIONS.clear()
            _SHARED_LEX[:] = [self.lex]
        key = (w, pairs, candidates.channel_costs(self.prof.channel))
        entry = _SHARED_OPTIONS.get(key)
        if entry is None:
            if not storing:
                return None
            twin = self._twin
            if twin is None or twin.costs != key[2]:
                # the channel learned new costs: earlier parts no longer hold
                twin = self._twin = _Twin(self.lex, Profile(words=Counter(), channel=self.prof.channel), share=False)
                twin.costs = key[2]
            twin.cache.clear()  # its options() are cached by word alone, whatever ``pairs``
            with candidates.recording() as (keys, cands):
                keep, found = twin.options(w, pairs)
            if len(_SHARED_OPTIONS) >= SHARED_MAX:
                _SHARED_OPTIONS.clear()
            entry = _SHARED_OPTIONS[key] = (keep, found, keys, cands)
        elif storing:
            tally["hits"] += 1
        keep, found, keys, cands = entry
        if self.extra_keys.keys().isdisjoint(keys) and self.prof.extra.keys().isdisjoint(cands):
            return keep, list(found)
        return None

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
            keep, cands = self.options(w, pairs=False)
            if not cands:
                continue
            ranked = sorted(cands, key=lambda c: c.cost - c.zipf)
            best = ranked[0]
            runner_up = ranked[1].zipf - ranked[1].cost if len(ranked) > 1 else keep
            if best.zipf - best.cost >= max(keep, runner_up) + LEARN_MARGIN:
                counts.update(set(best.edits))
        discount = {k: min(LEARN_MAX, LEARN_RATE * math.log2(n)) for k, n in counts.items() if n >= 2}
        self.prof.channel.learned(discount)
        self.cache.clear()
        self.parts.clear()

    def spans(self, line: str) -> list[tuple[int, int, str]]:
        """The line's word tokens as (start, end, token); a word split by a stray mark is one token.

        Tokens inside web addresses, file names and markup are left out.
        """
        skip = [m.span() for m in re.finditer(r"\S+", line) if _NOT_PROSE.search(m.group())]
        out = [
            (m.start(), m.end(), m.group())
            for m in TOKEN.finditer(line)
            if not any(a <= m.start() < b for a, b in skip)
        ]
        i = 0
        while i + 1 < len(out):
            (s1, e1, a), (s2, e2, b) = out[i], out[i + 1]
            if s2 == e1 + 1 and line[e1] in _STRAY_MARKS and self.should_join(a, b):
                out[i : i + 2] = [(s1, e2, a + b)]
            i += 1
        return out

    def should_join(self, a: str, b: str) -> bool:
        """Whether "förvaltn" and "ingsrätten" are one word with a stray mark inside."""
        if not (a.isalpha() and b.isalpha() and len(a) >= 2 and len(b) >= 2 and b.islower()):
            return False
        unknown = [w for w in (a.lower(), b.lower()) if self.keep_score(w) <= UNKNOWN_SCORE]
        if not unknown:
            return False
        keep, cands = self.options((a + b).lower())
        best = max([keep, *(c.zipf - c.cost for c in cands)])
        return best >= JOIN_SCORE

    def repair_line(self, line: str) -> str:
        spans = self.spans(line)
        if not spans:
            return line
        pieces: list[str] = []
        pos = 0
        prev: str | None = None
        raw_prev: str | None = None
        for i, (start, end, token) in enumerate(spans):
            raw_next = spans[i + 1][2] if i + 1 < len(spans) else None
            nxt = raw_next.lower() if raw_next else None
            after = line[end : end + 1]
            if (
                token in ("1", "l")
                and after == " "
                and self.prof.channel.strip_cost < _LONE_I_STRIP_COST
                and _lone_i(raw_prev, raw_next)
            ):
                new = "i"
            elif token in _DIGIT_FOR_S and after == "." and prev and prev.isdigit() and len(prev) >= 2:
                new = "s"
            else:
                new = self.repair_token(token, prev, nxt)
            pieces.append(line[pos:start])
            pieces.append(new)
            pos = end
            raw_prev = new
            prev = new.lower()
        pieces.append(line[pos:])
        return "".join(pieces)

    def repair_token(self, token: str, prev: str | None, nxt: str | None) -> str:
        if not has_letter(token) or _ROMAN.match(token) or is_abbreviation(token):
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


class _Twin(Repairer):
    """A repairer without a document's own words, whose parts report what they looked up.

    Its compound parts are cached for the whole document like any repairer's; a cached part
    adds the keys and candidates recorded when it was computed to the open recordings, so a
    shared options() result knows everything it depends on.
    """

    costs: tuple[object, ...] = ()

    def __post_init__(self) -> None:
        super().__post_init__()
        self.recorded: dict[str, tuple[list[Candidate], set[str], set[str]]] = {}

    def part_options(self, part: str) -> list[Candidate]:
        hit = self.recorded.get(part)
        if hit is None:
            with candidates.recording() as (keys, cands):
                found = Repairer.part_options(self, part)
            hit = self.recorded[part] = (found, keys, cands)
        found, keys, cands = hit
        for keys_all, cands_all in candidates._COLLECT:
            keys_all |= keys
            cands_all |= cands
        return found


def is_abbreviation(token: str) -> bool:
    """A short all-capital word ("LHO", "SVOM") is an organisation's abbreviation: never repaired."""
    letters = token.split(":")[0]
    return 2 <= len(letters) <= 4 and letters.isalpha() and letters.isupper()


def _lone_i(prev: str | None, nxt: str | None) -> bool:
    return bool(
        prev
        and nxt
        and prev.isalpha()
        and prev.islower()
        and nxt.isalpha()
        and len(prev) > 1
        and not nxt.isupper()
        and len(nxt) > 1
        and prev not in _LABELS
        and nxt.lower() not in _UNITS
    )


@functools.lru_cache(maxsize=4)
def repairer_for(text: str, vocabulary: frozenset[str] = frozenset()) -> Repairer:
    """The repairer fitted to one document (cached: detection and repair share it)."""
    lex = load_lexicon()
    prof = profile(text, lex)
    words = frozenset(word.lower() for word in vocabulary)
    for word in words:
        prof.extra.setdefault(word, VOCABULARY_ZIPF)
    repairer = Repairer(lex, prof, vocabulary=words)
    repairer.learn()
    return repairer


def repair(text: str, vocabulary: set[str] | None = None) -> str:
    repairer = repairer_for(text, frozenset(vocabulary or ()))
    return "\n".join(repairer.repair_line(line) for line in text.split("\n"))
