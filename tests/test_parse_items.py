"""Item segmentation and item content on fictional snippets."""

from __future__ import annotations

from beslutskoll.parse import parse_lines


def _items(text: str):
    return parse_lines(text.split("\n")).items


FRONT = (
    "1 Miljönämnden Sammanträdesdatum Sida 1 (9) Plats och tid Stadshuset, Ekby kl 9.00 Beslutande "
    "Anna Berg (S), ordförande Per Lund (M) Utses att justera Per Lund Paragrafer 4 9 Underskrifter "
    "Sekreterare Ordförande Justerande Maja Ek Anna Berg Per Lund"
)


def test_flattened_page_starting_with_its_paragraph():
    text = (
        f"{FRONT}\n\n2 Miljönämnden Sammanträdesdatum Sida 2 (9) 4 Tillsynsplan för året Sammanfattning "
        "Förvaltningen har tagit fram en plan för tillsynen under året. Beslut Nämnden godkänner planen."
    )
    items = _items(text)
    assert [(i.number, i.title) for i in items] == [("4", "Tillsynsplan för året")]


def test_inline_head_with_acronym_title():
    text = (
        "Minnesanteckningar Samrådsgruppen\n\n"
        "1 Mötets öppnande Ordföranden hälsade välkommen och öppnade mötet. "
        "2 NOVA ett projekt om digital service Kim Ås informerar om projektet och dess mål."
    )
    items = _items(text)
    assert [i.number for i in items] == ["1", "2"]
    assert items[1].title.startswith("NOVA ett projekt")
