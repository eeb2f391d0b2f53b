"""Repair options shared between documents are exactly what each document computes alone."""

from __future__ import annotations

from collections import Counter

import pytest

from beslutskoll.repair import correct
from beslutskoll.repair.candidates import Channel
from beslutskoll.repair.document import Profile
from beslutskoll.repair.lexicon import Lexicon

WORDS = ["mote", "namnd", "stod", "beslut", "m0te", "nämnd", "motesanteckningar", "namndbeslut", "bes1ut"]


def _lexicon() -> Lexicon:
    zipf = {
        "möte": 4.5, "mote": 2.0, "beslut": 5.0, "nämnd": 4.2, "namnd": 1.0, "stöd": 4.8, "stod": 4.0,
        "anteckningar": 3.6, "mötes": 3.5, "nämnds": 3.0,
    }  # fmt: skip
    accented = {"mote": ("möte",), "namnd": ("nämnd",), "stod": ("stöd",), "motes": ("mötes",), "namnds": ("nämnds",)}
    return Lexicon(zipf=zipf, accented=accented)


def _repairer(lex: Lexicon, extra: dict[str, float], strip_cost: float, share: bool) -> correct.Repairer:
    # the document's words too: shared results must not depend on them
    words = Counter(WORDS)
    prof = Profile(words=words, extra=dict(extra), channel=Channel(strip_cost=strip_cost, drop_cost=2.5))
    return correct.Repairer(lex, prof, share=share)


@pytest.fixture(autouse=True)
def always_share(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(correct, "SHARED_MIN_HIT_RATE", 0.0)
    monkeypatch.setattr(correct, "_options_tally", {"calls": 0, "hits": 0, "pause": 0})
    correct._SHARED_OPTIONS.clear()


# documents in turn: without words of their own, and with words that meet the candidates
# (a name spelled like a lexicon word's key, a lexicon word given another frequency)
DOCUMENTS = [{}, {"måte": 3.0}, {"mote": 4.0}, {"nämnd": 6.0}, {"stöd": 3.0}, {"ånnat": 3.0}, {}]


@pytest.mark.parametrize("pairs", [True, False])
def test_shared_options_equal_a_documents_own(pairs: bool) -> None:
    lex = _lexicon()
    for extra in DOCUMENTS:
        for strip_cost in (0.5, 2.5):
            shared = _repairer(lex, extra, strip_cost, share=True)
            alone = _repairer(lex, extra, strip_cost, share=False)
            for word in WORDS:
                assert shared.options(word, pairs) == alone.options(word, pairs), (extra, word)
    assert correct._SHARED_OPTIONS  # something was shared


def test_learned_costs_are_other_entries() -> None:
    lex = _lexicon()
    first = _repairer(lex, {}, 2.5, share=True)
    first.options("mote")
    first.prof.channel.learned({"é>å": 1.0})
    first.cache.clear()
    alone = _repairer(lex, {}, 2.5, share=False)
    alone.prof.channel.learned({"é>å": 1.0})
    assert first.options("mote") == alone.options("mote")


def test_entries_are_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(correct, "SHARED_MAX", 3)
    repairer = _repairer(_lexicon(), {}, 2.5, share=True)
    for word in WORDS:
        repairer.options(word)
    assert len(correct._SHARED_OPTIONS) <= 3


def test_a_callers_list_is_its_own() -> None:
    lex = _lexicon()
    _repairer(lex, {}, 0.5, share=True).options("mote")[1].clear()
    assert _repairer(lex, {}, 0.5, share=True).options("mote") == _repairer(lex, {}, 0.5, share=False).options(
        "mote"
    )
