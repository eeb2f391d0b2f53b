"""Plain text and Markdown."""

from __future__ import annotations

from pathlib import Path

from beslutskoll.errors import ReadError
from beslutskoll.read.document import Document, Page


def decode(data: bytes, path: Path) -> str:
    encodings = ("utf-16", "utf-8-sig", "cp1252") if data.startswith((b"\xff\xfe", b"\xfe\xff")) else ()
    for encoding in (*encodings, "utf-8-sig", "cp1252"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _looks_binary(text):
            break
        return text
    raise ReadError(path, "filen innehåller ingen läsbar text")


def _looks_binary(text: str) -> bool:
    sample = text[:4000]
    if not sample:
        return False
    control = sum(1 for c in sample if ord(c) < 32 and c not in "\n\r\t\f")
    return control / len(sample) > 0.02


def read_text(path: Path, data: bytes) -> Document:
    text = decode(data, path).replace("\r\n", "\n").replace("\r", "\n")
    # a form feed separates pages, as pdftotext writes them
    pages = [Page(chunk.split("\n")) for chunk in text.split("\f")]
    return Document(path=path, format="text", pages=pages)
