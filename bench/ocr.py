"""Scanned documents on 2 cores: the whole path (OCR + repair + parse) beside plain Tesseract.

    uv run python bench/ocr.py [--copies 2] [--rounds 1]

Makes scanned copies of the bundled example PDFs (200 dpi, slightly turned, some grain),
as image-only PDFs and, for the comparison, as the same page images in PNG. Then runs
`beslutskoll parse -j 2 --out DIR` on the PDFs as a user would, and `tesseract` two at a
time on the page images with the languages and settings beslutskoll uses. Prints pages
per minute for both and the ratio of their times (the aim: the whole path at most 1.15 ×
Tesseract's own time). Only figures are printed; nothing is asserted.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pypdfium2 as pdfium
from PIL import Image

from beslutskoll.read.ocr import PAGE_SEGMENTATION, tesseract

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
JOBS = 2
DPI = 200


def scan(image: Image.Image, rng: random.Random) -> Image.Image:
    """A page as a scanner leaves it: slightly turned, with some grain."""
    turned = image.convert("L").rotate(rng.uniform(-1.0, 1.0), Image.BICUBIC, fillcolor=255)
    grain = Image.frombytes("L", turned.size, rng.randbytes(turned.width * turned.height))
    return Image.blend(turned, grain, 0.1)


def make_scans(sources: list[Path], copies: int, folder: Path) -> tuple[list[Path], list[Path]]:
    """Image-only PDFs and their page images (PNG), `copies` of each source."""
    rng = random.Random(11)
    pdfs: list[Path] = []
    images: list[Path] = []
    folder.mkdir(parents=True, exist_ok=True)
    for copy in range(copies):
        for source in sources:
            pdf = pdfium.PdfDocument(source)
            try:
                pages = [scan(pdf[i].render(scale=DPI / 72, grayscale=True).to_pil(), rng) for i in range(len(pdf))]
            finally:
                pdf.close()
            target = folder / f"{source.stem}-{copy:03d}.pdf"
            pages[0].save(target, save_all=True, append_images=pages[1:], resolution=DPI)
            pdfs.append(target)
            for number, page in enumerate(pages, start=1):
                image = folder / f"{source.stem}-{copy:03d}-sida{number}.png"
                page.save(image, dpi=(DPI, DPI))
                images.append(image)
    return pdfs, images


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(run) -> tuple[float, float]:
    """Wall and CPU seconds (of all child processes) of one run: CPU time is what other load
    on a shared machine disturbs least."""
    cpu, started = children_cpu(), time.perf_counter()
    run()
    return time.perf_counter() - started, children_cpu() - cpu


def run_beslutskoll(files: list[Path], out: Path) -> None:
    """One `beslutskoll parse -j 2 --out` run over the files."""
    cmd = [sys.executable, "-m", "beslutskoll.cli", "parse", "-j", str(JOBS), "--out", str(out), *map(str, files)]
    result = subprocess.run(cmd, capture_output=True, text=True)
    if result.returncode != 0:
        print(f"  beslutskoll gav felkod {result.returncode}: {result.stderr.strip()[:300]}")


def run_tesseract(images: list[Path]) -> None:
    """Plain tesseract over the page images, two at a time."""
    tess = tesseract()
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}

    def one(image: Path) -> int:
        cmd = [tess.binary, str(image), "stdout", "-l", tess.languages, "--psm", PAGE_SEGMENTATION]
        return subprocess.run(cmd, capture_output=True, env=env).returncode

    with ThreadPoolExecutor(max_workers=JOBS) as pool:
        codes = list(pool.map(one, images))
    if any(codes):
        print(f"  tesseract misslyckades på {sum(1 for c in codes if c)} bilder")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--copies", type=int, default=2, help="skannade kopior av varje exempel-PDF (4 st)")
    ap.add_argument("--rounds", type=int, default=1, help="körningar av vardera; den snabbaste räknas")
    args = ap.parse_args()

    sources = sorted(EXAMPLES.glob("*.pdf"))
    tess = tesseract()
    print(f"Maskin: {os.cpu_count()} kärnor; {JOBS} åt gången; Tesseract -l {tess.languages} --psm {PAGE_SEGMENTATION}")
    with tempfile.TemporaryDirectory(prefix="beslutskoll-bench-ocr-") as tmp:
        base = Path(tmp)
        pdfs, images = make_scans(sources, args.copies, base / "skannade")
        pages = len(images)
        path = tess_ = (float("inf"), float("inf"))
        for round_ in range(args.rounds):
            # alternate, so that other load on the machine falls on both
            tess_ = min(tess_, timed(lambda: run_tesseract(images)))
            path = min(path, timed(lambda r=round_: run_beslutskoll(pdfs, base / f"ut-{r}")))
        print(f"Skannade PDF ({DPI} dpi): {len(pdfs)} filer, {pages} sidor")
        for name, (wall, cpu) in (
            (f"beslutskoll parse -j {JOBS} (OCR + reparation + tolkning)", path),
            (f"tesseract ({JOBS} åt gången, samma sidbilder)", tess_),
        ):
            print(f"  {name}: {wall:.1f} s, {60 * pages / wall:.0f} sidor/min; CPU {cpu:.1f} s")
        print(f"  kvot beslutskoll/tesseract: tid {path[0] / tess_[0]:.2f}, CPU {path[1] / tess_[1]:.2f} (mål ≤ 1.15)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
