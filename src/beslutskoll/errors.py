"""Errors a user sees: one Swedish line naming the file and the reason."""

from __future__ import annotations

import errno
from pathlib import Path


class BeslutskollError(Exception):
    """An expected failure with a message meant for the user (in Swedish)."""


class ReadError(BeslutskollError):
    """A file could not be read as a meeting document."""

    def __init__(self, path: Path | str, reason: str) -> None:
        self.path = Path(path)
        self.reason = reason
        super().__init__(f"{path}: {reason}")


_OS_REASONS = {
    errno.ENOENT: "finns inte",
    errno.EACCES: "åtkomst nekas",
    errno.EPERM: "åtkomst nekas",
    errno.EEXIST: "finns redan och är inte en mapp",
    errno.ENOTDIR: "en del av sökvägen är inte en mapp",
    errno.EISDIR: "är en mapp",
    errno.ENOSPC: "disken är full",
    errno.EROFS: "filsystemet är skrivskyddat",
    errno.ENAMETOOLONG: "namnet är för långt",
    errno.EIO: "in- eller utmatningsfel",
}


def os_reason(exc: OSError) -> str:
    """A short Swedish reason for a file system error."""
    return _OS_REASONS.get(exc.errno or 0, f"systemfel {exc.errno}" if exc.errno else "okänt systemfel")
