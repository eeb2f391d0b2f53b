"""Person pages and the list of people."""

from __future__ import annotations

from urllib.parse import urlencode

from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from beslutskoll.store.models import AgendaItem, Assignment, Body, Meeting, Person
from beslutskoll.web.views.common import crumbs, paginate


def person_page(request: HttpRequest, person_id: int) -> HttpResponse:
    person = get_object_or_404(Person, pk=person_id)
    attendances = list(
        person.attendances.select_related("meeting__body", "replaces").order_by("-meeting__date", "-meeting_id")
    )
    memberships = person.memberships.select_related("body").order_by("body__name", "role")
    # bodies from formal memberships and from the attendance lists, each once
    body_ids = {m.body_id for m in memberships} | {a.meeting.body_id for a in attendances if a.meeting.body_id}
    bodies = Body.objects.filter(pk__in=body_ids).select_related("organisation")
    roles = sorted({a.role for a in attendances if a.role} | {m.role for m in memberships if m.role})
    official = (
        Meeting.objects.filter(Q(chair=person) | Q(secretary=person) | Q(adjusters=person))
        .distinct()
        .select_related("body")
        .order_by("-date")
    )
    context = {
        "person": person,
        "memberships": memberships,
        "bodies": bodies,
        "roles": roles,
        "attendances": attendances,
        "official": [(m, _official_roles(m, person)) for m in official],
        "presented": AgendaItem.objects.filter(presenters=person)
        .select_related("meeting__body")
        .order_by("-meeting__date", "position"),
        "motions": person.motions.select_related("item__meeting__body").order_by("-item__meeting__date"),
        # assignments name their assignee as free text; match on the full name
        "assignments": Assignment.objects.filter(assignee__icontains=person.name)
        .select_related("item__meeting__body")
        .order_by("due", "id"),
        "crumbs": crumbs(("Personer", reverse("person_list")), (person.name, None)),
    }
    return render(request, "web/person.html", context)


def _official_roles(meeting: Meeting, person: Person) -> str:
    roles = []
    if meeting.chair_id == person.id:
        roles.append("ordförande")
    if meeting.secretary_id == person.id:
        roles.append("sekreterare")
    if any(p.id == person.id for p in meeting.adjusters.all()):
        roles.append("justerare")
    return ", ".join(roles)


def person_list(request: HttpRequest) -> HttpResponse:
    name = request.GET.get("namn", "").strip()
    people = Person.objects.annotate(meeting_count=Count("attendances")).order_by("name", "id")
    if name:
        people = people.filter(name__icontains=name)
    return render(
        request,
        "web/person_list.html",
        {
            "page": paginate(request, people),
            "name": name,
            "extra": urlencode({"namn": name}) if name else "",
            "crumbs": crumbs(("Personer", None)),
        },
    )
