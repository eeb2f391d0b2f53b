"""One document through the stages: read → repair → parse."""

from __future__ import annotations

from pathlib import Path

from beslutskoll.model import Extraction
from beslutskoll.parse import parse_lines
from beslutskoll.parse.layout import page_lines
from beslutskoll.read import Document, read_document
from beslutskoll.repair import damage_ratio, document_vocabulary, repair_text

# share of damaged words above which a document is repaired before parsing
REPAIR_THRESHOLD = 0.02


def parse(path: Path | str) -> Extraction:
    """Read, repair when OCR-damaged (or read by OCR), and parse one document."""
    return parse_document(path)[1]


def parse_document(path: Path | str) -> tuple[Document, Extraction]:
    """As `parse`, also handing on the document as read (its pages locate items in the original)."""
    doc = read_document(path)
    lines = page_lines([page.lines for page in doc.pages])
    warnings = list(doc.warnings)
    text = "\n".join(lines)
    ocr = any(page.ocr for page in doc.pages)
    # known names only lower the ratio, so a text layer clean without them needs no more
    if ocr or damage_ratio(text) > REPAIR_THRESHOLD:
        lines, repair_warnings = _repaired(text, ocr)
        warnings += repair_warnings
    extraction = parse_lines(lines)
    extraction.warnings = warnings + extraction.warnings
    return doc, extraction


def _repaired(text: str, ocr: bool) -> tuple[list[str], list[str]]:
    """The lines repaired when OCR'd or damaged, with the warnings that say so."""
    # the names in the document's own attendee lists are spelled right, however rare
    vocabulary = document_vocabulary(text)
    ratio = damage_ratio(text, vocabulary=vocabulary)
    lines = text.split("\n")
    warnings: list[str] = []
    if ratio > REPAIR_THRESHOLD or ocr:
        repaired = repair_text(text, vocabulary=vocabulary)
        changed = sum(a != b for a, b in zip(text.split(), repaired.split(), strict=False))
        lines = repaired.split("\n")
        if ratio > REPAIR_THRESHOLD:
            warnings.append(
                f"OCR-skadad text upptäcktes ({ratio:.0%} av orden); {changed} ord reparerades före tolkningen"
            )
        elif changed:
            warnings.append(f"{changed} ord i OCR-texten reparerades före tolkningen")
    return lines, warnings
