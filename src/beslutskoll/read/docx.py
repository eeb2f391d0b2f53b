"""DOCX through python-docx: paragraphs and tables in document order."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
from docx.document import Document as DocxDocument
from docx.table import Table
from docx.text.paragraph import Paragraph

from beslutskoll.errors import ReadError
from beslutskoll.read.document import Document, Page


def read_docx(path: Path, data: bytes) -> Document:
    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise ReadError(path, f"DOCX-filen är trasig ({type(exc).__name__})") from None
    except Exception:  # python-docx raises several lxml and package errors on junk
        raise ReadError(path, "DOCX-filen är trasig och kan inte läsas") from None
    return Document(path=path, format="docx", pages=[Page(list(_lines(document)))])


def _lines(document: DocxDocument):
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            yield from block.text.split("\n")
        elif isinstance(block, Table):
            for row in block.rows:
                cells: list[str] = []
                for cell in row.cells:
                    text = " ".join(cell.text.split())
                    if text and (not cells or cells[-1] != text):  # merged cells repeat
                        cells.append(text)
                if cells:
                    yield " ".join(cells)
