"""Errors a user sees: one Swedish line naming the file and the reason."""

from __future__ import annotations

from pathlib import Path


class BeslutskollError(Exception):
    """An expected failure with a message meant for the user (in Swedish)."""


class ReadError(BeslutskollError):
    """A file could not be read as a meeting document."""

    def __init__(self, path: Path | str, reason: str) -> None:
        self.path = Path(path)
        self.reason = reason
        super().__init__(f"{path}: {reason}")
