"""`beslutskoll ingest PATH...`: parse documents (in parallel) and store each in its own transaction."""

from __future__ import annotations

import itertools
import os
import re
import sys
import threading
import time
from collections import Counter, deque
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from beslutskoll.errors import BeslutskollError

# what ingest picks up when it walks a folder
DOCUMENT_SUFFIXES = {".pdf", ".docx", ".html", ".htm", ".txt", ".md", ".png", ".jpg", ".jpeg", ".tif", ".tiff"}


def collect(paths: list[Path]) -> tuple[list[Path], list[str]]:
    """Files to ingest (folders walked recursively, hidden entries skipped) and errors for bad paths."""
    files: list[Path] = []
    errors: list[str] = []
    for path in paths:
        if path.is_dir():
            files.extend(
                sorted(
                    p
                    for p in path.rglob("*")
                    if p.is_file()
                    and p.suffix.lower() in DOCUMENT_SUFFIXES
                    and not any(part.startswith(".") for part in p.relative_to(path).parts)
                )
            )
        elif path.exists():
            files.append(path)
        else:
            errors.append(f"{path}: filen finns inte")
    return list(dict.fromkeys(files)), errors


def _watch_parent() -> None:
    """Worker initializer: exit when the ingest process is gone (killed with -9), instead of
    waiting forever for work that will never come."""
    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


def _parse_for_store(path: Path) -> tuple[Path, object | None, str | None]:
    """Runs in a worker: the parse stage's result for one file, or a one-line Swedish error."""
    from beslutskoll.commands.parse import one_line
    from beslutskoll.store.ingest import Parsed

    try:
        return path, Parsed.of(path), None
    except BeslutskollError as exc:
        return path, None, one_line(str(exc))
    except Exception as exc:  # one bad file must not stop a batch
        return path, None, one_line(f"{path}: oväntat fel vid tolkning ({type(exc).__name__}: {exc})")


def run_ingest(paths: list[Path], *, db: str | None, jobs: int) -> int:
    _open_register(db)
    from beslutskoll.store.ingest import (
        ChangedWhileReading,
        already_stored,
        remove_stale_temporaries,
        sha256_of,
        store,
    )

    remove_stale_temporaries()
    files, failures = collect(paths)
    counts: Counter[str] = Counter()
    todo = []
    for path in files:
        try:
            if already_stored(sha256_of(path)):
                counts["oförändrad"] += 1
                continue
        except OSError as exc:
            failures.append(f"{path}: kan inte läsas ({exc.strerror})")
            continue
        todo.append(path)

    progress = Progress(len(todo))

    def handle(path: Path, parsed: object | None, error: str | None) -> None:
        if parsed is None:
            failures.append(error or f"{path}: okänt fel")
        else:
            try:
                counts[store(parsed)] += 1  # type: ignore[arg-type]
            except ChangedWhileReading as exc:
                failures.append(str(exc))
            except Exception as exc:
                failures.append(f"{path}: kunde inte sparas ({type(exc).__name__}: {exc})")
        progress.step()

    done = 0
    try:
        if jobs > 1 and len(todo) > 1:
            try:
                with ProcessPoolExecutor(max_workers=min(jobs, len(todo)), initializer=_watch_parent) as pool:
                    for result in _parse_ahead(pool, todo, ahead=4 * jobs):
                        handle(*result)
                        done += 1
            except BrokenProcessPool:
                for path in todo[done:]:
                    handle(path, None, f"{path}: tolkningen avbröts när en arbetsprocess kraschade")
        else:
            for path in todo:
                handle(*_parse_for_store(path))
    finally:
        progress.finish()
    if counts["ny"] or counts["ersatt"]:
        # new decisions may adopt, report back or fill in recommendations already stored
        from beslutskoll.followup.link import refresh

        refresh()
    print(
        f"Inläsning klar: {counts['ny']} nya, "
        + (f"{counts['annat format']} i annat format (samma handling), " if counts["annat format"] else "")
        + f"{counts['ersatt']} ersatta, {counts['oförändrad']} oförändrade, {len(failures)} misslyckade."
    )
    for failure in failures:
        print(f"  misslyckades: {failure}")
    return 2 if failures else 0


def _parse_ahead(pool: ProcessPoolExecutor, paths: list[Path], *, ahead: int):
    """Results in order, with at most `ahead` files parsed or parsing beyond the one being stored:
    pool.map would parse everything at once and hold every result in memory while storing lags."""
    pending: deque = deque()
    queue = iter(paths)
    for path in itertools.islice(queue, ahead):
        pending.append(pool.submit(_parse_for_store, path))
    while pending:
        result = pending.popleft().result()
        if (path := next(queue, None)) is not None:
            pending.append(pool.submit(_parse_for_store, path))
        yield result


def _open_register(db: str | None) -> None:
    """Set up Django on the register; a database that cannot be opened is one Swedish line."""
    from beslutskoll.config import setup

    try:
        setup(db)
    except Exception as exc:
        where = db or os.environ.get("BESLUTSKOLL_DB") or "standarddatabasen"
        where = re.sub(r"://([^:/@]+):[^@]*@", r"://\1:***@", where)  # never print a password
        reason = " ".join(str(exc).split()) or type(exc).__name__
        raise BeslutskollError(f"{where}: registret kan inte öppnas ({reason})") from None


def duration(seconds: float) -> str:
    """Swedish short form of a duration: "45 s", "3 min 05 s", "1 h 02 min"."""
    seconds = max(0, round(seconds))
    if seconds < 60:
        return f"{seconds} s"
    minutes, seconds = divmod(seconds, 60)
    if minutes < 60:
        return f"{minutes} min {seconds:02d} s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes:02d} min"


class Progress:
    """A progress line on a terminal: bar, documents done, rate and time left."""

    WIDTH = 24

    def __init__(self, total: int) -> None:
        self.total = total
        self.done = 0
        self.started = time.monotonic()
        self.active = total > 1 and sys.stderr.isatty()

    def step(self) -> None:
        self.done += 1
        if not self.active:
            return
        elapsed = time.monotonic() - self.started
        rate = self.done / elapsed if elapsed > 0 else 0.0
        left = (self.total - self.done) / rate if rate > 0 else 0.0
        filled = int(self.WIDTH * self.done / self.total)
        bar = "█" * filled + "░" * (self.WIDTH - filled)
        sys.stderr.write(
            f"\r{bar} {self.done}/{self.total} dokument, {60 * rate:.0f} dok/min, "
            f"cirka {duration(left)} kvar \x1b[K"
        )
        sys.stderr.flush()

    def finish(self) -> None:
        if self.active:
            sys.stderr.write("\n")
