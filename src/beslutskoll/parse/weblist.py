"""Web pages that list the items first and give their texts after the list.

A scraped page shows "•   1 / Mötet öppnas", "•   2 / Fastställande av
dagordning" … and only then, as further bullets, what was said under each
item. The k-th body belongs to the k-th number. Where the list shows an
item's opening text instead of its number ("• Avsikten med punkten är …"),
the body that repeats that text anchors the count; a run with more bodies
than numbers gives the extra bodies to the run's last number.
"""

from __future__ import annotations

import itertools
import re

from beslutskoll.parse.segment import Head

_BULLET = re.compile(r"^[ \t]*[•·*][ \t]+(?=\S)", re.M)
_TITLE_LINE = re.compile(r"\S[^\n]*")


def bodies_after_list(text: str, chain: list[Head]) -> tuple[int, dict[str, str]] | None:
    """(where the list ends, body text by item number), or None when the page is not laid out so."""
    if len(chain) < 3 or not all(h.bare for h in chain):
        return None
    title = _TITLE_LINE.search(text, chain[-1].body)
    if title is None:
        return None
    # the bodies use the list's own bullet; lists inside a body use another ("·", "-")
    mark = text[chain[0].start:chain[0].body].strip()[:1]
    rest = text[title.end():]
    starts = [m.start() for m in _BULLET.finditer(rest) if m.group(0).strip() == mark]
    if len(starts) < (len(chain) + 1) // 2:
        return None
    bodies = [_body(rest[a:b]) for a, b in itertools.pairwise([*starts, len(rest)])]
    numbers = list(range(chain[0].number, chain[-1].number + 1))
    anchors = _anchors(text, chain, mark, bodies)
    by_number: dict[str, list[str]] = {}
    for (b0, n0), (b1, n1) in itertools.pairwise([(0, numbers[0]), *anchors, (len(bodies), numbers[-1] + 1)]):
        run = list(range(n0, n1))
        for k, body in enumerate(bodies[b0:b1]):
            if run:
                by_number.setdefault(str(run[min(k, len(run) - 1)]), []).append(body)
    return title.end(), {n: "\n\n".join(texts) for n, texts in by_number.items()}


def _anchors(text: str, chain: list[Head], mark: str, bodies: list[str]) -> list[tuple[int, int]]:
    """(body index, number) for bodies whose opening the list shows in place of a number."""
    anchors: list[tuple[int, int]] = []
    next_body = 0
    for head, after in itertools.pairwise(chain):
        region = text[head.body:after.start]
        intros = [m for m in _BULLET.finditer(region) if m.group(0).strip() == mark]
        for k, m in enumerate(intros, start=1):
            probe = _key(region[m.end():m.end() + 200])[:40]
            found = next((i for i in range(next_body, len(bodies)) if probe and probe in _key(bodies[i])[:400]), None)
            if found is not None and head.number + k < after.number:
                anchors.append((found, head.number + k))
                next_body = found + 1
    return anchors


def _key(s: str) -> str:
    return " ".join(re.findall(r"\w+", s.lower()))


def _body(chunk: str) -> str:
    """A bullet's text and its indented continuation; an unindented line is the page's footer."""
    lines = [_BULLET.sub("", chunk.split("\n")[0])]
    for line in chunk.split("\n")[1:]:
        if line.strip() and not line[:1].isspace():
            break
        lines.append(line.strip())
    return "\n".join(lines).strip()
