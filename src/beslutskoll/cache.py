"""A disk cache for data built once from installed files (the lexicon, the first names).

Building the Swedish lexicon from wordfreq's compressed word list takes most of a
second; reading it back from a pickle takes a tenth of that. Each entry is keyed by
what it is built from: the source files (path, size, time), the code that builds it
and the Python version, so an upgrade of wordfreq or an edit of the builder rebuilds
it. The folder is $BESLUTSKOLL_CACHE, else $XDG_CACHE_HOME/beslutskoll, else
~/.cache/beslutskoll; where it cannot be written the data is simply built each time.
"""

from __future__ import annotations

import gc
import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

# bump when the layout of the cache files changes
FORMAT = "1"


def cache_dir() -> Path:
    explicit = os.environ.get("BESLUTSKOLL_CACHE")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "beslutskoll"


def _key(sources: Sequence[Path], code: Path) -> str:
    digest = hashlib.sha256(f"{FORMAT}\0{sys.version}\0".encode())
    for path in sources:
        stat = path.stat()
        digest.update(f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}\0".encode())
    digest.update(code.read_bytes())
    return digest.hexdigest()[:20]


def cached(name: str, sources: Sequence[Path], code: Path, build: Callable[[], T]) -> T:
    """``build()``, or its result from an earlier process when ``sources`` and ``code`` are unchanged."""
    try:
        key = _key(sources, code)
    except OSError:
        return build()
    folder = cache_dir()
    path = folder / f"{name}-{key}.pickle"
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError:
        pass
    else:
        # many small objects: the cyclic collector would only slow the load down
        enabled = gc.isenabled()
        gc.disable()
        try:
            return pickle.loads(data)
        except Exception:
            pass  # a damaged or foreign file: built and written again below
        finally:
            if enabled:
                gc.enable()
    value = build()
    _store(folder, name, path, value)
    return value


def _store(folder: Path, name: str, path: Path, value: object) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{name}-", dir=folder)
        try:
            with os.fdopen(fd, "wb") as fh:
                pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)  # atomic: a parallel reader sees the old file or the whole new one
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        for old in folder.glob(f"{name}-*.pickle"):
            if old != path:
                old.unlink(missing_ok=True)
    except OSError:
        pass  # no writable cache: the next process builds the data again
