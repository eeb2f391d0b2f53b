"""Pages of text: the accessibility statement and the about page."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from beslutskoll.web.views.common import crumbs


def accessibility(request: HttpRequest) -> HttpResponse:
    return render(
        request, "web/accessibility.html", {"crumbs": crumbs(("Tillgänglighetsredogörelse", None))}
    )
