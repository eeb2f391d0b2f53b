"""Endpoints of the JSON API. Lists take `limit` and `offset` and report the total in `count`."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from django.db.models import Count, Prefetch, QuerySet
from django.http import Http404, HttpRequest
from ninja import Path, Query, Router

from beslutskoll.api import serialize
from beslutskoll.api.schemas import (
    BodyOut,
    ErrorOut,
    ItemOut,
    MeetingDetailOut,
    MeetingOut,
    OrganisationOut,
    Page,
    PersonDetailOut,
    PersonOut,
    SearchOut,
    ValidationErrorOut,
)
from beslutskoll.store import search as engine
from beslutskoll.store.models import (
    AgendaItem,
    Attendance,
    Body,
    Meeting,
    Motion,
    Organisation,
    Person,
    SourceFile,
)
from beslutskoll.web.searchparams import filters_from

router = Router()

# ids are 64-bit in both databases; larger numbers are refused (422), not passed on to fail there
MAX_ID = 2**63 - 1
Limit = Annotated[int, Query(ge=1, le=200, description="Högst så många poster (1–200)")]
Offset = Annotated[
    int, Query(ge=0, le=2**31, description="Hoppa över så många poster (för nästa sida: offset + limit)")
]
INVALID = {422: ValidationErrorOut}
NOT_FOUND = {404: ErrorOut, **INVALID}


def _id(what: str):
    return Annotated[int, Path(ge=1, le=MAX_ID, description=f"{what}s id")]


OrganisationId = _id("Organisationen")
BodyId = _id("Organet")
MeetingId = _id("Sammanträdet")
ItemId = _id("Ärendet")
PersonId = _id("Personen")



def _get(objects, pk: int, what: str):
    """One object, or a 404 that says in Swedish what is missing."""
    try:
        return objects.get(pk=pk)
    except objects.model.DoesNotExist:
        raise Http404(f"{what} finns inte") from None


def _page(objects: QuerySet, limit: int, offset: int, convert) -> dict:
    return {
        "count": objects.count(),
        "limit": limit,
        "offset": offset,
        "items": [convert(o) for o in objects[offset : offset + limit]],
    }


def _bodies() -> QuerySet[Body]:
    return Body.objects.select_related("organisation").prefetch_related("aliases")


def _meetings() -> QuerySet[Meeting]:
    return (
        Meeting.objects.select_related("body__organisation")
        .prefetch_related("body__aliases")
        .annotate(item_count=Count("items"))
    )


def _items() -> QuerySet[AgendaItem]:
    return AgendaItem.objects.prefetch_related(
        "presenters",
        "assignments",
        "references",
        Prefetch("motions", queryset=Motion.objects.order_by("id")),
    )


# --- organisations and bodies ----------------------------------------------------------------------


@router.get("/organisations", response={200: Page[OrganisationOut], **INVALID}, summary="Organisationer", tags=["Organisationer"])
def organisations(
    request: HttpRequest,
    name: Annotated[str | None, Query(description="Bara organisationer vars namn innehåller texten")] = None,
    with_bodies: Annotated[bool, Query(description="Bara organisationer med organ i registret")] = False,
    limit: Limit = 50,
    offset: Offset = 0,
):
    """Kommuner, regioner och andra organisationer, i bokstavsordning."""
    objects = Organisation.objects.order_by("name", "id")
    if name:
        objects = objects.filter(name__icontains=name)
    if with_bodies:
        objects = objects.filter(bodies__isnull=False).distinct()
    return _page(objects, limit, offset, serialize.organisation)


@router.get(
    "/organisations/{organisation_id}", response={200: OrganisationOut, **NOT_FOUND},
    summary="En organisation", tags=["Organisationer"],
)
def organisation(request: HttpRequest, organisation_id: OrganisationId):
    """En organisation. Dess organ hämtas med `/api/bodies?organisation=ID`."""
    return serialize.organisation(_get(Organisation.objects, organisation_id, "Organisationen"))


@router.get("/bodies", response={200: Page[BodyOut], **INVALID}, summary="Organ", tags=["Organ"])
def bodies(
    request: HttpRequest,
    organisation: Annotated[int | None, Query(ge=1, le=MAX_ID, description="Bara organ i organisationen med detta id")] = None,
    limit: Limit = 50,
    offset: Offset = 0,
):
    """Nämnder, styrelser, fullmäktige, utskott, samverkansorgan och andra organ, i bokstavsordning."""
    objects = _bodies().order_by("name", "id")
    if organisation is not None:
        objects = objects.filter(organisation_id=organisation)
    return _page(objects, limit, offset, serialize.body)


@router.get("/bodies/{body_id}", response={200: BodyOut, **NOT_FOUND}, summary="Ett organ", tags=["Organ"])
def body(request: HttpRequest, body_id: BodyId):
    """Ett organ. Dess sammanträden hämtas med `/api/meetings?body=ID`."""
    return serialize.body(_get(_bodies(), body_id, "Organet"))


# --- meetings and items --------------------------------------------------------------------------------


@router.get("/meetings", response={200: Page[MeetingOut], **INVALID}, summary="Sammanträden", tags=["Sammanträden"])
def meetings(
    request: HttpRequest,
    body: Annotated[int | None, Query(ge=1, le=MAX_ID, description="Bara sammanträden i organet med detta id")] = None,
    organisation: Annotated[int | None, Query(ge=1, le=MAX_ID, description="Bara sammanträden i organisationen med detta id")] = None,
    date_from: Annotated[date | None, Query(description="Från och med datum (ÅÅÅÅ-MM-DD)")] = None,
    date_to: Annotated[date | None, Query(description="Till och med datum (ÅÅÅÅ-MM-DD)")] = None,
    limit: Limit = 50,
    offset: Offset = 0,
):
    """Sammanträden, de senaste först. Ärendena finns i `/api/meetings/{id}`."""
    objects = _meetings().order_by("-date", "-id")
    if body is not None:
        objects = objects.filter(body_id=body)
    if organisation is not None:
        objects = objects.filter(body__organisation_id=organisation)
    if date_from:
        objects = objects.filter(date__gte=date_from)
    if date_to:
        objects = objects.filter(date__lte=date_to)
    return _page(objects, limit, offset, serialize.meeting)


@router.get(
    "/meetings/{meeting_id}", response={200: MeetingDetailOut, **NOT_FOUND},
    summary="Ett sammanträde med ärenden", tags=["Sammanträden"],
)
def meeting(request: HttpRequest, meeting_id: MeetingId):
    """Ett sammanträde: uppgifter ur handlingens huvud, närvarande och alla ärenden med beslut."""
    m = _get(_meetings().select_related("chair", "secretary", "file"), meeting_id, "Sammanträdet")
    out = serialize.meeting(m)
    out.update(
        case_number=m.case_number,
        chair=serialize.person_ref(m.chair),
        secretary=serialize.person_ref(m.secretary),
        adjusters=[serialize.person_ref(p) for p in m.adjusters.all()],
        adjustment_date=m.adjustment_date,
        adjustment_place=m.adjustment_place,
        file=_file(m.file),
        other_formats=[_file(f) for f in m.file.renditions.order_by("name")],
        attendance=[
            serialize.attendance(a)
            for a in Attendance.objects.filter(meeting=m).select_related("person", "replaces").order_by("position")
        ],
        items=[serialize.item(i) for i in _items().filter(meeting=m).order_by("position")],
    )
    return out


def _file(source: SourceFile) -> dict:
    return {"name": source.name, "sha256": source.sha256, "pages": source.pages, "url": f"/original/{source.id}/"}


@router.get("/items", response={200: Page[ItemOut], **INVALID}, summary="Ärenden", tags=["Ärenden"])
def items(
    request: HttpRequest,
    meeting: Annotated[int | None, Query(ge=1, le=MAX_ID, description="Bara ärenden i sammanträdet med detta id")] = None,
    case_number: Annotated[str | None, Query(description="Bara ärenden med detta diarienummer")] = None,
    limit: Limit = 50,
    offset: Offset = 0,
):
    """Ärenden (punkter på dagordningen) med beslut, de senaste sammanträdena först."""
    objects = _items().order_by("-meeting__date", "meeting_id", "position")
    if meeting is not None:
        objects = objects.filter(meeting_id=meeting)
    if case_number:
        objects = objects.filter(case_number=case_number)
    return _page(objects, limit, offset, serialize.item)


@router.get("/items/{item_id}", response={200: ItemOut, **NOT_FOUND}, summary="Ett ärende", tags=["Ärenden"])
def item(request: HttpRequest, item_id: ItemId):
    """Ett ärende med förslag, yrkanden, beslut, beslutsunderlag, uppdrag och hänvisningar."""
    return serialize.item(_get(_items(), item_id, "Ärendet"))


# --- people ------------------------------------------------------------------------------------------------


@router.get("/people", response={200: Page[PersonOut], **INVALID}, summary="Personer", tags=["Personer"])
def people(
    request: HttpRequest,
    name: Annotated[str | None, Query(description="Bara personer vars namn innehåller texten")] = None,
    party: Annotated[str | None, Query(description="Bara personer i partiet (förkortning, till exempel S)")] = None,
    limit: Limit = 50,
    offset: Offset = 0,
):
    """Personer i registret (förtroendevalda, tjänstepersoner och andra), i bokstavsordning."""
    objects = Person.objects.order_by("name", "id")
    if name:
        objects = objects.filter(name__icontains=name)
    if party:
        objects = objects.filter(party__iexact=party)
    return _page(objects, limit, offset, serialize.person)


@router.get(
    "/people/{person_id}", response={200: PersonDetailOut, **NOT_FOUND}, summary="En person", tags=["Personer"]
)
def person(request: HttpRequest, person_id: PersonId):
    """En person: uppdrag i organ, sammanträden enligt närvarolistorna och föredragna ärenden."""
    p = _get(Person.objects, person_id, "Personen")
    out = serialize.person(p)
    groups = dict(Attendance.Group.choices)
    out.update(
        memberships=[
            {"body_id": m.body_id, "body": m.body.name, "role": m.role, "party": m.party, "start": m.start, "end": m.end}
            for m in p.memberships.select_related("body").order_by("body__name")
        ],
        meetings=[
            {
                "meeting_id": a.meeting_id,
                "date": a.meeting.date,
                "body": a.meeting.body.name if a.meeting.body else "",
                "group": serialize.label(a.group, groups[a.group]) if a.group in groups else None,
                "role": a.role,
            }
            for a in p.attendances.select_related("meeting__body").order_by("-meeting__date", "-meeting_id")
        ],
        presented_item_ids=list(p.presented.order_by("id").values_list("id", flat=True)),
    )
    return out


# --- search ------------------------------------------------------------------------------------------------


@router.get("/search", response={200: SearchOut, **INVALID}, summary="Sök", tags=["Sök"])
def search(
    request: HttpRequest,
    q: Annotated[str, Query(description="Sökord; citattecken för fras, * för prefix")] = "",
    organisation: Annotated[str | None, Query(description="Organisation (id eller namn)")] = None,
    body: Annotated[str | None, Query(description="Organ (id, namn eller förkortning)")] = None,
    year: Annotated[int | None, Query(ge=1, le=9999, description="År för sammanträdet")] = None,
    kind: Annotated[str | None, Query(description="Beslutstyp, till exempel approval eller assignment")] = None,
    party: Annotated[str | None, Query(description="Parti (förkortning)")] = None,
    person: Annotated[str | None, Query(description="Namn på föredragande eller deltagare")] = None,
    date_from: Annotated[date | None, Query(description="Från och med datum (ÅÅÅÅ-MM-DD)")] = None,
    date_to: Annotated[date | None, Query(description="Till och med datum (ÅÅÅÅ-MM-DD)")] = None,
    limit: Annotated[int, Query(ge=1, le=100, description="Högst så många träffar (1–100)")] = 20,
    offset: Offset = 0,
):
    """Sök bland ärenden med samma sökmotor och filter som webbsidans sökning (/sok/).
    Facetterna anger hur många träffar varje filtervärde ger."""
    filters = filters_from(
        {
            "organisation": organisation, "body": body, "year": year, "kind": kind, "party": party,
            "person": person, "date_from": date_from, "date_to": date_to,
        }
    )
    # the engine pages by page number; an offset that is not a multiple of limit spans two pages
    first = offset // limit + 1
    result = engine.search(q, filters, page=first, per_page=limit)
    hits = list(result.hits)
    skip = offset % limit
    if skip:
        hits += engine.search(q, filters, page=first + 1, per_page=limit).hits
    return {
        "query": q,
        "count": result.total,
        "limit": limit,
        "offset": offset,
        "items": [vars(h) for h in hits[skip : skip + limit]],
        "facets": {name: [vars(v) for v in values] for name, values in result.facets.items()},
        "facets_counted": result.facets_counted,
    }
