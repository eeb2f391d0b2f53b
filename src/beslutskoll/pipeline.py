"""One document through the stages: read → repair → parse."""

from __future__ import annotations

from pathlib import Path

from beslutskoll.model import Extraction
from beslutskoll.parse import parse_lines
from beslutskoll.read import Document, read_document
from beslutskoll.repair import damage_ratio, repair_text

# share of damaged words above which a document is repaired before parsing
REPAIR_THRESHOLD = 0.02


def parse(path: Path | str) -> Extraction:
    """Read, repair when OCR-damaged, and parse one document."""
    return parse_document(path)[1]


def parse_document(path: Path | str) -> tuple[Document, Extraction]:
    """As `parse`, also handing on the document as read (its pages locate items in the original)."""
    doc = read_document(path)
    lines = doc.lines
    warnings = list(doc.warnings)
    text = "\n".join(lines)
    ratio = damage_ratio(text)
    if ratio > REPAIR_THRESHOLD:
        repaired = repair_text(text)
        changed = sum(a != b for a, b in zip(text.split(), repaired.split(), strict=False))
        lines = repaired.split("\n")
        warnings.append(
            f"OCR-skadad text upptäcktes ({ratio:.0%} av orden); {changed} ord reparerades före tolkningen"
        )
    extraction = parse_lines(lines)
    extraction.warnings = warnings + extraction.warnings
    return doc, extraction
