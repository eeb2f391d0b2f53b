"""Search over the register: Swedish matching, filters, facets, ranking, snippets, index upkeep.

Runs on SQLite, and on PostgreSQL when BESLUTSKOLL_TEST_DB is set (scripts/test), with
fictional items made through the ORM (or the bundled examples, ingested).
"""

from __future__ import annotations

import dataclasses
import json
import uuid
from datetime import date
from pathlib import Path

import pytest

from conftest import EXAMPLES, cli_env, fresh_database, run_cli

pytestmark = pytest.mark.register


def make_meeting(
    day: date | None,
    items: list[dict],
    *,
    body: str = "Tekniska nämnden",
    abbreviation: str = "TN",
    organisation: str = "Ekbacka kommun",
    attendees: tuple[tuple[str, str], ...] = (),
):
    """A meeting with its items, stored through the ORM and indexed as ingest does."""
    from beslutskoll.store.models import (
        AgendaItem,
        Attendance,
        Body,
        Meeting,
        Organisation,
        Person,
        SourceFile,
    )
    from beslutskoll.store.search import index_meeting

    org, _ = Organisation.objects.get_or_create(name=organisation)
    body_row, _ = Body.objects.get_or_create(name=body, defaults={"abbreviation": abbreviation, "organisation": org})
    source = SourceFile.objects.create(
        sha256=uuid.uuid4().hex * 2, name="p.txt", source_path=f"/tmp/{uuid.uuid4().hex}", size=1, extraction={}
    )
    meeting = Meeting.objects.create(body=body_row, file=source, document_type="protokoll", date=day)
    for position, (name, party) in enumerate(attendees):
        person, _ = Person.objects.get_or_create(name=name, defaults={"party": party})
        Attendance.objects.create(meeting=meeting, person=person, party=party, position=position)
    for position, fields in enumerate(items):
        fields = dict(fields)
        presenters = fields.pop("presenters", [])
        item = AgendaItem.objects.create(meeting=meeting, position=position, number=str(position + 1), **fields)
        for name, party in presenters:
            person, _ = Person.objects.get_or_create(name=name, defaults={"party": party})
            item.presenters.add(person)
    index_meeting(meeting)
    return meeting


def titles(query: str, filters=None, **kwargs) -> list[str]:
    from beslutskoll.store.search import search

    return [hit.title for hit in search(query, filters, **kwargs).hits]


def test_diacritics_both_ways(db: str) -> None:
    make_meeting(date(2024, 3, 1), [
        {"title": "Vården i hemtjänsten", "decision": "Nämnden godkänner planen."},
        {"title": "Vardagsrummet", "decision": "Utan prickar skrivet: vardplan for aldreomsorgen."},
    ])
    assert titles("varden") == ["Vården i hemtjänsten"]
    assert titles("VÅRD") == ["Vården i hemtjänsten"]
    assert titles("vårdplan") == ["Vardagsrummet"]
    assert titles("äldreomsorgen") == ["Vardagsrummet"]


def test_ocr_damaged_letters_are_found(db: str) -> None:
    make_meeting(date(2024, 3, 1), [
        {"title": "Métet öppnas", "decision": "Ordféranden hélsar välkommen."},
        {"title": "Ny idé om parker", "decision": "Idén remitteras."},
    ])
    assert titles("mötet") == ["Métet öppnas"]
    assert titles("ordförande") == ["Métet öppnas"]
    assert titles("ide") == ["Ny idé om parker"]


def test_stemming_joins_inflections(db: str) -> None:
    make_meeting(date(2024, 3, 1), [
        {"title": "Avtalet med Solgläntan", "decision": "Avtalet förlängs."},
        {"title": "Nya hyresavtal", "summary": "Avtalen gäller från årsskiftet."},
        {"title": "Budget 2025", "decision": "Budgeten fastställs."},
    ])
    assert sorted(titles("avtal")) == ["Avtalet med Solgläntan", "Nya hyresavtal"]
    assert titles("budgetens") == ["Budget 2025"]


def test_phrase_prefix_or_and_not(db: str) -> None:
    make_meeting(date(2024, 3, 1), [
        {"title": "Plan för vård och omsorg", "decision": "Planen antas."},
        {"title": "Omsorg och vård i samverkan", "decision": "Informationen noteras."},
        {"title": "Förskoleklass i Ekby", "decision": "Förskolan utökas."},
        {"title": "Skolskjuts", "decision": "Bifalles."},
    ])
    assert titles('"vård och omsorg"') == ["Plan för vård och omsorg"]
    assert titles('"vard och omsorg"') == ["Plan för vård och omsorg"]
    assert titles("förskol*") == ["Förskoleklass i Ekby"]
    assert titles("forskoleklass*") == ["Förskoleklass i Ekby"]
    assert sorted(titles("skolskjuts OR förskolan")) == ["Förskoleklass i Ekby", "Skolskjuts"]
    assert titles("omsorg -samverkan") == ["Plan för vård och omsorg"]
    assert titles('omsorg -"i samverkan"') == ["Plan för vård och omsorg"]
    # a query of small words only still searches for them
    assert sorted(titles("och")) == ["Omsorg och vård i samverkan", "Plan för vård och omsorg"]
    assert titles("") != []  # an empty query lists everything


def _corpus() -> None:
    make_meeting(
        date(2023, 5, 10),
        [
            {"title": "Detaljplan för Strandängen", "decision": "Nämnden godkänner detaljplanen.",
             "decision_kinds": ["approval"], "presenters": [("Karin Holm", "")]},
            {"title": "Detaljplan för Norra hamnen", "decision": "Ärendet bordläggs.",
             "decision_kinds": ["deferral"]},
        ],
        attendees=(("Olle Berg", "S"), ("Mona Lind", "M")),
    )
    make_meeting(
        date(2025, 2, 3),
        [
            {"title": "Detaljplan för skolan", "decision": "Nämnden avslår detaljplanen.",
             "decision_kinds": ["rejection"]},
        ],
        body="Kommunstyrelsen", abbreviation="KS", organisation="Ekbacka kommun",
        attendees=(("Olle Berg", "S"), ("Siv Ek", "SD")),
    )
    make_meeting(
        date(2025, 4, 1),
        [{"title": "Detaljplan i Regionen", "decision": "Godkänns.", "decision_kinds": ["approval"]}],
        body="Regionstyrelsen", abbreviation="RS", organisation="Region Ekland",
        attendees=(("Per Ås", "C"),),
    )


def test_filters(db: str) -> None:
    from beslutskoll.store.models import Body
    from beslutskoll.store.search import Filters

    _corpus()
    assert len(titles("detaljplan")) == 4
    assert sorted(titles("detaljplan", Filters(body="Tekniska nämnden"))) == [
        "Detaljplan för Norra hamnen", "Detaljplan för Strandängen"]
    assert len(titles("detaljplan", Filters(body="KS"))) == 1
    assert len(titles("detaljplan", Filters(body=str(Body.objects.get(name="Regionstyrelsen").id)))) == 1
    assert titles("detaljplan", Filters(body="Okänd nämnd")) == []
    assert titles("detaljplan", Filters(organisation="Region Ekland")) == ["Detaljplan i Regionen"]
    assert len(titles("detaljplan", Filters(date_from=date(2025, 1, 1)))) == 2
    assert len(titles("detaljplan", Filters(date_to=date(2023, 5, 10)))) == 2
    assert titles("detaljplan", Filters(date_from=date(2025, 2, 1), date_to=date(2025, 2, 28))) == [
        "Detaljplan för skolan"]
    assert len(titles("detaljplan", Filters(year=2023))) == 2
    assert sorted(titles("detaljplan", Filters(kind="approval"))) == [
        "Detaljplan för Strandängen", "Detaljplan i Regionen"]
    assert titles("detaljplan", Filters(kind="Avslag")) == ["Detaljplan för skolan"]
    assert titles("detaljplan", Filters(person="Karin Holm")) == ["Detaljplan för Strandängen"]
    assert len(titles("detaljplan", Filters(person="olle berg"))) == 3
    assert titles("detaljplan", Filters(person="Per As")) == ["Detaljplan i Regionen"]
    assert titles("detaljplan", Filters(party="SD")) == ["Detaljplan för skolan"]
    assert len(titles("detaljplan", Filters(party="S", year=2025))) == 1
    assert len(titles("", Filters(party="s"))) == 3
    # with words, filters test the entry key's bits; without, the index's tokens: the same items
    everything = set(titles("detaljplan"))
    for filters in (Filters(body="Tekniska nämnden"), Filters(organisation="Region Ekland"),
                    Filters(kind="approval"), Filters(party="SD"), Filters(party="S")):
        assert set(titles("detaljplan", filters)) == everything & set(titles("", filters)), filters


def test_facet_counts_cover_all_matches(db: str) -> None:
    from beslutskoll.store.search import search

    _corpus()
    result = search("detaljplan", per_page=1)
    assert result.total == 4 and len(result.hits) == 1
    facets = {name: {v.label: v.count for v in values} for name, values in result.facets.items()}
    assert facets["organisation"] == {"Ekbacka kommun": 3, "Region Ekland": 1}
    assert facets["body"] == {"Tekniska nämnden (TN)": 2, "Kommunstyrelsen (KS)": 1, "Regionstyrelsen (RS)": 1}
    assert facets["year"] == {"2023": 2, "2025": 2}
    assert facets["kind"] == {"Godkännande": 2, "Bordläggning": 1, "Avslag": 1}
    assert facets["party"] == {"S": 3, "M": 2, "SD": 1, "C": 1}
    assert [v.value for v in result.facets["year"]] == ["2025", "2023"]
    kind = result.facets["kind"][0]
    assert (kind.value, kind.count) == ("approval", 2)


def test_a_renamed_body_is_named_anew_in_the_facets(db: str) -> None:
    """The facets' place names are kept in memory; renaming a body (in the admin) forgets them."""
    from beslutskoll.store.models import Body
    from beslutskoll.store.search import search

    _corpus()
    assert "Tekniska nämnden (TN)" in {v.label for v in search("detaljplan").facets["body"]}
    body = Body.objects.get(name="Tekniska nämnden")
    body.name = "Samhällsbyggnadsnämnden"
    body.save()
    labels = {v.label for v in search("detaljplan").facets["body"]}
    assert "Samhällsbyggnadsnämnden (TN)" in labels and "Tekniska nämnden (TN)" not in labels


def test_facets_of_many_matches_count_the_most_recent_and_say_so(db: str, monkeypatch) -> None:
    import beslutskoll.store.search as engine
    from beslutskoll.store.search import Filters, search

    _corpus()
    monkeypatch.setattr(engine, "FACET_LIMIT", 3)
    result = search("detaljplan")
    assert result.total == 4 and result.facets_counted == 3 and result.facets_limited
    facets = {name: {v.label: v.count for v in values} for name, values in result.facets.items()}
    assert facets["year"] == {"2025": 2, "2023": 1}  # the three most recent of the four
    assert sum(facets["organisation"].values()) == 3
    assert result.facets_note == "Antalen i filtren gäller de 3 senaste av 4 träffar."
    assert len(result.hits) == 4  # ranking and the total are not limited
    within = search("detaljplan", Filters(year=2025))
    assert (within.total, within.facets_counted, within.facets_note) == (2, 2, "")


def test_the_ranked_window_holds_the_most_recent_matches(db: str, monkeypatch) -> None:
    """Only the RANK_WINDOW most recent matches are ranked: with AND, OR and filters too, and
    pages past the window still come in order (engines find the window without ORDER BY DESC)."""
    import beslutskoll.store.search as engine
    from beslutskoll.store.search import Filters, search

    for year in range(2015, 2025):
        make_meeting(date(year, 3, 1), [
            {"title": f"Avtal om skolskjuts {year}", "decision": "Avtalet godkänns."},
            {"title": f"Avtal om bibliotek {year}", "decision": "Avtalet godkänns."},
        ], body="Kommunstyrelsen" if year % 2 else "Tekniska nämnden", abbreviation="KS" if year % 2 else "TN")
    monkeypatch.setattr(engine, "RANK_WINDOW", 3)
    result = search("avtal skolskjuts", per_page=3)
    assert result.total == 10
    assert sorted(h.meeting_date[:4] for h in result.hits) == ["2022", "2023", "2024"]
    filtered = search("avtal (skolskjuts OR bibliotek)", Filters(body="KS"), per_page=3)
    assert filtered.total == 10
    assert sorted(h.meeting_date[:4] for h in filtered.hits) == ["2021", "2023", "2023"]
    pages = [search("avtal skolskjuts", page=n, per_page=3).hits for n in range(1, 5)]
    assert sum(len(hits) for hits in pages) == 10
    assert len({h.item_id for hits in pages for h in hits}) == 10


def test_ranking_relevance_then_recency(db: str) -> None:
    from beslutskoll.store.search import search

    make_meeting(date(2016, 1, 20), [{"title": "Avtal om städning", "decision": "Nämnden godkänner."}])
    make_meeting(date(2025, 1, 20), [{"title": "Övriga frågor", "summary": "Kort om ett avtal bland annat."}])
    make_meeting(date(2019, 6, 1), [{"title": "Lekplats", "decision": "Lekplatsen rustas."}])
    make_meeting(date(2024, 6, 1), [{"title": "Lekplats", "decision": "Lekplatsen rustas."}])
    assert titles("avtal") == ["Avtal om städning", "Övriga frågor"]
    hits = search("lekplats").hits
    assert [h.meeting_date for h in hits] == ["2024-06-01", "2019-06-01"]
    assert hits[0].score > hits[1].score > 0
    assert [h.meeting_date for h in search("").hits][:2] == ["2025-01-20", "2024-06-01"]


def test_snippet_marks_matches_and_escapes_html(db: str) -> None:
    from beslutskoll.store.search import search

    make_meeting(date(2024, 1, 1), [{
        "title": "Avtal <b>fet</b>",
        "summary": "Inget om saken.",
        "decision": "Avtalen & <script>alert(1)</script> villkoren godkänns; avtalet gäller.",
    }])
    (hit,) = search("avtal").hits
    assert "<mark>Avtalen</mark>" in hit.snippet and "<mark>avtalet</mark>" in hit.snippet
    assert "&amp;" in hit.snippet and "&lt;script&gt;" in hit.snippet
    assert "<script>" not in hit.snippet
    assert hit.url == f"/arende/{hit.item_id}/" and hit.body == "Tekniska nämnden (TN)"
    (phrase,) = search('"villkoren godkänns"').hits
    assert "<mark>villkoren</mark> <mark>godkänns</mark>" in phrase.snippet


def test_long_text_snippet_is_a_window_around_the_match(db: str) -> None:
    from beslutskoll.store.search import search

    filler = " ".join(["ord"] * 80)
    make_meeting(date(2024, 1, 1), [{"title": "Lång text", "decision": f"{filler} om parkeringsnormen {filler}"}])
    (hit,) = search("parkeringsnorm").hits
    assert hit.snippet.startswith("… ") and hit.snippet.endswith(" …")
    assert "<mark>parkeringsnormen</mark>" in hit.snippet
    assert len(hit.snippet.split()) < 40


def test_pagination(db: str) -> None:
    from beslutskoll.store.search import search

    make_meeting(date(2024, 1, 1), [{"title": f"Remiss nummer {i}", "decision": "Remissen besvaras."}
                                    for i in range(7)])
    first, last = search("remiss", per_page=5), search("remiss", page=2, per_page=5)
    assert first.total == last.total == 7
    assert len(first.hits) == 5 and len(last.hits) == 2
    assert not {h.item_id for h in first.hits} & {h.item_id for h in last.hits}
    nothing = search("xyzzyplugh")
    assert (nothing.total, nothing.hits) == (0, [])
    assert nothing.facets == {name: [] for name in ("organisation", "body", "year", "kind", "party")}


def _index_counts() -> tuple[int, int, int]:
    """Items, index entries and (on SQLite) FTS5 rows."""
    from django.db import connection

    from beslutskoll.store.models import AgendaItem
    from beslutskoll.store.search.models import Entry

    fts = Entry.objects.count()
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM search_fts")
            fts = cursor.fetchone()[0]
    return AgendaItem.objects.count(), Entry.objects.count(), fts


def _parsed(name: str):
    from beslutskoll.store.ingest import Parsed

    return Parsed.of(EXAMPLES / name)


def test_replacing_a_document_leaves_no_stale_index_rows(db: str, tmp_path: Path) -> None:
    from beslutskoll.store.ingest import sha256_of, store
    from beslutskoll.store.search import search

    path = tmp_path / "protokoll.txt"
    path.write_bytes((EXAMPLES / "protokoll-socialnamnden.txt").read_bytes())
    parsed = dataclasses.replace(_parsed("protokoll-socialnamnden.txt"), path=path)
    assert store(parsed) == "ny"
    items, entries, fts = _index_counts()
    assert items == entries == fts > 0
    assert search("").total == items

    changed = json.loads(json.dumps(parsed.extraction))
    changed["items"][0]["title"] = "Zebrafinkar i stadsparken"
    changed["items"] = changed["items"][:3]
    # a new version of the same file (ingest checks the bytes against their hash)
    path.write_bytes(path.read_bytes() + b"\nJusteringen sker den 3 mars.\n")
    assert store(dataclasses.replace(parsed, sha256=sha256_of(path), extraction=changed)) == "ersatt"
    assert _index_counts() == (3, 3, 3)
    assert titles("zebrafinkar") == ["Zebrafinkar i stadsparken"]
    assert search("").total == 3


def test_deleting_a_meeting_removes_its_entries(db: str) -> None:
    meeting = make_meeting(date(2024, 1, 1), [{"title": "Bygglov", "decision": "Beviljas."}])
    assert titles("bygglov") == ["Bygglov"]
    meeting.delete()
    assert _index_counts() == (0, 0, 0)
    assert titles("bygglov") == []


def test_rebuild_index_gives_the_same_results(db: str) -> None:
    from beslutskoll.store.search import rebuild_index, search

    _corpus()
    before = search("detaljplan")
    assert rebuild_index() == 4
    after = search("detaljplan")
    assert [h.item_id for h in after.hits] == [h.item_id for h in before.hits]
    assert after.facets == before.facets
    assert _index_counts() == (4, 4, 4)


def test_cli_search_json_and_text(tmp_path: Path) -> None:
    env = cli_env(fresh_database(tmp_path, "search"), tmp_path / "data")
    ingest = run_cli("ingest", *sorted(EXAMPLES.glob("*.txt")), env=env)
    assert ingest.returncode == 0, ingest.stderr

    result = run_cli("search", "mötet", "--json", "--limit", "3", env=env)
    assert result.returncode == 0, result.stderr
    hits = json.loads(result.stdout)
    assert 0 < len(hits) <= 3
    for hit in hits:
        assert {"body", "meeting_date", "item_number", "title", "snippet", "url"} <= hit.keys()
        assert hit["url"].startswith("/arende/")
    absolute = json.loads(run_cli("search", "mötet", "--json", "--base-url", "http://h:8000/", env=env).stdout)
    assert absolute[0]["url"].startswith("http://h:8000/arende/")

    text = run_cli("search", "motet", "--kind", "approval", env=env)
    assert text.returncode == 0, text.stderr
    assert "träffar för 'motet'" in text.stdout and "Beslutstyp:" in text.stdout
    none = run_cli("search", "xyzzyplugh", env=env)
    assert none.returncode == 0 and "Inga träffar" in none.stdout

    bad = run_cli("search", "mötet", "--from", "2024-13-45", env=env)
    assert bad.returncode == 2
    assert bad.stderr.strip().count("\n") == 0 and "ogiltigt datum" in bad.stderr

    reindex = run_cli("reindex", env=env)
    assert reindex.returncode == 0 and "ärendepunkter" in reindex.stdout


def test_a_corrected_item_is_reindexed_when_saved(db: str) -> None:
    from django.test import TestCase

    from beslutskoll.store.models import AgendaItem

    meeting = make_meeting(date(2024, 1, 1), [{"title": "Skolskjuts", "decision": "Bifalles."}])
    item = AgendaItem.objects.get(meeting=meeting)
    with TestCase.captureOnCommitCallbacks(execute=True):
        item.title = "Skolskjutsar till Ekby"
        item.save()
    assert titles("ekby") == ["Skolskjutsar till Ekby"]


def test_local_parties_share_a_facet_value_but_filter_exactly(db: str) -> None:
    from beslutskoll.store.search import Filters, search

    make_meeting(date(2024, 1, 1), [{"title": "Badplats", "decision": "Godkänns."}],
                 attendees=(("Eva Strand", "S"), ("Ola Falk", "Ekbackapartiet")))
    facets = {v.label: v.count for v in search("badplats").facets["party"]}
    assert facets == {"S": 1, "Övriga partier": 1}
    assert titles("badplats", Filters(party="Ekbackapartiet")) == ["Badplats"]
    assert titles("badplats", Filters(party="övriga")) == ["Badplats"]
    assert titles("badplats", Filters(party="M")) == []


def test_a_register_without_index_is_indexed_on_the_first_search(db: str) -> None:
    import beslutskoll.store.search as search_module
    from beslutskoll.store.search.models import Entry

    make_meeting(date(2024, 1, 1), [{"title": "Vinterväghållning", "decision": "Godkänns."}])
    Entry.objects.all().delete()  # as in a register filled before the search app existed
    search_module._index_checked = False
    assert titles("vinterväghållning") == ["Vinterväghållning"]
    assert _index_counts() == (1, 1, 1)
