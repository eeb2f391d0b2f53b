"""PDF with a text layer, through pypdfium2."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium

from beslutskoll.errors import ReadError
from beslutskoll.read.document import Document, Page

# fewer letters than this on a page means it has no usable text layer (a scan)
MIN_LETTERS_PER_PAGE = 20


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
    finally:
        pdf.close()
    if not doc.pages:
        raise ReadError(path, "PDF-filen har inga sidor")
    missing = scanned_pages(doc)
    if missing and len(missing) < len(doc.pages):
        numbers = ", ".join(str(i + 1) for i in missing)
        one = len(missing) == 1
        doc.warnings.append(
            f"{'sidan' if one else 'sidorna'} {numbers} saknar textlager ({'skannad' if one else 'skannade'}?) "
            "och lästes inte; OCR stöds ännu inte"
        )
    return doc


def scanned_pages(doc: Document) -> list[int]:
    """Indexes of pages without a usable text layer."""
    return [i for i, page in enumerate(doc.pages) if not _has_letters(page.lines, MIN_LETTERS_PER_PAGE)]


def _has_letters(lines: list[str], wanted: int) -> bool:
    # counted line by line in C (map), stopping as soon as there are enough: a text page
    # is settled by its first line or two instead of a Python step per character
    count = 0
    for line in lines:
        count += sum(map(str.isalpha, line))
        if count >= wanted:
            return True
    return False
