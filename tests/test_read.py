"""Stage 1 (read): every format of the bundled examples gives the text of its source."""

from __future__ import annotations

import importlib.util
import io
import shutil
from pathlib import Path

import pytest

from beslutskoll.read import read_document
from beslutskoll.read.detect import detect_format
from conftest import EXAMPLES

_spec = importlib.util.spec_from_file_location("examples_build", EXAMPLES / "build.py")
assert _spec is not None and _spec.loader is not None
build = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(build)

SOURCES = sorted(EXAMPLES.glob("*.txt"))
HTML = EXAMPLES / "webbsida-kommunstyrelsen.html"


def flat(lines: list[str]) -> str:
    return " ".join(" ".join(lines).split())


def source(path: Path) -> tuple[list[str], list[list[str]]]:
    return build.split_source(path.read_text(encoding="utf-8"))


def test_there_are_examples_in_every_format() -> None:
    assert len(SOURCES) >= 4
    for src in SOURCES:
        assert src.with_suffix(".pdf").is_file(), f"run examples/build.py: {src.stem}.pdf is missing"
        assert src.with_suffix(".docx").is_file(), f"run examples/build.py: {src.stem}.docx is missing"
    assert HTML.is_file()


@pytest.mark.parametrize("src", SOURCES, ids=lambda p: p.stem)
def test_text_gives_its_pages_and_lines(src: Path) -> None:
    header, bodies = source(src)
    doc = read_document(src)
    assert doc.format == "text"
    assert len(doc.pages) == len(bodies) > 1
    for page, body in zip(doc.pages, bodies, strict=True):
        assert page.lines[: len(header)] == header
        assert [line for line in page.lines[len(header) :] if line] == [line for line in body if line]


@pytest.mark.parametrize("src", SOURCES, ids=lambda p: p.stem)
def test_pdf_gives_the_source_text_page_by_page(src: Path) -> None:
    header, bodies = source(src)
    doc = read_document(src.with_suffix(".pdf"))
    assert doc.format == "pdf"
    assert doc.warnings == []
    assert len(doc.pages) == len(bodies)
    for page, body in zip(doc.pages, bodies, strict=True):
        # the running header is on every page, then the body (its long lines wrapped)
        assert page.lines[: len(header)] == header
        assert flat(page.lines[len(header) :]) == flat(body)


@pytest.mark.parametrize("src", SOURCES, ids=lambda p: p.stem)
def test_docx_gives_header_once_then_body_pages(src: Path) -> None:
    header, bodies = source(src)
    doc = read_document(src.with_suffix(".docx"))
    assert doc.format == "docx"
    assert len(doc.pages) == len(bodies)
    assert doc.pages[0].lines[: len(header)] == header
    assert flat(doc.lines) == flat(header + [line for body in bodies for line in body])


def test_html_gives_block_lines_without_navigation() -> None:
    doc = read_document(HTML)
    assert doc.format == "html"
    assert doc.lines[:9] == [
        "Protokoll kommunstyrelsen 28 januari 2025",
        "Kommunstyrelsen, Älvstads kommun",
        "Tid: tisdag 28 januari 2025 kl. 08:30–12:15",
        "Plats: Stadshuset i Älvstad, Älvsalen",
        "Ordförande: Birgitta Nyman (S)",
        "Sekreterare: Oskar Ljung",
        "Justerare: Fredrik Öhman (M)",
        "Protokollet justerades den 4 februari 2025 i stadshuset.",
        "Ärenden",
    ]
    assert "• § 1 Val av justerare" in doc.lines
    assert "• § 5 Information om vinterväghållningen" in doc.lines
    assert not any("Startsida" in line for line in doc.lines)  # <nav> is skipped
    assert not any(line.strip() in ("•", "") for line in doc.lines)


@pytest.mark.parametrize(
    ("original", "disguise"),
    [
        ("protokoll-socialnamnden.pdf", "protokoll.txt"),
        ("protokoll-socialnamnden.docx", "protokoll.pdf"),
        ("webbsida-kommunstyrelsen.html", "sida.txt"),
        ("kallelse-bun.txt", "kallelse.pdf"),
        ("kallelse-bun.pdf", "kallelse"),
    ],
)
def test_format_is_detected_by_content_not_name(tmp_path: Path, original: str, disguise: str) -> None:
    target = tmp_path / disguise
    shutil.copyfile(EXAMPLES / original, target)
    expected = read_document(EXAMPLES / original)
    got = read_document(target)
    assert got.format == expected.format
    assert got.lines == expected.lines


def test_detect_format_on_heads(tmp_path: Path) -> None:
    path = tmp_path / "x"
    assert detect_format(path, b"%PDF-1.7\n...") == "pdf"
    assert detect_format(path, b"\x89PNG\r\n\x1a\n") == "image"
    assert detect_format(path, b"<!DOCTYPE html><html>") == "html"
    assert detect_format(path, "Protokoll § 12".encode()) == "text"
    assert detect_format(path, b"\x00\x01\x02\x03binary") is None
    assert detect_format(path, "ÅÄÖ".encode("utf-16")) == "text"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252", "utf-16"])
def test_text_encodings(tmp_path: Path, encoding: str) -> None:
    text = "Socialnämndens beslut\nÄrendet återremitteras till förvaltningen.\n"
    path = tmp_path / "protokoll.txt"
    path.write_bytes(text.encode(encoding))
    assert read_document(path).lines[:2] == text.splitlines()


def test_pdf_with_a_page_without_text_layer_warns(tmp_path: Path) -> None:
    from reportlab.pdfgen.canvas import Canvas

    buf = io.BytesIO()
    canvas = Canvas(buf)
    canvas.drawString(72, 760, "Protokoll fört vid socialnämndens sammanträde den 19 februari 2025")
    canvas.showPage()
    canvas.rect(72, 72, 400, 600, fill=1)  # a "scanned" page: no text
    canvas.showPage()
    canvas.save()
    path = tmp_path / "blandad.pdf"
    path.write_bytes(buf.getvalue())
    doc = read_document(path)
    assert len(doc.pages) == 2
    # the page is OCR'd (see test_ocr.py), but a black box holds no text
    assert doc.warnings == ["sidan 2 saknar textlager och OCR fann ingen text där"]
