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
    except zipfile.BadZipFile:
        raise ReadError(path, "DOCX-filen är trasig (inte ett läsbart ZIP-arkiv)") from None
    except KeyError:
        raise ReadError(path, "DOCX-filen är trasig (delar av dokumentet saknas)") from None
    except (ValueError, OSError):
        raise ReadError(path, "DOCX-filen är trasig och kan inte läsas") from None
    except Exception:  # python-docx raises several lxml and package errors on junk
        raise ReadError(path, "DOCX-filen är trasig och kan inte läsas") from None
    try:
        pages = _pages(document)
    except Exception:  # malformed parts inside an otherwise valid package
        raise ReadError(path, "DOCX-filen är trasig och kan inte läsas") from None
    return Document(path=path, format="docx", pages=pages)


def _pages(document: DocxDocument) -> list[Page]:
    """Body text split at hard page breaks; the running header once, before the first page."""
    pages = [Page(_header_lines(document))]
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            pages[-1].lines.extend(block.text.split("\n"))
            if block._p.xpath('.//w:br[@w:type="page"]'):
                pages.append(Page([]))
        elif isinstance(block, Table):
            pages[-1].lines.extend(_table_lines(block))
    if len(pages) > 1 and not any(line.strip() for line in pages[-1].lines):
        pages.pop()
    return pages


def _header_lines(document: DocxDocument) -> list[str]:
    """The first section's page header (body name, date, "Sida 1 (3)"), which Word keeps apart from the body."""
    if not document.sections:
        return []
    section = document.sections[0]
    header = section.first_page_header if section.different_first_page_header_footer else section.header
    if header.is_linked_to_previous:
        return []
    lines: list[str] = []
    for block in header.iter_inner_content():
        if isinstance(block, Paragraph):
            lines.extend(line for line in block.text.split("\n") if line.strip())
        elif isinstance(block, Table):
            lines.extend(_table_lines(block))
    return lines


def _table_lines(table: Table):
    for row in table.rows:
        cells: list[str] = []
        for cell in row.cells:
            text = " ".join(cell.text.split())
            if text and (not cells or cells[-1] != text):  # merged cells repeat
                cells.append(text)
        if cells:
            yield " ".join(cells)
