"""The meeting header: body, organisation, date, times, place, case number."""

from __future__ import annotations

import re
from collections import Counter

from beslutskoll.model import Meeting
from beslutskoll.parse.dates import find_dates, hhmm, time_range
from beslutskoll.parse.people import HEAD_CHARS, normalise
from beslutskoll.parse.people_labels import LABEL_RE
from beslutskoll.parse.people_names import chunks_in, is_first_name, words

TITLE_CHARS = 320
_WEEKDAY = r"(?:mån|tis|ons|tors|fre|lör|sön)dag(?:en|ar)?"
_MONTH = r"(?:januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december)"
_BODY_WORD = re.compile(
    r"(?<![\w-])[\wåäöÅÄÖéÉ-]*?(?:nämnd|nämnden|styrelse|styrelsen|fullmäktige|råd|rådet|utskott|utskottet"
    r"|grupp|gruppen|förbund|förbundet|beredning|beredningen|direktion|direktionen|kommitté|kommittén"
    r"|delegation|delegationen|presidium|presidiet|forum|samverkansorgan|nätverk|nätverket)(?![\w-])",
    re.IGNORECASE,
)
_ORG_HEADS = re.compile(
    r"^(?:Region\b|REGION\b|Landstinget|[\wåäö]*förbundet|[\wåäö]+s\s+kommun)", re.IGNORECASE
)
_ADJECTIVE = re.compile(r"^[\wåäöÅÄÖ]+(?:a|e|ande|ende|iga|ala|s)$|^[\wåäöÅÄÖ]+-$", re.IGNORECASE)
_NOT_BODY_LEFT = words(
    "protokoll kallelse sammanträdesprotokoll minnesanteckningar mötesanteckningar till med för och i på "
    "av om den det ett en nr sida organ utdrag från"
)


def parse_meeting(lines: list[str], document_type: str) -> Meeting:
    text = normalise(lines)
    head = text[:HEAD_CHARS]
    m = Meeting()
    m.body, sure = _body(head, text)
    m.body_short = _body_short(text, m.body if sure else None)
    m.organisation = _organisation(head, text, m.body)
    year = _common_year(text)
    m.date = _date(head, year)
    m.start, m.end = _times(head, text)
    m.location = _location(head)
    m.case_number = _case_number(text)
    return m


# --- body ---------------------------------------------------------------------------------------


def _body(head: str, text: str) -> tuple[str | None, bool]:
    for lm in re.finditer(r"(?<![\w-])(?:Organ(?:\s+och\s+§§)?|Nämnd/[Ss]tyrelse|Nämnd)\s*:?\s*", head):
        bm = _BODY_WORD.match(head, lm.end())
        if bm and bm.group(0)[:1].isupper():
            end = head.find("\n", lm.end())
            line = head[lm.end() : end if end != -1 else len(head)]
            phrase = _body_phrase(line, _BODY_WORD.match(line))
            if phrase:
                return phrase, True
    for sure, scope in ((True, head[:TITLE_CHARS]), (False, text[: HEAD_CHARS * 2])):
        for bm in _BODY_WORD.finditer(scope):
            if re.match(r"\s*:", scope[bm.end():bm.end() + 3]) and bm.group(0)[:1].islower():
                continue  # "Process, arbetsgrupp:": a list heading, even near the top
            if not sure and not _named_body(scope, bm):
                continue
            phrase = _body_phrase(scope, bm)
            if not sure and phrase and phrase[:1].isupper() and bm.group(0)[:1].isupper() and not _repeated(phrase, text):
                continue
            if phrase:
                return phrase, sure
    return None, False


def _repeated(phrase: str, text: str) -> bool:
    """A body named in running text is named again ("Handikapprådet … Handikapprådets aktivitetsplan")."""
    return len(re.findall(rf"(?<![\w-]){re.escape(phrase)}s?(?![\w-])", text)) >= 2


def _named_body(text: str, bm: re.Match[str]) -> bool:
    """Outside the title only a body the text names counts ("sin plats i Kommunala Handikapprådet").

    Running text's common nouns name no meeting body: a list heading ("Process, arbetsgrupp:"), a word
    in brackets, after a preposition or inside a sentence ("där målgruppen personer …"), a sentence's
    subject ("Arbetsgruppen har satt ihop …").
    """
    word = bm.group(0)
    after = text[bm.end():bm.end() + 20]
    before = text[max(0, bm.start() - 40):bm.start()]
    if re.match(r"\s*:", after) or before.rfind("(") > before.rfind(")"):
        return False
    if word[:1].islower():
        # a lower-case body is a form's field value ("… genom anslag arbetsutskott Datum …"), never a sentence's noun
        if not re.match(r"\s*(?:$|\n|[A-ZÅÄÖ])", after):
            return False
        return not re.search(r"(?:^|\s)(?:med|en|ett|i|till|för|av|om|från|på|vår|sin|den|denna|ny)\s+(?:[\wåäö-]+\s+)?$", before)
    sentence_start = not before.strip() or re.search(r"(?:[.!?:]|\n)\s*$", before)
    return not (sentence_start and not re.match(r"\s+[A-ZÅÄÖ]", after))


def _body_phrase(s: str, bm: re.Match[str] | None) -> str | None:
    if bm is None:
        return None
    word = bm.group(0)
    if word.lower() in ("råd", "grupp", "forum") and not word[:1].isupper():
        return None
    line_start = s.rfind("\n", 0, bm.start()) + 1
    line_end = s.find("\n", bm.end())
    line_end = len(s) if line_end == -1 else line_end
    left_words = s[line_start : bm.start()].split()
    caps = word.isupper()
    taken: list[str] = []
    while left_words and len(taken) < 4:
        w = left_words[-1]
        lw = w.lower()
        if lw in _NOT_BODY_LEFT and not (lw == "och" and left_words):
            break
        if lw == "och":
            if len(left_words) < 2:
                break
            taken[:0] = left_words[-2:]
            left_words = left_words[:-2]
            continue
        if not re.fullmatch(r"[\wåäöÅÄÖé-]+", w) or (w.isupper() != caps and len(w) > 1) or w.isdigit():
            break
        if not _ADJECTIVE.match(w):
            break
        taken.insert(0, w)
        left_words = left_words[:-1]
    phrase = " ".join([*taken, word])
    rest = s[bm.end() : line_end]
    fm = re.match(r"\s+för\s+(.*)", rest)
    if fm and not _ORG_HEADS.match(fm.group(1)):
        words = []
        for w in fm.group(1).split():
            if re.search(r"\d", w) or LABEL_RE.match(w) or (w[:1].isupper() and w.lower().endswith("ens")):
                break
            words.append(w)
            if len(words) >= 10:
                break
        if words:
            phrase += " för " + " ".join(words).rstrip(",.;:")
    elif re.match(r"stadsdels|[\wåäö]*förbundet$", word, re.IGNORECASE):
        nm = re.match(r"\s+([A-ZÅÄÖ][a-zåäö]+)\b", rest)
        if nm and not LABEL_RE.match(nm.group(1)) and not is_first_name(nm.group(1)):
            phrase += " " + nm.group(1)
    return _tidy_case(phrase)


def _tidy_case(s: str) -> str:
    if s.isupper():
        s = s.lower()
    return s[:1].upper() + s[1:]


# --- abbreviation ----------------------------------------------------------------------------------

_ABBR_RE = re.compile(
    r"(?<![\w-])[A-ZÅÄÖ][A-Za-zÅÄÖåäö]{0,6}(?<![a-zåäö])(?=[^\w]|$)|(?<![\w-])[A-ZÅÄÖ][a-zåäö]*[A-ZÅÄÖ][A-Za-zÅÄÖåäö]*(?![\w-])"
)
_NOT_ABBR = words(
    "SKR SKL EU HSL SOU PRO SPF RJH IFO LSS SOL KF KS MP SD KD FP PBL GDPR IT AB OBS PM BEVIS ANSLAG"
)


def _is_subsequence(abbr: str, phrase: str) -> bool:
    it = iter(phrase.lower())
    return all(ch in it for ch in abbr.lower())


def _body_short(text: str, body: str | None) -> str | None:
    if body:
        m = re.search(
            re.escape(body) + r"\s*[,(]\s*([A-ZÅÄÖ][A-Za-zÅÄÖåäö]{1,7})\s*[,)]", text, re.IGNORECASE
        )
        if m and m.group(1) != body:
            return m.group(1)
    counts: Counter[str] = Counter()
    for m in re.finditer(r"(?<![\w-])([A-ZÅÄÖ][A-Za-zÅÄÖåäö]{1,7})(?![\w-])", text):
        tok = m.group(1)
        if sum(c.isupper() for c in tok) < 2 or tok in _NOT_ABBR or len(tok) < 2:
            continue
        counts[tok] += 1
    if body:
        cands = [
            t for t, _ in counts.most_common() if t[0].lower() == body[0].lower() and _is_subsequence(t, body)
        ]
        if cands:
            return cands[0]
        return None
    for tok, n in counts.most_common(5):
        if (
            n >= 3
            and tok.isupper()
            and len(tok) >= 3
            and re.search(rf"\b{tok}\s+beslutar|vid\s+{tok}\b|{tok}:s\b", text)
        ):
            return tok
    return None


# --- organisation ----------------------------------------------------------------------------------

_NOT_PLACE = words(
    "varje vilken den denna egen annan hela berörd aktuell respektive samma vår er en ny nya din sin "
    "mottagande hemkommun"
)


def _organisation(head: str, text: str, body: str | None) -> str | None:
    scores: Counter[str] = Counter()
    title = head[:TITLE_CHARS]

    def add(name: str, pos: int, weight: float = 1.0) -> None:
        bonus = 4 if pos < TITLE_CHARS else (1 if pos < len(head) else 0)
        window = text[pos : pos + 80].lower()
        if re.search(r"anslagstavla|webbplats|hemsida", window):
            bonus += 3
        scores[name] += weight + bonus

    for m in re.finditer(
        r"(?<![\w-])([A-ZÅÄÖ][\wåäöÅÄÖ-]+)[ ](kommuns?|KOMMUNS?|kommunkontor)(?![\w-])", text
    ):
        place = m.group(1)
        if place.lower() in _NOT_PLACE:
            continue
        scores_name = f"{_tidy_case(place) if place.isupper() else place} kommun"
        add(scores_name, m.start())
    for m in re.finditer(r"(?<![\w-])[Kk]ommun(?:kontoret|huset)\s+i\s+([A-ZÅÄÖ][\wåäö-]+)", head):
        place = m.group(1)
        add(place + ("" if place.endswith(("s", "x", "z")) else "s") + " kommun", m.start(), 2)
    for m in re.finditer(
        r"(?<![\w-])(?:Region|REGION)[ ]+([A-ZÅÄÖ][\wåäöÅÄÖ]+)(?:[ ]+([A-ZÅÄÖ][\wåäöÅÄÖ]+))?", text
    ):
        first, second = m.group(1), m.group(2)
        if len(first) < 3 or (first.isupper() and len(first) <= 3):
            continue
        words = [first]
        if second and not is_first_name(second) and not LABEL_RE.fullmatch(second) and len(second) > 3:
            words.append(second)
        words[-1] = re.sub(r"(?<=[a-zåäö])s$", "", words[-1]) if len(words) > 1 else words[-1]
        add("Region " + " ".join(_tidy_case(w) if w.isupper() else w for w in words), m.start())
    for m in re.finditer(r"(?<![\w-])(?:Landstinget|LANDSTINGET)[ ]+([A-ZÅÄÖ][\wåäöÅÄÖ]+)", text):
        add("Landstinget " + _tidy_case(m.group(1)), m.start())
    for m in re.finditer(r"(?<![\w-])([A-ZÅÄÖ][\wåäö]*förbundet)[ ]+([A-ZÅÄÖ][\wåäö]+(?:[ ]+län)?)", text):
        if not is_first_name(m.group(2)):
            add(f"{m.group(1)} {m.group(2)}", m.start())
    if body and re.search(r"förbundet\b", body) and body in scores:
        return body
    del title
    if not scores:
        return None
    return scores.most_common(1)[0][0]


# --- date and times -------------------------------------------------------------------------------


def _common_year(text: str) -> int | None:
    years = Counter(re.findall(r"(?<!\d)((?:19[5-9]|20[0-4])\d)(?!\d)", text))
    return int(years.most_common(1)[0][0]) if years else None


_DATE_LABELS = [
    r"Sammanträdesdatum|Mötesdatum|Sammanträdesdag",
    r"Plats\s+och\s+(?:sammanträdes)?tid|Tid\s+och\s+plats|Sammanträdet\s+plats\s+och\s+tid|Dag\s+och\s+tid|Dag|Tid|Datum",
]


def _date(head: str, year: int | None) -> str | None:
    for labels in _DATE_LABELS:
        for lm in re.finditer(rf"(?<![\w-])(?:{labels})(?!\s+för)(?![\w-])\s*:?", head):
            window = head[lm.end() : lm.end() + 200]
            found = find_dates(window, year)
            if found:
                return found[0][1]
    scope = head[:600]
    found = [(pos, d) for pos, d in find_dates(scope, year) if not _earlier_decision(scope, pos)]
    if found:
        return found[0][1]
    return None


# "… vid SVOM den 26 februari 2021, § 9", "beslutade nämnden den 3 maj 2021": the date of an earlier decision
_REFERENCE_BEFORE = re.compile(
    r"(?:\bvid\s+(?:[\wåäöÅÄÖ:-]+\s+){1,4}|\bbeslut(?:ade|at|et)?\b[^.\n]{0,60}|\bsammanträde(?:t|s)?\s+)(?:den\s+)?$"
)
_REFERENCE_AFTER = re.compile(r"^[^.\n]{0,30}?,?\s*§\s*\d")


def _earlier_decision(text: str, pos: int) -> bool:
    """A date that belongs to a reference to an earlier decision, never the meeting's own date."""
    before = text[max(0, pos - 80):pos]
    date_end = re.match(r"\d{4}-\d\d-\d\d|\S+\s+\S+(?:\s+\d{4})?", text[pos:])
    after = text[pos + (date_end.end() if date_end else 0):pos + 60]
    return bool(_REFERENCE_BEFORE.search(before) or _REFERENCE_AFTER.match(after))


_TIME_LABELS = (
    r"(?<![\w-])(?:Plats\s+och\s+(?:sammanträdes)?tid|Tid\s+och\s+plats|Sammanträdet\s+plats\s+och\s+tid"
    r"|Dag\s+och\s+tid|Tid|Klockan|Datum)(?!\s+för)(?![\w-])\s*:?"
)


def _times(head: str, text: str) -> tuple[str | None, str | None]:
    for lm in re.finditer(_TIME_LABELS, head):
        window = re.sub(r"(?i)\bkl\.(?=\d)", "kl. ", head[lm.end() : lm.end() + 220])
        lost = re.search(r"(?<![\d:.])\s:\d\d\s+(\d{1,2})[.:](\d\d)(?!\d)", window)
        if lost and not re.search(r"\d[.:]\d\d\s*[-–]", window[: lost.start()]):
            return None, hhmm(lost.group(1), lost.group(2))
        start, end = time_range(window)
        first = re.search(r"(?<![\d:.])([01]?\d|2[0-3])[.:](\d\d)(?![\d:])", window)
        if first and start and hhmm(first.group(1), first.group(2)) != start:
            return hhmm(first.group(1), first.group(2)), None
        if start:
            return start, end
    start = end = None
    om = re.search(r"M\S{1,2}tet\s+\S{1,2}ppnas[^\n]*\n?[^\n\d]*?(\d{1,2})[:.](\d\d)(?!\d)", text)
    if om:
        start = hhmm(om.group(1), om.group(2))
    else:
        sm = re.search(r"(?:inleds|börjar|öppnas)\s+(?:klocka|klockan|kl\.?)\s*(\d{1,2})[:.](\d\d)", text)
        if sm:
            start = hhmm(sm.group(1), sm.group(2))
    em = re.search(r"M\S{1,2}tet\s+avslutas[^\n]*\n?[^\n\d]*?(\d{1,2})[:.](\d\d)(?!\d)", text) or re.search(
        r"(?:avslutar\s+(?:mötet|sammanträdet)|(?:mötet|sammanträdet)\s+avslutas)[^.\n]{0,30}?(?:kl\.?|klockan)\s*(\d{1,2})[:.](\d\d)",
        text,
        re.IGNORECASE,
    )
    if em:
        end = hhmm(em.group(1), em.group(2))
    return start, end


# --- location -------------------------------------------------------------------------------------

_PLACE_LABEL = re.compile(
    r"(?<![\w-])(?:Sammanträdet\s+plats\s+och\s+tid|Plats\s+och\s+(?:sammanträdes)?tid|Tid\s+och\s+plats"
    r"|Sammanträdesplats|Mötesplats|Plats|Lokal)(?!\s+(?:för|och\s+tid\s+för))(?![\w-])\s*:?"
)
_LEADING_NOISE = re.compile(
    rf"(?:\s+|,|\*|{_WEEKDAY}|[Dd]en(?=\s+\d)|\d{{4}}-\d\d-\d\d|\d{{1,2}}\s+{_MONTH}(?:\s+\d{{4}})?"
    r"|(?:[Kk]lockan|[Kk]l\.?)(?:\s*\d{1,2}[.:]\d\d(?:\s*[-–]\s*\d{1,2}[.:]\d\d)?)?|\d{1,2}[.:]\d\d(?:\s*[-–]\s*\d{1,2}[.:]\d\d)?"
    r"|ajourner\w*|i(?=\s+[A-ZÅÄÖ]))",
    re.IGNORECASE,
)
_PLACE_STOP = re.compile(
    rf"\s*,?\s*(?:\b(?:kl\.?|klockan)(?=[\s\d,]|$)|\b{_WEEKDAY}\b|\bden\s+\d|\d{{4}}-\d\d-\d\d|\b\d{{1,2}}\s+{_MONTH}\b"
    r"|\bi\s+samband\s+med\b|\.\s+[A-ZÅÄÖ])",
    re.IGNORECASE,
)


def _location(head: str) -> str | None:
    for lm in _PLACE_LABEL.finditer(head):
        pos = lm.end()
        # skip a run of headings after the label ("Plats och tid Beslutande Övriga närvarande <place>")
        while True:
            sm = re.match(r"[\s:]*", head[pos:])
            nxt = LABEL_RE.match(head, pos + (sm.end() if sm else 0))
            if not nxt:
                break
            pos = nxt.end()
        while True:
            nm = _LEADING_NOISE.match(head, pos)
            if not nm or nm.end() == pos:
                break
            if "\n" in nm.group(0) and head[pos : nm.end()].count("\n") > 2:
                break
            pos = nm.end()
        value = _cut_place(head, pos)
        if value:
            return value
    return None


def _cut_place(head: str, pos: int) -> str | None:
    end = head.find("\n", pos)
    end = len(head) if end == -1 else end
    end = min(end, pos + 160)
    seg = head[pos:end]
    cut = len(seg)
    stop = _PLACE_STOP.search(seg)
    if stop:
        cut = stop.start()
    lab = LABEL_RE.search(seg)
    if lab and lab.start() < cut:
        cut = lab.start()
    for ch in chunks_in(seg, 0, cut):
        if ch.strong and ch.start > 0:
            cut = ch.start
            break
    value = " ".join(seg[:cut].split()).strip(" ,;:-")
    if len(value) < 2 or not re.search(r"[A-Za-zÅÄÖåäö]{2,}", value):
        return None
    return value


# --- case number ----------------------------------------------------------------------------------


def _case_number(text: str) -> str | None:
    top = text[:400]
    m = re.search(r"(?<![\w-])(?:Dnr|DNR|Diarienummer)\s*[:.]?\s*([A-ZÅÄÖ0-9][\w./-]{2,24}(?:\s\d{3})?)", top)
    if m and re.search(r"\d", m.group(1)):
        return m.group(1).rstrip(".,")
    running = Counter(
        mm.group(1)
        for mm in re.finditer(r"(?m)^[ \t]*([A-ZÅÄÖ]{2,5}\s+(?:\d{1,4}/\d{2,4}|\d{4}/\d{1,4}))[ \t]*$", text)
    )
    if running:
        value, n = running.most_common(1)[0]
        if n >= 2:
            return value
    return None
