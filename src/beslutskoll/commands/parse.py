"""`beslutskoll parse FILE...`: one JSON to stdout, or many to --out, in parallel with -j."""

from __future__ import annotations

import json
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from beslutskoll.errors import BeslutskollError
from beslutskoll.pipeline import parse
from beslutskoll.summary import format_summary


def _parse_one(path: Path) -> tuple[Path, dict | None, str | None]:
    try:
        return path, parse(path).to_dict(), None
    except BeslutskollError as exc:
        return path, None, str(exc)
    except Exception as exc:  # a parser bug must not stop a batch: report it as that file's failure
        return path, None, f"{path}: oväntat fel vid tolkning ({type(exc).__name__}: {exc})"


def _emit(path: Path, data: dict, out: Path | None, fmt: str) -> None:
    if fmt == "text":
        text = format_summary(data)
    else:
        text = json.dumps(data, ensure_ascii=False, indent=2)
    if out is None:
        sys.stdout.write(text + "\n")
        sys.stdout.flush()
    else:
        suffix = ".txt" if fmt == "text" else ".json"
        (out / f"{path.stem}{suffix}").write_text(text + "\n", encoding="utf-8")


def run_parse(files: list[Path], out: Path | None, jobs: int, fmt: str) -> int:
    if out is not None:
        out.mkdir(parents=True, exist_ok=True)
    show_progress = len(files) > 1 and sys.stderr.isatty()
    failed = 0
    started = time.monotonic()

    def report(done: int) -> None:
        if not show_progress:
            return
        elapsed = time.monotonic() - started
        rate = done / elapsed if elapsed > 0 else 0.0
        left = (len(files) - done) / rate if rate > 0 else 0.0
        sys.stderr.write(f"\r{done}/{len(files)} dokument, {rate:.1f} dok/s, cirka {left:.0f} s kvar ")
        sys.stderr.flush()

    if jobs > 1 and len(files) > 1:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            results = pool.map(_parse_one, files, chunksize=1)
            for done, (path, data, error) in enumerate(results, 1):
                failed += _handle(path, data, error, out, fmt)
                report(done)
    else:
        for done, path in enumerate(files, 1):
            failed += _handle(*_parse_one(path), out, fmt)
            report(done)
    if show_progress:
        sys.stderr.write("\n")
    if failed and len(files) > 1:
        print(f"beslutskoll: {failed} av {len(files)} filer kunde inte tolkas", file=sys.stderr)
    return 2 if failed else 0


def _handle(path: Path, data: dict | None, error: str | None, out: Path | None, fmt: str) -> int:
    if error is not None or data is None:
        print(f"beslutskoll: {error}", file=sys.stderr)
        return 1
    _emit(path, data, out, fmt)
    return 0
