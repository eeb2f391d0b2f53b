"""The report as PDF (reportlab)."""

from __future__ import annotations

import io
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from beslutskoll.report.chart import drawing
from beslutskoll.report.data import assignment_rows, matrix_rows, waiting_rows

_STATUS_COLOURS = {
    "antagen": colors.HexColor("#d7eedd"), "avslagen": colors.HexColor("#f6d5d5"),
    "delvis": colors.HexColor("#fbeccb"), "ej beslutad": colors.HexColor("#e6e6e6"), "okänd": colors.white,
}


def _styles() -> dict[str, ParagraphStyle]:
    base = getSampleStyleSheet()
    return {
        "title": base["Title"], "h2": base["Heading2"], "h3": base["Heading3"], "body": base["BodyText"],
        "cell": ParagraphStyle("cell", parent=base["BodyText"], fontSize=8.5, leading=10.5),
        "head": ParagraphStyle("head", parent=base["BodyText"], fontSize=8.5, leading=10.5,
                               fontName="Helvetica-Bold"),
    }


def _table(rows: list[list[str]], widths: list[float], styles: dict, shading: list | None = None) -> Table:
    cells = [[Paragraph(escape(str(c)), styles["head"] if i == 0 else styles["cell"]) for c in row]
             for i, row in enumerate(rows)]
    table = Table(cells, colWidths=widths, repeatRows=1)
    commands = [
        ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#999999")),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#dde4ee")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]
    for row_index, colour in enumerate(shading or [], start=1):
        commands.append(("BACKGROUND", (1, row_index), (1, row_index), colour))
    table.setStyle(TableStyle(commands))
    return table


def render_pdf(data: dict) -> bytes:
    styles = _styles()
    out = io.BytesIO()
    doc = SimpleDocTemplate(out, pagesize=A4, leftMargin=2 * cm, rightMargin=2 * cm, topMargin=2 * cm,
                            bottomMargin=2 * cm, title=data["titel"], author="Beslutskoll", lang="sv")
    story = [
        Paragraph(escape(data["titel"]), styles["title"]),
        Paragraph(f"<b>{escape(data['organ'])}</b>, inför nästa sammanträde. Sammanställd {data['datum']}.",
                  styles["body"]),
        Spacer(1, 8),
        Paragraph("Öppna rekommendationer", styles["h2"]),
    ]
    if not data["rekommendationer"]:
        story.append(Paragraph("Inga öppna rekommendationer.", styles["body"]))
    for rec in data["rekommendationer"]:
        heading = rec["rekommendation"] + (f" – {rec['rubrik']}" if rec["rubrik"] else "")
        block = [Paragraph(escape(heading), styles["h3"])]
        if rec["mottagare"]:
            block.append(Paragraph(f"Mottagare: {escape(rec['mottagare'])}", styles["body"]))
        rows = matrix_rows(rec)
        shading = [_STATUS_COLOURS[r["status"]] for r in rec["matris"]]
        block.append(_table(rows, [4.6 * cm, 2.2 * cm, 5.2 * cm, 5 * cm], styles, shading))
        # the heading stays with its matrix
        story.append(KeepTogether(block))
        story.append(Spacer(1, 6))
        if rec["antagna_over_tid"]:
            story.append(KeepTogether([drawing(rec["antagna_over_tid"], len(rec["matris"]))]))
        else:
            story.append(Paragraph("Inga antaganden med känt datum ännu.", styles["body"]))
        if rec["tidslinje"]:
            story.append(Paragraph("Tidslinje", styles["head"]))
            rows = [["Datum", "Händelse"]] + [[e["datum"] or "okänt", e["text"]] for e in rec["tidslinje"]]
            story.append(_table(rows, [2.4 * cm, 14.6 * cm], styles))
        story.append(Spacer(1, 10))
    if data["vantar_pa_beslut"]:
        story.append(Paragraph("Rekommendationer som väntar på beslut", styles["h2"]))
        story.append(_table(waiting_rows(data), [3.6 * cm, 7 * cm, 2.2 * cm, 4.2 * cm], styles))
    story.append(Paragraph("Uppdrag som förfallit eller förfaller", styles["h2"]))
    story.append(Paragraph(f"Försenade uppdrag och öppna uppdrag med sista datum till och med {data['horisont']}.",
                           styles["body"]))
    if data["uppdrag"]:
        story.append(_table(assignment_rows(data), [5.6 * cm, 3.6 * cm, 2.2 * cm, 2.4 * cm, 3.2 * cm], styles))
    else:
        story.append(Paragraph("Inga uppdrag att följa upp.", styles["body"]))

    def footer(canvas, document) -> None:
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        canvas.drawString(2 * cm, 1.2 * cm, f"{data['titel']} – {data['organ']}")
        canvas.drawRightString(A4[0] - 2 * cm, 1.2 * cm, f"Sida {document.page}")
        canvas.restoreState()

    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return out.getvalue()
