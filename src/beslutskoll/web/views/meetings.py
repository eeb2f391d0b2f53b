"""Meeting and item pages, and the original file behind them (for logged-in users only)."""

from __future__ import annotations

import mimetypes

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.db.models import Count, Prefetch, QuerySet
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from beslutskoll.store.models import AgendaItem, Attendance, Meeting, Motion, SourceFile
from beslutskoll.web.templatetags.beslutskoll import sv_date
from beslutskoll.web.views.common import Crumb, crumbs, paginate


def _items(meeting_filter: dict) -> QuerySet[AgendaItem]:
    return (
        AgendaItem.objects.filter(**meeting_filter)
        .select_related("matter")
        .prefetch_related(
            "presenters",
            "assignments__reported_in__meeting__body",
            Prefetch("motions", queryset=Motion.objects.select_related("person").order_by("id")),
            "references__target__meeting__body",
            "references__body",
        )
        .order_by("position")
    )


def body_trail(meeting: Meeting) -> list[Crumb]:
    trail: list[Crumb] = []
    if meeting.body:
        if meeting.body.organisation:
            org = meeting.body.organisation
            trail.append((org.name, reverse("organisation", args=[org.id])))
        trail.append((meeting.body.name, reverse("body", args=[meeting.body.id])))
    return trail


def meeting_title(meeting: Meeting) -> str:
    return meeting.body.name if meeting.body else "Okänt organ"


def meeting_crumb(meeting: Meeting) -> str:
    return f"Sammanträde {sv_date(meeting.date)}".strip()


def _same_meeting(meeting: Meeting) -> list[Meeting]:
    """The body's other documents of the same day: the notice beside the minutes, an extract."""
    if meeting.body_id is None or meeting.date is None:
        return []
    return list(
        Meeting.objects.filter(body_id=meeting.body_id, date=meeting.date).exclude(pk=meeting.pk).order_by("id")
    )


def meeting_page(request: HttpRequest, meeting_id: int) -> HttpResponse:
    meeting = get_object_or_404(
        Meeting.objects.select_related("body__organisation", "chair", "secretary", "file"), pk=meeting_id
    )
    attendances = meeting.attendances.select_related("person", "replaces").order_by("position")
    groups = []
    for code, label in [*Attendance.Group.choices, ("", "Övriga uppgifter")]:
        rows = [a for a in attendances if a.group == code]
        if rows:
            groups.append((label, rows))
    context = {
        "meeting": meeting,
        "title": meeting_title(meeting),
        "adjusters": list(meeting.adjusters.all()),
        "other_formats": list(meeting.file.renditions.order_by("name")),
        "same_meeting": _same_meeting(meeting),
        "groups": groups,
        "items": _items({"meeting": meeting}),
        "crumbs": crumbs(*body_trail(meeting), (meeting_crumb(meeting), None)),
    }
    return render(request, "web/meeting.html", context)


def item_page(request: HttpRequest, item_id: int) -> HttpResponse:
    item = _items({"pk": item_id}).select_related("meeting__body__organisation", "meeting__file").first()
    if item is None:
        raise Http404("Ärendet finns inte")
    meeting = item.meeting
    related = []
    if item.matter_id:
        related = list(
            AgendaItem.objects.filter(matter_id=item.matter_id)
            .exclude(meeting_id=item.meeting_id)
            .select_related("meeting__body")
            .order_by("meeting__date")
        )
    referenced_by = item.referenced_by.select_related("item__meeting__body")
    context = {
        "item": item,
        "meeting": meeting,
        "title": meeting_title(meeting),
        "related": related,
        "referenced_by": [ref.item for ref in referenced_by],
        "reports": item.reports.select_related("item__meeting__body"),
        "crumbs": crumbs(
            *body_trail(meeting),
            (meeting_crumb(meeting), reverse("meeting", args=[meeting.id])),
            (f"§ {item.number}" if item.number else "Ärende", None),
        ),
    }
    return render(request, "web/item.html", context)


def meeting_list(request: HttpRequest) -> HttpResponse:
    meetings = (
        Meeting.objects.select_related("body__organisation")
        .annotate(item_count=Count("items"))
        .order_by("-date", "-id")
    )
    return render(
        request,
        "web/meeting_list.html",
        {"page": paginate(request, meetings), "crumbs": crumbs(("Sammanträden", None))},
    )


# Originals may hold personal data that the register masks; only logged-in users get them.
@login_required
def original_file(request: HttpRequest, file_id: int) -> FileResponse:
    source = get_object_or_404(SourceFile, pk=file_id)
    path = settings.FILES_DIR / source.sha256[:2] / source.sha256
    if not path.is_file():
        raise Http404("Originalfilen finns inte kvar på servern")
    content_type = mimetypes.guess_type(source.name)[0] or "application/octet-stream"
    # PDFs open in the browser (so #page=N works); anything else, HTML included, is downloaded, never rendered
    inline = content_type == "application/pdf"
    response = FileResponse(
        path.open("rb"), content_type=content_type, as_attachment=not inline, filename=source.name
    )
    response["Cache-Control"] = "private, no-store"
    return response
