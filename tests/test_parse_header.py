"""Header parsing: meeting fields, officials and presence lists (fictional snippets)."""

from __future__ import annotations

from beslutskoll.parse.meeting import parse_meeting
from beslutskoll.parse.people import parse_people


def _by_name(people):
    return {p.name: p for p in people.participants}


LINE_PROTOCOL = """Sammanträdesprotokoll för kulturnämnden den 3 mars 2021

Plats och tid
Rådhuset i Ekby, sammanträdesrum Linden, klockan 9.00 – 11.45

Beslutande

Sara Lind (S), ordförande
Olof Berg (M)
Petra Ek (C) tjänstgörande ersättare §12-14
Jonas Holm (V) ersätter Greta Åkesson (S)

Övriga närvarande

Lena Strand, sekreterare
Mikael Dahl, kulturchef §12

Justerare

Olof Berg (M) utses att justera protokollet. Justeringen sker på kommunkontoret i Ekby fredag den 12 mars.

§ 12 Godkännande av dagordning
"""


def test_line_based_protocol_header():
    lines = LINE_PROTOCOL.split("\n")
    m = parse_meeting(lines, "protokoll")
    assert m.body == "Kulturnämnden"
    assert m.date == "2021-03-03"
    assert (m.start, m.end) == ("09:00", "11:45")
    assert m.location == "Rådhuset i Ekby, sammanträdesrum Linden"
    assert m.organisation == "Ekbys kommun"

    p = parse_people(lines, "protokoll")
    assert p.chair == "Sara Lind"
    assert p.secretary == "Lena Strand"
    assert p.adjusters == ["Olof Berg"]
    assert p.adjustment is not None and p.adjustment.date == "2021-03-12"
    people = _by_name(p)
    assert set(people) == {"Sara Lind", "Olof Berg", "Petra Ek", "Jonas Holm", "Lena Strand", "Mikael Dahl"}
    assert people["Sara Lind"].role == "ordförande"
    assert people["Petra Ek"].presence == "§12-14"
    assert people["Petra Ek"].group == "beslutande"
    assert people["Jonas Holm"].replaces == "Greta Åkesson"
    assert people["Jonas Holm"].role == "tjänstgörande ersättare"
    assert people["Lena Strand"].group == "ovriga"
    assert people["Mikael Dahl"].role == "kulturchef"


FLAT_PROTOCOL = (
    "1 Tekniska nämnden SAMMANTRÄDESPROTOKOLL Sida 1 (12) Sammanträdesdatum 2019-05-14 "
    "Plats och tid Beslutande Övriga närvarande Stora salen, Stadshuset, Norrby kl 13:00-16:30 "
    "Anders Nyberg (S), ordförande Karin Wall (M) Per Sjöberg (KD) tjg för Eva Nord (C) "
    "Maria Björk (S), ers. Tomas Falk (SD), ers. Ulla Krantz, förvaltningschef Johan Lind, nämndsekreterare "
    "Utses att justera Karin Wall Justeringens plats och tid Stadshuset 2019-05-20 "
    "Underskrifter Sekreterare Paragrafer 40-52 Johan Lind Ordförande Anders Nyberg Justerande Karin Wall "
    "ANSLAG/BEVIS Protokollet är justerat. Organ Tekniska nämnden"
)


def test_flattened_protocol_header():
    lines = [FLAT_PROTOCOL]
    m = parse_meeting(lines, "protokoll")
    assert m.body == "Tekniska nämnden"
    assert m.date == "2019-05-14"
    assert (m.start, m.end) == ("13:00", "16:30")
    assert m.location == "Stora salen, Stadshuset, Norrby"

    p = parse_people(lines, "protokoll")
    assert (p.chair, p.secretary, p.adjusters) == ("Anders Nyberg", "Johan Lind", ["Karin Wall"])
    assert p.adjustment is not None and p.adjustment.date == "2019-05-20"
    assert p.adjustment.place == "Stadshuset"
    people = _by_name(p)
    assert people["Karin Wall"].group == "beslutande"
    assert people["Per Sjöberg"].replaces == "Eva Nord"
    assert people["Per Sjöberg"].group == "beslutande"
    assert people["Maria Björk"].group == "ersattare"
    assert people["Tomas Falk"].party == "SD"
    assert people["Ulla Krantz"].group == "ovriga"
    assert people["Ulla Krantz"].role == "förvaltningschef"
    assert "Eva Nord" not in people


NOTICE = """KALLELSE Byggnadsnämnden

Dag och tid: 2022-10-11 kl 14:00 Plats: Kommunhuset, rum Ugglan Justerare: Lars Wikström (L)

Kallade

Ledamöter Hanna Sund (S), Erik Mårtensson (M), Lars Wikström (L), Gun Palm (-)

Tjänstgörande ersättare

Ersättare Nils Ahl (S), Karl Berggren (MP)

ÄRENDEN
1 Godkännande av föredragningslista
"""


def test_notice_called_members():
    lines = NOTICE.split("\n")
    m = parse_meeting(lines, "kallelse")
    assert (m.body, m.date, m.start, m.end) == ("Byggnadsnämnden", "2022-10-11", "14:00", None)
    assert m.location == "Kommunhuset, rum Ugglan"
    p = parse_people(lines, "kallelse")
    assert p.adjusters == ["Lars Wikström"]
    people = _by_name(p)
    assert [people[n].group for n in ("Hanna Sund", "Gun Palm", "Nils Ahl")] == [
        "beslutande",
        "beslutande",
        "ersattare",
    ]
    assert people["Gun Palm"].party is None


NOTES = """Dnr 22ABC017

MÖTESANTECKNINGAR

Samverkansgrupp för äldrefrågor

Tid: Tisdag den 8 februari 2022
Kl. 13:15-15:00

Plats: Digitalt möte via Teams

Närvarande: Anna Holmgren, Region Västby
Per Ström, Ekby (ej em)
Helena Lund, Region Västby (ordförande)
Tina Berg, Region Västby (sekreterare)

1. Inledning

Helena hälsar välkommen.
"""


def test_meeting_notes_single_list():
    lines = NOTES.split("\n")
    m = parse_meeting(lines, "motesanteckningar")
    assert m.body == "Samverkansgrupp för äldrefrågor"
    assert (m.date, m.start, m.end) == ("2022-02-08", "13:15", "15:00")
    assert m.location == "Digitalt möte via Teams"
    assert m.case_number == "22ABC017"
    assert m.organisation == "Region Västby"
    p = parse_people(lines, "motesanteckningar")
    assert (p.chair, p.secretary) == ("Helena Lund", "Tina Berg")
    people = _by_name(p)
    assert people["Per Ström"].presence == "ej em"
    assert people["Per Ström"].affiliation == "Ekby"
    assert people["Helena Lund"].group == "beslutande"
    assert people["Tina Berg"].group == "ovriga"


def test_absent_members_are_left_out():
    text = (
        "Tid och plats onsdagen den 2 juni 2021 kl 18.00-20.00 Sessionssalen "
        "Närvarande Frånvarande Ersättare Åsa Lindqvist (S), ordförande Bo Ring (M) Göran Vik (C)"
    )
    p = parse_people([text], "protokoll")
    # the columns are lost in the flattening: names are kept, their group is unknown
    assert {x.name for x in p.participants} == {"Åsa Lindqvist", "Bo Ring", "Göran Vik"}
    assert all(x.group is None for x in p.participants)

    lines = ["Beslutande", "Eva Dahl (S)", "", "Anmält förhinder", "Karl Ek (M)", "", "Justerare", "Eva Dahl"]
    assert [x.name for x in parse_people(lines, "protokoll").participants] == ["Eva Dahl"]


def test_adjusters_from_sentences_and_reserve():
    lines = [
        "§ 1 Val av justerare",
        "Nämnden utser Anna Berg och Sven Holm att tillsammans med ordföranden justera protokollet.",
        "Justerare: Karl Öst (M) Ersättare: Lisa Fors (S)",
    ]
    p = parse_people(lines, "protokoll")
    assert p.adjusters == ["Karl Öst", "Anna Berg", "Sven Holm"]


def test_no_list_members_named_with_party():
    lines = [
        "• Maja Ros (C), ordförande, öppnar mötet och hälsar välkommen.",
        "• Sten Alm (S) föreslås till justerare.",
        "• Ordföranden tackar och avslutar mötet ca kl. 15:50.",
    ]
    p = parse_people(lines, "motesanteckningar")
    assert p.chair == "Maja Ros"
    assert p.adjusters == ["Sten Alm"]
    assert {x.name for x in p.participants} == {"Maja Ros", "Sten Alm"}
    assert parse_meeting(lines, "motesanteckningar").end == "15:50"


def test_agenda_times_and_running_header():
    lines = [
        "Kallelse/föredragningslista",
        "Regionala beredningsgruppen",
        "2023-02-10",
        "1. Mötet öppnas Eva Strand",
        "10:00",
        "2. Information Per Bo 10:10",
        "3. Mötet avslutas Eva Strand",
        "12:00",
        "RBG 2023/4",
        "RBG 2023/4",
    ]
    m = parse_meeting(lines, "kallelse")
    assert (m.date, m.start, m.end) == ("2023-02-10", "10:00", "12:00")
    assert m.case_number == "RBG 2023/4"
    assert parse_people(lines, "kallelse").chair == "Eva Strand"


def test_header_parsing_handles_large_input():
    # speed is measured in bench/parse.py; here only that a large input still parses
    big = [FLAT_PROTOCOL, *LINE_PROTOCOL.split("\n")] * 300
    assert parse_meeting(big, "protokoll").date is not None
    assert parse_people(big, "protokoll").participants


def test_stray_letter_before_the_body_is_not_glued_to_it():
    m = parse_meeting(["Sammanträdesprotokoll B kulturnämnden den 3 mars 2021"], "protokoll")
    assert m.body == "Kulturnämnden"


def test_split_surname_after_a_first_name_is_still_joined():
    people = parse_people(["Beslutande", "", "Sara L indqvist (S), ordförande", "Olof Berg (M)"], "protokoll")
    assert "Sara Lindqvist" in _by_name(people)


def test_body_never_from_running_text_nouns():
    lines = [
        "Hoppa över navigering", "1", "Mötet öppnas", "2", "Fastställande av dagordning", "3",
        "Val av justerare och tid för justering", "4", "Föregående protokoll", "5", "Revidering av avtalet om samverkan",
        "6", "Uppföljning av handlingsplanen för psykisk hälsa", "7", "Information om stimulansmedel", "8",
        "Övriga frågor", "Avsikten med punkten är att gå igenom det reviderade avtalet och dess tidplan.",
        "Process, arbetsgrupp:", "Ekby kommun: Anna Ek",
        "Bakgrund (med regional arbetsgrupp från flera verksamheter) där målgruppen barn ingår.",
        "Arbetsgruppen har tagit fram ett underlag. Material har skickats till Tisdagsgruppen.",
    ]
    assert parse_meeting(lines, "motesanteckningar").body is None


def test_body_named_again_in_running_text_is_kept():
    lines = [
        "Plats och tid Stadshuset, Ekby", "Närvarande Anna Ek, ordförande",
        "Lisa Berg har lämnat sin plats i Kommunala Pensionärsrådet.",
        "Enligt Kommunala Pensionärsrådets plan ska lokalerna ses över.",
    ]
    assert parse_meeting(lines, "protokoll").body == "Kommunala Pensionärsrådet"


def test_date_of_an_earlier_decision_is_not_the_meeting_date():
    lines = [
        "Hoppa över navigering", "1", "Uppföljning av beslut",
        "Punkten följer upp beslut och rekommendation vid LHR den 12 mars 2021, § 4:",
        "Kommunerna har behandlat rekommendationen.",
    ]
    assert parse_meeting(lines, "motesanteckningar").date is None
    assert parse_meeting(["Protokoll Kulturnämnden den 3 mars 2021", *lines], "protokoll").date == "2021-03-03"


def test_network_is_a_body():
    lines = ["Region Norrvik", "MÖTESANTECKNINGAR", "", "Nätverket för skolbibliotek i Norrvik", "",
             "Tid: Onsdag den 2 oktober 2024", "Plats: Biblioteket i Åsby"]
    assert parse_meeting(lines, "motesanteckningar").body == "Nätverket för skolbibliotek i Norrvik"
