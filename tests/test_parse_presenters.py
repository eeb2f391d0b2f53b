"""Presenters: name resolution, titles before names, agenda name columns (fictional text)."""

from __future__ import annotations

from beslutskoll.parse.agenda import parse_row
from beslutskoll.parse.presenters import find_presenters, resolve_name


def test_ambiguous_first_name_goes_to_the_chair():
    people = ["Stina Berg", "Stina Holm", "Per Ek"]
    assert resolve_name("Stina", people, chair="Stina Holm") == "Stina Holm"
    assert resolve_name("Per", people) == "Per Ek"


def test_name_takes_the_presence_list_spelling():
    assert resolve_name("Karl Ås Lund", ["Karl Ås-Lund"]) == "Karl Ås-Lund"


def test_title_and_commas_around_the_presenter():
    text = "Tf. ekonomichef, Vera Strand, föredrar bakgrunden till förslaget."
    assert find_presenters(text, [], None) == ["Vera Strand"]


def test_agenda_row_with_organisation_after_the_name():
    title, time, names = parse_row(["Nytt avtal om färdtjänst Jonas Berg, Lina", "för äldre Ekholm (Konsultbyrån) 10:45"])
    assert (title, time, names) == ("Nytt avtal om färdtjänst för äldre", "10:45", ["Jonas Berg", "Lina Ekholm"])


def test_party_after_a_name_marks_a_person_in_the_title():
    _, _, names = parse_row(["Anmälan om att utse Eva Ek (fp)", "Anmälan"])
    assert names == []


def test_presenter_column_with_roles_and_a_time_range():
    row = "Information från skolan Göran Vik, rektor, BUF, Lena Sund, kurator (Kl. 10:15-10:45)"
    assert parse_row([row]) == ("Information från skolan", "10:15", ["Göran Vik", "Lena Sund"])
    assert parse_row([row], names_anywhere=True) == ("Information från skolan", "10:15", ["Göran Vik", "Lena Sund"])


def test_those_taking_part_in_an_item_present_it():
    from beslutskoll.parse.presenters import find_presenters

    text = "Årsrapport, medverkande förbundschef Eva Ek och ekonom Ola Berg. Beslutsärende"
    assert find_presenters(text, ["Eva Ek", "Ola Berg"], None) == ["Eva Ek", "Ola Berg"]
