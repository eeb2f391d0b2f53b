"""Layout noise: running page headers and footers, page numbers, repeated lines."""

from __future__ import annotations

import re
from collections import Counter

from beslutskoll.parse.sections import label_kind

_NOISE = re.compile(
    r"^\s*(?:justerandes?\s+sign(?:atur)?\.?|utdragsbestyrkande|justerandes sign\s+utdragsbestyrkande"
    r"|sida\s+\d+\s*(?:\(\d+\)|av\s+\d+)?|\d+\s*\(\d+\)|\(\d+\)|page\s+\d+|\d{1,3}|\d+\s*/\s*\d+)\s*$",
    re.IGNORECASE,
)
# "3 3(29) Bu …", "2 2 INNEHÅLL…", "4 (24) BEVIS": a flattened page led by its page number
_PAGE_PREFIX = re.compile(r"^\s*(\d{1,3})(?:\s+\1)?(?:\s*\(\d+\)|\s*\d+\s*\(\d+\))?\s+")
# labels that repeat legitimately in every item and must never be taken for running headers
# (as must every section label: "Beslut skickas till", "Reservation")
_KEEP = re.compile(r"^\s*(?:beslut|sammanfattning|yrkande|förslag till beslut|beslutsunderlag|bilagor?|"
                   r"underlag till beslut|[\wåäö]+s beslut|ordförande|sekreterare|justerare|föredragande\b.*)\s*:?\s*$", re.I)


def clean_lines(lines: list[str]) -> list[str]:
    """Drop running headers, footers and page numbers; keep the rest line for line."""
    lines = [raw.replace("\u00a0", " ").replace("\u00ad", "").replace("\t", " ").rstrip() for raw in lines]
    lines = _strip_page_prefixes(lines)
    repeated = _running_lines(lines)
    header_again = _repeated_header_blocks(lines)
    out: list[str] = []
    seen: set[str] = set()
    for i, line in enumerate(lines):
        if _NOISE.match(line) or i in header_again:
            continue
        key = line.strip()
        if key in repeated:
            if key in seen:
                continue
            seen.add(key)
        out.append(line)
    return out


def _running_lines(lines: list[str]) -> set[str]:
    """Short lines that recur on many pages: page headers and footers."""
    counts = Counter(line.strip() for line in lines if 0 < len(line.strip()) < 90)
    return {line for line, n in counts.items() if n >= 3 and ":" not in line and _header_like(line)}


# how many consecutive lines a page header repeated only twice (a two-page document) must have
_HEADER_RUN = 3


def _repeated_header_blocks(lines: list[str]) -> set[int]:
    """Indexes of lines that repeat, as a whole block, an earlier run of short lines.

    With two pages a running header ("REGION X / PROTOKOLL / Nämnden / Sammanträdesdatum …") occurs
    only twice; one repeated line alone may be text, a run of them in the same order is a header.
    """
    keys = [line.strip() if _header_like(line) else None for line in lines]
    first: dict[tuple[str, ...], int] = {}
    drop: set[int] = set()
    for i in range(len(lines) - _HEADER_RUN + 1):
        run = keys[i:i + _HEADER_RUN]
        if any(k is None for k in run):
            continue
        gram = tuple(run)  # type: ignore[arg-type]
        if gram in first and first[gram] + _HEADER_RUN <= i:
            drop.update(range(i, i + _HEADER_RUN))
        first.setdefault(gram, i)
    return drop


def _header_like(line: str) -> bool:
    """Short, no sentence and no section label: what a page header's lines are."""
    stripped = line.strip()
    return (
        0 < len(stripped) < 90 and len(stripped.split()) <= 8 and not stripped.endswith(".")
        and not _is_label(line)
    )


def _is_label(line: str) -> bool:
    """A label that recurs in every item, never a running header however often it comes."""
    return bool(_KEEP.match(line) or label_kind(line))


def _strip_page_prefixes(lines: list[str]) -> list[str]:
    """Remove page numbers that lead flattened pages ("1 …", "2 …"), numbered in order."""
    long_lines = [i for i, line in enumerate(lines) if len(line) > 150]
    if len(long_lines) < 2:
        return lines
    expected = 1
    hits: list[tuple[int, re.Match[str]]] = []
    for i in long_lines:
        m = _PAGE_PREFIX.match(lines[i])
        if m and int(m.group(1)) in (expected, expected + 1):
            hits.append((i, m))
            expected = int(m.group(1)) + 1
    if len(hits) < max(2, len(long_lines) // 2):
        return lines
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is not None and first < hits[0][0] and int(hits[0][1].group(1)) == 2:
        # a short first page ("1 Kommunala protokoll Kl. 13:00") before pages 2, 3 …
        m = re.match(r"^\s*1\s+(?=\S)", lines[first])
        if m:
            hits.insert(0, (first, m))
    out = list(lines)
    for i, m in hits:
        out[i] = out[i][m.end():]
    return out


# how many non-empty lines at the top and at the bottom of a page a running header or footer spans
_HEAD_ZONE, _FOOT_ZONE = 6, 3


def page_lines(pages: list[list[str]]) -> list[str]:
    """The pages' lines in order, without the running headers and footers of the pages after
    the first: a line standing in the top or bottom zone of several pages.

    The first page keeps them, as they name the body and the date. Counting alone (see
    clean_lines) needs three pages; with the pages known, two are enough.
    """
    if len(pages) < 2:
        return [line for page in pages for line in page]
    zones = [_zone(page) for page in pages]
    seen: Counter[str] = Counter(
        key for page, zone in zip(pages, zones, strict=True) for key in {page[i].strip() for i in zone}
    )
    running = {
        key for key, n in seen.items()
        if n >= 2 and n * 2 >= len(pages) and not _is_label(key)
    }
    out = list(pages[0])
    for page, zone in zip(pages[1:], zones[1:], strict=True):
        out.extend(line for i, line in enumerate(page) if i not in zone or line.strip() not in running)
    return out


def _zone(page: list[str]) -> set[int]:
    """Indexes of the first and last non-empty lines of a page."""
    filled = [i for i, line in enumerate(page) if line.strip()]
    return set(filled[:_HEAD_ZONE]) | set(filled[-_FOOT_ZONE:])
