from __future__ import annotations

from datetime import timedelta

from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from beslutskoll.store.models import Assignment, Meeting


def home(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    meetings = (
        Meeting.objects.select_related("body__organisation")
        .annotate(item_count=Count("items"))
        .order_by("-date", "-id")[:10]
    )
    # not yet reported or done (the follow-up marks late ones "försenad"; they belong here too)
    open_with_due = (
        Assignment.objects.select_related("item__meeting__body")
        .filter(due__isnull=False)
        .exclude(status__in=[Assignment.Status.DONE, Assignment.Status.REPORTED])
    )
    due_soon = open_with_due.filter(due__gte=today, due__lte=today + timedelta(days=90)).order_by("due")[:10]
    # still open after their last day: shown so that they are not forgotten
    overdue = open_with_due.filter(due__lt=today).order_by("-due")[:10]
    return render(
        request,
        "web/home.html",
        {"meetings": meetings, "due_soon": due_soon, "overdue": overdue, "today": today},
    )
