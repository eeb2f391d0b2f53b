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


def test_register_entries_closed_by_dnr():
    text = (
        "KALLELSE Sida 1(2) Tid: Tisdagen den 4 maj 2021 kl Plats: Rådhuset Ärende 1. Upprop 1 "
        "2. Val av justerare 2 3. Parkeringsnorm för Ekby Dnr: KS Taxa för bygglov Dnr: KS "
        "Svar på motion om cykelbanor Dnr: KS\n\n"
        "KALLELSE Sida 2(2) Ärende 6. Ny förbundsordning. Dnr: KS Val av revisorer Dnr: KS "
        "Avsägelser Dnr: KS"
    )
    items = _items(text)
    assert [(i.number, i.title) for i in items] == [
        ("1", "Upprop"),
        ("2", "Val av justerare"),
        ("3", "Parkeringsnorm för Ekby"),
        (None, "Taxa för bygglov"),
        (None, "Svar på motion om cykelbanor"),
        ("6", "Ny förbundsordning"),
        (None, "Val av revisorer"),
        (None, "Avsägelser"),
    ]


def test_contents_page_numbers_are_not_title():
    text = (
        "Innehåll\n1 Val av justerare 3\n2 Budget 2022 4-5\n3 Ny taxa 6\n4 Delegationsbeslut 7-8 9\n\n"
        "Sida 2\n"
    )
    titles = [i.title for i in _items(text)]
    assert titles == ["Val av justerare", "Budget 2022", "Ny taxa", "Delegationsbeslut"]


def test_title_ends_before_person_with_party():
    text = (
        f"{FRONT}\n\n2 Miljönämnden Sammanträdesdatum Sida 2 (9) 4 Val av justerare "
        "Oskar Vintergren Dal (M) utses att justera protokollet. Justeringen sker på kansliet i Ekby "
        "fredagen den 14 maj klockan 10."
    )
    items = _items(text)
    assert items[0].title == "Val av justerare"
    assert items[0].decision.startswith("Oskar Vintergren Dal (M) utses")
    assert items[0].decision_kinds == ["election"]


NOTICE = """Kallelse till regionfullmäktige

Tid: Tisdag den 9 mars 2021 kl. 09:30

Inledning

 1. 1.
  Upprop

 2. 2.
  Val av justerare

Anmälningsärenden

 1. 3.
  Anmälan av avsägelser

  Anmälan

Beslutsärenden

Föredragande regionråd: Vera Sandholm (s)

 1. 4.
  Regler för partistöd (förslag 1)RS 2101-0042

  Regionstyrelsens förslag

 2. 5.
  Nya taxor för färdtjänst (förslag 2)RS 2012-0311

  Regionstyrelsens förslag
"""


def test_group_heading_and_group_presenter_apply_to_the_items_after_them():
    items = parse_lines(NOTICE.split("\n")).items
    assert [i.title for i in items] == [
        "Upprop", "Val av justerare", "Anmälan av avsägelser", "Regler för partistöd (förslag 1)",
        "Nya taxor för färdtjänst (förslag 2)",
    ]
    assert [i.category for i in items] == [None, None, None, "beslut", "beslut"]
    assert [i.presenters for i in items][2:] == [[], ["Vera Sandholm"], ["Vera Sandholm"]]
    assert items[3].case_number == "RS 2101-0042"


WEB_PAGE = """Hoppa till innehåll
 •   1

  Mötets öppnande

 •   2

  Val av justerare

 •   3

  Lägesrapport om bredband

 • Syftet med punkten är att följa upp utbyggnaden i byarna.

 •   5

  Övriga frågor

 • Ordföranden Ida Berg öppnar mötet.

 • Lars Mo väljs till justerare.

 • Eva Strand informerar om utbyggnaden i norra delen.

  Arbetet ligger i fas.

 • Nils Ek redovisar kostnaderna.

 • Syftet med punkten är att följa upp utbyggnaden i byarna. Frågan tas upp vid nästa möte.

 • Inga övriga frågor.

Vi använder kakor på webbplatsen.
"""


def test_web_list_bodies_follow_their_numbers():
    items = _items(WEB_PAGE)
    assert [(i.number, i.title) for i in items] == [
        ("1", "Mötets öppnande"), ("2", "Val av justerare"), ("3", "Lägesrapport om bredband"), ("5", "Övriga frågor"),
    ]
    assert items[2].presenters == ["Eva Strand", "Nils Ek"]
    assert items[3].summary == "Inga övriga frågor."


def test_standing_titles_where_every_number_was_lost():
    text = (
        "Protokoll Kulturrådet Plats och tid Biblioteket, Ekby Närvarande Sara Lind, ordförande Olle Berg\n\n"
        "Mötets öppnande Ordföranden hälsar alla välkomna. Dagordningen godkänns. Punkten Konstrunda läggs "
        "till under Övriga frågor. Information från Kulturförvaltningen Eva Ström informerar om sommarens "
        "program. Rådet beslutar att programmet tas upp på nästa möte. Övriga frågor Inga övriga frågor."
    )
    items = _items(text)
    assert [(i.number, i.title) for i in items] == [
        (None, "Mötets öppnande"), (None, "Dagordningen godkänns"),
        (None, "Information från Kulturförvaltningen"), (None, "Övriga frågor"),
    ]
    assert items[1].decision == "Dagordningen godkänns. Punkten Konstrunda läggs till under Övriga frågor."
    assert items[2].presenters == ["Eva Ström"]
    assert items[2].decision_kinds == ["deferral"]


def test_lone_paragraph_named_by_the_contents():
    page = "Plats och tid Stadshuset, Ekby, den 3 mars 2021 kl. 13:00-15:00 Ledamöter Sara Lind, ordförande Olle Berg"
    text = (
        "1 Pensionärsrådet protokoll Kl. 13:00 15:00 Stadshuset\n\n"
        f"2 2(9) {page}, sekreterare Mona Ek, 1\n\n"
        "3 3(9) Ärendelista 1 Ekby stads Biblioteksplan Förändring av taxor för hemtjänst Övriga frågor... 9 "
        "Utses att justera Olle Berg och ordföranden som justerar protokollet på fredag i Stadshuset.\n\n"
        "4 4(9) 1 Ekby stads Biblioteksplan Mona Ek har kommit till rådet för att informera om arbetet med "
        "bibliotekens framtid och om de öppettider som gäller under sommaren i alla delar av kommunen."
    )
    items = _items(text)
    assert items[0].number == "1"
    assert items[0].title == "Ekby stads Biblioteksplan"
    assert items[0].presenters == ["Mona Ek"]


def test_running_text_after_a_case_number_and_a_late_decision():
    text = (
        "Protokoll Tekniska nämnden\n\n"
        "§ 20 Anmälan av skrivelser Diarienummer: TN2021/77 Skrivelserna anmäls och läggs till handlingarna.\n"
        "§ 21 Nya sammanträdestider Förslag på tider 3 maj kl 08.30 och 7 juni kl 08.30 "
        "Beslutas att godkänna de nya tiderna.\n"
        "§ 22 Studiebesök Nämnden vill bjuda in skolans rektor till nästa möte.\n"
    )
    items = _items(text)
    assert items[0].case_number == "TN2021/77"
    assert items[0].decision == "Skrivelserna anmäls och läggs till handlingarna."
    assert items[0].decision_kinds == ["information"]
    assert items[1].decision == "Beslutas att godkänna de nya tiderna."
    assert "deferral" not in items[2].decision_kinds


def test_flattened_case_column_leaves_the_title():
    text = (
        "KALLELSE Tekniska utskottet\n\nNr. Ärende Dnr Föredragande Tid\n"
        "1. Försäljning av mark vid hamnen 2021/312 TN Olle Berg\n"
        "2. Ny taxa för slamtömning 2021/98 TN Olle Berg\n"
    )
    items = _items(text)
    assert [(i.title, i.case_number) for i in items] == [
        ("Försäljning av mark vid hamnen", "2021/312 TN"), ("Ny taxa för slamtömning", "2021/98 TN"),
    ]
    assert items[0].presenters == ["Olle Berg"]


def test_decision_stops_at_an_attached_document():
    text = (
        "Protokoll Socialnämnden\n\n§ 40 Budgetuppföljning\n\nSocialnämndens beslut\n\n"
        "Socialnämnden godkänner uppföljningen per mars.\n\nBudgetuppföljning\n\nMars 2023\n\n"
        "Intäkter tkr\tKostnader tkr\n-12 400\t88 100\n\n"
        "§ 41 Ny riktlinje\n\nBeslut\n\natt anta riktlinjen,\n\natt uppdra åt förvaltningen att följa upp den.\n"
    )
    items = _items(text)
    assert items[0].decision == "Socialnämnden godkänner uppföljningen per mars."
    assert items[1].decision == "att anta riktlinjen, att uppdra åt förvaltningen att följa upp den."


def test_labels_repeated_in_every_item_are_no_running_headers():
    """A label that comes back in each item ("Beslut skickas till") recurs like a page header
    does; it still opens its section every time. "Reservation" in the singular is a label too."""
    paragraphs = []
    for number, (title, sent) in enumerate(
        [("Budgetuppföljning", "Ekonomienheten"), ("Lokalplan för förskolan", "Fastighetsavdelningen"),
         ("Taxa för tillsyn", "Miljöenheten")],
        start=21,
    ):
        paragraphs.append(
            f"§ {number} {title}\nSammanfattning\nFörvaltningen redovisar ärendet.\nBeslut\n"
            f"Nämnden godkänner förslaget.\nReservation\nOla Ström (V) reserverar sig mot beslutet.\n"
            f"Beslut skickas till\n{sent}"
        )
    text = "Protokoll Tekniska nämnden 2025-05-06\n" + "\n".join(paragraphs)
    items = _items(text)
    assert [i.sent_to for i in items] == [["Ekonomienheten"], ["Fastighetsavdelningen"], ["Miljöenheten"]]
    assert [i.decision for i in items] == ["Nämnden godkänner förslaget."] * 3


def test_running_header_of_a_two_page_document_stays_out_of_the_items():
    """Counting needs three pages to call a line a running header; with the pages known two do."""
    from beslutskoll.parse.layout import page_lines

    header = ["KOMMUNEN ÅSBY", "PROTOKOLL", "Kulturnämnden", "Sammanträdesdatum 2025-04-02"]
    first = [*header, "", "§ 5 Fastställande av dagordning", "Beslut", "Dagordningen fastställs."]
    second = [*header, "", "§ 6 Bidrag till studieförbund", "Beslut", "Nämnden beviljar bidragen.", "", "Sida 2"]
    lines = page_lines([first, second])
    assert lines.count("PROTOKOLL") == 1 and lines[: len(header)] == header
    items = parse_lines(lines).items
    assert [i.decision for i in items] == ["Dagordningen fastställs.", "Nämnden beviljar bidragen."]
    assert all(not i.references for i in items)


def test_an_attached_extract_of_minutes_is_not_part_of_the_last_item():
    text = "\n".join([
        "Kallelse", "Fritidsnämnden", "Sammanträdesdatum 2025-06-10", "",
        "1. Mötet öppnas Lena Holm 13:00",
        "2. Simhallens öppettider Sven Dahl 13:10",
        "Förslag till beslut", "Nämnden fastställer öppettiderna.",
        "3. Mötet avslutas Lena Holm 14:00", "",
        "Utdrag ur sammanträdesprotokoll", "Kommunstyrelsens arbetsutskott",
        "§ 44 Bidrag till föreningar", "Föredragande: Karin Ek, ekonom", "Sammanfattning",
        "Arbetsutskottet har berett ärendet om bidrag till föreningar under året.",
    ])
    items = _items(text)
    assert [i.number for i in items] == ["1", "2", "3"]
    assert items[-1].presenters == ["Lena Holm"]
    assert "Karin Ek" not in (items[-1].summary or "")


def test_decision_listed_after_enligt_foljande():
    text = (
        "Protokoll Kulturnämnden\n\n"
        "§ 3 Fastställande av föredragningslista Lena Ström (L) utses att justera protokollet. "
        "Föredragningslistan fastställs enligt följande: 1A. Fastställande av föredragningslista "
        "2A. Bidrag till föreningar 3B. Biblioteksplan\n"
        "§ 4 Bidrag till föreningar Nämnden beviljar bidragen.\n"
    )
    items = _items(text)
    assert items[0].decision == (
        "Lena Ström (L) utses att justera protokollet. Föredragningslistan fastställs enligt följande: "
        "1A. Fastställande av föredragningslista 2A. Bidrag till föreningar 3B. Biblioteksplan"
    )
    assert items[0].decision_kinds == ["approval", "election"]


def test_decision_list_continues_across_a_page_header():
    text = (
        "PROTOKOLL 1(3)\n\n§ 7 Fastställande av dagordning Dagordningen fastställs med följande tillägg:\n\n"
        "2 PROTOKOLL 2(3) - Lokalfrågan i Norrby\n§ 8 Anmälningar Anmälningarna läggs till handlingarna.\n"
    )
    items = _items(text)
    assert items[0].decision == "Dagordningen fastställs med följande tillägg: - Lokalfrågan i Norrby"


def test_consensus_in_meeting_notes_is_the_decision_to_the_end_of_its_paragraph():
    text = (
        "MÖTESANTECKNINGAR Styrgruppen för skolhälsa\n\n"
        "1. Ny samverkansmodell\n\nFöredragande: Kim Sand\n\n"
        "Kim presenterar arbetsgruppens förslag. Frågan om finansiering lyfts.\n\n"
        "Diskussionen landar i att styrgruppen inte är redo att ta ett beslut idag. "
        "En fördjupad analys ska tas fram till nästa möte.\n\n"
        "2. Avtalet om elevhälsa\n\nParterna är överens om att avtalet gäller i två år.\n"
    )
    items = _items(text)
    assert items[0].decision == (
        "Diskussionen landar i att styrgruppen inte är redo att ta ett beslut idag. "
        "En fördjupad analys ska tas fram till nästa möte."
    )
    assert set(items[0].decision_kinds) == {"deferral", "assignment"}
    assert items[1].decision is None  # an agreement's content, not the group's decision


def test_bare_att_clause_stops_at_the_next_sentence():
    text = (
        "Protokoll Ungdomsrådet\n\n"
        "§ 5 Föregående protokoll att lägga informationen till handlingarna Vi deltog inte i mässan.\n"
        "§ 6 Budget att godkänna budgeten.\n"
    )
    items = _items(text)
    assert items[0].decision == "att lägga informationen till handlingarna"


def test_adjusters_statement_is_the_decision_of_their_election():
    text = (
        "Protokoll Miljönämnden Närvarande ledamöter Eva Ek (S) "
        "Mötets öppnande Ordföranden öppnar mötet. Val av protokollsjusterare Protokollet justeras av ordföranden "
        "och en justerare. Justerare: Per Holm (M) Ersättare: Ida Lund (C) Tid: Måndagen den 4 maj, kl. 10:00 "
        "Plats: Stadshuset Omedelbar jus"
    )
    items = _items(text)
    assert [i.title for i in items] == ["Mötets öppnande", "Val av protokollsjusterare", "Omedelbar jus"]
    assert items[1].decision == (
        "Justerare: Per Holm (M) Ersättare: Ida Lund (C) Tid: Måndagen den 4 maj, kl. 10:00 Plats: Stadshuset"
    )
    assert items[1].decision_kinds == ["election"]


def test_standing_title_decision_has_no_line_breaks():
    text = (
        "MINNESANTECKNINGAR Trygghetsrådet\nNärvarande: Ola Ek, Polisen\n"
        "Dagordningen godkänns. Punkten Belysning läggs till under Övriga\nfrågor.\n"
    )
    items = _items(text)
    assert items[0].decision == "Dagordningen godkänns. Punkten Belysning läggs till under Övriga frågor."


def test_number_column_apart_from_its_titles():
    text = (
        "Protokoll Samordningsförbundet Ekdalen\n\n"
        "§ 10 Mötets öppnande\n\n§ 11 Val av justerare\n\nBeslutsärende\n\n"
        "§ 12\n\n§ 13\n\n§ 14\n\n§ 15\n\n§ 16\n\n§ 17\n\n"
        "Ekonomisk rapport, medverkande ekonom Sara Lind och\n\nPer Ek, controller. Informationsärende "
        "Ansökan om medel till projektet Steget. Beslutsärende\n\n"
        "Delgivningar\n\nDelgivning från Försäkringskassan\n\nDelgivning från länsstyrelsen\n\n"
        "Verksamhetsplan för nästa år. Beslutsärende\n\nÖvriga frågor\n"
    )
    items = _items(text)
    assert [(i.number, i.title) for i in items] == [
        ("10", "Mötets öppnande"),
        ("11", "Val av justerare"),
        (None, "Ekonomisk rapport, medverkande ekonom Sara Lind och Per Ek, controller."),
        (None, "Ansökan om medel till projektet Steget."),
        (None, "Delgivningar"),
        (None, "Verksamhetsplan för nästa år."),
        (None, "Övriga frågor"),
    ]
    assert items[2].category == "information" and items[3].category == "beslut"
    assert items[2].presenters == ["Sara Lind", "Per Ek"]


def test_number_column_pairs_numbers_when_the_counts_agree():
    text = (
        "Protokoll Rådet\n\n§ 1 Mötets öppnande\n\n§ 2\n\n§ 3\n\n§ 4\n\n§ 5\n\n"
        "Val av justerare\n\nBudget för året\n\nLokalfrågan\n\nÖvriga frågor\n"
    )
    items = _items(text)
    assert [(i.number, i.title) for i in items] == [
        ("1", "Mötets öppnande"), ("2", "Val av justerare"), ("3", "Budget för året"),
        ("4", "Lokalfrågan"), ("5", "Övriga frågor"),
    ]


def test_page_header_repeated_on_a_second_page_leaves_the_decision():
    header = ["REGION EKBY", "PROTOKOLL", "Länsrådet för vård", "Sammanträdesdatum 2024-05-06"]
    lines = [
        *header, "", "§ 1 Fastställande av dagordning", "Beslut", "Dagordningen fastställs.",
        *header, "§ 2 Information om budget", "Beslut", "Rådet har tagit del av informationen.",
    ]
    items = parse_lines(lines).items
    assert items[0].decision == "Dagordningen fastställs."
    assert items[0].references == []


def test_contents_titles_split_before_a_property_designation():
    from beslutskoll.parse.titles import split_titles

    text = "Detaljplan för Norrby Tallen 2:14 Nybyggnad av garage Eken 1:3 Rivning av förråd Björkhagen 4:120 Tillbyggnad"
    assert split_titles(text) == [
        "Detaljplan för Norrby", "Tallen 2:14 Nybyggnad av garage", "Eken 1:3 Rivning av förråd", "Björkhagen 4:120 Tillbyggnad",
    ]


def test_signature_block_label_is_never_an_item():
    from beslutskoll.parse.items import _NOT_AN_ITEM

    text = (
        "1 Miljönämnden Sammanträdesdatum Sida 1 (9) Plats och tid Stadshuset, Ekby kl 9.00 Beslutande "
        "Anna Berg (S), ordförande Per Lund (M) Utses att justera Per Lund Justerade paragrafer Underskrifter "
        "Sekreterare Maja Ek Ordförande Anna Berg 44 Justerande Per Lund ANSLAG/BEVIS Protokollet är justerat.\n\n"
        "2 Miljönämnden Innehållsförteckning 41 Fastställande av dagordning 42 Tillsynsplan för året "
        "43 Information från förvaltningen 45 Delegationsbeslut"
    )
    assert "Justerande" not in [i.title for i in _items(text)]
    for label in ("Justerande", "Ordförande Anna Berg", "Utdragsbestyrkande", "Justerandes signatur"):
        assert _NOT_AN_ITEM.match(label)
    for title in ("Val av justerande", "Ordförande informerar om budgeten", "Sekreterare för nämnden"):
        assert not _NOT_AN_ITEM.match(title)


def test_contents_heading_is_never_an_item():
    from beslutskoll.parse.items import _NOT_AN_ITEM

    text = (
        "Protokoll 2 av 2 Innehåll 3 Justering och fastställande av dagordning 4 Delegationsbeslut "
        "5 Budget för nästa år 6 Övriga frågor"
    )
    assert "Innehåll" not in [i.title for i in _items(text)]
    assert _NOT_AN_ITEM.match("Innehållsförteckning") and _NOT_AN_ITEM.match("Ärendelista")
    assert not _NOT_AN_ITEM.match("Föredragningslista") and not _NOT_AN_ITEM.match("Innehåll i nya taxan")


def test_title_stops_at_its_list_of_attachments():
    from beslutskoll.parse.titles import split_title

    text = (
        "Styrelsen Sida 3 (20) Utsänd föredragningslista 1. Val av justerare 2. Godkännande av dagordning "
        "3. Delårsrapport för hösten Bilagor: a) PM, b) Delårsrapport 4. Taxor för nästa år Bilaga: Förslag till taxor "
        "5. Övriga frågor"
    )
    titles = {i.number: i.title for i in _items(text)}
    assert titles["3"] == "Delårsrapport för hösten"
    assert titles["4"] == "Taxor för nästa år"
    assert split_title("Budget för året Bilagor: a) PM, b) Budget. Nämnden beslutar att godkänna budgeten.")[0] == (
        "Budget för året"
    )


def test_agenda_points_written_with_a_dot_may_skip_two_numbers():
    text = (
        "Direktionen Sida 4 (30) Utsänd föredragningslista 1. Val av justerare 2. Godkännande av dagordning "
        "3. Information om skolskjutsar 4. Delårsrapport Bilagor: a) PM, b) Rapport Budget för nästa år Bilagor: a) PM "
        "Investeringsplan Bilaga: Förslag enligt rubrik. Handlingarna skickas ut senare. "
        "7. Sammanträdesplan Bilaga: Förslag till plan Val av ombud till stämman Bilaga: Förslag 9. Övriga frågor"
    )
    numbers = [i.number for i in _items(text)]
    assert numbers[:4] == ["1", "2", "3", "4"]
    assert "7" in numbers and "9" in numbers


def test_contents_entry_between_consecutive_numbers_is_one_title():
    from beslutskoll.parse.toc import toc_entries

    text = (
        "Ungdomsrådet Innehållsförteckning 5 Föregående protokoll 6 Lisa rapporterar från möte med Karin Ek "
        "(Unga Röster) 7 Öppen Scen Ekby 8 Övriga frågor a) Ny ledamot b) Inbjudan 9 Nästa sammanträde"
    )
    assert toc_entries(text) == [
        ("5", "Föregående protokoll"), ("6", "Lisa rapporterar från möte med Karin Ek (Unga Röster)"),
        ("7", "Öppen Scen Ekby"), ("8", "Övriga frågor a) Ny ledamot b) Inbjudan"), ("9", "Nästa sammanträde"),
    ]


def test_contents_numbers_around_a_run_say_how_many_titles_it_holds():
    from beslutskoll.parse.titles import split_titles

    run = "Ekonomisk uppföljning Kulturnämndens bokslut för Kulturnämndens budget för år Taxor för bibliotek från Rapporter"
    assert split_titles(run) == [
        "Ekonomisk uppföljning", "Kulturnämndens bokslut för Kulturnämndens budget för år Taxor för bibliotek från Rapporter",
    ]
    assert split_titles(run, expected=5) == [
        "Ekonomisk uppföljning", "Kulturnämndens bokslut för", "Kulturnämndens budget för år",
        "Taxor för bibliotek från", "Rapporter",
    ]
    # a count the loose reading would overshoot keeps the strict one
    assert len(split_titles(run, expected=3)) == 2


def test_presenter_names_stacked_on_one_agenda_row_are_spread_over_the_rows_before():
    from beslutskoll.model import Item
    from beslutskoll.parse.items import _spread_stacked_names

    before = [Item(number="4", title="Budget", presenters=["Anna Ek"]), Item(number="5", title="Utredning om parken")]
    row = Item(number="6", title="Ombyggnad av skolan", presenters=["Anna Ek", "Per Lund"], case_number="2023/10")
    _spread_stacked_names(before, row, ["Anna Ek", "Per Lund"], "Ombyggnad av skolan 2023/10 2023/12 Anna Ek Per Lund")
    assert (before[1].presenters, row.presenters) == (["Anna Ek"], ["Per Lund"])

    # the same name twice on one row: one copy belongs to the row before
    before = [Item(number="7", title="Taxor")]
    row = Item(number="8", title="Detaljplan för Ekudden", presenters=["Eva Berg"])
    _spread_stacked_names(before, row, ["Eva Berg", "Eva Berg"], "Detaljplan för Ekudden 2023/15 Eva Berg Eva Berg")
    assert (before[0].presenters, row.presenters) == (["Eva Berg"], ["Eva Berg"])

    # two presenters of one item, without stacked case numbers, stay together
    before = [Item(number="1", title="Val av justerare")]
    row = Item(number="2", title="Budget", presenters=["Anna Ek", "Per Lund"])
    _spread_stacked_names(before, row, ["Anna Ek", "Per Lund"], "Budget 2023/10 Anna Ek Per Lund")
    assert (before[0].presenters, row.presenters) == ([], ["Anna Ek", "Per Lund"])


def test_notice_agenda_table_with_stacked_presenter_column():
    text = (
        "KALLELSE TILL TEKNISKA NÄMNDEN Ledamöter kallas till sammanträde tisdagen den 3 mars 2026 i Ekby "
        "Anna Berg Ordförande Föredragningslista Nr. Ärende Dnr Föredragande 1. Borgen för bostadsbolaget 2026/11 TN "
        "Karin Holm 2. Utredning om parken vid torget samt ny gångbana 3. Ombyggnad av skolan i Åsby 2026/14 TN "
        "2026/15 TN Karin Holm Olle Strand 4. Taxa för tillsyn 2026/20 TN 5. Detaljplan för Ekudden 2026/21 TN "
        "Olle Strand Olle Strand 6. Övriga frågor"
    )
    assert [i.presenters for i in _items(text)] == [
        ["Karin Holm"], ["Karin Holm"], ["Olle Strand"], ["Olle Strand"], ["Olle Strand"], [],
    ]
