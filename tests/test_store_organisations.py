"""Organisations: all 290 kommuner, 21 regions and 21 län with SCB codes; names as documents write them."""

from __future__ import annotations

from collections import Counter

import pytest

from beslutskoll.store import organisations
from beslutskoll.store.organisations import COUNTY, MUNICIPALITY, REGION

# kommuner per län (SCB), the check the data file must pass
PER_COUNTY = {
    "01": 26, "03": 8, "04": 9, "05": 13, "06": 13, "07": 8, "08": 12, "09": 1, "10": 5, "12": 33,
    "13": 6, "14": 49, "17": 16, "18": 12, "19": 10, "20": 15, "21": 10, "22": 7, "23": 8, "24": 15, "25": 14,
}


def test_data_file_has_every_kommun_region_and_lan() -> None:
    rows = organisations.known()
    kinds = Counter(r.kind for r in rows)
    assert kinds == {MUNICIPALITY: 290, REGION: 21, COUNTY: 21}
    kommuner = [r for r in rows if r.kind == MUNICIPALITY]
    assert Counter(r.county_code for r in kommuner) == PER_COUNTY
    assert all(len(r.scb_code) == 4 and r.scb_code[:2] == r.county_code for r in kommuner)
    assert len({r.scb_code for r in kommuner}) == 290
    assert len({r.name for r in rows}) == len(rows)
    for kind in (REGION, COUNTY):
        assert {r.scb_code for r in rows if r.kind == kind} == set(PER_COUNTY)


@pytest.mark.parametrize(
    ("kind", "code", "name"),
    [
        (MUNICIPALITY, "2313", "Strömsunds kommun"),
        (MUNICIPALITY, "2380", "Östersunds kommun"),
        (MUNICIPALITY, "0180", "Stockholms kommun"),
        (MUNICIPALITY, "2080", "Falu kommun"),
        (MUNICIPALITY, "1421", "Orust kommun"),
        (MUNICIPALITY, "0139", "Upplands-Bro kommun"),
        (MUNICIPALITY, "0980", "Gotlands kommun"),
        (MUNICIPALITY, "2584", "Kiruna kommun"),
        (MUNICIPALITY, "1280", "Malmö kommun"),
        (REGION, "23", "Region Jämtland Härjedalen"),
        (REGION, "14", "Västra Götalandsregionen"),
        (REGION, "01", "Region Stockholm"),
        (COUNTY, "23", "Jämtlands län"),
        (COUNTY, "12", "Skåne län"),
    ],
)
def test_spot_checks(kind: str, code: str, name: str) -> None:
    assert any((r.kind, r.scb_code, r.name) == (kind, code, name) for r in organisations.known())


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("Strömsunds kommun", (MUNICIPALITY, "2313")),
        ("Östersund kommun", (MUNICIPALITY, "2380")),
        ("ÖSTERSUNDS KOMMUN", (MUNICIPALITY, "2380")),
        ("Östersunds kommun ", (MUNICIPALITY, "2380")),
        ("Region Jämtland Härjedalen", (REGION, "23")),
        ("Regionen Jämtland Härjedalen", (REGION, "23")),
        ("Region Jämtland-Härjedalen", (REGION, "23")),
        ("Västra Götalandsregionen", (REGION, "14")),
        ("Region Västra Götaland", (REGION, "14")),
        ("Region Jönköpings län", (REGION, "06")),
        ("Jämtlands län", (COUNTY, "23")),
        ("Malmö stad", (MUNICIPALITY, "1280")),
        ("Falun", (MUNICIPALITY, "2080")),
        ("Falu kommun", (MUNICIPALITY, "2080")),
        ("Upplands Bro kommun", (MUNICIPALITY, "0139")),
        ("Bräcke", (MUNICIPALITY, "2305")),
        ("Norrvikens kommun", None),  # fictional
        ("Kommunförbundet Skåne", None),
        ("", None),
    ],
)
def test_lookup(written: str, expected: tuple[str, str] | None) -> None:
    assert organisations.lookup(written) == expected


def test_no_two_organisations_share_a_key() -> None:
    seen: dict[tuple[str | None, str], str] = {}
    for org in organisations.known():
        for spelling in (org.name, *org.aliases):
            kind, place = organisations.split_name(spelling)
            key = (kind or org.kind, place)
            assert seen.setdefault(key, org.scb_code) == org.scb_code, spelling


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kommunstyrelsen i Strömsunds kommun", (MUNICIPALITY, "2313")),
        ("Strömsunds kommuns socialnämnd", (MUNICIPALITY, "2313")),
        ("Hälso- och sjukvårdsnämnden, Region Jämtland Härjedalen", (REGION, "23")),
        ("Västra Götalandsregionens regionstyrelse", (REGION, "14")),
        ("Socialnämnden", None),
        ("Sociala vård och omsorgsgruppen", None),
    ],
)
def test_find_in_text(text: str, expected: tuple[str, str] | None) -> None:
    assert organisations.find_in_text(text) == expected


@pytest.mark.register
def test_loaded_into_the_register_once(db: str) -> None:
    from beslutskoll.store.models import Organisation

    coded = Organisation.objects.exclude(scb_code="")
    assert coded.filter(kind=MUNICIPALITY).count() == 290
    assert coded.filter(kind=REGION).count() == 21
    assert coded.filter(kind=COUNTY).count() == 21
    assert coded.get(kind=MUNICIPALITY, scb_code="2313").county_code == "23"
    assert organisations.load() == 0  # after migrate it is all there: nothing to change


@pytest.mark.register
def test_identity_maps_spellings_to_one_organisation(db: str) -> None:
    from beslutskoll.store.identity import find_organisation, organisation_in
    from beslutskoll.store.models import Organisation

    region = Organisation.objects.get(kind=REGION, scb_code="23")
    assert find_organisation("Region Jämtland Härjedalen") == region
    assert find_organisation("Regionen Jämtland Härjedalen") == region
    assert find_organisation("Östersund kommun") == Organisation.objects.get(kind=MUNICIPALITY, scb_code="2380")
    assert organisation_in("Socialnämnden i Strömsunds kommun").scb_code == "2313"
    # an authority that is not in the list is created once and found again under another spelling
    first = find_organisation("Norrvikens kommun")
    assert first.kind == MUNICIPALITY and first.scb_code == ""
    assert find_organisation("Norrviken kommun") == first


@pytest.mark.parametrize(
    ("name", "kind"),
    [("Norrvikens kommun", MUNICIPALITY), ("Region Västerfjäll", REGION), ("Regionförbundet Örebro län", None),
     ("Kommunförbundet Västernorrland", None), ("Samordningsförbundet Sydnärke", None)],
)
def test_kind_of_unknown_names(name: str, kind: str | None) -> None:
    assert organisations.kind_of(name) == kind
