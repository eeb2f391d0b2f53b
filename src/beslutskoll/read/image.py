"""Images (PNG, JPEG, TIFF, also multi-page TIFF): every page through OCR."""

from __future__ import annotations

from pathlib import Path

from beslutskoll.errors import ReadError
from beslutskoll.read.document import Document, Page
from beslutskoll.read.ocr import (
    MISSING_REASON,
    TesseractMissing,
    image_pages,
    ocr_pages,
    ocr_warning,
    tesseract,
)


def read_image(path: Path) -> Document:
    try:
        tesseract()
    except TesseractMissing:
        raise ReadError(path, MISSING_REASON) from None
    count, images = image_pages(path)
    numbers = list(range(1, count + 1))
    pages = [Page(lines, ocr=True) for lines in ocr_pages(images, numbers, path)]
    return Document(path=path, format="image", pages=pages, warnings=[ocr_warning(len(pages))])
