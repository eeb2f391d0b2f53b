"""OCR of scanned pages and images with Tesseract, called as a program: one process per page.

Pages are OCR'd in parallel (a thread per running Tesseract; the threads only wait on it),
while the main thread renders the next pages: pdfium must only be used from one thread.
"""

from __future__ import annotations

import contextlib
import functools
import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from beslutskoll.errors import ReadError

# where to find the tesseract program when it is not the one on PATH
TESSERACT_ENV = "BESLUTSKOLL_TESSERACT"
MISSING_REASON = (
    "skannat dokument kräver OCR, men Tesseract saknas; "
    "installera med: sudo apt-get install tesseract-ocr tesseract-ocr-swe"
)
# the English model beside the Swedish one reads § (the Swedish model alone reads it as 8)
LANGUAGES = ("swe", "eng")
# a whole page of text in one or more columns
PAGE_SEGMENTATION = "3"
# resolution for pages without a scanned image to go by, and the range within which
# a scan is OCR'd at its own resolution (no resampling, no more pixels than it has)
DEFAULT_DPI = 300
MIN_NATIVE_DPI = 200
MAX_NATIVE_DPI = 400
# an image covering this share of the page is the page's scan
SCAN_COVER = 0.5
# the longest one page may take
PAGE_TIMEOUT = 600


class TesseractMissing(Exception):
    """Tesseract or its Swedish model is not installed."""


@dataclass
class Settings:
    # Tesseract processes at a time; None: one per core
    workers: int | None = None
    # a progress line on a terminal; off where another progress line runs (parse -j)
    progress: bool = True
    # a semaphore that parallel worker processes share, so that together they run only as
    # many Tesseracts as there are cores, while one alone (the last file) may use them all
    slots: Any = None


settings = Settings()


def configure(*, workers: int | None = None, progress: bool | None = None, slots: Any = None) -> None:
    """Set how many pages run at a time and whether progress is shown (for this process)."""
    if workers is not None:
        settings.workers = workers
    if progress is not None:
        settings.progress = progress
    if slots is not None:
        settings.slots = slots


def cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


@dataclass(frozen=True)
class Tesseract:
    binary: str
    languages: str


@functools.cache
def _find(binary_setting: str | None) -> Tesseract:
    binary = shutil.which(binary_setting or "tesseract")
    if binary is None:
        raise TesseractMissing(binary_setting or "tesseract")
    try:
        listed = subprocess.run(
            [binary, "--list-langs"], capture_output=True, text=True, timeout=30, check=False
        )
    except (OSError, subprocess.SubprocessError):
        raise TesseractMissing(binary) from None
    installed = set(listed.stdout.split()) | set(listed.stderr.split())
    if "swe" not in installed:
        raise TesseractMissing(binary)
    return Tesseract(binary, "+".join(lang for lang in LANGUAGES if lang in installed))


def tesseract() -> Tesseract:
    """The installed Tesseract with its Swedish model; TesseractMissing when there is none."""
    return _find(os.environ.get(TESSERACT_ENV))


def available() -> bool:
    try:
        tesseract()
    except TesseractMissing:
        return False
    return True


@dataclass(frozen=True)
class PageImage:
    """One page for Tesseract: an image file's bytes (PNM, PNG, JPEG, TIFF) or a file to read."""

    data: bytes | None = None
    file: Path | None = None
    dpi: int | None = None


def _run(tess: Tesseract, image: PageImage, path: Path, number: int) -> list[str]:
    # an absolute path: a file named "stdin" is not standard input to Tesseract
    args = [tess.binary, str(image.file.resolve()) if image.file else "stdin", "stdout"]
    args += ["-l", tess.languages, "--psm", PAGE_SEGMENTATION]
    if image.dpi:
        args += ["--dpi", str(image.dpi)]
    # one thread per Tesseract: pages run in parallel instead, which scales better
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    try:
        with settings.slots or contextlib.nullcontext():
            done = subprocess.run(args, input=image.data, capture_output=True, env=env, timeout=PAGE_TIMEOUT)
    except subprocess.TimeoutExpired:
        raise ReadError(path, f"OCR av sidan {number} tog för lång tid") from None
    except OSError:
        raise ReadError(path, MISSING_REASON) from None
    if done.returncode != 0:
        detail = " ".join(done.stderr.decode("utf-8", "replace").split())[:200]
        raise ReadError(path, f"OCR av sidan {number} misslyckades (Tesseract: {detail or 'okänt fel'})")
    text = done.stdout.decode("utf-8", "replace").replace("\r\n", "\n")
    return _lines(text.rstrip("\f\n"))


def _lines(text: str) -> list[str]:
    """Tesseract's lines; its blank lines between blocks are kept as the layout's paragraphs."""
    lines = [fix_section_signs(line.rstrip()) for line in text.split("\n")]
    while lines and not lines[-1]:
        lines.pop()
    return lines


def ocr_pages(images: Iterable[PageImage], numbers: list[int], path: Path) -> list[list[str]]:
    """The lines of each page image, in order; Tesseract runs on several pages at a time.

    ``numbers`` are the pages' numbers in the file, for messages.
    """
    tess = tesseract()
    count = len(numbers)
    workers = max(1, min(settings.workers or cores(), count))
    progress = _Progress(count, settings.progress and count > 1 and sys.stderr.isatty())
    results: list[list[str]] = []
    pending: list[Future[list[str]]] = []
    with ThreadPoolExecutor(max_workers=workers) as pool:
        try:
            for number, image in zip(numbers, images, strict=False):
                pending.append(pool.submit(_run, tess, image, path, number))
                # keep only a few rendered pages in memory
                while len(pending) > workers:
                    results.append(pending.pop(0).result())
                    progress.update(len(results))
            while pending:
                results.append(pending.pop(0).result())
                progress.update(len(results))
        finally:
            for future in pending:
                future.cancel()
            progress.close()
    return results


class _Progress:
    """"OCR: sida 3/12, 1,4 sidor/s, cirka 6 s kvar" on one terminal line."""

    def __init__(self, total: int, active: bool) -> None:
        self.total = total
        self.active = active
        self.started = time.monotonic()
        if active:  # at once, not only when the first page is done
            sys.stderr.write(f"\rOCR: sida 0/{total} ")
            sys.stderr.flush()

    def update(self, done: int) -> None:
        if not self.active:
            return
        elapsed = time.monotonic() - self.started
        rate = done / elapsed if elapsed > 0 else 0.0
        left = (self.total - done) / rate if rate > 0 else 0.0
        shown = f"{rate:.1f}".replace(".", ",")
        sys.stderr.write(f"\rOCR: sida {done}/{self.total}, {shown} sidor/s, cirka {left:.0f} s kvar ")
        sys.stderr.flush()

    def close(self) -> None:
        if self.active:
            sys.stderr.write("\r\033[K")
            sys.stderr.flush()


def pnm(width: int, height: int, stride: int, buffer: memoryview | bytes, channels: int = 1) -> bytes:
    """A binary PGM (grey) or PPM (RGB) image: the cheapest format Tesseract reads."""
    row = width * channels
    data = bytes(buffer)
    if stride != row:
        data = b"".join(data[y * stride : y * stride + row] for y in range(height))
    kind = "P5" if channels == 1 else "P6"
    return f"{kind}\n{width} {height}\n255\n".encode() + data


def render_pages(pdf, indexes: list[int]) -> Iterator[PageImage]:
    """PDF pages in grey for OCR: a page that is just a scan as the scan's own pixels,
    any other page rendered (a scanned page at its scan's resolution)."""
    for index in indexes:
        page = pdf[index]
        try:
            image = _stored_scan(page) or _render(page)
        finally:
            page.close()
        yield image


def _render(page) -> PageImage:
    dpi = _scan_dpi(page) or DEFAULT_DPI
    bitmap = page.render(scale=dpi / 72, grayscale=True)
    try:
        return PageImage(pnm(bitmap.width, bitmap.height, bitmap.stride, bitmap.buffer), dpi=dpi)
    finally:
        bitmap.close()


def _stored_scan(page) -> PageImage | None:
    """The pixels of the one upright grey image that makes up the whole page, as stored:
    cheaper than rendering, and exactly what the scanner made."""
    import pypdfium2 as pdfium

    if page.get_rotation() != 0:
        return None
    objects = list(page.get_objects(max_depth=1))
    if len(objects) != 1 or objects[0].type != pdfium.raw.FPDF_PAGEOBJ_IMAGE:
        return None
    image = objects[0]
    a, b, c, d, _, _ = image.get_matrix().get()
    width, height = page.get_size()
    if b or c or a < 0.95 * width or d < 0.95 * height:
        return None  # turned, flipped, or not the whole page
    px_w, _ = image.get_px_size()
    dpi = round(px_w / a * 72)
    if not MIN_NATIVE_DPI <= dpi <= MAX_NATIVE_DPI:
        return None
    if image.get_filters() == ["DCTDecode"] and image.get_metadata().colorspace in _JPEG_COLOURS:
        # a JPEG goes to Tesseract as it is: no decoding here and no copy of its pixels
        data = bytes(image.get_data(decode_simple=False))
        if data.startswith(b"\xff\xd8"):
            return PageImage(data, dpi=dpi)
    # pdfium owns this bitmap: it goes with the page, not closed here
    bitmap = image.get_bitmap(render=False)
    if bitmap.format != pdfium.raw.FPDFBitmap_Gray:
        return None
    return PageImage(pnm(bitmap.width, bitmap.height, bitmap.stride, bitmap.buffer), dpi=dpi)


_JPEG_COLOURS = (1, 2)  # FPDF_COLORSPACE_DEVICEGRAY, FPDF_COLORSPACE_DEVICERGB; not CMYK


def _scan_dpi(page) -> int | None:
    """The resolution of the image that covers the page (a scan), when it is within reason."""
    import pypdfium2 as pdfium

    width, height = page.get_size()
    if width <= 0 or height <= 0:
        return None
    best: int | None = None
    for obj in page.get_objects(filter=(pdfium.raw.FPDF_PAGEOBJ_IMAGE,), max_depth=2):
        left, bottom, right, top = obj.get_bounds()
        box_w, box_h = right - left, top - bottom
        if box_w * box_h < SCAN_COVER * width * height:
            continue
        px_w, px_h = obj.get_px_size()
        # the longer sides match whichever way the image is turned
        dpi = round(max(px_w, px_h) / max(box_w, box_h) * 72)
        best = max(best or 0, dpi)
    if best is None:
        return None
    return best if MIN_NATIVE_DPI <= best <= MAX_NATIVE_DPI else DEFAULT_DPI


def image_pages(path: Path) -> tuple[int, Iterator[PageImage]]:
    """An image file's page count and its pages for OCR: a multi-page TIFF is split, one
    page decoded at a time, so that its pages run in parallel."""
    from PIL import Image

    try:
        with Image.open(path) as image:
            frames = getattr(image, "n_frames", 1)
    except (OSError, ValueError, SyntaxError):
        raise ReadError(path, "bildfilen är trasig och kan inte läsas med OCR") from None
    if frames <= 1:
        return 1, iter([PageImage(file=path)])
    return frames, _frames(path)


def _frames(path: Path) -> Iterator[PageImage]:
    from PIL import Image, ImageSequence

    try:
        with Image.open(path) as image:
            for frame in ImageSequence.Iterator(image):
                yield _frame(frame)
    except (OSError, ValueError, SyntaxError):
        raise ReadError(path, "bildfilen är trasig och kan inte läsas med OCR") from None


def _frame(frame) -> PageImage:
    import io

    dpi = frame.info.get("dpi")
    image = frame if frame.mode in ("1", "L", "RGB") else frame.convert("L")
    buf = io.BytesIO()
    image.save(buf, format="PPM")
    return PageImage(buf.getvalue(), dpi=round(dpi[0]) if dpi and dpi[0] else None)


def ocr_warning(pages: int) -> str:
    return f"{pages} {'sida' if pages == 1 else 'sidor'} lästes med OCR (Tesseract)"


# Tesseract reads the paragraph sign § as $ or 8 (and §§ as $$ or 88). A $ before a number
# is always one in Swedish minutes; an 8 only where a paragraph number follows it: at the
# start of a line before a heading, or after a word, followed by the end of the clause
_DOLLARS = re.compile(r"(?<![\w$])(\$\$?) ?(?=\d)")
_EIGHTS_HEADING = re.compile(r"^(88?) (?=[1-9]\d{0,3} \(?[A-ZÅÄÖ][a-zåäö])")
_EIGHTS_REFERENCE = re.compile(
    r"(?:(?<=^)|(?<=[a-zåäö,:()] ))(88?) (?=[1-9]\d{0,3}(?:[-–]\d{1,4})?(?:[,.;:)]|$| och | samt | ?[-–] ?\d))"
)
# after these an 8 is a number: "klockan 8 12", "sidan 8 12"
_NUMBER_WORDS = frozenset(
    ["kl", "klockan", "sid", "sidan", "sidor", "punkt", "punkterna", "bilaga", "nr", "nummer", "kapitel", "den", "år", "och", "till", "från", "mellan", "av", "med", "på", "ca", "cirka"]
)


def fix_section_signs(line: str) -> str:
    """"$ 14 Handlingsplan", "8 98," and "88 12-14" read as what Tesseract saw: § and §§."""
    if "$" not in line and "8" not in line:
        return line
    line = _DOLLARS.sub(lambda m: "§" * len(m.group(1)) + " ", line)
    line = _EIGHTS_HEADING.sub(lambda m: "§" * len(m.group(1)) + " ", line)

    def reference(m: re.Match[str]) -> str:
        before = line[: m.start()].split()
        if before and before[-1].lower().strip(",:(") in _NUMBER_WORDS:
            return m.group(0)
        return "§" * len(m.group(1)) + " "

    return _EIGHTS_REFERENCE.sub(reference, line)
