"""The admin: every register model listed, searchable and editable behind login; corrections kept
with who and when (simple_history)."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import EXAMPLES

pytestmark = pytest.mark.register

MODELS = ["organisation", "body", "bodyalias", "person", "membership", "sourcefile", "meeting",
          "attendance", "matter", "agendaitem", "motion", "assignment", "reference"]


@pytest.fixture
def admin_client(db: str):
    from django.contrib.auth.models import User
    from django.test import Client

    user = User.objects.create_superuser("granskare", "granskare@example.invalid", "hemligt-lösen")
    client = Client(SERVER_NAME="localhost")
    client.force_login(user)
    client.user = user
    return client


@pytest.fixture
def stored(db: str, tmp_path: Path):
    from beslutskoll.store.ingest import Parsed, sha256_of, store
    from beslutskoll.store.models import Meeting

    path = tmp_path / "protokoll.txt"
    path.write_bytes((EXAMPLES / "protokoll-socialnamnden.txt").read_bytes() + b"\nAdmintest.\n")
    store(Parsed.of(path))
    return Meeting.objects.get(file__sha256=sha256_of(path))


def test_admin_needs_login(db: str) -> None:
    from django.test import Client

    response = Client(SERVER_NAME="localhost").get("/admin/store/meeting/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_every_model_has_list_search_change_and_history_pages(admin_client, stored) -> None:
    from django.apps import apps

    for name in MODELS:
        model = apps.get_model("store", name)
        base = f"/admin/store/{name}/"
        assert admin_client.get(base).status_code == 200, name
        assert admin_client.get(base, {"q": "nämnd"}).status_code == 200, name
        obj = model.objects.first()
        if obj is None:
            continue
        assert admin_client.get(f"{base}{obj.pk}/change/").status_code == 200, name
        assert admin_client.get(f"{base}{obj.pk}/history/").status_code == 200, name


def test_meeting_page_shows_its_items_inline(admin_client, stored) -> None:
    page = admin_client.get(f"/admin/store/meeting/{stored.pk}/change/").content.decode()
    for item in stored.items.all():
        assert item.title[:30] in page


def test_correction_is_kept_with_who_and_when(admin_client, stored) -> None:
    from beslutskoll.store.models import AgendaItem

    item = stored.items.first()
    response = admin_client.post(f"/admin/store/agendaitem/{item.pk}/change/", {
        "meeting": stored.pk, "position": item.position, "number": item.number, "title": "Rättad rubrik",
        "case_number": item.case_number, "category": item.category, "summary": item.summary,
        "proposal": item.proposal, "decision": item.decision, "decision_kinds": '["approval"]',
        "documents": "[]", "sent_to": "[]", "page": item.page or "",
        **{f"{prefix}-{field}": value for prefix in ("motions", "assignments", "references")
           for field, value in (("TOTAL_FORMS", 0), ("INITIAL_FORMS", 0), ("MIN_NUM_FORMS", 0),
                                ("MAX_NUM_FORMS", 1000))},
    })
    assert response.status_code == 302, response.content.decode()[:2000]
    item = AgendaItem.objects.get(pk=item.pk)
    assert item.title == "Rättad rubrik"
    latest = item.history.first()
    assert latest.title == "Rättad rubrik" and latest.history_user == admin_client.user
    assert latest.history_date is not None
    assert item.history.count() >= 2  # the ingested version stays in the history


def test_ingested_records_have_their_baseline_in_history(stored) -> None:
    items = list(stored.items.all())
    assert any(item.presenters.exists() for item in items)
    for item in items:
        baseline = item.history.get()
        assert baseline.history_type == "+" and baseline.title == item.title
        assert {p.person_id for p in baseline.presenters.all()} == set(item.presenters.values_list("id", flat=True))
    meeting = stored.history.get()
    assert {p.person_id for p in meeting.adjusters.all()} == set(stored.adjusters.values_list("id", flat=True))
    for attendance in stored.attendances.all():
        assert attendance.history.get().person_id == attendance.person_id
