"""The disk cache of built data, and the lexicon figures read through it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from beslutskoll import cache


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("BESLUTSKOLL_CACHE", str(tmp_path / "cache"))
    return tmp_path


def _counting(value: object) -> tuple[list[int], object]:
    calls: list[int] = []

    def build() -> object:
        calls.append(1)
        return value

    return calls, build


def test_built_once_then_read_back(folder: Path) -> None:
    source = folder / "source.txt"
    source.write_text("a")
    calls, build = _counting({"ord": 1.5})
    assert cache.cached("test", [source], Path(__file__), build) == {"ord": 1.5}
    assert cache.cached("test", [source], Path(__file__), build) == {"ord": 1.5}
    assert len(calls) == 1
    assert len(list((folder / "cache").glob("test-*.pickle"))) == 1


def test_changed_source_rebuilds_and_drops_the_old_entry(folder: Path) -> None:
    source = folder / "source.txt"
    source.write_text("a")
    calls, build = _counting(1)
    cache.cached("test", [source], Path(__file__), build)
    source.write_text("longer")
    cache.cached("test", [source], Path(__file__), build)
    assert len(calls) == 2
    assert len(list((folder / "cache").glob("test-*.pickle"))) == 1


def test_damaged_entry_is_rebuilt(folder: Path) -> None:
    source = folder / "source.txt"
    source.write_text("a")
    calls, build = _counting([1, 2])
    cache.cached("test", [source], Path(__file__), build)
    for entry in (folder / "cache").glob("test-*.pickle"):
        entry.write_bytes(b"not a pickle")
    assert cache.cached("test", [source], Path(__file__), build) == [1, 2]
    assert len(calls) == 2


def test_unwritable_cache_still_gives_the_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    monkeypatch.setenv("BESLUTSKOLL_CACHE", str(blocker / "cache"))  # below a file: cannot be made
    calls, build = _counting("x")
    assert cache.cached("test", [blocker], Path(__file__), build) == "x"
    assert cache.cached("test", [blocker], Path(__file__), build) == "x"
    assert len(calls) == 2


def test_missing_source_builds_without_cache(folder: Path) -> None:
    _calls, build = _counting(3)
    assert cache.cached("test", [folder / "missing"], Path(__file__), build) == 3
    assert not (folder / "cache").exists()


def test_lexicon_from_cache_equals_the_built_one(folder: Path) -> None:
    pytest.importorskip("wordfreq")
    from beslutskoll.repair import lexicon

    built = lexicon._build_lexicon()
    zipf, accented = cache.cached("lexicon-sv", lexicon._wordfreq_sources(), Path(lexicon.__file__), lambda: built)
    assert (zipf, accented) == built
    # the second time it comes from disk
    again = cache.cached("lexicon-sv", lexicon._wordfreq_sources(), Path(lexicon.__file__), pytest.fail)
    assert again == built


@pytest.mark.parametrize(
    "word", ["kommun", "styrelsen", "örebro", "företagsinkubator", "qzxv", "straße", "ﬁnal", "öl-och"]
)
def test_zipf_frequency_is_wordfreqs(word: str) -> None:
    wordfreq = pytest.importorskip("wordfreq")
    from beslutskoll.repair.lexicon import zipf_frequency

    assert zipf_frequency(word) == wordfreq.zipf_frequency(word, "sv")


def test_cache_dir_follows_xdg(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("BESLUTSKOLL_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", os.path.join(os.sep, "somewhere"))
    assert cache.cache_dir() == Path(os.sep, "somewhere", "beslutskoll")
