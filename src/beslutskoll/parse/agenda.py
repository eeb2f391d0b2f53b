"""Rows of an agenda table that lost its columns: title, presenter names, time.

"9. Prioriterade områden 2023-2026 och Katarina Nyberg Finn,
 balanslista Elin Ring 13:40"
gives the title "Prioriterade områden 2023-2026 och balanslista", the
presenters Katarina Nyberg Finn and Elin Ring, and the time 13:40: the name
column is the run of capitalised words at the end of each physical line.
"""

from __future__ import annotations

import re

from beslutskoll.parse.dates import TIME, hhmm
from beslutskoll.parse.names import FULL_NAME, NAME_PART, is_first_name

_TRAILING_TIME = re.compile(
    r"[\s(]*(?:kl\.?\s*)?([01]?\d|2[0-3])[.:]([0-5]\d)(?:\s*[-–]\s*(?:[01]?\d|2[0-3])[.:][0-5]\d)?\)?\s*$", re.I
)
# "Anna Ek, utredare" / "Per Lund, enhetschef, NBF": a presenter column of names with roles and units
_ROLE_ENTRY = re.compile(
    rf"{NAME_PART}(?:\s+{NAME_PART}){{1,2}}(?:\s*,\s*(?:[a-zåäö][\wåäö-]*(?:\s+[a-zåäö][\wåäö-]*){{0,2}}|[A-ZÅÄÖ]{{2,6}}))+"
)
_CAP = re.compile(r"^[A-ZÅÄÖÉÜ][a-zåäöéü]+(?:-[A-ZÅÄÖÉÜ][a-zåäöéü]+)*,?$")


def parse_row(lines: list[str], names_anywhere: bool = False) -> tuple[str, str | None, list[str]]:
    """(title, time, presenters) of one agenda row, on one physical line or spread over several.

    names_anywhere: the row is one line whose presenter column may stand anywhere after the
    title's start (a table of contents that lost its columns), not only at the line's end.
    """
    if names_anywhere and len(lines) == 1:
        return _names_in_title(" ".join(lines[0].split()))
    if len(lines) == 1:
        line = " ".join(lines[0].split())
        span = _TRAILING_TIME.search(line)
        column = _role_column(line[: span.start()] if span and span.start() > 0 else line)
        if column:
            return column[0], hhmm(span.group(1), span.group(2)) if span and span.start() > 0 else None, column[1]
    return _columns(lines)


def _columns(lines: list[str]) -> tuple[str, str | None, list[str]]:
    """A row spread over physical lines: the name column is the capitalised run at each line's end."""
    title_parts: list[str] = []
    names: list[str] = []
    item_time: str | None = None
    dangling = False  # the previous line ended with a lone first name ("…, Elin")
    open_list = False  # the previous line's name column ended with a comma
    for raw in lines:
        line = raw.strip()
        m = _TRAILING_TIME.search(line)
        if m:
            item_time = item_time or hhmm(m.group(1), m.group(2))
            line = line[: m.start()].rstrip()
        # "Lindunger (PwC)": the presenter's organisation after the name is no part of the name column;
        # a party ("utse Eva Ek (fp)") marks a person named in the title instead
        org = re.search(r"\s+\(([^()]{1,20})\)$", line)
        if org and not re.fullmatch(r"[a-zåäö]{1,3}|[A-ZÅÄÖ]{1,3}", org.group(1)):
            line = line[: org.start()]
        tokens = line.split()
        if not tokens:
            continue
        tail_start = len(tokens)
        while tail_start > 0 and _CAP.match(tokens[tail_start - 1]):
            tail_start -= 1
        tail = [t.rstrip(",") for t in tokens[tail_start:]]
        if dangling and tail:
            # "Elin" / "… Ring": the surname wrapped onto this line
            names[-1] = f"{names[-1]} {tail[0]}"
            title_parts.append(" ".join(tokens[:tail_start]))
            dangling = False
            continue
        first_at = next((i for i, t in enumerate(tail) if is_first_name(t)), None)
        if first_at is not None and (tail_start + first_at > 0 or not title_parts or open_list):
            title_parts.append(" ".join(tokens[: tail_start + first_at]))
            column = " ".join(tokens[tail_start + first_at:])
            names.extend(n.strip() for n in column.split(",") if n.strip())
            dangling = " " not in names[-1]
            open_list = column.endswith(",")
        else:
            title_parts.append(line)
            open_list = False
    title = " ".join(p for p in title_parts if p).strip(" ,-–")
    return title, item_time, names


def _names_in_title(title: str) -> tuple[str, str | None, list[str]]:
    """A row on one line: "Title  Presenter Name  12:30" → title, time, presenters; names anywhere after the title's start."""
    item_time = None
    span = _TRAILING_TIME.search(title)
    if span and span.start() > 0:
        # "(Kl. 16:30-16:50)": the row's time column gives its start
        item_time = hhmm(span.group(1), span.group(2))
        title = title[: span.start()].rstrip(" ,-–")
    column = _role_column(title)
    if column:
        return column[0], item_time, column[1]
    tm = list(TIME.finditer(title))
    if tm and tm[-1].end() >= len(title) - 2 and item_time is None:
        item_time = hhmm(tm[-1].group(1), tm[-1].group(2))
        title = title[:tm[-1].start()].rstrip(" ,-–")
    presenters: list[str] = []
    for m in reversed(list(FULL_NAME.finditer(title))):
        words = m.group(0).split()
        start = m.start()
        while words and not is_first_name(words[0]):
            start += len(words[0]) + 1
            words = words[1:]
        if len(words) < 2 or start < 8:
            continue
        if not title[m.end():].strip(" ,") or all(p in title[m.end():] for p in presenters[:1]):
            # "Gunnar Jaxell Jesper Almlöf": two names from a column, without a comma
            cuts = [i for i, w in enumerate(words) if i >= 2 and is_first_name(w)] + [len(words)]
            names = [" ".join(words[a:b]) for a, b in zip([0, *cuts], cuts, strict=False)]
            presenters[:0] = [n for n in names if n not in presenters]
            title = (title[:start] + title[m.end():]).rstrip(" ,")
    return title.strip(" ,-–"), item_time, presenters


def _role_column(title: str) -> tuple[str, list[str]] | None:
    """(title, presenters) where the row ends in names with their roles: "Utredning Anna Ek, utredare"."""
    for m in FULL_NAME.finditer(title):
        # no first-name check: the role after the name is the evidence, and the dictionary misses some ("Björn")
        if m.start() < 8:
            continue
        rest = title[m.start():]
        entries = [e for e in re.split(r"\s*,\s*", rest) if e]
        if not _ROLE_ENTRY.match(rest) or not all(_column_part(e) for e in entries):
            return None
        names = [e for e in entries if FULL_NAME.fullmatch(e)]
        return title[: m.start()].rstrip(" ,-–:"), names
    return None


def _column_part(entry: str) -> bool:
    """A name, a lower-case role or a unit's abbreviation: what a presenter column holds."""
    return bool(FULL_NAME.fullmatch(entry) or re.fullmatch(r"[a-zåäö][\wåäö -]*|[A-ZÅÄÖ]{2,6}", entry))
