"""What goes into a follow-up report: open recommendations with their matrices and timelines,
assignments due or overdue."""

from __future__ import annotations

from datetime import date, timedelta

from beslutskoll.followup import query
from beslutskoll.store.models import Body

TITLE = "Uppföljning av rekommendationer och uppdrag"
# assignments falling due within this many days are listed with the overdue ones
HORIZON_DAYS = 90

STATUS_LABELS = {"antagen": "Antagen", "avslagen": "Avslagen", "delvis": "Delvis", "ej beslutad": "Ej beslutad",
                 "okänd": "Okänd"}


def decision_ref(b: dict) -> str:
    """A deciding item as "Organ ÅÅÅÅ-MM-DD § N"."""
    return f"{b['organ']} {b['datum'] or ''}" + (f" § {b['paragraf']}" if b["paragraf"] else "")


def where(row: dict) -> str:
    """Where a matrix cell's status comes from, in words."""
    if row["beslut"]:
        return decision_ref(row["beslut"]).strip()
    if row["rapporterad_i"]:
        r = row["rapporterad_i"]
        return f"Uppföljning vid {r['organ']} {r['datum'] or ''}".strip()
    return ""


def events(rec: dict) -> list[dict]:
    """The recommendation's timeline: its decision, then every party's answer, by date."""
    found = []
    if rec["datum"]:
        found.append({"datum": rec["datum"], "text": f"{rec['organ']} rekommenderar"
                      + (f": {rec['rubrik']}" if rec["rubrik"] else "")})
    for row in rec["matris"]:
        if row["status"] == "okänd":
            continue
        text = f"{row['part']}: {STATUS_LABELS[row['status']].lower()}"
        if where(row):
            text += f" ({where(row)})"
        found.append({"datum": row["datum"] or "", "text": text})
    return sorted(found, key=lambda e: (e["datum"] == "", e["datum"]))


def build(body: Body, today: date | None = None) -> dict:
    today = today or date.today()
    recs = query.recommendations(body, only_open=True)
    for rec in recs:
        rec["tidslinje"] = events(rec)
    horizon = today + timedelta(days=HORIZON_DAYS)
    due = [
        a for a in query.assignments(body, today=today)
        if a["status"] == "forsenad" or (a["status"] == "oppen" and a["senast"]
                                         and date.fromisoformat(a["senast"]) <= horizon)
    ]
    return {
        "titel": TITLE,
        "organ": body.name + (f" ({body.abbreviation})" if body.abbreviation else ""),
        "datum": today.isoformat(),
        "horisont": horizon.isoformat(),
        "rekommendationer": recs,
        "vantar_pa_beslut": query.awaiting(body),
        "uppdrag": due,
    }


# the report's tables as rows of text, header first: the same in every format


def matrix_rows(rec: dict) -> list[list[str]]:
    return [["Part", "Status", "Beslut", "Anteckning"]] + [
        [r["part"], STATUS_LABELS[r["status"]], where(r), r["anteckning"] or ""] for r in rec["matris"]
    ]


def waiting_rows(data: dict) -> list[list[str]]:
    return [["Rekommendation", "Rubrik", "Status", "Anteckning"]] + [
        [r["rekommendation"], r["rubrik"] or "", STATUS_LABELS[r["status"]], r["anteckning"] or ""]
        for r in data["vantar_pa_beslut"]
    ]


def assignment_rows(data: dict) -> list[list[str]]:
    return [["Uppdrag", "Uppdragstagare", "Senast", "Status", "Beslut"]] + [
        [a["uppdrag"], a["uppdragstagare"] or "–", a["senast"] or "–", a["status_text"], decision_ref(a["beslut"])]
        for a in data["uppdrag"]
    ]
