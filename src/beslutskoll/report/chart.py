"""The chart of adoption over time: parties that have adopted, after each date on which one did.
A reportlab drawing for the PDF; the same bars drawn with Pillow as a PNG for the DOCX."""

from __future__ import annotations

import io

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors

BAR = colors.HexColor("#2f6f4f")
CAPTION = "Antal parter som antagit rekommendationen"


def drawing(points: list[dict], parties: int, width: float = 440, height: float = 170) -> Drawing:
    d = Drawing(width, height)
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 40, 35, width - 60, height - 60
    chart.data = [[p["antagna"] for p in points]]
    chart.categoryAxis.categoryNames = [p["datum"] for p in points]
    chart.categoryAxis.labels.fontName = "Helvetica"
    chart.categoryAxis.labels.fontSize = 7
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = max(parties, 1)
    chart.valueAxis.valueStep = 1 if parties <= 10 else max(1, parties // 5)
    chart.valueAxis.labels.fontName = "Helvetica"
    chart.valueAxis.labels.fontSize = 7
    chart.bars[0].fillColor = BAR
    # narrow bars however few the dates: spacing grows with the room each date gets
    slot = chart.width / max(len(points), 1)
    chart.barWidth = 10
    chart.groupSpacing = max(4.0, chart.barWidth * (slot / min(slot * 0.6, 28) - 1))
    d.add(chart)
    d.add(String(40, height - 12, f"{CAPTION} (av {parties})", fontName="Helvetica-Bold", fontSize=9))
    return d


def png(points: list[dict], parties: int, width: int = 900, height: int = 360) -> bytes:
    from PIL import Image, ImageDraw, ImageFont

    image = Image.new("RGB", (width, height), "white")
    pen = ImageDraw.Draw(image)
    try:
        font = ImageFont.load_default(size=18)
    except TypeError:  # Pillow before 10.1: the small bitmap font
        font = ImageFont.load_default()
    left, right, top, bottom = 70, 20, 50, 60
    plot_w, plot_h = width - left - right, height - top - bottom
    top_value = max(parties, 1)
    pen.text((left, 12), f"{CAPTION} (av {parties})", fill="black", font=font)
    pen.line([(left, top), (left, top + plot_h), (left + plot_w, top + plot_h)], fill="black", width=2)
    step = 1 if top_value <= 10 else max(1, top_value // 5)
    for value in range(0, top_value + 1, step):
        y = top + plot_h - plot_h * value / top_value
        pen.line([(left - 6, y), (left, y)], fill="black", width=2)
        pen.text((left - 40, y - 10), str(value), fill="black", font=font)
    slot = plot_w / max(len(points), 1)
    bar = min(60, slot * 0.6)
    for index, point in enumerate(points):
        x = left + slot * index + (slot - bar) / 2
        y = top + plot_h - plot_h * point["antagna"] / top_value
        pen.rectangle([x, y, x + bar, top + plot_h], fill=(47, 111, 79))
        pen.text((x - 20, top + plot_h + 10), point["datum"], fill="black", font=font)
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()
