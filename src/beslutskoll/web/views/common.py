"""Helpers shared by the views: breadcrumbs and pagination."""

from __future__ import annotations

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.http import HttpRequest
from django.urls import reverse

Crumb = tuple[str, str | None]


def crumbs(*trail: Crumb) -> list[Crumb]:
    """Breadcrumbs from the start page; the last one (the current page) has no link."""
    return [("Start", reverse("home")), *trail]


def paginate(request: HttpRequest, objects: QuerySet, per_page: int = 50) -> Page:
    """One page of a list; the page number is ?sida=N and bad numbers give the nearest page."""
    return Paginator(objects, per_page).get_page(request.GET.get("sida"))
