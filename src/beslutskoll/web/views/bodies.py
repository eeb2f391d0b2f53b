"""Pages of bodies (organ) and organisations, and their lists."""

from __future__ import annotations

from itertools import groupby

from django.db.models import Count, Max
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from beslutskoll.store.models import Attendance, Body, Organisation
from beslutskoll.web.views.common import crumbs


def body_page(request: HttpRequest, body_id: int) -> HttpResponse:
    body = get_object_or_404(Body.objects.select_related("organisation", "parent"), pk=body_id)
    meetings = body.meetings.annotate(item_count=Count("items")).order_by("-date", "-id")
    by_year = [
        (year, list(group))
        for year, group in groupby(meetings, key=lambda m: m.date.year if m.date else None)
    ]
    # who sat in the meetings, by the attendance lists: one row per person and group
    present = (
        Attendance.objects.filter(meeting__body=body)
        .values("person_id", "person__name", "person__party", "group")
        .annotate(meetings=Count("meeting", distinct=True), last=Max("meeting__date"))
        .order_by("group", "person__name")
    )
    groups = dict(Attendance.Group.choices)
    present = [{**row, "group_label": groups.get(row["group"], "–")} for row in present]
    meetings_by_person: dict[int, int] = {}
    for row in present:
        meetings_by_person[row["person_id"]] = meetings_by_person.get(row["person_id"], 0) + row["meetings"]
    memberships = sorted(
        body.memberships.select_related("person"), key=lambda m: (_role_rank(m.role), m.role, m.person.name)
    )
    for membership in memberships:
        membership.meeting_count = meetings_by_person.get(membership.person_id, 0)
    trail = []
    if body.organisation:
        trail.append((body.organisation.name, reverse("organisation", args=[body.organisation.id])))
    context = {
        "body": body,
        "memberships": memberships,
        "present": present,
        "by_year": by_year,
        "children": body.children.all(),
        "aliases": body.aliases.exclude(name__in=[body.name, body.abbreviation]).order_by("name"),
        "crumbs": crumbs(("Organ", reverse("body_list")), *trail, (body.name, None)),
    }
    return render(request, "web/body.html", context)


# chairs first, then members and substitutes, then everyone else (officials) by role
ROLE_ORDER = ["ordförande", "1:e vice ordförande", "vice ordförande", "2:e vice ordförande", "ledamot",
              "tjänstgörande ersättare", "ersättare"]


def _role_rank(role: str) -> int:
    role = role.casefold()
    return ROLE_ORDER.index(role) if role in ROLE_ORDER else len(ROLE_ORDER)


def body_list(request: HttpRequest) -> HttpResponse:
    bodies = Body.objects.select_related("organisation").annotate(
        meeting_count=Count("meetings"), last=Max("meetings__date")
    )
    grouped = [
        (org, list(group))
        for org, group in groupby(
            sorted(bodies, key=lambda b: (b.organisation is None, b.organisation.name if b.organisation else "", b.name)),
            key=lambda b: b.organisation,
        )
    ]
    return render(request, "web/body_list.html", {"grouped": grouped, "crumbs": crumbs(("Organ", None))})


def organisation_page(request: HttpRequest, organisation_id: int) -> HttpResponse:
    organisation = get_object_or_404(Organisation, pk=organisation_id)
    bodies = organisation.bodies.annotate(meeting_count=Count("meetings"), last=Max("meetings__date"))
    context = {
        "organisation": organisation,
        "bodies": bodies.order_by("name"),
        "crumbs": crumbs(("Organisationer", reverse("organisation_list")), (organisation.name, None)),
    }
    return render(request, "web/organisation.html", context)


def organisation_list(request: HttpRequest) -> HttpResponse:
    # the register may know every kommun and region; list those with bodies in it
    organisations = (
        Organisation.objects.annotate(
            body_count=Count("bodies", distinct=True), meeting_count=Count("bodies__meetings")
        )
        .filter(body_count__gt=0)
        .order_by("name")
    )
    return render(
        request,
        "web/organisation_list.html",
        {
            "organisations": organisations,
            "without_bodies": Organisation.objects.filter(bodies__isnull=True).count(),
            "crumbs": crumbs(("Organisationer", None)),
        },
    )
