"""Shared paths and helpers for the tests."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
EXPECTED = EXAMPLES / "expected"
# the project's shared test data lies beside the repository (../shared)
SHARED = ROOT.parent / "shared"

EXAMPLE_STEMS = sorted(p.stem for p in EXPECTED.glob("*.json"))
EXAMPLE_FILES = sorted(
    p
    for p in EXAMPLES.iterdir()
    if p.suffix in (".txt", ".pdf", ".docx", ".html") and p.stem in EXAMPLE_STEMS
)


def shared_dir(*parts: str) -> Path:
    """A folder of the shared test data, or skip the test when it is not there."""
    path = SHARED.joinpath(*parts)
    if not path.is_dir():
        pytest.skip(f"shared test data not found at {path}")
    return path


def run_cli(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run the command line in a fresh process, as a user would."""
    return subprocess.run(
        [sys.executable, "-m", "beslutskoll.cli", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=120,
    )
