"""PDF through pypdfium2: the text layer, and OCR for pages that have none worth reading."""

from __future__ import annotations

import re
from pathlib import Path

import pypdfium2 as pdfium

from beslutskoll.errors import ReadError
from beslutskoll.read.document import Document, Page

# fewer letters than this on a page means it has no usable text layer (a scan)
MIN_LETTERS_PER_PAGE = 20
# a text layer where less than this share of the visible characters are letters, digits or
# ordinary punctuation is garbage (a font without a character map, a broken encoding)
MIN_READABLE_SHARE = 0.75
_PUNCTUATION = ".,:;!?()[]-–—/\"'’”§%&+*=<>@#_|•"
# counted by regular expression, in C: \w is what str.isalnum() accepts (and "_")
_SPACE = re.compile(r"\s")
_UNREADABLE = re.compile(rf"[^\s\w{re.escape(_PUNCTUATION)}]")


def read_pdf(path: Path, data: bytes) -> Document:
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        reason = str(exc).lower()
        if "password" in reason:
            raise ReadError(path, "PDF-filen är krypterad och kan inte läsas") from None
        raise ReadError(path, "PDF-filen är trasig eller ofullständig") from None
    doc = Document(path=path, format="pdf")
    try:
        try:
            for index in range(len(pdf)):
                page = pdf[index]
                textpage = page.get_textpage()
                text = textpage.get_text_bounded()
                textpage.close()
                page.close()
                text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x02", "").replace("\x00", "")
                doc.pages.append(Page(text.split("\n")))
        except pdfium.PdfiumError:
            raise ReadError(path, f"PDF-filen är trasig (sidan {len(doc.pages) + 1} kan inte läsas)") from None
        if not doc.pages:
            raise ReadError(path, "PDF-filen har inga sidor")
        # a page with nothing drawn on it is blank, not a scan
        scanned = [i for i in scanned_pages(doc) if _draws_something(pdf, i)]
        if scanned:
            _ocr(pdf, doc, scanned)
    finally:
        pdf.close()
    return doc


def _ocr(pdf: pdfium.PdfDocument, doc: Document, scanned: list[int]) -> None:
    """Replace the pages without a usable text layer with what OCR reads on them."""
    from beslutskoll.read.ocr import (
        MISSING_REASON,
        TesseractMissing,
        ocr_pages,
        ocr_warning,
        render_pages,
        tesseract,
    )

    try:
        tesseract()
    except TesseractMissing:
        if len(scanned) == len(doc.pages):
            raise ReadError(doc.path, MISSING_REASON) from None
        scans = "skannad" if len(scanned) == 1 else "skannade"
        doc.warnings.append(f"{_pages_phrase(scanned)} är {scans} och lästes inte: {MISSING_REASON}")
        for index in scanned:
            doc.pages[index] = Page([])
        return
    try:
        read = ocr_pages(render_pages(pdf, scanned), [i + 1 for i in scanned], doc.path)
    except pdfium.PdfiumError:
        raise ReadError(doc.path, "PDF-filen är trasig (en skannad sida kan inte renderas)") from None
    for index, lines in zip(scanned, read, strict=True):
        doc.pages[index] = Page(lines, ocr=True)
    empty = [index for index in scanned if not any(line.strip() for line in doc.pages[index].lines)]
    if len(empty) < len(scanned):
        doc.warnings.append(ocr_warning(len(scanned) - len(empty)))
    if empty and len(empty) < len(doc.pages):
        doc.warnings.append(f"{_pages_phrase(empty)} saknar textlager och OCR fann ingen text där")


def _draws_something(pdf: pdfium.PdfDocument, index: int) -> bool:
    page = pdf[index]
    try:
        return pdfium.raw.FPDFPage_CountObjects(page) > 0
    finally:
        page.close()


def _pages_phrase(indexes: list[int]) -> str:
    """"sidan 2" or "sidorna 2, 5"."""
    numbers = ", ".join(str(i + 1) for i in indexes)
    return f"{'sidan' if len(indexes) == 1 else 'sidorna'} {numbers}"


def scanned_pages(doc: Document) -> list[int]:
    """Indexes of pages without a usable text layer: next to no letters, or garbage."""
    return [i for i, page in enumerate(doc.pages) if not usable_text(page.lines)]


def usable_text(lines: list[str]) -> bool:
    if not _has_letters(lines, MIN_LETTERS_PER_PAGE):
        return False
    # garbage (private-use glyphs, symbol soup) shows within the first few thousand characters
    sample = "".join(lines)[:4000]
    visible = len(sample) - len(_SPACE.findall(sample))
    unreadable = len(_UNREADABLE.findall(sample))
    return visible - unreadable >= MIN_READABLE_SHARE * visible


def _has_letters(lines: list[str], wanted: int) -> bool:
    # counted line by line in C (map), stopping as soon as there are enough: a text page
    # is settled by its first line or two instead of a Python step per character
    count = 0
    for line in lines:
        count += sum(map(str.isalpha, line))
        if count >= wanted:
            return True
    return False
