"""Response shapes of the JSON API (with Swedish descriptions for the OpenAPI document)."""

from __future__ import annotations

import datetime as dt
from typing import Generic, TypeVar

from ninja import Field, Schema

T = TypeVar("T")


class Page(Schema, Generic[T]):
    count: int = Field(description="Totalt antal poster som matchar")
    limit: int = Field(description="Högsta antal poster på den här sidan")
    offset: int = Field(description="Antal poster som hoppats över")
    items: list[T] = Field(description="Posterna på den här sidan")


class Label(Schema):
    code: str = Field(description="Kod som lagras i registret")
    label: str = Field(description="Benämning på svenska")


class PersonRef(Schema):
    id: int
    name: str = Field(description="Namn")
    party: str = Field(description="Parti (förkortning), tomt om okänt")


class OrganisationOut(Schema):
    id: int
    name: str = Field(description="Namn")
    kind: Label = Field(description="Typ: region, kommun, län eller annan")
    scb_code: str = Field(description="SCB:s kod (fyra siffror för kommuner, två för regioner och län)")
    county_code: str = Field(description="Länskod")
    url: str = Field(description="Sidan i webbgränssnittet")


class BodyOut(Schema):
    id: int
    name: str = Field(description="Namn")
    abbreviation: str = Field(description="Förkortning")
    kind: Label = Field(description="Typ: nämnd, styrelse, fullmäktige, utskott, samverkansorgan …")
    organisation: OrganisationOut | None = Field(description="Organisationen som organet hör till")
    parent_id: int | None = Field(description="Överordnat organ")
    aliases: list[str] = Field(description="Andra stavningar som organet förekommer under")
    url: str = Field(description="Sidan i webbgränssnittet")


class MeetingOut(Schema):
    id: int
    body: BodyOut | None = Field(description="Organet som sammanträdde")
    document_type: Label = Field(description="Handlingens typ: protokoll, kallelse, mötesanteckningar …")
    date: dt.date | None = Field(description="Datum")
    start: str | None = Field(description="Starttid (TT:MM)")
    end: str | None = Field(description="Sluttid (TT:MM)")
    location: str = Field(description="Plats")
    item_count: int = Field(description="Antal ärenden")
    url: str = Field(description="Sidan i webbgränssnittet")


class AttendanceOut(Schema):
    person: PersonRef
    group: Label | None = Field(description="Beslutande, ersättare eller övriga närvarande")
    role: str = Field(description="Roll, till exempel ordförande eller tjänstgörande ersättare")
    party: str = Field(description="Parti vid sammanträdet")
    affiliation: str = Field(description="Tillhörighet, till exempel kommun eller förvaltning")
    replaces: PersonRef | None = Field(description="Den som ersätts")
    presence: str = Field(description="Närvaro, till exempel de paragrafer personen deltog i")


class MotionOut(Schema):
    by: str = Field(description="Den som yrkade, som i handlingen")
    person_id: int | None = Field(description="Personen i registret, om känd")
    text: str = Field(description="Yrkandet")


class AssignmentOut(Schema):
    id: int
    assignee: str = Field(description="Uppdragstagare, som i handlingen")
    task: str = Field(description="Uppdraget")
    due: dt.date | None = Field(description="Sista dag för redovisning")
    status: Label = Field(description="Öppen, återrapporterad, försenad eller klar")
    reported_in_id: int | None = Field(description="Ärendet där uppdraget återrapporterades")


class ReferenceOut(Schema):
    body: str = Field(description="Organet som fattade det tidigare beslutet, som i handlingen")
    body_id: int | None = Field(description="Organet i registret, om känt")
    date: dt.date | None = Field(description="Datum för det tidigare beslutet")
    number: str = Field(description="Paragraf")
    target_id: int | None = Field(description="Ärendet i registret, om det finns där")


class ItemOut(Schema):
    id: int
    meeting_id: int
    number: str = Field(description="Paragraf- eller punktnummer")
    title: str = Field(description="Rubrik")
    case_number: str = Field(description="Diarienummer")
    time: str | None = Field(description="Tid på dagordningen (TT:MM)")
    category: str = Field(description="information eller beslut")
    presenters: list[PersonRef] = Field(description="Föredragande")
    summary: str = Field(description="Sammanfattning")
    proposal: str = Field(description="Förslag till beslut")
    decision: str = Field(description="Beslut")
    decision_kinds: list[Label] = Field(description="Beslutstyper")
    documents: list[str] = Field(description="Beslutsunderlag")
    sent_to: list[str] = Field(description="Beslutet skickas till")
    motions: list[MotionOut] = Field(description="Yrkanden")
    assignments: list[AssignmentOut] = Field(description="Uppdrag som beslutet ger")
    references: list[ReferenceOut] = Field(description="Hänvisningar till tidigare beslut")
    page: int | None = Field(description="Sida i originalhandlingen där ärendet börjar")
    url: str = Field(description="Sidan i webbgränssnittet")


class FileOut(Schema):
    name: str = Field(description="Filnamn")
    sha256: str = Field(description="SHA-256 av originalfilen")
    pages: int = Field(description="Antal sidor")
    url: str = Field(description="Originalfilen (kräver inloggning, eftersom den kan innehålla personuppgifter)")


class MeetingDetailOut(MeetingOut):
    case_number: str = Field(description="Diarienummer")
    chair: PersonRef | None = Field(description="Ordförande")
    secretary: PersonRef | None = Field(description="Sekreterare")
    adjusters: list[PersonRef] = Field(description="Justerare")
    adjustment_date: dt.date | None = Field(description="Datum för justering")
    adjustment_place: str = Field(description="Plats för justering")
    file: FileOut = Field(description="Originalhandlingen")
    other_formats: list[FileOut] = Field(description="Samma handling i andra format (till exempel DOCX bredvid PDF)")
    attendance: list[AttendanceOut] = Field(description="Närvarande")
    items: list[ItemOut] = Field(description="Ärenden i ordning")


class MembershipOut(Schema):
    body_id: int
    body: str = Field(description="Organets namn")
    role: str = Field(description="Roll")
    party: str = Field(description="Parti")
    start: dt.date | None = Field(description="Från")
    end: dt.date | None = Field(description="Till")


class PersonOut(Schema):
    id: int
    name: str = Field(description="Namn")
    party: str = Field(description="Parti")
    affiliation: str = Field(description="Tillhörighet")
    url: str = Field(description="Sidan i webbgränssnittet")


class PersonMeetingOut(Schema):
    meeting_id: int
    date: dt.date | None = Field(description="Sammanträdets datum")
    body: str = Field(description="Organets namn")
    group: Label | None = Field(description="Grupp i närvarolistan")
    role: str = Field(description="Roll")


class PersonDetailOut(PersonOut):
    memberships: list[MembershipOut] = Field(description="Uppdrag i organ")
    meetings: list[PersonMeetingOut] = Field(description="Sammanträden där personen var närvarande")
    presented_item_ids: list[int] = Field(description="Ärenden som personen föredrog")


class HitOut(Schema):
    item_id: int
    body: str = Field(description="Organ")
    meeting_date: str | None = Field(description="Sammanträdets datum (ÅÅÅÅ-MM-DD)")
    item_number: str = Field(description="Paragraf- eller punktnummer")
    title: str = Field(description="Rubrik")
    snippet: str = Field(description="Utdrag som HTML: texten är kodad och träffarna omges av <mark>")
    url: str = Field(description="Ärendets sida i webbgränssnittet")
    score: float = Field(description="Relevans (högre är bättre)")
    meeting_id: int | None = Field(None, description="Sammanträdet")
    organisation: str = Field("", description="Organisation")
    decision_kinds: list[str] = Field([], description="Beslutstyper (koder)")


class FacetValueOut(Schema):
    value: str = Field(description="Värdet att filtrera på (samma parameter som facettens namn)")
    label: str = Field(description="Benämning")
    count: int = Field(description="Antal träffar med värdet")


class SearchOut(Schema):
    query: str = Field(description="Sökfrågan")
    count: int = Field(description="Totalt antal träffar")
    limit: int
    offset: int
    items: list[HitOut] = Field(description="Träffarna, bäst först")
    facets: dict[str, list[FacetValueOut]] = Field(
        description="Facetter: organisation, body, year, kind, party → värden med antal"
    )
    facets_counted: int = Field(
        0, description="Antal träffar som facetterna räknar: alla, eller de 20 000 senaste när det finns fler"
    )


class ErrorOut(Schema):
    detail: str = Field(description="Felmeddelande")


class ValidationErrorOut(Schema):
    detail: str = Field(description="Felmeddelande")
    errors: list[dict] = Field(description="Vilka parametrar som är fel och varför")
