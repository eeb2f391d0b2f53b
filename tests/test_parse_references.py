"""References to earlier decisions in an item's text, on fictional sentences."""

from __future__ import annotations

import pytest

from beslutskoll.parse.references import find_references

MEETING = "2025-05-20"
OWN = "Kulturnämnden"


def refs(text: str) -> list[tuple[str | None, str | None, str | None]]:
    return [(r.body, r.date, r.number) for r in find_references(text, MEETING, OWN)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a body that decided, with verb, date and paragraph
        ("Tekniska nämnden fastställde riktlinjerna den 12 mars 2024 § 31.", [("Tekniska nämnden", "2024-03-12", "31")]),
        # the genitive, lower case, and a verb after the body's object
        ("Enligt kommunstyrelsens plan som antogs den 3 februari 2025 § 9 ska arbetet fortsätta.",
         [("Kommunstyrelsen", "2025-02-03", "9")]),
        # an abbreviation in the genitive, a meeting, no paragraph
        ("Vid FSN:s sammanträde den 14 april 2025 beslutade FSN att rekommendera kommunerna.",
         [("FSN", "2025-04-14", None)]),
        # minutes named by the body, paragraphs written out, and a second date of the same body
        ("Barnnämndens protokoll 2024-11-05 paragraf 88 samt 2025-01-14 paragraf 4 bifogas.",
         [("Barnnämnden", "2024-11-05", "88"), ("Barnnämnden", "2025-01-14", "4")]),
        # a hyphenated compound: "Ungdomsrådet-protokoll"
        ("Ungdomsrådet-protokoll 8 april 2025", [("Ungdomsrådet", "2025-04-08", None)]),
        # no body named: a passive decision is the meeting's own body's
        ("Handlingsplanen fastställdes 18 mars 2025 § 22.", [(OWN, "2025-03-18", "22")]),
        # the § sign lost in a flattened transcript
        ("Kommunfullmäktige fastställde den 16 december 2024, 141, sammanträdesplanen.",
         [("Kommunfullmäktige", "2024-12-16", "141")]),
        # a date split by a lost digit's space
        ("Rättelse av § 12, protokoll från 2025-04- 22.", [(OWN, "2025-04-22", "12")]),
    ],
)
def test_references_found(text: str, expected: list) -> None:
    assert refs(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Sammanträdesdatum 2025-04-02",  # a header, not a decision
        "Förvaltningen ska redovisa senast den 30 september 2025 till nämnden.",  # a deadline ahead
        "Redovisningen ska ske senast den 1 mars 2025 enligt beslutet.",  # a deadline, even if past
        "Sammanträdena hölls stängda under perioden 2025-03-01 – 2025-04-30 enligt beslut.",  # a period
        "Målgruppen har beslutat om schemat den 4 april 2025.",  # a group of people, no body
        "Tjänsteskrivelse 2025-04-30",  # a document's date
    ],
)
def test_no_reference(text: str) -> None:
    assert refs(text) == []
