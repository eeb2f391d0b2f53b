"""Presence lists: who took part, with party, group, role, affiliation, substitution and partial presence."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from beslutskoll.model import Participant
from beslutskoll.parse.people_labels import Label, find_labels
from beslutskoll.parse.people_names import (
    TITLE_SUFFIXES,
    Chunk,
    chunks_in,
    clean_name,
    fold,
    party_of,
)

# text just before a name that makes it the member being replaced
_REPLACES_RE = re.compile(
    r"(?:\bersätter|\btjg\.?(?:\s+för)?|\btjänstgör(?:ande)?(?:\s+ersättare)?\s+för|\bersättare\s+för"
    r"|\(\s*ers\.?|\bers\.?\s+för|\bi\s*stället\s+för|(?<![\w-])för)\s*:?\s*$",
    re.IGNORECASE,
)
_TIME_OR_KL_RE = re.compile(
    r"\b(?:[Kk]l\.?|[Kk]lockan)(?:\s*\d{1,2}[.:]\d\d(?:\s*[-–]\s*\d{1,2}[.:]\d\d)?)?|\d{1,2}[.:]\d\d"
)
_PRESENCE_START_RE = re.compile(
    r"§|\bej\s+(?:fm|em|beslut|§)|\bt\s?o\s?m\b|\btill\s+och\s+från\b|\bfr\.?o\.?m\b|(?<![\w:])\d{1,3}(?![\d:.])|\bKl\b",
    re.IGNORECASE,
)
_ROLE_RES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"\b([123]):?[ae]\s+vice\s+ordf(?:örande|\.)?", re.I), "{0}:e vice ordförande"),
    (re.compile(r"\b(?:vice\s+ordf(?:örande|\.)?|v\.\s*ordf(?:örande|\.)?)", re.I), "vice ordförande"),
    (re.compile(r"\bordf(?:örande|orande|\.|\b)", re.I), "ordförande"),
    (re.compile(r"\btjänstgörande\s+ersättare|\btjg\.?\s+ers", re.I), "tjänstgörande ersättare"),
    (re.compile(r"\b([123]):?[ae]\s+ersättare", re.I), "{0}:e ersättare"),
]
_ERS_MARK_RE = re.compile(r"(?:^|[\s,])ers\.?(?=$|[\s,])", re.I)
_SUPPORT_ROLES = ("sekreterare", "kommunikatör", "nämndsekreterare", "administratör", "nämndadministratör")


@dataclass
class _Entry:
    name: str
    start: int
    end: int
    group: str | None
    forms: set[str] = field(default_factory=set)
    tail: str = ""
    replaces: list[str] = field(default_factory=list)
    prefix_role: str | None = None


def _label_runs(labels: list[Label], text: str) -> list[list[Label]]:
    runs: list[list[Label]] = []
    for lab in labels:
        if runs:
            prev = runs[-1][-1]
            between = text[prev.end : lab.start]
            splits = (prev.value in ("chair", "secretary") and lab.kind == "group") or "value" in (
                prev.value,
                lab.value,
            )
            if not splits and (
                re.fullmatch(r"[\s:,.…]*", between) or (prev.kind == "neutral" and len(between) < 3)
            ):
                runs[-1].append(lab)
                continue
        runs.append([lab])
    return runs


def _is_role_word(lab: Label, text: str, labels_after: list[Label]) -> bool:
    """'Ordförande' after '(S)' or ', ' is the person's role, not a heading."""
    if lab.value not in ("chair", "secretary", "adjuster"):
        return False
    before = text[max(0, lab.start - 3) : lab.start]
    if before.endswith("("):
        return True
    if not re.search(r"(?:\([A-Za-zÅÄÖåäö]{1,4}\)|,)\s*$", text[max(0, lab.start - 8) : lab.start]):
        return False
    nxt = labels_after[0] if labels_after else None
    return not (nxt and re.fullmatch(r"[\s:]*", text[lab.end : nxt.start]))


def parse_presence(text: str) -> list[Participant]:
    """Participants from the presence lists in the header text."""
    labels = find_labels(text)
    kept = [lab for i, lab in enumerate(labels) if not _is_role_word(lab, text, labels[i + 1 :])]
    runs = _label_runs(kept, text)
    # sections: (start, end, groups, skip place/time first)
    sections: list[list] = []
    prev_adjuster_end = -1000
    current: list | None = None
    for run in runs:
        if all(lab.kind == "neutral" or lab.value == "value" for lab in run) and current is not None:
            continue  # a running page header inside a list
        if current is not None:
            current[1] = run[0].start
        first = next((lab for lab in run if lab.kind != "neutral"), None)
        if any(lab.value == "adjuster" for lab in run):
            prev_adjuster_end = run[-1].end
        if first is None:
            current = None
            continue
        if first.kind != "group":
            if current is not None and len(run) == 1 and run[0].value in ("chair", "secretary"):
                current[1] = len(text)  # "Name Sekreterare" / "Ordförande: Name" inside a list
                continue
            current = None
            continue
        groups = _run_groups(run, text)
        reserve = groups == ["ersattare"] and run[-1].text.startswith("Ersättare")
        if reserve and run[0].start - prev_adjuster_end < 120:
            current = None
            continue  # the reserve of the adjuster
        start = run[-1].end
        prev_adjuster_end = -1000
        current = [start, len(text), groups, any(lab.value == "meeting" for lab in run)]
        sections.append(current)
    entries: list[_Entry] = []
    for start, end, groups, skip in sections:
        if skip:
            start = _skip_place_and_time(text, start, end)
        entries.extend(_parse_section(text, start, end, groups))
    return _finish(entries)


def _run_groups(run: list[Label], text: str) -> list[str]:
    groups = [lab for lab in run if lab.kind == "group"]
    if any(lab.value == "absent" for lab in groups):
        return [lab.value for lab in groups]
    # headings on lines of their own: the earlier ones were empty ("Tjänstgörande ersättare\nErsättare X")
    for i in range(len(groups) - 1, 0, -1):
        if "\n" in text[groups[i - 1].end : groups[i].start]:
            return [lab.value for lab in groups[i:]]
    return [lab.value for lab in groups]


def _skip_place_and_time(text: str, start: int, end: int) -> int:
    """In 'Plats och tid Beslutande <place> kl <time> <names>', skip the place and time."""
    window_end = min(end, start + 220)
    paren = text.find("(", start, window_end)
    if paren != -1:
        window_end = paren
    last = None
    for m in _TIME_OR_KL_RE.finditer(text, start, window_end):
        last = m
    if last is None:
        return start
    return last.end()


def _resolve_group(groups: list[str]) -> str | None:
    if "absent" in groups and len(groups) > 1:
        return None
    return groups[0] if groups else None


def _parse_section(text: str, start: int, end: int, groups: list[str]) -> list[_Entry]:
    if groups == ["absent"]:
        return []
    ambiguous = len(set(groups)) > 1
    base = _resolve_group(groups)
    chunks = [c for c in chunks_in(text, start, end) if c.person]
    entries: list[_Entry] = []
    cursor = start
    pending_replaced: list[str] = []
    for ch in chunks:
        if ch.start < cursor:
            continue
        gap = text[cursor : ch.start]
        if entries and _is_prose(gap):
            break
        if not entries and _is_prose(gap):
            return []
        after = text[ch.end : ch.end + 4].lstrip(" \t")
        if entries and _REPLACES_RE.search(gap) and not re.search(r"\n\s*\n", gap):
            entries[-1].tail += gap
            target = entries[-1]
            if target.replaces and not _has_party_right_after(text, ch.end):
                pending_replaced.append(ch.text)
            else:
                target.replaces.append(ch.text)
            cursor = _after_bracket(text, ch.end)
            continue
        if not _qualifies(ch, gap, after, text):
            continue
        if entries:
            entries[-1].tail += gap
        entry = _Entry(clean_name(ch.text), ch.start, ch.end, None if ambiguous else base)
        prefix = re.search(r"(Ordförande|Sekreterare)\s*:\s*$", gap)
        if prefix:
            entry.prefix_role = prefix.group(1).lower()
        if ambiguous:
            entry.forms = set(groups)
        entries.append(entry)
        cursor = ch.end
    if entries:
        entries[-1].tail += text[cursor:end] if not _is_prose(text[cursor:end]) else ""
    # "Tjänstgör för X" columns flattened after the names: pair in order
    for name in pending_replaced:
        for e in entries:
            if not e.replaces:
                e.replaces.append(name)
                break
    return entries


def _has_party_right_after(text: str, pos: int) -> bool:
    return bool(re.match(r"\s*\(", text[pos : pos + 3]))


def _after_bracket(text: str, pos: int) -> int:
    m = re.match(r"\s*\([^()\n]{0,40}\)\)?", text[pos : pos + 48])
    return pos + m.end() if m else pos


def _qualifies(ch: Chunk, gap: str, after: str, text: str) -> bool:
    if ch.strong:
        return True
    follows_sep = after[:1] in ("(", ",")
    if gap.strip() == "," or gap.rstrip().endswith(","):
        return follows_sep
    if follows_sep or ch.in_list:
        return True
    # alone on its line ("Cecilia Törnkvist")
    line_start = text.rfind("\n", 0, ch.start) + 1
    line_end = text.find("\n", ch.end)
    line_end = len(text) if line_end == -1 else line_end
    return not text[line_start : ch.start].strip() and not text[ch.end : line_end].strip()


def _is_prose(gap: str) -> bool:
    """A stretch of running text: the list has ended (or never began)."""
    if re.search(r"\w\s+(?!ordf\.)[a-zåäö]{4,}\.(?:\s|$)", gap):
        return True  # a sentence has ended
    words = re.findall(r"[a-zåäöé]{2,}", gap)
    if len(words) < 7:
        return False
    return bool(re.search(r"(?:\b[a-zåäöé]{2,}\b[\s,]+){6}", gap))


def _parse_tail(entry: _Entry) -> Participant:
    tail = re.sub(r"(?:Ordförande|Sekreterare)\s*:.*", "", entry.tail, flags=re.S)
    p = Participant(name=entry.name)
    rest = tail
    m = re.match(r"\s*\(\s*([^()\n]{1,40}?)\s*\)", rest)
    lenient = entry.group in ("beslutande", "ersattare", "tjg") or (
        entry.group is None and "ovriga" not in entry.forms
    )
    descriptors: list[str] = []
    if m:
        content = m.group(1)
        party = party_of(content, lenient)
        if party:
            p.party = party
        else:
            descriptors.append(content)
        rest = rest[m.end() :]
    else:
        m = re.match(r"\s*,\s*\(?\s*([A-Za-zÅÄÖåäö]{1,4}|-)\s*\)?(?=\s*(?:,|$|\s))", rest)
        if m and party_of(m.group(1)) and m.group(1) != "-":
            p.party = party_of(m.group(1))
            rest = rest[m.end() :]
        elif m and m.group(1) == "-":
            rest = rest[m.end() :]
    # further brackets: role or affiliation ("(Ordförande)", "(Bergs kommun)", "(ej fm)")
    for bm in re.finditer(r"\(\s*([^()\n]{1,60}?)\s*\)", rest):
        descriptors.append(bm.group(1))
    rest_plain = re.sub(r"\([^()\n]{0,60}\)", " ", rest)
    pres = _PRESENCE_START_RE.search(rest_plain)
    head = rest_plain[: pres.start()] if pres else rest_plain
    if pres:
        presence = rest_plain[pres.start() :].strip()
        presence = re.sub(r"\s+", " ", presence)
        if presence and len(presence) <= 40:
            p.presence = presence
    for d in descriptors:
        if _PRESENCE_START_RE.match(d) or re.fullmatch(r"ej\s+\w+|till och från", d, re.I):
            p.presence = p.presence or d
    if p.party is None:
        before_numbers = re.split(r"[§\d]", tail, maxsplit=1)[0]
        late = re.search(r"\(\s*([A-Za-zÅÄÖåäö]{1,4})\s*\)", before_numbers)
        if late and party_of(late.group(1)):
            p.party = party_of(late.group(1))
    role = _role_in(head) or next((r for d in descriptors if (r := _role_in(d))), None)
    role = entry.prefix_role or role
    pieces = [y for x in head.split(",") if (y := " ".join(x.split()).strip(" .:;-"))]
    pieces += [d for d in descriptors if not _PRESENCE_START_RE.match(d) and not _role_in(d)]
    title = None
    affiliation = None
    for piece in pieces:
        low = piece.lower()
        if re.search(
            r"\bers\.?$|^(?:och|för|ersättare|tjänstgörande ersättare)$", low
        ) or _REPLACES_RE.search(low):
            continue
        if _role_in(piece):
            continue
        if title is None and (
            piece[:1].islower() or low.split()[0].endswith(TITLE_SUFFIXES) or low.startswith(("tf", "t.f"))
        ):
            title = piece[:1].lower() + piece[1:] if not piece[:2].isupper() else piece
        elif affiliation is None and len(piece) <= 60:
            affiliation = piece
    p.role = role or title
    p.affiliation = affiliation
    if entry.replaces:
        p.replaces = clean_name(entry.replaces[0])
    p.group = _group_of(entry, p, bool(_ERS_MARK_RE.search(head)))
    return p


def _role_in(s: str) -> str | None:
    for rx, role in _ROLE_RES:
        m = rx.search(s)
        if m:
            return role.format(*m.groups()) if m.groups() else role
    return None


def _group_of(entry: _Entry, p: Participant, ers_mark: bool) -> str | None:
    group = entry.group
    if entry.forms:
        forms = entry.forms
        if "absent" in forms:
            return None
        members = [g for g in ("beslutande", "tjg", "ersattare") if g in forms]
        if p.party or p.replaces:
            group = members[0] if members else "ovriga"
        elif p.role and p.role not in ("ordförande", "vice ordförande") and "ovriga" in forms:
            group = "ovriga"
        else:
            group = next(iter(g for g in ("beslutande", "tjg", "ersattare", "ovriga") if g in forms), None)
    if ers_mark and not p.replaces:
        group = "ersattare"
    serving = p.replaces or group == "tjg" or p.role == "tjänstgörande ersättare"
    if serving and group in (None, "beslutande", "tjg", "ersattare"):
        p.role = "tjänstgörande ersättare" if p.role in (None, "ersättare") else p.role
        return "beslutande"
    if group == "beslutande" and p.role and p.role.lower() in _SUPPORT_ROLES:
        return "ovriga"
    return group


def _finish(entries: list[_Entry]) -> list[Participant]:
    out: list[Participant] = []
    seen: dict[str, Participant] = {}
    for e in entries:
        p = _parse_tail(e)
        key = fold(p.name)
        if key in seen:
            old = seen[key]
            if old.replaces and p.replaces and old.replaces != p.replaces:
                old.replaces = None
            for attr in ("party", "role", "affiliation"):
                if getattr(old, attr) is None and getattr(p, attr) is not None:
                    setattr(old, attr, getattr(p, attr))
            continue
        seen[key] = p
        out.append(p)
    return out
