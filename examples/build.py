"""Render the example sources (examples/*.txt) as PDF and DOCX.

    uv run python examples/build.py

Each source is plain UTF-8 text; a form feed separates pages, and the lines
that every page starts with are the running header. The PDF draws them at the
top of every page (reportlab); the DOCX puts them in the section header and
breaks pages where the source does (python-docx). Both are written so that the
same source gives the same bytes, and the generated files are committed.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import sys
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
FONT, BOLD = "Helvetica", "Helvetica-Bold"
SIZE, LEADING, HEADER_SIZE = 9.5, 12.5, 8.5
FIXED_TIME = dt.datetime(2025, 1, 1, 12, 0, 0)

_LABELS = {
    "Plats och tid",
    "Beslutande",
    "Beslutande ledamöter",
    "Ersättare",
    "Övriga närvarande",
    "Justerare",
    "Justeringens plats och tid",
    "Underskrifter",
    "ANSLAG/BEVIS",
    "Sammanfattning",
    "Ärendebeskrivning",
    "Förslag till beslut",
    "Yrkande",
    "Propositionsordning",
    "Reservation",
    "Beslut",
    "Beslutsunderlag",
    "Beslut skickas till",
    "Beslutet skickas till",
    "Socialnämndens beslut",
    "Ledamöter",
    "Ersättare för kännedom",
    "Övriga kallade",
    "Föredragningslista",
    "Informationsärenden",
    "Beslutsärenden",
    "Övrigt",
    "TJÄNSTESKRIVELSE",
    "Ekonomiska konsekvenser",
}
_HEADING = re.compile(r"^(§ \d+ |\d+\. [A-ZÅÄÖ])")


def split_source(text: str) -> tuple[list[str], list[list[str]]]:
    """(running header lines, body lines of each page)."""
    pages = [page.split("\n") for page in text.rstrip("\n").split("\f")]
    header: list[str] = []
    if len(pages) > 1:
        for column in zip(*pages, strict=False):
            if len(set(column)) != 1 or not column[0].strip():
                break
            header.append(column[0])
    return header, [page[len(header) :] for page in pages]


def _is_heading(line: str) -> bool:
    return line in _LABELS or (bool(_HEADING.match(line)) and len(line) < 100 and not line.endswith("."))


def render_pdf(header: list[str], pages: list[list[str]]) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import simpleSplit
    from reportlab.pdfgen.canvas import Canvas

    buf = io.BytesIO()
    width, height = A4
    left, right, top, bottom = 62, 62, 50, 50
    canvas = Canvas(buf, pagesize=A4, invariant=1, pageCompression=1)
    canvas.setTitle("Exempeldokument för Beslutskoll")
    for number, lines in enumerate(pages, 1):
        y = height - top
        for i, line in enumerate(header):
            canvas.setFont(BOLD if i == 0 else FONT, HEADER_SIZE)
            canvas.drawString(left, y, line)
            y -= HEADER_SIZE + 3
        if header:
            canvas.setLineWidth(0.5)
            canvas.line(left, y + 4, width - right, y + 4)
            y -= 10
        for line in lines:
            if not line.strip():
                y -= LEADING / 2
                continue
            font = BOLD if _is_heading(line) else FONT
            for part in simpleSplit(line, font, SIZE, width - left - right):
                if y < bottom:
                    raise SystemExit(f"sidan {number} får inte plats på en PDF-sida: korta den i källan")
                canvas.setFont(font, SIZE)
                canvas.drawString(left, y, part)
                y -= LEADING
        canvas.showPage()
    canvas.save()
    return buf.getvalue()


def render_docx(header: list[str], pages: list[list[str]]) -> bytes:
    import docx
    from docx.shared import Pt

    document = docx.Document()
    document.styles["Normal"].font.size = Pt(10)
    props = document.core_properties
    props.created = props.modified = FIXED_TIME
    props.author = props.last_modified_by = "Beslutskoll"
    props.title = "Exempeldokument för Beslutskoll"
    section = document.sections[0]
    if header:
        paragraphs = section.header.paragraphs
        paragraphs[0].text = header[0]
        for line in header[1:]:
            section.header.add_paragraph(line)
    for number, lines in enumerate(pages):
        if number:
            document.add_page_break()
        while lines and not lines[0].strip():  # the page break itself separates pages
            lines = lines[1:]
        for line in lines:
            paragraph = document.add_paragraph()
            paragraph.add_run(line).bold = _is_heading(line)
    buf = io.BytesIO()
    document.save(buf)
    return _fixed_zip(buf.getvalue())


def _fixed_zip(data: bytes) -> bytes:
    """The same archive with fixed timestamps, so that a rebuild gives the same bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


def main() -> int:
    sources = sorted(HERE.glob("*.txt"))
    for source in sources:
        header, pages = split_source(source.read_text(encoding="utf-8"))
        source.with_suffix(".pdf").write_bytes(render_pdf(header, pages))
        source.with_suffix(".docx").write_bytes(render_docx(header, pages))
        print(f"{source.name}: {len(pages)} sidor → {source.stem}.pdf, {source.stem}.docx")
    return 0


if __name__ == "__main__":
    sys.exit(main())
