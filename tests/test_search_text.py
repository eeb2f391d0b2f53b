"""Search terms and the query language (no database)."""

from __future__ import annotations

from beslutskoll.store.search.query import parse_query
from beslutskoll.store.search.text import fold, ocr_variants, term, terms


def test_terms_are_folded_and_stemmed() -> None:
    assert fold("Vård Ärende Öppet Café") == "vard arende oppet cafe"
    assert term("avtalet") == term("avtalen") == term("Avtal")
    assert term("vården") == term("varden") == term("VÅRD")
    assert term("mötet") == term("motet")
    assert terms("Per-Olof_Hedqvist, § 12") == ["per", "olof", "hedqvist", "12"]


def test_ocr_variants_read_e_acute_as_swedish_letters() -> None:
    assert term("mötet") in ocr_variants("Métet")
    assert ocr_variants("möte") == ()


def test_query_language() -> None:
    query = parse_query('"vård och omsorg" budget* skola OR förskola -bygglov och')
    groups = query.groups
    assert [c.terms for c in groups[0]] == [(term("vård"), "och", term("omsorg"))]
    assert groups[1][0].prefix == "budget"
    assert [c.terms for c in groups[2]] == [(term("skola"),), (term("förskola"),)]
    assert len(groups) == 3  # "och" alone is dropped
    assert [c.terms for c in query.excluded] == [(term("bygglov"),)]
    assert parse_query("och att").groups  # kept when nothing else is asked
    assert parse_query('  "" * - ').empty
