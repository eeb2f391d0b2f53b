"""The web pages (Django test client) on the project's fictional examples: every page type renders
the example data in Swedish, with one h1, landmarks and a skip link; originals need a login."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

pytestmark = pytest.mark.register


def ids():
    from beslutskoll.store.models import AgendaItem, Body, Meeting, Organisation, Person

    meeting = Meeting.objects.get(body__name="Socialnämnden")
    return {
        "meeting": meeting,
        "item": AgendaItem.objects.get(meeting=meeting, number="14"),
        "person": Person.objects.get(name="Ingela Markström"),
        "body": Body.objects.get(name="Socialnämnden"),
        "organisation": Organisation.objects.get(name="Norrviks kommun"),
    }


class Outline(HTMLParser):
    """Headings, landmarks, the skip link and form fields of a page, for structural checks."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.h1_text: list[str] = []
        self._in_h1 = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_h1 = self._in_h1 or tag == "h1"

    def handle_endtag(self, tag: str) -> None:
        if tag == "h1":
            self._in_h1 = False

    def handle_data(self, data: str) -> None:
        if self._in_h1:
            self.h1_text.append(data)

    def count(self, tag: str) -> int:
        return sum(1 for t, _ in self.tags if t == tag)


def page(client, url: str, status: int = 200) -> tuple[str, Outline]:
    response = client.get(url)
    assert response.status_code == status, url
    html = response.content.decode()
    outline = Outline()
    outline.feed(html)
    return html, outline


def urls() -> list[str]:
    found = ids()
    return [
        "/",
        "/sok/",
        "/sok/?q=handlingsplan",
        "/sammantrade/",
        f"/sammantrade/{found['meeting'].id}/",
        f"/arende/{found['item'].id}/",
        "/person/",
        f"/person/{found['person'].id}/",
        "/organ/",
        f"/organ/{found['body'].id}/",
        "/organisation/",
        f"/organisation/{found['organisation'].id}/",
        "/tillganglighet/",
    ]


def test_every_page_has_one_h1_landmarks_skip_link_and_labels(client) -> None:
    for url in urls():
        html, outline = page(client, url)
        assert '<html lang="sv">' in html
        assert outline.count("h1") == 1, url
        for landmark in ("header", "nav", "main", "footer"):
            assert outline.count(landmark) >= 1, (url, landmark)
        first_link = next(attrs for tag, attrs in outline.tags if tag == "a")
        assert first_link.get("href") == "#innehall", url
        assert any(tag == "main" and attrs.get("id") == "innehall" for tag, attrs in outline.tags)
        labelled = {attrs.get("for") for tag, attrs in outline.tags if tag == "label"}
        for tag, attrs in outline.tags:
            if tag == "input" and attrs.get("type") not in ("hidden", "submit"):
                assert attrs.get("id") in labelled, (url, attrs)


def test_start_page_lists_meetings_assignments_and_search_box(client) -> None:
    html, _ = page(client, "/")
    assert "Senaste sammanträdena" in html
    assert "Socialnämnden" in html and "19 februari 2025" in html
    assert "Länsrådet för hälsa och omsorg" in html
    # the one dated assignment of the examples (its last day has passed)
    assert "Följa upp handlingsplanen" in html and "30 april 2025" in html
    assert 'action="/sok/"' in html and '<label for="q">' in html


def test_meeting_page_shows_header_attendance_items_and_original(client) -> None:
    found = ids()
    meeting = found["meeting"]
    html, _ = page(client, f"/sammantrade/{meeting.id}/")
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))
    for expected in (
        "Socialnämnden, 19 februari 2025",
        "Norrviks kommun",
        "09.00–15.30",
        "Kommunhuset i Norrvik, sammanträdesrum Tärnan",
        "Ingela Markström (S)",
        "Linnea Åström",
        "Per-Olof Hedqvist (M)",
        # attendance in its groups, with party, role, the one replaced, and presence
        "Beslutande", "Ersättare", "Övriga närvarande",
        "tjänstgörande ersättare", "Lars Nyhed", "§§ 15-17", "socialchef",
        # items with proposals, motions, decisions in Swedish kinds, documents, recipients, assignments
        "§ 14 Handlingsplan för minskade externa placeringar",
        "Förslag till beslut",
        "Yrkanden", "yrkar att ärendet återremitteras",
        "Godkännande", "Uppdrag",
        "Tjänsteskrivelse 2025-02-05",
        "Beslutet skickas till", "Ekonomiavdelningen",
        "Senast 30 april 2025",
    ):
        assert expected in text, expected
    assert "approval" not in text
    assert f'href="/original/{meeting.file_id}/"' in html
    assert f'/original/{meeting.file_id}/#page=2' in html


def test_item_page_shows_the_item_in_its_meeting(client) -> None:
    found = ids()
    html, outline = page(client, f"/arende/{found['item'].id}/")
    assert "".join(outline.h1_text).strip() == "§ 14 Handlingsplan för minskade externa placeringar"
    assert f'href="/sammantrade/{found["meeting"].id}/"' in html
    assert "Brödsmulor" in html and "Norrviks kommun" in html
    assert "Johanna Sundqvist" in html and "Beslut" in html


def test_person_page_shows_bodies_roles_meetings_and_presented_items(client) -> None:
    from beslutskoll.store.models import Person

    found = ids()
    html, _ = page(client, f"/person/{found['person'].id}/")
    assert "Ingela Markström" in html and "Socialnämnden" in html
    assert "ordförande" in html and "19 februari 2025" in html
    presenter = Person.objects.get(name="Erik Lundmark")
    html, _ = page(client, f"/person/{presenter.id}/")
    assert "Föredragna ärenden" in html and "Ekonomisk uppföljning januari 2025" in html


def test_body_page_shows_participants_and_meetings_by_year(client) -> None:
    found = ids()
    html, _ = page(client, f"/organ/{found['body'].id}/")
    assert "Socialnämnden" in html and "(SN)" in html
    # people as memberships where the store keeps them, else straight from the attendance lists
    assert "Ledamöter, ersättare" in html or "Deltagare enligt närvarolistorna" in html
    assert "Marit Fjällgren" in html
    assert "<h3>2025</h3>" in html and "19 februari 2025" in html


def test_organisation_and_lists(client) -> None:
    found = ids()
    html, _ = page(client, f"/organisation/{found['organisation'].id}/")
    assert "Norrviks kommun" in html and f'href="/organ/{found["body"].id}/"' in html
    html, _ = page(client, "/organisation/")
    assert "Region Västerfjäll" in html and "Älvstads kommun" in html
    assert "1 sammanträde</span>" in html  # Swedish singular
    html, _ = page(client, "/organ/")
    assert "Barn- och utbildningsnämnden" in html and "Kommunstyrelsen" in html
    html, _ = page(client, "/sammantrade/")
    assert "5 sammanträden" in html and "Mötesanteckningar" in html
    html, _ = page(client, "/person/?namn=berg")
    assert "Aina Bergkvist" in html and "Ingela Markström" not in html


def test_accessibility_statement(client) -> None:
    html, outline = page(client, "/tillganglighet/")
    assert "".join(outline.h1_text) == "Tillgänglighetsredogörelse"
    assert "2018:1937" in html and "Digg" in html and "WCAG 2.1" in html


def test_not_found_is_swedish(client) -> None:
    for url in ("/finns-inte/", "/sammantrade/999999/", "/arende/999999/", "/person/999999/"):
        html, outline = page(client, url, status=404)
        assert "".join(outline.h1_text) == "Sidan finns inte", url
        assert 'href="/sok/"' in html


def test_original_file_needs_login(client) -> None:
    from django.contrib.auth.models import User

    from conftest import EXAMPLES

    meeting = ids()["meeting"]
    response = client.get(f"/original/{meeting.file_id}/")
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")

    client.force_login(User.objects.create_user("granskare", password="x"))
    response = client.get(f"/original/{meeting.file_id}/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content) == (EXAMPLES / "protokoll-socialnamnden.pdf").read_bytes()
    assert response["Cache-Control"] == "private, no-store"

    html_meeting = ids()["meeting"].__class__.objects.get(file__name="webbsida-kommunstyrelsen.html")
    response = client.get(f"/original/{html_meeting.file_id}/")
    # an HTML original is downloaded, never rendered on this site
    assert response["Content-Disposition"].startswith("attachment")
    html, _ = page(client, "/")
    assert "Administration" in html and "Logga in" not in html


def test_body_page_lists_memberships_chairs_first(client) -> None:
    from datetime import date

    from beslutskoll.store.models import Membership, Person

    found = ids()
    body = found["body"]
    for name, role in (("Marit Fjällgren", "ledamot"), ("Ingela Markström", "ordförande")):
        Membership.objects.get_or_create(
            person=Person.objects.get(name=name), body=body, role=role,
            defaults={"party": "S", "start": date(2025, 2, 19), "end": date(2025, 2, 19)},
        )
    html, _ = page(client, f"/organ/{body.id}/")
    assert "Ledamöter, ersättare och tjänstepersoner" in html
    assert "Deltagare enligt närvarolistorna" not in html  # the same people once, not twice
    assert html.index("Ingela Markström</a>") < html.index("Marit Fjällgren</a>")
    assert "<td>19 februari 2025</td>" in html
