"""Parser output on the bundled examples against their hand-made gold (examples/expected/).

Scored with the shared scorer (../shared/eval/score.py); the thresholds are modest
on purpose while the parser is being written, and will be raised.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import beslutskoll
from conftest import EXAMPLE_FILES, EXPECTED

# lowest acceptable score (0-100) per example file and for the mean over all of them
MIN_SCORE = 20.0
MIN_MEAN = 30.0


def _score(scorer, path: Path) -> tuple[float, dict]:
    gold = json.loads((EXPECTED / f"{path.stem}.json").read_text(encoding="utf-8"))
    parts = scorer.score_document(gold, beslutskoll.parse(path).to_dict())
    return scorer.total(parts), parts


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.name)
def test_example_scores(scorer, path: Path) -> None:
    score, parts = _score(scorer, path)
    shown = ", ".join(f"{k} {v:.2f}" for k, v in parts.items() if v is not None)
    print(f"{path.name}: {score:.1f} ({shown})")
    assert score >= MIN_SCORE, f"{path.name}: {score:.1f} < {MIN_SCORE} ({shown})"


def test_mean_score(scorer) -> None:
    scores = {path.name: _score(scorer, path)[0] for path in EXAMPLE_FILES}
    mean = sum(scores.values()) / len(scores)
    print(
        "\n" + "\n".join(f"{name:40} {score:5.1f}" for name, score in scores.items()) + f"\nmean {mean:.1f}"
    )
    assert mean >= MIN_MEAN


def test_every_example_has_gold_and_every_gold_an_example() -> None:
    stems = {p.stem for p in EXAMPLE_FILES}
    assert stems == {p.stem for p in EXPECTED.glob("*.json")}
    assert len(EXAMPLE_FILES) == 4 * 3 + 1  # four sources as .txt, .pdf, .docx, and one web page
