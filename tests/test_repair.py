"""OCR repair of Swedish text, with the real lexicon, on sentences written for these tests."""

from __future__ import annotations

import re

import pytest

from beslutskoll.repair import damage_ratio, document_vocabulary, repair_text

pytest.importorskip("wordfreq")

CLEAN = """Protokoll från sammanträdet med tekniska nämnden
Närvarande: ordföranden Åsa Lindqvist och vice ordföranden Örjan Bäck.

§ 12 Förslag till ny gång- och cykelväg längs ån
Nämnden beslutar att godkänna förslaget och att återkomma med en kostnadsberäkning.
Beslutet är fattat enhälligt. Han stod fast vid sitt yrkande om stöd till föreningen.
Vi var överens om att vår plan för året ska följas upp i december.
"""

# the same kind of meeting, scanned badly: diacritics lost, é and 6 for ö, d for å
DAMAGED = """Protokoll fran sammantradet med tekniska namnden
Narvarande: ordféranden Asa Lindqvist och vice ordféranden.

§ 12 Forslag till ny gang- och cykelvag langs an
Namnden beslutar att godkanna forslaget och att aterkomma med en kostnadsberakning.
Métet 6ppnas och beslutet ar fattat. Foreningen far samordnat stod fran kommunen.
Arendet dterkommer till forvaltningen for vidare handlaggning.
"""


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text)


def test_clean_text_is_unchanged() -> None:
    assert repair_text(CLEAN) == CLEAN


def test_lost_diacritics_are_restored() -> None:
    out = repair_text(DAMAGED)
    for word in ("från", "sammanträdet", "nämnden", "Förslag", "godkänna", "förslaget", "återkomma"):
        assert word in _words(out), word
    assert "Mötet öppnas" in out
    assert "Ärendet återkommer till förvaltningen för vidare handläggning." in out


def test_context_chooses_between_real_words() -> None:
    out = repair_text(DAMAGED)
    assert "samordnat stöd" in out
    assert "beslutet är fattat" in out
    assert "Han stod fast" in repair_text(CLEAN)


def test_correct_words_in_damaged_text_are_kept() -> None:
    out = _words(repair_text(DAMAGED))
    for word in ("Protokoll", "tekniska", "beslutar", "Lindqvist", "kommunen", "vidare", "med"):
        assert word in out, word


def test_lines_and_spacing_are_kept() -> None:
    text = "  Forslag   till\tbeslut  \n\n\nMétet  6ppnas.\r\n" + "sista raden utan radslut"
    out = repair_text(text)
    assert out.count("\n") == text.count("\n")
    assert re.sub(r"\w+", "", out) == re.sub(r"\w+", "", text)
    assert out.startswith("  Förslag   till\tbeslut  \n\n\nMötet  öppnas.")


def test_typical_ocr_confusions() -> None:
    out = repair_text("Kornmunstyrelsen sammantrdder i Stadshuset l946. Ordférande var lngrid Berg.")
    assert "Kommunstyrelsen" in out
    assert "1946" in out
    assert "Ingrid" in out
    assert "Ordförande" in out


def test_document_vocabulary_and_given_names() -> None:
    text = "Anmälan av Gábor Szücs.\nSzücs redovisade.\nFrågan bereds av Sziics och kansliet.\n"
    assert "Frågan bereds av Szücs" in repair_text(text)
    assert "Nowak" in repair_text("Ordförande Nowak\n", vocabulary={"Nowak"})


def test_damage_ratio_separates_clean_from_damaged() -> None:
    assert damage_ratio(CLEAN) < 0.02
    assert damage_ratio(DAMAGED) > 0.1
    assert damage_ratio("") == 0.0


def test_empty_and_wordless_text() -> None:
    assert repair_text("") == ""
    assert repair_text("\n\n 12:30 - 13:00 \n") == "\n\n 12:30 - 13:00 \n"


def test_names_in_the_attendee_list_are_trusted() -> None:
    text = (
        "Närvarande\nLiisa Berg (S), ordförande\nAsa Lofgren (M)\n\n"
        "Liisa Berg föredrog ärendet. Métet 6ppnas. Ordforanden Liisa Berg tackade.\n"
    )
    vocabulary = document_vocabulary(text)
    assert "Liisa" in vocabulary
    # names that lost their diacritics are not the document's own spelling: they are repaired
    assert "Asa" not in vocabulary and "Lofgren" not in vocabulary
    out = repair_text(text, vocabulary=vocabulary)
    assert out.count("Liisa Berg") == 3
    assert "Åsa Löfgren" in out
    assert "Mötet öppnas" in out


def test_repeated_damage_is_not_vocabulary() -> None:
    text = "\n".join(["Möte med Region Jimtland om vården i Jimtland och i Jimtland."] * 3)
    assert "Jimtland" not in document_vocabulary(text)


def test_genitive_of_a_name_is_kept_and_one_letter_read_as_two() -> None:
    out = repair_text("Nämnden beslutar enligt Ingela Markströms yrkande. Moétet avslutas. Néara vård.")
    assert "Markströms yrkande" in out
    assert "Mötet avslutas" in out
    assert "Nära vård" in out
