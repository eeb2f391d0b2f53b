"""Throughput and memory of `beslutskoll parse` on 2 cores, beside pdftotext on the same PDFs.

    uv run python bench/parse.py [--copies 50] [--repeat 3] [--same-copies]

Copies the bundled examples (text-layer PDFs and plain text) many times into a
temporary folder, each copy made unique by a last line of its own, and runs `beslutskoll parse -j 2 --out DIR` on them as a user
would (a fresh process, start-up included), then `pdftotext` (poppler-utils) two
at a time on the same PDFs; the two take turns for --repeat rounds and each keeps
its best. Prints pages per second, the ratio to pdftotext in wall time and in CPU
time, and the peak memory of the largest process (resource.getrusage) for N and
4N files, which should stay flat.
Only figures are printed; nothing is asserted.
"""

from __future__ import annotations

import argparse
import ctypes
import io
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
JOBS = 2


def pdf_pages(path: Path) -> int:
    pdf = pdfium.PdfDocument(path)
    try:
        return len(pdf)
    finally:
        pdf.close()


def text_pages(path: Path) -> int:
    return path.read_text(encoding="utf-8").count("\f") + 1


def make_copies(sources: list[Path], copies: int, folder: Path, unique: bool) -> list[Path]:
    """``copies`` copies of each source; with ``unique`` each ends with its own line "Kopia N".

    Identical copies would let beslutskoll reuse what it computed for the same text
    (the OCR check's per-text cache), which documents from real users never allow.
    """
    folder.mkdir(parents=True, exist_ok=True)
    files = []
    for i in range(copies):
        for src in sources:
            target = folder / f"{src.stem}-{i:04d}{src.suffix}"
            if not unique:
                shutil.copyfile(src, target)
            elif src.suffix == ".pdf":
                target.write_bytes(_pdf_with_line(src, f"Kopia {i:04d}"))
            else:
                target.write_text(src.read_text(encoding="utf-8").rstrip("\n") + f"\nKopia {i:04d}\n", encoding="utf-8")
            files.append(target)
    return files


def _pdf_with_line(src: Path, line: str) -> bytes:
    """The PDF with one more line of text at the foot of its last page."""
    pdf = pdfium.PdfDocument(src)
    try:
        page = pdf[len(pdf) - 1]
        font = pdfium_c.FPDFText_LoadStandardFont(pdf.raw, b"Helvetica")
        obj = pdfium_c.FPDFPageObj_CreateTextObj(pdf.raw, font, 8.0)
        text = ctypes.create_string_buffer((line + "\0").encode("utf-16-le"))
        pdfium_c.FPDFText_SetText(obj, ctypes.cast(text, ctypes.POINTER(pdfium_c.FPDF_WCHAR)))
        pdfium_c.FPDFPageObj_Transform(obj, 1, 0, 0, 1, 40, 20)
        pdfium_c.FPDFPage_InsertObject(page.raw, obj)
        pdfium_c.FPDFPage_GenerateContent(page.raw)
        page.close()
        out = io.BytesIO()
        pdf.save(out)
        return out.getvalue()
    finally:
        pdf.close()


def parse_command(files: list[Path], out: Path) -> list[str]:
    return [sys.executable, "-m", "beslutskoll.cli", "parse", "-j", str(JOBS), "--out", str(out), *map(str, files)]


def run_beslutskoll(files: list[Path], out: Path) -> float:
    """Wall seconds for one `beslutskoll parse -j 2 --out` run over the files."""
    cmd = parse_command(files, out)
    started = time.perf_counter()
    result = subprocess.run(cmd, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        errors = result.stderr.strip().splitlines()
        print(f"  beslutskoll gav felkod {result.returncode}, {len(errors)} rader på standard fel, t.ex.:")
        print(f"    {errors[0][:200] if errors else ''}")
    return elapsed


def run_pdftotext(files: list[Path], out: Path) -> float | None:
    """Wall seconds for pdftotext over the files, two processes at a time."""
    if shutil.which("pdftotext") is None:
        return None
    out.mkdir(parents=True, exist_ok=True)

    def one(path: Path) -> int:
        return subprocess.run(
            ["pdftotext", "-enc", "UTF-8", str(path), str(out / f"{path.stem}.txt")], capture_output=True
        ).returncode

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=JOBS) as pool:
        codes = list(pool.map(one, files))
    elapsed = time.perf_counter() - started
    if any(codes):
        print(f"  pdftotext misslyckades på {sum(1 for c in codes if c)} filer")
    return elapsed


def timed(run: Callable[[list[Path], Path], float | None], files: list[Path], out: Path) -> tuple[float, float]:
    """(wall seconds, CPU seconds of its child processes) of one run over the files."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    wall = run(files, out) or 0.0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def peak_rss_mb(files: list[Path], out: Path) -> float:
    """Largest resident set (MB) of any process of one run, measured from a fresh parent."""
    probe = (
        "import resource, subprocess, sys\n"
        "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)\n"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
    )
    cmd = parse_command(files, out)
    result = subprocess.run([sys.executable, "-c", probe, *cmd], capture_output=True, text=True, check=True)
    return int(result.stdout.strip()) / 1024  # kilobytes on Linux


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--copies", type=int, default=50, help="copies of each example (4 PDFs, 4 texts)")
    ap.add_argument(
        "--same-copies", action="store_true", help="identical copies (lets per-text caches hit; not realistic)"
    )
    ap.add_argument("--repeat", type=int, default=3, help="rounds per tool; the best one counts")
    args = ap.parse_args()

    pdfs = sorted(EXAMPLES.glob("*.pdf"))
    texts = sorted(EXAMPLES.glob("*.txt"))
    print(f"Maskin: {os.cpu_count()} kärnor; beslutskoll och pdftotext med {JOBS} parallella processer")
    with tempfile.TemporaryDirectory(prefix="beslutskoll-bench-") as tmp:
        base = Path(tmp)
        unique = not args.same_copies
        pdf_files = make_copies(pdfs, args.copies, base / "pdf", unique)
        text_files = make_copies(texts, args.copies, base / "text", unique)
        n_pdf_pages = sum(pdf_pages(p) for p in pdfs) * args.copies
        n_text_pages = sum(text_pages(p) for p in texts) * args.copies

        run_beslutskoll(pdf_files[: len(pdfs)], base / "warmup")  # imports and disk cache
        # the tools take turns, each round into fresh folders, and each keeps its best round:
        # on a machine shared with other work that compares the two at their least disturbed
        pdf_runs: list[tuple[float, float]] = []
        text_runs: list[tuple[float, float]] = []
        poppler_runs: list[tuple[float, float]] = []
        for r in range(args.repeat):
            pdf_runs.append(timed(run_beslutskoll, pdf_files, base / f"out-pdf-{r}"))
            poppler_runs.append(timed(run_pdftotext, pdf_files, base / f"out-pdftotext-{r}"))
            text_runs.append(timed(run_beslutskoll, text_files, base / f"out-text-{r}"))
        t_pdf, cpu_pdf = min(pdf_runs)
        t_text, cpu_text = min(text_runs)

        print(f"Bästa av {args.repeat} omgångar; CPU = användar- + systemtid för alla processer")
        print("Kopiorna är " + ("identiska" if args.same_copies else "unika (var och en har en egen sista rad)"))
        print(f"PDF med textlager: {len(pdf_files)} filer, {n_pdf_pages} sidor")
        print(
            f"  beslutskoll parse -j {JOBS}: {t_pdf:.2f} s, {n_pdf_pages / t_pdf:.0f} sidor/s "
            f"(CPU {cpu_pdf:.2f} s)"
        )
        if shutil.which("pdftotext") is None:
            print("  pdftotext: saknas (apt-get install poppler-utils)")
        else:
            t_poppler, cpu_poppler = min(poppler_runs)
            print(
                f"  pdftotext (2 åt gången): {t_poppler:.2f} s, {n_pdf_pages / t_poppler:.0f} sidor/s "
                f"(CPU {cpu_poppler:.2f} s)"
            )
            print(f"  kvot beslutskoll/pdftotext: {t_poppler / t_pdf:.2f} (1.00 = lika snabb)")
            print(f"  kvot i CPU-tid: {cpu_poppler / cpu_pdf:.2f}")
        print(f"Ren text: {len(text_files)} filer, {n_text_pages} sidor")
        print(
            f"  beslutskoll parse -j {JOBS}: {t_text:.2f} s, {n_text_pages / t_text:.0f} sidor/s "
            f"(CPU {cpu_text:.2f} s)"
        )

        few = pdf_files[: len(pdf_files) // 4]  # N files; all of pdf_files are 4N
        many = pdf_files[: 4 * len(few)]
        n = len(few)
        rss_few = peak_rss_mb(few, base / "mem-n")
        rss_many = peak_rss_mb(many, base / "mem-4n")
        print(
            f"Minnestopp (största process): {n} filer {rss_few:.0f} MB, {4 * n} filer {rss_many:.0f} MB "
            f"(kvot {rss_many / rss_few:.2f})"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
