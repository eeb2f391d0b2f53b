"""The report as DOCX (python-docx), with the adoption chart as an image."""

from __future__ import annotations

import io

from docx import Document
from docx.shared import Cm

from beslutskoll.report.chart import png
from beslutskoll.report.data import assignment_rows, matrix_rows, waiting_rows


def _table(doc, rows: list[list[str]]) -> None:
    table = doc.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = "Table Grid"
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            cell = table.cell(r, c)
            cell.text = str(value)
            if r == 0:
                for run in cell.paragraphs[0].runs:
                    run.bold = True


def render_docx(data: dict) -> bytes:
    doc = Document()
    doc.core_properties.title = data["titel"]
    doc.core_properties.language = "sv-SE"
    doc.add_heading(data["titel"], level=0)
    intro = doc.add_paragraph()
    intro.add_run(data["organ"]).bold = True
    intro.add_run(f", inför nästa sammanträde. Sammanställd {data['datum']}.")
    doc.add_heading("Öppna rekommendationer", level=1)
    if not data["rekommendationer"]:
        doc.add_paragraph("Inga öppna rekommendationer.")
    for rec in data["rekommendationer"]:
        doc.add_heading(rec["rekommendation"] + (f" – {rec['rubrik']}" if rec["rubrik"] else ""), level=2)
        if rec["mottagare"]:
            doc.add_paragraph(f"Mottagare: {rec['mottagare']}")
        _table(doc, matrix_rows(rec))
        if rec["antagna_over_tid"]:
            doc.add_paragraph()
            doc.add_picture(io.BytesIO(png(rec["antagna_over_tid"], len(rec["matris"]))), width=Cm(15))
        else:
            doc.add_paragraph("Inga antaganden med känt datum ännu.")
        if rec["tidslinje"]:
            doc.add_paragraph("Tidslinje").runs[0].bold = True
            for event in rec["tidslinje"]:
                doc.add_paragraph(f"{event['datum'] or 'okänt datum'}: {event['text']}", style="List Bullet")
    if data["vantar_pa_beslut"]:
        doc.add_heading("Rekommendationer som väntar på beslut", level=1)
        _table(doc, waiting_rows(data))
    doc.add_heading("Uppdrag som förfallit eller förfaller", level=1)
    doc.add_paragraph(f"Försenade uppdrag och öppna uppdrag med sista datum till och med {data['horisont']}.")
    if data["uppdrag"]:
        _table(doc, assignment_rows(data))
    else:
        doc.add_paragraph("Inga uppdrag att följa upp.")
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
