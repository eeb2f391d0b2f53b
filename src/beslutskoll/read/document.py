"""What the `read` stage hands on: a document as pages of text lines."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Page:
    lines: list[str]
    # True when the text came from OCR (Tesseract) rather than a text layer
    ocr: bool = False


@dataclass
class Document:
    path: Path
    format: str  # "pdf", "docx", "html", "text", "image"
    pages: list[Page] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def lines(self) -> list[str]:
        return [line for page in self.pages for line in page.lines]

    @property
    def text(self) -> str:
        return "\n".join(self.lines)
