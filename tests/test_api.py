"""The read-only JSON API on the project's fictional examples: lists with totals, details, search, errors,
OpenAPI description and CORS."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.register


def get(client, url: str, status: int = 200, **params) -> dict:
    response = client.get(url, params)
    assert response.status_code == status, (url, response.content[:300])
    assert response["Content-Type"].startswith("application/json")
    return response.json()


def test_openapi_description_and_docs(client) -> None:
    spec = get(client, "/api/openapi.json")
    paths = spec["paths"]
    for path in (
        "/api/organisations", "/api/organisations/{organisation_id}", "/api/bodies", "/api/bodies/{body_id}",
        "/api/meetings", "/api/meetings/{meeting_id}", "/api/items", "/api/items/{item_id}",
        "/api/people", "/api/people/{person_id}", "/api/search",
    ):
        assert set(paths[path]) == {"get"}, path  # read-only
    search_params = {p["name"]: p for p in paths["/api/search"]["get"]["parameters"]}
    assert {"q", "organisation", "body", "year", "kind", "party", "person", "date_from", "date_to",
            "limit", "offset"} <= set(search_params)
    assert search_params["q"]["description"].startswith("Sökord")
    docs = client.get("/api/docs")
    assert docs.status_code == 200 and b"cdn." not in docs.content  # Swagger UI from our own static files


def test_lists_are_paged_with_totals(client) -> None:
    first = get(client, "/api/meetings", limit=2)
    assert (first["count"], first["limit"], first["offset"], len(first["items"])) == (5, 2, 0, 2)
    rest = get(client, "/api/meetings", limit=2, offset=4)
    assert len(rest["items"]) == 1
    dates = [m["date"] for m in first["items"]]
    assert dates == sorted(dates, reverse=True)
    # the store may know every kommun and region beforehand; the examples' four are among them
    organisations = get(client, "/api/organisations", limit=1)
    assert organisations["count"] >= 4 and len(organisations["items"]) == 1
    found = get(client, "/api/organisations", name="västerfjäll")
    assert [o["name"] for o in found["items"]] == ["Region Västerfjäll"]
    people = get(client, "/api/people", name="berg")
    assert people["count"] >= 2 and all("berg" in p["name"].lower() for p in people["items"])
    error = get(client, "/api/meetings", status=422, limit=0)
    assert error["detail"] == "Ogiltiga parametrar" and error["errors"][0]["loc"] == ["query", "limit"]
    # ids beyond 64 bits are refused here rather than failing in the database
    get(client, "/api/bodies", status=422, organisation=-(2**70))
    get(client, f"/api/meetings/{2**64}", status=422)
    get(client, "/api/people", status=422, offset=2**40)


def test_bodies_and_organisations(client) -> None:
    orgs = get(client, "/api/organisations", limit=200, with_bodies=True)["items"]
    assert len(orgs) == 4
    norrvik = next(o for o in orgs if o["name"] == "Norrviks kommun")
    assert get(client, f"/api/organisations/{norrvik['id']}")["url"] == f"/organisation/{norrvik['id']}/"
    bodies = get(client, "/api/bodies", organisation=norrvik["id"])
    assert [b["name"] for b in bodies["items"]] == ["Socialnämnden"]
    body = get(client, f"/api/bodies/{bodies['items'][0]['id']}")
    assert body["abbreviation"] == "SN" and body["kind"] == {"code": "namnd", "label": "Nämnd"}
    meetings = get(client, "/api/meetings", body=body["id"])
    assert meetings["count"] == 1 and meetings["items"][0]["date"] == "2025-02-19"


def test_meeting_with_items_and_attendance(client) -> None:
    listed = get(client, "/api/meetings", date_from="2025-02-01", date_to="2025-02-28")
    assert listed["count"] == 1
    meeting = get(client, f"/api/meetings/{listed['items'][0]['id']}")
    assert meeting["body"]["name"] == "Socialnämnden"
    assert meeting["document_type"] == {"code": "protokoll", "label": "Protokoll"}
    assert (meeting["start"], meeting["end"]) == ("09:00", "15:30") and meeting["chair"]["name"] == "Ingela Markström"
    assert meeting["file"]["name"] == "protokoll-socialnamnden.pdf" and len(meeting["file"]["sha256"]) == 64
    helena = next(a for a in meeting["attendance"] if a["person"]["name"] == "Helena Strömbäck")
    assert helena["replaces"]["name"] == "Lars Nyhed" and helena["group"]["label"] == "Beslutande"
    numbers = [i["number"] for i in meeting["items"]]
    assert numbers == ["12", "13", "14", "15", "16", "17"]
    plan = meeting["items"][2]
    assert {"code": "approval", "label": "Godkännande"} in plan["decision_kinds"]
    assert plan["assignments"][0]["due"] == "2025-04-30"
    assert plan["assignments"][0]["status"] == {"code": "oppen", "label": "Öppen"}
    assert plan["motions"] and "återremitteras" in plan["motions"][0]["text"]
    assert get(client, f"/api/items/{plan['id']}") == plan
    items = get(client, "/api/items", meeting=meeting["id"], limit=3)
    assert items["count"] == 6 and len(items["items"]) == 3


def test_person(client) -> None:
    found = get(client, "/api/people", name="Erik Lundmark")["items"][0]
    person = get(client, f"/api/people/{found['id']}")
    assert person["meetings"][0]["role"] == "ekonom"
    assert person["meetings"][0]["group"]["code"] == "ovriga"
    item = get(client, f"/api/items/{person['presented_item_ids'][0]}")
    assert item["title"] == "Ekonomisk uppföljning januari 2025"


def test_search_uses_the_engine_with_offsets(client) -> None:
    everything = get(client, "/api/search", q="plan", limit=100)
    assert everything["count"] >= 3
    for hit in everything["items"]:
        assert {"body", "meeting_date", "item_number", "title", "snippet", "url"} <= set(hit)
        assert hit["url"] == f"/arende/{hit['item_id']}/"
    ids = [h["item_id"] for h in everything["items"]]
    window = get(client, "/api/search", q="plan", limit=2, offset=1)
    assert [h["item_id"] for h in window["items"]] == ids[1:3]
    assert window["count"] == everything["count"]
    dated = get(client, "/api/search", q="plan", date_from="2025-01-01")
    assert all(h["meeting_date"] >= "2025-01-01" for h in dated["items"])


def test_not_found_and_cors(client) -> None:
    assert get(client, "/api/meetings/999999", status=404) == {"detail": "Sammanträdet finns inte"}
    assert get(client, "/api/people/999999", status=404) == {"detail": "Personen finns inte"}
    response = client.get("/api/organisations", HTTP_ORIGIN="https://example.org")
    assert response["Access-Control-Allow-Origin"] == "*"
    preflight = client.options(
        "/api/organisations", HTTP_ORIGIN="https://example.org", HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET"
    )
    assert preflight.status_code == 200 and "GET" in preflight["Access-Control-Allow-Methods"]
    assert "Access-Control-Allow-Origin" not in client.get("/", HTTP_ORIGIN="https://example.org")
