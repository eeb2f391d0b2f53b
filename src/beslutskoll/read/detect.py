"""Detect a file's format from its content, falling back to the extension."""

from __future__ import annotations

import zipfile
from pathlib import Path

_IMAGE_MAGIC = {
    b"\x89PNG": "image",
    b"\xff\xd8\xff": "image",
    b"II*\x00": "image",
    b"MM\x00*": "image",
}


def detect_format(path: Path, head: bytes) -> str | None:
    """Return "pdf", "docx", "html", "text", "image", or None when unsupported."""
    if head.startswith(b"%PDF") or b"%PDF-" in head[:1024]:
        return "pdf"
    for magic, fmt in _IMAGE_MAGIC.items():
        if head.startswith(magic):
            return fmt
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(path) as archive:
                if "word/document.xml" in archive.namelist():
                    return "docx"
        except zipfile.BadZipFile:
            return "docx" if path.suffix.lower() == ".docx" else None
        return None
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 with a byte order mark, as Windows saves it
        return "text"
    if b"\x00" in head[:4096]:
        return None
    sniff = head[:2048].lstrip().lower()
    if (
        sniff.startswith((b"<!doctype html", b"<html"))
        or b"<body" in head.lower()
        or (path.suffix.lower() in (".html", ".htm") and b"<" in sniff)
    ):
        return "html"
    return "text"
