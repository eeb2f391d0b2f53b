"""Identity across documents: bodies under several spellings, people by name plus agreement,
memberships from attendance. Fictional documents made here, stored through store()."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

pytestmark = pytest.mark.register

_counter = itertools.count()


def extraction(body: str | None, *, short: str | None = None, organisation: str | None = None,
               date: str = "2025-03-01", participants: list[dict] | None = None,
               items: list[dict] | None = None, document_type: str = "protokoll") -> dict:
    return {
        "schema": "beslutskoll/extraction/v1",
        "document_type": document_type,
        "meeting": {"body": body, "body_short": short, "organisation": organisation, "date": date,
                    "start": None, "end": None, "location": None, "case_number": None},
        "chair": None, "secretary": None, "adjusters": [], "adjustment": None,
        "participants": participants or [],
        "items": items or [],
        "warnings": [],
    }


def member(name: str, party: str | None = None, *, group: str = "beslutande", role: str | None = None,
           affiliation: str | None = None, replaces: str | None = None) -> dict:
    return {"name": name, "party": party, "group": group, "role": role, "affiliation": affiliation,
            "replaces": replaces, "presence": None}


def item(number: str, title: str, *, references: list[dict] | None = None, **rest) -> dict:
    return {"number": number, "title": title, "case_number": None, "time": None, "category": None,
            "presenters": [], "summary": None, "proposal": None, "motions": [], "decision": None,
            "decision_kinds": [], "documents": [], "sent_to": [], "assignments": [],
            "references": references or [], **rest}


def store_extraction(folder: Path, data: dict, name: str | None = None) -> str:
    """Store a fictional document with this extraction; returns the outcome."""
    from beslutskoll.store.ingest import Parsed, sha256_of, store

    path = folder / (name or f"dokument-{next(_counter)}.txt")
    path.write_text(f"Fiktivt protokoll {next(_counter)}\n", encoding="utf-8")
    titles = [i["title"] for i in data["items"]]
    return store(Parsed(path, sha256_of(path), path.stat().st_size, "text", [titles or ["tom sida"]], data))


def test_one_body_for_several_spellings(db: str, tmp_path: Path) -> None:
    from beslutskoll.store.models import Body, Meeting

    region = "Region Jämtland Härjedalen"
    store_extraction(tmp_path, extraction("Sociala vård och omsorgsgruppen", organisation=region))
    store_extraction(tmp_path, extraction("Sociala vård- och omsorgsgruppen", short="SVOM",
                                          organisation="Regionen Jämtland Härjedalen", date="2025-04-01"))
    store_extraction(tmp_path, extraction("SVOM", date="2025-05-01"))
    bodies = {m.body_id for m in Meeting.objects.all()}
    assert len(bodies) == 1
    body = Body.objects.get(id=bodies.pop())
    assert body.name == "Sociala vård och omsorgsgruppen" and body.abbreviation == "SVOM"
    assert body.organisation.scb_code == "23" and body.kind == Body.Kind.COLLABORATION


def test_body_known_from_a_reference_gets_its_name_from_its_minutes(db: str, tmp_path: Path) -> None:
    from beslutskoll.store.models import Body, Meeting, Reference

    ref = {"body": "SVOM", "date": "2025-01-15", "number": "9"}
    store_extraction(tmp_path, extraction("Socialnämnden", organisation="Strömsunds kommun",
                                          items=[item("12", "Rekommendation om hemsjukvård", references=[ref])]))
    referenced = Reference.objects.get().body
    assert referenced.name == "SVOM" and referenced.organisation is None
    store_extraction(tmp_path, extraction("Sociala vård och omsorgsgruppen", short="SVOM",
                                          organisation="Region Jämtland Härjedalen", date="2025-01-15",
                                          items=[item("9", "Rekommendation om hemsjukvård")]))
    svom = Meeting.objects.get(date="2025-01-15").body
    assert svom == referenced
    svom.refresh_from_db()
    assert svom.name == "Sociala vård och omsorgsgruppen"
    assert svom.organisation.name == "Region Jämtland Härjedalen"
    # the earlier reference now points at the decision it cites
    assert Reference.objects.get().target.meeting.body == svom
    assert Body.objects.filter(aliases__key="svom").count() == 1


def test_same_name_in_two_municipalities_is_two_bodies(db: str, tmp_path: Path) -> None:
    from beslutskoll.store.models import Meeting

    store_extraction(tmp_path, extraction("Socialnämnden", organisation="Strömsunds kommun"))
    store_extraction(tmp_path, extraction("Socialnämnden", organisation="Östersunds kommun"))
    store_extraction(tmp_path, extraction("Socialnämnden", organisation="Strömsund kommun", date="2025-06-01"))
    bodies = [m.body for m in Meeting.objects.order_by("id")]
    assert bodies[0] != bodies[1] and bodies[0] == bodies[2]
    assert bodies[0].organisation.scb_code == "2313" and bodies[1].organisation.scb_code == "2380"


def test_organisation_inferred_from_the_body_name(db: str, tmp_path: Path) -> None:
    from beslutskoll.store.models import Meeting

    store_extraction(tmp_path, extraction("Kommunstyrelsen i Bräcke kommun"))
    assert Meeting.objects.get().body.organisation.scb_code == "2305"


def test_same_person_across_documents(db: str, tmp_path: Path) -> None:
    from beslutskoll.store.models import Person

    store_extraction(tmp_path, extraction("Socialnämnden", organisation="Strömsunds kommun",
                                          participants=[member("Karin Fjällström", "S")]))
    # same party, other body and spelling of the name's case
    store_extraction(tmp_path, extraction("Kommunstyrelsen", organisation="Strömsunds kommun",
                                          participants=[member("karin fjällström", "S")]))
    # no party, but the same body: still her
    store_extraction(tmp_path, extraction("Socialnämnden", organisation="Strömsunds kommun", date="2025-09-01",
                                          participants=[member("Karin Fjällström")]))
    # affiliation naming her municipality, in a regional body
    store_extraction(tmp_path, extraction("Sociala vård och omsorgsgruppen", organisation="Region Jämtland Härjedalen",
                                          participants=[member("Karin Fjällström", affiliation="Strömsunds kommun")]))
    people = Person.objects.filter(key="karin fjällström")
    assert people.count() == 1
    assert people.get().party == "S" and people.get().affiliation == "Strömsunds kommun"


def test_doubtful_matches_stay_apart(db: str, tmp_path: Path) -> None:
    from beslutskoll.store.models import Person

    store_extraction(tmp_path, extraction("Socialnämnden", organisation="Strömsunds kommun",
                                          participants=[member("Anna Svensson", "S")]))
    store_extraction(tmp_path, extraction("Socialnämnden", organisation="Strömsunds kommun", date="2025-04-01",
                                          participants=[member("Anna Svensson", "M")]))
    # a bare name in an unrelated body of another municipality: could be either, so neither
    store_extraction(tmp_path, extraction("Tekniska nämnden", organisation="Krokoms kommun",
                                          participants=[member("Anna Svensson")]))
    people = Person.objects.filter(key="anna svensson").order_by("id")
    assert [p.party for p in people] == ["S", "M", ""]
    # the same person with different affiliations is two people too
    store_extraction(tmp_path, extraction("Länsgruppen", participants=[member("Per Ek", affiliation="Bräcke kommun")]))
    store_extraction(tmp_path, extraction("Länsgruppen", date="2025-05-05",
                                          participants=[member("Per Ek", affiliation="Region Kronoberg")]))
    assert Person.objects.filter(key="per ek").count() == 2


def test_memberships_from_attendance(db: str, tmp_path: Path) -> None:
    from beslutskoll.store.models import Membership

    org = "Strömsunds kommun"
    store_extraction(tmp_path, extraction("Socialnämnden", organisation=org, date="2024-02-01", participants=[
        member("Olle Berg", "C", role="ordförande"), member("Eva Ström", "V"),
        member("Lisa Åkerlund", "V", group="ersattare", role="tjänstgörande ersättare", replaces="Eva Ström"),
        member("Maria Nord", group="ovriga", role="förvaltningschef"),
    ]))
    store_extraction(tmp_path, extraction("Socialnämnden", organisation=org, date="2024-06-12", participants=[
        member("Olle Berg", "C", role="ordförande"), member("Eva Ström", "V"),
    ]))
    store_extraction(tmp_path, extraction("Socialnämnden", organisation=org, date="2023-11-20", participants=[
        member("Eva Ström", "S"),  # another party: another person
    ]))
    rows = {(m.person.name, m.person.party, m.role): (str(m.start), str(m.end), m.party)
            for m in Membership.objects.select_related("person")}
    assert rows == {
        ("Olle Berg", "C", "ordförande"): ("2024-02-01", "2024-06-12", "C"),
        ("Eva Ström", "V", "ledamot"): ("2024-02-01", "2024-06-12", "V"),
        ("Lisa Åkerlund", "V", "ersättare"): ("2024-02-01", "2024-02-01", "V"),
        ("Maria Nord", "", "förvaltningschef"): ("2024-02-01", "2024-02-01", ""),
        ("Eva Ström", "S", "ledamot"): ("2023-11-20", "2023-11-20", "S"),
    }


def test_replaced_document_updates_memberships(db: str, tmp_path: Path) -> None:
    from beslutskoll.store.models import Membership

    org = "Strömsunds kommun"
    store_extraction(tmp_path, extraction("Byggnämnden", organisation=org, date="2024-01-10",
                                          participants=[member("Olle Berg", "C")]))
    path = tmp_path / "protokoll.txt"
    store_extraction(tmp_path, extraction("Byggnämnden", organisation=org, date="2024-03-10",
                                          participants=[member("Olle Berg", "C"), member("Sven Dal", "M")]),
                     name=path.name)
    assert Membership.objects.filter(person__name="Sven Dal").exists()
    # a corrected version of the same file: Sven Dal was never there, and the date was wrong
    outcome = store_extraction(tmp_path, extraction("Byggnämnden", organisation=org, date="2024-02-10",
                                                    participants=[member("Olle Berg", "C")]), name=path.name)
    assert outcome == "ersatt"
    assert not Membership.objects.filter(person__name="Sven Dal").exists()
    olle = Membership.objects.get(person__name="Olle Berg")
    assert (str(olle.start), str(olle.end)) == ("2024-01-10", "2024-02-10")


def test_two_namesakes_in_one_document(db: str, tmp_path: Path) -> None:
    from beslutskoll.store.models import Attendance

    store_extraction(tmp_path, extraction("Kommunfullmäktige", organisation="Strömsunds kommun", participants=[
        member("Anna Svensson", "S"), member("Anna Svensson", "M"),
    ]))
    rows = list(Attendance.objects.order_by("position").values_list("person__party", "party"))
    assert rows == [("S", "S"), ("M", "M")]


def test_a_committee_of_a_body_gets_it_as_parent(db: str, tmp_path: Path) -> None:
    from beslutskoll.store.models import Body, Meeting

    store_extraction(tmp_path, extraction("Socialnämndens arbetsutskott", organisation="Strömsunds kommun"))
    store_extraction(tmp_path, extraction("Socialnämnden", organisation="Strömsunds kommun", date="2025-06-01"))
    au, sn = (m.body for m in Meeting.objects.order_by("id"))
    assert au.kind == Body.Kind.SUBCOMMITTEE and au.parent == sn
    assert sn.organisation.scb_code == "2313" and sn.parent is None


def test_one_abbreviation_for_two_bodies_does_not_join_them(db: str, tmp_path: Path) -> None:
    from beslutskoll.store.models import Meeting

    org = "Strömsunds kommun"
    store_extraction(tmp_path, extraction("Samhällsbyggnadsnämnden", short="SN", organisation=org))
    store_extraction(tmp_path, extraction("Socialnämnden", short="SN", organisation=org, date="2025-04-01"))
    store_extraction(tmp_path, extraction("Socialnämnden i Strömsund", short="SN", organisation=org, date="2025-05-01"))
    first, second, third = (m.body for m in Meeting.objects.order_by("id"))
    assert first != second and second == third
