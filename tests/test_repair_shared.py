"""Repair candidates shared between documents give exactly what a fresh computation gives."""

from __future__ import annotations

import pytest

from beslutskoll.repair import candidates
from beslutskoll.repair.candidates import Channel, generate, index_extra
from beslutskoll.repair.lexicon import Lexicon


def _lexicon() -> Lexicon:
    zipf = {"möte": 4.5, "mote": 2.0, "beslut": 5.0, "nämnd": 4.2, "namnd": 1.0, "stöd": 4.8, "stod": 4.0}
    return Lexicon(zipf=zipf, accented={"mote": ("möte",), "namnd": ("nämnd",), "stod": ("stöd",)})


def _fresh(word: str, lex: Lexicon, channel: Channel, extra: dict[str, float], **kw: object) -> list:
    return candidates._generate(
        word,
        lex,
        channel,
        extra,
        kw.get("pairs", True),  # type: ignore[arg-type]
        kw.get("drop", True),  # type: ignore[arg-type]
        99.0,
        99.0,
        index_extra(extra),
        False,
        None,
        None,
    )


@pytest.fixture(autouse=True)
def always_share(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(candidates, "MIN_HIT_RATE", 0.0)
    candidates._SHARED.clear()


@pytest.mark.parametrize("word", ["mote", "namnd", "stod", "beslut", "m0te", "nämnd"])
def test_shared_equals_fresh_whatever_the_documents_own_words(word: str) -> None:
    lex = _lexicon()
    channel = Channel(strip_cost=1.0, drop_cost=2.5)
    # the first document has no words of its own; the next ones have words that meet the
    # candidates (a name spelled like a lexicon word's key, a lexicon word given a frequency)
    for extra in ({}, {"måte": 3.0}, {"mote": 4.0}, {"nämnd": 6.0}, {"stöd": 3.0}, {"ånnat": 3.0}):
        shared = generate(word, lex, channel, extra, extra_keys=index_extra(extra))
        assert shared == _fresh(word, lex, channel, extra)


def test_other_costs_are_other_entries() -> None:
    lex = _lexicon()
    cheap = generate("mote", lex, Channel(strip_cost=0.5, drop_cost=2.5))
    dear = generate("mote", lex, Channel(strip_cost=2.0, drop_cost=2.5))
    assert cheap != dear
    assert dear == _fresh("mote", lex, Channel(strip_cost=2.0, drop_cost=2.5), {})


def test_entries_are_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(candidates, "SHARED_MAX", 3)
    lex = _lexicon()
    for word in ["mote", "namnd", "stod", "beslut", "möte", "nämnd", "stöd"]:
        generate(word, lex, Channel())
    assert len(candidates._SHARED) <= 3


def test_callers_may_change_what_they_get() -> None:
    lex = _lexicon()
    first = generate("mote", lex, Channel())
    first.clear()
    assert generate("mote", lex, Channel()) == _fresh("mote", lex, Channel(), {})
