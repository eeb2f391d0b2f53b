from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from beslutskoll.store.models import Meeting


def home(request: HttpRequest) -> HttpResponse:
    meetings = Meeting.objects.select_related("body").order_by("-date")[:20]
    return render(request, "web/home.html", {"meetings": meetings})
