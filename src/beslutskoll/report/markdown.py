"""The report as Markdown."""

from __future__ import annotations

from beslutskoll.report.data import STATUS_LABELS, where


def _cell(text: str) -> str:
    return (text or "").replace("|", "\\|").replace("\n", " ")


def render_markdown(data: dict) -> str:
    out = [f"# {data['titel']}", "", f"**{data['organ']}**, inför nästa sammanträde. Sammanställd {data['datum']}.", ""]
    out += ["## Öppna rekommendationer", ""]
    if not data["rekommendationer"]:
        out += ["Inga öppna rekommendationer.", ""]
    for rec in data["rekommendationer"]:
        out += [f"### {rec['rekommendation']}" + (f" – {rec['rubrik']}" if rec["rubrik"] else ""), ""]
        if rec["mottagare"]:
            out += [f"Mottagare: {rec['mottagare']}", ""]
        out += ["| Part | Status | Beslut | Anteckning |", "|---|---|---|---|"]
        for row in rec["matris"]:
            out.append(f"| {_cell(row['part'])} | {STATUS_LABELS[row['status']]} | {_cell(where(row))} "
                       f"| {_cell(row['anteckning'] or '')} |")
        summary = ", ".join(f"{STATUS_LABELS[s].lower()} {n}" for s, n in rec["summering"].items() if n)
        out += ["", f"Summering: {summary or 'inga parter kända'}.", ""]
        if rec["antagna_over_tid"]:
            out += ["Antaganden över tid: " + ", ".join(f"{p['datum']}: {p['antagna']}"
                                                        for p in rec["antagna_over_tid"]), ""]
        if rec["tidslinje"]:
            out += ["Tidslinje:", ""] + [f"- {e['datum'] or 'okänt datum'}: {e['text']}" for e in rec["tidslinje"]]
            out.append("")
    if data["vantar_pa_beslut"]:
        out += ["## Rekommendationer som väntar på beslut", "", "| Rekommendation | Rubrik | Status | Anteckning |",
                "|---|---|---|---|"]
        out += [f"| {r['rekommendation']} | {_cell(r['rubrik'] or '')} | {STATUS_LABELS[r['status']]} "
                f"| {_cell(r['anteckning'] or '')} |" for r in data["vantar_pa_beslut"]]
        out.append("")
    out += ["## Uppdrag som förfallit eller förfaller", "",
            f"Försenade uppdrag och öppna uppdrag med sista datum till och med {data['horisont']}.", ""]
    if not data["uppdrag"]:
        out += ["Inga uppdrag att följa upp.", ""]
    else:
        out += ["| Uppdrag | Uppdragstagare | Senast | Status | Beslut |", "|---|---|---|---|---|"]
        for a in data["uppdrag"]:
            b = a["beslut"]
            origin = f"{b['organ']} {b['datum'] or ''}" + (f" § {b['paragraf']}" if b["paragraf"] else "")
            out.append(f"| {_cell(a['uppdrag'])} | {_cell(a['uppdragstagare'] or '–')} | {a['senast'] or '–'} "
                       f"| {a['status_text']} | {_cell(origin)} |")
        out.append("")
    return "\n".join(out)
