"""`beslutskoll parse FILE...`: one JSON to stdout, or many to --out, in parallel with -j."""

from __future__ import annotations

import json
import multiprocessing
import sys
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from beslutskoll.errors import BeslutskollError, os_reason
from beslutskoll.pipeline import parse
from beslutskoll.read import ocr
from beslutskoll.summary import format_summary


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _parse_one(path: Path) -> tuple[Path, dict | None, str | None]:
    try:
        return path, parse(path).to_dict(), None
    except BeslutskollError as exc:
        return path, None, _one_line(str(exc))
    except RecursionError:
        return path, None, f"{path}: dokumentet är för djupt nästlat för att kunna tolkas"
    except MemoryError:
        return path, None, f"{path}: dokumentet är för stort för minnet"
    except Exception as exc:  # a parser bug must not stop a batch: report it as that file's failure
        return path, None, _one_line(f"{path}: oväntat fel vid tolkning ({type(exc).__name__}: {exc})")


def _share_cores(slots) -> None:
    """In each worker process: OCR pages take a slot of the cores shared by all workers; no page progress."""
    ocr.configure(progress=False, slots=slots)


def output_names(files: list[Path], suffix: str) -> dict[Path, str]:
    """File name under --out for each input: <stem><suffix>, or <name><suffix> where two inputs share a stem."""
    stems = Counter(path.stem for path in files)
    return {path: (path.stem if stems[path.stem] == 1 else path.name) + suffix for path in files}


def run_parse(files: list[Path], out: Path | None, jobs: int, fmt: str) -> int:
    # a summary never takes a plain .txt name: that could be a source document beside it
    suffix = ".sammanfattning.txt" if fmt == "text" else ".json"
    names = output_names(files, suffix)
    if out is not None:
        try:
            out.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise BeslutskollError(f"{out}: kan inte skapa utmappen ({os_reason(exc)})") from None
        if not out.is_dir():
            raise BeslutskollError(f"{out}: utmappen är inte en mapp")
    inputs = {path.resolve() for path in files if path.exists()}
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

    def handle(path: Path, data: dict | None, error: str | None) -> int:
        if error is not None or data is None:
            _clear_progress(show_progress)
            print(f"beslutskoll: {error}", file=sys.stderr)
            return 1
        target = None if out is None else out / names[path]
        if target is not None and target.resolve() in inputs:
            _clear_progress(show_progress)
            print(f"beslutskoll: {path}: resultatet skulle skriva över indatafilen {target}", file=sys.stderr)
            return 1
        try:
            _emit(data, target, fmt)
        except BrokenPipeError:
            raise
        except OSError as exc:
            _clear_progress(show_progress)
            print(
                f"beslutskoll: {target or 'standard ut'}: kan inte skrivas ({os_reason(exc)})",
                file=sys.stderr,
            )
            return 1
        return 0

    done = 0
    if len(files) > 1:
        # one progress line at a time: the files', not each scan's pages
        ocr.configure(progress=False)
    if jobs > 1 and len(files) > 1:
        context = multiprocessing.get_context()
        if context.get_start_method() == "fork":
            # loaded once here, the lexicon is shared by the forked workers instead of loaded by each
            from beslutskoll.repair.lexicon import load_lexicon

            load_lexicon()
        slots = context.Semaphore(ocr.cores())
        try:
            with ProcessPoolExecutor(
                max_workers=min(jobs, len(files)), mp_context=context, initializer=_share_cores, initargs=(slots,)
            ) as pool:
                for path, data, error in pool.map(_parse_one, files, chunksize=1):
                    failed += handle(path, data, error)
                    done += 1
                    report(done)
        except BrokenProcessPool:
            # a worker died (e.g. a crash inside a PDF library): the files not yet reported failed with it
            for path in files[done:]:
                failed += handle(path, None, f"{path}: tolkningen avbröts när en arbetsprocess kraschade")
    else:
        for path in files:
            failed += handle(*_parse_one(path))
            done += 1
            report(done)
    if show_progress:
        sys.stderr.write("\n")
    if failed and len(files) > 1:
        print(f"beslutskoll: {failed} av {len(files)} filer kunde inte tolkas", file=sys.stderr)
    return 2 if failed else 0


def _clear_progress(active: bool) -> None:
    if active:
        sys.stderr.write("\r\033[K")


def _emit(data: dict, target: Path | None, fmt: str) -> None:
    text = format_summary(data) if fmt == "text" else json.dumps(data, ensure_ascii=False, indent=2)
    if target is None:
        sys.stdout.write(text + ("\n\n" if fmt == "text" else "\n"))
        sys.stdout.flush()
    else:
        target.write_text(text + "\n", encoding="utf-8")
