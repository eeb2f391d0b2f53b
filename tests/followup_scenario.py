"""A fictional county and a fictional collaboration body's year, for the follow-up tests.

Everything here is invented: Fjällmarks län (county code 99), Region Fjällmark and five
municipalities. The minutes are stored the way ingest stores parsed documents (extraction v1),
and each original file holds the items' texts, so the follow-up stage can read it too.
"""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

COUNTY = "99"
MUNICIPALITIES = ["Bergviks kommun", "Granby kommun", "Sjöhults kommun", "Tallmo kommun", "Älvnäs kommun"]
REGION = "Region Fjällmark"
TODAY = date(2024, 10, 1)


def organisations() -> None:
    from beslutskoll.store.models import Organisation

    Organisation.objects.get_or_create(name="Fjällmarks län", defaults={"kind": "lan", "scb_code": COUNTY,
                                                                       "county_code": COUNTY})
    Organisation.objects.get_or_create(name=REGION, defaults={"kind": "region", "scb_code": COUNTY,
                                                             "county_code": COUNTY})
    for number, name in enumerate(MUNICIPALITIES, start=1):
        Organisation.objects.get_or_create(name=name, defaults={"kind": "kommun", "scb_code": f"99{number:02}",
                                                               "county_code": COUNTY})


def item(number: str, title: str, *, decision: str = "", summary: str = "", case_number: str | None = None,
         kinds: list[str] | None = None, references: list[dict] | None = None,
         assignments: list[dict] | None = None) -> dict:
    return {
        "number": number, "title": title, "case_number": case_number, "time": None, "category": None,
        "presenters": [], "summary": summary or None, "proposal": None, "motions": [],
        "decision": decision or None, "decision_kinds": kinds or [], "documents": [], "sent_to": [],
        "assignments": assignments or [], "references": references or [],
    }


def minutes(folder: Path, body: str, organisation: str, day: str, items: list[dict], short: str | None = None):
    """Store one meeting's minutes; returns the Meeting."""
    from beslutskoll.store.ingest import Parsed, store
    from beslutskoll.store.models import Meeting

    lines = [f"Protokoll {body} {day}", ""]
    for it in items:
        lines += [f"§ {it['number']} {it['title']}", "", it["summary"] or "", "", "Beslut", it["decision"] or "", ""]
    text = "\n".join(lines)
    path = folder / f"{short or body}-{day}.txt".replace(" ", "_")
    path.write_text(text, encoding="utf-8")
    sha = hashlib.sha256(path.read_bytes()).hexdigest()
    extraction = {
        "schema": "beslutskoll/extraction-v1", "document_type": "protokoll",
        "meeting": {"body": body, "body_short": short, "organisation": organisation, "date": day,
                    "start": None, "end": None, "location": None, "case_number": None},
        "participants": [], "chair": None, "secretary": None, "adjusters": [], "adjustment": None,
        "items": items,
    }
    store(Parsed(path, sha, path.stat().st_size, "text", [text.split("\n")], extraction))
    return Meeting.objects.get(file__sha256=sha)


FSN = "Fjällmarks samverkansnämnd"
BARN = "Överenskommelse om gemensam barnhälsovård"


def year(folder: Path) -> dict:
    """The collaboration body recommends on 2024-03-15; the parties answer in spring; a follow-up
    round in September. Returns the meetings by a short name."""
    organisations()
    m = {}
    m["fsn_mars"] = minutes(folder, FSN, REGION, "2024-03-15", [
        item("12", BARN, case_number="FSN 2024/7", kinds=["recommendation"],
             summary="Parterna har tagit fram en överenskommelse om barnhälsovård i länet.",
             decision="Samverkansnämnden beslutar att rekommendera Region Fjällmark och länets kommuner att "
                      "anta överenskommelsen om gemensam barnhälsovård.",
             assignments=[{"assignee": "Kansliet", "task": "Sammanställa parternas beslut om barnhälsovården "
                           "och återrapportera till nämnden", "due": "2024-09-20"}]),
        item("13", "Gemensam utbildningsdag", decision="Utbildningsgruppen får i uppdrag att planera en "
             "gemensam utbildningsdag.",
             assignments=[{"assignee": "Utbildningsgruppen", "task": "Planera en gemensam utbildningsdag",
                           "due": "2024-05-31"}]),
        item("14", "Länsgemensam webbplats", decision="Kansliet får i uppdrag att ta fram en webbplats.",
             assignments=[{"assignee": "Kansliet", "task": "Ta fram en länsgemensam webbplats",
                           "due": "2025-03-01"}]),
    ], short="FSN")
    m["tallmo"] = minutes(folder, "Kommunstyrelsen", "Tallmo kommun", "2024-04-10", [
        item("33", BARN, case_number="KS 2024/101", kinds=["approval"],
             summary="FSN beslutade den 15 mars 2024 att rekommendera länets kommuner att anta "
                     "överenskommelsen.",
             decision="Kommunstyrelsen beslutar att anta överenskommelsen om gemensam barnhälsovård.",
             references=[{"body": "FSN", "date": "2024-03-15", "number": "12"}]),
    ])
    m["granby"] = minutes(folder, "Socialnämnden", "Granby kommun", "2024-04-20", [
        item("8", "Överenskommelse om gemensam barnhälsovård i länet", case_number="SN 2024/55",
             kinds=["rejection"], decision="Socialnämnden avslår förslaget att anta överenskommelsen."),
    ])
    m["alvnas"] = minutes(folder, "Kommunstyrelsen", "Älvnäs kommun", "2024-05-02", [
        item("19", "Barnhälsovård", case_number="FSN 2024/7", kinds=["approval"],
             decision="Kommunstyrelsen godkänner överenskommelsen med undantag för avsnitt 4."),
    ])
    m["sjohult"] = minutes(folder, "Omsorgsnämnden", "Sjöhults kommun", "2024-05-15", [
        item("40", "Information om barnhälsovård", kinds=["information"],
             decision="Omsorgsnämnden tar del av informationen.",
             references=[{"body": "FSN", "date": "2024-03-15", "number": "12"}]),
    ])
    m["fsn_sept"] = minutes(folder, FSN, REGION, "2024-09-20", [
        item("30", "Uppföljning av rekommendationen om barnhälsovård",
             summary="Punkten följer upp rekommendation vid FSN den 15 mars 2024, § 12:\n\n"
                     "Region Fjällmark – Ja.\n\nBergvik – Nej, men ärendet tas upp i fullmäktige i oktober.\n",
             decision="Uppföljningen noteras."),
        item("31", "Återrapportering av parternas beslut om barnhälsovård", kinds=["information"],
             summary="Kansliet redovisar sammanställningen av parternas beslut.",
             decision="Redovisningen läggs till handlingarna.",
             references=[{"body": "FSN", "date": "2024-03-15", "number": "12"}]),
    ], short="FSN")
    return m


EXPECTED_MATRIX = {
    "Region Fjällmark": "antagen",
    "Bergviks kommun": "ej beslutad",
    "Granby kommun": "avslagen",
    "Sjöhults kommun": "ej beslutad",
    "Tallmo kommun": "antagen",
    "Älvnäs kommun": "delvis",
}
