"""Stage 1: a file → pages of text lines (`Document`)."""

from __future__ import annotations

from pathlib import Path

from beslutskoll.errors import ReadError, os_reason
from beslutskoll.read.detect import detect_format
from beslutskoll.read.document import Document, Page

__all__ = ["Document", "Page", "ReadError", "read_document"]


def read_document(path: Path | str) -> Document:
    """Read any supported file; raise ReadError with a Swedish reason otherwise."""
    path = Path(path)
    if not path.exists():
        raise ReadError(path, "filen finns inte")
    if path.is_dir():
        raise ReadError(path, "är en mapp, inte en fil")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ReadError(path, f"kan inte läsas ({os_reason(exc)})") from None
    if not data.strip():
        raise ReadError(path, "filen är tom")
    fmt = detect_format(path, data[:8192])
    if fmt is None:
        raise ReadError(path, "okänt eller binärt filformat som inte stöds")
    if fmt == "pdf":
        from beslutskoll.read.pdf import read_pdf

        doc = read_pdf(path, data)
    elif fmt == "docx":
        from beslutskoll.read.docx import read_docx

        doc = read_docx(path, data)
    elif fmt == "html":
        from beslutskoll.read.html import read_html

        doc = read_html(path, data)
    elif fmt == "image":
        from beslutskoll.read.image import read_image

        doc = read_image(path)
    else:
        from beslutskoll.read.text import read_text

        doc = read_text(path, data)
    if not any(line.strip() for line in doc.lines):
        if fmt in ("pdf", "image"):
            reason = "PDF-filen saknar textlager och OCR fann ingen text"
            raise ReadError(path, reason if fmt == "pdf" else "OCR fann ingen text i bilden")
        raise ReadError(path, "dokumentet innehåller ingen text")
    return doc
