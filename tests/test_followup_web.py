"""Pages, API, exports and the rule that only a body's coordinators change anything (and are logged)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from followup_scenario import REGION, item, minutes, organisations, year

pytestmark = pytest.mark.register


@pytest.fixture
def scenario(db: str, tmp_path: Path) -> dict:
    from django.contrib.auth.models import User

    from beslutskoll.followup.link import refresh
    from beslutskoll.followup.models import Coordinator, Recommendation

    meetings = year(tmp_path)
    refresh()
    rec = Recommendation.objects.get()
    coordinator = User.objects.create_user("samordnare", password="hemligt-1")
    Coordinator.objects.create(user=coordinator, body=rec.body)
    outsider = User.objects.create_user("annan", password="hemligt-2")
    Coordinator.objects.create(user=outsider, body=meetings["tallmo"].body)  # another body's coordinator
    return {"rec": rec, "meetings": meetings, "coordinator": coordinator, "outsider": outsider}


def _client(user=None):
    from django.test import Client

    client = Client(HTTP_HOST="localhost")  # one of the allowed hosts
    if user is not None:
        client.force_login(user)
    return client


def _cell(rec, name: str):
    return rec.adoptions.get(organisation__name=name)


def test_pages_render_with_accessible_tables(scenario: dict) -> None:
    rec = scenario["rec"]
    client = _client()
    index = client.get("/uppfoljning/").content.decode()
    assert "FSN 2024-03-15 § 12" in index and '<th scope="col">Antagen</th>' in index
    page = client.get(f"/uppfoljning/rekommendation/{rec.id}/").content.decode()
    assert '<th scope="row">Granby kommun</th>' in page and "Avslagen" in page
    assert "<caption>" in page and "<form" not in page  # nobody logged in: nothing to change
    assert "Ärendet tas upp i fullmäktige i oktober." in page
    listing = client.get("/uppfoljning/uppdrag/").content.decode()
    assert '<label for="organ">Organ</label>' in listing and "Planera en gemensam utbildningsdag" in listing
    item = _cell(rec, "Tallmo kommun").item
    assert client.get(f"/uppfoljning/punkt/{item.id}/").status_code == 200
    assert client.get("/uppfoljning/logg/").status_code == 200


def test_coordinator_sees_forms(scenario: dict) -> None:
    page = _client(scenario["coordinator"]).get(f"/uppfoljning/rekommendation/{scenario['rec'].id}/")
    assert '<label for="status-' in page.content.decode()


def test_nobody_else_can_change_anything(scenario: dict) -> None:
    from beslutskoll.followup.models import AuditEntry
    from beslutskoll.store.models import Assignment

    rec = scenario["rec"]
    cell = _cell(rec, "Tallmo kommun")
    assignment = Assignment.objects.get(task__startswith="Planera")
    posts = [
        (f"/uppfoljning/andra/part/{cell.id}/", {"status": "avslagen"}),
        (f"/uppfoljning/andra/rekommendation/{rec.id}/", {"avslutad": "1"}),
        (f"/uppfoljning/andra/uppdrag/{assignment.id}/", {"status": "klar"}),
    ]
    for url, data in posts:
        anonymous = _client().post(url, data)
        assert anonymous.status_code == 302 and "/login/" in anonymous["Location"]
        assert _client(scenario["outsider"]).post(url, data).status_code == 403
        assert _client(scenario["outsider"]).get(url).status_code == 405
    cell.refresh_from_db()
    rec.refresh_from_db()
    assignment.refresh_from_db()
    assert (cell.status, rec.closed, assignment.status) == ("antagen", False, "oppen")
    assert not AuditEntry.objects.exists()


def test_coordinator_changes_are_logged_and_kept(scenario: dict) -> None:
    from beslutskoll.followup.link import effective_status, refresh
    from beslutskoll.followup.models import AuditEntry
    from beslutskoll.store.models import Assignment

    rec = scenario["rec"]
    client = _client(scenario["coordinator"])
    cell = _cell(rec, "Sjöhults kommun")
    response = client.post(f"/uppfoljning/andra/part/{cell.id}/",
                           {"status": "antagen", "anteckning": "Beslut i fullmäktige enligt telefon",
                            "kommentar": "Kontrollerat med kommunen", "bekrafta": "1"})
    assert response.status_code == 302
    cell.refresh_from_db()
    assert (cell.status, cell.locked) == ("antagen", True)
    entries = list(AuditEntry.objects.order_by("id"))
    assert [(e.username, e.field, e.before, e.after) for e in entries] == [
        ("samordnare", "status", "ej beslutad", "antagen"),
        ("samordnare", "anteckning", "Endast noterad, inget ställningstagande", "Beslut i fullmäktige enligt telefon"),
    ]
    refresh()  # the automatic linking leaves a person's correction alone
    cell.refresh_from_db()
    assert cell.status == "antagen"

    assignment = Assignment.objects.get(task__startswith="Planera")
    assert client.post(f"/uppfoljning/andra/uppdrag/{assignment.id}/", {"status": "klar"}).status_code == 302
    assignment.refresh_from_db()
    assert effective_status(assignment) == "klar"
    refresh()
    assignment.refresh_from_db()
    assert assignment.status == "klar"

    # shown on the pages of the items concerned
    page = _client().get(f"/uppfoljning/rekommendation/{rec.id}/").content.decode()
    assert "Kontrollerat med kommunen" in page and "samordnare" in page
    item_page = _client().get(f"/uppfoljning/punkt/{assignment.item_id}/").content.decode()
    assert "klar" in item_page and "oppen" in item_page
    api = _client().get(f"/api/uppfoljning/rekommendationer/{rec.id}").json()
    assert [e["efter"] for e in api["logg"]][-1] == "antagen"


def test_permission_is_checked_below_the_web_too(scenario: dict) -> None:
    from django.core.exceptions import PermissionDenied

    from beslutskoll.followup import audit

    cell = _cell(scenario["rec"], "Granby kommun")
    with pytest.raises(PermissionDenied):
        audit.change_adoption(scenario["outsider"], cell, status="antagen")


def test_ical_and_csv(scenario: dict) -> None:
    from icalendar import Calendar

    body = scenario["rec"].body
    feed = _client().get(f"/uppfoljning/kalender/organ/{body.id}.ics")
    assert feed["Content-Type"].startswith("text/calendar")
    events = Calendar.from_ical(feed.content).walk("VEVENT")
    assert sorted(str(e.decoded("dtstart")) for e in events) == ["2024-05-31", "2024-09-20", "2025-03-01"]
    mine = Calendar.from_ical(_client().get("/uppfoljning/kalender/uppdragstagare.ics?namn=Kansliet").content)
    assert len(mine.walk("VEVENT")) == 2

    response = _client().get(f"/uppfoljning/uppdrag.csv?organ={body.id}")
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert {r["uppdragstagare"]: r["status"] for r in rows if r["uppdragstagare"] == "Utbildningsgruppen"} \
        == {"Utbildningsgruppen": "Försenad"}
    assert len(rows) == 3


def test_api_lists_recommendations_and_assignments(scenario: dict) -> None:
    client = _client()
    recs = client.get("/api/uppfoljning/rekommendationer?organ=FSN").json()
    assert [r["rekommendation"] for r in recs] == ["FSN 2024-03-15 § 12"]
    assert recs[0]["summering"] == {"antagen": 2, "avslagen": 1, "delvis": 1, "ej beslutad": 2, "okänd": 0}
    assignments = client.get("/api/uppfoljning/uppdrag?organ=FSN").json()
    assert len(assignments) == 3
    assert client.get("/api/uppfoljning/rekommendationer?organ=Finns-inte").status_code == 404


def test_thread_follows_the_matter_across_bodies(scenario: dict) -> None:
    from beslutskoll.followup.threads import thread

    m = scenario["meetings"]
    own = scenario["rec"].item
    dates = [str(i.meeting.date) for i in thread(own)]
    # the recommendation, each party's decision on it and the later follow-up, in date order
    assert dates[0] == "2024-03-15"
    assert {"2024-04-10", "2024-04-20", "2024-05-02", "2024-05-15", "2024-09-20"} <= set(dates)
    assert dates == sorted(dates)
    assert m["tallmo"].items.get().id in {i.id for i in thread(own)}


def test_thread_of_a_named_matter_includes_mere_mentions(db: str, tmp_path: Path) -> None:
    from beslutskoll.followup.threads import timeline

    organisations()
    minutes(tmp_path, "Fjällmarks samverkansnämnd", REGION, "2024-02-02", [
        item("4", "Stöd till unga", summary="Bland annat lyfts en utredning om en integrerad verksamhet, s.k. "
             "Mini-Hus, fram.", decision="Nämnden tar del av informationen."),
    ], short="FSN")
    later = minutes(tmp_path, "Fjällmarks samverkansnämnd", REGION, "2024-11-08", [
        item("9", "Mini-Hus", decision="Nämnden beslutar att arbeta för att Mini Hus startas 2025."),
    ], short="FSN")
    entries = timeline(later.items.get())
    assert [(e["datum"], e["text"]) for e in entries] == [
        ("2024-02-02", "§ 4 Stöd till unga"), ("2024-11-08", "§ 9 Mini-Hus")]
    assert entries[1]["denna"] and not entries[0]["denna"]
