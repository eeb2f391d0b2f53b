"""`beslutskoll followup`: link the register's decisions and print open recommendations and assignments."""

from __future__ import annotations

import json

_STATUS_SV = {"antagen": "antagen", "avslagen": "avslagen", "delvis": "delvis",
              "ej beslutad": "ej beslutad", "okänd": "okänd"}


def run_followup(*, body: str | None, as_json: bool, db: str | None) -> int:
    from beslutskoll.config import setup

    setup(db)
    from beslutskoll.followup import query
    from beslutskoll.followup.link import refresh

    refresh()
    organ = query.find_body(body) if body else None
    data = query.overview(organ)
    if as_json:
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return 0
    print(text_overview(data))
    return 0


def text_overview(data: dict) -> str:
    lines = [f"Uppföljning{' – ' + data['organ'] if data['organ'] else ''} (per {data['idag']})", ""]
    recs = data["rekommendationer"]
    lines.append(f"Öppna rekommendationer: {len(recs)}")
    for rec in recs:
        title = f" – {rec['rubrik']}" if rec["rubrik"] else ""
        lines += ["", f"{rec['rekommendation']}{title}"]
        if rec["mottagare"]:
            lines.append(f"  Mottagare: {rec['mottagare']}")
        width = max((len(row["part"]) for row in rec["matris"]), default=0)
        for row in rec["matris"]:
            where = ""
            if row["beslut"]:
                b = row["beslut"]
                where = f"  ({b['organ']} {b['datum'] or ''} § {b['paragraf'] or '?'})"
            elif row["rapporterad_i"]:
                where = f"  (enligt {row['rapporterad_i']['organ']} {row['rapporterad_i']['datum'] or ''})"
            note = f" – {row['anteckning']}" if row["anteckning"] else ""
            lines.append(f"  {row['part']:<{width}}  {_STATUS_SV[row['status']]:<11}{where}{note}")
        if not rec["matris"]:
            lines.append("  (inga kända parter ännu)")
    if data["vantar_pa_beslut"]:
        lines += ["", "Rekommendationer som väntar på beslut:"]
        lines += [f"  {r['rekommendation']} – {r['rubrik'] or ''} ({r['status']})" for r in data["vantar_pa_beslut"]]
    lines += ["", f"Uppdrag: {len(data['uppdrag'])}"]
    for a in data["uppdrag"]:
        due = f"senast {a['senast']}" if a["senast"] else "inget datum"
        who = a["uppdragstagare"] or "(ingen angiven)"
        lines.append(f"  [{a['status_text']}] {who}: {a['uppdrag']} ({due})")
    return "\n".join(lines)
