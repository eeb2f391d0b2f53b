"""Person names in Swedish meeting documents: capitalised runs, first names, parties, titles."""

from __future__ import annotations

import re
from dataclasses import dataclass


def words(s: str) -> frozenset[str]:
    """The whitespace-separated words of a literal list."""
    return frozenset(s.split())


UP = "A-ZÅÄÖÉÜÆØÁÀÍÓÚÈ"
LO = "a-zåäöéüæøáàíóúèëïçñ'´`"
TOKEN = rf"[{UP}][{LO}]+(?:-?[{UP}][{LO}]+|-[{LO}]+)*"
PARTICLE = r"(?:von|van|af|de|den|der|da|di|du|la|le|del|dos)"
# a run of capitalised words separated by single spaces (particles and initials inside)
RUN_RE = re.compile(
    rf"(?<![\w-]){TOKEN}(?:[ ](?:{PARTICLE}[ ])*{TOKEN}|[ ][{UP}]\.?(?=[ ]{TOKEN}))*(?![\w-])"
)
UNIT_RE = re.compile(rf"(?:{PARTICLE} )*{TOKEN}|[{UP}]\.?")

# Common Swedish (and a few Nordic/international) first names: general knowledge used to split
# runs of capitalised words into people ("Anna Berg Per Holm" -> two names).
FIRST_NAMES = words("""
    adam adrian agnes agneta ahmed aina alexander alexandra alf alfred ali alice alma alva amanda
    amir anders andreas anette anita ann anna anne anneli annelie annette annica annicka annie
    annika anton arne armin arvid astrid axel barbro bengt benny berit bernt bert bertil birgitta birgit
    bill björn bo bodil britt britta brittmarie börje camilla carin carina carl carola caroline carolina
    casper catarina catharina cecilia charlie charlotta charlotte christer christian christina christine
    christoffer claes clas conny dag dan daniel david dennis desirée diana ebba edvard
    einar elin elias elisabet elisabeth ella ellen elli ellinor elsa else emil emilia emma erik
    erika erling ester eva evelina evert ewa felix filip folke frank fredrik frida gabriel
    gerd gert gertrud glenn gudrun gun gunilla gunnar gunnel gustav gustaf göran gösta hanna hannah
    hannes hans harald harriet hasse heine helen helena helene helén henrik henry herbert hilda
    holger hugo håkan ida inga inge ingegerd ingela ingemar inger ingrid ingvar irene iris irén
    isabella isak ivan ivar jacob jakob jan jane janne jenny jens jeppe jerker jerry jessica
    jimmie jimmy joakim joel johan johanna johannes john johnny jonas jonatan jonathan jonny josef
    josefin julia jörgen kaj kajsa kalle karin karina karl kasper katarina katja katrin
    kenneth kennet kent kerstin kim kjell klas krister kristian kristina kristine kristoffer
    lars lasse leif lena lennart lennarth lars-olof liisa lilla lillemor lina linda linnea
    lis lisa lisbet lisbeth lise liselotte lotta louise lovisa lucas ludvig lukas madeleine magdalena
    magnus mai maj maja malin marcus margareta margaretha margret maria marianne marie marina marit
    marita markus martin mats matilda mattias max mia micael michael mikael miguel
    moa mohammed mona monica monika morgan märta nancy nils niklas niclas nina noel ola
    olivia oliver olle olof olov oscar oskar ove patricia patrik paul paula peder pelle per peter petra
    pernilla pia ragnar rachel rasmus rebecka robert roger roland rolf ronny rose rose-marie
    rune ruth sabina sam samuel sandra sara sarah sebastian simon siv sixten sofia
    sofie sonja sonny stefan sten stig stina sture sune susanna susanne sven svante sören tanja
    theres therese therése thomas tina tobias tom tomas tommy tor tord tore torbjörn torsten ture ulf
    ulla ulrika urban vera veronica veronika victor viktor viola vivianne wilhelm william
    yngve yvonne zara åke åsa örjan östen
    """)

PARTIES = words("s m c l kd v mp sd fp fi pp dsp ns fia ad kim spi sap sjv vpk nyd sv bp kp")
# bracketed or comma-separated labels that are organisations, not parties
NON_PARTIES = words("pro spf skpf rpg dhr fub srf hlf hrf nhr rjh ks sn bn bun sbn ers")

TITLE_SUFFIXES = (
    "chef",
    "sekreterare",
    "ekonom",
    "direktör",
    "strateg",
    "samordnare",
    "handläggare",
    "inspektör",
    "ingenjör",
    "utvecklare",
    "administratör",
    "arkitekt",
    "konsult",
    "jurist",
    "controller",
    "ledare",
    "assistent",
    "utredare",
    "informatör",
    "kommunikatör",
    "företrädare",
    "ombudsman",
    "revisor",
    "rådgivare",
    "analytiker",
    "specialist",
    "expert",
    "ansvarig",
    "planerare",
    "kurator",
    "föredragande",
    "ordförande",
    "suppleant",
    "ledamot",
    "ersättare",
    "tjänsteman",
    "notarie",
)
ORG_SUFFIXES = (
    "förvaltningen",
    "förvaltning",
    "nämnden",
    "styrelsen",
    "förbundet",
    "landstinget",
    "kontoret",
    "kontor",
    "kansliet",
    "enheten",
    "avdelningen",
    "huset",
    "salen",
    "rummet",
    "staben",
    "bolaget",
    "polisen",
    "område",
    "området",
    "centralen",
    "centrum",
    "kommun",
    "kommunen",
    "regionen",
    "gruppen",
    "rådet",
    "föreningen",
    "myndigheten",
    "universitet",
    "sjukhus",
    "skolan",
    "verket",
    "fullmäktige",
)
STOP_WORDS = words("""
    region kommun landstinget tf t.f vice ordf ordförande sekreterare justerare justerande ersättare
    ledamot ledamöter suppleant protokoll kallelse plats tid datum sida organ beslutande närvarande
    övriga paragrafer paragraf underskrifter underskrift sammanträdesdatum mötesdatum se enligt utses
    justeringens justering ärende ärenden ärendelista dagordning föredragningslista information
    beslut bilaga anslag bevis kl klockan dnr diarienummer stora nya norra södra östra västra
    måndag tisdag onsdag torsdag fredag lördag söndag januari februari mars april juni juli augusti
    september oktober november december myndighet administrativ tjänstgörande tjänstgör val mötets
    förvaringsplats utdragsbestyrkande frånvarande avgått kommunledningskontoret politiker tjänstemän
    yttranderätt insynsplats omröstningar minnesanteckningar innehåll sammanfattning förslag
    """)


def fold(s: str) -> str:
    """Lower-case and strip Swedish diacritics, keeping the length (for OCR-tolerant matching)."""
    return s.lower().translate(_FOLD)


_FOLD = str.maketrans("åäöéèáàüø", "aaoeeaauo")


def is_first_name(unit: str) -> bool:
    u = unit.lower()
    if u in FIRST_NAMES:
        return True
    head = u.split("-")[0]
    return "-" in u and head in FIRST_NAMES


def is_stop_unit(unit: str) -> bool:
    u = unit.lower().rstrip(".")
    if u in STOP_WORDS or (" " in u and u.split()[-1] in STOP_WORDS):
        return True
    if is_first_name(u):
        return False
    if (len(u) > 5 and (u.endswith(TITLE_SUFFIXES) or u.endswith(ORG_SUFFIXES))) or (
        len(u) > 8 and u.endswith("ingen")
    ):
        return True
    # adjectives such as "Administrativ", "Ekonomisk", and genitives of places ("Kungälvs")
    return len(u) > 5 and u.endswith(("iv", "isk", "iska"))


@dataclass
class Chunk:
    text: str
    start: int
    end: int
    strong: bool  # starts with a known first name and has at least two words (or is a hyphenated first name)
    person: bool  # could be a person's name at all
    in_list: bool = False  # shares its run with other names or with title words ("Utredare Per Holm")


def _units(run: str, base: int) -> list[tuple[str, int, int]]:
    return [(m.group(0), base + m.start(), base + m.end()) for m in UNIT_RE.finditer(run)]


def split_run(run: str, base: int = 0) -> list[Chunk]:
    """Split a run of capitalised words into chunks: names and non-name words."""
    units = _units(run, base)
    chunks: list[Chunk] = []
    group: list[tuple[str, int, int]] = []

    def flush() -> None:
        if not group:
            return
        for part in _split_long(group):
            chunks.append(_make_chunk(part))
        group.clear()

    prev_fn = False
    for unit in units:
        word = unit[0]
        if is_stop_unit(word):
            flush()
            chunks.append(Chunk(word, unit[1], unit[2], False, False))
            prev_fn = False
            continue
        fn = is_first_name(word)
        if fn and group and not prev_fn:
            flush()
        group.append(unit)
        prev_fn = fn
    flush()
    return chunks


def _split_long(group: list[tuple[str, int, int]]) -> list[list[tuple[str, int, int]]]:
    n = len(group)
    if n <= 3:
        return [group]
    # a leading single non-first-name unit before a known first name is a stray word
    parts: list[list[tuple[str, int, int]]] = []
    i = 0
    while n - i > 3:
        parts.append(group[i : i + 2])
        i += 2
    parts.append(group[i:])
    return parts


def _make_chunk(units: list[tuple[str, int, int]]) -> Chunk:
    text = " ".join(u[0] for u in units)
    first = units[0][0]
    initial_only = len(first.rstrip(".")) == 1
    strong = not initial_only and is_first_name(first) and (len(units) >= 2 or "-" in first)
    person = not initial_only and (len(units) >= 2 or strong)
    if person and not strong and re.search(r"[^aeiouyåäöé]s$", first) and len(first) > 3:
        person = False  # an unknown first word in a genitive form is rarely a first name ("Kungälvs Energi")
    return Chunk(text, units[0][1], units[-1][2], strong, person)


def chunks_in(text: str, start: int = 0, end: int | None = None) -> list[Chunk]:
    out: list[Chunk] = []
    for m in RUN_RE.finditer(text, start, len(text) if end is None else end):
        chunks = split_run(m.group(0), m.start())
        names = [c for c in chunks if c.person]
        titled = any(not c.person and c.text.lower().endswith(TITLE_SUFFIXES) for c in chunks)
        if (len(names) > 1 and any(c.strong for c in names)) or titled:
            for c in names:
                c.in_list = True
        out.extend(chunks)
    return out


def party_of(label: str, lenient: bool = False) -> str | None:
    """The party in a bracket or after a comma, as written, or None."""
    raw = " ".join(label.split())
    if not raw or raw == "-":
        return None
    compact = raw.replace(" ", "")
    low = compact.lower()
    if low in PARTIES:
        return compact
    # OCR: D read as O ("KO" for KD, "OSP" for DSP)
    fixed = low.replace("o", "d")
    if fixed in PARTIES and fixed != low:
        return compact.replace("O", "D").replace("o", "d")
    if lenient and re.fullmatch(r"[A-ZÅÄÖ][A-Za-zÅÄÖåäö]{0,3}", compact) and low not in NON_PARTIES:
        return compact
    return None


def clean_name(name: str) -> str:
    return " ".join(name.replace("´", "").replace("`", "").split())
