"""Layout noise: running page headers and footers, blank runs, stray page numbers."""

from __future__ import annotations

import re

_NOISE = re.compile(
    r"^\s*(?:justerandes?\s+sign(?:atur)?\.?|utdragsbestyrkande|justerandes sign\s+utdragsbestyrkande"
    r"|sida\s+\d+\s*(?:\(\d+\)|av\s+\d+)?|\d+\s*\(\d+\)|\(\d+\)|page\s+\d+)\s*$",
    re.IGNORECASE,
)


def clean_lines(lines: list[str]) -> list[str]:
    """Drop running headers and footers; keep everything else line for line."""
    out: list[str] = []
    for raw in lines:
        line = raw.replace("\u00a0", " ").replace("\u00ad", "").rstrip()
        if _NOISE.match(line):
            continue
        out.append(line)
    return out
