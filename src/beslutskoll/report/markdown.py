"""The report as Markdown."""

from __future__ import annotations

from beslutskoll.report.data import STATUS_LABELS, assignment_rows, matrix_rows, waiting_rows


def _cell(text: str) -> str:
    return (text or "").replace("|", "\\|").replace("\n", " ")


def _table(rows: list[list[str]]) -> list[str]:
    header, *body = rows
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    return lines + ["| " + " | ".join(_cell(c) for c in row) + " |" for row in body]


def render_markdown(data: dict) -> str:
    out = [f"# {data['titel']}", "", f"**{data['organ']}**, inför nästa sammanträde. Sammanställd {data['datum']}.", ""]
    out += ["## Öppna rekommendationer", ""]
    if not data["rekommendationer"]:
        out += ["Inga öppna rekommendationer.", ""]
    for rec in data["rekommendationer"]:
        out += [f"### {rec['rekommendation']}" + (f" – {rec['rubrik']}" if rec["rubrik"] else ""), ""]
        if rec["mottagare"]:
            out += [f"Mottagare: {rec['mottagare']}", ""]
        out += _table(matrix_rows(rec))
        summary = ", ".join(f"{STATUS_LABELS[s].lower()} {n}" for s, n in rec["summering"].items() if n)
        out += ["", f"Summering: {summary or 'inga parter kända'}.", ""]
        if rec["antagna_over_tid"]:
            out += ["Antaganden över tid: " + ", ".join(f"{p['datum']}: {p['antagna']}"
                                                        for p in rec["antagna_over_tid"]), ""]
        if rec["tidslinje"]:
            out += ["Tidslinje:", ""] + [f"- {e['datum'] or 'okänt datum'}: {e['text']}" for e in rec["tidslinje"]]
            out.append("")
    if data["vantar_pa_beslut"]:
        out += ["## Rekommendationer som väntar på beslut", "", *_table(waiting_rows(data)), ""]
    out += ["## Uppdrag som förfallit eller förfaller", "",
            f"Försenade uppdrag och öppna uppdrag med sista datum till och med {data['horisont']}.", ""]
    if not data["uppdrag"]:
        out += ["Inga uppdrag att följa upp.", ""]
    else:
        out += [*_table(assignment_rows(data)), ""]
    return "\n".join(out)
