"""`beslutskoll parse FILE...`: one JSON to stdout, or many to --out, in parallel with -j."""

from __future__ import annotations

import gc
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


def one_line(text: str) -> str:
    return " ".join(text.split())


def _render(data: dict, fmt: str) -> str:
    return format_summary(data) if fmt == "text" else json.dumps(data, ensure_ascii=False, indent=2)


def _parse_one(path: Path, fmt: str = "json") -> tuple[Path, str | None, str | None]:
    """The file's output text (JSON or summary), or the one-line reason it failed."""
    try:
        return path, _render(parse(path).to_dict(), fmt), None
    except BeslutskollError as exc:
        return path, None, one_line(str(exc))
    except RecursionError:
        return path, None, f"{path}: dokumentet är för djupt nästlat för att kunna tolkas"
    except MemoryError:
        return path, None, f"{path}: dokumentet är för stort för minnet"
    except Exception as exc:  # a parser bug must not stop a batch: report it as that file's failure
        return path, None, one_line(f"{path}: oväntat fel vid tolkning ({type(exc).__name__}: {exc})")


# one file's job: (input, output file or None for standard out, output would overwrite an input, format)
_Job = tuple[Path, Path | None, bool, str]


def _work(job: _Job) -> tuple[Path, str | None, str | None]:
    """Parse, render and (with --out) write one file, in whichever process runs it.

    Returns the text still to print on standard out (None when it was written), or the
    one-line reason the file failed. Workers write their own files: the parent then has
    little to do, and only short messages cross between processes.
    """
    path, target, overwrites_input, fmt = job
    path, rendered, error = _parse_one(path, fmt)
    if rendered is None or target is None:
        return path, rendered, error
    if overwrites_input:
        return path, None, f"{path}: resultatet skulle skriva över indatafilen {target}"
    try:
        target.write_text(rendered + "\n", encoding="utf-8")
    except OSError as exc:
        return path, None, f"{target}: kan inte skrivas ({os_reason(exc)})"
    return path, None, None


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

    def handle(path: Path, printed: str | None, error: str | None) -> int:
        if error is not None:
            _clear_progress(show_progress)
            print(f"beslutskoll: {error}", file=sys.stderr)
            return 1
        if printed is None:
            return 0  # written to its file under --out
        try:
            sys.stdout.write(printed + ("\n\n" if fmt == "text" else "\n"))
            sys.stdout.flush()
        except BrokenPipeError:
            raise
        except OSError as exc:
            _clear_progress(show_progress)
            print(f"beslutskoll: standard ut: kan inte skrivas ({os_reason(exc)})", file=sys.stderr)
            return 1
        return 0

    jobs_list: list[_Job] = []
    for path in files:
        target = None if out is None else out / names[path]
        jobs_list.append((path, target, target is not None and target.resolve() in inputs, fmt))

    done = 0
    if len(files) > 1:
        # one progress line at a time: the files', not each scan's pages
        ocr.configure(progress=False)
    if jobs > 1 and len(files) > 1:
        context = _fork_context()
        # OCR pages of all workers share the cores (a slot each), so the last scan can use them all
        slots = context.Semaphore(ocr.cores())
        try:
            _preload()
            with ProcessPoolExecutor(
                max_workers=min(jobs, len(files)), mp_context=context, initializer=_share_cores, initargs=(slots,)
            ) as pool:
                for path, printed, error in pool.map(_work, jobs_list, chunksize=1):
                    failed += handle(path, printed, error)
                    done += 1
                    report(done)
        except BrokenProcessPool:
            # a worker died (e.g. a crash inside a PDF library): the files not yet reported failed with it
            for path in files[done:]:
                failed += handle(path, None, f"{path}: tolkningen avbröts när en arbetsprocess kraschade")
    else:
        for job in jobs_list:
            failed += handle(*_work(job))
            done += 1
            report(done)
    if show_progress:
        sys.stderr.write("\n")
    if failed and len(files) > 1:
        print(f"beslutskoll: {failed} av {len(files)} filer kunde inte tolkas", file=sys.stderr)
    return 2 if failed else 0


def _preload() -> None:
    """Load the lexica once in this process, so that forked workers share them instead of each loading."""
    from beslutskoll.parse.names import first_names
    from beslutskoll.repair.lexicon import load_lexicon

    try:
        load_lexicon()
        first_names()
    except Exception:
        return  # each worker then loads them itself and reports what fails for its file
    # long-lived objects: keep the collector from walking (and copying) them in every worker
    gc.freeze()


def _fork_context() -> multiprocessing.context.BaseContext:
    # fork shares what was loaded above copy-on-write; elsewhere the platform's default
    if "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context()


def _clear_progress(active: bool) -> None:
    if active:
        sys.stderr.write("\r\033[K")
