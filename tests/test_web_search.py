"""The search page: the shared engine, facets as filter links, htmx partial responses, safe snippets."""

from __future__ import annotations

import re
from datetime import date
from urllib.parse import parse_qs, urlsplit

import pytest

pytestmark = pytest.mark.register


def test_search_finds_items_and_links_to_them(client) -> None:
    from beslutskoll.store.models import AgendaItem

    item = AgendaItem.objects.get(title="Handlingsplan för minskade externa placeringar")
    response = client.get("/sok/", {"q": "handlingsplan"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "träff" in html and f'href="/arende/{item.id}/"' in html
    assert "19 februari 2025" in html
    assert 'value="handlingsplan"' in html


def test_empty_form_fields_are_dropped_from_the_address(client) -> None:
    response = client.get("/sok/", {"q": "plan", "fran": "", "till": ""})
    assert response.status_code == 302 and response["Location"] == "/sok/?q=plan"
    assert client.get("/sok/", {"q": "", "fran": ""})["Location"] == "/sok/"


def test_empty_search_shows_help_not_everything(client) -> None:
    html = client.get("/sok/").content.decode()
    assert "Skriv ett eller flera sökord" in html and 'class="hit"' not in html


def test_htmx_request_gets_only_the_results(client) -> None:
    response = client.get("/sok/", {"q": "handlingsplan"}, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert html.lstrip().startswith("<p id=\"sokstatus\"") or 'id="sokresultat"' in html
    assert "<html" not in html and 'id="sokresultat"' in html
    assert "HX-Request" in response["Vary"]
    assert response["HX-Push-Url"] == "/sok/?q=handlingsplan"
    blank_dates = client.get("/sok/", {"q": "handlingsplan", "fran": "", "till": ""}, HTTP_HX_REQUEST="true")
    assert blank_dates["HX-Push-Url"] == "/sok/?q=handlingsplan"
    # a history restore needs the whole page
    full = client.get("/sok/", {"q": "x"}, HTTP_HX_REQUEST="true", HTTP_HX_HISTORY_RESTORE_REQUEST="true")
    assert "<html" in full.content.decode()


def test_facets_filter_through_the_engine(client, monkeypatch) -> None:
    """Facet links carry the value as a Swedish URL parameter; following one passes it to the engine."""
    from beslutskoll.store import search as engine

    calls: list[engine.Filters] = []

    def fake_search(query, filters=None, *, page=1, per_page=20):
        calls.append(filters)
        hit = engine.Hit(1, "Socialnämnden", "2025-02-19", "14", "Handlingsplan", "en <mark>plan</mark>", "/arende/1/")
        return engine.SearchResult(
            query=query, total=1, hits=[hit],
            facets={
                "year": [engine.FacetValue("2025", "2025", 1), engine.FacetValue("2024", "2024", 3)],
                "body": [engine.FacetValue("7", "Socialnämnden", 1)],
                "kind": [engine.FacetValue("approval", "Godkännande", 1)],
            },
        )

    monkeypatch.setattr(engine, "search", fake_search)
    html = client.get("/sok/", {"q": "plan"}).content.decode()
    assert html.index(">Organ<") < html.index(">År<") < html.index(">Beslutstyp<")
    assert "en <mark>plan</mark>" in html
    facet_link = re.compile(r'href="([^"]+)" class="facet-link[^"]*"[^>]*>.*?facet-label">([^<]+)<')
    links = {label: href.replace("&amp;", "&") for href, label in facet_link.findall(html)}
    assert parse_qs(urlsplit(links["Socialnämnden"]).query) == {"q": ["plan"], "organ": ["7"]}

    html = client.get("/sok/" + links["Socialnämnden"]).content.decode()
    assert calls[-1].body == "7" and calls[-1].year is None
    assert 'aria-current="true"' in html and "Organ: Socialnämnden" in html  # chosen, and removable
    assert '<input type="hidden" name="organ" value="7">' in html

    client.get("/sok/", {"q": "plan", "organ": "7", "ar": "2025", "beslutstyp": "approval", "fran": "2025-01-01"})
    chosen = calls[-1]
    assert (chosen.body, chosen.year, chosen.kind, chosen.date_from) == ("7", 2025, "approval", date(2025, 1, 1))


def test_search_paging_links(client, monkeypatch) -> None:
    from beslutskoll.store import search as engine

    pages: list[int] = []

    def fake_search(query, filters=None, *, page=1, per_page=20):
        pages.append(page)
        return engine.SearchResult(query=query, total=45, hits=[])

    monkeypatch.setattr(engine, "search", fake_search)
    html = client.get("/sok/", {"q": "plan", "sida": "2"}).content.decode()
    assert pages[-1] == 2
    assert "Sida 2 av 3" in html and "sida=1" in html and "sida=3" in html


def test_snippet_keeps_only_mark_and_escapes_the_rest() -> None:
    from beslutskoll.web.templatetags.beslutskoll import snippet

    assert snippet("a <mark>vård</mark> &amp; b") == "a <mark>vård</mark> &amp; b"
    assert snippet("<script>x</script> <mark>y</mark>") == "&lt;script&gt;x&lt;/script&gt; <mark>y</mark>"
    assert snippet("A & B") == "A &amp; B"


def test_search_parameters_map_to_filters() -> None:
    from beslutskoll.web.searchparams import active, filters_from_query

    filters = filters_from_query({"organisation": "3", "ar": "20x5", "fran": "inte-ett-datum", "parti": "S "})
    assert filters.organisation == "3" and filters.year is None and filters.date_from is None
    assert filters.party == "S"
    assert active(filters) == {"organisation": "3", "parti": "S"}


def test_swedish_date_filters() -> None:
    from beslutskoll.web.templatetags.beslutskoll import sv_date, sv_time

    assert sv_date(date(2025, 3, 18)) == "18 mars 2025"
    assert sv_date("2024-11-08") == "8 november 2024"
    assert sv_date(None) == "" and sv_date("okänt") == ""
    from datetime import time

    assert sv_time(time(9, 0)) == "09.00"


def test_date_fields_filter_and_keep_their_values(client, monkeypatch) -> None:
    from beslutskoll.store import search as engine

    calls: list[engine.Filters] = []
    monkeypatch.setattr(
        engine, "search", lambda q, f=None, *, page=1, per_page=20: calls.append(f) or engine.SearchResult(q, 0, [])
    )
    html = client.get("/sok/", {"q": "plan", "fran": "2025-01-01", "till": "2025-03-31"}).content.decode()
    assert (calls[-1].date_from, calls[-1].date_to) == (date(2025, 1, 1), date(2025, 3, 31))
    assert 'id="fran" name="fran" type="date" value="2025-01-01"' in html
    assert '<details class="more" open>' in html
    assert "Från och med: 1 januari 2025" in html
    assert 'type="hidden" name="fran"' not in html  # once, in its own field


def test_facets_over_the_most_recent_matches_are_said_to_be_so(client, monkeypatch) -> None:
    from beslutskoll.store import search as engine

    full = client.get("/sok/", {"q": "plan"}).content.decode()
    assert "Antalen i filtren gäller" not in full
    monkeypatch.setattr(engine, "FACET_LIMIT", 1)
    total = engine.search("plan").total
    assert total > 1
    html = client.get("/sok/", {"q": "plan"}).content.decode()
    assert f"Antalen i filtren gäller de 1 senaste av {total} träffar." in html
