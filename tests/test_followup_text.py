"""Reading follow-up facts from running text (no database)."""

from __future__ import annotations

from beslutskoll.followup import text as T


def test_statement_with_its_addressees_and_content() -> None:
    [s] = T.statements("Nämnden beslutar att rekommendera Region Fjällmark och länets kommuner att anta planen.")
    assert (s.addressees, s.content, s.ref) == ("Region Fjällmark och länets kommuner", "anta planen", None)


def test_reported_statement_names_the_earlier_decision() -> None:
    text = "Vid FSN:s sammanträde den 2 februari 2024 beslutade FSN att rekommendera kommunerna att: - anta taxan"
    [s] = T.statements(text)
    assert (s.ref.body, s.ref.date, s.content) == ("FSN", "2024-02-02", "anta taxan")


def test_passive_and_own_council_are_no_statements() -> None:
    assert T.statements("Alla rekommenderas att gå utbildningen.") == []
    assert T.statements("Styrelsen rekommenderar kommunfullmäktige att anta taxan.") == []


def test_round_lines_with_notes() -> None:
    text = ("Uppföljning av rekommendation vid FSN den 9 februari 2024, § 3:\n\n"
            "Tallmo – Ja.\n\nGranby – Nej, men tas upp i nämnden i maj.\nSjöhult: Delvis\n\nÖvrigt.\n")
    [block] = T.rounds(text)
    assert (block.ref.body, block.ref.date, block.ref.number) == ("FSN", "2024-02-09", "3")
    assert [(a.place, a.answer, a.note) for a in block.answers] == [
        ("Tallmo", "ja", ""), ("Granby", "nej", "Tas upp i nämnden i maj."), ("Sjöhult", "delvis", "")]
    assert [T.round_status(a) for a in block.answers] == ["antagen", "ej beslutad", "delvis"]
    assert T.round_status(T.RoundAnswer("Granby", "nej", "Fullmäktige avslog förslaget")) == "avslagen"


def test_a_single_line_is_no_round() -> None:
    assert T.rounds("Rekommendation vid FSN den 9 februari 2024.\nTallmo – Ja.\n") == []


def test_outcome_of_a_party_decision() -> None:
    assert T.outcome("Kommunstyrelsen beslutar att anta överenskommelsen.") == ("antagen", "")
    assert T.outcome("Nämnden avslår förslaget.") == ("avslagen", "")
    assert T.outcome("Nämnden beslutar att inte anta överenskommelsen.") == ("avslagen", "")
    assert T.outcome("Nämnden godkänner avtalet med undantag för punkt 3.") == ("delvis", "")
    assert T.outcome("Ärendet bordläggs.")[0] == "ej beslutad"
    assert T.outcome("Nämnden tar del av informationen.")[0] == "ej beslutad"
    assert T.outcome("") is None


def test_a_proposal_to_the_council_is_not_yet_adoption() -> None:
    status, note = T.outcome("Kommunstyrelsen föreslår kommunfullmäktige att anta överenskommelsen.")
    assert status == "ej beslutad" and "fullmäktige" in note
