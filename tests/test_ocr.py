"""OCR with the real Tesseract: scanned round trips of the examples, images, mixed PDFs.

Tesseract and its Swedish model must be installed (.ci/run installs them): without them
these tests fail rather than pass with nothing tested. The scans are made at test time.
"""

from __future__ import annotations

import io
import json
import random
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PIL import Image

import beslutskoll
from beslutskoll.read import read_document
from beslutskoll.read.ocr import MISSING_REASON, TESSERACT_ENV, _Progress, available, fix_section_signs
from conftest import EXAMPLES, EXPECTED, run_cli

SCAN_DPI = 200
# the scanned version must score this share of what the text version scores
MIN_SHARE = 0.9
SCANNED_EXAMPLES = sorted(p for p in EXAMPLES.glob("*.pdf") if (EXPECTED / f"{p.stem}.json").exists())

# fictional text of our own for the small fixtures
KALLELSE = [
    "Kallelse till kulturnämndens sammanträde",
    "Tid: tisdagen den 11 mars 2025 klockan 13.00",
    "Plats: Biblioteket i Östra Lid, sal Näktergalen",
    "§ 4 Fördelning av föreningsbidrag för år 2025",
    "§ 5 Höjda avgifter för lokaler i kulturhuset",
]


def test_tesseract_with_the_swedish_model_is_installed() -> None:
    assert available(), "Tesseract med svensk modell krävs: sudo apt-get install tesseract-ocr tesseract-ocr-swe"


# --- scans made at test time ------------------------------------------------------------


def _scan(image: Image.Image, rng: random.Random) -> Image.Image:
    """A page as a scanner leaves it: slightly turned, with some grain."""
    turned = image.convert("L").rotate(rng.uniform(0.5, 1.0) * rng.choice((-1, 1)), Image.BICUBIC, fillcolor=255)
    grain = Image.frombytes("L", turned.size, rng.randbytes(turned.width * turned.height))
    return Image.blend(turned, grain, 0.1)


def _render(pdf_path: Path, dpi: int = SCAN_DPI) -> list[Image.Image]:
    pdf = pdfium.PdfDocument(pdf_path)
    try:
        return [pdf[i].render(scale=dpi / 72, grayscale=True).to_pil() for i in range(len(pdf))]
    finally:
        pdf.close()


def _scanned_pdf(source: Path, target: Path, seed: int = 7) -> Path:
    rng = random.Random(seed)
    pages = [_scan(page, rng) for page in _render(source)]
    pages[0].save(target, save_all=True, append_images=pages[1:], resolution=SCAN_DPI)
    return target


def _text_pdf(lines_per_page: list[list[str]]) -> bytes:
    from reportlab.pdfgen.canvas import Canvas

    buf = io.BytesIO()
    canvas = Canvas(buf)
    for lines in lines_per_page:
        for i, line in enumerate(lines):
            canvas.setFont("Helvetica", 13)
            canvas.drawString(60, 780 - 24 * i, line)
        canvas.showPage()
    canvas.save()
    return buf.getvalue()


def _page_images(lines_per_page: list[list[str]], tmp_path: Path) -> list[Image.Image]:
    source = tmp_path / "källa.pdf"
    source.write_bytes(_text_pdf(lines_per_page))
    rng = random.Random(3)
    return [_scan(page, rng) for page in _render(source, 300)]


# --- the round trip: scanned examples score nearly as well as their text ------------------


def _score(scorer, path: Path, stem: str) -> float:
    gold = json.loads((EXPECTED / f"{stem}.json").read_text(encoding="utf-8"))
    return scorer.total(scorer.score_document(gold, beslutskoll.parse(path).to_dict()))


@pytest.mark.parametrize("source", SCANNED_EXAMPLES, ids=lambda p: p.name)
def test_scanned_example_scores_nearly_as_well_as_its_text(scorer, source: Path, tmp_path: Path) -> None:
    scanned = _scanned_pdf(source, tmp_path / f"skannad-{source.name}")
    assert not "".join(read_document_text_layer(scanned)).strip(), "the scan must have no text layer"
    extraction = beslutskoll.parse(scanned)
    assert any("lästes med OCR" in w for w in extraction.warnings), extraction.warnings
    text_score = _score(scorer, source, source.stem)
    scan_score = _score(scorer, scanned, source.stem)
    print(f"{source.name}: text {text_score:.1f}, skannad {scan_score:.1f}")
    assert scan_score >= MIN_SHARE * text_score, f"{scan_score:.1f} < {MIN_SHARE} × {text_score:.1f}"


def read_document_text_layer(path: Path) -> list[str]:
    pdf = pdfium.PdfDocument(path)
    try:
        return [pdf[i].get_textpage().get_text_bounded() for i in range(len(pdf))]
    finally:
        pdf.close()


# --- images and mixed PDFs ---------------------------------------------------------------


def test_png_image_is_read_with_ocr(tmp_path: Path) -> None:
    (page,) = _page_images([KALLELSE], tmp_path)
    path = tmp_path / "kallelse.png"
    page.save(path, dpi=(300, 300))
    doc = read_document(path)
    assert doc.format == "image"
    assert [p.ocr for p in doc.pages] == [True]
    assert doc.warnings == ["1 sida lästes med OCR (Tesseract)"]
    text = doc.text
    for phrase in ("kulturnämndens sammanträde", "Östra Lid", "§ 4 Fördelning av föreningsbidrag", "§ 5 Höjda"):
        assert phrase in text, text


def test_multipage_tiff_gives_one_page_each(tmp_path: Path) -> None:
    pages = _page_images([KALLELSE[:3], KALLELSE[3:]], tmp_path)
    path = tmp_path / "kallelse.tiff"
    pages[0].save(path, save_all=True, append_images=pages[1:], dpi=(300, 300), compression="tiff_deflate")
    doc = read_document(path)
    assert len(doc.pages) == 2
    assert "Biblioteket" in "\n".join(doc.pages[0].lines)
    assert "Fördelning av föreningsbidrag" in "\n".join(doc.pages[1].lines)


def _mixed_pdf(tmp_path: Path) -> Path:
    """Page 1 with a text layer, page 2 only a scanned image."""
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen.canvas import Canvas

    (scan,) = _page_images([KALLELSE[3:]], tmp_path)
    buf = io.BytesIO()
    canvas = Canvas(buf)
    for i, line in enumerate(["Protokoll från kulturnämnden", "Närvarande: Liisa Berg, ordförande"]):
        canvas.drawString(60, 780 - 20 * i, line)
    canvas.showPage()
    width, height = canvas._pagesize
    canvas.drawImage(ImageReader(scan), 0, 0, width, height)
    canvas.showPage()
    canvas.save()
    path = tmp_path / "blandad.pdf"
    path.write_bytes(buf.getvalue())
    return path


def test_mixed_pdf_reads_only_the_image_page_with_ocr(tmp_path: Path) -> None:
    doc = read_document(_mixed_pdf(tmp_path))
    assert [p.ocr for p in doc.pages] == [False, True]
    assert doc.pages[0].lines[:2] == ["Protokoll från kulturnämnden", "Närvarande: Liisa Berg, ordförande"]
    assert "§ 4 Fördelning av föreningsbidrag" in "\n".join(doc.pages[1].lines)
    assert doc.warnings == ["1 sida lästes med OCR (Tesseract)"]


# --- without Tesseract ------------------------------------------------------------------


def test_missing_tesseract_gives_one_swedish_line_and_exit_2(tmp_path: Path, monkeypatch) -> None:
    scanned = tmp_path / "skannad.png"
    _page_images([KALLELSE], tmp_path)[0].save(scanned)
    monkeypatch.setenv(TESSERACT_ENV, str(tmp_path / "finns-inte" / "tesseract"))
    done = run_cli("parse", scanned)
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.splitlines() == [f"beslutskoll: {scanned}: {MISSING_REASON}"]
    assert "sudo apt-get install tesseract-ocr tesseract-ocr-swe" in done.stderr


def test_without_tesseract_everything_else_still_works(tmp_path: Path, monkeypatch) -> None:
    mixed = _mixed_pdf(tmp_path)
    monkeypatch.setenv(TESSERACT_ENV, str(tmp_path / "finns-inte"))
    done = run_cli("parse", EXAMPLES / "protokoll-socialnamnden.txt")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["meeting"]["body"] == "Socialnämnden"
    done = run_cli("parse", mixed)
    assert done.returncode == 0, done.stderr
    warnings = json.loads(done.stdout)["warnings"]
    assert f"sidan 2 är skannad och lästes inte: {MISSING_REASON}" in warnings


# --- Tesseract's typical misreadings and the progress line -------------------------------


@pytest.mark.parametrize(
    ("read", "meant"),
    [
        ("$ 14 Handlingsplan för placeringar", "§ 14 Handlingsplan för placeringar"),
        ("$12 Godkännande av dagordning", "§ 12 Godkännande av dagordning"),
        ("8 17 Information från förvaltningen", "§ 17 Information från förvaltningen"),
        ("tjänstgörande ersättare $$ 12-14, ersätter", "tjänstgörande ersättare §§ 12-14, ersätter"),
        ("Kajsa Holm (L) 88 15-17", "Kajsa Holm (L) §§ 15-17"),
        ("Paragrafer: 88 12-17", "Paragrafer: §§ 12-17"),
        ("nämnden beslutade den 16 oktober 2024, 8 98, att", "nämnden beslutade den 16 oktober 2024, § 98, att"),
        ("Ove Lind, ekonom 8 13", "Ove Lind, ekonom § 13"),
        # real eights stay
        ("klockan 8 12", "klockan 8 12"),
        ("kostar 8 000, vilket", "kostar 8 000, vilket"),
        ("8 ledamöter", "8 ledamöter"),
        ("sidan 8 12.", "sidan 8 12."),
    ],
)
def test_section_signs_read_as_dollars_and_eights(read: str, meant: str) -> None:
    assert fix_section_signs(read) == meant


def test_progress_line_in_swedish(capsys) -> None:
    progress = _Progress(12, active=True)
    progress.update(3)
    progress.close()
    err = capsys.readouterr().err
    assert "OCR: sida 3/12, " in err and " sidor/s, cirka " in err and " s kvar" in err
    quiet = _Progress(12, active=False)
    quiet.update(3)
    assert capsys.readouterr().err == ""


def test_blank_pages_and_garbage_text_layers() -> None:
    from beslutskoll.read.pdf import usable_text

    assert usable_text("Socialnämndens beslut: Dagordningen godkänns. § 12, 2025-02-19.")
    assert not usable_text("  12  ")  # next to no letters
    assert not usable_text("\ue000\ue001\ue002 " * 20 + "abc defgh ijkl mnopq rstu")  # a font without a character map


def test_blank_page_of_a_text_pdf_is_not_ocrd(tmp_path: Path) -> None:
    path = tmp_path / "med-tom-sida.pdf"
    path.write_bytes(_text_pdf([KALLELSE, []]))
    doc = read_document(path)
    assert [p.ocr for p in doc.pages] == [False, False]
    assert doc.warnings == []
