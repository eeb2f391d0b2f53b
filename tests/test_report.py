"""Follow-up reports: the PDF renders, the DOCX reads back, all three hold the expected rows."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from followup_scenario import BARN, TODAY, year

pytestmark = pytest.mark.register

MATRIX_ROWS = [
    ["Region Fjällmark", "Antagen"],
    ["Bergviks kommun", "Ej beslutad"],
    ["Granby kommun", "Avslagen"],
    ["Sjöhults kommun", "Ej beslutad"],
    ["Tallmo kommun", "Antagen"],
    ["Älvnäs kommun", "Delvis"],
]


@pytest.fixture
def report_data(db: str, tmp_path: Path) -> dict:
    from beslutskoll.followup.link import refresh
    from beslutskoll.followup.models import Recommendation
    from beslutskoll.report.data import build

    year(tmp_path)
    refresh()
    return build(Recommendation.objects.get().body, today=TODAY)


def test_report_data(report_data: dict) -> None:
    assert report_data["titel"] == "Uppföljning av rekommendationer och uppdrag"
    [rec] = report_data["rekommendationer"]
    assert [[r["part"], r["status"]] for r in rec["matris"]] == [
        [part, status.lower()] for part, status in MATRIX_ROWS
    ]
    assert rec["antagna_over_tid"] == [{"datum": "2024-04-10", "antagna": 1}, {"datum": "2024-09-20", "antagna": 2}]
    # overdue, and open with a due date within the horizon; the reported-back one is not listed
    assert [(a["uppdrag"], a["status_text"]) for a in report_data["uppdrag"]] == [
        ("Planera en gemensam utbildningsdag", "Försenad"),
    ]
    assert rec["tidslinje"][0]["text"].startswith("FSN rekommenderar")


def test_markdown(report_data: dict, tmp_path: Path) -> None:
    from beslutskoll.report import write_report

    out = tmp_path / "rapport.md"
    write_report(report_data, "md", out)
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Uppföljning av rekommendationer och uppdrag")
    for part, status in MATRIX_ROWS:
        assert f"| {part} | {status} |" in text
    assert "| Planera en gemensam utbildningsdag | Utbildningsgruppen | 2024-05-31 | Försenad |" in text


def test_docx_reads_back(report_data: dict, tmp_path: Path) -> None:
    from docx import Document

    from beslutskoll.report import write_report

    out = tmp_path / "rapport.docx"
    write_report(report_data, "docx", out)
    doc = Document(str(out))
    assert doc.paragraphs[0].text == "Uppföljning av rekommendationer och uppdrag"
    matrix, assignments = doc.tables
    assert [[c.text for c in row.cells][:2] for row in matrix.rows] == [["Part", "Status"], *MATRIX_ROWS]
    assert [c.text for c in assignments.rows[1].cells][:4] == [
        "Planera en gemensam utbildningsdag", "Utbildningsgruppen", "2024-05-31", "Försenad"]
    assert len(doc.inline_shapes) == 1  # the chart


@pytest.mark.skipif(shutil.which("pdftoppm") is None or shutil.which("pdftotext") is None,
                    reason="poppler-utils not installed")
def test_pdf_renders_and_holds_the_rows(report_data: dict, tmp_path: Path) -> None:
    from beslutskoll.report import write_report

    out = tmp_path / "rapport.pdf"
    write_report(report_data, "pdf", out)
    subprocess.run(["pdftoppm", "-r", "50", "-png", str(out), str(tmp_path / "sida")], check=True, timeout=120)
    assert (tmp_path / "sida-1.png").stat().st_size > 5000
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True,
                          check=True, timeout=120).stdout
    assert "Uppföljning av rekommendationer och uppdrag" in text
    for part, status in MATRIX_ROWS:
        assert any(part in line and status in line for line in text.splitlines()), part
    assert "Antal parter som antagit rekommendationen (av 6)" in text
    assert "Planera en gemensam utbildningsdag" in text


def test_report_command(tmp_path: Path) -> None:
    from conftest import cli_env, fresh_database, run_cli

    env = cli_env(fresh_database(tmp_path, "report"), tmp_path / "data")
    missing = run_cli("report", "--body", "Finns inte", "--format", "md", "--out", tmp_path / "r.md", env=env)
    assert missing.returncode == 2 and "finns inte i registret" in missing.stderr


def test_a_party_body_sees_what_awaits_its_decision(db: str, tmp_path: Path) -> None:
    from docx import Document

    from beslutskoll.followup.link import refresh
    from beslutskoll.report import write_report
    from beslutskoll.report.data import build

    m = year(tmp_path)
    refresh()
    data = build(m["sjohult"].body, today=TODAY)
    assert data["rekommendationer"] == []
    assert [(r["rekommendation"], r["status"]) for r in data["vantar_pa_beslut"]] == [
        ("FSN 2024-03-15 § 12", "ej beslutad")]
    write_report(data, "docx", tmp_path / "part.docx")
    [table] = Document(str(tmp_path / "part.docx")).tables
    assert [c.text for c in table.rows[1].cells][:3] == ["FSN 2024-03-15 § 12", BARN, "Ej beslutad"]
