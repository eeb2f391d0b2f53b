"""Items (§ paragraphs, agenda points) and what each says."""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass
from difflib import SequenceMatcher

from beslutskoll.model import Extraction, Item, Motion
from beslutskoll.parse.agenda import parse_row
from beslutskoll.parse.assignments import find_assignments
from beslutskoll.parse.columns import MIN_BARE_RUN, column_entries, is_bare
from beslutskoll.parse.dates import TIME
from beslutskoll.parse.decisions import running_decision
from beslutskoll.parse.fallback import standing_titles
from beslutskoll.parse.fold import fold
from beslutskoll.parse.kinds import decision_kinds
from beslutskoll.parse.names import FULL_NAME, LOWER, UPPER, is_first_name, person_names
from beslutskoll.parse.presenters import find_presenters
from beslutskoll.parse.references import find_references
from beslutskoll.parse.registers import dnr_entries
from beslutskoll.parse.sections import Section, label_kind, split_sections
from beslutskoll.parse.segment import Head, chains, find_heads
from beslutskoll.parse.titles import split_title
from beslutskoll.parse.toc import toc_entries
from beslutskoll.parse.weblist import bodies_after_list

_CASE = re.compile(r"^\s*(?:Diarienummer|Dnr|DNR|Dnr\.)\s*:?\s*(?P<cn>[\wÅÄÖåäö][\wÅÄÖåäö./-]*(?:\s+\d{3})?)\s*$")
_CASE_INLINE = re.compile(r"\(?(?:Diarienummer|Dnr|DNR)\.?\s*:?\s*(?P<cn>[\wÅÄÖåäö][\wÅÄÖåäö./-]*\d(?:\s+\d{3}\b)?)\)?")
# group headings of an agenda ("Beslutsärenden", "Anmälningsärenden", "Informationspunkter"), folded
# a diarienummer glued to the end of a web page's title: "… kommunallagenLS 0806-0619"
# or standing in a flattened "Dnr" column after it: "… tillhörande mark 2014/487 AKK"
_TRAILING_CASE = re.compile(
    r"(?:(?<=[a-zåäö)])|\s+)(?P<cn>[A-ZÅÄÖ]{1,5}\s?\d{2,4}[-/.]\d{1,5}(?:[-/.]\d{1,5})?"
    r"|(?:\d{4})?/\d{1,5}\s+[A-ZÅÄÖ]{2,5}(?:\s+\d{4}/\d{1,5}\s+[A-ZÅÄÖ]{2,5})*)\s*$"
)
# the case number opening a "Diarienummer:" section's first line
_CASE_TOKEN = re.compile(r"^\s*[\wÅÄÖåäö][\wÅÄÖåäö./-]*\d[\wÅÄÖåäö./-]*(?:\s+\d{3}\b)?\s*")
_CATEGORY = re.compile(r"^\s*(?P<cat>[a-z]{3,}(?:arenden?|punkter))\s*:?\s*$")
_GROUP_PRESENTER = re.compile(r"^\s*(?:Föredragande|Föredragare)\b[^:\n]{0,40}:\s*\S")
_TOC_LEADER = re.compile(r"\s*(?:\.{2,}|…+|_{3,})\s*\d*\s*$")


@dataclass
class _People:
    """The document's people as the items need them, built once per document."""

    names: list[str]
    chair: str | None
    roles: dict[str, str]  # a participant's title ("förvaltningschef") → name

    @classmethod
    def of(cls, extraction: Extraction, text: str = "") -> _People:
        listed = [p.name for p in extraction.participants]
        # people named in full only in the text ("Moa Lindunger" in an agenda row), the most frequent first
        mentioned = Counter(person_names(text))
        others = sorted((n for n in mentioned if n not in listed), key=lambda n: -mentioned[n])
        return cls(
            names=listed + others,
            chair=extraction.chair,
            roles={p.role.lower(): p.name for p in extraction.participants if p.role},
        )


_CASE_YEAR_NUMBER = re.compile(r"\b(?:19|20)\d{2}/\d{1,5}\b")


def _spread_stacked_names(items: list[Item], item: Item, names: list[str], row: str) -> None:
    """Presenter names a column stacked on one agenda row belong one each to the rows before it.

    Text extraction of a table may put the names of several rows on the last of them: "… Vibyn
    2015/100 2015/106 Anna Ek Per Lund". Spread only with evidence: a name repeated on one row, or
    as many case numbers on the row as names while the rows before it have neither name nor case.
    """
    k = len(names) - 1
    if k < 1 or len(items) < k:
        return
    before = items[-k:]
    if any(b.presenters for b in before):
        return
    repeated = len(set(names)) < len(names)
    stacked_cases = len(_CASE_YEAR_NUMBER.findall(row)) >= len(names) and not any(b.case_number for b in before)
    if not (repeated or stacked_cases):
        return
    for b, name in zip(before, names, strict=False):
        b.presenters = [name]
    item.presenters = [names[-1], *(p for p in item.presenters if p not in names)]


# the signature block ("Justerande", "Ordförande Anna Ek", "Utdragsbestyrkande") is never an item, even
# when a paragraph number printed beside it looks like a head
_NOT_AN_ITEM = re.compile(
    r"(?:Justerande|Justerandes(?:\s+sign(?:atur)?)?|Justerare|Ordförande|Sekreterare|Utdragsbestyrkande"
    rf"|Underskrifter|Underskrift)[\s.:]*(?:[{UPPER}][{LOWER}]+(?:[\s-]+|$))*$"
    # nor is the heading of a table of contents ("2 av 2 Innehåll 3 Justering …")
    r"|(?:Innehåll|Innehållsförteckning|INNEHÅLL|Ärendeförteckning|Ärendelista)[\s.:]*$"
)


def parse_items(lines: list[str], extraction: Extraction) -> list[Item]:
    text = "\n".join(lines)
    entries = toc_entries(text)
    listed = frozenset(int(n) for n, _ in entries if n and n.isdigit())
    items = _chain_items(text, extraction, listed) or _standing_items(text, extraction)
    if len(entries) > len(items):
        items = _merge_toc(entries, items)
    return [i for i in items if not _NOT_AN_ITEM.match(i.title or "")]


def _standing_items(text: str, extraction: Extraction) -> list[Item]:
    """Items found by their standing titles where no item number survived."""
    titles = standing_titles(text)
    people = _People.of(extraction, text)
    items = []
    for k, (_, end, title) in enumerate(titles):
        stop = titles[k + 1][0] if k + 1 < len(titles) else min(len(text), end + 3000)
        body = text[end:stop].strip().lstrip(".: ")
        head = Head(0, 0, 0, "", "line", 0.0)
        item = _parse_block(head, [title, *body.split("\n")], extraction, people, compact=False)
        item.number = None
        if item.decision is None and re.search(r"(?:godkänns|fastställs)$", title):
            # "Dagordningen godkänns. Punkten X läggs till …": the heading is itself the decision
            first = re.match(r"[^.!?]*[.!?]?", body)
            item.decision = " ".join(f"{title}. {first.group(0) if first else ''}".split())
            item.decision_kinds = decision_kinds(item.decision)
        items.append(item)
    return items


def _merge_toc(entries: list[tuple[str | None, str]], items: list[Item]) -> list[Item]:
    """Table-of-contents entries in their order, each replaced by its paragraph where one was found."""
    by_number = {i.number: i for i in items if i.number}
    used: set[int] = set()
    merged: list[Item] = []
    for number, title in entries:
        match = by_number.get(number) if number else None
        if match is None:
            match = next((i for i in items if id(i) not in used and _similar(i.title, title)), None)
        if match is not None and id(match) not in used:
            used.add(id(match))
            merged.append(match)
        else:
            merged.append(Item(number=number, title=title))
    return merged + [i for i in items if id(i) not in used]


def _similar(a: str, b: str) -> bool:
    # the cheap upper bounds first: ratio() is quadratic, and flattened text gives long titles
    matcher = SequenceMatcher(None, a.lower(), b.lower())
    return matcher.real_quick_ratio() >= 0.8 and matcher.quick_ratio() >= 0.8 and matcher.ratio() >= 0.8


def _chain_items(text: str, extraction: Extraction, listed: frozenset[int] = frozenset()) -> list[Item]:
    found = chains(find_heads(text), prefer_first=extraction.document_type == "kallelse", listed=listed)
    if not found:
        return []
    people = _People.of(extraction, text)
    body_chain = found[-1]
    toc = found[0] if len(found) > 1 else None
    web = bodies_after_list(text, body_chain)
    if web is not None:
        # a web page's list of titles with the texts after it
        end, bodies = web
        items = _items_from_chain(body_chain, text[:end], extraction, people, compact=True)
        return [_with_body(item, bodies.get(item.number or ""), extraction, people) for item in items]
    if toc is None and _is_compact(body_chain, text):
        toc, body_chain = body_chain, []
    items: list[Item] = []
    if body_chain:
        items = _items_from_chain(body_chain, text, extraction, people)
    if toc:
        toc_items = _items_from_chain(toc, text, extraction, people, compact=True)
        have = {i.number for i in items}
        # paragraphs the excerpt lost keep their table-of-contents entry
        keys = _order_keys(toc_items) | _order_keys(items)
        merged = [i for i in toc_items if i.number not in have] + items
        for item in items:
            entry = next((t for t in toc_items if t.number == item.number), None)
            if entry and (not item.title or len(item.title) > 2 * len(entry.title) + 20):
                item.title = entry.title
        items = sorted(merged, key=lambda i: keys[id(i)])
    return items


def _order_keys(items: list[Item]) -> dict[int, tuple[int, str, int]]:
    """Sort keys by number; an item without one stays after the numbered item before it."""
    keys: dict[int, tuple[int, str, int]] = {}
    last: tuple[int, str] = (-1, "")
    for k, item in enumerate(items):
        if item.number:
            last = _number_key(item.number)
        keys[id(item)] = (*last, k if not item.number else -1)
    return keys


def _with_body(item: Item, body: str | None, extraction: Extraction, people: _People) -> Item:
    """An item of a web page's list read again with the text given for it after the list."""
    if not body:
        return item
    head = Head(0, 0, 0, "", "line", 0.0)
    full = _parse_block(head, [item.title, *body.split("\n")], extraction, people, compact=False)
    full.number, full.title, full.case_number = item.number, item.title, item.case_number or full.case_number
    full.time = item.time
    return full


def _number_key(number: str | None) -> tuple[int, str]:
    m = re.match(r"(\d+)(.*)", number or "")
    return (int(m.group(1)), m.group(2)) if m else (10**9, "")


def _is_compact(chain: list[Head], text: str) -> bool:
    """A table of contents: most entries are one short line with no sentence in it."""
    if len(chain) < 3:
        return False
    short = pairs = 0
    for a, b in itertools.pairwise(chain):
        if b.number - a.number > 1 and pairs >= 2:
            continue  # the text before a skipped number also holds the entries that lost theirs
        pairs += 1
        block = text[a.body:b.start].strip()
        lines = [line for line in block.split("\n") if line.strip()]
        sentence = any(re.search(r"[a-zåäö]\.$", _TOC_LEADER.sub("", line.strip())) for line in lines)
        short += len(block) <= 160 and len(lines) <= 2 and not sentence
    return short >= 0.75 * pairs


def _items_from_chain(
    chain: list[Head], text: str, extraction: Extraction, people: _People, compact: bool = False
) -> list[Item]:
    items: list[Item] = []
    category: str | None = None
    pending_case: str | None = None
    group_presenters: list[str] = []
    longest = 0
    column = _number_column(chain, text)
    for k, head in enumerate(chain):
        end = chain[k + 1].start if k + 1 < len(chain) else len(text)
        block = text[head.body:end]
        if column and column[0] <= k < column[1]:
            continue  # a number of the column whose titles follow the last of them
        if column and k == column[1]:
            items.extend(_column_items(chain[column[0]:k + 1], block, people))
            continue
        if k + 1 == len(chain) and k > 0:
            # the last item runs into signatures or attachments: keep no more than the longest item,
            # and nothing of an attached extract of other minutes
            block = "\n".join(_until_attachment(block.split("\n"))[: longest + 5])
        longest = max(longest, block.count("\n"))
        register = _register_items(head, block.split("\n"))
        if register:
            # a register's entries are closed by their "Dnr", so carry no page numbers
            items.extend(register)
            continue
        if compact:
            # a table-of-contents entry ends at the first blank line after its text
            block = re.sub(r"^(?:[ \t]*\n)+", "", block).split("\n\n")[0]
        lines = block.split("\n")
        # a case number, group heading or group presenter at the end of a block belongs to the items after it
        trailer, lines = _take_trailing(lines)
        column_names: list[str] = []
        item = _parse_block(head, lines, extraction, people, compact, column_names)
        _spread_stacked_names(items, item, column_names, "\n".join(lines))
        if pending_case and not item.case_number:
            item.case_number = pending_case
        if category and not item.category:
            item.category = category  # type: ignore[assignment]
        if group_presenters and not item.presenters:
            item.presenters = list(group_presenters)
        pending_case = trailer.case
        if trailer.heading is not None:
            category, group_presenters = trailer.heading or None, []
        if trailer.presenter:
            group_presenters = find_presenters(trailer.presenter, people.names, people.chair)
        items.append(item)
    if compact or len(items) > len(chain):
        labels = {h.label for h in chain}
        _strip_page_numbers([i for i in items if i.number in labels])
    return items


# the heading of an attached extract of minutes ("Utdrag ur sammanträdesprotokoll"; OCR reads "ur" as "ut")
_ATTACHMENT_START = re.compile(
    r"\s*(?:utdrag\s+u[rt]\s+(?:sammantrades)?protokoll(?:et)?|protokollsutdrag)\b[\s.:]*", re.IGNORECASE
)


def _until_attachment(lines: list[str]) -> list[str]:
    for k, line in enumerate(lines):
        if k > 0 and _ATTACHMENT_START.fullmatch(fold(line)):
            return lines[:k]
    return lines


def _number_column(chain: list[Head], text: str) -> tuple[int, int] | None:
    """(first, holder): a run of heads without titles, the titles all after the holder, its last head."""
    run = 0
    for k, head in enumerate(chain):
        end = chain[k + 1].start if k + 1 < len(chain) else len(text)
        if k + 1 < len(chain) and is_bare(text[head.body:end]):
            run += 1
            continue
        if run >= MIN_BARE_RUN:
            return k - run, k
        run = 0
    return None


def _column_items(heads: list[Head], block: str, people: _People) -> list[Item]:
    """The items of a title column whose numbers stood apart; numbered only where the counts agree."""
    entries = column_entries(block)
    numbered = len(entries) == len(heads)
    items = []
    for k, (title, category) in enumerate(entries):
        item = Item(number=heads[k].label if numbered else None, title=title, category=category)  # type: ignore[arg-type]
        item.presenters = find_presenters(title, people.names, people.chair, people.roles)
        items.append(item)
    return items


# "Kontaktpolitiker 2019 18-19", "Val av ersättare 22-23 2": the page column of a table of contents
_PAGE_COLUMN = re.compile(r"(?:\s+\d{1,3}(?:\s*-\s*\d{1,3})?)+$")


def _strip_page_numbers(items: list[Item]) -> None:
    """Drop page numbers after the titles of a table of contents, where most titles carry one."""
    ends = [_PAGE_COLUMN.search(i.title) for i in items]
    if sum(m is not None for m in ends) * 2 < len(items):
        return
    for item, m in zip(items, ends, strict=True):
        if m and m.start() > 0:
            item.title = item.title[: m.start()].rstrip(" ,")


def _register_items(head: Head, lines: list[str]) -> list[Item]:
    """The head's entry and those after it where the block is a flattened register ("… Dnr: KS …")."""
    first = next((line for line in lines if line.strip()), "")
    entries = dnr_entries(" " + first)
    if not entries:
        return []
    items = [Item(number=head.label, title=entries[0][1], case_number=entries[0][2])]
    items += [Item(number=n, title=t, case_number=c) for n, t, c in entries[1:]]
    for line in lines[lines.index(first) + 1:]:
        more = dnr_entries(" " + line) if line.strip() else []
        if line.strip() and not more:
            break
        items += [Item(number=n, title=t, case_number=c) for n, t, c in more]
    return items


@dataclass
class _Trailer:
    """What the end of a block says about the items after it."""

    case: str | None = None
    heading: str | None = None  # a group heading ("Beslutsärenden"): its category, or "" for none
    presenter: str | None = None  # "Föredragande landstingsråd: …" over a group of items


def _take_trailing(lines: list[str]) -> tuple[_Trailer, list[str]]:
    trailer = _Trailer()
    while lines and not lines[-1].strip():
        lines = lines[:-1]
    while lines:
        last = lines[-1]
        m = _CASE.match(last)
        c = _CATEGORY.match(fold(last))
        if m and trailer.case is None:
            trailer.case = m.group("cn")
        elif c and trailer.heading is None:
            cat = c.group("cat")
            trailer.heading = "information" if cat.startswith("information") else "beslut" if cat.startswith("beslut") else ""
        elif _GROUP_PRESENTER.match(last) and trailer.presenter is None and trailer.heading is None:
            trailer.presenter = last.strip()
        elif not last.strip() or re.fullmatch(r"\s*\d{1,3}[.)]?\s*", last):
            pass  # blank, or the list marker of a web page's "1. 6." before the next head
        else:
            break
        lines = lines[:-1]
    return trailer, lines


def _parse_block(
    head: Head, lines: list[str], extraction: Extraction, people: _People, compact: bool,
    column_names: list[str] | None = None,
) -> Item:
    """One item from its block; column_names, when given, receives the row's names as the column gave them."""
    # the title is the first line with text; a line holding only "Dnr …" before it gives the case number
    case_number = None
    first, rest = "", lines
    while not first and rest:
        first, rest = rest[0].strip(), rest[1:]
        m = _CASE_INLINE.match(first)
        if m and len(first) - m.end() < 3:
            case_number, first = m.group("cn"), ""
    first = _TOC_LEADER.sub("", first)
    item_time = None
    presenters_in_title: list[str] = []
    title, tail = _title_from(first, rest, extraction.document_type, compact)
    if extraction.document_type == "kallelse" and not compact and not tail:
        row, rest = _row_lines(rest)
        title, item_time, presenters_in_title = parse_row([title, *row])
        if column_names is not None:
            column_names.extend(presenters_in_title)
    elif compact or extraction.document_type == "kallelse":
        title, item_time, presenters_in_title = parse_row([title], names_anywhere=True)
        if column_names is not None and extraction.document_type == "kallelse":
            column_names.extend(presenters_in_title)
    if not case_number:
        cm = _CASE_INLINE.search(title) or _TRAILING_CASE.search(title)
        if cm:
            case_number = cm.group("cn")
            title = (title[:cm.start()] + title[cm.end():]).strip(" ,")
    body_lines = ([tail] if tail else []) + rest
    sections = split_sections(body_lines) if not compact else []
    item = Item(number=head.label, title=title, case_number=case_number, time=item_time)
    _fill_sections(item, sections, extraction)
    if not item.case_number:
        for s in sections:
            if s.kind == "case_number" and s.text:
                item.case_number = s.text.split()[0].strip(".,")
    whole = " ".join(s.text for s in sections)
    labelled = [f"Föredragande: {s.lines[0]}" for s in sections if s.kind == "presenter" and s.lines]
    found = find_presenters("\n".join([*labelled, title, whole]), people.names, people.chair, people.roles)
    item.presenters = list(dict.fromkeys([*presenters_in_title, *found]))
    item.category = _category(title, whole)
    return item


# "Bilagor: a) PM, b) Förslag", "Bilaga: Förslag till plan" after a title
_ATTACHMENTS = re.compile(r"(?<=\S)\s+Bilag(?:a|or)\s*:")


def _title_from(first: str, rest: list[str], document_type: str, compact: bool) -> tuple[str, str]:
    """The item's title and what follows it on the same line."""
    first = " ".join(first.split())
    attachments = _ATTACHMENTS.search(first)
    if attachments:
        # "Årsredovisning 2014 Bilagor: a) PM, b) …": a title stops at its list of attachments
        first, tail = first[:attachments.start()], first[attachments.start():].strip()
        return (first, "") if compact or document_type == "kallelse" else (first, tail)
    if compact:
        # a table-of-contents title wraps onto the next line when it ends mid-phrase
        if rest and rest[0].strip() and re.search(r"\b(?:för|av|och|i|om|på|till|med|mellan|inom)$", first):
            first = f"{first} {_TOC_LEADER.sub('', rest[0].strip())}"
        return first, ""
    if document_type == "kallelse":
        return first, ""  # agenda rows are read column by column
    # a heading line that ends a sentence ran into its text ("Allmänhetens frågestund Inga frågor ställs.")
    if len(first) > 120 or (len(first) > 30 and first.endswith((".", ":", "!", "?"))) or re.search(
        r"\s(?:Sammanfattning|Beslut|Förslag till beslut|Ärendebeskrivning)\b", first
    ):
        return split_title(first)
    return first, ""


def _row_lines(rest: list[str]) -> tuple[list[str], list[str]]:
    """The physical lines that continue an agenda row, and what follows them."""
    row: list[str] = []
    for i, line in enumerate(rest):
        stripped = line.strip()
        if not stripped:
            continue
        if len(row) >= 2 or label_kind(stripped) or _CATEGORY.match(fold(stripped)) or not _continues_row(stripped):
            return row, rest[i:]
        row.append(stripped)
    return row, []


def _continues_row(line: str) -> bool:
    """A wrapped title (lower-case start), or only names and a time from the other columns."""
    if len(line) > 90 or line.endswith("."):
        return False
    if line[:1].islower():
        return True
    if any(w.isupper() and len(w) > 4 for w in line.split()):
        return False  # "TJÄNSTESKRIVELSE": the heading of an attached document
    if not re.fullmatch(r"(?:[A-ZÅÄÖÉ][\wåäöé-]*,?\s+){0,4}(?:[A-ZÅÄÖÉ][\wåäöé-]*,?)?\s*(?:kl\.?\s*)?(?:\d{1,2}[.:]\d\d)?", line):
        return False
    # a name column starts with a first name; a lone "Anmälan" is another column's value
    return bool(TIME.search(line)) or is_first_name(line.split()[0].rstrip(","))


def _category(title: str, text: str) -> str | None:
    probe = f"{title} {text[:80]}".lower()
    if re.search(r"\binformationsärende\b", probe):
        return "information"
    if re.search(r"\bbeslutsärende\b", probe):
        return "beslut"
    return None


def _fill_sections(item: Item, sections: list[Section], extraction: Extraction) -> None:
    summary: list[str] = []
    paragraphs: list[str] = []  # the summary's paragraphs, where running decisions are looked for
    for s in sections:
        text = s.text
        if not text:
            continue
        if s.kind in ("text", "summary"):
            summary.append(text)
            paragraphs.extend(s.paragraphs)
        elif s.kind == "presenter":
            # only the label's own line names the presenter; what follows is running text
            summary.append(" ".join(" ".join(s.lines[1:]).split()))
            paragraphs.extend(Section("text", s.lines[1:]).paragraphs)
        elif s.kind == "case_number":
            # "Diarienummer: RJL2017/101 Informationshandlingar anmäls …": after the number, running text
            first = _CASE_TOKEN.sub("", s.lines[0], count=1) if s.lines else ""
            summary.append(" ".join(" ".join([first, *s.lines[1:]]).split()))
            paragraphs.extend(Section("text", [first, *s.lines[1:]]).paragraphs)
        elif s.kind == "proposal":
            item.proposal = _join(item.proposal, text)
        elif s.kind == "decision":
            kept = _until_heading(s.lines)
            item.decision = _join(item.decision, " ".join(" ".join(kept).split()) if kept != s.lines else text)
        elif s.kind == "motions":
            item.motions.append(Motion(by=_motion_author(text), text=text))
        elif s.kind == "documents":
            item.documents.extend(_list_entries(s.lines))
        elif s.kind == "sent_to":
            item.sent_to.extend(_list_entries(s.lines))
    item.summary = " ".join(summary) or None
    if extraction.document_type == "kallelse" and item.decision:
        item.proposal, item.decision = _join(item.proposal, item.decision), None
    if item.decision is None and extraction.document_type != "kallelse" and item.summary:
        item.decision = running_decision(paragraphs, item.title)
    item.decision_kinds = decision_kinds(item.decision)
    date = extraction.meeting.date
    item.assignments = find_assignments(item.decision, date) if item.decision else []
    # the title and the documents name earlier minutes too ("Protokoll från ungdomsrådet 2019-02-27")
    text = ". ".join(x for x in (item.title, item.summary, item.decision, *item.documents) if x)
    item.references = find_references(text, date, extraction.meeting.body)


def _until_heading(lines: list[str]) -> list[str]:
    """A decision's lines up to an attached document: a short heading after a blank line."""
    seen_text = blank = False
    for k, line in enumerate(lines):
        stripped = line.strip()
        if not stripped:
            blank = True
            continue
        heading = (
            len(stripped.split()) <= 5 and stripped[0].isupper() and not stripped.endswith((".", ":", ",", ";"))
            and not re.match(r"(?:att|Att)\b|[-•·*\d]", stripped)
        )
        if seen_text and blank and heading:
            return lines[:k]
        seen_text, blank = True, False
    return lines


def _join(a: str | None, b: str) -> str:
    return f"{a} {b}" if a else b


def _motion_author(text: str) -> str | None:
    m = FULL_NAME.match(text)
    if m and is_first_name(m.group(0).split()[0]):
        return m.group(0)
    return None


def _list_entries(lines: list[str]) -> list[str]:
    entries = []
    for line in lines:
        line = re.sub(r"^\s*(?:[-•·*–]|e\s)\s*", "", line).strip()
        if line:
            entries.append(line)
    return entries
