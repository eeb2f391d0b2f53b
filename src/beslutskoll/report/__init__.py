"""Follow-up reports for a body's next meeting: PDF, DOCX and Markdown from one set of data."""

from __future__ import annotations

from pathlib import Path

FORMATS = ("pdf", "docx", "md")


def write_report(data: dict, fmt: str, out: Path) -> None:
    if fmt == "pdf":
        from beslutskoll.report.pdf import render_pdf

        out.write_bytes(render_pdf(data))
    elif fmt == "docx":
        from beslutskoll.report.docx import render_docx

        out.write_bytes(render_docx(data))
    elif fmt == "md":
        from beslutskoll.report.markdown import render_markdown

        out.write_text(render_markdown(data), encoding="utf-8")
    else:
        raise ValueError(f"okänt format: {fmt}")
