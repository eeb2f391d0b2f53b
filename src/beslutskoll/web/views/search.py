"""The search page: the one search engine (`store.search.search`) with facets as filter links."""

from __future__ import annotations

import math
from dataclasses import dataclass
from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.cache import patch_vary_headers

from beslutskoll.store import search as engine
from beslutskoll.web import labels
from beslutskoll.web.searchparams import FIELD_PARAMS, active, filters_from_query
from beslutskoll.web.templatetags.beslutskoll import sv_date
from beslutskoll.web.views.common import crumbs

PER_PAGE = 20


@dataclass
class FacetLink:
    label: str
    count: int
    url: str
    selected: bool


@dataclass
class FacetGroup:
    name: str
    param: str
    heading: str
    values: list[FacetLink]


def _url(params: dict[str, str]) -> str:
    return "?" + urlencode({k: v for k, v in params.items() if v}) if any(params.values()) else "?"


def _clean_url(request: HttpRequest) -> str | None:
    """The address without the empty fields a submitted form brings along (fran=&till=), or None."""
    if all(value.strip() for value in request.GET.values()):
        return None
    kept = {key: value for key, value in request.GET.items() if value.strip()}
    return request.path + (_url(kept) if kept else "")


def search_page(request: HttpRequest) -> HttpResponse:
    # htmx asks for the results only; a history restore needs the whole page
    is_htmx = request.headers.get("HX-Request") == "true" and not request.headers.get("HX-History-Restore-Request")
    clean = _clean_url(request)
    if clean and not is_htmx:
        return redirect(clean)
    query = request.GET.get("q", "").strip()
    filters = filters_from_query(request.GET)
    chosen = active(filters)
    base = {"q": query, **chosen}
    try:
        page = max(1, int(request.GET.get("sida", "1")))
    except ValueError:
        page = 1

    result = None
    facets: list[FacetGroup] = []
    removals: list[tuple[str, str, str]] = []
    pages = 0
    if query or chosen:
        result = engine.search(query, filters, page=page, per_page=PER_PAGE)
        pages = math.ceil(result.total / PER_PAGE)
        labels_seen: dict[tuple[str, str], str] = {}
        for name, values in _ordered(result.facets):
            param = FIELD_PARAMS.get(name)
            if param is None or not values:
                continue
            links = []
            for value in values:
                selected = chosen.get(param) == value.value
                labels_seen[(param, value.value)] = value.label
                # a chosen value's link takes the filter away again; any other replaces it
                target = {**base, param: "" if selected else value.value}
                links.append(FacetLink(value.label or value.value, value.count, _url(target), selected))
            facets.append(FacetGroup(name, param, labels.FACETS.get(name, name.capitalize()), links))
        for param, value in chosen.items():
            field = next(f for f, p in FIELD_PARAMS.items() if p == param)
            heading = labels.FACETS.get(field) or _FILTER_HEADINGS.get(param, param)
            shown = labels_seen.get((param, value)) or (sv_date(value) if param in ("fran", "till") else value)
            removals.append((heading, shown, _url({**base, param: ""})))

    context = {
        "query": query,
        "chosen": chosen,
        "result": result,
        "facets": facets,
        "removals": removals,
        "page": page,
        "pages": pages,
        "previous_url": _url({**base, "sida": str(page - 1)}) if page > 1 else None,
        "next_url": _url({**base, "sida": str(page + 1)}) if page < pages else None,
        "crumbs": crumbs(("Sök", None)),
    }
    context["is_htmx"] = is_htmx
    template = "web/_search_results.html" if is_htmx else "web/search.html"
    response = render(request, template, context)
    patch_vary_headers(response, ["HX-Request"])
    if is_htmx:
        # the address bar shows the clean address, as after a plain form submit
        response["HX-Push-Url"] = clean or request.get_full_path()
    return response


_FILTER_HEADINGS = {"person": "Person", "fran": "Från och med", "till": "Till och med"}


def _ordered(facets: dict[str, list[engine.FacetValue]]) -> list[tuple[str, list[engine.FacetValue]]]:
    """Facets in the order of labels.FACETS, then any others the engine adds."""
    known = [(name, facets[name]) for name in labels.FACETS if name in facets]
    return known + [(name, values) for name, values in facets.items() if name not in labels.FACETS]
